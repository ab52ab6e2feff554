import { useState, type ReactElement } from 'react';
import { keptPhone, rememberAnswer, reschedule } from '../api/appointments.ts';
import { newRequestId } from '../api/hub-call.ts';
import { useCatalogue } from '../api/use-hall.ts';
import { AppShell, Notice } from '../layout/app-shell.tsx';
import { useLang } from '../lang.ts';
import { errorText, mt } from '../mobile-strings.ts';
import { navigate } from '../router.ts';
import { dayText as dayOf } from '../service-text.ts';
import { DayPicker, SlotPicker, type Slot } from './slot-pickers.tsx';
import { Chosen, StepHead } from './step-head.tsx';
import { useSteps } from './use-steps.ts';
import { useAppointment } from './use-appointment.ts';

type Step = { at: 'day' } | { at: 'slot'; day: string } | { at: 'confirm'; day: string; slot: Slot; requestId: string };

/** 改约: a new day and slot for a booking kept on this phone (same matter, same code). */
export function RescheduleScreen({ code }: { code: string }): ReactElement {
  const lang = useLang();
  const { catalogue } = useCatalogue();
  const { appointment: a, problem } = useAppointment(code);
  const [step, setStep] = useSteps<Step>({ at: 'day' });
  const [sending, setSending] = useState(false);
  const [refused, setRefused] = useState<{ code: string; start: string } | null>(null);
  const today = catalogue?.hall.day ?? '';
  const shell = (body: ReactElement): ReactElement => (
    <AppShell title={mt(lang, 'resched.title')} tab="mine" back={{ name: 'mine' }}>
      {body}
    </AppShell>
  );
  if (a === null || catalogue === null)
    return shell(
      problem === null ? (
        <Notice text={mt(lang, 'loading')} />
      ) : (
        <Notice tone="error" text={problem === 'NO_PHONE' ? mt(lang, 'mine.gone') : errorText(lang, problem)} />
      ),
    );
  if (a.status !== 'booked')
    return shell(<Notice tone="error" text={`${a.code} · ${mt(lang, `status.${a.status}`)}`} />);
  const dayText = (day: string): string => dayOf(day, today, lang);
  const current = (
    <Chosen label={mt(lang, 'resched.current')} testId="m-resched-current">
      {a.serviceName} · {dayText(a.day)} <span className="num">{`${a.start}–${a.end}`}</span>
    </Chosen>
  );
  const confirm = (day: string, slot: Slot): void => {
    setRefused(null);
    setStep({ at: 'confirm', day, slot, requestId: newRequestId() });
  };
  const submit = async (s: Extract<Step, { at: 'confirm' }>): Promise<void> => {
    const phone = keptPhone(code);
    if (phone === null) return;
    setSending(true);
    const r = await reschedule(a.code, { requestId: s.requestId, phone, day: s.day, start: s.slot.start });
    setSending(false);
    if (r.ok) {
      rememberAnswer(r.data);
      navigate({ name: 'booked', code: r.data.code }, true);
    } else setRefused({ code: r.code, start: s.slot.start });
  };
  switch (step.at) {
    case 'day':
      return shell(
        <>
          <StepHead n={1} of={3} title={mt(lang, 'book.chooseDay')} />
          {current}
          <DayPicker
            serviceId={a.serviceId}
            today={today}
            chosen={a.day}
            onPick={(day) => setStep({ at: 'slot', day })}
          />
        </>,
      );
    case 'slot':
      return shell(
        <>
          <StepHead n={2} of={3} title={mt(lang, 'book.chooseSlot')} />
          {current}
          <Chosen label={mt(lang, 'book.day')} onChange={() => setStep({ at: 'day' })}>
            {dayText(step.day)}
          </Chosen>
          <SlotPicker
            serviceId={a.serviceId}
            day={step.day}
            {...(step.day === a.day ? { exclude: a.start } : {})}
            onPick={(slot) => confirm(step.day, slot)}
          />
        </>,
      );
    case 'confirm': {
      const slotGone = refused !== null && (refused.code === 'SLOT_FULL' || refused.code === 'SLOT_CLOSED');
      return shell(
        <>
          <StepHead n={3} of={3} title={mt(lang, 'resched.submit')} />
          <section className="m-card m-summary" data-testid="m-confirm">
            {current}
            <Chosen label={mt(lang, 'book.time')} onChange={() => setStep({ at: 'day' })}>
              {dayText(step.day)} <span className="num">{`${step.slot.start}–${step.slot.end}`}</span>
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
            <SlotPicker
              serviceId={a.serviceId}
              day={step.day}
              exclude={refused.start}
              onPick={(slot) => confirm(step.day, slot)}
            />
          ) : (
            <button
              type="button"
              className="m-btn m-btn--primary"
              data-testid="m-resched-submit"
              disabled={sending}
              onClick={() => void submit(step)}
            >
              {mt(lang, sending ? 'book.submitting' : 'resched.submit')}
            </button>
          )}
        </>,
      );
    }
  }
}
