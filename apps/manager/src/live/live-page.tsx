import { useMemo, useState, type ReactElement } from 'react';
import { useHall, useQueues, useWindows } from '../shell/hub-hooks.ts';
import { useManager } from '../shell/manager-store.ts';
import { mt } from '../shell/shell-strings.ts';
import { AlertPanel } from './alert-panel.tsx';
import { CarryOverDialog } from './carry-over-dialog.tsx';
import { DevicePanel } from './device-panel.tsx';
import { callableByWindow, queueNames } from './hall-lookup.ts';
import { LiveHead, type HeadAction } from './live-head.tsx';
import { lt } from './live-strings.ts';
import { NoticeLineDialog } from './notice-line-dialog.tsx';
import { CloseWindowDialog, setWindowOpen } from './open-window-dialog.tsx';
import { QueueTable } from './queue-table.tsx';
import { QueuesDialog } from './queues-dialog.tsx';
import { ReprintDialog } from './reprint-dialog.tsx';
import { useHubNow } from './use-hub-now.ts';
import { WindowTile } from './window-tile.tsx';
import './live.css';
import './live-panels.css';
import './live-dialogs.css';

type OpenDialog = HeadAction | { kind: 'queues' | 'close'; windowId: string } | null;

/** The hall manager's live view: every window, queue, alert and device, and the actions to steer the hall. */
export function LivePage(): ReactElement {
  const lang = useManager((s) => s.lang);
  const { state, version } = useHall();
  const now = useHubNow();
  const windows = useWindows();
  const queues = useQueues(now);
  const [dialog, setDialog] = useState<OpenDialog>(null);
  // The mirror's state is mutated in place: `version` says when it changed.
  const names = useMemo(() => (state === null ? new Map<string, string>() : queueNames(state)), [state, version]);
  const callable = useMemo(
    () => (state === null ? new Map<string, number>() : callableByWindow(state)),
    [state, version],
  );

  if (state === null)
    return (
      <section className="m-page" data-testid="page-live">
        <h1 className="m-page__title">{lt(lang, 'page.title')}</h1>
        <p className="m-muted">{mt(lang, 'common.loading')}</p>
      </section>
    );

  const close = (): void => setDialog(null);
  const perWindow = typeof dialog === 'object' && dialog !== null ? dialog : null;
  const picked = perWindow === null ? undefined : windows.find((w) => w.id === perWindow.windowId);

  return (
    <section className="m-page l-page" data-testid="page-live">
      <LiveHead state={state} now={now} lang={lang} windows={windows} queues={queues} onAction={setDialog} />
      <div className="l-layout">
        <div className="l-main">
          <div className="l-tiles" data-testid="window-tiles">
            {windows.map((w) => (
              <WindowTile
                key={w.id}
                w={w}
                state={state}
                now={now}
                lang={lang}
                names={names}
                callable={callable.get(w.id) ?? 0}
                onQueues={() => setDialog({ kind: 'queues', windowId: w.id })}
                onOpen={(open) => {
                  if (open) void setWindowOpen(w, true, lang);
                  else setDialog({ kind: 'close', windowId: w.id });
                }}
              />
            ))}
          </div>
          <QueueTable
            queues={queues}
            windows={windows}
            lang={lang}
            maxWaitMinutes={state.model.config.callRules.maxWaitMinutes}
          />
        </div>
        <aside className="l-side">
          <AlertPanel lang={lang} state={state} />
          <DevicePanel lang={lang} state={state} />
        </aside>
      </div>
      {picked !== undefined && perWindow?.kind === 'queues' && (
        <QueuesDialog w={picked} state={state} lang={lang} onClose={close} />
      )}
      {picked !== undefined && perWindow?.kind === 'close' && (
        <CloseWindowDialog w={picked} lang={lang} onClose={close} />
      )}
      {dialog === 'notices' && (
        <NoticeLineDialog current={state.model.config.display.notices} lang={lang} onClose={close} />
      )}
      {dialog === 'carry' && <CarryOverDialog state={state} now={now} lang={lang} onClose={close} />}
      {dialog === 'reprint' && <ReprintDialog state={state} lang={lang} onClose={close} />}
    </section>
  );
}
