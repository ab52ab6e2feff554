import {
  normalizeAppointmentCode,
  type Appointment,
  type AppointmentDay,
  type PublicAppointment,
  type StaffAppointment,
} from '@yichuang/protocol';
import { bookingRule, checkInWindow, daySlots, slotTexts, type HallState } from '@yichuang/engine';
import { contactsOn } from './store/appointment-contacts.ts';
import { stmt, type Db } from './store/open-db.ts';

/** Booked, checked in, cancelled, or a no-show once its check-in window has closed. */
function statusOf(a: Appointment, state: HallState, now: number): PublicAppointment['status'] {
  if (a.status === 'cancelled') return 'cancelled';
  if (a.ticketId !== null) return 'checked-in';
  return now > checkInWindow(a, state.model.config.callRules).until ? 'no-show' : 'booked';
}

/** An appointment as its holder sees it: the name and phone masked. */
export function publicAppointment(a: Appointment, state: HallState, now: number): PublicAppointment {
  const { config } = state.model;
  return {
    code: a.code,
    serviceId: a.serviceId,
    serviceName: state.model.services.get(a.serviceId)?.name ?? a.serviceId,
    day: a.day,
    ...slotTexts(a, config.hall.timezone),
    status: statusOf(a, state, now),
    name: a.contact?.name ?? '',
    phone: a.contact?.phone ?? '',
  };
}

/** An appointment by its code (any case): today's and later ones from memory, older ones from the store. */
export function findAppointment(db: Db, state: HallState, code: string): Appointment | undefined {
  const key = normalizeAppointmentCode(code);
  const live = state.appointments.get(key);
  if (live !== undefined) return live;
  const row = stmt(db, 'SELECT data FROM appointments WHERE code = ? OR code = ?').get(key, code.trim()) as
    { data: string } | undefined;
  return row === undefined ? undefined : (JSON.parse(row.data) as Appointment);
}

function appointmentsOn(db: Db, state: HallState, day: string): Appointment[] {
  if (day >= state.day) return [...state.appointments.values()].filter((a) => a.day === day);
  return (stmt(db, 'SELECT data FROM appointments WHERE day = ?').all(day) as { data: string }[]).map(
    (r) => JSON.parse(r.data) as Appointment,
  );
}

/**
 * The day's appointments for staff (the name in clear from the contacts table, the phone masked), the
 * slots of each bookable queue with places taken and arrivals, and the day's totals with the fill rate.
 */
export function appointmentDay(db: Db, state: HallState, day: string, now: number): AppointmentDay {
  const { config } = state.model;
  const contacts = contactsOn(db, day);
  const list = appointmentsOn(db, state, day).sort((a, b) => a.slotStart - b.slotStart || (a.code < b.code ? -1 : 1));
  const ticketNumber = (id: string | null): string | null => {
    if (id === null) return null;
    const live = state.tickets.get(id);
    if (live !== undefined) return live.number;
    const row = stmt(db, 'SELECT number FROM tickets WHERE id = ?').get(id) as { number: string } | undefined;
    return row?.number ?? null;
  };
  const appointments: StaffAppointment[] = list.map((a) => {
    const view = publicAppointment(a, state, now);
    return {
      ...view,
      name: contacts.get(normalizeAppointmentCode(a.code))?.name ?? view.name,
      source: a.source ?? 'staff',
      queueId: state.model.services.get(a.serviceId)?.queue ?? '',
      ticketId: a.ticketId,
      ticketNumber: ticketNumber(a.ticketId),
      bookedAt: a.bookedAt ?? null,
    };
  });
  const slots: AppointmentDay['slots'] = [];
  const seenQueues = new Set<string>();
  for (const s of config.services) {
    const rule = bookingRule(config, s.id);
    if (rule === null || seenQueues.has(rule.queueId)) continue;
    seenQueues.add(rule.queueId);
    for (const slot of daySlots(state, rule, day)) {
      const here = appointments.filter(
        (a) => a.queueId === rule.queueId && a.start === slot.start && a.status !== 'cancelled',
      );
      slots.push({
        queueId: rule.queueId,
        start: slot.start,
        end: slot.end,
        capacity: slot.capacity,
        remaining: Math.max(0, slot.capacity - here.length),
        booked: here.length,
        arrived: here.filter((a) => a.status === 'checked-in').length,
      });
    }
  }
  const live = appointments.filter((a) => a.status !== 'cancelled');
  const capacity = slots.reduce((n, s) => n + s.capacity, 0);
  const booked = live.length;
  return {
    day,
    appointments,
    slots,
    totals: {
      booked,
      arrived: live.filter((a) => a.status === 'checked-in').length,
      noShow: live.filter((a) => a.status === 'no-show').length,
      cancelled: appointments.length - booked,
      capacity,
      fillRate: capacity === 0 ? null : Math.min(1, booked / capacity),
    },
  };
}
