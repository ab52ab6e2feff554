import { describe, expect, it } from 'vitest';
import type { PublicHallConfig } from '@yichuang/protocol';
import { closedLines, weeklyHours } from './hall-closed.tsx';

const hall = {
  timezone: 'Asia/Shanghai',
  hours: [
    { days: [1, 2, 3, 4, 5], open: '09:00', close: '17:00' },
    { days: [6], open: '09:00', close: '12:00' },
  ],
  extendedServiceMinutes: 30,
  closedDates: ['2026-11-24'],
} as unknown as PublicHallConfig['hall'];

/** Shanghai wall-clock time as epoch ms. */
const at = (day: string, hh: number): number => Date.parse(`${day}T${String(hh).padStart(2, '0')}:00:00+08:00`);

describe('closed hall', () => {
  it('lists the week, with the days off', () => {
    expect(weeklyHours(hall, 'zh')).toEqual([
      { days: '周一至周五', time: '09:00–17:00' },
      { days: '周六', time: '09:00–12:00' },
      { days: '周日', time: '不办公' },
    ]);
  });

  it('says when it opens next: today before opening, else the next open day (skipping closed dates)', () => {
    expect(closedLines(hall, 'before-open', at('2026-11-23', 7))).toEqual({
      title: 'hall.beforeOpen',
      vars: { open: '09:00' },
      next: null,
    });
    // Monday evening; Tuesday is a closed date: Wednesday.
    expect(closedLines(hall, 'closed', at('2026-11-23', 19))).toMatchObject({
      title: 'hall.closedToday',
      next: '11月25日 周三 09:00',
    });
    // Sunday: no hours today.
    expect(closedLines(hall, 'closed', at('2026-11-29', 10))).toMatchObject({
      title: 'hall.dayOff',
      next: '11月30日 周一 09:00',
    });
  });
});
