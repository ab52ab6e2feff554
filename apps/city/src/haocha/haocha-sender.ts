import type { CityDb } from '../city-db.ts';
import type { HaochaSettings } from '../city-config.ts';
import { buildBatch } from './haocha-batch.ts';

export interface HaochaStatus {
  lastRunAt: number | null;
  lastError: string | null;
  failures: number;
}

/**
 * Sends the built batches that the platform has not accepted, oldest first, each with its own body
 * exactly as stored and its id as `Idempotency-Key` (a resend after a lost answer is the same batch),
 * then builds and sends new ones. A batch is marked sent only on a 2xx. Never touches ingest.
 */
export async function uploadOnce(
  db: CityDb,
  s: HaochaSettings,
  now: () => number,
  log: (line: string) => void,
): Promise<{ sent: number; failed: number }> {
  let sent = 0;
  let failed = 0;
  for (;;) {
    const pending = await db.query<{ id: string; body: string }>(
      "SELECT id, body FROM haocha_batches WHERE status = 'pending' ORDER BY created_at, id LIMIT 1",
    );
    let batch = pending[0];
    if (batch === undefined) {
      const built = await buildBatch(db, now(), s.batchSize);
      if (built === null) return { sent, failed };
      batch = { id: built.batchId, body: JSON.stringify(built) };
    }
    const abort = new AbortController();
    const timer = setTimeout(() => abort.abort(), s.timeoutMs);
    let error: string | null = null;
    let response = '';
    try {
      const res = await fetch(s.url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json; charset=utf-8',
          'idempotency-key': batch.id,
          ...(s.token === undefined ? {} : { authorization: `Bearer ${s.token}` }),
        },
        body: batch.body,
        signal: abort.signal,
      });
      response = (await res.text()).slice(0, 500);
      if (!res.ok) error = `HTTP ${res.status} ${response.slice(0, 200)}`;
    } catch (e) {
      error = abort.signal.aborted ? `no answer in ${s.timeoutMs} ms` : e instanceof Error ? e.message : String(e);
    } finally {
      clearTimeout(timer);
    }
    if (error === null) {
      await db.query(
        "UPDATE haocha_batches SET status = 'sent', sent_at = $2, attempts = attempts + 1, last_error = NULL, response = $3 WHERE id = $1",
        [batch.id, now(), response],
      );
      sent++;
      continue;
    }
    await db.query('UPDATE haocha_batches SET attempts = attempts + 1, last_error = $2 WHERE id = $1', [
      batch.id,
      error,
    ]);
    log(`好差评上报失败，稍后重发 / 好差评 batch ${batch.id} not accepted: ${error}`);
    failed++;
    return { sent, failed };
  }
}

/** Uploads on a timer while the city runs; a failure backs off (doubling, at most 10 minutes). */
export class HaochaUploader {
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;
  private stopped = false;
  readonly status: HaochaStatus = { lastRunAt: null, lastError: null, failures: 0 };

  constructor(
    private readonly db: CityDb,
    private readonly s: HaochaSettings,
    private readonly now: () => number,
    private readonly log: (line: string) => void,
  ) {}

  start(): void {
    this.schedule(0);
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer !== null) clearTimeout(this.timer);
    await this.running;
  }

  private schedule(ms: number): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => {
      this.running = this.run();
    }, ms);
    this.timer.unref();
  }

  private async run(): Promise<void> {
    let wait = this.s.intervalMs;
    try {
      const r = await uploadOnce(this.db, this.s, this.now, this.log);
      this.status.lastRunAt = this.now();
      if (r.failed > 0) {
        this.status.failures++;
        wait = Math.min(600_000, this.s.intervalMs * 2 ** Math.min(this.status.failures, 10));
      } else this.status.failures = 0;
    } catch (e) {
      this.status.failures++;
      this.status.lastError = e instanceof Error ? e.message : String(e);
      wait = Math.min(600_000, this.s.intervalMs * 2 ** Math.min(this.status.failures, 10));
    }
    this.schedule(wait);
  }
}
