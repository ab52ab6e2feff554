import { describe, expect, it } from 'vitest';
import { bigDayInput } from '../bench/big-day.ts';
import { simulateDay } from './simulate.ts';

describe('a big day', () => {
  it('simulates a 5,000-ticket day on 40 windows and says how long it took', () => {
    const input = bigDayInput(5000, 40);
    const started = performance.now();
    const out = simulateDay(input);
    const ms = performance.now() - started;
    console.log(`5,000-ticket day on 40 windows: ${out.totals.issued} tickets simulated in ${ms.toFixed(0)} ms`);
    expect(out.totals.issued).toBeGreaterThan(4700);
    expect(out.totals.issued).toBe(out.totals.served + out.totals.noShow + out.totals.carriedOver);
    expect(out.windows).toHaveLength(40);
    // Loose on purpose: the benchmark reports the real figure; a loaded CI machine must not fail this.
    expect(ms).toBeLessThan(5000);
  });
});
