/**
 * Erlang C: the M/M/c queue (Poisson arrivals at rate λ, exponential service at rate μ per server,
 * c identical servers, one first-come-first-served line). The simulator's validation compares its
 * mean wait with this.
 */
export interface ErlangC {
  /** Offered load a = λ/μ, in erlangs. */
  offeredLoad: number;
  /** Utilisation ρ = λ/(cμ). */
  rho: number;
  /** Probability that an arrival has to wait (the Erlang C formula). */
  probWait: number;
  /** Mean wait in the line Wq, in the time unit of the rates. */
  meanWait: number;
  /** Mean number waiting Lq = λ·Wq. */
  meanQueue: number;
}

export function erlangC(lambda: number, mu: number, c: number): ErlangC {
  if (!(lambda > 0) || !(mu > 0) || !Number.isInteger(c) || c < 1)
    throw new RangeError('erlangC needs λ > 0, μ > 0 and a whole number of servers c ≥ 1');
  const a = lambda / mu;
  const rho = a / c;
  if (rho >= 1) throw new RangeError(`ρ = ${rho} ≥ 1: the queue has no steady state`);
  // Erlang B by its recursion, B(k) = a·B(k−1) / (k + a·B(k−1)): no factorials, so no overflow at large c.
  let b = 1;
  for (let k = 1; k <= c; k++) b = (a * b) / (k + a * b);
  const probWait = b / (1 - rho * (1 - b));
  const meanWait = probWait / (c * mu - lambda);
  return { offeredLoad: a, rho, probWait, meanWait, meanQueue: lambda * meanWait };
}
