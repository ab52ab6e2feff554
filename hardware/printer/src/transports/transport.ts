import type { PrinterStatus } from '../printer-status.ts';

/** How bytes get to one printer. Implementations: TCP (port 9100), serial, file. */
export interface PrinterTransport {
  /** The URI it was made from, e.g. `tcp://10.0.0.5:9100`. */
  readonly uri: string;
  /** Send one job. Rejects on connection refused, timeout or I/O error. */
  write(bytes: Buffer): Promise<void>;
  /** Ask the printer with DLE EOT. Never rejects: no answer in time (or no connection) is `offline`. */
  queryStatus(): Promise<PrinterStatus>;
  /** Why the last `queryStatus()` said `offline` without the printer saying so (refused, timeout …), or null. */
  readonly lastError: string | null;
  close(): Promise<void>;
}

export const DEFAULT_TIMEOUT_MS = 3000;

export function errorMessage(err: unknown): string {
  if (err instanceof Error) {
    const code = (err as NodeJS.ErrnoException).code;
    return code && !err.message.includes(code) ? `${code}: ${err.message}` : err.message;
  }
  return String(err);
}
