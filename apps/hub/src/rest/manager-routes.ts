import { z } from 'zod';
import {
  configPutSchema,
  displayNoticesBodySchema,
  eventTypes,
  fail,
  optionalQuery,
  pinResetBodySchema,
  queryDay,
  queryInt,
  queryText,
  ticketReprintBodySchema,
  windowOpenBodySchema,
  windowQueuesBodySchema,
  type Ack,
  type HallConfig,
} from '@yichuang/protocol';
import { businessDay } from '@yichuang/engine';
import { hashPin } from '../auth/pin-hash.ts';
import type { HubContext } from '../hub-context.ts';
import { auditPage, findTickets } from '../store/audit-queries.ts';
import { queryOf, type RouteRequest, type RouteSpec } from './route-spec.ts';

const MANAGER = ['manager'] as const;

/** A live action is a small config change: same validation, same log, same version history. */
function patchWindow(
  hub: HubContext,
  req: RouteRequest,
  change: (w: HallConfig['windows'][number]) => void,
): Ack<unknown> {
  const id = req.params.id ?? '';
  if (!hub.config.config.windows.some((w) => w.id === id))
    return { ok: false, error: fail('UNKNOWN_WINDOW', `没有窗口 ${id} / unknown window`, 'windowId') };
  return hub.config.patch(
    (c) => ({ ...c, windows: c.windows.map((w) => (w.id === id ? (change(w), w) : w)) }),
    req.actor!,
  );
}

/** `/api/events`: filters of the audit log, each bounded. */
const auditQuerySchema = z.object({
  type: optionalQuery(queryText(40)),
  actor: optionalQuery(queryText(100)),
  windowId: optionalQuery(queryText(64)),
  from: optionalQuery(queryDay),
  to: optionalQuery(queryDay),
  before: optionalQuery(queryInt(1, Number.MAX_SAFE_INTEGER)),
  limit: optionalQuery(queryInt(1, 500)),
});

/** `/api/tickets`: a day and the start of a number (A012, A01). */
const ticketFindQuerySchema = z.object({
  date: optionalQuery(queryDay),
  number: optionalQuery(
    z
      .string()
      .max(8)
      .regex(/^[A-Za-z]{0,2}\d*$/, 'a ticket number such as A012'),
  ),
});

/** The manager console: alerts, devices, live config, live actions, audit, find and reprint. */
export const managerRoutes: RouteSpec[] = [
  {
    method: 'GET',
    url: '/api/alerts',
    summary: 'Alerts still open or not yet acknowledged, critical first',
    auth: MANAGER,
    handle: (hub) => ({ ok: true, data: { alerts: hub.alerts.list() } }),
  },
  {
    method: 'POST',
    url: '/api/alerts/:id/acknowledge',
    summary: 'Acknowledge an alert (logged with who did it)',
    auth: MANAGER,
    body: z.strictObject({}),
    handle: (hub, req) => hub.acknowledgeAlert(req.params.id ?? '', req.actor!),
  },
  {
    method: 'GET',
    url: '/api/devices',
    summary: 'Kiosks, displays and rater screens (connected or not), printers, serial devices',
    auth: MANAGER,
    handle: (hub) => ({ ok: true, data: hub.devices() }),
  },
  {
    method: 'GET',
    url: '/api/config',
    summary: 'The running hall config and its version (for editing and export)',
    auth: MANAGER,
    handle: (hub) => ({ ok: true, data: hub.config.document() }),
  },
  {
    method: 'POST',
    url: '/api/config',
    summary:
      'Apply a whole new config { baseVersion, config }: validated, checked against the live hall, applied without restart',
    auth: MANAGER,
    body: configPutSchema,
    handle: (hub, req) => {
      const body = configPutSchema.parse(req.body);
      return hub.config.replace(body.config, body.baseVersion, req.actor!);
    },
  },
  {
    method: 'POST',
    url: '/api/officers/:id/pin',
    summary: "Reset an officer's PIN (their sessions end)",
    auth: MANAGER,
    body: pinResetBodySchema,
    handle: (hub, req) => {
      const id = req.params.id ?? '';
      if (!hub.config.config.officers.some((o) => o.id === id))
        return { ok: false, error: fail('UNKNOWN_OFFICER', `没有人员 ${id} / unknown officer`, 'officerId') };
      const pinHash = hashPin(pinResetBodySchema.parse(req.body).pin);
      return hub.config.patch(
        (c) => ({ ...c, officers: c.officers.map((o) => (o.id === id ? { ...o, pinHash } : o)) }),
        req.actor!,
      );
    },
  },
  {
    method: 'POST',
    url: '/api/windows/:id/queues',
    summary: 'Change the queues a window serves, on the fly (balancing, 一窗通办)',
    auth: MANAGER,
    body: windowQueuesBodySchema,
    handle: (hub, req) =>
      patchWindow(hub, req, (w) => {
        w.queues = windowQueuesBodySchema.parse(req.body).queues;
      }),
  },
  {
    method: 'POST',
    url: '/api/windows/:id/open',
    summary: 'Open or close a window (a closed window is never an empty post)',
    auth: MANAGER,
    body: windowOpenBodySchema,
    handle: (hub, req) =>
      patchWindow(hub, req, (w) => {
        w.open = windowOpenBodySchema.parse(req.body).open;
      }),
  },
  {
    method: 'POST',
    url: '/api/display/notices',
    summary: 'The notice line (警务公开) the displays scroll, after the hall phones',
    auth: MANAGER,
    body: displayNoticesBodySchema,
    handle: (hub, req) =>
      hub.config.patch(
        (c) => ({ ...c, display: { ...c.display, notices: displayNoticesBodySchema.parse(req.body).notices } }),
        req.actor!,
      ),
  },
  {
    method: 'GET',
    url: '/api/events',
    summary:
      'The audit log, newest first (?type= or prefix like ticket:, &actor=, &windowId=, &from=, &to=, &before=, &limit=)',
    auth: MANAGER,
    query: auditQuerySchema,
    handle: (hub, req) => {
      const q = queryOf(auditQuerySchema, req);
      const type = q.type;
      if (type !== undefined && !eventTypes.some((t) => t === type || t.startsWith(type)))
        return { ok: false, error: fail('VALIDATION_FAILED', `没有该事件类型 / unknown event type ${type}`, 'type') };
      return {
        ok: true,
        data: auditPage(hub.db, hub.bus.config.hall.timezone, { ...q, limit: q.limit ?? 100 }),
      };
    },
  },
  {
    method: 'GET',
    url: '/api/tickets',
    summary: 'Find tickets of a day (?date=, default today; &number= e.g. A012 or A01)',
    auth: MANAGER,
    query: ticketFindQuerySchema,
    handle: (hub, req) => {
      const q = queryOf(ticketFindQuerySchema, req);
      const date = q.date ?? businessDay(hub.clock(), hub.bus.config.hall.timezone);
      return { ok: true, data: { date, tickets: findTickets(hub.db, date, (q.number ?? '').toUpperCase()) } };
    },
  },
  {
    method: 'POST',
    url: '/api/tickets/:id/reprint',
    summary: "Print a ticket again (on the issuing kiosk's printer, or the one named)",
    auth: MANAGER,
    body: ticketReprintBodySchema,
    handle: (hub, req) => hub.reprintTicket(req.params.id ?? '', ticketReprintBodySchema.parse(req.body).printerId),
  },
];
