import type { ReactElement } from 'react';
import type { HallTile } from '../../../city/src/console/city-overview.ts';
import { useCity } from '../city-store.ts';
import { ct } from '../city-strings.ts';
import { clockTime } from '../format.ts';
import { usePoll } from '../use-poll.ts';
import { HallTileCard } from './hall-tile.tsx';

export interface Overview {
  city: string;
  now: number;
  halls: HallTile[];
}

/** 全市总览: the city's totals and every hall as a tile, refreshed every second. */
export function OverviewPage({ data, at }: { data: Overview | null; at: number | null }): ReactElement {
  const lang = useCity((s) => s.lang);
  if (data === null) return <div className="m-page" data-testid="page-overview" />;
  const halls = data.halls;
  const sum = (f: (h: HallTile) => number): number => halls.reduce((n, h) => n + f(h), 0);
  const down = halls.filter((h) => h.linkDown).length;
  return (
    <div className="m-page" data-testid="page-overview">
      <div className="cc-head">
        <div>
          <h1 className="cc-title">{ct(lang, 'overview.title')}</h1>
          <p className="m-muted">{ct(lang, 'overview.note')}</p>
        </div>
        <span className="m-muted m-num" data-testid="updated">
          {at === null ? '' : ct(lang, 'overview.updated', { time: clockTime(at, 'Asia/Shanghai', true) })}
        </span>
      </div>
      <div className="cc-totals" data-testid="city-totals">
        <div className="cc-total">
          <b className="m-num">{halls.length}</b>
          <span>
            {ct(lang, 'overview.halls', { n: halls.length })} ·{' '}
            {ct(lang, 'overview.open', { n: halls.filter((h) => h.open === true).length })}
          </span>
        </div>
        <div className="cc-total" data-testid="total-waiting">
          <b className="m-num">{sum((h) => h.waiting)}</b>
          <span>{ct(lang, 'overview.waiting')}</span>
        </div>
        <div className="cc-total" data-testid="total-served">
          <b className="m-num">{sum((h) => h.servedToday)}</b>
          <span>{ct(lang, 'overview.served')}</span>
        </div>
        <div
          className={`cc-total ${down > 0 || sum((h) => h.alerts.length) > 0 ? 'cc-total--alert' : ''}`}
          data-testid="total-alerts"
        >
          <b className="m-num">{sum((h) => h.alerts.length)}</b>
          <span>
            {ct(lang, 'overview.alerts')}
            {down > 0 ? ` · ${ct(lang, 'overview.down', { n: down })}` : ''}
          </span>
        </div>
      </div>
      {halls.length === 0 ? (
        <p className="m-card cc-empty">{ct(lang, 'overview.empty')}</p>
      ) : (
        <div className="cc-grid" data-testid="hall-grid">
          {halls.map((h) => (
            <HallTileCard key={h.hallId} lang={lang} h={h} cityNow={data.now} />
          ))}
        </div>
      )}
    </div>
  );
}

export function useOverview(): { data: Overview | null; at: number | null; error: string | null } {
  const { data, at, error } = usePoll<Overview>('/city/api/overview', 1000);
  return { data, at, error: error?.message ?? null };
}
