import { useEffect, useState, type ReactElement } from 'react';
import { z } from 'zod';
import { categoryIcon, Icon } from '@yichuang/ui';
import { mobilePhoneSchema, ticketViewSchema } from '@yichuang/protocol';
import type { MobileService } from '../api/catalogue.ts';
import { hubCall, newRequestId } from '../api/hub-call.ts';
import { useCatalogue } from '../api/use-hall.ts';
import { AppShell, Notice } from '../layout/app-shell.tsx';
import { useLang } from '../lang.ts';
import { errorText, mt } from '../mobile-strings.ts';
import { serviceText } from '../service-text.ts';
import { StepHead } from '../booking/step-head.tsx';
import { ServiceLinks } from '../layout/service-links.tsx';

const codeSentSchema = z.object({ sent: z.literal(true), phone: z.string(), validMinutes: z.number() });
const takenSchema = ticketViewSchema.extend({ link: z.string().startsWith('/t/') });
const RESEND_S = 60;

/** 线上取号: choose the matter, prove the phone with the SMS code, and go to the live ticket page. */
export function TakeScreen({ serviceId }: { serviceId: string | null }): ReactElement {
  const lang = useLang();
  const { catalogue } = useCatalogue();
  const remote = catalogue?.services.filter((s) => s.remote) ?? [];
  const service = remote.find((s) => s.id === serviceId);
  return (
    <AppShell
      title={mt(lang, 'take.title')}
      tab="home"
      back={serviceId === null ? { name: 'home' } : { name: 'take', serviceId: null }}
    >
      {catalogue === null ? (
        <Notice text={mt(lang, 'loading')} />
      ) : remote.length === 0 ? (
        <Notice text={mt(lang, 'take.none')} testId="m-take-none" />
      ) : service === undefined ? (
        <>
          <StepHead n={1} of={2} title={mt(lang, 'take.choose')} />
          <ServiceLinks services={remote} to={(id) => ({ name: 'take', serviceId: id })} testIdPrefix="m-take-" />
        </>
      ) : (
        <>
          <StepHead n={2} of={2} title={mt(lang, 'take.phone')} />
          <VerifyAndTake key={service.id} service={service} graceMinutes={catalogue.remote?.graceMinutes ?? 5} />
        </>
      )}
    </AppShell>
  );
}

function VerifyAndTake({ service, graceMinutes }: { service: MobileService; graceMinutes: number }): ReactElement {
  const lang = useLang();
  const [phone, setPhone] = useState('');
  const [code, setCode] = useState('');
  const [sent, setSent] = useState<{ phone: string; minutes: number } | null>(null);
  const [wait, setWait] = useState(0);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const [requestId] = useState(newRequestId);
  const phoneOk = mobilePhoneSchema.safeParse(phone).success;

  useEffect(() => {
    if (wait <= 0) return;
    const t = setTimeout(() => setWait((w) => w - 1), 1000);
    return () => clearTimeout(t);
  }, [wait]);

  const sendCode = async (): Promise<void> => {
    setBusy(true);
    const res = await hubCall('POST', '/api/remote/code', codeSentSchema, { phone });
    setBusy(false);
    if (!res.ok) return setProblem(errorText(lang, res.code));
    setProblem(null);
    setSent({ phone: res.data.phone, minutes: res.data.validMinutes });
    setWait(RESEND_S);
  };

  const take = async (): Promise<void> => {
    if (!/^\d{6}$/.test(code)) return setProblem(mt(lang, 'take.codeInvalid'));
    setBusy(true);
    const res = await hubCall('POST', '/api/remote/tickets', takenSchema, {
      requestId,
      phone,
      code,
      serviceId: service.id,
    });
    if (!res.ok) {
      setBusy(false);
      return setProblem(errorText(lang, res.code));
    }
    // The live ticket page (its own document under /t/…): the secret goes with it.
    window.location.assign(res.data.link);
  };

  return (
    <form
      className="m-card m-form"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        void take();
      }}
    >
      <div className="m-chosen" data-testid="m-take-service">
        <Icon name={categoryIcon(service.category)} size={26} />
        <b>{serviceText(service, lang).name}</b>
      </div>
      <label className="m-field">
        <span>{mt(lang, 'take.phone')}</span>
        <div className="m-field__row">
          <input
            data-testid="m-take-phone"
            type="tel"
            inputMode="numeric"
            autoComplete="tel"
            maxLength={11}
            value={phone}
            onChange={(e) => setPhone(e.target.value.replace(/\D/g, ''))}
          />
          <button
            type="button"
            className="m-btn m-btn--ghost"
            data-testid="m-take-send"
            disabled={!phoneOk || busy || wait > 0}
            onClick={() => void sendCode()}
          >
            {wait > 0 ? mt(lang, 'take.resend', { s: wait }) : mt(lang, 'take.sendCode')}
          </button>
        </div>
      </label>
      {sent !== null && (
        <p className="m-muted" data-testid="m-take-sent">
          {mt(lang, 'take.sent', { phone: sent.phone, n: sent.minutes })}
        </p>
      )}
      <label className="m-field">
        <span>{mt(lang, 'take.code')}</span>
        <input
          data-testid="m-take-code"
          inputMode="numeric"
          autoComplete="one-time-code"
          maxLength={6}
          value={code}
          onChange={(e) => setCode(e.target.value.replace(/\D/g, ''))}
        />
      </label>
      {problem !== null && (
        <p className="m-field__error" role="alert" data-testid="m-take-problem">
          {problem}
        </p>
      )}
      <button
        type="submit"
        className="m-btn m-btn--primary"
        data-testid="m-take-submit"
        disabled={busy || sent === null}
      >
        {busy ? mt(lang, 'take.submitting') : mt(lang, 'take.submit')}
      </button>
      <p className="m-muted m-take-note">
        <Icon name="info" size={20} /> {mt(lang, 'take.note', { n: graceMinutes })}
      </p>
    </form>
  );
}
