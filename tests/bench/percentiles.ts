/** Small statistics helpers for the bench: nearest-rank percentiles over milliseconds. */

/** The p-th percentile (0 < p ≤ 100) by nearest rank; NaN for an empty sample. */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.min(sorted.length, Math.max(1, Math.ceil((p / 100) * sorted.length)));
  return sorted[rank - 1] ?? Number.NaN;
}

export function max(values: readonly number[]): number {
  let m = Number.NaN;
  for (const v of values) if (!(v <= m)) m = v;
  return m;
}

/** Milliseconds with one decimal, or "n/a". */
export function ms(v: number): string {
  return Number.isFinite(v) ? `${v.toFixed(1)} ms` : 'n/a';
}

export function perSecond(v: number): string {
  return Number.isFinite(v) ? `${Math.round(v).toLocaleString('en-US')}/s` : 'n/a';
}

export function pct(v: number): string {
  return Number.isFinite(v) ? `${v.toFixed(0)}%` : 'n/a';
}

export function mb(bytes: number): string {
  return Number.isFinite(bytes) ? `${(bytes / 1024 / 1024).toFixed(1)} MB` : 'n/a';
}
