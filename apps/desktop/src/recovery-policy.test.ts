import { describe, expect, it } from 'vitest';
import {
  OFFLINE_BACKOFF,
  RELAUNCH_POLICY,
  backoffDelayMs,
  decideRecovery,
  parseRelaunchTimes,
  serializeRelaunchTimes,
  type RecoveryHistory,
} from './recovery-policy.ts';

const MIN = 60_000;

describe('offline back-off', () => {
  it('doubles from one second and stays at the 30 s cap', () => {
    const seq = Array.from({ length: 9 }, (_, i) => backoffDelayMs(i));
    expect(seq).toEqual([1_000, 2_000, 4_000, 8_000, 16_000, 30_000, 30_000, 30_000, 30_000]);
    expect(backoffDelayMs(10_000)).toBe(OFFLINE_BACKOFF.maxMs);
  });

  it('spreads each delay by at most ±20% and never passes the cap', () => {
    for (let attempt = 0; attempt < 8; attempt++) {
      const mid = backoffDelayMs(attempt);
      const low = backoffDelayMs(attempt, OFFLINE_BACKOFF, () => 0);
      const high = backoffDelayMs(attempt, OFFLINE_BACKOFF, () => 0.999);
      expect(low).toBeGreaterThanOrEqual(Math.floor(mid * 0.8));
      expect(low).toBeLessThan(mid);
      expect(high).toBeLessThanOrEqual(Math.min(OFFLINE_BACKOFF.maxMs, Math.ceil(mid * 1.2)));
    }
  });
});

describe('reload or relaunch', () => {
  function run(times: number[], relaunches: number[] = []) {
    let history: RecoveryHistory = { failures: [], relaunches };
    return times.map((t) => {
      const r = decideRecovery(history, t);
      history = r.history;
      return r.decision;
    });
  }

  it('reloads the first two failures and relaunches on the third within two minutes', () => {
    expect(run([0, 10_000, 20_000])).toEqual([
      { action: 'reload', delayMs: 0 },
      { action: 'reload', delayMs: 0 },
      { action: 'relaunch' },
    ]);
  });

  it('forgets failures older than the window', () => {
    const decisions = run([0, 1 * MIN, 2 * MIN + 1, 3 * MIN + 2]);
    expect(decisions.map((d) => d.action)).toEqual(['reload', 'reload', 'reload', 'reload']);
  });

  it('starts counting afresh after a relaunch decision', () => {
    const decisions = run([0, 1_000, 2_000, 3_000, 4_000]);
    expect(decisions.map((d) => d.action)).toEqual(['reload', 'reload', 'relaunch', 'reload', 'reload']);
  });

  it('stops relaunching after three relaunches in half an hour and reloads after a cool-down', () => {
    const now = 20 * MIN;
    const history = {
      failures: [now - 2_000, now - 1_000],
      relaunches: [now - 15 * MIN, now - 10 * MIN, now - 5 * MIN],
    };
    const { decision } = decideRecovery(history, now);
    expect(decision).toEqual({ action: 'reload', delayMs: RELAUNCH_POLICY.cooldownMs, relaunchSuppressed: true });
    // Once the oldest relaunch leaves the window, relaunching is allowed again.
    const later = decideRecovery({ ...history, relaunches: [now - 31 * MIN, now - 10 * MIN, now - 5 * MIN] }, now);
    expect(later.decision).toEqual({ action: 'relaunch' });
    expect(later.history.relaunches).toEqual([now - 10 * MIN, now - 5 * MIN, now]);
  });

  it('reads stored relaunch times defensively', () => {
    expect(parseRelaunchTimes(serializeRelaunchTimes([1, 2]))).toEqual([1, 2]);
    expect(parseRelaunchTimes(null)).toEqual([]);
    expect(parseRelaunchTimes('garbage')).toEqual([]);
    expect(parseRelaunchTimes('{"relaunches":[1,"x",null,3]}')).toEqual([1, 3]);
    expect(parseRelaunchTimes('null')).toEqual([]);
  });
});
