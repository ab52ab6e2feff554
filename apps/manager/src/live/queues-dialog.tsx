import { useState, type ReactElement } from 'react';
import { windowView, type HallState } from '@yichuang/engine';
import type { WindowConfig, WindowView } from '@yichuang/protocol';
import { Dialog } from '../shell/dialog.tsx';
import type { Lang } from '../shell/make-strings.ts';
import { mt } from '../shell/shell-strings.ts';
import { queueNames } from './hall-lookup.ts';
import { act } from './live-actions.ts';
import { queuesLabel, refusalReason, uncoveredQueues } from './live-format.ts';
import { lt } from './live-strings.ts';

/** A window's state as the dialog's hint says it. */
function stateWord(state: string): 'qd.onDuty' | 'qd.paused' | 'qd.nobody' {
  if (state === 'idle' || state === 'calling' || state === 'serving') return 'qd.onDuty';
  return state === 'paused' ? 'qd.paused' : 'qd.nobody';
}

/**
 * 一窗通办 and balancing: which queues a window calls from, changed while the hall runs. The hub
 * checks the change against the whole hall (every queue keeps a window) and says why it refuses.
 */
export function QueuesDialog(p: { w: WindowView; state: HallState; lang: Lang; onClose: () => void }): ReactElement {
  const { w, state, lang } = p;
  const config = state.model.config;
  const names = queueNames(state);
  const queueIds = config.queues.map((q) => q.id);
  const [all, setAll] = useState(w.queues === 'all');
  // From 全部业务 to a list, every queue starts ticked: the manager takes away what this window should drop.
  const [picked, setPicked] = useState<Set<string>>(() => new Set(w.queues === 'all' ? queueIds : w.queues));
  const [busy, setBusy] = useState(false);

  const next: WindowConfig['queues'] = all ? 'all' : queueIds.filter((id) => picked.has(id));
  const nothing = next !== 'all' && next.length === 0;
  const uncovered = nothing ? [] : uncoveredQueues(config.windows, queueIds, w.id, next);
  // The other open windows set to serve a queue, each with whether someone serves there now: a window
  // set to serve it with nobody at it does not serve anyone today.
  const elsewhere = (queueId: string): { text: string; nobody: boolean } | null => {
    const others = config.windows
      .filter((x) => x.id !== w.id && x.open && (x.queues === 'all' || x.queues.includes(queueId)))
      .map((x) => ({ name: x.name, state: windowView(state, x.id).state }));
    if (others.length === 0) return null;
    const list = others
      .map((x) => lt(lang, 'qd.windowState', { window: x.name, state: lt(lang, stateWord(x.state)) }))
      .join(lang === 'zh' ? '、' : ', ');
    const nobody = others.every((x) => stateWord(x.state) !== 'qd.onDuty');
    return { text: lt(lang, nobody ? 'qd.alsoAtNobody' : 'qd.alsoAt', { list }), nobody };
  };

  const toggle = (id: string): void =>
    setPicked((s) => {
      const n = new Set(s);
      if (n.has(id)) n.delete(id);
      else n.add(id);
      return n;
    });

  const save = async (): Promise<void> => {
    setBusy(true);
    const res = await act(
      'POST',
      `/api/windows/${encodeURIComponent(w.id)}/queues`,
      { queues: next },
      {
        done: () => lt(lang, 'qd.done', { window: w.name, list: queuesLabel(lang, next, names) }),
        failed: (e) =>
          lt(lang, 'qd.failed', { window: w.name, reason: refusalReason(lang, e, (id) => names.get(id) ?? id) }),
      },
    );
    setBusy(false);
    if (res.ok) p.onClose();
  };

  return (
    <Dialog
      title={lt(lang, 'qd.title', { window: w.name })}
      onClose={p.onClose}
      testId="queues-dialog"
      actions={
        <>
          <button type="button" className="m-btn" onClick={p.onClose}>
            {mt(lang, 'common.cancel')}
          </button>
          <button
            type="button"
            className="m-btn m-btn--primary"
            disabled={busy || nothing}
            data-testid="queues-save"
            onClick={() => void save()}
          >
            {lt(lang, 'qd.save')}
          </button>
        </>
      }
    >
      <label className="l-choice">
        <input type="radio" name="qd-mode" checked={all} data-testid="queues-all" onChange={() => setAll(true)} />
        <span>{lt(lang, 'qd.all')}</span>
      </label>
      <label className="l-choice">
        <input type="radio" name="qd-mode" checked={!all} data-testid="queues-some" onChange={() => setAll(false)} />
        <span>{lt(lang, 'qd.some')}</span>
      </label>
      <ul className={`l-checklist ${all ? 'l-checklist--off' : ''}`}>
        {config.queues.map((q) => {
          const others = elsewhere(q.id);
          const hint = others?.text ?? lt(lang, 'qd.onlyHere');
          return (
            <li key={q.id}>
              <label className="l-check">
                <input
                  type="checkbox"
                  disabled={all}
                  checked={all || picked.has(q.id)}
                  data-testid={`queues-pick-${q.id}`}
                  onChange={() => toggle(q.id)}
                />
                <span className="l-prefix m-num">{q.prefix}</span>
                <span className="l-check__name">{q.name}</span>
                <span
                  className={`l-check__hint ${others?.nobody === true ? 'l-warn' : 'm-muted'}`}
                  data-testid={`queues-hint-${q.id}`}
                >
                  {hint}
                </span>
              </label>
            </li>
          );
        })}
      </ul>
      {nothing && <p className="m-note m-note--warn">{lt(lang, 'qd.pickOne')}</p>}
      {uncovered.length > 0 && (
        <p className="m-note m-note--warn" data-testid="queues-uncovered">
          {lt(lang, 'qd.uncovered', {
            list: uncovered.map((id) => names.get(id) ?? id).join(lang === 'zh' ? '、' : ', '),
          })}
        </p>
      )}
    </Dialog>
  );
}
