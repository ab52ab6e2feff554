import type { HallConfigInput } from '@yichuang/protocol';
import { benchHallConfig } from '../bench/bench-hub.ts';

export const KIOSKS = ['kiosk-1-secret', 'kiosk-2-secret'];
export const DISPLAY_KEY = 'display-1-secret';

/** The 好差评 screen at window `i`: the test hall's own rater at w1, one more per other window. */
export const raterKey = (i: number): string => (i === 1 ? 'rater-1-secret' : `rater-w${i}-secret`);

/**
 * The soak's hall: the test hall with `windows` windows (w1 serves all queues and is the green-channel
 * window; the others serve the quick queue or both), A and B officers on every post, PINs as scrypt
 * hashes like a real hall's config, a rating screen at every window (好差评 is the citizen's, not the
 * officer's), and no kiosk rate limit (the soak's kiosks are machines).
 */
export function soakHall(windows: number): HallConfigInput {
  const config = benchHallConfig(windows) as HallConfigInput;
  return {
    ...config,
    // Open around the clock: the soak runs whenever CI does.
    hall: { ...config.hall, hours: [{ days: [1, 2, 3, 4, 5, 6, 7], open: '00:00', close: '23:59' }] },
    kiosk: { ticketsPerMinute: 100_000, oneTicketPerIdCard: false },
    devices: [
      ...(config.devices ?? []),
      ...Array.from({ length: windows - 1 }, (_, k) => ({
        id: `rater-w${k + 2}`,
        kind: 'rater' as const,
        key: raterKey(k + 2),
        window: `w${k + 2}`,
      })),
    ],
    callRules: { ...config.callRules, maxRecalls: 3 },
  };
}

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];

/** A valid-looking resident ID number (GB 11643 check digit) from a counter: for the log scan. */
export function fakeIdCard(n: number): string {
  const body = `500222${1950 + (n % 50)}${String((n % 12) + 1).padStart(2, '0')}${String((n % 28) + 1).padStart(2, '0')}${String(n % 1000).padStart(3, '0')}`;
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(body[i]) * WEIGHTS[i]!;
  return body + '10X98765432'[sum % 11]!;
}

const SURNAMES = ['欧阳', '司马', '诸葛', '上官', '东方', '慕容'];
const GIVEN = ['晓岚', '文博', '思远', '雨桐', '子涵', '浩然', '佳怡', '明轩'];

/** Citizen names for notices, unusual enough that finding one in a log is not chance. */
export function fakeName(n: number): string {
  return `${SURNAMES[n % SURNAMES.length]}${GIVEN[Math.floor(n / SURNAMES.length) % GIVEN.length]}${n}`;
}
