import { z } from 'zod';
import { fail, optionalQuery, queryDay, requestIdSchema, type Ack, type SlipKind } from '@yichuang/protocol';
import { businessDay } from '@yichuang/engine';
import type { HubContext } from '../hub-context.ts';
import { zodToError } from '../validation.ts';
import { refusalsOn } from '../store/case-records.ts';
import { slipPrints } from '../store/slip-records.ts';
import { noticeReader } from './notice-access.ts';
import { STAFF, queryOf, type RouteRequest, type RouteSpec } from './route-spec.ts';

/** `:id` of a case or refusal. */
const slipParamsSchema = z.strictObject({ id: z.string().min(1).max(64) });

const reprintBodySchema = z.strictObject({ requestId: requestIdSchema.optional() });

/** `/api/refusals`: a day, default today. */
const refusalListQuerySchema = z.object({ day: optionalQuery(queryDay) });

const NOT_YOUR_SLIP = fail(
  'FORBIDDEN',
  '只能补打本人当日所在窗口的回执或告知书 / only slips of windows you hold or held that day',
);

/** Print a receipt or refusal notice again, for a manager or an officer of the window that issued it. */
function reprint(kind: SlipKind) {
  return async (hub: HubContext, req: RouteRequest): Promise<Ack<unknown>> => {
    const params = slipParamsSchema.safeParse(req.params);
    if (!params.success) return { ok: false, error: zodToError(params.error) };
    const found = hub.slips.find(kind, params.data.id);
    if (found !== null && !noticeReader(hub, req.actor)(found.slip)) return { ok: false, error: NOT_YOUR_SLIP };
    return hub.slips.reprint(kind, params.data.id, req.actor?.kind === 'officer' ? req.actor.officerId : '');
  };
}

/** 受理回执 and 不予受理告知书: reprints and the day's refusals. */
export const slipRoutes: RouteSpec[] = [
  {
    method: 'POST',
    url: '/api/cases/:id/receipt/print',
    summary:
      "Print a case's acceptance receipt (受理回执, stub + applicant's part) again on the asking officer's window printer (else the accepting window's)",
    auth: STAFF,
    scope: 'window-today',
    body: reprintBodySchema,
    handle: reprint('receipt'),
  },
  {
    method: 'POST',
    url: '/api/refusals/:id/print',
    summary:
      "Print a refusal notice (不予受理告知书, stub + applicant's part) again on the asking officer's window printer (else the refusing window's)",
    auth: STAFF,
    scope: 'window-today',
    body: reprintBodySchema,
    handle: reprint('refusal'),
  },
  {
    method: 'GET',
    url: '/api/refusals',
    summary:
      'Refusals (不予受理) of a day (?day=YYYY-MM-DD, default today) with their print history; an officer gets those of windows they hold or held that day',
    auth: STAFF,
    query: refusalListQuerySchema,
    handle: (hub, req) => {
      const q = queryOf(refusalListQuerySchema, req);
      const day = q.day ?? businessDay(hub.clock(), hub.bus.config.hall.timezone);
      const mayRead = noticeReader(hub, req.actor);
      const refusals = refusalsOn(hub.db, day)
        .filter(mayRead)
        .map((r) => ({ ...r, prints: slipPrints(hub.db, 'refusal', r.id) }));
      return { ok: true, data: { day, refusals } };
    },
  },
];
