import { useEffect, useRef, useState, type ReactElement } from 'react';
import type { LoginResult } from '@yichuang/protocol';
import { Icon, PinPad, StatusBanner, t as uiT } from '@yichuang/ui';
import { useGuide } from '../guide-store.ts';
import { api } from '../hub-api.ts';
import { LangButton } from '../lang-button.tsx';
import { gt } from '../strings/strings.ts';

type Field = 'id' | 'pin';

/** Staff id and PIN, as at the counter; only guides and managers get past it. */
export function LoginScreen(): ReactElement {
  const lang = useGuide((s) => s.lang);
  const note = useGuide((s) => s.loginNote);
  const [officerId, setOfficerId] = useState('');
  const [pin, setPin] = useState('');
  const [field, setField] = useState<Field>('id');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const idRef = useRef<HTMLInputElement>(null);
  const pinRef = useRef<HTMLInputElement>(null);

  useEffect(() => {
    (field === 'id' ? idRef : pinRef).current?.focus();
  }, [field]);

  const edit = (fn: (v: string) => string): void => {
    setError(null);
    if (field === 'id') setOfficerId((v) => fn(v).slice(0, 16));
    else setPin((v) => fn(v).slice(0, 16));
  };

  const submit = async (): Promise<void> => {
    if (officerId === '') return setField('id');
    if (pin === '') return setField('pin');
    setBusy(true);
    const res = await api<LoginResult>('POST', '/api/auth/login', { officerId, pin });
    setBusy(false);
    setPin('');
    if (!res.ok) {
      setError(res.error.message);
      setField('pin');
      return;
    }
    if (res.data.officer.role !== 'guide' && res.data.officer.role !== 'manager') {
      // Not kept: the token is dropped with the page's state (it expires on the hub by itself).
      setError(gt(lang, 'login.notGuide'));
      setField('id');
      return;
    }
    useGuide.getState().login({ token: res.data.token, expiresAt: res.data.expiresAt, officer: res.data.officer });
  };

  return (
    <div className="g-login" data-screen="login">
      <header className="g-bar">
        <span className="g-bar__emblem">
          <Icon name="emblem" size={40} />
        </span>
        <h1 className="g-bar__title">{gt(lang, 'app.title')}</h1>
        <span className="g-gap" />
        <LangButton />
      </header>
      <form
        className="g-login__card"
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
      >
        <div className="g-login__fields">
          <h2>{gt(lang, 'login.title')}</h2>
          {note !== null && <StatusBanner tone="warning" title={note} testId="login-note" />}
          <label className={`g-field ${field === 'id' ? 'g-field--active' : ''}`}>
            <span>{gt(lang, 'login.officerId')}</span>
            <input
              ref={idRef}
              data-testid="login-id"
              inputMode="numeric"
              autoComplete="username"
              value={officerId}
              onFocus={() => setField('id')}
              onChange={(e) => {
                setError(null);
                setOfficerId(e.target.value.trim().slice(0, 16));
              }}
            />
          </label>
          <label className={`g-field ${field === 'pin' ? 'g-field--active' : ''}`}>
            <span>{gt(lang, 'login.pin')}</span>
            <input
              ref={pinRef}
              data-testid="login-pin"
              type="password"
              inputMode="numeric"
              autoComplete="current-password"
              value={pin}
              onFocus={() => setField('pin')}
              onChange={(e) => {
                setError(null);
                setPin(e.target.value.slice(0, 16));
              }}
            />
          </label>
          {error !== null && (
            <div className="g-login__error" role="alert" data-testid="login-error">
              {error}
            </div>
          )}
          <button
            type="submit"
            className="g-btn g-btn--primary g-btn--block"
            disabled={busy}
            data-testid="login-submit"
          >
            {busy ? gt(lang, 'login.busy') : gt(lang, 'login.submit')}
          </button>
        </div>
        <PinPad
          prefix="g"
          iconSize={28}
          onKey={(d) => edit((v) => v + d)}
          onDelete={() => edit((v) => v.slice(0, -1))}
          onClear={() => edit(() => '')}
          labels={{ del: uiT(lang, 'common.delete'), clear: uiT(lang, 'common.clear') }}
          disabled={busy}
        />
      </form>
    </div>
  );
}
