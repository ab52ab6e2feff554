import { z } from 'zod';
import {
  commandSchemas,
  complaintAssignBodySchema,
  complaintCloseBodySchema,
  complaintListQuerySchema,
  fail,
  followUpCloseBodySchema,
  type Ack,
  type ComplaintListQuery,
} from '@yichuang/protocol';
import { listComplaints, listFollowUps } from '../store/complaint-records.ts';
import { command, obj, queryOf, requestIdOf, type RouteRequest, type RouteSpec } from './route-spec.ts';

const MANAGER = ['manager'] as const;

function period(req: RouteRequest): ComplaintListQuery | Ack<never> {
  const q = queryOf(complaintListQuerySchema, req);
  if (q.from !== undefined && q.to !== undefined && q.from > q.to)
    return { ok: false, error: fail('VALIDATION_FAILED', '开始日期晚于结束日期 / from is after to', 'from') };
  return q;
}

const isAck = (x: ComplaintListQuery | Ack<never>): x is Ack<never> => 'ok' in x;

/** 投诉与差评整改 (issue 17): lists for the console, and the commands as POST routes. */
export const complaintRoutes: RouteSpec[] = [
  {
    method: 'GET',
    url: '/api/complaints',
    summary:
      'Complaints, newest first (at most 500): ?status=open|closed&from=&to= by the day received; the person is masked',
    auth: MANAGER,
    query: complaintListQuerySchema,
    handle: (hub, req) => {
      const q = period(req);
      return isAck(q) ? q : { ok: true, data: { complaints: listComplaints(hub.db, q) } };
    },
  },
  {
    method: 'POST',
    url: '/api/complaints',
    summary:
      'Record a complaint (投诉登记): channel, what, optional name and phone (kept masked), window, officer, ticket number',
    auth: MANAGER,
    body: commandSchemas['complaint:record'],
    status: 201,
    handle: command('complaint:record', (r) => r.body),
  },
  {
    method: 'POST',
    url: '/api/complaints/:id/assign',
    summary: 'Assign an open complaint to an officer (交办)',
    auth: MANAGER,
    body: complaintAssignBodySchema,
    handle: command('complaint:assign', (r) => ({ ...obj(r.body), complaintId: r.params.id })),
  },
  {
    method: 'POST',
    url: '/api/complaints/:id/close',
    summary: 'Close an open complaint with its result (办结)',
    auth: MANAGER,
    body: complaintCloseBodySchema,
    handle: command('complaint:close', (r) => ({ ...obj(r.body), complaintId: r.params.id })),
  },
  {
    method: 'GET',
    url: '/api/followups',
    summary:
      '差评回访 follow-ups opened by ratings of 2 or less, newest first (at most 500): ?status=open|closed&from=&to=',
    auth: MANAGER,
    query: complaintListQuerySchema,
    handle: (hub, req) => {
      const q = period(req);
      return isAck(q) ? q : { ok: true, data: { followUps: listFollowUps(hub.db, q) } };
    },
  },
  {
    method: 'POST',
    url: '/api/followups/:id/close',
    summary: 'Close a follow-up with what was done (整改措施)',
    auth: MANAGER,
    body: followUpCloseBodySchema,
    handle: command('followup:close', (r) => ({ ...obj(r.body), followUpId: r.params.id })),
  },
  {
    method: 'POST',
    url: '/api/windows/:id/help',
    summary: '请求帮办: the officer holding the window asks the duty leader to come (a live alert to managers)',
    auth: ['officer', 'manager'],
    scope: 'holder',
    body: z.strictObject({
      requestId: z.string().min(1).max(100).optional(),
      note: z.string().trim().max(200).optional(),
    }),
    handle: command('window:help', (r) => ({ ...obj(r.body), requestId: requestIdOf(r.body), windowId: r.params.id })),
  },
];
