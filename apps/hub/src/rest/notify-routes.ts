import { z } from 'zod';
import {
  fail,
  NOTIFY_PAGE_MAX,
  notifyListQuerySchema,
  ticketContactBodySchema,
  type NotifyList,
} from '@yichuang/protocol';
import { addDays, businessDay, localToEpoch } from '@yichuang/engine';
import { findMessage, listMessages, messageView } from '../notify/outbox-store.ts';
import { queryOf, STAFF, type RouteSpec } from './route-spec.ts';

/** 短信/微信提醒 (issue 16): the day's messages for the manager, a retry, and a phone left for a ticket. */
export const notifyRoutes: RouteSpec[] = [
  {
    method: 'GET',
    url: '/api/notify/messages',
    summary:
      'Messages to citizens of a day (?day=YYYY-MM-DD, default today; &status=queued|sent|failed|dead; &before=id&limit≤200, newest first), the day’s counts and the provider’s status; phones masked',
    auth: ['manager'],
    query: notifyListQuerySchema,
    handle: (hub, req) => {
      const q = queryOf(notifyListQuerySchema, req);
      const tz = hub.bus.config.hall.timezone;
      const day = q.day ?? businessDay(hub.clock(), tz);
      const limit = q.limit ?? 50;
      const { rows, counts } = listMessages(hub.db, {
        from: localToEpoch(day, '00:00', tz),
        to: localToEpoch(addDays(day, 1), '00:00', tz),
        status: q.status,
        before: q.before,
        limit: Math.min(limit, NOTIFY_PAGE_MAX),
      });
      const data: NotifyList = {
        day,
        counts,
        messages: rows.map(messageView),
        nextBefore: rows.length === limit ? (rows[rows.length - 1]?.id ?? null) : null,
        provider: hub.notifier.status(),
      };
      return { ok: true, data };
    },
  },
  {
    method: 'POST',
    url: '/api/notify/messages/:id/retry',
    summary: 'Send a failed or dead message again now, with a fresh count of attempts',
    auth: ['manager'],
    body: z.strictObject({}),
    handle: (hub, req) => {
      const id = /^\d{1,15}$/.test(req.params.id ?? '') ? Number(req.params.id) : -1;
      if (findMessage(hub.db, id) === undefined)
        return { ok: false, error: fail('UNKNOWN_MESSAGE', '没有该消息 / unknown message') };
      const ack = hub.notifier.retry(id);
      if (!ack.ok) return ack;
      return { ok: true, data: { message: messageView(findMessage(hub.db, id)!) } };
    },
  },
  {
    method: 'POST',
    url: '/api/tickets/:id/contact',
    summary:
      'Leave a mobile number (/^1[3-9]\\d{9}$/) for notices about a live ticket (called, N ahead, transfer, carry-over, missing materials); answered masked',
    auth: ['kiosk', ...STAFF],
    body: ticketContactBodySchema,
    handle: (hub, req) => {
      const body = ticketContactBodySchema.parse(req.body);
      return hub.notifier.registerContact(req.params.id ?? '', body.phone, body.channel);
    },
  },
];
