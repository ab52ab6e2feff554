/**
 * Test support (not exported): an M/M/c hall for the queueing-theory validation. One queue, one
 * matter, c identical windows, open 00:00–23:59 every day with no extended service; arrivals
 * stop two hours before closing so that every day ends empty and the next starts empty.
 */
import type { HallConfigInput } from '@yichuang/protocol';
import { poissonTimes } from './demand.ts';
import type { PlanInput, SimulationInputJson } from './input-schema.ts';
import { Rng } from './prng.ts';
import { sampleServiceS } from './service-times.ts';

export const MMC_FIRST_DAY = '2026-11-23';
/** Arrivals from 00:00 to 22:00; at the loads tested a queue never needs two hours to drain. */
export const ARRIVAL_HOURS = 22;

export function mmcConfig(): HallConfigInput {
  return {
    hall: {
      id: 'mmc',
      name: 'M/M/c 验证大厅',
      timezone: 'Asia/Shanghai',
      hours: [{ days: [1, 2, 3, 4, 5, 6, 7], open: '00:00', close: '23:59' }],
      extendedServiceMinutes: 0,
    },
    queues: [{ id: 'q', prefix: 'A', name: '单队列' }],
    services: [{ id: 's', name: '单事项', queue: 'q' }],
    windows: [{ id: 'w1', number: 1, name: '1号窗口', queues: ['q'] }],
    officers: [],
  };
}

export function mmcPlan(c: number): PlanInput {
  return { name: `M/M/${c}`, windows: Array.from({ length: c }, (_, i) => ({ id: `w${i + 1}`, queues: ['q'] })) };
}

/** λ tickets an hour, exponential service with mean `meanS` seconds, on c windows. */
export function mmcInput(perHour: number, meanS: number, c: number, seed: number): SimulationInputJson {
  const hours = Array.from({ length: ARRIVAL_HOURS }, (_, h): [string, number] => [
    String(h).padStart(2, '0'),
    perHour,
  ]);
  return {
    config: mmcConfig(),
    day: MMC_FIRST_DAY,
    demand: { kind: 'curve', curve: { queues: [{ queue: 'q', perHour: Object.fromEntries(hours) }] } },
    serviceTimes: { default: { kind: 'exponential', meanS } },
    seed,
    sampleMinutes: 60,
    plan: mmcPlan(c),
  };
}

/**
 * Waits of a first-come-first-served queue with c identical servers, by the Kiefer–Wolfowitz
 * recursion: each arrival, in order, starts at the earliest moment a server is free.
 */
export function fcfsWaits(arrivals: readonly { at: number; serviceMs: number }[], c: number): number[] {
  const free = new Array<number>(c).fill(-Infinity);
  return arrivals.map(({ at, serviceMs }) => {
    let m = 0;
    for (let i = 1; i < c; i++) if (free[i]! < free[m]!) m = i;
    const start = Math.max(at, free[m]!);
    free[m] = start + serviceMs;
    return start - at;
  });
}

/**
 * The mean wait (seconds) of a long M/M/c run drawn with the simulator's own samplers (the
 * Poisson arrivals of `poissonTimes`, the exponential of `sampleServiceS`) and queued by the
 * FCFS recursion: one unbroken stream, the first 1 % left out as warm-up.
 */
export function referenceMeanWaitS(perHour: number, meanS: number, c: number, customers: number, seed: number): number {
  const arrivals = new Rng(seed, 'reference:arrivals');
  const services = new Rng(seed, 'reference:services');
  const dist = { kind: 'exponential', meanS } as const;
  const free = new Array<number>(c).fill(-Infinity);
  const warmup = Math.floor(customers / 100);
  let n = 0;
  let sum = 0;
  for (let hour = 0; n < customers; hour++) {
    for (const at of poissonTimes(arrivals, perHour, hour * 3_600_000, (hour + 1) * 3_600_000)) {
      let m = 0;
      for (let i = 1; i < c; i++) if (free[i]! < free[m]!) m = i;
      const start = Math.max(at, free[m]!);
      free[m] = start + Math.round(sampleServiceS(dist, services) * 1000);
      if (n >= warmup) sum += start - at;
      if (++n >= customers) break;
    }
  }
  return sum / (customers - warmup) / 1000;
}
