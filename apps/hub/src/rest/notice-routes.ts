import { z } from 'zod';
import {
  fail,
  optionalQuery,
  queryDay,
  queryText,
  LOW_RATING_MESSAGE,
  lowRatingNeedsReason,
  noticeCreateFields,
  ratingCreateFields,
  requestIdSchema,
  type Ack,
} from '@yichuang/protocol';
import { businessDay } from '@yichuang/engine';
import type { HubContext } from '../hub-context.ts';
import { findNotice, noticesOn, officerDay } from '../store/records.ts';
import { NOT_YOUR_NOTICE, noticeReader } from './notice-access.ts';
import { obj, queryOf, requestIdOf, STAFF, type RouteRequest, type RouteSpec } from './route-spec.ts';

const optionalRequestId = { requestId: requestIdSchema.optional() };

/** A command answered with one field of its result (REST returns the notice or rating itself). */
function commandReturning(name: 'notice:create' | 'rating:submit', field: 'notice' | 'rating') {
  return async (hub: HubContext, req: RouteRequest): Promise<Ack<unknown>> => {
    const ack = await hub.bus.dispatch(name, { ...obj(req.body), requestId: requestIdOf(req.body) }, req.actor!);
    return ack.ok ? { ok: true, data: (ack.data as Record<string, unknown>)[field] } : ack;
  };
}

/** `/api/notices`: a day (default today) and optionally one window. */
const noticeListQuerySchema = z.object({
  date: optionalQuery(queryDay),
  windowId: optionalQuery(queryText(64)),
});

const officerIdOf = (req: RouteRequest): string => (req.actor?.kind === 'officer' ? req.actor.officerId : '');

/** 一次性告知单, 好差评 and the officer's own day. */
export const noticeRoutes: RouteSpec[] = [
  {
    method: 'POST',
    url: '/api/notices',
    summary: 'Issue a one-time notice slip (一次性告知单); printed (stub + notice) on the window printer',
    auth: STAFF,
    scope: 'holder',
    body: z.strictObject({ ...optionalRequestId, ...noticeCreateFields }),
    status: 201,
    handle: commandReturning('notice:create', 'notice'),
  },
  {
    method: 'GET',
    url: '/api/notices',
    summary:
      'Notices of a day (?date=YYYY-MM-DD, default today; &windowId=) with their print history; an officer gets those of windows they hold or held that day',
    auth: STAFF,
    query: noticeListQuerySchema,
    handle: (hub, req) => {
      const q = queryOf(noticeListQuerySchema, req);
      const day = q.date ?? businessDay(hub.clock(), hub.bus.config.hall.timezone);
      const mayRead = noticeReader(hub, req.actor);
      return { ok: true, data: { date: day, notices: noticesOn(hub.db, day, q.windowId).filter(mayRead) } };
    },
  },
  {
    method: 'GET',
    url: '/api/notices/:id',
    summary: 'One notice with its print history (an officer: of a window they hold or held that day)',
    auth: STAFF,
    scope: 'window-today',
    handle: (hub, req) => {
      const n = findNotice(hub.db, req.params.id ?? '');
      if (n === null) return { ok: false, error: fail('UNKNOWN_NOTICE', '没有该告知单 / unknown notice') };
      return noticeReader(hub, req.actor)(n) ? { ok: true, data: n } : { ok: false, error: NOT_YOUR_NOTICE };
    },
  },
  {
    method: 'POST',
    url: '/api/notices/:id/reprint',
    summary: "Print a notice again on the asking officer's window printer (else the issuing window's)",
    auth: STAFF,
    scope: 'window-today',
    body: z.strictObject(optionalRequestId),
    handle: (hub, req) => {
      const n = findNotice(hub.db, req.params.id ?? '');
      if (n !== null && !noticeReader(hub, req.actor)(n)) return { ok: false, error: NOT_YOUR_NOTICE };
      return hub.notices.reprint(req.params.id ?? '', officerIdOf(req));
    },
  },
  {
    method: 'POST',
    url: '/api/ratings',
    summary:
      '好差评 for a finished ticket from the rater screen or pad of its window: level 1 (非常不满意) … 5 (非常满意); 2 or less needs a reason. Officers may not rate (the citizen rates)',
    auth: ['rater'],
    scope: 'server',
    body: z
      .strictObject({ ...optionalRequestId, ...ratingCreateFields })
      .refine(lowRatingNeedsReason, { message: LOW_RATING_MESSAGE, path: ['reason'] }),
    status: 201,
    handle: commandReturning('rating:submit', 'rating'),
  },
  {
    method: 'GET',
    url: '/api/me/day',
    summary: "The signed-in officer's day: served, no-shows, average service time, ratings",
    auth: STAFF,
    handle: (hub, req) => ({
      ok: true,
      data: officerDay(hub.db, officerIdOf(req), businessDay(hub.clock(), hub.bus.config.hall.timezone)),
    }),
  },
];
