import net from 'node:net';
import { PrinterTypes, ThermalPrinter } from 'node-thermal-printer';
import type { PrinterStatus } from '../printer-status.ts';
import { ByteInbox, queryDleEot } from './dle-eot-query.ts';
import { DEFAULT_TIMEOUT_MS, errorMessage, type PrinterTransport } from './transport.ts';

export interface TcpTransportOptions {
  /** Connect/idle timeout for a job, and the whole budget of one status query. Default 3000 ms. */
  timeoutMs?: number;
}

const TCP_URI = /^tcp:\/\/([^/:\s]+)(?::(\d{1,5}))?\/?$/i;

export function parseTcpUri(uri: string): { host: string; port: number } | null {
  const m = TCP_URI.exec(uri);
  if (!m?.[1]) return null;
  const port = m[2] === undefined ? 9100 : Number(m[2]);
  if (port < 1 || port > 65535) return null;
  return { host: m[1], port };
}

/**
 * A network printer on raw port 9100.
 *
 * Jobs go through node-thermal-printer's network interface (`setBuffer` + `execute()`): it opens a
 * socket, writes the bytes, closes, rejects at once on a refused connection and with `Socket timeout`
 * when the socket idles for `timeoutMs`. Our bytes are already complete ESC/POS, so only its transport
 * is used, never its text encoder.
 *
 * Status does NOT go through it: `execute({ waitForResponse: true })` resolves with the first `data`
 * chunk of one connection and then destroys it, so it cannot ask DLE EOT 1, 2 and 4 and read one byte
 * for each (replies may arrive merged or split across chunks), and each call would cost a connection.
 * `queryStatus()` therefore uses a plain `net` socket: one connection, three requests, one reply byte
 * each, all within `timeoutMs`.
 */
export class TcpTransport implements PrinterTransport {
  readonly uri: string;
  readonly host: string;
  readonly port: number;
  readonly timeoutMs: number;
  lastError: string | null = null;
  private readonly printer: ThermalPrinter;
  private chain: Promise<unknown> = Promise.resolve();
  private closed = false;

  constructor(host: string, port: number, options: TcpTransportOptions = {}) {
    this.host = host;
    this.port = port;
    this.uri = `tcp://${host}:${port}`;
    this.timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    this.printer = new ThermalPrinter({
      type: PrinterTypes.EPSON,
      interface: this.uri,
      options: { timeout: this.timeoutMs },
    });
  }

  static fromUri(uri: string, options: TcpTransportOptions = {}): TcpTransport {
    const parsed = parseTcpUri(uri);
    if (!parsed) throw new Error(`not a tcp://host:port printer URI: ${uri}`);
    return new TcpTransport(parsed.host, parsed.port, options);
  }

  write(bytes: Buffer): Promise<void> {
    if (this.closed) return Promise.reject(new Error(`transport ${this.uri} is closed`));
    // The library keeps one buffer per instance: run writes one after another.
    const run = async (): Promise<void> => {
      if (bytes.length === 0) return;
      this.printer.setBuffer(bytes);
      try {
        await this.printer.execute();
      } finally {
        this.printer.clear();
      }
    };
    const result = this.chain.then(run, run);
    this.chain = result.catch(() => undefined);
    return result;
  }

  async queryStatus(): Promise<PrinterStatus> {
    if (this.closed) {
      this.lastError = 'transport closed';
      return 'offline';
    }
    const result = await this.query();
    this.lastError = result.error;
    return result.status;
  }

  private query(): Promise<{ status: PrinterStatus; error: string | null }> {
    const deadline = Date.now() + this.timeoutMs;
    return new Promise((resolve) => {
      const inbox = new ByteInbox();
      const socket = net.connect({ host: this.host, port: this.port });
      let settled = false;
      const finish = (status: PrinterStatus, error: string | null): void => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        socket.destroy();
        inbox.close();
        resolve({ status, error });
      };
      const timer = setTimeout(
        () => finish('offline', `no status from ${this.host}:${this.port} within ${this.timeoutMs} ms`),
        this.timeoutMs,
      );
      socket.on('data', (chunk: Buffer) => inbox.push(chunk));
      socket.on('error', (err) => finish('offline', errorMessage(err)));
      socket.on('close', () => inbox.close());
      socket.once('connect', () => {
        const send = (b: Buffer): Promise<void> =>
          new Promise((ok, fail) => socket.write(b, (err) => (err ? fail(err) : ok())));
        queryDleEot(send, inbox, deadline, this.timeoutMs).then(
          (r) => finish(r.status, r.error),
          (err: unknown) => finish('offline', errorMessage(err)),
        );
      });
    });
  }

  async close(): Promise<void> {
    this.closed = true;
    await this.chain;
  }
}
