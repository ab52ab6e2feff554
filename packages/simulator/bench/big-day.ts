import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { PlanInput, RateCurveInput, SimulationInputJson } from '../src/index.ts';

const demoHallPath = fileURLToPath(new URL('../../../db/seed/demo-hall.json', import.meta.url));

/** The demo hall's queues with the share of the day's tickets each takes. */
const QUEUE_SHARES: Record<string, number> = {
  'hukou-quick': 0.34,
  hukou: 0.1,
  'exit-entry': 0.13,
  vehicle: 0.13,
  certificates: 0.12,
  inquiries: 0.12,
  'public-order': 0.06,
};

/**
 * A big day at the demo hall (Monday 09:00–17:00): about `tickets` tickets spread over the eight
 * opening hours, `windows` windows (the hall's eight, then comprehensive windows added, every
 * fifth one a green-channel window), and a mean service time that keeps the windows about 85 %
 * busy. Used by the benchmark and by the test that times a 5,000-ticket day.
 */
export function bigDayInput(tickets: number, windows: number, seed = 1): SimulationInputJson {
  const config = JSON.parse(readFileSync(demoHallPath, 'utf8')) as unknown;
  const perHour = tickets / 8;
  const curve: RateCurveInput = {
    greenShare: 0.04,
    appointmentShare: 0.05,
    queues: Object.entries(QUEUE_SHARES).map(([queue, share]) => ({
      queue,
      perHour: Object.fromEntries(['09', '10', '11', '12', '13', '14', '15', '16'].map((h) => [h, perHour * share])),
    })),
  };
  const meanS = Math.round((0.85 * windows * 3600) / perHour);
  const plan: PlanInput = {
    name: `${windows} windows`,
    windows: Array.from({ length: windows }, (_, i) =>
      i < 8 ? { id: `w${i + 1}` } : { id: `x${i + 1}`, queues: 'all' as const, greenChannel: i % 5 === 0 },
    ),
    pauses: [{ window: 'w2', from: '12:00', minutes: 30, reason: 'meal' }],
  };
  return {
    config,
    day: '2026-11-23',
    demand: { kind: 'curve', curve },
    serviceTimes: { default: { kind: 'exponential', meanS } },
    noShow: { share: 0.02, waitS: 60 },
    seed,
    plan,
  };
}
