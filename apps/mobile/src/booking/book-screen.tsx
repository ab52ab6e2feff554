import { useState, type ReactElement } from 'react';
import { book, keepAppointment, rememberAnswer } from '../api/appointments.ts';
import type { MobileCatalogue, MobileService } from '../api/catalogue.ts';
import { newRequestId } from '../api/hub-call.ts';
import { useCatalogue } from '../api/use-hall.ts';
import { AppShell, Notice } from '../layout/app-shell.tsx';
import { useLang } from '../lang.ts';
import { errorText, mt } from '../mobile-strings.ts';
import { navigate } from '../router.ts';
import { dayText as dayOf, serviceText } from '../service-text.ts';
import { DetailsForm, type Details } from './details-form.tsx';
import { ServiceLinks } from '../layout/service-links.tsx';
import { DayPicker, SlotPicker, type Slot } from './slot-pickers.tsx';
import { Chosen, StepHead } from './step-head.tsx';
import { useSteps } from './use-steps.ts';

/** 预约: choose the matter, then day → slot → details → confirm; the result page shows the code. */
export function BookScreen({ serviceId }: { serviceId: string | null }): ReactElement {
  const lang = useLang();
  const { catalogue } = useCatalogue();
  const service = catalogue?.services.find((s) => s.id === serviceId && s.bookable);
  return (
    <AppShell
      title={mt(lang, 'book.title')}
      tab="book"
      back={serviceId === null ? { name: 'home' } : { name: 'book', serviceId: null }}
    >
      {catalogue === null ? (
        <Notice text={mt(lang, 'loading')} />
      ) : serviceId === null ? (
        <ChooseService catalogue={catalogue} />
      ) : service === undefined ? (
        <Notice tone="error" text={errorText(lang, 'NOT_BOOKABLE')} testId="m-not-bookable" />
      ) : (
        <BookingFlow key={service.id} service={service} today={catalogue.hall.day} />
      )}
    </AppShell>
  );
}

function ChooseService({ catalogue }: { catalogue: MobileCatalogue }): ReactElement {
  const lang = useLang();
  const bookable = catalogue.services.filter((s) => s.bookable);
  if (bookable.length === 0) return <Notice text={mt(lang, 'book.noneBookable')} testId="m-none-bookable" />;
  return (
    <>
      <StepHead n={1} of={5} title={mt(lang, 'book.chooseService')} />
      <ServiceLinks services={bookable} to={(serviceId) => ({ name: 'book', serviceId })} testIdPrefix="m-book-" />
    </>
  );
}

type Step =
  | { at: 'day' }
  | { at: 'slot'; day: string }
  | { at: 'details'; day: string; slot: Slot }
  | { at: 'confirm'; day: string; slot: Slot; requestId: string };

const NO_DETAILS: Details = { name: '', phone: '', idCard: '' };

function BookingFlow({ service, today }: { service: MobileService; today: string }): ReactElement {
  const lang = useLang();
  const [step, setStep] = useSteps<Step>({ at: 'day' });
  const [details, setDetails] = useState<Details>(NO_DETAILS);
  const [sending, setSending] = useState(false);
  /** The hub's refusal of the last attempt; a full or closed slot offers the day's other slots. */
  const [refused, setRefused] = useState<{ code: string; start: string } | null>(null);
  const name = serviceText(service, lang).name;
  const dayText = (day: string): string => dayOf(day, today, lang);
  const confirm = (day: string, slot: Slot): void => {
    setRefused(null);
    setStep({ at: 'confirm', day, slot, requestId: newRequestId() });
  };

  const submit = async (s: Extract<Step, { at: 'confirm' }>): Promise<void> => {
    setSending(true);
    const r = await book({
      requestId: s.requestId,
      serviceId: service.id,
      day: s.day,
      start: s.slot.start,
      name: details.name,
      phone: details.phone,
      ...(details.idCard === '' ? {} : { idCard: details.idCard }),
    });
    setSending(false);
    if (r.ok) {
      keepAppointment(r.data.code, details.phone);
      rememberAnswer(r.data);
      navigate({ name: 'booked', code: r.data.code }, true);
      return;
    }
    setRefused({ code: r.code, start: s.slot.start });
  };

  const serviceLine = (
    <Chosen label={mt(lang, 'book.service')} testId="m-chosen-service">
      {name}
    </Chosen>
  );
  switch (step.at) {
    case 'day':
      return (
        <>
          <StepHead n={2} of={5} title={mt(lang, 'book.chooseDay')} />
          {serviceLine}
          <DayPicker
            serviceId={service.id}
            today={today}
            chosen={null}
            onPick={(day) => setStep({ at: 'slot', day })}
          />
        </>
      );
    case 'slot':
      return (
        <>
          <StepHead n={3} of={5} title={mt(lang, 'book.chooseSlot')} />
          {serviceLine}
          <Chosen label={mt(lang, 'book.day')} onChange={() => setStep({ at: 'day' })}>
            {dayText(step.day)}
          </Chosen>
          <SlotPicker
            serviceId={service.id}
            day={step.day}
            onPick={(slot) => setStep({ at: 'details', day: step.day, slot })}
          />
        </>
      );
    case 'details':
      return (
        <>
          <StepHead n={4} of={5} title={mt(lang, 'book.fill')} />
          {serviceLine}
          <Chosen label={mt(lang, 'book.time')} onChange={() => setStep({ at: 'slot', day: step.day })}>
            {dayText(step.day)} <span className="num">{`${step.slot.start}–${step.slot.end}`}</span>
          </Chosen>
          <DetailsForm
            initial={details}
            onDone={(d) => {
              setDetails(d);
              confirm(step.day, step.slot);
            }}
          />
        </>
      );
    case 'confirm': {
      const slotGone = refused !== null && (refused.code === 'SLOT_FULL' || refused.code === 'SLOT_CLOSED');
      return (
        <>
          <StepHead n={5} of={5} title={mt(lang, 'book.confirm')} />
          <section className="m-card m-summary" data-testid="m-confirm">
            {serviceLine}
            <Chosen label={mt(lang, 'book.day')} onChange={() => setStep({ at: 'day' })}>
              {dayText(step.day)}
            </Chosen>
            <Chosen label={mt(lang, 'book.time')} onChange={() => setStep({ at: 'slot', day: step.day })}>
              <span className="num">{`${step.slot.start}–${step.slot.end}`}</span>
            </Chosen>
            <Chosen
              label={mt(lang, 'book.name')}
              onChange={() => setStep({ at: 'details', day: step.day, slot: step.slot })}
            >
              {details.name}
            </Chosen>
            <Chosen label={mt(lang, 'book.phone')}>
              <span className="num">{details.phone}</span>
            </Chosen>
          </section>
          {refused !== null && (
            <Notice
              tone="error"
              testId="m-book-error"
              text={
                slotGone
                  ? `${errorText(lang, refused.code)}${lang === 'zh' ? '，' : '. '}${mt(lang, 'book.otherSlots')}`
                  : errorText(lang, refused.code)
              }
            />
          )}
          {slotGone ? (
            <>
              <SlotPicker
                serviceId={service.id}
                day={step.day}
                exclude={refused.start}
                onPick={(slot) => confirm(step.day, slot)}
              />
              <button type="button" className="m-btn m-btn--ghost" onClick={() => setStep({ at: 'day' })}>
                {mt(lang, 'book.otherDay')}
              </button>
            </>
          ) : (
            <button
              type="button"
              className="m-btn m-btn--primary"
              data-testid="m-book-submit"
              disabled={sending}
              onClick={() => void submit(step)}
            >
              {mt(lang, sending ? 'book.submitting' : 'book.submit')}
            </button>
          )}
        </>
      );
    }
  }
}
