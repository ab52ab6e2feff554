import { receivedByAll, waitAllReceived, type BenchClient } from './bench-clients.ts';
import { max, percentile } from './percentiles.ts';

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, Math.max(0, ms)));

function countError(errors: Map<string, number>, code: string | null): void {
  if (code !== null) errors.set(code, (errors.get(code) ?? 0) + 1);
}

export interface SteadyResult {
  calls: number;
  achievedPerSec: number;
  ack: number[];
  all: number[];
  missing: number;
  empty: number;
  errors: Map<string, number>;
}

/** Scenario A: one call-next every 1000/rate ms, round-robin over the counters, finish after each ack. */
export async function steadyCalls(
  counters: readonly BenchClient[],
  everyone: readonly BenchClient[],
  rate: number,
  seconds: number,
): Promise<SteadyResult> {
  const total = Math.round(rate * seconds);
  const gap = 1000 / rate;
  const errors = new Map<string, number>();
  const calls: { sentAt: number; ackAt: number; ticketId: string }[] = [];
  let empty = 0;
  const inFlight: Promise<void>[] = [];
  const start = performance.now();
  let lastSend = start;
  for (let i = 0; i < total; i++) {
    await sleep(start + i * gap - performance.now());
    const c = counters[i % counters.length];
    if (c === undefined) break;
    lastSend = performance.now();
    inFlight.push(
      (async () => {
        const r = await c.callNext();
        countError(errors, r.error);
        if (r.ticketId === null) {
          if (r.error === null) empty++;
          return;
        }
        calls.push({ sentAt: r.sentAt, ackAt: r.ackAt, ticketId: r.ticketId });
        countError(errors, await c.finish());
      })(),
    );
  }
  const achievedPerSec = total > 1 ? ((total - 1) / (lastSend - start)) * 1000 : Number.NaN;
  await Promise.all(inFlight);
  const ids = calls.map((c) => c.ticketId);
  await waitAllReceived(everyone, ids, 5000);
  const all: number[] = [];
  let missing = 0;
  for (const c of calls) {
    const t = receivedByAll(everyone, c.ticketId);
    if (t === null) missing++;
    else all.push(t - c.sentAt);
  }
  return {
    calls: calls.length,
    achievedPerSec,
    ack: calls.map((c) => c.ackAt - c.sentAt),
    all,
    missing,
    empty,
    errors,
  };
}

export interface BurstResult {
  calls: number;
  allAckedMs: number;
  ackP99: number;
  allReceivedMs: number;
  missing: number;
  errors: Map<string, number>;
}

/** Scenario B: every counter presses call-next at the same moment (all windows free). */
export async function burst(counters: readonly BenchClient[], everyone: readonly BenchClient[]): Promise<BurstResult> {
  const errors = new Map<string, number>();
  const first = performance.now();
  const results = await Promise.all(counters.map((c) => c.callNext()));
  const ok = results.filter((r) => r.ticketId !== null);
  for (const r of results) countError(errors, r.ticketId === null && r.error === null ? 'EMPTY_QUEUE' : r.error);
  const ids = ok.map((r) => r.ticketId ?? '');
  await waitAllReceived(everyone, ids, 5000);
  const receipts = ids.map((id) => receivedByAll(everyone, id));
  const missing = receipts.filter((t) => t === null).length;
  const res: BurstResult = {
    calls: ok.length,
    allAckedMs: max(results.map((r) => r.ackAt)) - first,
    ackP99: percentile(
      results.map((r) => r.ackAt - r.sentAt),
      99,
    ),
    allReceivedMs: missing > 0 ? Number.NaN : max(receipts.map((t) => t ?? Number.NaN)) - first,
    missing,
    errors,
  };
  // Free the windows again (not timed).
  await Promise.all(counters.map(async (c) => countError(errors, await c.finish())));
  return res;
}

export interface SaturationResult {
  seconds: number;
  callNexts: number;
  finishes: number;
  callsPerSec: number;
  commandsPerSec: number;
  ackP50: number;
  ackP99: number;
  ranDry: number;
  errors: Map<string, number>;
}

/** Scenario C: every counter loops call-next → finish as fast as acks come back, for `seconds`. */
export async function saturation(
  counters: readonly BenchClient[],
  seconds: number,
  maxPerCounter = 5000,
): Promise<SaturationResult> {
  const errors = new Map<string, number>();
  const acks: number[] = [];
  let callNexts = 0;
  let finishes = 0;
  let ranDry = 0;
  const start = performance.now();
  const deadline = start + seconds * 1000;
  await Promise.all(
    counters.map(async (c) => {
      for (let i = 0; i < maxPerCounter && performance.now() < deadline; i++) {
        const r = await c.callNext();
        countError(errors, r.error);
        if (r.error !== null) continue;
        callNexts++;
        acks.push(r.ackAt - r.sentAt);
        if (r.ticketId === null) {
          ranDry++;
          return;
        }
        const f = await c.finish();
        countError(errors, f);
        if (f === null) finishes++;
      }
    }),
  );
  const elapsed = (performance.now() - start) / 1000;
  return {
    seconds: elapsed,
    callNexts,
    finishes,
    callsPerSec: callNexts / elapsed,
    commandsPerSec: (callNexts + finishes) / elapsed,
    ackP50: percentile(acks, 50),
    ackP99: percentile(acks, 99),
    ranDry,
    errors,
  };
}

/** Call and finish until every counter's queue is empty (bounded by count and time). */
export async function drainAll(
  counters: readonly BenchClient[],
  maxCalls: number,
  timeoutMs: number,
): Promise<{ called: number; errors: Map<string, number>; timedOut: boolean }> {
  const errors = new Map<string, number>();
  let called = 0;
  const deadline = performance.now() + timeoutMs;
  await Promise.all(
    counters.map(async (c) => {
      for (let i = 0; i < maxCalls && called < maxCalls && performance.now() < deadline; i++) {
        const r = await c.callNext();
        countError(errors, r.error);
        if (r.error !== null) continue;
        if (r.ticketId === null) return;
        called++;
        countError(errors, await c.finish());
      }
    }),
  );
  return { called, errors, timedOut: performance.now() >= deadline };
}
