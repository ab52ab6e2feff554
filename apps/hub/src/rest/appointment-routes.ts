import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import {
  appointmentDaysQuerySchema,
  appointmentSlotsQuerySchema,
  bookAppointmentBodySchema,
  cancelAppointmentBodySchema,
  fail,
  isoDay,
  lookupAppointmentBodySchema,
  rescheduleAppointmentBodySchema,
  type Ack,
  type Actor,
  type Appointment,
  type PublicAppointment,
} from '@yichuang/protocol';
import { bookableDays, bookingRule, businessDay, slotsOn } from '@yichuang/engine';
import type { HubContext } from '../hub-context.ts';
import { addressLimit, tooManyAttempts } from './address-limit.ts';
import { appointmentDay, findAppointment, publicAppointment } from '../appointment-views.ts';
import { csvItems } from './appointment-csv.ts';
import { STAFF, queryOf, type RouteRequest, type RouteSpec } from './route-spec.ts';

/** Bookings and look-ups per address and minute from the phone pages (a hall's Wi-Fi may put many phones behind one). */
export const BOOKINGS_PER_MINUTE = 10;
export const LOOKUPS_PER_MINUTE = 30;
const bookingAllowed = addressLimit(BOOKINGS_PER_MINUTE);
const lookupAllowed = addressLimit(LOOKUPS_PER_MINUTE);

function limited(hub: HubContext, req: RouteRequest, kind: 'book' | 'lookup'): Ack<never> | null {
  // Staff booking for callers by phone are not limited per address.
  if (req.actor !== null && STAFF.includes(req.actor.role)) return null;
  return (kind === 'book' ? bookingAllowed : lookupAllowed)(hub, req.ip) ? null : tooManyAttempts();
}

const PUBLIC: Actor = { kind: 'public', role: 'public' };
/** The caller's own actor when staff are signed in (电话预约), else anyone on the phone pages. */
const actorOf = (req: RouteRequest): Actor =>
  req.actor !== null && STAFF.includes(req.actor.role) ? req.actor : PUBLIC;

function unknownAppointment(): Ack<never> {
  return {
    ok: false,
    error: fail('UNKNOWN_APPOINTMENT', '预约码或手机号码不正确 / unknown appointment code or phone', 'code'),
  };
}

function shown(hub: HubContext, a: Appointment): { appointment: PublicAppointment } {
  const state = hub.bus.state;
  return { appointment: publicAppointment(a, state, hub.clock()) };
}

function ruleOr404(hub: HubContext, serviceId: string) {
  const { config } = hub.bus;
  if (!config.services.some((s) => s.id === serviceId))
    return { ok: false as const, error: fail('UNKNOWN_SERVICE', '没有该办事事项 / unknown service', 'serviceId') };
  const rule = bookingRule(config, serviceId);
  return rule === null
    ? { ok: false as const, error: fail('NOT_BOOKABLE', '该事项不接受预约 / this matter takes no appointments') }
    : { ok: true as const, rule };
}

const importBodySchema = z.union([
  z.strictObject({ requestId: z.string().min(1).max(100).optional(), items: z.array(z.unknown()).min(1).max(1000) }),
  z.strictObject({ csv: z.string().min(1) }),
]);

const staffDayQuery = z.strictObject({ day: isoDay.optional() });

export const appointmentRoutes: RouteSpec[] = [
  {
    method: 'GET',
    url: '/api/appointments/days',
    summary: 'The days a matter can be booked on, with the places left on each (public)',
    auth: 'anyone',
    query: appointmentDaysQuerySchema,
    handle: (hub, req) => {
      const { serviceId } = queryOf(appointmentDaysQuerySchema, req);
      const r = ruleOr404(hub, serviceId);
      if (!r.ok) return r;
      return { ok: true, data: { serviceId, days: bookableDays(hub.bus.state, r.rule, hub.clock()) } };
    },
  },
  {
    method: 'GET',
    url: '/api/appointments/slots',
    summary: "A day's bookable slots of a matter: { slots: [{ start, end, capacity, remaining }] } (public)",
    auth: 'anyone',
    query: appointmentSlotsQuerySchema,
    handle: (hub, req) => {
      const { serviceId, day } = queryOf(appointmentSlotsQuerySchema, req);
      const r = ruleOr404(hub, serviceId);
      if (!r.ok) return r;
      const slots = slotsOn(hub.bus.state, r.rule, day, hub.clock()).map(({ start, end, capacity, remaining }) => ({
        start,
        end,
        capacity,
        remaining,
      }));
      return { ok: true, data: { serviceId, day, slots } };
    },
  },
  {
    method: 'POST',
    url: '/api/appointments/book',
    summary:
      'Book a slot ({ requestId, serviceId, day, start, name, phone, idCard? }): anyone on the phone pages, or staff for a caller (电话预约); 409 SLOT_FULL, LIMIT_REACHED, NOT_BOOKABLE, SLOT_CLOSED; limited per address',
    auth: 'anyone',
    body: bookAppointmentBodySchema,
    status: 201,
    handle: async (hub, req) => {
      const refused = limited(hub, req, 'book');
      if (refused !== null) return refused;
      const ack = await hub.bus.dispatch('appointment:reserve', req.body, actorOf(req));
      return ack.ok ? { ok: true, data: shown(hub, ack.data.appointment) } : ack;
    },
  },
  {
    method: 'POST',
    url: '/api/appointments/lookup',
    summary: 'An appointment by its code and the phone it was booked with ({ code, phone }); limited per address',
    auth: 'anyone',
    body: lookupAppointmentBodySchema,
    handle: (hub, req) => {
      const refused = limited(hub, req, 'lookup');
      if (refused !== null) return refused;
      const body = lookupAppointmentBodySchema.parse(req.body);
      const a = findAppointment(hub.db, hub.bus.state, body.code);
      if (a === undefined || a.phoneHash === null || a.phoneHash !== hub.hash.phone(body.phone))
        return unknownAppointment();
      return { ok: true, data: shown(hub, a) };
    },
  },
  {
    method: 'POST',
    url: '/api/appointments/:code/cancel',
    summary: 'Cancel an appointment ({ phone }: the phone it was booked with; staff need none); twice is once',
    auth: 'anyone',
    body: cancelAppointmentBodySchema,
    handle: async (hub, req) => {
      const refused = limited(hub, req, 'lookup');
      if (refused !== null) return refused;
      const body = cancelAppointmentBodySchema.parse(req.body);
      const ack = await hub.bus.dispatch(
        'appointment:cancel',
        { requestId: `cancel-${randomUUID()}`, code: req.params.code ?? '', ...body },
        actorOf(req),
      );
      return ack.ok ? { ok: true, data: shown(hub, ack.data.appointment) } : ack;
    },
  },
  {
    method: 'POST',
    url: '/api/appointments/:code/reschedule',
    summary: 'Move an appointment to another slot ({ requestId, phone, day, start }); keeps its code',
    auth: 'anyone',
    body: rescheduleAppointmentBodySchema,
    handle: async (hub, req) => {
      const refused = limited(hub, req, 'lookup');
      if (refused !== null) return refused;
      const body = rescheduleAppointmentBodySchema.parse(req.body);
      const ack = await hub.bus.dispatch(
        'appointment:reschedule',
        { ...body, code: req.params.code ?? '' },
        actorOf(req),
      );
      return ack.ok ? { ok: true, data: shown(hub, ack.data.appointment) } : ack;
    },
  },
  {
    method: 'GET',
    url: '/api/appointments',
    summary:
      "A day's appointments for staff (?day=, default today): each with its status and ticket, the slots with places taken and arrivals, totals with no-shows and the fill rate",
    auth: STAFF,
    query: staffDayQuery,
    handle: (hub, req) => {
      const state = hub.bus.state;
      const day = queryOf(staffDayQuery, req).day ?? businessDay(hub.clock(), hub.bus.config.hall.timezone);
      return { ok: true, data: appointmentDay(hub.db, state, day, hub.clock()) };
    },
  },
  {
    method: 'POST',
    url: '/api/appointments/import',
    summary:
      'Import a batch from the provincial booking platform: JSON { requestId?, items: [{ code, serviceId, day, start, end?, name?, phone?, idCard? }] } or text/csv with a header row; idempotent by code; answers { report: { imported, duplicates, refused: [{ row, code, reason }] } }',
    auth: ['manager'],
    body: importBodySchema,
    handle: async (hub, req) => {
      const body = importBodySchema.parse(req.body);
      let items: unknown[];
      if ('csv' in body) {
        const parsed = csvItems(body.csv);
        if ('error' in parsed) return { ok: false, error: fail('VALIDATION_FAILED', parsed.error, 'csv') };
        items = parsed.items;
        if (items.length === 0 || items.length > 1000)
          return { ok: false, error: fail('VALIDATION_FAILED', 'CSV 须有 1 至 1000 行 / 1 to 1000 rows', 'csv') };
      } else items = body.items;
      const requestId = 'requestId' in body && body.requestId !== undefined ? body.requestId : `import-${randomUUID()}`;
      return hub.bus.dispatch('appointment:import', { requestId, items }, req.actor!);
    },
  },
];
