import { useState, type ReactElement } from 'react';
import { mobilePhoneSchema } from '@yichuang/protocol';
import {
  cancel,
  forgetAppointment,
  keepAppointment,
  keptAppointments,
  keptPhone,
  lookup,
} from '../api/appointments.ts';
import { useCatalogue } from '../api/use-hall.ts';
import { AppShell, Notice } from '../layout/app-shell.tsx';
import { useLang } from '../lang.ts';
import { errorText, mt, type MobileKey } from '../mobile-strings.ts';
import { linkTo } from '../router.ts';
import { dayText, serviceText } from '../service-text.ts';
import { useAppointment } from './use-appointment.ts';

/** 我的预约: the bookings kept on this phone, each looked up live; cancel, change; find one by code. */
export function MineScreen(): ReactElement {
  const lang = useLang();
  const [kept, setKept] = useState(keptAppointments);
  const refresh = (): void => setKept(keptAppointments());
  return (
    <AppShell title={mt(lang, 'mine.title')} tab="mine" back={{ name: 'home' }}>
      {kept.length === 0 ? (
        <Notice text={mt(lang, 'mine.empty')} testId="m-mine-empty" />
      ) : (
        <ul className="m-appts" data-testid="m-mine-list">
          {kept.map((k) => (
            <li key={k.code.toUpperCase()}>
              <AppointmentCard code={k.code} onForget={refresh} />
            </li>
          ))}
        </ul>
      )}
      <FindForm onFound={refresh} />
    </AppShell>
  );
}

function AppointmentCard({ code, onForget }: { code: string; onForget: () => void }): ReactElement {
  const lang = useLang();
  const { catalogue } = useCatalogue();
  const { appointment: a, problem, set } = useAppointment(code);
  const [asking, setAsking] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const forget = (): void => {
    forgetAppointment(code);
    onForget();
  };
  if (a === null)
    return (
      <div className="m-card m-appt" data-testid={`m-appt-${code.toUpperCase()}`}>
        <div className="m-appt__code num">{code.toUpperCase()}</div>
        <Notice
          tone={problem === null ? 'info' : 'error'}
          text={
            problem === null
              ? mt(lang, 'loading')
              : problem === 'UNKNOWN_APPOINTMENT'
                ? mt(lang, 'mine.gone')
                : errorText(lang, problem)
          }
        />
        {problem !== null && (
          <button type="button" className="m-link-btn" onClick={forget}>
            {mt(lang, 'mine.remove')}
          </button>
        )}
      </div>
    );
  const service = catalogue?.services.find((s) => s.id === a.serviceId);
  const day = dayText(a.day, catalogue?.hall.day ?? a.day, lang);
  const doCancel = async (): Promise<void> => {
    const phone = keptPhone(code);
    if (phone === null) return;
    setBusy(true);
    const r = await cancel(a.code, phone);
    setBusy(false);
    setAsking(false);
    if (r.ok) {
      set(r.data);
      setError(null);
    } else setError(r.code);
  };
  return (
    <div className={`m-card m-appt m-appt--${a.status}`} data-testid={`m-appt-${a.code.toUpperCase()}`}>
      <div className="m-appt__top">
        <span className="m-appt__code num" data-testid="m-appt-code">
          {a.code}
        </span>
        <span className={`m-badge m-badge--${a.status}`} data-testid="m-appt-status" data-status={a.status}>
          {mt(lang, `status.${a.status}`)}
        </span>
      </div>
      <div className="m-appt__service">{service === undefined ? a.serviceName : serviceText(service, lang).name}</div>
      <div className="m-appt__when num" data-testid="m-appt-when">
        {day}{' '}
        <span className="m-nowrap">
          {a.start}–{a.end}
        </span>
      </div>
      <div className="m-muted m-small">
        {a.name} · <span className="num">{a.phone}</span>
      </div>
      {error !== null && <Notice tone="error" text={errorText(lang, error)} />}
      {a.status === 'booked' &&
        (asking ? (
          <div className="m-ask" role="alertdialog" aria-label={mt(lang, 'mine.cancelAsk')}>
            <p>{mt(lang, 'mine.cancelAsk')}</p>
            <div className="m-appt__buttons">
              <button
                type="button"
                className="m-btn m-btn--danger"
                data-testid="m-cancel-yes"
                disabled={busy}
                onClick={() => void doCancel()}
              >
                {mt(lang, 'mine.cancelYes')}
              </button>
              <button type="button" className="m-btn m-btn--ghost" onClick={() => setAsking(false)}>
                {mt(lang, 'mine.keep')}
              </button>
            </div>
          </div>
        ) : (
          <div className="m-appt__buttons">
            <a className="m-btn m-btn--ghost" data-testid="m-appt-show" {...linkTo({ name: 'booked', code: a.code })}>
              {mt(lang, 'mine.show')}
            </a>
            <a
              className="m-btn m-btn--ghost"
              data-testid="m-appt-reschedule"
              {...linkTo({ name: 'reschedule', code: a.code })}
            >
              {mt(lang, 'mine.reschedule')}
            </a>
            <button
              type="button"
              className="m-btn m-btn--ghost m-btn--warn"
              data-testid="m-appt-cancel"
              onClick={() => setAsking(true)}
            >
              {mt(lang, 'mine.cancel')}
            </button>
          </div>
        ))}
      {a.status !== 'booked' && (
        <button type="button" className="m-link-btn" onClick={forget}>
          {mt(lang, 'mine.remove')}
        </button>
      )}
    </div>
  );
}

/** Find a booking made elsewhere (another phone, the hall's telephone line) by its code and mobile number. */
function FindForm({ onFound }: { onFound: () => void }): ReactElement {
  const lang = useLang();
  const [code, setCode] = useState('');
  const [phone, setPhone] = useState('');
  const [problem, setProblem] = useState<{ key: MobileKey } | { code: string } | null>(null);
  const [busy, setBusy] = useState(false);
  return (
    <form
      className="m-card m-form"
      data-testid="m-find"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        const c = code.trim();
        if (c === '') return setProblem({ key: 'mine.codeInvalid' });
        if (!mobilePhoneSchema.safeParse(phone).success) return setProblem({ key: 'book.phoneInvalid' });
        setBusy(true);
        void lookup(c, phone).then((r) => {
          setBusy(false);
          if (!r.ok) return setProblem({ code: r.code });
          keepAppointment(r.data.code, phone);
          setProblem(null);
          setCode('');
          setPhone('');
          onFound();
        });
      }}
    >
      <h3 className="m-card__title">{mt(lang, 'mine.find')}</h3>
      <p className="m-muted m-small">{mt(lang, 'mine.findHint')}</p>
      <label className="m-field">
        <span>{mt(lang, 'mine.code')}</span>
        <input
          data-testid="m-find-code"
          autoComplete="off"
          autoCapitalize="characters"
          maxLength={32}
          value={code}
          onChange={(e) => setCode(e.target.value)}
        />
      </label>
      <label className="m-field">
        <span>{mt(lang, 'book.phone')}</span>
        <input
          data-testid="m-find-phone"
          type="tel"
          inputMode="numeric"
          maxLength={11}
          value={phone}
          onChange={(e) => setPhone(e.target.value.replace(/\D/g, ''))}
        />
      </label>
      {problem !== null && (
        <span className="m-field__error" role="alert" data-testid="m-find-error">
          {'key' in problem ? mt(lang, problem.key) : errorText(lang, problem.code)}
        </span>
      )}
      <button type="submit" className="m-btn m-btn--primary" data-testid="m-find-submit" disabled={busy}>
        {mt(lang, 'mine.search')}
      </button>
    </form>
  );
}
