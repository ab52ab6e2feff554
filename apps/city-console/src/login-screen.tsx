import { useState, type ReactElement } from 'react';
import { Icon } from '@yichuang/ui';
import { CityError, cityFetch } from './api/city-fetch.ts';
import { useCity, type StaffSession } from './city-store.ts';
import { ct } from './city-strings.ts';

/** Staff sign-in with the account the city config gives them. */
export function LoginScreen(): ReactElement {
  const lang = useCity((s) => s.lang);
  const note = useCity((s) => s.loginNote);
  const [staffId, setStaffId] = useState('');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const submit = async (): Promise<void> => {
    if (staffId === '' || password === '') return;
    setBusy(true);
    try {
      const s = await cityFetch<StaffSession>('/city/api/login', {
        method: 'POST',
        body: JSON.stringify({ staffId, password }),
      });
      useCity.getState().login(s);
    } catch (e) {
      setError(e instanceof CityError ? e.message : String(e));
    } finally {
      setBusy(false);
      setPassword('');
    }
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
            <div className="m-login__product">一窗 · {ct(lang, 'app.title')}</div>
            <h1>{ct(lang, 'login.title')}</h1>
          </div>
          <button
            type="button"
            className="m-btn m-btn--ghost m-login__lang"
            onClick={() => useCity.getState().setLang(lang === 'zh' ? 'en' : 'zh')}
          >
            {ct(lang, 'app.lang')}
          </button>
        </div>
        {note !== null && (
          <div className="m-note m-note--warn" data-testid="login-note">
            {note}
          </div>
        )}
        <label className="m-field">
          <span>{ct(lang, 'login.staffId')}</span>
          <input
            data-testid="login-id"
            autoComplete="username"
            autoFocus
            value={staffId}
            onChange={(e) => {
              setError(null);
              setStaffId(e.target.value.trim().slice(0, 64));
            }}
          />
        </label>
        <label className="m-field">
          <span>{ct(lang, 'login.password')}</span>
          <input
            data-testid="login-password"
            type="password"
            autoComplete="current-password"
            value={password}
            onChange={(e) => {
              setError(null);
              setPassword(e.target.value.slice(0, 200));
            }}
          />
        </label>
        {error !== null && (
          <div className="m-note m-note--error" role="alert" data-testid="login-error">
            {error}
          </div>
        )}
        <button type="submit" className="m-btn m-btn--primary m-btn--block" disabled={busy} data-testid="login-submit">
          {busy ? ct(lang, 'login.busy') : ct(lang, 'login.submit')}
        </button>
        <p className="m-muted">{ct(lang, 'login.hint')}</p>
      </form>
    </div>
  );
}
