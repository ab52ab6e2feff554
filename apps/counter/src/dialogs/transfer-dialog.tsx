import { useState, type ReactElement } from 'react';
import type { HallState } from '@yichuang/engine';
import type { WindowView } from '@yichuang/protocol';
import { useCounter } from '../counter-store.ts';
import { officerName } from '../hall-helpers.ts';
import { useWindows } from '../hub-context.tsx';
import { sendCommand } from '../send-command.ts';
import { ct } from '../strings/strings.ts';
import { Modal } from './modal.tsx';

type Target = { kind: 'queue' | 'window'; id: string } | null;

/** 转办 the current ticket to another queue or a named window, with a note; arrows pick, Enter sends. */
export function TransferDialog({ w, state }: { w: WindowView; state: HallState }): ReactElement {
  const lang = useCounter((s) => s.lang);
  const busy = useCounter((s) => s.busy);
  const windows = useWindows();
  const [target, setTarget] = useState<Target>(null);
  const [note, setNote] = useState('');
  const t = w.ticket;

  const submit = async (): Promise<void> => {
    if (t === null || target === null) return;
    const r = await sendCommand('ticket:transfer', {
      ticketId: t.id,
      ...(target.kind === 'queue' ? { toQueueId: target.id } : { toWindowId: target.id }),
      ...(note.trim() === '' ? {} : { note: note.trim() }),
    });
    if (!r.ok) return;
    useCounter.getState().close();
    useCounter.getState().say('ok', ct(lang, 'msg.transferred', { number: t.number }));
  };

  const radio = (kind: 'queue' | 'window', id: string, label: ReactElement | string, first: boolean): ReactElement => (
    <label
      key={`${kind}-${id}`}
      className={`c-choice ${target?.kind === kind && target.id === id ? 'c-choice--on' : ''}`}
    >
      <input
        type="radio"
        name="transfer-target"
        checked={target?.kind === kind && target.id === id}
        onChange={() => setTarget({ kind, id })}
        data-testid={`transfer-${kind}-${id}`}
        data-autofocus={first ? true : undefined}
      />
      {label}
    </label>
  );

  return (
    <Modal title={ct(lang, 'transfer.title', { number: t?.number ?? '' })} testId="transfer-dialog" wide>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
        onKeyDown={(e) => {
          if (e.key === 'Enter') {
            e.preventDefault();
            void submit();
          }
        }}
      >
        <div className="c-transfer">
          <fieldset>
            <legend>{ct(lang, 'transfer.toQueue')}</legend>
            {state.model.config.queues.map((q, i) =>
              radio(
                'queue',
                q.id,
                <span>
                  <b className="num">{q.prefix}</b> {q.name}
                  {q.id === t?.queueId && <em className="c-muted"> · {ct(lang, 'transfer.current')}</em>}
                </span>,
                i === 0,
              ),
            )}
          </fieldset>
          <fieldset>
            <legend>{ct(lang, 'transfer.toWindow')}</legend>
            {windows
              .filter((x) => x.id !== w.id && x.open)
              .map((x) =>
                radio(
                  'window',
                  x.id,
                  <span>
                    {x.name}
                    <em className="c-muted">
                      {' · '}
                      {ct(lang, `state.${x.state}`)}
                      {x.holder !== null && ` · ${officerName(state, x.holder.officerId)}`}
                    </em>
                  </span>,
                  false,
                ),
              )}
          </fieldset>
        </div>
        <label className="c-field c-field--small">
          <span>{ct(lang, 'transfer.note')}</span>
          <input value={note} maxLength={200} onChange={(e) => setNote(e.target.value)} data-testid="transfer-note" />
          <small className="c-field__hint" data-testid="transfer-note-hint">
            {ct(lang, 'transfer.noteHint')}
          </small>
        </label>
        <div className="c-modal__buttons">
          {target === null && <span className="c-muted">{ct(lang, 'transfer.choose')}</span>}
          <button
            type="submit"
            className="c-btn c-btn--primary"
            disabled={target === null || busy !== null}
            data-testid="transfer-submit"
          >
            {ct(lang, 'transfer.submit')}
          </button>
        </div>
      </form>
    </Modal>
  );
}
