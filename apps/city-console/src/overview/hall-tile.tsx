import type { ReactElement } from 'react';
import type { Lang } from '@yichuang/ui';
import type { HallTile } from '../../../city/src/console/city-overview.ts';
import { useCity } from '../city-store.ts';
import { ct } from '../city-strings.ts';
import { duration, shortWait, when } from '../format.ts';

function Figure(p: { label: string; value: string; tone?: 'warn' | 'danger' | ''; testId: string }): ReactElement {
  return (
    <div className={`cc-fig ${p.tone ? `cc-fig--${p.tone}` : ''}`} data-testid={p.testId}>
      <b className="m-num">{p.value}</b>
      <span>{p.label}</span>
    </div>
  );
}

/** One hall on the grid: open or not, its queue, its posts and devices, and how fresh the picture is. */
export function HallTileCard({ lang, h, cityNow }: { lang: Lang; h: HallTile; cityNow: number }): ReactElement {
  const state = h.open === null ? 'unknown' : h.open ? 'open' : 'closed';
  const critical = h.alerts.filter((a) => a.severity === 'critical').length;
  return (
    <button
      type="button"
      className={`cc-tile cc-tile--${state} ${h.linkDown ? 'cc-tile--down' : ''} ${critical > 0 ? 'cc-tile--alert' : ''}`}
      data-testid={`hall-${h.hallId}`}
      data-open={state}
      data-link={h.linkDown ? 'down' : 'up'}
      onClick={() => useCity.getState().go({ kind: 'hall', hallId: h.hallId })}
    >
      <div className="cc-tile__head">
        <span className="cc-tile__name">{h.name}</span>
        <span
          className={`m-chip m-chip--${state === 'open' ? 'ok' : state === 'closed' ? 'idle' : 'warn'}`}
          data-testid="open-state"
        >
          {ct(lang, state === 'open' ? 'hall.open' : state === 'closed' ? 'hall.closed' : 'hall.noProfile')}
        </span>
      </div>
      <div className="cc-tile__hours m-muted">
        {h.open === null
          ? ''
          : h.today === null
            ? ct(lang, 'hall.closedToday')
            : ct(lang, 'hall.hours', { open: h.today.open, close: h.today.close })}
      </div>
      <div className="cc-tile__figs">
        <Figure label={ct(lang, 'hall.waiting')} value={String(h.waiting)} testId="waiting" />
        <Figure
          label={ct(lang, 'hall.longest')}
          value={shortWait(lang, h.longestWaitS)}
          tone={h.alerts.some((a) => a.kind === 'long-wait') ? 'warn' : ''}
          testId="longest"
        />
        <Figure
          label={ct(lang, 'hall.windows')}
          value={
            h.windowsConfigured === null ? String(h.windowsStaffed) : `${h.windowsStaffed} / ${h.windowsConfigured}`
          }
          testId="staffed"
        />
        <Figure label={ct(lang, 'hall.servedToday')} value={String(h.servedToday)} testId="served" />
      </div>
      <div className="cc-tile__marks">
        {h.emptyPosts > 0 && (
          <span className="m-chip m-chip--danger" data-testid="empty-posts">
            {ct(lang, 'hall.emptyPosts')} {h.emptyPosts}
          </span>
        )}
        {h.windowsPaused > 0 && (
          <span className="m-chip m-chip--paused" data-testid="paused">
            {ct(lang, 'hall.paused')} {h.windowsPaused}
          </span>
        )}
        {h.printerFaults > 0 && (
          <span className="m-chip m-chip--warn" data-testid="printer-faults">
            {ct(lang, 'hall.printerFaults')} {h.printerFaults}
          </span>
        )}
      </div>
      <div className={`cc-tile__link ${h.linkDown ? 'cc-tile__link--down' : ''}`} data-testid="last-heard">
        {h.linkDown
          ? `${ct(lang, 'hall.linkDown', { d: h.lastHeardAt === null ? '—' : duration(lang, (cityNow - h.lastHeardAt) / 1000) })} · `
          : ''}
        {h.lastHeardAt === null
          ? ct(lang, 'hall.neverHeard')
          : ct(lang, 'hall.lastHeard', { time: when(h.lastHeardAt, 'Asia/Shanghai', cityNow) })}
      </div>
    </button>
  );
}
