/**
 * Test support (not exported): the demo hall (db/seed/demo-hall.json) with the example plans,
 * rate curve and service times shipped in examples/.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { PlanInput, RateCurveInput, ServiceTimeModel, SimulationInputJson } from './input-schema.ts';

const file = (relative: string): string => fileURLToPath(new URL(relative, import.meta.url));
const json = (relative: string): unknown => JSON.parse(readFileSync(file(relative), 'utf8')) as unknown;

export const DEMO_HALL = file('../../../db/seed/demo-hall.json');
export const EXAMPLES = file('../examples/');
/** A Monday: the demo hall is open 09:00–17:00 with 30 minutes of extended service. */
export const MONDAY = '2026-11-23';

export const demoConfig = (): unknown => json('../../../db/seed/demo-hall.json');
export const plan6 = (): PlanInput => json('../examples/plan-6-windows.json') as PlanInput;
export const plan8 = (): PlanInput => json('../examples/plan-8-windows.json') as PlanInput;
export const weekdayCurve = (): RateCurveInput => json('../examples/curve-weekday.json') as RateCurveInput;
export const exampleServiceTimes = (): ServiceTimeModel => json('../examples/service-times.json') as ServiceTimeModel;

export function demoInput(overrides: Partial<SimulationInputJson> = {}): SimulationInputJson {
  return {
    config: demoConfig(),
    day: MONDAY,
    demand: { kind: 'curve', curve: weekdayCurve() },
    serviceTimes: exampleServiceTimes(),
    seed: 7,
    plan: plan6(),
    ...overrides,
  };
}
