import { existsSync } from 'node:fs';
import type { DecoderStats } from './frame.ts';

export type LinkStatus = 'connected' | 'disconnected';

/** The part of serialport's `SerialPort` we use (tests may pass `SerialPortMock`). */
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

/** Splits a byte stream into frames of some protocol; bad input is counted in `stats`, never thrown. */
export interface StreamDecoder<F> {
  push(chunk: Uint8Array): F[];
  /** Forget a half-received frame. */
  reset(): void;
  readonly stats: DecoderStats;
}

export interface BackoffOptions {
  /** First wait before reopening. Default 500 ms. */
  initialMs?: number;
  /** The wait doubles after each failed try, up to this. Default 10 s. */
  maxMs?: number;
}

export interface SerialLinkOptions<F> {
  path: string;
  baudRate: number;
  decoder: StreamDecoder<F>;
  /** Default `new SerialPort({ path, baudRate, autoOpen: false })`. */
  openPort?: SerialPortFactory;
  backoff?: BackoffOptions;
  /** While connected, check this often that a `/dev/…` path still exists (0: never). Default 1000 ms. */
  pathCheckMs?: number;
  /** Per open and per write (with drain). Default 3000 ms. */
  ioTimeoutMs?: number;
  log?: (message: string) => void;
}

export type LinkStats = DecoderStats & {
  /** Times the port was opened again after it had been lost. */
  reconnects: number;
  /** Why the port was last lost or could not be opened. */
  lastError: string | null;
};

/** serialport (native bindings) is loaded only when a real port is first opened. */
const defaultFactory: SerialPortFactory = async ({ path, baudRate }) => {
  const { SerialPort } = await import('serialport');
  return new SerialPort({ path, baudRate, autoOpen: false });
};

export function errorMessage(err: unknown): string {
  if (err instanceof Error) {
    const code = (err as NodeJS.ErrnoException).code;
    return code && !err.message.includes(code) ? `${code}: ${err.message}` : err.message;
  }
  return String(err);
}

function withTimeout<T>(p: Promise<T>, ms: number, what: string): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${what}: timeout after ${ms} ms`)), ms);
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

/**
 * One serial port that stays open: it is reopened with back-off whenever it closes, errors or its path
 * vanishes (USB adapter pulled, pty gone), until `close()`. Incoming bytes are split into frames.
 */
export class SerialLink<F> {
  readonly path: string;
  readonly baudRate: number;
  private readonly decoder: StreamDecoder<F>;
  private readonly openPort: SerialPortFactory;
  private readonly initialMs: number;
  private readonly maxMs: number;
  private readonly pathCheckMs: number;
  private readonly ioTimeoutMs: number;
  private readonly log: (message: string) => void;
  private port: SerialPortLike | null = null;
  private currentStatus: LinkStatus = 'disconnected';
  private started = false;
  private closed = false;
  private attempt = 0;
  private retryTimer: NodeJS.Timeout | null = null;
  private pathTimer: NodeJS.Timeout | null = null;
  private opened = 0;
  private lastError: string | null = null;
  private readonly statusListeners = new Set<(status: LinkStatus) => void>();
  private readonly frameListeners = new Set<(frame: F) => void>();

  constructor(options: SerialLinkOptions<F>) {
    this.path = options.path;
    this.baudRate = options.baudRate;
    this.decoder = options.decoder;
    this.openPort = options.openPort ?? defaultFactory;
    this.initialMs = options.backoff?.initialMs ?? 500;
    this.maxMs = Math.max(this.initialMs, options.backoff?.maxMs ?? 10_000);
    this.pathCheckMs = options.pathCheckMs ?? 1000;
    this.ioTimeoutMs = options.ioTimeoutMs ?? 3000;
    this.log = options.log ?? (() => undefined);
  }

  get status(): LinkStatus {
    return this.currentStatus;
  }

  get stats(): LinkStats {
    return { ...this.decoder.stats, reconnects: Math.max(0, this.opened - 1), lastError: this.lastError };
  }

  /** Start opening the port (and keep it open). Idempotent. */
  start(): void {
    if (this.started || this.closed) return;
    this.started = true;
    void this.connect();
  }

  onStatus(listener: (status: LinkStatus) => void): () => void {
    this.statusListeners.add(listener);
    return () => this.statusListeners.delete(listener);
  }

  onFrame(listener: (frame: F) => void): () => void {
    this.frameListeners.add(listener);
    return () => this.frameListeners.delete(listener);
  }

  /** Write and drain. Rejects when not connected; a failed write drops the port (it is reopened). */
  async write(bytes: Buffer): Promise<void> {
    const port = this.port;
    if (!port) throw new Error(`${this.path} is not connected${this.lastError ? ` (${this.lastError})` : ''}`);
    try {
      await withTimeout(
        new Promise<void>((resolve, reject) => {
          port.write(bytes, (err) => (err ? reject(err) : undefined));
          port.drain((err) => (err ? reject(err) : resolve()));
        }),
        this.ioTimeoutMs,
        `write to ${this.path}`,
      );
    } catch (err) {
      this.lost(port, err);
      if (port.isOpen) port.close(() => undefined);
      throw err;
    }
  }

  /** Stop reopening and close the port. Status listeners hear `disconnected` if it was connected. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    if (this.retryTimer) clearTimeout(this.retryTimer);
    this.retryTimer = null;
    this.stopPathCheck();
    const port = this.port;
    this.port = null;
    this.setStatus('disconnected');
    this.statusListeners.clear();
    this.frameListeners.clear();
    if (port?.isOpen) await new Promise<void>((resolve) => port.close(() => resolve()));
  }

  private async connect(): Promise<void> {
    this.retryTimer = null;
    if (this.closed || this.port) return;
    let port: SerialPortLike | null = null;
    try {
      port = await this.openPort({ path: this.path, baudRate: this.baudRate });
      const p = port;
      // Listeners first: serialport emits 'error' with no listener as an uncaught exception.
      p.on('data', (chunk) => this.receive(p, chunk));
      p.on('error', (err) => {
        this.lastError = errorMessage(err);
        this.log(`${this.path}: ${this.lastError}`);
        if (!p.isOpen) this.lost(p, err);
      });
      p.on('close', (err) => this.lost(p, err));
      await withTimeout(
        new Promise<void>((resolve, reject) => p.open((err) => (err ? reject(err) : resolve()))),
        this.ioTimeoutMs,
        `open ${this.path}`,
      );
    } catch (err) {
      this.lastError = errorMessage(err);
      if (port?.isOpen) port.close(() => undefined);
      this.scheduleRetry();
      return;
    }
    if (this.closed) {
      port.close(() => undefined);
      return;
    }
    this.port = port;
    this.attempt = 0;
    this.opened++;
    this.decoder.reset();
    this.startPathCheck(port);
    this.log(`${this.path}: connected`);
    this.setStatus('connected');
  }

  private receive(port: SerialPortLike, chunk: Buffer): void {
    if (this.port !== port) return;
    for (const frame of this.decoder.push(chunk)) {
      for (const listener of [...this.frameListeners]) {
        try {
          listener(frame);
        } catch (err) {
          this.log(`${this.path}: frame listener threw: ${errorMessage(err)}`);
        }
      }
    }
  }

  private lost(port: SerialPortLike, err?: unknown): void {
    if (this.port !== port) return;
    this.port = null;
    this.stopPathCheck();
    if (err !== undefined && err !== null) this.lastError = errorMessage(err);
    this.log(`${this.path}: disconnected${this.lastError ? ` (${this.lastError})` : ''}`);
    this.setStatus('disconnected');
    this.scheduleRetry();
  }

  private scheduleRetry(): void {
    if (this.closed || this.retryTimer) return;
    const delay = Math.min(this.maxMs, this.initialMs * 2 ** this.attempt);
    this.attempt++;
    this.retryTimer = setTimeout(() => void this.connect(), delay);
  }

  // A pty whose other end was SIGKILLed, or some USB adapters, close without an error on our side.
  private startPathCheck(port: SerialPortLike): void {
    if (this.pathCheckMs <= 0 || !this.path.startsWith('/')) return;
    this.pathTimer = setInterval(() => {
      if (existsSync(this.path)) return;
      this.lost(port, new Error(`${this.path} vanished`));
      if (port.isOpen) port.close(() => undefined);
    }, this.pathCheckMs);
  }

  private stopPathCheck(): void {
    if (this.pathTimer) clearInterval(this.pathTimer);
    this.pathTimer = null;
  }

  private setStatus(status: LinkStatus): void {
    if (status === this.currentStatus) return;
    this.currentStatus = status;
    for (const listener of [...this.statusListeners]) {
      try {
        listener(status);
      } catch (err) {
        this.log(`${this.path}: status listener threw: ${errorMessage(err)}`);
      }
    }
  }
}
