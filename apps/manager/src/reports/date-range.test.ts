import { describe, expect, it } from 'vitest';
import {
  exportName,
  isSingleDay,
  matchingPick,
  periodDays,
  quickPeriod,
  reportPath,
  shiftDay,
  type QuickPick,
} from './date-range.ts';

const SH = 'Asia/Shanghai';
/** 2026-11-25 (a Wednesday) 01:30 in Shanghai, still 2026-11-24 in UTC. */
const WED_EARLY = Date.UTC(2026, 10, 24, 17, 30);

describe('quick picks in the hall time zone', () => {
  it('take today from the hall’s clock, not UTC’s', () => {
    expect(quickPeriod('today', WED_EARLY, SH)).toEqual({ from: '2026-11-25', to: '2026-11-25' });
    expect(quickPeriod('today', WED_EARLY, 'UTC')).toEqual({ from: '2026-11-24', to: '2026-11-24' });
    expect(quickPeriod('yesterday', WED_EARLY, SH)).toEqual({ from: '2026-11-24', to: '2026-11-24' });
  });

  it('a week starts on Monday and runs to today', () => {
    expect(quickPeriod('thisWeek', WED_EARLY, SH)).toEqual({ from: '2026-11-23', to: '2026-11-25' });
    const sunday = Date.UTC(2026, 10, 29, 4, 0);
    expect(quickPeriod('thisWeek', sunday, SH)).toEqual({ from: '2026-11-23', to: '2026-11-29' });
    const monday = Date.UTC(2026, 10, 30, 4, 0);
    expect(quickPeriod('thisWeek', monday, SH)).toEqual({ from: '2026-11-30', to: '2026-11-30' });
  });

  it('this month runs from the first to today; last month is whole, across a year end and a leap February', () => {
    expect(quickPeriod('thisMonth', WED_EARLY, SH)).toEqual({ from: '2026-11-01', to: '2026-11-25' });
    expect(quickPeriod('lastMonth', WED_EARLY, SH)).toEqual({ from: '2026-10-01', to: '2026-10-31' });
    const newYear = Date.UTC(2027, 0, 1, 2, 0);
    expect(quickPeriod('lastMonth', newYear, SH)).toEqual({ from: '2026-12-01', to: '2026-12-31' });
    const march2028 = Date.UTC(2028, 2, 10, 2, 0);
    expect(quickPeriod('lastMonth', march2028, SH)).toEqual({ from: '2028-02-01', to: '2028-02-29' });
  });

  it('a period lights the first quick pick it equals, or none', () => {
    const lit = (from: string, to: string): QuickPick | null => matchingPick({ from, to }, WED_EARLY, SH);
    expect(lit('2026-11-25', '2026-11-25')).toBe('today');
    expect(lit('2026-11-24', '2026-11-24')).toBe('yesterday');
    expect(lit('2026-11-23', '2026-11-25')).toBe('thisWeek');
    expect(lit('2026-10-01', '2026-10-31')).toBe('lastMonth');
    expect(lit('2026-10-02', '2026-10-31')).toBeNull();
    // On the 1st of a month, today and this month are the same day: today wins.
    expect(matchingPick({ from: '2026-12-01', to: '2026-12-01' }, Date.UTC(2026, 11, 1, 2), SH)).toBe('today');
  });
});

describe('periods and the hub’s addresses', () => {
  it('counts days both ends included, and steps a day across a month end', () => {
    expect(periodDays({ from: '2026-11-01', to: '2026-11-30' })).toBe(30);
    expect(periodDays({ from: '2026-11-24', to: '2026-11-23' })).toBe(0);
    expect(isSingleDay({ from: '2026-11-23', to: '2026-11-23' })).toBe(true);
    expect(shiftDay({ from: '2026-11-30', to: '2026-11-30' }, 1)).toEqual({ from: '2026-12-01', to: '2026-12-01' });
    expect(shiftDay({ from: '2026-03-01', to: '2026-03-01' }, -1)).toEqual({ from: '2026-02-28', to: '2026-02-28' });
  });

  it('one day asks for the daily report, more for the range, with the export format', () => {
    expect(reportPath({ from: '2026-11-23', to: '2026-11-23' })).toBe('/api/reports/daily?date=2026-11-23');
    expect(reportPath({ from: '2026-11-01', to: '2026-11-23' }, 'xlsx')).toBe(
      '/api/reports/range?from=2026-11-01&to=2026-11-23&format=xlsx',
    );
    // A reversed range still goes to the hub, which says what is wrong in both languages.
    expect(reportPath({ from: '2026-11-24', to: '2026-11-23' })).toBe(
      '/api/reports/range?from=2026-11-24&to=2026-11-23',
    );
  });

  it('names a download as the hub does', () => {
    expect(exportName('test-hall', { from: '2026-11-23', to: '2026-11-23' }, 'csv')).toBe(
      'report-test-hall-2026-11-23.csv',
    );
    expect(exportName('h', { from: '2026-11-01', to: '2026-11-23' }, 'xlsx')).toBe(
      'report-h-2026-11-01_2026-11-23.xlsx',
    );
  });
});
