import { useEffect, useRef, useState, type ReactElement } from 'react';
import { leavingPauseReasons, pauseReasons, type PauseReason, type WindowView } from '@yichuang/protocol';
import { pauseReasonLabel } from '@yichuang/ui';
import type { HallState } from '@yichuang/engine';
import { useCounter } from '../counter-store.ts';
import { officerName, rosterOf } from '../hall-helpers.ts';
import { sendCommand } from '../send-command.ts';
import { ct, roleName } from '../strings/strings.ts';
import { Modal } from './modal.tsx';

/** 暂停服务 with a reason (keys 1–4); a leaving reason tells the partner to cover. */
export function PauseDialog({ w, state }: { w: WindowView; state: HallState }): ReactElement {
  const lang = useCounter((s) => s.lang);
  const me = useCounter((s) => s.session!.officer.id);
  const busy = useCounter((s) => s.busy);
  const [reason, setReason] = useState<PauseReason | null>(null);
  const [note, setNote] = useState('');
  const submitRef = useRef<HTMLButtonElement>(null);
  // Once a reason is chosen, Enter pauses: the submit button takes the focus.
  useEffect(() => {
    if (reason !== null) submitRef.current?.focus();
  }, [reason]);
  const roster = rosterOf(state, w.id);
  const partnerRole = roster.a === me ? 'B' : 'A';
  const partner = partnerRole === 'B' ? roster.b : roster.a;

  const submit = async (): Promise<void> => {
    if (reason === null) return;
    const r = await sendCommand('window:pause', {
      windowId: w.id,
      reason,
      ...(note.trim() === '' ? {} : { note: note.trim() }),
    });
    if (!r.ok) return;
    useCounter.getState().close();
    useCounter.getState().say('ok', ct(lang, 'msg.paused'));
  };

  useEffect(() => {
    const onKey = (e: KeyboardEvent): void => {
      if (e.target instanceof HTMLInputElement) return;
      const i =
        ['Digit1', 'Digit2', 'Digit3', 'Digit4', 'Numpad1', 'Numpad2', 'Numpad3', 'Numpad4'].indexOf(e.code) % 4;
      if (i >= 0 && e.code !== '') {
        e.preventDefault();
        setReason(pauseReasons[i] ?? null);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  return (
    <Modal title={ct(lang, 'pause.title')} testId="pause-dialog">
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
      >
        <p className="c-muted">{ct(lang, 'pause.choose')}</p>
        <div className="c-reasons" role="radiogroup" tabIndex={-1} data-autofocus>
          {pauseReasons.map((r, i) => (
            <button
              key={r}
              type="button"
              role="radio"
              aria-checked={reason === r}
              className={`c-reason ${reason === r ? 'c-reason--on' : ''}`}
              data-testid={`pause-${r}`}
              onClick={() => setReason(r)}
            >
              <kbd>{i + 1}</kbd>
              {pauseReasonLabel(lang, r)}
            </button>
          ))}
        </div>
        {reason !== null && leavingPauseReasons.includes(reason) && partner !== null && (
          <p className="c-pause__cover" data-testid="pause-cover">
            {ct(lang, partnerRole === 'A' ? 'pause.leavingToA' : 'pause.leaving', {
              role: roleName(lang, partnerRole),
              name: officerName(state, partner),
            })}
          </p>
        )}
        <label className="c-field c-field--small">
          <span>{ct(lang, 'pause.note')}</span>
          <input value={note} maxLength={200} onChange={(e) => setNote(e.target.value)} data-testid="pause-note" />
        </label>
        <div className="c-modal__buttons">
          <button
            ref={submitRef}
            type="submit"
            className="c-btn c-btn--warn"
            disabled={reason === null || busy !== null}
            data-testid="pause-submit"
          >
            {ct(lang, 'pause.submit')}
          </button>
        </div>
      </form>
    </Modal>
  );
}
