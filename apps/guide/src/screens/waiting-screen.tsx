import { useMemo, useState, type ReactElement } from 'react';
import type { GreenReason, Ticket } from '@yichuang/protocol';
import { greenReasonLabel, Icon } from '@yichuang/ui';
import { waitingRows, type WaitingRow } from '../guide-data.ts';
import { useGuide } from '../guide-store.ts';
import { useHall, useHubNow } from '../hall.ts';
import { queueName, serviceName } from '../names.ts';
import { sendCommand } from '../send-command.ts';
import { duration, gt } from '../strings/strings.ts';
import { GreenDialog } from './green-dialog.tsx';

/** 等候: who waits, the longest first and the long waits marked; 暂缓/恢复 and 绿色通道 on each. */
export function WaitingScreen(): ReactElement {
  const lang = useGuide((s) => s.lang);
  const { state, version } = useHall();
  const now = useHubNow();
  const config = state!.model.config;
  const [queueId, setQueueId] = useState<string | null>(null);
  const [greenFor, setGreenFor] = useState<Ticket | null>(null);
  const all = useMemo(() => waitingRows(state!, now), [state, version, now]);
  const rows = queueId === null ? all : all.filter((r) => r.ticket.queueId === queueId);
  const long = all.filter((r) => r.level !== 'ok').length;

  const grant = async (t: Ticket, reason: GreenReason): Promise<void> => {
    const res = await sendCommand('ticket:green', { ticketId: t.id, reason });
    if (!res.ok) return;
    setGreenFor(null);
    useGuide
      .getState()
      .say('ok', gt(lang, 'wait.green.ok', { number: t.number, reason: greenReasonLabel(lang, reason) }));
  };

  return (
    <div className="g-list-screen" data-screen="waiting">
      <div className="g-list-head">
        <div className="g-chips" role="group" data-testid="queue-filter">
          {[null, ...config.queues.map((q) => q.id)].map((q) => (
            <button
              key={q ?? '*'}
              type="button"
              className={`g-chip ${queueId === q ? 'g-chip--on' : ''}`}
              aria-pressed={queueId === q}
              onClick={() => setQueueId(q)}
            >
              {q === null ? gt(lang, 'wait.allQueues') : queueName(config, q, lang)}
            </button>
          ))}
        </div>
        <span className="g-gap" />
        <span className="g-summary" data-testid="waiting-summary">
          {gt(lang, 'wait.count', { n: all.length })}
          {long > 0 && <b className="g-summary__long"> · {gt(lang, 'wait.long', { n: long })}</b>}
        </span>
      </div>
      {rows.length === 0 ? (
        <p className="g-empty g-empty--big" data-testid="waiting-empty">
          {gt(lang, 'wait.empty')}
        </p>
      ) : (
        <div className="g-rows" data-testid="waiting-list">
          {rows.map((r) => (
            <WaitingLine key={r.ticket.id} row={r} onGreen={() => setGreenFor(r.ticket)} />
          ))}
        </div>
      )}
      {greenFor !== null && (
        <GreenDialog
          ticket={greenFor}
          onPick={(reason) => void grant(greenFor, reason)}
          onClose={() => setGreenFor(null)}
        />
      )}
    </div>
  );
}

function WaitingLine({ row, onGreen }: { row: WaitingRow; onGreen: () => void }): ReactElement {
  const lang = useGuide((s) => s.lang);
  const busy = useGuide((s) => s.busy);
  const { state, live } = useHall();
  const config = state!.model.config;
  const t = row.ticket;
  const held = t.heldAt != null;
  const notArrived = t.remote != null && t.remote.arrivedAt === null;
  const arrive = async (): Promise<void> => {
    const res = await sendCommand('ticket:arrive', { ticketId: t.id });
    if (res.ok) useGuide.getState().say('ok', gt(lang, 'wait.arrived.ok', { number: t.number }));
  };
  const toggle = async (): Promise<void> => {
    const res = held
      ? await sendCommand('ticket:release', { ticketId: t.id })
      : await sendCommand('ticket:hold', { ticketId: t.id });
    if (res.ok)
      useGuide.getState().say('ok', gt(lang, held ? 'wait.released.ok' : 'wait.held.ok', { number: t.number }));
  };
  return (
    <div
      className={`g-row g-row--${row.level} ${held ? 'g-row--held' : ''}`}
      data-testid={`waiting-${t.number}`}
      data-level={row.level}
      data-held={held}
    >
      <div className={`g-row__number ${t.green !== null ? 'g-row__number--green' : ''}`}>{t.number}</div>
      <div className="g-row__main">
        <b>{serviceName(config, t.serviceId, lang)}</b>
        <span className="g-row__tags">
          <span>{queueName(config, t.queueId, lang)}</span>
          {t.green !== null && (
            <span className="g-badge g-badge--green">
              <Icon name="priority" size={16} />
              {greenReasonLabel(lang, t.green)}
            </span>
          )}
          {held && <span className="g-badge g-badge--held">{gt(lang, 'wait.held')}</span>}
          {t.appointment !== null && <span className="g-badge">{gt(lang, 'wait.appointment')}</span>}
          {t.remote != null && (
            <span className={`g-badge ${notArrived ? 'g-badge--held' : ''}`} data-testid="remote-mark">
              {gt(lang, notArrived ? 'wait.remoteNotArrived' : 'wait.remoteArrived')}
            </span>
          )}
          {t.carriedOver && <span className="g-badge">{gt(lang, 'wait.carried')}</span>}
          {t.issuedBy != null && <span className="g-badge g-badge--quiet">{gt(lang, 'wait.byGuide')}</span>}
        </span>
      </div>
      <div className="g-row__person" data-testid="person">
        {t.person?.name ?? ''}
      </div>
      <div className="g-row__waited" data-testid="waited">
        <Icon name="clock" size={20} />
        {duration(lang, row.waitedS)}
      </div>
      <div className="g-row__actions">
        {notArrived && (
          <button
            type="button"
            className="g-btn g-btn--primary"
            data-testid="arrive"
            disabled={!live || busy !== null}
            onClick={() => void arrive()}
          >
            {gt(lang, 'wait.arrive')}
          </button>
        )}
        <button
          type="button"
          className={`g-btn ${held ? 'g-btn--primary' : 'g-btn--quiet'}`}
          data-testid={held ? 'release' : 'hold'}
          disabled={!live || busy !== null}
          onClick={() => void toggle()}
        >
          {held ? gt(lang, 'wait.release') : gt(lang, 'wait.hold')}
        </button>
        <button
          type="button"
          className="g-btn g-btn--green-quiet"
          data-testid="green"
          disabled={!live || busy !== null}
          onClick={onGreen}
        >
          {t.green === null ? gt(lang, 'wait.green') : gt(lang, 'wait.greenChange')}
        </button>
      </div>
    </div>
  );
}
