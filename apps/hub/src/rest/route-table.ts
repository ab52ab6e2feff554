import { z } from 'zod';
import {
  commandSchemas,
  commandScopes,
  fail,
  finishFields,
  loginBodySchema,
  optionalRequestIdBody,
  pauseReasonSchema,
  transferBodySchema,
} from '@yichuang/protocol';
import { login } from './login.ts';
import { isPublicRole, publicHallView, publicTicketView } from '../public-views.ts';
import { logout } from './logout.ts';
import { citizenRatingRoute } from './citizen-rating.ts';
import { noticeRoutes } from './notice-routes.ts';
import { slipRoutes } from './slip-routes.ts';
import { notifyRoutes } from './notify-routes.ts';
import { managerRoutes } from './manager-routes.ts';
import { opsRoutes } from './ops-routes.ts';
import { publicRoutes } from './public-routes.ts';
import { simulationRoutes } from './simulation-routes.ts';
import { reportRoutes } from './report-routes.ts';
import { appointmentRoutes } from './appointment-routes.ts';
import { remoteRoutes } from './remote-routes.ts';
import { caseRoutes } from './case-routes.ts';
import { guideRoutes } from './guide-routes.ts';
import { complaintRoutes } from './complaint-routes.ts';
import { ANY_CREDENTIAL, command, obj, requestIdOf, STAFF, type RouteSpec } from './route-spec.ts';

export type { RouteRequest, RouteSpec } from './route-spec.ts';

const windowVerbs = ['sign-in', 'sign-out', 'recall', 'no-show', 'start', 'resume'] as const;

export const routes: RouteSpec[] = [
  {
    method: 'GET',
    url: '/api/health',
    summary: 'Liveness and versions',
    auth: 'anyone',
    handle: (hub) => ({ ok: true, data: hub.health() }),
  },
  {
    method: 'POST',
    url: '/api/auth/login',
    summary: 'Officer login with id and PIN; throttled after repeated failures',
    auth: 'anyone',
    body: loginBodySchema,
    handle: login,
  },
  {
    method: 'POST',
    url: '/api/auth/logout',
    summary:
      "Log out: the caller's token is revoked and its sockets closed at once; 503 STORAGE_UNAVAILABLE if it cannot be",
    auth: [...STAFF, 'guide'],
    body: z.strictObject({}),
    handle: logout,
  },
  {
    method: 'GET',
    url: '/api/catalogue',
    summary: 'The hall, its hours and phones, queues, windows and every matter with its guide (public)',
    auth: 'anyone',
    handle: (hub) => ({ ok: true, data: hub.catalogue() }),
  },
  {
    method: 'GET',
    url: '/api/hall',
    summary: 'Queues, windows and printers now',
    auth: ANY_CREDENTIAL,
    handle: (hub, req) => {
      const view = hub.hallView();
      return { ok: true, data: req.actor !== null && isPublicRole(req.actor.role) ? publicHallView(view) : view };
    },
  },
  {
    method: 'POST',
    url: '/api/tickets',
    summary: 'Take a ticket (kiosk)',
    auth: ['kiosk'],
    body: commandSchemas['ticket:take'],
    status: 201,
    handle: command('ticket:take', (r) => r.body),
  },
  {
    method: 'GET',
    url: '/api/tickets/:id',
    summary: 'A ticket and its status (anyone holding its id)',
    auth: 'anyone',
    handle: (hub, req) => {
      const found = hub.ticketView(req.params.id ?? '');
      // Anyone holding the id sees the public view; staff (with a token) see notes as well.
      const staff =
        req.actor !== null &&
        (req.actor.role === 'officer' || req.actor.role === 'manager' || req.actor.role === 'guide');
      const t = found === null || staff ? found : publicTicketView(found);
      return t === null
        ? { ok: false, error: fail('UNKNOWN_TICKET', '没有该号票 / unknown ticket') }
        : { ok: true, data: t };
    },
  },
  citizenRatingRoute,
  ...publicRoutes,
  {
    method: 'POST',
    url: '/api/tickets/:id/transfer',
    summary: 'Transfer a ticket to another queue or window (转办)',
    auth: STAFF,
    scope: 'holder-or-manager',
    body: transferBodySchema,
    handle: command('ticket:transfer', (r) => ({
      requestId: requestIdOf(r.body),
      ...obj(r.body),
      ticketId: r.params.id,
    })),
  },
  {
    method: 'POST',
    url: '/api/windows/:id/call-next',
    summary: 'Call the next eligible ticket; { ticket: null } when none',
    auth: STAFF,
    scope: 'holder',
    body: z.strictObject({ requestId: z.string().min(1).max(100) }),
    handle: command('window:call-next', (r) => ({ ...obj(r.body), windowId: r.params.id })),
  },
  {
    method: 'POST',
    url: '/api/windows/:id/call-ticket',
    summary: 'Call a named waiting ticket (特呼)',
    auth: STAFF,
    scope: 'holder',
    body: z.strictObject({ requestId: z.string().min(1).max(100).optional(), ticketId: z.string() }),
    handle: command('window:call-ticket', (r) => ({
      requestId: requestIdOf(r.body),
      ...obj(r.body),
      windowId: r.params.id,
    })),
  },
  {
    method: 'POST',
    url: '/api/windows/:id/pause',
    summary: 'Pause with a reason (the supervision card shows 暂停服务)',
    auth: STAFF,
    scope: 'holder',
    body: z.strictObject({
      requestId: z.string().min(1).max(100).optional(),
      reason: pauseReasonSchema,
      note: z.string().max(200).optional(),
    }),
    handle: command('window:pause', (r) => ({ requestId: requestIdOf(r.body), ...obj(r.body), windowId: r.params.id })),
  },
  ...windowVerbs.map((verb): RouteSpec => ({
    method: 'POST',
    url: `/api/windows/:id/${verb}`,
    summary: `Window ${verb}`,
    auth: STAFF,
    scope: commandScopes[`window:${verb}`] ?? undefined,
    body: optionalRequestIdBody,
    handle: command(`window:${verb}`, (r) => ({
      requestId: requestIdOf(r.body),
      ...obj(r.body),
      windowId: r.params.id,
    })),
  })),
  {
    method: 'POST',
    url: '/api/windows/:id/finish',
    summary:
      'Finish the ticket at the window: without matters its own matter is done (办结); with matters, each one’s outcome (办结/受理/容缺受理/不予受理/一次性告知), opening cases and refusals',
    auth: STAFF,
    scope: 'holder',
    body: z.strictObject({ requestId: z.string().min(1).max(100).optional(), ...finishFields }),
    handle: command('window:finish', (r) => ({
      ...obj(r.body),
      requestId: requestIdOf(r.body),
      windowId: r.params.id,
    })),
  },
  ...caseRoutes,
  {
    method: 'POST',
    url: '/api/tickets/:id/reactivate',
    summary:
      '过号重排: put a no-show ticket of today back in line within callRules.reactivateMinutes, at the end of its line or its original place (callRules.reactivatePlace)',
    auth: [...STAFF, 'guide'],
    body: optionalRequestIdBody,
    handle: command('ticket:reactivate', (r) => ({ requestId: requestIdOf(r.body), ticketId: r.params.id })),
  },
  {
    method: 'POST',
    url: '/api/hall/carry-over',
    summary: 'Carry waiting tickets over to the next open day at a named window (延时服务)',
    auth: ['manager'],
    body: commandSchemas['hall:carry-over'],
    handle: command('hall:carry-over', (r) => r.body),
  },
  {
    method: 'POST',
    url: '/api/appointments',
    summary: 'Book an appointment (from the online booking system)',
    auth: ['manager'],
    body: commandSchemas['appointment:book'],
    status: 201,
    handle: command('appointment:book', (r) => r.body),
  },
  ...guideRoutes,
  ...appointmentRoutes,
  ...remoteRoutes,
  ...noticeRoutes,
  ...slipRoutes,
  ...notifyRoutes,
  ...reportRoutes,
  ...managerRoutes,
  ...opsRoutes,
  ...simulationRoutes,
  ...complaintRoutes,
];
