import type { ReactElement } from 'react';
import { useNow, type Lang } from '@yichuang/ui';
import { hubNow } from '../hub-clock.ts';

/** The hall's time as the hub keeps it (the PC's own clock may be off): "10:24" over the date. */
export function HubTime({ lang, timeZone }: { lang: Lang; timeZone: string }): ReactElement {
  useNow();
  const now = hubNow();
  const time = new Intl.DateTimeFormat('en-GB', { timeZone, hour: '2-digit', minute: '2-digit', hour12: false }).format(
    now,
  );
  const locale = lang === 'zh' ? 'zh-CN' : 'en-GB';
  const date = new Intl.DateTimeFormat(locale, {
    timeZone,
    month: lang === 'zh' ? 'long' : 'short',
    day: 'numeric',
    weekday: 'short',
  }).format(now);
  return (
    <div className="yc-clock" aria-live="off">
      <div className="yc-clock__time">{time}</div>
      <div className="yc-clock__date">{date}</div>
    </div>
  );
}
