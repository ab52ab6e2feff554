import { useEffect, useState, type ReactElement } from 'react';
import type { EventEnvelope } from '@yichuang/protocol';
import type { Lang } from '@yichuang/ui';
import { api } from '../hub-api.ts';
import { useHub } from '../hub-context.tsx';
import { ct, duration } from '../strings/strings.ts';

interface MyDayData {
  served: number;
  noShows: number;
  avgServiceS: number;
  ratings: Record<string, number>;
  ratedCount: number;
}

const LEVELS = [5, 4, 3, 2, 1] as const;

/** Events after which the officer's day has changed. */
function touchesMe(e: EventEnvelope, me: string): boolean {
  if (e.type === 'ticket:finished' || e.type === 'ticket:no-show') return e.payload.officerId === me;
  if (e.type === 'ticket:rated') return e.payload.rating.officerId === me;
  return false;
}

/**
 * 我的今日, from the hub's tables (`GET /api/me/day`): the live snapshot keeps only the latest
 * finished tickets, so the day cannot be counted from it. Read again when one of mine ends or is rated.
 */
export function MyDay({ me, lang }: { me: string; lang: Lang }): ReactElement {
  const connection = useHub((s) => s.connection);
  const link = useHub((s) => s.link);
  const [day, setDay] = useState<MyDayData | null | 'failed'>(null);

  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    let stopped = false;
    const load = (): void => {
      void api<MyDayData>('GET', '/api/me/day').then((r) => {
        if (!stopped) setDay(r.ok ? r.data : 'failed');
      });
    };
    const onEvents = (events: EventEnvelope[]): void => {
      if (!events.some((e) => touchesMe(e, me))) return;
      clearTimeout(timer);
      timer = setTimeout(load, 300);
    };
    if (link === 'online') load();
    connection.socket.on('hub:events', onEvents);
    return () => {
      stopped = true;
      clearTimeout(timer);
      connection.socket.off('hub:events', onEvents);
    };
  }, [connection, me, link]);

  const body = (): ReactElement => {
    if (day === null) return <p className="c-muted">{ct(lang, 'day.loading')}</p>;
    if (day === 'failed') return <p className="c-muted">{ct(lang, 'day.unavailable')}</p>;
    const max = Math.max(1, ...LEVELS.map((l) => day.ratings[String(l)] ?? 0));
    const good = (day.ratings['5'] ?? 0) + (day.ratings['4'] ?? 0) + (day.ratings['3'] ?? 0);
    return (
      <>
        <div className="c-day__figures">
          <div>
            <b className="num" data-testid="day-served">
              {day.served}
            </b>
            <span>{ct(lang, 'day.served')}</span>
          </div>
          <div>
            <b className="num" data-testid="day-no-shows">
              {day.noShows}
            </b>
            <span>{ct(lang, 'day.noShows')}</span>
          </div>
          <div>
            <b className="num c-day__avg">{day.served === 0 ? '—' : duration(lang, day.avgServiceS)}</b>
            <span>{ct(lang, 'day.avg')}</span>
          </div>
        </div>
        <div className="c-day__ratings" data-testid="day-ratings">
          <div className="c-day__ratings-head">
            <span>{ct(lang, 'day.ratings')}</span>
            <span>
              {day.ratedCount === 0
                ? ct(lang, 'day.noRatings')
                : `${ct(lang, 'day.rated', { n: day.ratedCount })} · ${ct(lang, 'day.satisfied', { p: Math.round((100 * good) / day.ratedCount) })}`}
            </span>
          </div>
          {LEVELS.map((l) => (
            <div className={`c-day__bar c-day__bar--${l}`} key={l}>
              <span className="c-day__bar-label">{ct(lang, `rate.level.${l}`)}</span>
              <span className="c-day__bar-track">
                <span style={{ width: `${(100 * (day.ratings[String(l)] ?? 0)) / max}%` }} />
              </span>
              <span className="num">{day.ratings[String(l)] ?? 0}</span>
            </div>
          ))}
        </div>
      </>
    );
  };
  return (
    <section className="c-panel c-day" data-testid="my-day">
      <h2>{ct(lang, 'day.title')}</h2>
      {body()}
    </section>
  );
}
