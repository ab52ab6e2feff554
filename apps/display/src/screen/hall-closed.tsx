import type { ReactElement } from 'react';
import { hubNow } from '@yichuang/client';
import { businessDay, hoursOn, isoWeekday, nextOpenDay, type HallPhase } from '@yichuang/engine';
import type { PublicHallConfig } from '@yichuang/protocol';
import { weekdaysLabel } from '@yichuang/ui';
import { ds, type DisplayStringKey } from '../strings.ts';
import { Bi } from './bilingual.tsx';

type Hall = PublicHallConfig['hall'];

/** Weekly hours as rows ("周一至周五 09:00–17:00"), then the days with none ("周日 不办公"). */
export function weeklyHours(hall: Hall, lang: 'zh' | 'en'): { days: string; time: string }[] {
  const rows = hall.hours.map((h) => ({ days: weekdaysLabel(lang, h.days), time: `${h.open}–${h.close}` }));
  const open = new Set(hall.hours.flatMap((h) => h.days.map((d) => (d === 0 ? 7 : d))));
  const off = [1, 2, 3, 4, 5, 6, 7].filter((d) => !open.has(d));
  if (off.length > 0) rows.push({ days: weekdaysLabel(lang, off), time: ds(lang, 'hall.offDays') });
  return rows;
}

/** What the big area says outside hours: why nobody is called, the weekly hours and the next opening. */
export function closedLines(
  hall: Hall,
  phase: HallPhase,
  at: number,
): { title: DisplayStringKey; vars: Record<string, string>; next: string | null } {
  const today = businessDay(at, hall.timezone);
  const hours = hoursOn(hall, today);
  if (phase === 'before-open' && hours !== null)
    return { title: 'hall.beforeOpen', vars: { open: hours.openText }, next: null };
  const day = nextOpenDay(hall, today);
  const next = hoursOn(hall, day);
  const [, m, d] = day.split('-').map(Number) as [number, number, number];
  const when = next === null ? null : `${m}月${d}日 ${weekdaysLabel('zh', [isoWeekday(day)])} ${next.openText}`;
  return { title: hours === null ? 'hall.dayOff' : 'hall.closedToday', vars: {}, next: when };
}

export function HallClosed(p: { hall: Hall; phase: HallPhase; english: boolean }): ReactElement {
  const lines = closedLines(p.hall, p.phase, hubNow());
  return (
    <div className="closed" data-testid="hall-closed">
      <Bi k={lines.title} vars={lines.vars} en={p.english} className="closed__title" />
      {lines.next !== null && (
        <div className="closed__next" data-testid="hall-next-open">
          {ds('zh', 'hall.next', { when: lines.next })}
        </div>
      )}
      <div className="closed__hours">
        <Bi k="hall.hours" en={p.english} className="closed__hours-title" />
        {weeklyHours(p.hall, 'zh').map((r) => (
          <div key={r.days} className="closed__row">
            <span>{r.days}</span>
            <b>{r.time}</b>
          </div>
        ))}
      </div>
    </div>
  );
}
