import { describe, expect, it } from 'vitest';
import { testConfig } from './test-hall.ts';
import { addWorkingDays, isWorkingDay, workingDaysUntil } from './working-days.ts';

// Mon–Fri with hours; Tuesday 2026-12-01 is a closed date.
const hall = testConfig().hall;

describe('working days (限时办结)', () => {
  it('skips weekends without hours and the hall’s closed dates; the day of acceptance does not count', () => {
    expect(isWorkingDay(hall, '2026-11-28')).toBe(false);
    expect(isWorkingDay(hall, '2026-12-01')).toBe(false);
    expect(addWorkingDays(hall, '2026-11-23', 0)).toBe('2026-11-23');
    expect(addWorkingDays(hall, '2026-11-23', 1)).toBe('2026-11-24');
    expect(addWorkingDays(hall, '2026-11-27', 1)).toBe('2026-11-30');
    // Friday + 2: Monday, then Wednesday (Tuesday is closed).
    expect(addWorkingDays(hall, '2026-11-27', 2)).toBe('2026-12-02');
    // Accepted on a Saturday (an extended day): counts from Monday.
    expect(addWorkingDays(hall, '2026-11-28', 1)).toBe('2026-11-30');
    expect(addWorkingDays(hall, '2026-11-23', 20)).toBe('2026-12-22');
  });

  it('a year-end holiday run of closed dates is skipped', () => {
    const h = testConfig({
      hall: { closedDates: ['2027-01-01', '2027-01-04', '2027-01-05'] },
    }).hall;
    // Thursday 2026-12-31 + 2: Friday 01-01 closed, weekend, Mon/Tue closed → Wed 01-06, Thu 01-07.
    expect(addWorkingDays(h, '2026-12-31', 2)).toBe('2027-01-07');
  });

  it('counts working days left, 0 on the due day and negative once overdue', () => {
    expect(workingDaysUntil(hall, '2026-11-23', '2026-11-30')).toBe(5);
    expect(workingDaysUntil(hall, '2026-11-30', '2026-11-30')).toBe(0);
    // Due Friday 11-27; on Wednesday 12-02 it is 2 working days late (Mon 11-30, Wed 12-02).
    expect(workingDaysUntil(hall, '2026-12-02', '2026-11-27')).toBe(-2);
  });

  it('a hall without any hours falls back to calendar days', () => {
    const none = { ...hall, hours: [] };
    expect(addWorkingDays(none, '2026-11-23', 3)).toBe('2026-11-26');
  });
});
