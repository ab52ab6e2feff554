import { useEffect, useState, type ReactElement } from 'react';
import { Icon, type Lang } from '@yichuang/ui';
import { mobilePhoneSchema, type CaseProgress } from '@yichuang/protocol';
import { useCatalogue } from '../api/use-hall.ts';
import { AppShell, Notice } from '../layout/app-shell.tsx';
import { useLang } from '../lang.ts';
import { dayText, nameIn } from '../service-text.ts';
import { CASE_NO, lookupCase, tidyCaseNo } from './case-lookup.ts';
import { lookupError, pt } from './progress-strings.ts';

function when(at: number, timeZone: string): string {
  return new Intl.DateTimeFormat('sv-SE', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hour12: false,
  }).format(at);
}

/** The ?no= of a receipt's QR code or link, when it looks like a case number. */
function prefilled(): string {
  const no = tidyCaseNo(new URLSearchParams(window.location.search).get('no') ?? '');
  return CASE_NO.test(no) ? no : '';
}

/** 办件进度查询: a case by its 受理编号 and mobile: the matter, due day and steps; never a name or phone. */
export function ProgressScreen(): ReactElement {
  const lang = useLang();
  const [no, setNo] = useState(prefilled);
  const [phone, setPhone] = useState('');
  const [problem, setProblem] = useState<{ field: 'no' | 'phone' | null; text: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const [found, setFound] = useState<{ c: CaseProgress; at: number; phone: string } | null>(null);

  const ask = async (caseNo: string, mobile: string): Promise<void> => {
    setBusy(true);
    const r = await lookupCase(caseNo, mobile);
    setBusy(false);
    if (!r.ok) {
      setFound(null);
      return setProblem({ field: r.code === 'UNKNOWN_CASE' ? 'no' : null, text: lookupError(lang, r.code) });
    }
    setProblem(null);
    setFound({ c: r.data, at: Date.now(), phone: mobile });
  };

  useEffect(() => {
    if (found !== null) window.scrollTo(0, 0);
  }, [found]);

  if (found !== null)
    return (
      <AppShell title={pt(lang, 'title')} tab="home" back={{ name: 'home' }}>
        <CaseCard c={found.c} at={found.at} lang={lang} />
        <div className="pg-buttons">
          <button
            type="button"
            className="m-btn m-btn--primary"
            data-testid="pg-refresh"
            disabled={busy}
            onClick={() => void ask(found.c.no, found.phone)}
          >
            {busy ? pt(lang, 'searching') : pt(lang, 'refresh')}
          </button>
          <button
            type="button"
            className="m-btn m-btn--ghost"
            data-testid="pg-another"
            onClick={() => {
              setFound(null);
              setNo('');
              setPhone('');
            }}
          >
            {pt(lang, 'another')}
          </button>
        </div>
        {problem !== null && <Notice tone="error" text={problem.text} testId="pg-error" />}
      </AppShell>
    );

  return (
    <AppShell title={pt(lang, 'title')} tab="home" back={{ name: 'home' }}>
      <form
        className="m-card m-form"
        data-testid="pg-form"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          const caseNo = tidyCaseNo(no);
          if (!CASE_NO.test(caseNo)) return setProblem({ field: 'no', text: pt(lang, 'noInvalid') });
          if (!mobilePhoneSchema.safeParse(phone).success)
            return setProblem({ field: 'phone', text: pt(lang, 'phoneInvalid') });
          setNo(caseNo);
          void ask(caseNo, phone);
        }}
      >
        <p className="pg-intro">{pt(lang, 'intro')}</p>
        <label className="m-field">
          <span>{pt(lang, 'no')}</span>
          <input
            data-testid="pg-no"
            autoComplete="off"
            autoCapitalize="characters"
            spellCheck={false}
            maxLength={24}
            placeholder={pt(lang, 'noPlaceholder')}
            aria-invalid={problem?.field === 'no'}
            value={no}
            onChange={(e) => setNo(e.target.value)}
          />
        </label>
        <label className="m-field">
          <span>{pt(lang, 'phone')}</span>
          <input
            data-testid="pg-phone"
            type="tel"
            inputMode="numeric"
            autoComplete="tel"
            maxLength={11}
            aria-invalid={problem?.field === 'phone'}
            value={phone}
            onChange={(e) => setPhone(e.target.value.replace(/\D/g, ''))}
          />
        </label>
        {problem !== null && (
          <span className="m-field__error" role="alert" data-testid="pg-error">
            {problem.text}
          </span>
        )}
        <button type="submit" className="m-btn m-btn--primary" data-testid="pg-submit" disabled={busy}>
          <Icon name="search" size={26} />
          {busy ? pt(lang, 'searching') : pt(lang, 'search')}
        </button>
        <p className="m-muted m-small pg-privacy">{pt(lang, 'privacy')}</p>
      </form>
    </AppShell>
  );
}

type StepState = 'done' | 'now' | 'todo';

function CaseCard({ c, at, lang }: { c: CaseProgress; at: number; lang: Lang }): ReactElement {
  const { catalogue } = useCatalogue();
  const timeZone = catalogue?.hall.timezone ?? 'Asia/Shanghai';
  const today = catalogue?.hall.day ?? c.dueDay;
  const service = catalogue?.services.find((s) => s.id === c.serviceId);
  const matter = service === undefined ? c.serviceName : nameIn(service, lang);
  const pending = c.kind === 'accepted-pending';
  const materialsIn = c.materialsReceivedAt !== null || c.status === 'materials-received';
  const done = c.status === 'done';
  const consult = catalogue?.hall.phones.consult;
  const steps: { key: string; label: string; state: StepState; sub: string }[] = [
    { key: 'accepted', label: pt(lang, 'step.accepted'), state: 'done', sub: when(c.acceptedAt, timeZone) },
  ];
  if (pending)
    steps.push({
      key: 'materials',
      label: pt(lang, 'step.materials'),
      state: materialsIn || done ? 'done' : 'now',
      sub:
        c.materialsReceivedAt !== null
          ? when(c.materialsReceivedAt, timeZone)
          : done
            ? ''
            : pt(lang, 'step.waitMaterials'),
    });
  steps.push({
    key: 'done',
    label: pt(lang, 'step.done'),
    state: done ? 'done' : !pending || materialsIn ? 'now' : 'todo',
    sub:
      c.doneAt !== null
        ? when(c.doneAt, timeZone)
        : !pending || materialsIn
          ? `${pt(lang, 'step.working')} · ${pt(lang, c.overdue ? 'duePassed' : 'dueBy', { day: dayText(c.dueDay, today, lang) })}`
          : pt(lang, 'step.todo'),
  });
  const status = done ? 'done' : c.overdue ? 'overdue' : c.status;
  return (
    <section className={`m-card pg-case pg-case--${status}`} data-testid="pg-case" data-status={status}>
      <div className="pg-case__top">
        <span className="pg-case__no num" data-testid="pg-case-no">
          {c.no}
        </span>
        <span className={`pg-badge pg-badge--${status}`} data-testid="pg-status">
          {pt(lang, `status.${status}`)}
        </span>
      </div>
      <h2 className="pg-case__matter" data-testid="pg-matter">
        {matter}
      </h2>
      <dl className="pg-facts">
        <dt>{pt(lang, 'acceptedAt')}</dt>
        <dd className="num">{when(c.acceptedAt, timeZone)}</dd>
        <dt>{pt(lang, 'due')}</dt>
        <dd className={c.overdue ? 'pg-late' : undefined} data-testid="pg-due">
          {dayText(c.dueDay, today, lang)}
        </dd>
        <dt>{pt(lang, 'kind')}</dt>
        <dd>{pt(lang, `kind.${c.kind}`)}</dd>
      </dl>
      {c.overdue && (
        <div className="pg-overdue" role="status" data-testid="pg-overdue">
          <Icon name="alert" size={26} />
          <div>
            <div>{pt(lang, 'overdue')}</div>
            {consult !== undefined && (
              <a className="pg-call num" href={`tel:${consult.replace(/[^\d+]/g, '')}`}>
                {pt(lang, 'overdueCall', { phone: consult })}
              </a>
            )}
          </div>
        </div>
      )}
      <h3 className="pg-steps__title">{pt(lang, 'steps')}</h3>
      <ol className="pg-steps" data-testid="pg-steps">
        {steps.map((s) => (
          <li key={s.key} className={`pg-step pg-step--${s.state}`} data-step={s.key} data-state={s.state}>
            <span className="pg-step__dot" aria-hidden>
              {s.state === 'done' ? <Icon name="check" size={26} /> : null}
            </span>
            <span className="pg-step__text">
              <b>{s.label}</b>
              {s.sub !== '' && <small className={/^\d{4}-/.test(s.sub) ? 'num' : undefined}>{s.sub}</small>}
            </span>
          </li>
        ))}
      </ol>
      {pending && !materialsIn && !done && c.pendingMaterials.length > 0 && (
        <div className="pg-pending" data-testid="pg-pending">
          <b>{pt(lang, 'pending')}</b>
          <ul>
            {c.pendingMaterials.map((m) => (
              <li key={m}>{m}</li>
            ))}
          </ul>
          <small>{pt(lang, 'pendingHint')}</small>
        </div>
      )}
      {done && <p className="pg-done-note">{pt(lang, 'doneNote')}</p>}
      <p className="m-muted m-small pg-updated num">{pt(lang, 'updated', { time: when(at, timeZone).slice(11) })}</p>
    </section>
  );
}
