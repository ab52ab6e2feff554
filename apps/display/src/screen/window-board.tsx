import type { ReactElement } from 'react';
import type { PublicHallConfig, WindowView } from '@yichuang/protocol';
import { ds, type DisplayStringKey } from '../strings.ts';
import { Bi } from './bilingual.tsx';

type PanelState = 'calling' | 'serving' | 'idle' | 'paused' | 'empty' | 'closed';

function panelState(w: WindowView): PanelState {
  if (!w.open) return 'closed';
  if (w.state === 'paused') return 'paused';
  if (w.state === 'empty') return 'empty';
  if (w.state === 'calling' || w.state === 'serving') return w.ticket === null ? 'idle' : w.state;
  return 'idle';
}

const LABEL: Record<Exclude<PanelState, 'calling' | 'serving'>, DisplayStringKey> = {
  idle: 'window.idle',
  paused: 'window.paused',
  empty: 'window.empty',
  closed: 'window.closed',
};

/** The matters a window serves, short: "综合业务" or the queue names. */
function servedLabel(w: WindowView, config: PublicHallConfig): string {
  if (w.queues === 'all') return ds('zh', 'window.all');
  return w.queues.map((id) => config.queues.find((q) => q.id === id)?.name ?? id).join(' · ');
}

export function WindowBoard(p: { windows: WindowView[]; config: PublicHallConfig; english: boolean }): ReactElement {
  const cols = p.windows.length <= 8 ? 1 : p.windows.length <= 16 ? 2 : 3;
  return (
    <section className="panel windows" data-testid="windows">
      <h2 className="panel__title">
        <Bi k="windows" en={p.english} />
      </h2>
      <ul
        className={`windows__grid windows__grid--${cols}`}
        style={{ gridTemplateRows: `repeat(${Math.ceil(p.windows.length / cols)}, minmax(0, 112px))` }}
      >
        {p.windows.map((w) => {
          const s = panelState(w);
          return (
            <li key={w.id} className={`win win--${s}`} data-testid={`window-${w.id}`} data-state={s}>
              <span className="win__no">{w.number}</span>
              <span className="win__body">
                <span className="win__name">{servedLabel(w, p.config)}</span>
              </span>
              {s === 'calling' || s === 'serving' ? (
                <span className="win__ticket">
                  <span className="win__ticket-no" data-testid={`window-${w.id}-ticket`}>
                    {w.ticket?.number}
                  </span>
                  <Bi k={s === 'calling' ? 'window.calling' : 'window.serving'} en={false} className="win__hint" />
                </span>
              ) : (
                <Bi k={LABEL[s]} en={p.english} className="win__state" />
              )}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
