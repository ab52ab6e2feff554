import { z } from 'zod';
import { commandSchemas, greenReasonSchema } from '@yichuang/protocol';
import { command, GUIDES, requestIdOf, obj, type RouteSpec } from './route-spec.ts';

const requestId = z.string().min(1).max(100).optional();

/** 导办 (issue 17): what the entrance tablet (/guide/) does, over REST as well as the socket. */
export const guideRoutes: RouteSpec[] = [
  {
    method: 'POST',
    url: '/api/guide/tickets',
    summary:
      '导办代取号: issue a ticket for a person at the entrance (as the kiosk does, no printer); the name and phone are kept masked in the log, in clear only in the hub, and the phone gets the ticket’s notices',
    auth: GUIDES,
    body: commandSchemas['ticket:issue'],
    status: 201,
    handle: command('ticket:issue', (r) => r.body),
  },
  {
    method: 'POST',
    url: '/api/tickets/:id/green',
    summary: '绿色通道: grant a waiting ticket the green channel with its reason',
    auth: GUIDES,
    body: z.strictObject({ requestId, reason: greenReasonSchema }),
    handle: command('ticket:green', (r) => ({ requestId: requestIdOf(r.body), ...obj(r.body), ticketId: r.params.id })),
  },
  {
    method: 'POST',
    url: '/api/tickets/:id/hold',
    summary: '暂缓: a waiting ticket keeps its place but is not called until released',
    auth: GUIDES,
    body: z.strictObject({ requestId, note: z.string().max(200).optional() }),
    handle: command('ticket:hold', (r) => ({ requestId: requestIdOf(r.body), ...obj(r.body), ticketId: r.params.id })),
  },
  {
    method: 'POST',
    url: '/api/tickets/:id/release',
    summary: '恢复: a ticket on hold may be called again, from the place it kept',
    auth: GUIDES,
    body: z.strictObject({ requestId }),
    handle: command('ticket:release', (r) => ({ requestId: requestIdOf(r.body), ticketId: r.params.id })),
  },
];
