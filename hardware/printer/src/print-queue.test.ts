import { describe, expect, it } from 'vitest';
import { PrintQueue } from './print-queue.ts';
import type { PrinterStatus } from './printer-status.ts';
import type { PrinterTransport } from './transports/transport.ts';

/** A transport that follows a script: statuses to report in turn, and writes that fail. */
class ScriptedTransport implements PrinterTransport {
  readonly uri = 'script:';
  lastError: string | null = null;
  readonly written: string[] = [];
  readonly log: string[] = [];
  failWrites = 0;

  constructor(
    public statuses: PrinterStatus[],
    public fallback: PrinterStatus = 'ok',
  ) {}

  async write(bytes: Buffer): Promise<void> {
    this.log.push(`write ${bytes.toString()}`);
    await new Promise((r) => setTimeout(r, 5));
    if (this.failWrites > 0) {
      this.failWrites -= 1;
      throw Object.assign(new Error('connect ECONNREFUSED 10.0.0.5:9100'), { code: 'ECONNREFUSED' });
    }
    this.written.push(bytes.toString());
  }

  queryStatus(): Promise<PrinterStatus> {
    const s = this.statuses.shift() ?? this.fallback;
    this.log.push(`status ${s}`);
    this.lastError = s === 'offline' ? 'no reply' : null;
    return Promise.resolve(s);
  }

  close(): Promise<void> {
    return Promise.resolve();
  }
}

const job = (id: string) => ({ id, bytes: Buffer.from(id) });

describe('PrintQueue', () => {
  it('prints jobs one at a time in order, checking status before and after each', async () => {
    const t = new ScriptedTransport([]);
    const q = new PrintQueue({ id: 'p1', transport: t, retryDelayMs: 1 });
    const results = await Promise.all(['a', 'b', 'c'].map((id) => q.print(job(id))));
    expect(results).toEqual([{ ok: true }, { ok: true }, { ok: true }]);
    expect(t.log).toEqual([...['a', 'b', 'c'].flatMap((id) => ['status ok', `write ${id}`, 'status ok'])]);
    expect(q.status).toBe('ok');
    expect(q.pending).toBe(0);
  });

  it('fails fast on paper out or cover open without sending', async () => {
    for (const fault of ['paper-out', 'cover-open'] as const) {
      const t = new ScriptedTransport([fault]);
      const q = new PrintQueue({ id: 'p1', transport: t, retries: 5, retryDelayMs: 1 });
      const r = await q.print(job('x'));
      expect(r).toMatchObject({ ok: false, status: fault });
      expect(t.written).toEqual([]);
      expect(t.log).toEqual([`status ${fault}`]);
    }
  });

  it('retries transient failures, then succeeds', async () => {
    const t = new ScriptedTransport(['offline']);
    t.failWrites = 1;
    const q = new PrintQueue({ id: 'p1', transport: t, retries: 2, retryDelayMs: 1 });
    expect(await q.print(job('x'))).toEqual({ ok: true });
    expect(t.log).toEqual(['status offline', 'status ok', 'write x', 'status ok', 'write x', 'status ok']);
  });

  it('gives up after the retries with the last error', async () => {
    const t = new ScriptedTransport([], 'offline');
    const q = new PrintQueue({ id: 'p1', transport: t, retries: 2, retryDelayMs: 1 });
    const r = await q.print(job('x'));
    expect(r).toEqual({ ok: false, status: 'offline', error: 'job x failed after 3 attempts: no reply' });
    expect(t.log).toEqual(['status offline', 'status offline', 'status offline']);
  });

  it('fails (without retrying) a job after which the printer reports a fault', async () => {
    const t = new ScriptedTransport(['ok', 'paper-out']);
    const q = new PrintQueue({ id: 'p1', transport: t, retries: 2, retryDelayMs: 1 });
    const r = await q.print(job('x'));
    expect(r).toMatchObject({ ok: false, status: 'paper-out' });
    expect(t.written).toEqual(['x']);
  });

  it('prints on paper low and reports the status change', async () => {
    const t = new ScriptedTransport([], 'paper-low');
    const q = new PrintQueue({ id: 'p1', transport: t });
    const seen: string[] = [];
    q.onStatus((s, prev) => seen.push(`${prev}->${s}`));
    expect(await q.print(job('x'))).toEqual({ ok: true });
    expect(seen).toEqual(['offline->paper-low']);
  });

  it('stop waits for the running job and fails the waiting ones', async () => {
    const t = new ScriptedTransport([]);
    const q = new PrintQueue({ id: 'p1', transport: t });
    const first = q.print(job('a'));
    const second = q.print(job('b'));
    await q.stop();
    expect(await first).toEqual({ ok: true });
    expect(await second).toMatchObject({ ok: false, error: 'print queue stopped' });
    expect(await q.print(job('c'))).toMatchObject({ ok: false, error: 'print queue stopped' });
    q.start();
    expect(await q.print(job('d'))).toEqual({ ok: true });
    await q.stop();
  });

  it('polls while started, and not after stop', async () => {
    const t = new ScriptedTransport(['ok', 'paper-out', 'paper-out', 'ok']);
    const q = new PrintQueue({ id: 'p1', transport: t, pollMs: 10 });
    const seen: PrinterStatus[] = [];
    q.onStatus((s) => seen.push(s));
    q.start();
    await expect.poll(() => seen, { timeout: 1000, interval: 5 }).toEqual(['ok', 'paper-out', 'ok']);
    await q.stop();
    const n = t.log.length;
    await new Promise((r) => setTimeout(r, 40));
    expect(t.log.length).toBe(n);
  });
});
