import { addDays } from '@yichuang/engine';
import type { HallConfig } from '@yichuang/protocol';
import type { z } from 'zod';
import { citizensOn, type Citizen } from './demand.ts';
import type { DayRun, RunSettings } from './day-run.ts';
import { runHall } from './hall-run.ts';
import { parseHallConfig, planConfig } from './hall-variant.ts';
import {
  demandInputSchema,
  planSchema,
  simulationInputSchema,
  type DemandInput,
  type DemandInputJson,
  type Plan,
  type PlanInput,
  type SimulationInputJson,
} from './input-schema.ts';
import type { SimulationOutput } from './simulation-output.ts';
import { SimulationError } from './simulation-error.ts';
import { summarizeDay } from './summarize.ts';

/** The demand made concrete once: the same citizens, service times and no-shows for every plan. */
export interface PreparedDemand {
  input: DemandInput;
  base: HallConfig;
  days: { day: string; citizens: Citizen[] }[];
}

export function prepareDemand(json: DemandInputJson, dayCount = 1): PreparedDemand {
  return prepare(parse(demandInputSchema, json, 'simulation input'), dayCount);
}

function prepare(input: DemandInput, dayCount: number): PreparedDemand {
  const base = parseHallConfig(input.config);
  if (!Number.isInteger(dayCount) || dayCount < 1 || dayCount > 366) throw new SimulationError('dayCount is 1 to 366');
  const days = Array.from({ length: dayCount }, (_, k) => {
    const day = addDays(input.day, k);
    return { day, citizens: citizensOn(input, base, day) };
  });
  return { input, base, days };
}

/** Run one plan on prepared demand: the raw record of each day (tickets, windows, samples). */
export function runPlan(demand: PreparedDemand, plan: Plan, options: Partial<RunSettings> = {}): DayRun[] {
  const config = planConfig(demand.base, plan);
  return runHall(config, plan, demand.days, {
    sampleMinutes: demand.input.sampleMinutes,
    noShowWaitMs: (demand.input.noShow?.waitS ?? 60) * 1000,
    ...options,
  });
}

function outputs(demand: PreparedDemand, plan: Plan): SimulationOutput[] {
  const config = planConfig(demand.base, plan);
  return runPlan(demand, plan).map((run) => summarizeDay(run, config, plan.name, demand.input.seed));
}

/** Simulate one business day of the hall under a plan. Same input and seed, same output. */
export function simulateDay(input: SimulationInputJson): SimulationOutput {
  return simulateDays(input, 1)[0]!;
}

/**
 * Simulate `count` consecutive days on one engine state: tickets still waiting at the end of a day
 * are carried over and called first the next day, as in the hall.
 */
export function simulateDays(input: SimulationInputJson, count: number): SimulationOutput[] {
  const { plan, ...demand } = parse(simulationInputSchema, input, 'simulation input');
  return outputs(prepare(demand, count), plan);
}

export interface PlanComparison {
  a: SimulationOutput;
  b: SimulationOutput;
  /** b minus a. */
  difference: { meanWaitS: number; p90WaitS: number; maxWaitS: number; carriedOver: number; staffedHours: number };
}

/**
 * Two plans on the same day: the same citizens arriving at the same moments with the same service
 * times and no-shows (common random numbers), so the difference comes from the plans alone.
 */
export function comparePlans(input: DemandInputJson, planA: PlanInput, planB: PlanInput): PlanComparison {
  const demand = prepareDemand(input);
  const a = outputs(demand, parse(planSchema, planA, 'plan A'))[0]!;
  const b = outputs(demand, parse(planSchema, planB, 'plan B'))[0]!;
  const staffed = (o: SimulationOutput): number => o.windows.reduce((s, w) => s + w.staffedS, 0) / 3600;
  const round1 = (x: number): number => Math.round(x * 10) / 10;
  return {
    a,
    b,
    difference: {
      meanWaitS: round1(b.totals.wait.meanS - a.totals.wait.meanS),
      p90WaitS: round1(b.totals.wait.p90S - a.totals.wait.p90S),
      maxWaitS: round1(b.totals.wait.maxS - a.totals.wait.maxS),
      carriedOver: b.totals.carriedOver - a.totals.carriedOver,
      staffedHours: round1(staffed(b) - staffed(a)),
    },
  };
}

function parse<S extends z.ZodType>(schema: S, value: unknown, what: string): z.output<S> {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  const issues = parsed.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`);
  throw new SimulationError(`${what} 无效 / invalid ${what}: ${issues.join('; ')}`);
}
