import { useState, type ReactElement } from 'react';
import type { LoginResult } from '@yichuang/protocol';
import { Icon } from '@yichuang/ui';
import { api } from './hub-api.ts';
import { useManager } from './manager-store.ts';
import { mt } from './shell-strings.ts';

/** Manager sign-in: officer id and PIN; an officer without the manager role is told so. */
export function LoginScreen(): ReactElement {
  const lang = useManager((s) => s.lang);
  const note = useManager((s) => s.loginNote);
  const [officerId, setOfficerId] = useState('');
  const [pin, setPin] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const submit = async (): Promise<void> => {
    if (officerId === '' || pin === '') return;
    setBusy(true);
    const res = await api<LoginResult>('POST', '/api/auth/login', { officerId, pin });
    setBusy(false);
    setPin('');
    if (!res.ok) return setError(res.error.message);
    if (res.data.officer.role !== 'manager') return setError(mt(lang, 'login.notManager'));
    useManager.getState().login({ token: res.data.token, expiresAt: res.data.expiresAt, officer: res.data.officer });
  };

  return (
    <div className="m-login" data-screen="login">
      <form
        className="m-login__card"
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
      >
        <div className="m-login__brand">
          <Icon name="emblem" size={40} />
          <div>
            <div className="m-login__product">一窗 · {mt(lang, 'app.title')}</div>
            <h1>{mt(lang, 'login.title')}</h1>
          </div>
          <button
            type="button"
            className="m-btn m-btn--ghost m-login__lang"
            onClick={() => useManager.getState().setLang(lang === 'zh' ? 'en' : 'zh')}
          >
            {mt(lang, 'app.lang')}
          </button>
        </div>
        {note !== null && (
          <div className="m-note m-note--warn" data-testid="login-note">
            {note}
          </div>
        )}
        <label className="m-field">
          <span>{mt(lang, 'login.officerId')}</span>
          <input
            data-testid="login-id"
            autoComplete="username"
            autoFocus
            value={officerId}
            onChange={(e) => {
              setError(null);
              setOfficerId(e.target.value.trim().slice(0, 16));
            }}
          />
        </label>
        <label className="m-field">
          <span>{mt(lang, 'login.pin')}</span>
          <input
            data-testid="login-pin"
            type="password"
            inputMode="numeric"
            autoComplete="current-password"
            value={pin}
            onChange={(e) => {
              setError(null);
              setPin(e.target.value.slice(0, 16));
            }}
          />
        </label>
        {error !== null && (
          <div className="m-note m-note--error" role="alert" data-testid="login-error">
            {error}
          </div>
        )}
        <button type="submit" className="m-btn m-btn--primary m-btn--block" disabled={busy} data-testid="login-submit">
          {busy ? mt(lang, 'login.busy') : mt(lang, 'login.submit')}
        </button>
        <p className="m-muted">{mt(lang, 'login.hint')}</p>
      </form>
    </div>
  );
}
