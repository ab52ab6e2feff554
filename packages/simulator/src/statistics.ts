export interface WaitStats {
  /** Tickets counted. */
  n: number;
  meanS: number;
  p50S: number;
  p90S: number;
  maxS: number;
}

const round1 = (x: number): number => Math.round(x * 10) / 10;

/** Mean, median, 90th percentile (nearest rank) and maximum of durations in milliseconds, in seconds. */
export function waitStats(durationsMs: readonly number[]): WaitStats {
  const n = durationsMs.length;
  if (n === 0) return { n: 0, meanS: 0, p50S: 0, p90S: 0, maxS: 0 };
  const sorted = [...durationsMs].sort((a, b) => a - b);
  const rank = (p: number): number => sorted[Math.max(0, Math.ceil(p * n) - 1)]!;
  const mean = sorted.reduce((a, b) => a + b, 0) / n;
  return {
    n,
    meanS: round1(mean / 1000),
    p50S: round1(rank(0.5) / 1000),
    p90S: round1(rank(0.9) / 1000),
    maxS: round1(sorted[n - 1]! / 1000),
  };
}
