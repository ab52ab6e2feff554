import { useState, type ReactElement } from 'react';
import { isTrivialPin } from '@yichuang/protocol';
import { Dialog } from '../shell/dialog.tsx';
import { useManager } from '../shell/manager-store.ts';
import { mt } from '../shell/shell-strings.ts';
import { ct } from './config-strings.ts';
import { resetPin } from './config-store.ts';

const PIN = /^\d{4,8}$/;

/** A new PIN for a saved officer: applied at once by the hub, and their sessions end. */
export function PinDialog({
  officer,
  onClose,
}: {
  officer: { id: string; name: string };
  onClose: () => void;
}): ReactElement {
  const lang = useManager((s) => s.lang);
  const self = useManager((s) => s.session?.officer.id === officer.id);
  const [pin, setPin] = useState('');
  const [again, setAgain] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (): Promise<void> => {
    if (!PIN.test(pin)) return setError(ct(lang, 'pin.format'));
    if (isTrivialPin(pin)) return setError(ct(lang, 'pin.trivial'));
    if (pin !== again) return setError(ct(lang, 'pin.mismatch'));
    setBusy(true);
    const res = await resetPin(officer.id, pin);
    setBusy(false);
    if (!res.ok) return setError(res.error.message);
    useManager.getState().say('ok', ct(lang, 'pin.done', { name: officer.name }));
    onClose();
  };

  return (
    <Dialog
      title={ct(lang, 'pin.title', { name: officer.name, id: officer.id })}
      onClose={onClose}
      testId="pin-dialog"
      actions={
        <>
          <button type="button" className="m-btn" onClick={onClose}>
            {mt(lang, 'common.cancel')}
          </button>
          <button
            type="submit"
            form="cfg-pin-form"
            className="m-btn m-btn--primary"
            disabled={busy}
            data-testid="pin-submit"
          >
            {ct(lang, 'pin.submit')}
          </button>
        </>
      }
    >
      <form
        id="cfg-pin-form"
        className="cfg-pin"
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
      >
        <label className="m-field">
          <span>{ct(lang, 'pin.new')}</span>
          <input
            type="password"
            inputMode="numeric"
            autoComplete="new-password"
            autoFocus
            maxLength={8}
            value={pin}
            data-testid="pin-new"
            onChange={(e) => {
              setError(null);
              setPin(e.target.value.replace(/\D/g, ''));
            }}
          />
        </label>
        <label className="m-field">
          <span>{ct(lang, 'pin.again')}</span>
          <input
            type="password"
            inputMode="numeric"
            autoComplete="new-password"
            maxLength={8}
            value={again}
            data-testid="pin-again"
            onChange={(e) => {
              setError(null);
              setAgain(e.target.value.replace(/\D/g, ''));
            }}
          />
        </label>
      </form>
      <p className="m-muted">{ct(lang, 'pin.effect')}</p>
      {self && <div className="m-note m-note--warn">{ct(lang, 'pin.self')}</div>}
      {error !== null && (
        <div className="m-note m-note--error" role="alert" data-testid="pin-error">
          {error}
        </div>
      )}
    </Dialog>
  );
}
