import { useEffect, useState, type ReactElement } from 'react';
import type { AppointmentSlots, Catalogue, PublicAppointment } from '@yichuang/protocol';
import { newRequestId } from '../live/live-actions.ts';
import { api } from '../shell/hub-api.ts';
import type { Lang } from '../shell/make-strings.ts';
import { useManager } from '../shell/manager-store.ts';
import { apt } from './appointments-strings.ts';

interface Props {
  lang: Lang;
  day: string;
  services: Catalogue['services'];
  onBooked: () => void;
}

/** 电话预约: staff book a slot for a caller; the code is shown big to read out to them. */
export function PhoneBooking({ lang, day, services, onBooked }: Props): ReactElement {
  const say = useManager((s) => s.say);
  const bookable = services.filter((s) => s.bookable === true);
  const [serviceId, setServiceId] = useState('');
  const [bookDay, setBookDay] = useState(day);
  const [slots, setSlots] = useState<AppointmentSlots['slots']>([]);
  const [start, setStart] = useState('');
  const [name, setName] = useState('');
  const [phone, setPhone] = useState('');
  const [idCard, setIdCard] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState<PublicAppointment | null>(null);
  const [requestId, setRequestId] = useState(() => newRequestId('book'));

  useEffect(() => setBookDay(day), [day]);
  useEffect(() => {
    setStart('');
    if (serviceId === '') return setSlots([]);
    let live = true;
    void api<AppointmentSlots>(
      'GET',
      `/api/appointments/slots?serviceId=${encodeURIComponent(serviceId)}&day=${bookDay}`,
    ).then((res) => {
      if (!live) return;
      setSlots(res.ok ? res.data.slots : []);
      setError(res.ok ? null : res.error.message);
    });
    return () => {
      live = false;
    };
  }, [serviceId, bookDay, done]);

  const submit = async (): Promise<void> => {
    setBusy(true);
    const res = await api<{ appointment: PublicAppointment }>('POST', '/api/appointments/book', {
      requestId,
      serviceId,
      day: bookDay,
      start,
      name: name.trim(),
      phone: phone.trim(),
      ...(idCard.trim() === '' ? {} : { idCard: idCard.trim() }),
    });
    setBusy(false);
    if (!res.ok) return setError(res.error.message);
    setError(null);
    setDone(res.data.appointment);
    setRequestId(newRequestId('book'));
    setName('');
    setPhone('');
    setIdCard('');
    say('ok', apt(lang, 'bookedToast', { code: res.data.appointment.code }));
    onBooked();
  };

  return (
    <div className="m-card ap-book" data-testid="phone-booking">
      <div className="m-card__head">
        <span className="m-card__title">{apt(lang, 'phoneBooking')}</span>
      </div>
      <p className="m-muted">{apt(lang, 'phoneBookingHint')}</p>
      {bookable.length === 0 ? (
        <div className="m-note m-note--warn">{apt(lang, 'notBookable')}</div>
      ) : (
        <form
          className="ap-book__form"
          onSubmit={(e) => {
            e.preventDefault();
            void submit();
          }}
        >
          <label className="m-field">
            <span>{apt(lang, 'service')}</span>
            <select
              className="m-input"
              value={serviceId}
              onChange={(e) => setServiceId(e.target.value)}
              data-testid="pb-service"
            >
              <option value="">{apt(lang, 'chooseService')}</option>
              {bookable.map((s) => (
                <option key={s.id} value={s.id}>
                  {lang === 'en' && s.nameEn !== undefined ? s.nameEn : s.name}
                </option>
              ))}
            </select>
          </label>
          <label className="m-field">
            <span>{apt(lang, 'day')}</span>
            <input
              className="m-input"
              type="date"
              value={bookDay}
              onChange={(e) => setBookDay(e.target.value)}
              data-testid="pb-day"
            />
          </label>
          <label className="m-field">
            <span>{apt(lang, 'slot')}</span>
            <select className="m-input" value={start} onChange={(e) => setStart(e.target.value)} data-testid="pb-slot">
              <option value="">{apt(lang, 'chooseSlot')}</option>
              {slots.map((s) => (
                <option key={s.start} value={s.start} disabled={s.remaining === 0}>
                  {s.remaining === 0
                    ? `${s.start}–${s.end}（${apt(lang, 'full')}）`
                    : apt(lang, 'slotLeft', { start: s.start, end: s.end, n: s.remaining })}
                </option>
              ))}
            </select>
          </label>
          <label className="m-field">
            <span>{apt(lang, 'name')}</span>
            <input
              className="m-input"
              value={name}
              maxLength={20}
              onChange={(e) => setName(e.target.value)}
              data-testid="pb-name"
            />
          </label>
          <label className="m-field">
            <span>{apt(lang, 'phone')}</span>
            <input
              className="m-input"
              value={phone}
              inputMode="numeric"
              maxLength={11}
              onChange={(e) => setPhone(e.target.value.replace(/\D/g, ''))}
              data-testid="pb-phone"
            />
          </label>
          <label className="m-field">
            <span>{apt(lang, 'idCard')}</span>
            <input
              className="m-input"
              value={idCard}
              maxLength={18}
              onChange={(e) => setIdCard(e.target.value.toUpperCase())}
            />
          </label>
          <button
            type="submit"
            className="m-btn m-btn--primary"
            disabled={busy || serviceId === '' || start === '' || name.trim() === '' || phone.length !== 11}
            data-testid="pb-submit"
          >
            {apt(lang, 'book')}
          </button>
        </form>
      )}
      {error !== null && <div className="m-note m-note--error">{error}</div>}
      {done !== null && (
        <div className="m-note m-note--ok ap-book__done" data-testid="pb-done">
          {apt(lang, 'bookedCode')} <strong className="ap-code">{done.code}</strong> · {done.serviceName} · {done.day}{' '}
          {done.start}–{done.end} · {done.name} {done.phone}
        </div>
      )}
    </div>
  );
}
