import { closeSync, fsync, fsyncSync, openSync } from 'node:fs';
import { dirname } from 'node:path';
import type { Db } from './open-db.ts';

/**
 * Durability off the main thread. The command bus commits its batches with `synchronous=NORMAL`
 * (SQLite writes the WAL frames but does not fsync them), then asks this for an fsync of the WAL
 * file on libuv's thread pool and answers the batch's commands only once it has returned: the same
 * guarantee as `synchronous=FULL` (the frames are on the disk before anyone is told), but the event
 * loop keeps deciding the next batch while the disk works. SQLite still syncs at checkpoints and when the WAL is reused (its rules for
 * NORMAL in WAL mode), so recovery after a power cut finds every frame an fsync here confirmed.
 */
/**
 * fsyncs that may overlap. A commit does not wait for the fsync already running (which started
 * before its frames were written) to finish before its own starts: each fsync covers every commit
 * made before it began, and one finishing confirms them all. Four is libuv's thread pool.
 */
const MAX_IN_FLIGHT = 4;

export class WalSync {
  private fd: number | null = null;
  /** The WAL file could not be opened (an in-memory database): commits keep their own fsync, and no flush tries again. */
  private unavailable: boolean;
  private committed = 0;
  private synced = 0;
  /** fsyncs running now, and the newest commit the newest of them covers. */
  private inFlight = 0;
  private covered = 0;
  private readonly waiters: { epoch: number; resolve: () => void; reject: (err: Error) => void }[] = [];

  constructor(private readonly db: Db) {
    this.unavailable = db.memory;
  }

  /** Whether commits may skip their own fsync (the WAL file could be opened to fsync it here). */
  get available(): boolean {
    return this.walFd() !== null;
  }

  /** Call right after a NORMAL commit: resolves once that commit is on the disk. */
  afterCommit(): Promise<void> {
    const epoch = ++this.committed;
    const done = new Promise<void>((resolve, reject) => this.waiters.push({ epoch, resolve, reject }));
    this.start();
    return done;
  }

  /** Resolves once every commit made so far is on the disk. */
  settled(): Promise<void> {
    if (this.synced >= this.committed) return Promise.resolve();
    const epoch = this.committed;
    return new Promise<void>((resolve, reject) => this.waiters.push({ epoch, resolve, reject }));
  }

  close(): void {
    if (this.fd !== null) closeSync(this.fd);
    this.fd = null;
  }

  private start(): void {
    if (this.inFlight >= MAX_IN_FLIGHT || this.covered >= this.committed) return;
    const fd = this.walFd();
    const target = this.committed;
    if (fd === null) return this.done(target, new Error('the WAL file cannot be opened to sync it'));
    this.inFlight++;
    this.covered = target;
    fsync(fd, (err) => {
      this.inFlight--;
      this.done(target, err);
      this.start();
    });
  }

  private done(target: number, err: Error | null): void {
    if (err === null) this.synced = Math.max(this.synced, target);
    else if (this.covered <= target) this.covered = this.synced; // not confirmed: the next fsync covers it again
    const ready = this.waiters.filter((w) => w.epoch <= target);
    this.waiters.splice(0, this.waiters.length, ...this.waiters.filter((w) => w.epoch > target));
    for (const w of ready) {
      if (err === null) w.resolve();
      else w.reject(err);
    }
  }

  private walFd(): number | null {
    if (this.fd !== null || this.unavailable) return this.fd;
    try {
      this.fd = openSync(`${this.db.name}-wal`, 'r+');
      // The WAL file's name in its folder must survive a power cut too: sync the folder once.
      const dir = openSync(dirname(this.db.name), 'r');
      try {
        fsyncSync(dir);
      } finally {
        closeSync(dir);
      }
      return this.fd;
    } catch {
      this.unavailable = true;
      return null;
    }
  }
}
