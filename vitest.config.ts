import { defineConfig } from 'vitest/config';

/**
 * Budgets measured against the wall clock (memory and /api/health latency under attack) run alone,
 * after every other file has finished: on a 2-CPU machine the other files' hubs and browsers would
 * otherwise share the CPUs with the hub under test and the measure would be of the machine, not of it.
 */
const ALONE = ['tests/integration/memory-budget.test.ts'];

export default defineConfig({
  test: {
    testTimeout: 30_000,
    hookTimeout: 30_000,
    // A poll waits for a screen to catch up; on a loaded 2-CPU machine 1 s (the default) is too short for
    // a browser page to render. Polls that assert speed give their own timeout.
    expect: { poll: { timeout: 8000 } },
    pool: 'forks',
    projects: [
      {
        extends: true,
        test: {
          name: 'all',
          include: ['packages/**/*.test.ts', 'apps/**/*.test.ts', 'hardware/**/*.test.ts', 'tests/**/*.test.ts'],
          exclude: ['**/node_modules/**', ...ALONE],
          sequence: { groupOrder: 0 },
        },
      },
      {
        extends: true,
        test: { name: 'alone', include: ALONE, sequence: { groupOrder: 1 } },
      },
    ],
  },
});
