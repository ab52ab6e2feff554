import { describeStatus, isFault, type PrinterStatus } from './printer-status.ts';
import type { PrinterTransport } from './transports/transport.ts';
import { errorMessage } from './transports/transport.ts';

export interface PrintJob {
  id: string;
  bytes: Buffer;
}

export type PrintResult = { ok: true } | { ok: false; status: PrinterStatus; error: string };

export type StatusListener = (status: PrinterStatus, previous: PrinterStatus) => void;

export interface PrintQueueOptions {
  /** The printer's id in the hall config. */
  id: string;
  transport: PrinterTransport;
  /** DLE EOT poll interval while started. Default 5000 ms. */
  pollMs?: number;
  /** Extra attempts after a transient failure (unreachable, timeout, offline). Default 2. */
  retries?: number;
  /** Pause before each retry. Default 1000 ms. */
  retryDelayMs?: number;
}

interface Pending {
  job: PrintJob;
  resolve: (r: PrintResult) => void;
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * One printer's jobs, one at a time, in order. A job is ok only when the printer reported no fault
 * just before its bytes were sent and still none right after they were accepted.
 *
 * - `offline` (no connection, no answer, or the offline bit) and write errors are transient: the job
 *   is tried again up to `retries` times.
 * - `paper-out` / `cover-open` before sending fail the job at once with that status (no retry: a person
 *   must fix the printer; the caller decides whether to reprint).
 * - A fault right after sending fails the job without retry (it may be half printed; reprinting
 *   automatically could print the ticket twice).
 *
 * The status starts as `offline` until the first query; listeners hear every change.
 */
export class PrintQueue {
  readonly id: string;
  readonly transport: PrinterTransport;
  readonly pollMs: number;
  readonly retries: number;
  readonly retryDelayMs: number;
  private current: PrinterStatus = 'offline';
  private lastCheckedAt: number | null = null;
  private readonly listeners = new Set<StatusListener>();
  private readonly waiting: Pending[] = [];
  private running: Promise<void> | null = null;
  private polling: Promise<unknown> | null = null;
  private timer: NodeJS.Timeout | null = null;
  private started = false;
  private stopped = false;
  /** Bumped by start/stop so a poll from an earlier start does not reschedule itself. */
  private generation = 0;

  constructor(options: PrintQueueOptions) {
    this.id = options.id;
    this.transport = options.transport;
    this.pollMs = options.pollMs ?? 5000;
    this.retries = Math.max(0, options.retries ?? 2);
    this.retryDelayMs = options.retryDelayMs ?? 1000;
  }

  get status(): PrinterStatus {
    return this.current;
  }

  /** When the status was last learned from the printer (epoch ms), or null before the first query. */
  get checkedAt(): number | null {
    return this.lastCheckedAt;
  }

  /** Jobs waiting, including the one printing. */
  get pending(): number {
    return this.waiting.length + (this.running ? 1 : 0);
  }

  /** Called on every status change. Returns an unsubscribe function. */
  onStatus(listener: StatusListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Start polling the status every `pollMs` (first poll at once). Timers do not keep the process alive. */
  start(): void {
    this.stopped = false;
    if (this.started) return;
    this.started = true;
    this.generation += 1;
    this.schedulePoll(0, this.generation);
  }

  /** Stop polling; wait for the job being printed; fail the jobs not started yet. */
  async stop(): Promise<void> {
    this.stopped = true;
    this.started = false;
    this.generation += 1;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    for (const p of this.waiting.splice(0)) {
      p.resolve({ ok: false, status: this.current, error: 'print queue stopped' });
    }
    await this.running;
    await this.polling;
  }

  /** Queue a job; resolves when it printed or finally failed. Never rejects. */
  print(job: PrintJob): Promise<PrintResult> {
    if (this.stopped) return Promise.resolve({ ok: false, status: this.current, error: 'print queue stopped' });
    return new Promise((resolve) => {
      this.waiting.push({ job, resolve });
      this.running ??= this.drain();
    });
  }

  /** Query the printer now (outside the poll schedule); listeners hear a change. */
  async checkStatus(): Promise<PrinterStatus> {
    const status = await this.transport.queryStatus();
    this.setStatus(status);
    return status;
  }

  private async drain(): Promise<void> {
    for (let next = this.waiting.shift(); next; next = this.waiting.shift()) {
      let result: PrintResult;
      try {
        result = await this.runJob(next.job);
      } catch (err) {
        result = { ok: false, status: this.current, error: errorMessage(err) };
      }
      next.resolve(result);
    }
    this.running = null;
  }

  private async runJob(job: PrintJob): Promise<PrintResult> {
    let lastError = '';
    for (let attempt = 0; attempt <= this.retries; attempt++) {
      if (attempt > 0) {
        if (this.stopped) return { ok: false, status: this.current, error: `print queue stopped; ${lastError}` };
        await sleep(this.retryDelayMs);
      }
      const before = await this.checkStatus();
      if (before === 'paper-out' || before === 'cover-open') {
        return { ok: false, status: before, error: `job ${job.id} not sent: ${describeStatus(before)}` };
      }
      if (before === 'offline') {
        lastError = this.transport.lastError ?? describeStatus('offline');
        continue;
      }
      try {
        await this.transport.write(job.bytes);
      } catch (err) {
        lastError = errorMessage(err);
        this.setStatus('offline');
        continue;
      }
      const after = await this.checkStatus();
      if (isFault(after)) {
        const why = after === 'offline' ? (this.transport.lastError ?? describeStatus(after)) : describeStatus(after);
        return { ok: false, status: after, error: `job ${job.id} sent but the printer then reported: ${why}` };
      }
      return { ok: true };
    }
    return {
      ok: false,
      status: isFault(this.current) ? this.current : 'offline',
      error: `job ${job.id} failed after ${this.retries + 1} attempts: ${lastError}`,
    };
  }

  private schedulePoll(delay: number, generation: number): void {
    if (!this.started || generation !== this.generation) return;
    this.timer = setTimeout(() => {
      this.timer = null;
      // A running job queries before and after itself; do not interleave.
      const poll = this.running ? Promise.resolve() : this.checkStatus().catch(() => undefined);
      this.polling = poll;
      void poll.then(() => {
        if (this.polling === poll) this.polling = null;
        this.schedulePoll(this.pollMs, generation);
      });
    }, delay);
    this.timer.unref();
  }

  private setStatus(status: PrinterStatus): void {
    this.lastCheckedAt = Date.now();
    const previous = this.current;
    if (status === previous) return;
    this.current = status;
    for (const listener of this.listeners) {
      try {
        listener(status, previous);
      } catch {
        // a listener's failure must not stop printing
      }
    }
  }
}
