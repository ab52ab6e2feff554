import type { PauseMinutes, PauseReason, RatingSummary, Stat } from '@yichuang/protocol';

/**
 * Durations as a count per whole second rather than a list: a 92-day range holds hundreds of
 * thousands of samples per statistic, but far fewer distinct seconds, and nearest-rank
 * percentiles stay exact.
 */
export class StatCounter {
  private readonly bySecond = new Map<number, number>();
  private n = 0;
  private sum = 0;

  add(seconds: number): void {
    const s = Math.max(0, Math.round(seconds));
    this.bySecond.set(s, (this.bySecond.get(s) ?? 0) + 1);
    this.n++;
    this.sum += s;
  }

  stat(): Stat {
    if (this.n === 0) return { count: 0, meanS: 0, p50S: 0, p90S: 0 };
    const sorted = [...this.bySecond.entries()].sort((a, b) => a[0] - b[0]);
    return {
      count: this.n,
      meanS: Math.round(this.sum / this.n),
      p50S: rank(sorted, this.n, 50),
      p90S: rank(sorted, this.n, 90),
    };
  }
}

/** Nearest rank: the smallest value with at least p% of the samples at or below it. */
function rank(sorted: [number, number][], n: number, p: number): number {
  const wanted = Math.max(1, Math.ceil((p / 100) * n));
  let seen = 0;
  for (const [value, k] of sorted) {
    seen += k;
    if (seen >= wanted) return value;
  }
  return sorted.at(-1)?.[0] ?? 0;
}

export class RatingTally {
  private readonly levels = [0, 0, 0, 0, 0];

  add(level: number): void {
    const i = Math.min(5, Math.max(1, Math.round(level))) - 1;
    this.levels[i] = (this.levels[i] ?? 0) + 1;
  }

  summary(): RatingSummary {
    const [l1 = 0, l2 = 0, l3 = 0, l4 = 0, l5 = 0] = this.levels;
    const count = l1 + l2 + l3 + l4 + l5;
    const total = l1 + 2 * l2 + 3 * l3 + 4 * l4 + 5 * l5;
    return {
      count,
      mean: count === 0 ? 0 : round(total / count, 2),
      levels: { '1': l1, '2': l2, '3': l3, '4': l4, '5': l5 },
      satisfiedRate: count === 0 ? 0 : round((l4 + l5) / count, 4),
    };
  }
}

/** Seconds paused, by reason; reported in minutes. */
export class PauseTally {
  private readonly s: Record<PauseReason, number> = { away: 0, meeting: 0, meal: 0, other: 0 };

  add(reason: PauseReason, seconds: number): void {
    this.s[reason] += seconds;
  }

  minutes(): PauseMinutes {
    return {
      away: toMinutes(this.s.away),
      meeting: toMinutes(this.s.meeting),
      meal: toMinutes(this.s.meal),
      other: toMinutes(this.s.other),
    };
  }
}

/** Minutes to one decimal: summed in seconds first, so rounding does not add up over many pauses. */
export const toMinutes = (seconds: number): number => round(seconds / 60, 1);

export function round(x: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
}
