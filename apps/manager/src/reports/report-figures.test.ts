import { describe, expect, it } from 'vitest';
import type { HallConfig, OfficerReport, WindowReport } from '@yichuang/protocol';
import { hourSpan, idleOfficer, loadBalance, openingFrame, promisedSeconds, signInSummary } from './report-figures.ts';

const hall: HallConfig['hall'] = {
  id: 'h',
  name: '测试大厅',
  timezone: 'Asia/Shanghai',
  hours: [{ days: [1, 2, 3, 4, 5], open: '09:00', close: '17:00' }],
  extendedServiceMinutes: 30,
  closedDates: ['2026-11-25'],
  phones: { consult: '', complaint: '' },
};

const rating = { count: 0, mean: 0, levels: { '1': 0, '2': 0, '3': 0, '4': 0, '5': 0 }, satisfiedRate: 0 };
const stat = { count: 0, meanS: 0, p50S: 0, p90S: 0 };
const win = (id: string, busyMinutes: number): WindowReport => ({
  id,
  name: `${id}号`,
  served: Math.round(busyMinutes / 5),
  matters: Math.round(busyMinutes / 5),
  noShow: 0,
  service: stat,
  busyS: busyMinutes * 60,
  pauseMinutes: { away: 0, meeting: 0, meal: 0, other: 0 },
  emptyPostMinutes: 0,
  emptyPosts: 0,
  ratings: rating,
});

describe('report figures', () => {
  it('promised hours: weekdays 09:00–17:00, none on a weekend or a closed date, today up to the report', () => {
    const monday10 = Date.UTC(2026, 10, 23, 2, 0); // 10:00 Shanghai
    expect(promisedSeconds(hall, { from: '2026-11-23', to: '2026-11-23' }, monday10)).toBe(3600);
    const later = Date.UTC(2026, 11, 1);
    // Mon, Tue, (Wed closed), Thu, Fri, Sat, Sun: four days of eight hours.
    expect(promisedSeconds(hall, { from: '2026-11-23', to: '2026-11-29' }, later)).toBe(4 * 8 * 3600);
    expect(promisedSeconds(hall, { from: '2026-11-23', to: '2026-11-23' }, Date.UTC(2026, 10, 22))).toBe(0);
  });

  it('load balance: mean of the windows that worked, busy and idle a quarter off it, the ratio of the extremes', () => {
    const b = loadBalance([win('1', 200), win('2', 100), win('3', 60), win('4', 0)]);
    expect(b.meanMinutes).toBe(120);
    expect(b.rows.map((r) => r.level)).toEqual(['busy', 'even', 'idle', 'idle']);
    expect(b.busiest?.id).toBe('1');
    expect(b.idlest?.id).toBe('3');
    expect(b.ratio).toBe(3.3);
    expect(b.uneven).toBe(true);
  });

  it('load balance: an even hall, and one with a single window at work', () => {
    const even = loadBalance([win('1', 100), win('2', 110), win('3', 95)]);
    expect(even.uneven).toBe(false);
    expect(even.rows.every((r) => r.level === 'even')).toBe(true);
    const alone = loadBalance([win('1', 100), win('2', 0)]);
    expect(alone).toMatchObject({ ratio: null, uneven: false, idlest: null, meanMinutes: 100 });
    expect(loadBalance([]).meanMinutes).toBe(0);
  });

  it('opening frame: the widest hours of the period’s open days', () => {
    const saturday = { days: [6], open: '08:30', close: '12:00' };
    const withSaturday = { ...hall, hours: [...hall.hours, saturday] };
    expect(openingFrame(hall, { from: '2026-11-23', to: '2026-11-23' })).toEqual({ first: 9, last: 16 });
    expect(openingFrame(withSaturday, { from: '2026-11-28', to: '2026-11-28' })).toEqual({ first: 8, last: 11 });
    expect(openingFrame(withSaturday, { from: '2026-11-23', to: '2026-11-29' })).toEqual({ first: 8, last: 16 });
    expect(
      openingFrame(
        { ...hall, hours: [{ days: [1], open: '09:00', close: '17:30' }] },
        { from: '2026-11-23', to: '2026-11-23' },
      ),
    ).toEqual({ first: 9, last: 17 });
    expect(openingFrame(hall, { from: '2026-11-28', to: '2026-11-29' })).toBeNull();
  });

  it('hour span: the opening frame widened to any active hour, gaps filled; nothing at all is 09–16', () => {
    const hours = Array.from({ length: 24 }, (_, hour) => ({
      hour,
      issued: hour === 9 || hour === 12 ? 3 : 0,
      served: hour === 17 ? 2 : 0,
      meanWaitS: 0,
    }));
    expect(hourSpan(hours, null).map((h) => h.hour)).toEqual([9, 10, 11, 12, 13, 14, 15, 16, 17]);
    expect(hourSpan(hours, { first: 8, last: 11 }).map((h) => h.hour)).toEqual([8, 9, 10, 11, 12, 13, 14, 15, 16, 17]);
    const quiet = hours.map((h) => ({ ...h, issued: 0, served: 0 }));
    expect(hourSpan(quiet, null).map((h) => h.hour)).toEqual([9, 10, 11, 12, 13, 14, 15, 16]);
    expect(hourSpan(quiet, { first: 10, last: 12 }).map((h) => h.hour)).toEqual([10, 11, 12]);
  });

  it('sign-in summary and officers with nothing in the period', () => {
    const o: OfficerReport = {
      id: 'a1',
      name: '甲1',
      served: 0,
      matters: 0,
      noShow: 0,
      service: stat,
      pauseMinutes: { away: 0, meeting: 0, meal: 0, other: 0 },
      signIns: [
        { day: '2026-11-23', windowId: 'w1', earlyMinutes: 15, early: true },
        { day: '2026-11-24', windowId: 'w1', earlyMinutes: 3, early: false },
        { day: '2026-11-26', windowId: 'w1', earlyMinutes: -4, early: false },
      ],
      ratings: rating,
    };
    expect(signInSummary(o)).toEqual({ early: 1, short: 1, late: 1 });
    expect(idleOfficer(o)).toBe(false);
    expect(idleOfficer({ ...o, signIns: [] })).toBe(true);
  });
});
