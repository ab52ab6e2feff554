import { useEffect, useState, type ReactElement } from 'react';
import type { Lang } from './strings.ts';

/** Ticks every second; re-renders only the component that uses it. */
export function useNow(intervalMs = 1000): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const id = setInterval(() => setNow(Date.now()), intervalMs);
    return () => clearInterval(id);
  }, [intervalMs]);
  return now;
}

/** Time and date in the hall's time zone: "10:24" over "2026年11月23日 星期一". */
export function Clock({ lang, timeZone }: { lang: Lang; timeZone: string }): ReactElement {
  const now = useNow();
  const locale = lang === 'zh' ? 'zh-CN' : 'en-GB';
  const time = new Intl.DateTimeFormat('en-GB', { timeZone, hour: '2-digit', minute: '2-digit', hour12: false }).format(
    now,
  );
  const month = lang === 'zh' ? 'long' : 'short';
  const day = new Intl.DateTimeFormat(locale, { timeZone, year: 'numeric', month, day: 'numeric' }).format(now);
  const weekday = new Intl.DateTimeFormat(locale, { timeZone, weekday: 'long' }).format(now);
  const date = lang === 'zh' ? `${day} ${weekday}` : `${weekday}, ${day}`;
  return (
    <div className="yc-clock" aria-live="off">
      <div className="yc-clock__time">{time}</div>
      <div className="yc-clock__date">{date}</div>
    </div>
  );
}
