import { useCallback, useEffect, useState, type ReactElement } from 'react';
import {
  notifyListSchema,
  notifyRetrySchema,
  notifyStatuses,
  notifyTemplateNames,
  renderMessage,
  type NotifyList,
  type NotifyMessage,
  type NotifyStatus,
} from '@yichuang/protocol';
import { hubMessage } from '@yichuang/ui';
import { api } from '../shell/hub-api.ts';
import { useHall, useHub } from '../shell/hub-hooks.ts';
import { dateTime, type Lang } from '../shell/make-strings.ts';
import { useManager } from '../shell/manager-store.ts';
import { mt } from '../shell/shell-strings.ts';
import { nt } from './notify-strings.ts';
import './notify.css';

/** The list follows sends while the page is open. */
const REFRESH_MS = 5000;

const statusTone: Record<NotifyStatus, string> = { queued: 'warn', sent: 'ok', failed: 'warn', dead: 'danger' };

function query(day: string, status: NotifyStatus | '', before: number | null): string {
  const q = new URLSearchParams({ day, limit: '100' });
  if (status !== '') q.set('status', status);
  if (before !== null) q.set('before', String(before));
  return q.toString();
}

/** 消息通知: the day's messages to citizens, their status and the provider's, a retry for what failed. */
export function NotifyPage(): ReactElement {
  const lang = useManager((s) => s.lang);
  const { state } = useHall();
  const config = useHub((s) => s.connection).mirror.config;
  const timeZone = config?.hall.timezone ?? 'Asia/Shanghai';
  const today = state?.day ?? null;
  const [day, setDay] = useState<string | null>(null);
  const [status, setStatus] = useState<NotifyStatus | ''>('');
  const [list, setList] = useState<NotifyList | null>(null);
  const [more, setMore] = useState<NotifyMessage[]>([]);
  const [error, setError] = useState<string | null>(null);

  const load = useCallback(
    async (d: string, s: NotifyStatus | ''): Promise<void> => {
      const res = await api<unknown>('GET', `/api/notify/messages?${query(d, s, null)}`);
      if (!res.ok) return setError(res.error.message);
      const parsed = notifyListSchema.safeParse(res.data);
      if (!parsed.success) return setError(mt(lang, 'net.unreachable'));
      setError(null);
      setList(parsed.data);
      setMore([]);
    },
    [lang],
  );

  useEffect(() => {
    if (day === null && today !== null) setDay(today);
  }, [day, today]);
  useEffect(() => {
    if (day === null) return;
    void load(day, status);
    const t = setInterval(() => void load(day, status), REFRESH_MS);
    return () => clearInterval(t);
  }, [day, status, load]);

  const loadMore = async (): Promise<void> => {
    const before = more.at(-1)?.id ?? list?.messages.at(-1)?.id ?? null;
    if (day === null || before === null) return;
    const res = await api<unknown>('GET', `/api/notify/messages?${query(day, status, before)}`);
    const parsed = res.ok ? notifyListSchema.safeParse(res.data) : null;
    if (parsed?.success === true) setMore((m) => [...m, ...parsed.data.messages]);
  };

  const retry = async (id: number): Promise<void> => {
    const res = await api<unknown>('POST', `/api/notify/messages/${id}/retry`, {});
    if (!res.ok) return useManager.getState().say('error', res.error.message);
    if (notifyRetrySchema.safeParse(res.data).success) useManager.getState().say('ok', nt(lang, 'retried'));
    if (day !== null) void load(day, status);
  };

  const rows = [...(list?.messages ?? []), ...more];
  return (
    <section className="m-page" data-testid="page-notify">
      <div className="m-page__head">
        <h1 className="m-page__title">{nt(lang, 'title')}</h1>
        <span className="m-muted">{nt(lang, 'hint')}</span>
      </div>
      {list !== null && <ProviderCard lang={lang} list={list} timeZone={timeZone} />}
      <form
        className="n-filters"
        onSubmit={(e) => {
          e.preventDefault();
          if (day !== null) void load(day, status);
        }}
      >
        <label className="m-field">
          <span>{nt(lang, 'day')}</span>
          <input
            type="date"
            data-testid="notify-day"
            value={day ?? ''}
            onChange={(e) => e.target.value !== '' && setDay(e.target.value)}
          />
        </label>
        <label className="m-field">
          <span>{nt(lang, 'status')}</span>
          <select
            data-testid="notify-status"
            value={status}
            onChange={(e) => setStatus(e.target.value as NotifyStatus | '')}
          >
            <option value="">{nt(lang, 'allStatuses')}</option>
            {notifyStatuses.map((s) => (
              <option key={s} value={s}>
                {nt(lang, `status.${s}`)}
              </option>
            ))}
          </select>
        </label>
        <button type="submit" className="m-btn">
          {nt(lang, 'refresh')}
        </button>
      </form>
      {error !== null && <div className="m-note m-note--error">{error}</div>}
      <div className="m-card">
        <table className="m-table n-table" data-testid="notify-table">
          <thead>
            <tr>
              <th className="n-col-time">{nt(lang, 'time')}</th>
              <th className="n-col-phone">{nt(lang, 'phone')}</th>
              <th className="n-col-kind">{nt(lang, 'template')}</th>
              <th>{nt(lang, 'text')}</th>
              <th className="n-col-status">{nt(lang, 'status')}</th>
              <th className="m-num n-col-tries">{nt(lang, 'attempts')}</th>
              <th className="n-col-action" />
            </tr>
          </thead>
          <tbody>
            {rows.map((m) => (
              <tr key={m.id} data-testid={`notify-row-${m.id}`} data-status={m.status}>
                <td>{dateTime(m.sentAt ?? m.createdAt, timeZone)}</td>
                <td className="n-phone">{m.phone}</td>
                <td>{notifyTemplateNames[m.template][lang]}</td>
                <td>
                  <div>{lang === 'zh' ? m.text : renderMessage(m.template, m.params, 'en')}</div>
                  {m.lastError !== null && <div className="n-error">{hubMessage(m.lastError, lang)}</div>}
                </td>
                <td>
                  <span className={`m-chip m-chip--${statusTone[m.status]}`}>{nt(lang, `status.${m.status}`)}</span>
                </td>
                <td className="m-num">{m.attempts}</td>
                <td>
                  {(m.status === 'failed' || m.status === 'dead') && (
                    <button
                      type="button"
                      className="m-btn m-btn--small"
                      data-testid={`notify-retry-${m.id}`}
                      onClick={() => void retry(m.id)}
                    >
                      {nt(lang, 'retry')}
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        {list !== null && rows.length === 0 && <p className="m-muted n-empty">{nt(lang, 'empty')}</p>}
        {list?.nextBefore !== null && list !== null && more.length === 0 && (
          <div className="n-more">
            <button type="button" className="m-btn" onClick={() => void loadMore()}>
              {nt(lang, 'more')}
            </button>
          </div>
        )}
      </div>
    </section>
  );
}

function ProviderCard({ lang, list, timeZone }: { lang: Lang; list: NotifyList; timeZone: string }): ReactElement {
  const p = list.provider;
  const tone = !p.enabled ? 'idle' : p.lastOutcome === 'ok' || p.lastOutcome === 'none' ? 'ok' : 'danger';
  return (
    <div className="n-summary">
      <div className="m-card n-provider" data-testid="notify-provider">
        <div className="n-provider__row">
          <span className="m-muted">{nt(lang, 'provider')}</span>
          <span className={`m-chip m-chip--${tone}`}>
            {p.enabled ? nt(lang, `provider.${p.provider}`) : nt(lang, 'providerOff')}
          </span>
        </div>
        {p.gateway !== null && (
          <div className="n-provider__row">
            <span className="m-muted">{nt(lang, 'gateway')}</span>
            <span>{p.gateway}</span>
          </div>
        )}
        <div className="n-provider__row">
          <span className="m-muted">{nt(lang, 'lastOutcome')}</span>
          <span>
            {nt(lang, `outcome.${p.lastOutcome}`)}
            {p.lastOutcomeAt !== null && ` · ${dateTime(p.lastOutcomeAt, timeZone)}`}
          </span>
        </div>
        {p.lastError !== null && <div className="n-error">{hubMessage(p.lastError, lang)}</div>}
      </div>
      {(['sent', 'queued', 'failed', 'dead'] as const).map((s) => (
        <div key={s} className={`m-card n-count n-count--${s}`} data-testid={`notify-count-${s}`}>
          <span className="n-count__n">{list.counts[s]}</span>
          <span className="m-muted">{nt(lang, `status.${s}`)}</span>
        </div>
      ))}
    </div>
  );
}
