import { mkdir, writeFile } from 'node:fs/promises';
import net from 'node:net';
import { join } from 'node:path';
import { decodeEscPos, type DecodedPrint } from './escpos-decode.ts';
import { renderPreviewHtml, renderPreviewText } from './print-preview.ts';
import { layoutColumns } from './text-width.ts';

export interface FakePrinterState {
  /** Answers DLE EOT 1 with the offline bit; does not print. */
  offline: boolean;
  /** Not listening: connections are refused. */
  refuse: boolean;
  paperOut: boolean;
  paperLow: boolean;
  coverOpen: boolean;
  /** Never answers status queries (still prints). */
  silent: boolean;
}

export interface FakePrinterOptions {
  /** Default 127.0.0.1. */
  host?: string;
  /** Default 0 (any free port). */
  port?: number;
  /** Write `<n>-<time>.txt` and `.html` previews of every printed job here. */
  previewDir?: string;
  /** Paper width for previews. Default 80. */
  paperWidthMm?: 58 | 80;
  /** Font A columns per line for previews; default by paper width. */
  columns?: number;
  /** A job ends at a cut as well as at the end of a connection. Default false (one job per connection). */
  splitOnCut?: boolean;
  log?: (message: string) => void;
}

export type JobListener = (job: Buffer, index: number, decoded: DecodedPrint) => void;

interface Conn {
  pending: Buffer;
  job: Buffer[];
  /** The printer was faulted while this job's bytes arrived. */
  faulted: boolean;
}

/**
 * A network receipt printer on a real TCP socket, for tests and demos. Records the jobs it receives and
 * answers `DLE EOT n` (in real time, wherever it appears in the stream) and `GS r n` with the status
 * bytes of its state. Jobs that arrive while it is offline, out of paper or open are not printed
 * (they go to `rejectedJobs`).
 */
export class FakePrinter {
  readonly host: string;
  readonly jobs: Buffer[] = [];
  readonly rejectedJobs: Buffer[] = [];
  /** Preview files, in job order (written by the time `stop()` resolves). */
  readonly previews: string[] = [];
  statusQueries = 0;
  private readonly options: FakePrinterOptions;
  private current: FakePrinterState = {
    offline: false,
    refuse: false,
    paperOut: false,
    paperLow: false,
    coverOpen: false,
    silent: false,
  };
  private server: net.Server | null = null;
  private boundPort: number;
  private readonly sockets = new Set<net.Socket>();
  private readonly listeners = new Set<JobListener>();
  private readonly writes = new Set<Promise<void>>();
  private listening: Promise<void> = Promise.resolve();

  constructor(options: FakePrinterOptions = {}) {
    this.options = options;
    this.host = options.host ?? '127.0.0.1';
    this.boundPort = options.port ?? 0;
  }

  get port(): number {
    return this.boundPort;
  }

  get uri(): string {
    return `tcp://${this.host}:${this.boundPort}`;
  }

  get state(): Readonly<FakePrinterState> {
    return { ...this.current };
  }

  /** Listen; resolves with the port. */
  async start(): Promise<number> {
    await this.listen(this.boundPort);
    if (this.current.refuse) await this.unlisten();
    return this.boundPort;
  }

  async stop(): Promise<void> {
    await this.unlisten();
    await Promise.all([...this.writes]);
  }

  async setState(patch: Partial<FakePrinterState>): Promise<void> {
    const wasRefusing = this.current.refuse;
    this.current = { ...this.current, ...patch };
    if (this.boundPort === 0 || wasRefusing === this.current.refuse) return;
    // Start/stop listening one change at a time, ending in the latest state.
    const step = async (): Promise<void> => {
      if (this.current.refuse && this.server) await this.unlisten();
      else if (!this.current.refuse && !this.server) await this.listen(this.boundPort);
    };
    this.listening = this.listening.then(step, step);
    await this.listening;
  }

  decodedJobs(): DecodedPrint[] {
    return this.jobs.map((j) => decodeEscPos(j));
  }

  onJob(listener: JobListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Resolves once at least `n` jobs were printed; rejects after `timeoutMs`. */
  waitForJobs(n: number, timeoutMs = 2000): Promise<Buffer[]> {
    if (this.jobs.length >= n) return Promise.resolve(this.jobs.slice());
    return new Promise((resolve, reject) => {
      const off = this.onJob(() => {
        if (this.jobs.length < n) return;
        clearTimeout(timer);
        off();
        resolve(this.jobs.slice());
      });
      const timer = setTimeout(() => {
        off();
        reject(new Error(`fake printer: ${this.jobs.length} of ${n} jobs after ${timeoutMs} ms`));
      }, timeoutMs);
    });
  }

  private listen(port: number): Promise<void> {
    return new Promise((resolve, reject) => {
      const server = net.createServer((socket) => this.accept(socket));
      server.once('error', reject);
      server.listen(port, this.host, () => {
        server.off('error', reject);
        const addr = server.address();
        if (addr && typeof addr === 'object') this.boundPort = addr.port;
        this.server = server;
        resolve();
      });
    });
  }

  private async unlisten(): Promise<void> {
    const server = this.server;
    this.server = null;
    for (const s of this.sockets) s.destroy();
    if (server) await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  private accept(socket: net.Socket): void {
    this.sockets.add(socket);
    const conn: Conn = { pending: Buffer.alloc(0), job: [], faulted: false };
    socket.on('data', (chunk: Buffer) => this.receive(socket, conn, chunk));
    socket.on('error', () => undefined);
    socket.on('close', () => {
      this.sockets.delete(socket);
      this.addData(conn, conn.pending);
      conn.pending = Buffer.alloc(0);
      this.finishJob(conn);
    });
  }

  private faulted(): boolean {
    const s = this.current;
    return s.offline || s.paperOut || s.coverOpen;
  }

  private addData(conn: Conn, bytes: Buffer): void {
    if (bytes.length === 0) return;
    conn.job.push(Buffer.from(bytes));
    if (this.faulted()) conn.faulted = true;
  }

  /** Split the stream into job data and real-time requests, which are answered at once. */
  private receive(socket: net.Socket, conn: Conn, chunk: Buffer): void {
    const p = conn.pending.length > 0 ? Buffer.concat([conn.pending, chunk]) : chunk;
    let i = 0;
    let runStart = 0;
    const flushRun = (end: number, next: number): void => {
      this.addData(conn, p.subarray(runStart, end));
      runStart = next;
    };
    while (i < p.length) {
      const b = p[i];
      const c = p[i + 1];
      if ((b === 0x10 || b === 0x1d) && c === undefined) break; // wait for the rest
      if (b === 0x1d && c === 0x28 && p[i + 2] === undefined) break;
      if (b === 0x10 && c === 0x04) {
        const n = p[i + 2];
        if (n === undefined) break;
        flushRun(i, i + 3);
        this.reply(socket, this.dleEotByte(n));
        i += 3;
      } else if (b === 0x1d && c === 0x72) {
        const n = p[i + 2];
        if (n === undefined) break;
        flushRun(i, i + 3);
        this.reply(socket, n === 1 || n === 49 ? this.paperSensorByte() : 0x00);
        i += 3;
      } else if (b === 0x1d && c === 0x28 && p[i + 2] === 0x6b) {
        if (i + 4 >= p.length) break;
        const len = (p[i + 3] ?? 0) + (p[i + 4] ?? 0) * 256;
        if (i + 5 + len > p.length) break;
        i += 5 + len; // GS ( k payloads may contain any byte: skip them whole
      } else if (b === 0x1d && c === 0x56) {
        const m = p[i + 2];
        if (m === undefined) break;
        const end = i + (m >= 65 ? 4 : 3);
        if (end > p.length) break;
        i = end;
        if (this.options.splitOnCut) {
          flushRun(i, i);
          this.finishJob(conn);
        }
      } else {
        i += 1;
      }
    }
    flushRun(i, i);
    conn.pending = Buffer.from(p.subarray(i));
  }

  private reply(socket: net.Socket, byte: number): void {
    this.statusQueries += 1;
    if (this.current.silent) return;
    socket.write(Buffer.from([byte]));
  }

  private dleEotByte(n: number): number {
    const s = this.current;
    if (n === 1) return 0x12 | (this.faulted() ? 0x08 : 0);
    if (n === 2) return 0x12 | (s.coverOpen ? 0x04 : 0) | (s.paperOut ? 0x20 : 0);
    if (n === 4) return 0x12 | (s.paperLow ? 0x0c : 0) | (s.paperOut ? 0x60 : 0);
    return 0x12;
  }

  private paperSensorByte(): number {
    if (this.current.paperOut) return 0x0c;
    return this.current.paperLow ? 0x03 : 0x00;
  }

  private finishJob(conn: Conn): void {
    const bytes = Buffer.concat(conn.job);
    const faulted = conn.faulted;
    conn.job = [];
    conn.faulted = false;
    if (bytes.length === 0) return;
    const decoded = decodeEscPos(bytes);
    const hasContent = decoded.cuts > 0 || decoded.qr.length > 0 || decoded.lines.some((l) => l.trim() !== '');
    if (!hasContent) return; // e.g. the ESC @ FS & left after a cut
    if (faulted) {
      this.rejectedJobs.push(bytes);
      this.options.log?.(`job not printed (printer faulted): ${bytes.length} bytes`);
      return;
    }
    this.jobs.push(bytes);
    const index = this.jobs.length;
    this.options.log?.(
      `job ${index}: ${decoded.lines.find((l) => l.trim() !== '')?.trim() ?? ''} (${bytes.length} bytes)`,
    );
    if (this.options.previewDir) this.track(this.writePreview(index, decoded));
    for (const listener of this.listeners) listener(bytes, index, decoded);
  }

  private track(p: Promise<void>): void {
    const tracked = p.catch((err: unknown) => this.options.log?.(`preview not written: ${String(err)}`));
    this.writes.add(tracked);
    void tracked.then(() => this.writes.delete(tracked));
  }

  private async writePreview(index: number, decoded: DecodedPrint): Promise<void> {
    const dir = this.options.previewDir ?? '.';
    const paper = this.options.paperWidthMm ?? 80;
    const base = `${String(index).padStart(4, '0')}-${new Date().toISOString().replace(/[:.]/g, '-')}`;
    const txt = join(dir, `${base}.txt`);
    const html = join(dir, `${base}.html`);
    this.previews.push(txt, html);
    await mkdir(dir, { recursive: true });
    const columns = layoutColumns({ paperWidthMm: paper, columns: this.options.columns });
    await writeFile(txt, renderPreviewText(decoded, columns));
    await writeFile(html, renderPreviewHtml(decoded, { paperWidthMm: paper, columns, title: `job ${index}` }));
  }
}
