import { describe, expect, it } from 'vitest';
import { testConfig } from './test-hall.ts';
import { addWorkingDays, isWorkingDay, workCalendar, workingDaysUntil, type WorkCalendar } from './working-days.ts';

// Tuesday 2026-12-01 is one of the test hall's closed dates.
const cal = workCalendar(testConfig());

describe('working days (限时办结)', () => {
  it('skips weekends and the hall’s closed dates; the day of acceptance does not count', () => {
    expect(isWorkingDay(cal, '2026-11-28')).toBe(false);
    expect(isWorkingDay(cal, '2026-12-01')).toBe(false);
    expect(addWorkingDays(cal, '2026-11-23', 0)).toBe('2026-11-23');
    expect(addWorkingDays(cal, '2026-11-23', 1)).toBe('2026-11-24');
    expect(addWorkingDays(cal, '2026-11-27', 1)).toBe('2026-11-30');
    // Friday + 2: Monday, then Wednesday (Tuesday is closed).
    expect(addWorkingDays(cal, '2026-11-27', 2)).toBe('2026-12-02');
    // Accepted on a Saturday (the hall may open then): counts from Monday.
    expect(addWorkingDays(cal, '2026-11-28', 1)).toBe('2026-11-30');
    expect(addWorkingDays(cal, '2026-11-23', 20)).toBe('2026-12-22');
  });

  it('a hall open on Saturdays does not make Saturday a working day', () => {
    const saturdays = workCalendar(
      testConfig({ hall: { hours: [{ days: [1, 2, 3, 4, 5, 6], open: '09:00', close: '17:00' }] } }),
    );
    expect(addWorkingDays(saturdays, '2026-11-27', 1)).toBe('2026-11-30');
  });

  it('the year-end holidays are skipped and a make-up Sunday (调休) counts', () => {
    const holidays: WorkCalendar = {
      closedDates: ['2027-01-01', '2027-01-04', '2027-01-05'],
      workingDates: ['2027-01-03'],
    };
    // Thursday 2026-12-31 + 2: Friday 01-01 closed, Saturday off, Sunday 01-03 worked, Mon/Tue closed, Wed 01-06.
    expect(addWorkingDays(holidays, '2026-12-31', 2)).toBe('2027-01-06');
  });

  it('counts working days left, 0 on the due day and negative once overdue', () => {
    expect(workingDaysUntil(cal, '2026-11-23', '2026-11-30')).toBe(5);
    expect(workingDaysUntil(cal, '2026-11-30', '2026-11-30')).toBe(0);
    // Due Friday 11-27; on Wednesday 12-02 it is 2 working days late (Mon 11-30, Wed 12-02).
    expect(workingDaysUntil(cal, '2026-12-02', '2026-11-27')).toBe(-2);
  });
});
