import { Worker } from 'node:worker_threads';

/**
 * PIN checks run scrypt (16 MiB each) on one dedicated thread: the event loop never waits for
 * them, and only that thread's allocator keeps memory (on libuv's four pool threads, each would
 * keep its own 16 MiB arena). The thread starts on first use and exits when idle.
 */
const WORKER_SOURCE = `
const { parentPort } = require('node:worker_threads');
const { scryptSync, timingSafeEqual } = require('node:crypto');
parentPort.on('message', ({ id, pin, stored }) => {
  let ok = false;
  try {
    const parts = stored.split('$');
    if (parts.length === 6 && parts[0] === 'scrypt') {
      const [N, r, p] = parts.slice(1, 4).map(Number);
      const salt = Buffer.from(parts[4], 'base64');
      const expected = Buffer.from(parts[5], 'base64');
      if (Number.isInteger(N) && expected.length > 0) {
        const actual = scryptSync(pin, salt, expected.length, { N, r, p, maxmem: 256 * 1024 * 1024 });
        ok = timingSafeEqual(actual, expected);
      }
    }
  } catch {
    ok = false;
  }
  parentPort.postMessage({ id, ok });
});
`;

export class PinVerifier {
  private worker: Worker | null = null;
  private readonly pending = new Map<number, (ok: boolean) => void>();
  private nextId = 0;
  private idleTimer: NodeJS.Timeout | null = null;

  constructor(private readonly idleMs = 5_000) {}

  verify(pin: string, stored: string): Promise<boolean> {
    const worker = this.ensureWorker();
    if (this.idleTimer !== null) clearTimeout(this.idleTimer);
    const id = ++this.nextId;
    return new Promise((resolve) => {
      this.pending.set(id, resolve);
      worker.postMessage({ id, pin, stored });
    });
  }

  async close(): Promise<void> {
    if (this.idleTimer !== null) clearTimeout(this.idleTimer);
    const w = this.worker;
    this.worker = null;
    if (w !== null) await w.terminate();
    for (const resolve of this.pending.values()) resolve(false);
    this.pending.clear();
  }

  private ensureWorker(): Worker {
    if (this.worker !== null) return this.worker;
    // A small isolate: the thread only runs scrypt, whose buffer lives outside the JS heap.
    const w = new Worker(WORKER_SOURCE, {
      eval: true,
      resourceLimits: { maxOldGenerationSizeMb: 8, maxYoungGenerationSizeMb: 1, codeRangeSizeMb: 2, stackSizeMb: 1 },
    });
    w.unref();
    w.on('message', ({ id, ok }: { id: number; ok: boolean }) => {
      this.pending.get(id)?.(ok);
      this.pending.delete(id);
      if (this.pending.size === 0) {
        this.idleTimer = setTimeout(() => void this.close(), this.idleMs);
        this.idleTimer.unref();
      }
    });
    w.on('error', () => {
      for (const resolve of this.pending.values()) resolve(false);
      this.pending.clear();
      this.worker = null;
    });
    this.worker = w;
    return w;
  }
}
