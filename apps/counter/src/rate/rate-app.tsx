import { useEffect, useMemo, useState, type ReactElement } from 'react';
import { useStore, type StoreApi } from 'zustand';
import type { HubState } from '@yichuang/client';
import { windowView, type HallState } from '@yichuang/engine';
import { LOW_RATING, ratingLevels, ratingReasons, type EventEnvelope } from '@yichuang/protocol';
import { Icon, hubMessage, type Lang } from '@yichuang/ui';
import { hubNow } from '../hub-clock.ts';
import { HubTime } from '../work/hub-time.tsx';
import { hallState } from '../mirror-state.ts';
import { newRequestId } from '../request-id.ts';
import { ct, type CounterStringKey } from '../strings/strings.ts';
import { nextRateScreen, pendingRating, type RateScreen } from './rate-flow.ts';

const RATE_TIMEOUT_MS = 90_000;
const THANKS_MS = 5_000;

/** The counter-facing 好差评 screen of one window: idle → five levels → (reason) → thanks → idle. */
export function RateApp({ hub, windowId }: { hub: StoreApi<HubState>; windowId: string }): ReactElement {
  const [lang, setLang] = useState<Lang>('zh');
  const [screen, setScreen] = useState<RateScreen>({ name: 'idle' });
  const [failure, setFailure] = useState<string | null>(null);
  const [sending, setSending] = useState(false);
  const connection = useStore(hub, (s) => s.connection);
  const link = useStore(hub, (s) => s.link);
  const version = useStore(hub, (s) => s.version);
  const problem = useStore(hub, (s) => s.problem);
  const state = hallState(connection);

  useEffect(() => {
    document.documentElement.lang = lang === 'zh' ? 'zh-CN' : 'en';
  }, [lang]);

  // A finish at this window asks; a new call there or a rating given elsewhere ends the question.
  useEffect(() => {
    const numberOf = (id: string): string => hallState(connection)?.tickets.get(id)?.number ?? '';
    const onEvents = (events: EventEnvelope[]): void => {
      setScreen((s) => events.reduce((cur, e) => nextRateScreen(cur, e, windowId, numberOf), s));
    };
    // Every (re)connect brings a snapshot: pick up a finish that happened while this screen was away,
    // unless the window has called someone since; a question the snapshot shows is over ends here too.
    const onSnapshot = (): void => {
      const st = hallState(connection);
      if (st === null) return;
      const pending = pendingRating(st, windowId, hubNow());
      setScreen((s) => {
        if (s.name === 'idle') return pending === null ? s : { name: 'rate', ...pending };
        if ((s.name === 'rate' || s.name === 'reason') && pending?.ticketId !== s.ticketId) return { name: 'idle' };
        return s;
      });
    };
    connection.socket.on('hub:events', onEvents);
    connection.socket.on('hub:snapshot', onSnapshot);
    if (connection.mirror.ready) onSnapshot(); // the first snapshot may have come before this effect
    return () => {
      connection.socket.off('hub:events', onEvents);
      connection.socket.off('hub:snapshot', onSnapshot);
    };
  }, [connection, windowId]);

  // A new question, or the end of one, starts without the last one's failure.
  const asked = screen.name === 'rate' || screen.name === 'reason' ? screen.ticketId : screen.name;
  useEffect(() => setFailure(null), [asked]);

  // Nobody rates: back to idle after a while; thanks goes by itself. Idle is Chinese again for the next citizen.
  useEffect(() => {
    if (screen.name === 'idle') return setLang('zh');
    const id = setTimeout(() => setScreen({ name: 'idle' }), screen.name === 'thanks' ? THANKS_MS : RATE_TIMEOUT_MS);
    return () => clearTimeout(id);
  }, [screen]);

  const submit = async (ticketId: string, level: number, reason?: string): Promise<void> => {
    setSending(true);
    setFailure(null);
    const res = await connection.send('rating:submit', {
      requestId: newRequestId('rate'),
      ticketId,
      level,
      ...(reason === undefined ? {} : { reason }),
    });
    setSending(false);
    if (res.ok || res.error.code === 'ALREADY_RATED') setScreen({ name: 'thanks' });
    else setFailure(ct(lang, 'rate.failed', { message: hubMessage(res.error.message, lang) }));
  };

  const w = useMemo(
    () => (state === null || !state.model.windows.has(windowId) ? null : windowView(state, windowId)),
    // version: the mirror changed (its state is mutated in place)
    [state, windowId, version],
  );

  if (problem !== null && problem.code === 'UNAUTHENTICATED')
    return <NotConfigured lang={lang} text={ct(lang, 'rate.badKey')} />;
  const tz = state?.model.config.hall.timezone ?? 'Asia/Shanghai';
  return (
    <div className={`r-app r-app--${screen.name}`} data-screen={screen.name}>
      <header className="r-head">
        <div className="r-head__where">
          <div className="r-head__hall">{state?.model.config.hall.name ?? ''}</div>
          <div className="r-head__window" data-testid="rate-window">
            {w?.name ?? windowId}
          </div>
        </div>
        <HubTime lang={lang} timeZone={tz} />
        <button
          type="button"
          className="r-lang"
          onClick={() => setLang(lang === 'zh' ? 'en' : 'zh')}
          data-testid="rate-lang"
        >
          <Icon name="globe" size={22} />
          {ct(lang, 'app.lang')}
        </button>
      </header>
      {link !== 'online' && (
        <div className="r-offline" role="alert" data-testid="rate-offline">
          {ct(lang, 'rate.offline')}
        </div>
      )}
      <main className="r-main">
        {screen.name === 'idle' && (
          <div className="r-idle">
            <div className="r-idle__welcome">{ct(lang, 'rate.idleWelcome')}</div>
            {w?.pause != null ? (
              <div className="r-idle__paused">{ct(lang, 'rate.paused')}</div>
            ) : (
              <div className="r-idle__officer" data-testid="rate-officer">
                {w?.holder != null ? (
                  <Officer lang={lang} name={w.holder.name} id={w.holder.officerId} />
                ) : (
                  ct(lang, 'rate.idleNobody')
                )}
              </div>
            )}
            <div className="r-idle__hint">{ct(lang, 'rate.idleHint')}</div>
          </div>
        )}
        {screen.name === 'rate' && (
          <div className="r-rate">
            <h1>{ct(lang, 'rate.title')}</h1>
            <div className="r-rate__about">
              {screen.number !== '' && (
                <span className="r-rate__ticket num">{ct(lang, 'rate.ticket', { number: screen.number })}</span>
              )}
              {screen.officerId !== null && (
                <span className="r-rate__officer" data-testid="rate-served-by">
                  <Officer lang={lang} name={officerName(state, screen.officerId)} id={screen.officerId} />
                </span>
              )}
            </div>
            <div className="r-levels">
              {ratingLevels.map((level) => (
                <button
                  key={level}
                  type="button"
                  className={`r-level r-level--${level}`}
                  data-testid={`rate-level-${level}`}
                  disabled={sending}
                  onClick={() =>
                    level <= LOW_RATING
                      ? setScreen({ ...screen, name: 'reason', level })
                      : void submit(screen.ticketId, level)
                  }
                >
                  <Face level={level} />
                  {ct(lang, `rate.level.${level}` as CounterStringKey)}
                </button>
              ))}
            </div>
          </div>
        )}
        {screen.name === 'reason' && (
          <ReasonScreen
            lang={lang}
            level={screen.level}
            sending={sending}
            onBack={() => setScreen({ ...screen, name: 'rate' })}
            onSubmit={(reason) => void submit(screen.ticketId, screen.level, reason)}
          />
        )}
        {screen.name === 'thanks' && (
          <div className="r-thanks" data-testid="rate-thanks">
            <Icon name="check" size={120} />
            <div className="r-thanks__title">{ct(lang, 'rate.thanks')}</div>
            <div className="r-thanks__hint">{ct(lang, 'rate.thanksHint')}</div>
          </div>
        )}
        {failure !== null && (
          <div className="r-failure" role="alert" data-testid="rate-failure">
            {failure}
          </div>
        )}
      </main>
    </div>
  );
}

/** 经办民警 张警官 · 警号 1001: who served, as on the window's supervision card. */
function Officer({ lang, name, id }: { lang: Lang; name: string; id: string }): ReactElement {
  return (
    <>
      {ct(lang, 'rate.officer', { name })} <span className="r-badge-no">{ct(lang, 'rate.officerId', { id })}</span>
    </>
  );
}

function officerName(state: HallState | null, officerId: string): string {
  return state?.model.officers.get(officerId)?.name ?? officerId;
}

function ReasonScreen(p: {
  lang: Lang;
  level: number;
  sending: boolean;
  onBack: () => void;
  onSubmit: (reason: string) => void;
}): ReactElement {
  const { lang } = p;
  const [chosen, setChosen] = useState<string | null>(null);
  const [text, setText] = useState('');
  const reason = text.trim() !== '' ? text.trim() : chosen;
  return (
    <div className="r-reason">
      <div className="r-reason__head">
        <div className={`r-chosen r-chosen--${p.level}`} data-testid="rate-chosen">
          <Face level={p.level} />
          {ct(lang, 'rate.chosen', { level: ct(lang, `rate.level.${p.level}` as CounterStringKey) })}
        </div>
        <h1>{ct(lang, 'rate.reasonTitle')}</h1>
      </div>
      <div className="r-reasons">
        {ratingReasons.map((r) => (
          <button
            key={r}
            type="button"
            className={`r-reason-btn ${chosen === r ? 'r-reason-btn--on' : ''}`}
            data-testid={`rate-reason-${r}`}
            onClick={() => setChosen(chosen === r ? null : r)}
          >
            {ct(lang, `rate.reason.${r}` as CounterStringKey)}
          </button>
        ))}
      </div>
      <input
        className="r-reason-text"
        placeholder={ct(lang, 'rate.reasonOther')}
        maxLength={200}
        value={text}
        data-testid="rate-reason-text"
        onChange={(e) => setText(e.target.value)}
      />
      <div className="r-reason__buttons">
        <button type="button" className="r-btn r-btn--quiet" onClick={p.onBack}>
          {ct(lang, 'rate.back')}
        </button>
        <button
          type="button"
          className="r-btn"
          data-testid="rate-reason-submit"
          disabled={reason === null || p.sending}
          onClick={() => reason !== null && p.onSubmit(reason)}
        >
          {ct(lang, 'rate.reasonSubmit')}
        </button>
      </div>
    </div>
  );
}

/** A simple line face: the mouth bends with the level (no emoji: fonts differ between machines). */
function Face({ level }: { level: number }): ReactElement {
  const bend = (level - 3) * 4; // 5 → smile, 1 → frown
  return (
    <svg className="r-face" viewBox="0 0 48 48" width="72" height="72" aria-hidden="true">
      <circle cx="24" cy="24" r="21" fill="none" stroke="currentColor" strokeWidth="3" />
      <circle cx="17" cy="19" r="2.6" fill="currentColor" />
      <circle cx="31" cy="19" r="2.6" fill="currentColor" />
      <path
        d={`M14 ${31 - bend / 2} Q24 ${31 + bend} 34 ${31 - bend / 2}`}
        fill="none"
        stroke="currentColor"
        strokeWidth="3"
        strokeLinecap="round"
      />
    </svg>
  );
}

export function NotConfigured({ lang, text }: { lang: Lang; text?: string }): ReactElement {
  return (
    <div className="r-app" data-screen="not-configured">
      <main className="r-main">
        <div className="r-idle">
          <Icon name="alert" size={96} />
          <div className="r-idle__officer">{text ?? ct(lang, 'rate.notConfigured')}</div>
          <div className="r-idle__hint">{ct(lang, 'rate.notConfiguredHint')}</div>
        </div>
      </main>
    </div>
  );
}
