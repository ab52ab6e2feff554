import { useState, type ReactElement } from 'react';
import type { CaseView } from '@yichuang/protocol';
import { Dialog } from '../shell/dialog.tsx';
import { api } from '../shell/hub-api.ts';
import { useManager } from '../shell/manager-store.ts';
import { mt } from '../shell/shell-strings.ts';
import { ct } from './cases-strings.ts';

export type CaseAction = 'done' | 'materials-received';

/** The confirm of 办结 or 材料已补齐, with an optional note kept in the log. */
export function CaseDialog(p: {
  c: CaseView;
  action: CaseAction;
  matter: string;
  onClose: () => void;
  onSaved: () => void;
}): ReactElement {
  const lang = useManager((s) => s.lang);
  const say = useManager((s) => s.say);
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const done = p.action === 'done';

  const save = async (): Promise<void> => {
    setBusy(true);
    const text = note.trim();
    const res = await api('POST', `/api/cases/${encodeURIComponent(p.c.id)}/update`, {
      action: p.action,
      ...(text === '' ? {} : { note: text }),
    });
    setBusy(false);
    if (!res.ok) return setError(res.error.message);
    say('ok', ct(lang, done ? 'toast.done' : 'toast.materials-received', { no: p.c.no }));
    p.onSaved();
  };

  return (
    <Dialog
      title={ct(lang, done ? 'ask.done' : 'ask.materials-received', { no: p.c.no })}
      onClose={p.onClose}
      testId="case-dialog"
      actions={
        <>
          <button type="button" className="m-btn" onClick={p.onClose}>
            {mt(lang, 'common.cancel')}
          </button>
          <button
            type="button"
            className="m-btn m-btn--primary"
            disabled={busy}
            data-testid="case-confirm"
            onClick={() => void save()}
          >
            {busy ? ct(lang, 'busy') : ct(lang, done ? 'confirmDone' : 'confirmMaterials')}
          </button>
        </>
      }
    >
      <div className="cs-ask">
        <div className="cs-ask__what">
          <span className="cs-no">{p.c.no}</span> {p.matter}
          {p.c.contactName !== '' && (
            <span className="m-muted"> · {ct(lang, 'applicant', { name: p.c.contactName })}</span>
          )}
        </div>
        {!done && p.c.pendingMaterials.length > 0 && (
          <div className="cs-ask__list">
            {ct(lang, 'toFollow')}
            {p.c.pendingMaterials.join(lang === 'zh' ? '、' : ', ')}
          </div>
        )}
        <p className="m-muted">{ct(lang, done ? 'ask.doneHint' : 'ask.materialsHint')}</p>
        <label className="m-field">
          <span>{ct(lang, 'note')}</span>
          <textarea
            className="m-input cs-note"
            rows={3}
            maxLength={200}
            value={note}
            placeholder={ct(lang, 'notePlaceholder')}
            data-testid="case-note"
            onChange={(e) => setNote(e.target.value)}
          />
        </label>
        {error !== null && <div className="m-note m-note--error">{error}</div>}
      </div>
    </Dialog>
  );
}
