import type { ReactElement } from 'react';
import { Icon, t } from '@yichuang/ui';
import { useCatalogue } from '../api/use-hall.ts';
import { AppShell, Notice } from '../layout/app-shell.tsx';
import { useLang } from '../lang.ts';
import { errorText, mt } from '../mobile-strings.ts';
import { linkTo } from '../router.ts';
import { dayText, serviceText } from '../service-text.ts';
import { useAppointment } from './use-appointment.ts';

/** The booking's result: the code, big, to show or type at the kiosk; what to bring; how to check in. */
export function BookedScreen({ code }: { code: string }): ReactElement {
  const lang = useLang();
  const { catalogue } = useCatalogue();
  const { appointment: a, problem } = useAppointment(code);
  if (a === null)
    return (
      <AppShell title={mt(lang, 'result.title')} tab="book" back={{ name: 'mine' }}>
        {problem === null ? (
          <Notice text={mt(lang, 'loading')} />
        ) : (
          <Notice tone="error" text={problem === 'NO_PHONE' ? mt(lang, 'mine.gone') : errorText(lang, problem)} />
        )}
      </AppShell>
    );
  const service = catalogue?.services.find((s) => s.id === a.serviceId);
  const text = service === undefined ? null : serviceText(service, lang);
  const day = dayText(a.day, catalogue?.hall.day ?? a.day, lang);
  const checkIn = catalogue?.kiosk.appointmentCheckIn;
  return (
    <AppShell title={mt(lang, 'result.title')} tab="book" back={{ name: 'mine' }}>
      <section className="m-card m-result" data-testid="m-result">
        <div className={`m-result__ok m-result__ok--${a.status}`}>
          <Icon name={a.status === 'booked' || a.status === 'checked-in' ? 'check' : 'info'} size={36} />
          {mt(lang, a.status === 'booked' ? 'result.title' : `status.${a.status}`)}
        </div>
        <div className="m-result__label">{mt(lang, 'result.code')}</div>
        <div className="m-code num" data-testid="m-code">
          {a.code}
        </div>
        <p className="m-muted m-small">{mt(lang, 'result.codeHint')}</p>
        <dl className="m-facts m-facts--left">
          <div>
            <dt>{mt(lang, 'book.service')}</dt>
            <dd>{text?.name ?? a.serviceName}</dd>
          </div>
          <div>
            <dt>{mt(lang, 'book.time')}</dt>
            <dd className="num" data-testid="m-result-when">
              {day}{' '}
              <span className="m-nowrap">
                {a.start}–{a.end}
              </span>
            </dd>
          </div>
          <div>
            <dt>{mt(lang, 'book.name')}</dt>
            <dd>
              {a.name} · <span className="num">{a.phone}</span>
            </dd>
          </div>
        </dl>
      </section>
      <section className="m-card">
        <h3 className="m-card__title">
          <Icon name="document" size={26} />
          {mt(lang, 'result.bring')}
        </h3>
        {text === null || text.materials.length === 0 ? (
          <p>{t(lang, 'guide.noMaterials')}</p>
        ) : (
          <ol className="m-materials" data-testid="m-result-materials">
            {text.materials.map((m, i) => (
              <li key={`${i}-${m}`}>{m}</li>
            ))}
          </ol>
        )}
      </section>
      <section className="m-card" data-testid="m-checkin">
        <h3 className="m-card__title">
          <Icon name="idCard" size={26} />
          {mt(lang, 'result.checkin')}
        </h3>
        <ol className="m-steps">
          <li>{mt(lang, 'result.step1')}</li>
          <li>{mt(lang, 'result.step2')}</li>
          <li>{mt(lang, 'result.step3')}</li>
        </ol>
        {checkIn !== undefined && (
          <p className="m-muted">
            {mt(lang, 'result.window', { early: checkIn.earlyMinutes, late: checkIn.lateMinutes })}
          </p>
        )}
      </section>
      <a className="m-btn m-btn--ghost" data-testid="m-result-mine" {...linkTo({ name: 'mine' })}>
        {mt(lang, 'result.mine')}
      </a>
    </AppShell>
  );
}
