import type { HallConfig } from '@yichuang/protocol';

/**
 * `--always-open` (the demo's `npm start`): open 00:00–23:59 every day with no closed dates, so a
 * newcomer can try the hall at any hour; a real hall keeps its own hours. Applied to the running hall,
 * never stored, so hours edited in the console stay what they are.
 */
export function alwaysOpen(config: HallConfig): HallConfig {
  return {
    ...config,
    hall: { ...config.hall, hours: [{ days: [1, 2, 3, 4, 5, 6, 7], open: '00:00', close: '23:59' }], closedDates: [] },
  };
}
