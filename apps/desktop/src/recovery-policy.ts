/**
 * How the shell recovers by itself: back-off between retries of an unreachable hub, and when a
 * crashing or hanging page is reloaded versus the whole app relaunched. Pure: times are passed in.
 */

export interface BackoffPolicy {
  baseMs: number;
  factor: number;
  maxMs: number;
  /** 0.2 spreads each delay ±20%, so fifty kiosks do not all knock on a restarted hub at once. */
  jitter: number;
}

export const OFFLINE_BACKOFF: BackoffPolicy = { baseMs: 1_000, factor: 2, maxMs: 30_000, jitter: 0.2 };

/** Delay before retry number `attempt` (0-based). `random` returns [0, 1); 0.5 means no jitter. */
export function backoffDelayMs(attempt: number, policy: BackoffPolicy = OFFLINE_BACKOFF, random = () => 0.5): number {
  const n = Math.max(0, Math.floor(attempt));
  // Capped before multiplying further, so a kiosk offline for a week does not overflow to Infinity.
  const raw = Math.min(policy.maxMs, policy.baseMs * policy.factor ** Math.min(n, 60));
  const spread = raw * policy.jitter * (random() * 2 - 1);
  return Math.round(Math.min(policy.maxMs, Math.max(policy.baseMs / 2, raw + spread)));
}

export interface RelaunchPolicy {
  /** This many renderer failures within `failureWindowMs` relaunch the app instead of reloading. */
  maxFailures: number;
  failureWindowMs: number;
  /** A relaunch loop guard: past this many relaunches within `relaunchWindowMs`, keep reloading. */
  maxRelaunches: number;
  relaunchWindowMs: number;
  /** Delay before a reload once relaunching is exhausted, so a broken page does not spin the CPU. */
  cooldownMs: number;
}

export const RELAUNCH_POLICY: RelaunchPolicy = {
  maxFailures: 3,
  failureWindowMs: 2 * 60_000,
  maxRelaunches: 3,
  relaunchWindowMs: 30 * 60_000,
  cooldownMs: 30_000,
};

export type RecoveryDecision =
  { action: 'reload'; delayMs: number; relaunchSuppressed?: true } | { action: 'relaunch' };

export interface RecoveryHistory {
  /** Times of recent renderer failures in this process. */
  failures: readonly number[];
  /** Times of recent relaunches, kept across restarts in userData. */
  relaunches: readonly number[];
}

/** Records a failure at `now` and decides what to do; returns the pruned history to keep. */
export function decideRecovery(
  history: RecoveryHistory,
  now: number,
  policy: RelaunchPolicy = RELAUNCH_POLICY,
): { decision: RecoveryDecision; history: RecoveryHistory } {
  const failures = [...history.failures.filter((t) => now - t < policy.failureWindowMs && t <= now), now];
  const relaunches = history.relaunches.filter((t) => now - t < policy.relaunchWindowMs && t <= now);
  if (failures.length < policy.maxFailures)
    return { decision: { action: 'reload', delayMs: 0 }, history: { failures, relaunches } };
  if (relaunches.length >= policy.maxRelaunches)
    return {
      decision: { action: 'reload', delayMs: policy.cooldownMs, relaunchSuppressed: true },
      history: { failures: [], relaunches },
    };
  return { decision: { action: 'relaunch' }, history: { failures: [], relaunches: [...relaunches, now] } };
}

/** Relaunch times as stored in userData; anything unreadable counts as none. */
export function parseRelaunchTimes(text: string | null): number[] {
  if (text === null) return [];
  try {
    const json: unknown = JSON.parse(text);
    const list = (json as { relaunches?: unknown } | null)?.relaunches;
    return Array.isArray(list) ? list.filter((t): t is number => typeof t === 'number' && Number.isFinite(t)) : [];
  } catch {
    return [];
  }
}

export function serializeRelaunchTimes(times: readonly number[]): string {
  return `${JSON.stringify({ relaunches: times })}\n`;
}
