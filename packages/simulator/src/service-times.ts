import type { HallConfig } from '@yichuang/protocol';
import type { ServiceTime, ServiceTimeModel } from './input-schema.ts';
import type { Rng } from './prng.ts';

/** A service time in seconds. */
export function sampleServiceS(dist: ServiceTime, rng: Rng): number {
  switch (dist.kind) {
    case 'fixed':
      return dist.s;
    case 'exponential':
      return rng.exponential(dist.meanS);
    case 'lognormal': {
      if (dist.sdS === 0) return dist.meanS;
      // Parameters of the underlying normal that give this mean and standard deviation.
      const sigma2 = Math.log(1 + (dist.sdS / dist.meanS) ** 2);
      const mu = Math.log(dist.meanS) - sigma2 / 2;
      return Math.exp(mu + Math.sqrt(sigma2) * rng.normal());
    }
  }
}

export function meanServiceS(dist: ServiceTime): number {
  return dist.kind === 'fixed' ? dist.s : dist.meanS;
}

/** The distribution a ticket's service time is drawn from: by matter, then queue, then the defaults. */
export function serviceTimeFor(
  model: ServiceTimeModel,
  config: HallConfig,
  serviceId: string,
  queueId: string | null,
): ServiceTime {
  return (
    model.byService[serviceId] ??
    (queueId === null ? undefined : model.byQueue[queueId]) ??
    model.default ?? { kind: 'exponential', meanS: config.callRules.defaultServiceMinutes * 60 }
  );
}

export interface SampleSummary {
  n: number;
  meanS: number;
  sdS: number;
}

export function summarizeSamples(samples: readonly number[]): SampleSummary {
  const n = samples.length;
  if (n === 0) return { n: 0, meanS: 0, sdS: 0 };
  const mean = samples.reduce((a, b) => a + b, 0) / n;
  const variance = n < 2 ? 0 : samples.reduce((a, b) => a + (b - mean) ** 2, 0) / (n - 1);
  return { n, meanS: mean, sdS: Math.sqrt(variance) };
}

/**
 * Fit a distribution to observed service times: lognormal with their mean and spread (service
 * times are positive and skewed to the right), or fixed when they do not vary.
 */
export function fitServiceTime(samples: readonly number[]): ServiceTime | null {
  const { n, meanS, sdS } = summarizeSamples(samples);
  if (n === 0) return null;
  if (sdS === 0 || meanS < 1) return { kind: 'fixed', s: meanS };
  return { kind: 'lognormal', meanS, sdS };
}
