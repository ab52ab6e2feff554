import { describe, expect, it } from 'vitest';
import { erlangC } from './erlang-c.ts';
import { planSchema } from './input-schema.ts';
import { ARRIVAL_HOURS, fcfsWaits, mmcInput } from './mmc-test-hall.ts';
import { prepareDemand, runPlan } from './simulate.ts';

/**
 * The engine-driven simulation is an M/M/c queue: with Poisson arrivals, exponential service and c
 * identical windows on one queue, every ticket waits exactly as long as the first-come-first-served
 * recursion says, to the millisecond, over consecutive days on one engine state (so across the
 * engine's day rollover). erlang-c-reference.test.ts then shows that the same random inputs,
 * queued that way over millions of customers, meet the Erlang C formula.
 */
const CASES = [
  { perHour: 60, meanS: 60, c: 2 }, // ρ = 0.5
  { perHour: 96, meanS: 300, c: 10 }, // ρ = 0.8
  { perHour: 162, meanS: 20, c: 1 }, // ρ = 0.9
  { perHour: 285, meanS: 60, c: 5 }, // ρ = 0.95
];
const DAYS = 2;

describe('the engine-driven simulation as an M/M/c queue', () => {
  for (const { perHour, meanS, c } of CASES) {
    const theory = erlangC(perHour / 3600, 1 / meanS, c);
    it(`λ ${perHour}/h, mean service ${meanS} s, c ${c} (ρ ${theory.rho.toFixed(2)}): waits equal the FCFS recursion`, () => {
      const { plan, ...demandJson } = mmcInput(perHour, meanS, c, 1);
      const demand = prepareDemand(demandJson, DAYS);
      const runs = runPlan(demand, planSchema.parse(plan));

      let waitSum = 0;
      let customers = 0;
      runs.forEach((run, d) => {
        const citizens = demand.days[d]!.citizens;
        const expected = fcfsWaits(citizens, c);
        expect(run.tickets).toHaveLength(citizens.length);
        expect(run.carriedOver).toBe(0);
        const mismatches = run.tickets.filter(
          (t) => t.outcome !== 'served' || t.calledAt! - t.issuedAt !== expected[t.citizen],
        );
        expect(mismatches).toEqual([]);
        // Every ticket is issued at its citizen's arrival, so arrival order is call order.
        expect(run.tickets.every((t) => t.issuedAt === citizens[t.citizen]!.at)).toBe(true);
        for (const t of run.tickets) waitSum += t.calledAt! - t.issuedAt;
        customers += run.tickets.length;
      });
      // The second day began with the engine's rollover and was served like the first.
      expect(runs[1]!.tickets.length).toBeGreaterThan(0.9 * perHour * ARRIVAL_HOURS);
      console.log(
        `M/M/${c} λ=${perHour}/h μ=${(3600 / meanS).toFixed(0)}/h ρ=${theory.rho.toFixed(2)}: ` +
          `${customers} tickets over ${DAYS} days, engine mean wait ${(waitSum / customers / 1000).toFixed(1)} s ` +
          `(Erlang C ${theory.meanWait.toFixed(1)} s; a short run, see erlang-c-reference.test.ts for the long one)`,
      );
    });
  }
});
