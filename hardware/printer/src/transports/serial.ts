import type { PrinterStatus } from '../printer-status.ts';
import { ByteInbox, queryDleEot } from './dle-eot-query.ts';
import { DEFAULT_TIMEOUT_MS, errorMessage, type PrinterTransport } from './transport.ts';

/** The part of serialport's `SerialPortStream` we use (so tests can pass `SerialPortMock`). */
export interface SerialPortLike {
  readonly isOpen: boolean;
  open(callback: (err: Error | null) => void): void;
  write(data: Buffer, callback: (err: Error | null | undefined) => void): boolean;
  drain(callback: (err: Error | null) => void): void;
  close(callback: (err: Error | null) => void): void;
  on(event: 'data', listener: (chunk: Buffer) => void): unknown;
  on(event: 'close' | 'error', listener: (arg?: unknown) => void): unknown;
}

export type SerialPortFactory = (options: {
  path: string;
  baudRate: number;
}) => SerialPortLike | Promise<SerialPortLike>;

export interface SerialTransportOptions {
  /** Default 9600, the usual factory setting of receipt printers. */
  baudRate?: number;
  /** Per write (including drain) and per status query. Default 3000 ms. */
  timeoutMs?: number;
  /** Opens the port; default `new SerialPort({ path, baudRate, autoOpen: false })`. */
  openPort?: SerialPortFactory;
}

/** serialport (native bindings) is loaded only when a serial printer is first used. */
const defaultFactory: SerialPortFactory = async ({ path, baudRate }) => {
  const { SerialPort } = await import('serialport');
  return new SerialPort({ path, baudRate, autoOpen: false });
};

/** `serial:/dev/ttyUSB0`, `serial:/dev/ttyS0?baudRate=115200`, `serial:COM3` or a bare `/dev/…` path. */
export function parseSerialUri(uri: string): { path: string; baudRate?: number } | null {
  const m = /^serial:(.+)$/i.exec(uri) ?? /^(\/dev\/.+)$/.exec(uri);
  const rest = m?.[1];
  if (!rest) return null;
  const [path = '', query] = rest.split('?', 2);
  if (path === '') return null;
  const baud = query ? new URLSearchParams(query).get('baudRate') : null;
  if (baud === null) return { path };
  const baudRate = Number(baud);
  return Number.isInteger(baudRate) && baudRate > 0 ? { path, baudRate } : null;
}

/**
 * A printer on a serial (or USB-serial) port. The port is opened on first use and kept open; writes
 * and status queries share it, so they run one at a time. Status is DLE EOT over the same port.
 */
export class SerialTransport implements PrinterTransport {
  readonly uri: string;
  readonly path: string;
  readonly baudRate: number;
  readonly timeoutMs: number;
  lastError: string | null = null;
  private readonly openPort: SerialPortFactory;
  private port: SerialPortLike | null = null;
  private inbox = new ByteInbox();
  private chain: Promise<unknown> = Promise.resolve();
  private closed = false;

  constructor(path: string, options: SerialTransportOptions = {}) {
    this.path = path;
    this.baudRate = options.baudRate ?? 9600;
    this.timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    this.openPort = options.openPort ?? defaultFactory;
    this.uri = `serial:${path}`;
  }

  static fromUri(uri: string, options: SerialTransportOptions = {}): SerialTransport {
    const parsed = parseSerialUri(uri);
    if (!parsed) throw new Error(`not a serial printer URI: ${uri}`);
    return new SerialTransport(parsed.path, { ...options, baudRate: parsed.baudRate ?? options.baudRate });
  }

  write(bytes: Buffer): Promise<void> {
    return this.exclusive(async () => {
      if (bytes.length === 0) return;
      const port = await this.ensureOpen();
      try {
        await this.withTimeout(
          new Promise<void>((resolve, reject) => {
            port.write(bytes, (err) => (err ? reject(err) : undefined));
            port.drain((err) => (err ? reject(err) : resolve()));
          }),
          `write to ${this.path}`,
        );
      } catch (err) {
        await this.dropPort(); // discard what is stuck; reopen next time
        throw err;
      }
    });
  }

  queryStatus(): Promise<PrinterStatus> {
    return this.exclusive(async () => {
      let port: SerialPortLike;
      try {
        port = await this.ensureOpen();
      } catch (err) {
        this.lastError = errorMessage(err);
        return 'offline';
      }
      const send = (b: Buffer): Promise<void> =>
        new Promise((resolve, reject) => port.write(b, (err) => (err ? reject(err) : resolve())));
      try {
        const r = await queryDleEot(send, this.inbox, Date.now() + this.timeoutMs, this.timeoutMs);
        this.lastError = r.error;
        return r.status;
      } catch (err) {
        this.lastError = errorMessage(err);
        return 'offline';
      }
    });
  }

  async close(): Promise<void> {
    this.closed = true;
    await this.chain.catch(() => undefined);
    await this.dropPort();
  }

  private exclusive<T>(fn: () => Promise<T>): Promise<T> {
    if (this.closed) return Promise.reject(new Error(`transport ${this.uri} is closed`));
    const result = this.chain.then(fn, fn);
    this.chain = result.catch(() => undefined);
    return result;
  }

  private async ensureOpen(): Promise<SerialPortLike> {
    if (this.port?.isOpen) return this.port;
    await this.dropPort();
    const port = await this.openPort({ path: this.path, baudRate: this.baudRate });
    const inbox = new ByteInbox();
    port.on('data', (chunk) => inbox.push(chunk));
    port.on('error', () => undefined); // failures surface through the callbacks
    port.on('close', () => {
      inbox.close();
      if (this.port === port) this.port = null;
    });
    try {
      await this.withTimeout(
        new Promise<void>((resolve, reject) => port.open((err) => (err ? reject(err) : resolve()))),
        `open ${this.path}`,
      );
    } catch (err) {
      if (port.isOpen) port.close(() => undefined);
      throw err;
    }
    this.port = port;
    this.inbox = inbox;
    return port;
  }

  private async dropPort(): Promise<void> {
    const port = this.port;
    this.port = null;
    if (!port?.isOpen) return;
    await new Promise<void>((resolve) => port.close(() => resolve()));
  }

  private withTimeout<T>(p: Promise<T>, what: string): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`${what}: timeout after ${this.timeoutMs} ms`)), this.timeoutMs);
      p.then(
        (v) => {
          clearTimeout(timer);
          resolve(v);
        },
        (err: unknown) => {
          clearTimeout(timer);
          reject(err instanceof Error ? err : new Error(String(err)));
        },
      );
    });
  }
}
