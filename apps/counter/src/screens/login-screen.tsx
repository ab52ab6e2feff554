import { useEffect, useRef, useState, type ReactElement } from 'react';
import type { LoginResult } from '@yichuang/protocol';
import { Icon, PinPad, StatusBanner, t as uiT } from '@yichuang/ui';
import { useCounter } from '../counter-store.ts';
import { api } from '../hub-api.ts';
import { ct } from '../strings/strings.ts';
import { LangButton } from '../work/lang-button.tsx';

type Field = 'id' | 'pin';

export function LoginScreen(): ReactElement {
  const lang = useCounter((s) => s.lang);
  const note = useCounter((s) => s.loginNote);
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
    if (res.ok && res.data.officer.role === 'guide') {
      // 导办 guides hold no window (issue 17): their page is /guide/.
      setError(ct(lang, 'login.guide'));
      setPin('');
      setField('id');
      return;
    }
    if (res.ok) {
      useCounter.getState().login({ token: res.data.token, expiresAt: res.data.expiresAt, officer: res.data.officer });
      return;
    }
    setError(res.error.message);
    setPin('');
    setField('pin');
  };

  return (
    <div className="c-login" data-screen="login">
      <header className="c-login__head">
        <span className="c-login__emblem">
          <Icon name="emblem" size={44} />
        </span>
        <h1>{ct(lang, 'app.title')}</h1>
        <span className="c-gap" />
        <LangButton />
      </header>
      <form
        className="c-login__card"
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
      >
        <h2>{ct(lang, 'login.title')}</h2>
        {note !== null && <StatusBanner tone="warning" title={note} testId="login-note" />}
        <label className={`c-field ${field === 'id' ? 'c-field--active' : ''}`}>
          <span>{ct(lang, 'login.officerId')}</span>
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
            onKeyDown={(e) => {
              if (e.key === 'Enter' && officerId !== '') {
                e.preventDefault();
                setField('pin');
              }
            }}
          />
        </label>
        <label className={`c-field ${field === 'pin' ? 'c-field--active' : ''}`}>
          <span>{ct(lang, 'login.pin')}</span>
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
          <div className="c-login__error" role="alert" data-testid="login-error">
            {error}
          </div>
        )}
        <PinPad
          prefix="c"
          iconSize={30}
          onKey={(d) => edit((v) => v + d)}
          onDelete={() => edit((v) => v.slice(0, -1))}
          onClear={() => edit(() => '')}
          labels={{ del: uiT(lang, 'common.delete'), clear: uiT(lang, 'common.clear') }}
          disabled={busy}
        />
        <button type="submit" className="c-btn c-btn--primary c-btn--block" disabled={busy} data-testid="login-submit">
          {busy ? ct(lang, 'login.busy') : ct(lang, 'login.submit')}
          <kbd>Enter</kbd>
        </button>
        <p className="c-muted" data-testid="login-hint">
          {ct(lang, 'login.hint')}
        </p>
      </form>
    </div>
  );
}
