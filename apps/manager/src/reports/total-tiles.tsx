import type { ReactElement } from 'react';
import type { HallReport, Stat } from '@yichuang/protocol';
import type { Lang } from '../shell/make-strings.ts';
import { count, lowCount, NONE, percent, satisfaction, shortDuration } from './report-format.ts';
import { rt, type ReportKey } from './reports-strings.ts';

export interface Tile {
  id: string;
  label: ReportKey;
  value: string;
  /** Smaller pieces under the figure, each kept whole when the tile is narrow. */
  sub: string[];
  tone?: 'good' | 'warn' | 'bad';
}

/** The numbers a superior asks first, big: volume, what went wrong, how long people waited, how they rated. */
export function tilesOf(lang: Lang, r: HallReport): Tile[] {
  const t = r.totals;
  const spread = (s: Stat): string[] =>
    s.count === 0
      ? []
      : [
          rt(lang, 'tile.p50', { d: shortDuration(lang, s.p50S) }),
          rt(lang, 'tile.p90', { d: shortDuration(lang, s.p90S) }),
        ];
  const mean = (s: Stat): string => (s.count === 0 ? NONE : shortDuration(lang, s.meanS));
  const low = lowCount(r.ratings);
  return [
    {
      id: 'issued',
      label: 'tile.issued',
      value: count(t.issued),
      sub: [rt(lang, 'tile.appointments', { n: t.appointments })],
    },
    {
      id: 'served',
      label: 'tile.served',
      value: count(t.served),
      sub: t.issued === 0 ? [] : [rt(lang, 'tile.servedRate', { p: percent(t.served / t.issued) })],
      tone: 'good',
    },
    { id: 'noShow', label: 'tile.noShow', value: count(t.noShow), sub: [], ...(t.noShow > 0 ? { tone: 'warn' } : {}) },
    { id: 'transferred', label: 'tile.transferred', value: count(t.transferred), sub: [] },
    {
      id: 'carriedOver',
      label: 'tile.carriedOver',
      value: count(t.carriedOver),
      sub: [rt(lang, 'tile.carriedOverSub')],
    },
    { id: 'green', label: 'tile.green', value: count(t.green), sub: [] },
    { id: 'wait', label: 'tile.wait', value: mean(t.wait), sub: spread(t.wait) },
    { id: 'service', label: 'tile.service', value: mean(t.service), sub: spread(t.service) },
    {
      id: 'satisfied',
      label: 'tile.satisfied',
      value: satisfaction(r.ratings),
      sub:
        r.ratings.count === 0
          ? [rt(lang, 'tile.noRatings')]
          : [rt(lang, 'tile.ratings', { n: r.ratings.count }), rt(lang, 'tile.low', { n: low })],
      ...(low > 0 ? { tone: 'bad' } : {}),
    },
  ];
}

export function TotalTiles(p: { lang: Lang; report: HallReport }): ReactElement {
  return (
    <div className="r-tiles" data-testid="report-tiles">
      {tilesOf(p.lang, p.report).map((t) => (
        <div
          key={t.id}
          className={`r-tile ${t.tone === undefined ? '' : `r-tile--${t.tone}`}`}
          data-testid={`tile-${t.id}`}
        >
          <div className="r-tile__label">{rt(p.lang, t.label)}</div>
          <div className="r-tile__value m-num">{t.value}</div>
          <div className="r-tile__sub">
            {t.sub.map((s) => (
              <span key={s}>{s}</span>
            ))}
          </div>
        </div>
      ))}
    </div>
  );
}
