import { dleEot } from '../escpos.ts';
import { DLE_EOT_QUERIES, isDleEotReply, parseDleEot, type PrinterStatus } from '../printer-status.ts';

/** Bytes coming back from a printer, read one at a time with a deadline. */
export class ByteInbox {
  private bytes: number[] = [];
  private wake: (() => void) | null = null;
  private closed = false;

  push(data: Buffer): void {
    for (const b of data) this.bytes.push(b);
    this.notify();
  }

  close(): void {
    this.closed = true;
    this.notify();
  }

  /** Drop stale bytes (e.g. a late reply to an earlier query). */
  clear(): void {
    this.bytes = [];
  }

  /** The next byte, or null once `deadline` (epoch ms) has passed or the stream closed. */
  async next(deadline: number): Promise<number | null> {
    for (;;) {
      const b = this.bytes.shift();
      if (b !== undefined) return b;
      const left = deadline - Date.now();
      if (this.closed || left <= 0) return null;
      await new Promise<void>((resolve) => {
        const timer = setTimeout(() => {
          this.wake = null;
          resolve();
        }, left);
        this.wake = () => {
          clearTimeout(timer);
          this.wake = null;
          resolve();
        };
      });
    }
  }

  private notify(): void {
    this.wake?.();
  }
}

export interface StatusQueryResult {
  status: PrinterStatus;
  /** Set when the printer did not answer (so `status` is `offline` by default, not by report). */
  error: string | null;
}

/**
 * Send DLE EOT 1, 2 and 4 one after another over an open connection, reading one reply byte for each
 * (bytes that are not DLE EOT replies, such as stray ASB bytes, are skipped). All three must arrive
 * before `deadline`.
 */
export async function queryDleEot(
  send: (bytes: Buffer) => Promise<void>,
  inbox: ByteInbox,
  deadline: number,
  timeoutMs: number,
): Promise<StatusQueryResult> {
  inbox.clear();
  const replies: (number | null)[] = [];
  for (const n of DLE_EOT_QUERIES) {
    await send(dleEot(n));
    let reply = await inbox.next(deadline);
    while (reply !== null && !isDleEotReply(reply)) reply = await inbox.next(deadline);
    if (reply === null) return { status: 'offline', error: `no reply to DLE EOT ${n} within ${timeoutMs} ms` };
    replies.push(reply);
  }
  const [printer, offlineCause, paper] = replies;
  return { status: parseDleEot({ printer, offlineCause, paper }), error: null };
}
