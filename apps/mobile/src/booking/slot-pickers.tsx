import { useEffect, useState, type ReactElement } from 'react';
import type { AppointmentDays, AppointmentSlots } from '@yichuang/protocol';
import { Notice } from '../layout/app-shell.tsx';
import { useLang } from '../lang.ts';
import { errorText, mt } from '../mobile-strings.ts';
import { dayLabel } from '../service-text.ts';
import { bookableDays, slotsOn } from '../api/appointments.ts';
import type { HubResult } from '../api/hub-call.ts';

export type Slot = AppointmentSlots['slots'][number];

/** A hub read for a picker: loading, its answer, or its error code; `reload` asks again. */
function useRead<T>(read: () => Promise<HubResult<T>>, key: string): { r: HubResult<T> | null; reload: () => void } {
  const [r, setR] = useState<HubResult<T> | null>(null);
  const [n, setN] = useState(0);
  useEffect(() => {
    let stale = false;
    setR(null);
    void read().then((x) => {
      if (!stale) setR(x);
    });
    return () => {
      stale = true;
    };
    // `key` names what `read` reads: a new read function each render must not ask again.
  }, [key, n]);
  return { r, reload: () => setN((x) => x + 1) };
}

function Failed({ code, reload }: { code: string; reload: () => void }): ReactElement {
  const lang = useLang();
  return (
    <Notice
      tone="error"
      text={errorText(lang, code)}
      action={
        <button type="button" className="m-link-btn" onClick={reload}>
          {mt(lang, 'retry')}
        </button>
      }
    />
  );
}

/** The days of the booking horizon with places left; a full day shows but cannot be chosen. */
export function DayPicker(p: {
  serviceId: string;
  today: string;
  chosen: string | null;
  onPick: (day: string) => void;
}): ReactElement {
  const lang = useLang();
  const { r, reload } = useRead<AppointmentDays>(() => bookableDays(p.serviceId), p.serviceId);
  if (r === null) return <Notice text={mt(lang, 'loading')} />;
  if (!r.ok) return <Failed code={r.code} reload={reload} />;
  if (r.data.days.length === 0) return <Notice text={mt(lang, 'book.noDays')} testId="m-no-days" />;
  return (
    <ul className="m-days" data-testid="m-days">
      {r.data.days.map((d) => {
        const label = dayLabel(d.day, p.today, lang);
        const full = d.remaining <= 0;
        return (
          <li key={d.day}>
            <button
              type="button"
              className={`m-day${p.chosen === d.day ? ' m-day--on' : ''}`}
              data-testid={`m-day-${d.day}`}
              disabled={full}
              onClick={() => p.onPick(d.day)}
            >
              <b className="num">{label.main}</b>
              <span>{label.sub}</span>
              <small className={full ? 'm-full' : 'm-left'}>
                {full ? mt(lang, 'book.full') : mt(lang, 'book.remaining', { n: d.remaining })}
              </small>
            </button>
          </li>
        );
      })}
    </ul>
  );
}

/** The slots of one day with the places left; `exclude` hides the one that just filled up. */
export function SlotPicker(p: {
  serviceId: string;
  day: string;
  exclude?: string;
  onPick: (slot: Slot) => void;
}): ReactElement {
  const lang = useLang();
  const { r, reload } = useRead<AppointmentSlots>(
    () => slotsOn(p.serviceId, p.day),
    `${p.serviceId}|${p.day}|${p.exclude ?? ''}`,
  );
  if (r === null) return <Notice text={mt(lang, 'loading')} />;
  if (!r.ok) return <Failed code={r.code} reload={reload} />;
  const slots = r.data.slots.filter((s) => s.start !== p.exclude);
  if (!slots.some((s) => s.remaining > 0)) return <Notice text={mt(lang, 'book.noSlots')} testId="m-no-slots" />;
  return (
    <ul className="m-slots" data-testid="m-slots">
      {slots.map((s) => {
        const full = s.remaining <= 0;
        return (
          <li key={s.start}>
            <button
              type="button"
              className="m-slot"
              data-testid={`m-slot-${s.start}`}
              disabled={full}
              onClick={() => p.onPick(s)}
            >
              <b className="num">
                {s.start}–{s.end}
              </b>
              <small className={full ? 'm-full' : 'm-left'}>
                {full ? mt(lang, 'book.full') : mt(lang, 'book.remaining', { n: s.remaining })}
              </small>
            </button>
          </li>
        );
      })}
    </ul>
  );
}
