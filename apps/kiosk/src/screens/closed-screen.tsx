import type { ReactElement } from 'react';
import type { Catalogue } from '@yichuang/protocol';
import { Icon, t, weekdaysLabel, type Lang } from '@yichuang/ui';
import { useKiosk } from '../kiosk-store.ts';

/** Weekly hours as rows ("周一至周五 09:00–17:00"), then the days with none ("周日 不办公"). */
function weeklyRows(lang: Lang, hours: Catalogue['hall']['hours']): { days: string; time: string }[] {
  const rows = hours.map((h) => ({ days: weekdaysLabel(lang, h.days), time: `${h.open}–${h.close}` }));
  const open = new Set(hours.flatMap((h) => h.days.map((d) => (d === 0 ? 7 : d))));
  const off = [1, 2, 3, 4, 5, 6, 7].filter((d) => !open.has(d));
  if (off.length > 0) rows.push({ days: weekdaysLabel(lang, off), time: t(lang, 'closed.dayOff') });
  return rows;
}

/** Outside opening hours, or after closing while the last tickets are served (延时服务). */
export function ClosedScreen({ catalogue }: { catalogue: Catalogue }): ReactElement {
  const lang = useKiosk((s) => s.lang);
  const { phase, today, hours } = catalogue.hall;
  const extended = phase === 'extended';
  const todayLine =
    today === null
      ? t(lang, 'closed.none')
      : phase === 'before-open'
        ? t(lang, 'closed.beforeOpen', { open: today.open })
        : t(lang, 'closed.today', { open: today.open, close: today.close });
  return (
    <section className="k-state" data-screen={extended ? 'extended' : 'closed'}>
      <div className={extended ? 'k-state__icon k-state__icon--info' : 'k-state__icon'}>
        <Icon name="clock" size={120} />
      </div>
      <h2 className="k-state__title">{t(lang, extended ? 'extended.title' : 'closed.title')}</h2>
      {extended && <p className="k-state__body">{t(lang, 'extended.body')}</p>}
      <p className="k-state__today num" data-testid="today-hours">
        {todayLine}
      </p>
      <div className="k-hours">
        <h3 className="k-hours__title">{t(lang, 'closed.weekly')}</h3>
        {weeklyRows(lang, hours).map((r) => (
          <div key={r.days} className="k-hours__row">
            <span>{r.days}</span>
            <b className="num">{r.time}</b>
          </div>
        ))}
      </div>
    </section>
  );
}
