import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { localTime, localToEpoch } from './hall-time.ts';

/** What Intl says, the slow way: the reference the memoised offsets must agree with. */
function intlLocal(at: number, tz: string): { day: string; minutes: number } {
  const f = new Intl.DateTimeFormat('en-CA', {
    timeZone: tz,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
  });
  const p = Object.fromEntries(f.formatToParts(at).map((x) => [x.type, x.value]));
  return { day: `${p.year}-${p.month}-${p.day}`, minutes: Number(p.hour) * 60 + Number(p.minute) };
}

const ZONES = [
  'Asia/Shanghai',
  'America/New_York',
  'Europe/London',
  'Australia/Lord_Howe',
  'Asia/Kathmandu',
  'Pacific/Chatham',
];

describe('hall time with memoised zone offsets', () => {
  it('agrees with Intl at any instant of 2020–2035, DST transitions and odd offsets included', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: Date.UTC(2020, 0, 1), max: Date.UTC(2035, 0, 1) }),
        fc.constantFrom(...ZONES),
        (at, tz) => {
          const mine = localTime(at, tz);
          expect({ day: mine.day, minutes: mine.minutes }).toEqual(intlLocal(at, tz));
        },
      ),
      { numRuns: 5000, seed: 42 },
    );
  });

  it('around the 2026 transitions of New York and Lord Howe, minute by minute', () => {
    for (const [tz, from] of [
      ['America/New_York', Date.UTC(2026, 2, 8, 6, 0)],
      ['America/New_York', Date.UTC(2026, 10, 1, 5, 0)],
      ['Australia/Lord_Howe', Date.UTC(2026, 3, 4, 14, 0)],
    ] as const)
      for (let at = from; at < from + 3 * 3600_000; at += 60_000) {
        const mine = localTime(at, tz);
        expect({ day: mine.day, minutes: mine.minutes }, `${tz} ${new Date(at).toISOString()}`).toEqual(
          intlLocal(at, tz),
        );
      }
  });

  it('local wall-clock times map back to the instant', () => {
    expect(localToEpoch('2026-11-23', '09:00', 'Asia/Shanghai')).toBe(Date.UTC(2026, 10, 23, 1, 0));
    expect(localToEpoch('2026-07-01', '09:00', 'America/New_York')).toBe(Date.UTC(2026, 6, 1, 13, 0));
    expect(localToEpoch('2026-12-01', '09:00', 'America/New_York')).toBe(Date.UTC(2026, 11, 1, 14, 0));
  });
});
