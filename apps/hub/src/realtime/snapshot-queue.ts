/**
 * Snapshots go out one per turn of the event loop. Each is large (a busy hall's is over a megabyte),
 * and a hundred screens reconnecting at once, or a client asking for many, would otherwise hold the
 * loop for the whole lot; queued, the hub answers other requests (and its health check) between them.
 * Each job builds its snapshot when its turn comes, so it carries the newest seq.
 */
export class SnapshotQueue {
  private readonly jobs: (() => void)[] = [];
  private running = false;
  private stopped = false;

  push(job: () => void): void {
    if (this.stopped) return;
    this.jobs.push(job);
    if (!this.running) {
      this.running = true;
      setImmediate(() => this.next());
    }
  }

  stop(): void {
    this.stopped = true;
    this.jobs.length = 0;
  }

  private next(): void {
    const job = this.jobs.shift();
    if (job === undefined || this.stopped) {
      this.running = false;
      return;
    }
    job();
    setImmediate(() => this.next());
  }
}
