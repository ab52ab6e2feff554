import { z } from 'zod';
import {
  caseListQuerySchema,
  caseLookupBodySchema,
  caseUpdateFields,
  fail,
  type Ack,
  type CaseProgress,
} from '@yichuang/protocol';
import { caseProgress, caseView } from '../case-views.ts';
import { findCaseByNo, listCases } from '../store/case-records.ts';
import { addressLimit, tooManyAttempts } from './address-limit.ts';
import { command, obj, queryOf, requestIdOf, STAFF, type RouteSpec } from './route-spec.ts';

/** Progress look-ups per address and minute from the phone pages. */
export const CASE_LOOKUPS_PER_MINUTE = 20;
const lookupAllowed = addressLimit(CASE_LOOKUPS_PER_MINUTE);

function unknownCase(): Ack<never> {
  // The same answer for a wrong number and a wrong phone: the page must not tell which cases exist.
  return { ok: false, error: fail('UNKNOWN_CASE', '受理编号或手机号码不正确 / unknown case number or phone', 'no') };
}

export const caseRoutes: RouteSpec[] = [
  {
    method: 'GET',
    url: '/api/cases',
    summary:
      'Accepted matters (受理件) with their due days: status open (default), done, all, overdue or due-soon; from/to (accepted), windowId',
    auth: STAFF,
    query: caseListQuerySchema,
    handle: (hub, req) => {
      const q = queryOf(caseListQuerySchema, req);
      const { config } = hub.bus;
      const today = hub.bus.state.day;
      const { cases, truncated } = listCases(hub.db, {
        status: q.status === 'overdue' || q.status === 'due-soon' ? 'open' : q.status,
        ...(q.from === undefined ? {} : { from: q.from }),
        ...(q.to === undefined ? {} : { to: q.to }),
        ...(q.windowId === undefined ? {} : { windowId: q.windowId }),
      });
      const views = cases
        .map((c) => caseView(c, config, today))
        .filter((c) => (q.status === 'overdue' ? c.overdue : q.status === 'due-soon' ? c.dueSoon : true));
      return {
        ok: true,
        data: {
          today,
          cases: views,
          truncated,
          counts: {
            open: views.filter((c) => c.status !== 'done').length,
            overdue: views.filter((c) => c.overdue).length,
            dueSoon: views.filter((c) => c.dueSoon).length,
          },
        },
      };
    },
  },
  {
    method: 'POST',
    url: '/api/cases/:id/update',
    summary:
      'A case’s materials came in (容缺受理: action materials-received) or it is finished (action done), with an optional note',
    auth: STAFF,
    body: z
      .strictObject({ requestId: z.string().min(1).max(100).optional(), ...caseUpdateFields })
      .omit({ caseId: true }),
    handle: command('case:update', (r) => ({ ...obj(r.body), requestId: requestIdOf(r.body), caseId: r.params.id })),
  },
  {
    method: 'POST',
    url: '/api/public/cases/lookup',
    summary:
      'The progress of an accepted matter by its 受理编号 and the mobile given at the window ({ no, phone }); limited per address',
    auth: 'anyone',
    body: caseLookupBodySchema,
    handle: (hub, req): Ack<{ case: CaseProgress }> => {
      if (!lookupAllowed(hub, req.ip)) return tooManyAttempts();
      const { no, phone } = req.body as z.output<typeof caseLookupBodySchema>;
      const c = findCaseByNo(hub.db, no);
      if (c === null || c.phoneHash === null || c.phoneHash !== hub.hash.phone(phone)) return unknownCase();
      return { ok: true, data: { case: caseProgress(c, hub.bus.config, hub.bus.state.day) } };
    },
  },
];
