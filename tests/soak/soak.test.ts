import { describe, expect, it } from 'vitest';
import { runSoak } from './run-soak.ts';

/** The soak day in a shortened form for CI (`npm run soak` plays the full 5,000-ticket day). */
describe('soak day (short)', () => {
  it('three SIGKILLs later: the report equals the tally, nothing lost, issued twice or double-called, displays agree, verify passes, no personal data leaks', async () => {
    const { checks, summary } = await runSoak({
      tickets: 700,
      windows: 12,
      kills: 3,
      seconds: 35,
      seed: 4242,
      displays: 3,
    });
    console.log(summary);
    expect(checks.filter((c) => !c.ok)).toEqual([]);
  }, 240_000);
});
