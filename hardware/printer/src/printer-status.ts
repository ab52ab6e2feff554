/**
 * Printer status from `DLE EOT n` replies (answered in real time, even with data queued) and, as a
 * fallback, `GS r 1` (queued behind data, so prefer DLE EOT).
 */

export type PrinterStatus = 'ok' | 'paper-low' | 'paper-out' | 'cover-open' | 'offline';

export const PRINTER_STATUSES: readonly PrinterStatus[] = ['ok', 'paper-low', 'paper-out', 'cover-open', 'offline'];

/** Statuses in which the printer cannot print. `paper-low` is only a warning. */
export function isFault(status: PrinterStatus): boolean {
  return status === 'paper-out' || status === 'cover-open' || status === 'offline';
}

/** The DLE EOT requests we send, in order: n=1 printer status, n=2 offline cause, n=4 paper sensor. */
export const DLE_EOT_QUERIES = [1, 2, 4] as const;

/** One reply byte per request; `null`/missing means no answer arrived in time. */
export interface DleEotReplies {
  /** n=1 */
  printer?: number | null;
  /** n=2 */
  offlineCause?: number | null;
  /** n=4 */
  paper?: number | null;
}

export interface DleEotFlags {
  offline: boolean;
  coverOpen: boolean;
  paperEndStop: boolean;
  error: boolean;
  paperNearEnd: boolean;
  paperEnd: boolean;
}

/** Every DLE EOT reply has bit 1 and bit 4 set and bits 0 and 7 clear (0b0xx1xx10). */
export function isDleEotReply(byte: number): boolean {
  return (byte & 0x93) === 0x12;
}

/** The individual flags, or `null` when a reply is missing or malformed. */
export function dleEotFlags(replies: DleEotReplies): DleEotFlags | null {
  const { printer, offlineCause, paper } = replies;
  if (printer == null || offlineCause == null || paper == null) return null;
  if (![printer, offlineCause, paper].every(isDleEotReply)) return null;
  return {
    offline: (printer & 0x08) !== 0,
    coverOpen: (offlineCause & 0x04) !== 0,
    paperEndStop: (offlineCause & 0x20) !== 0,
    error: (offlineCause & 0x40) !== 0,
    paperNearEnd: (paper & 0x0c) !== 0,
    paperEnd: (paper & 0x60) !== 0,
  };
}

/**
 * Replies → status. The most actionable cause wins: cover open, then paper out, then offline
 * (including an error, or a missing/malformed reply), then paper low.
 */
export function parseDleEot(replies: DleEotReplies): PrinterStatus {
  const f = dleEotFlags(replies);
  if (!f) return 'offline';
  if (f.coverOpen) return 'cover-open';
  if (f.paperEndStop || f.paperEnd) return 'paper-out';
  if (f.offline || f.error) return 'offline';
  if (f.paperNearEnd) return 'paper-low';
  return 'ok';
}

/** `GS r 1` paper sensor reply: 0x00 normal, 0x03 near end, 0x0c (clones: 0x0f) paper end. */
export function parsePaperSensor(byte: number | null | undefined): 'ok' | 'paper-low' | 'paper-out' | 'offline' {
  if (byte == null) return 'offline';
  if ((byte & 0x0c) !== 0) return 'paper-out';
  if ((byte & 0x03) !== 0) return 'paper-low';
  return 'ok';
}

const STATUS_TEXT: Record<PrinterStatus, string> = {
  ok: 'printer ready',
  'paper-low': 'paper low',
  'paper-out': 'printer out of paper',
  'cover-open': 'printer cover open',
  offline: 'printer offline or not answering',
};

export function describeStatus(status: PrinterStatus): string {
  return STATUS_TEXT[status];
}
