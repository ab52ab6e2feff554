import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { fail, maskPhone, phoneNumberSchema, type Ack, type Actor } from '@yichuang/protocol';
import type { HubContext } from '../hub-context.ts';
import { addressLimit, tooManyAttempts } from './address-limit.ts';
import { STAFF, requestIdOf, type RouteRequest, type RouteSpec } from './route-spec.ts';

/** Code requests and remote tickets per address and minute (many phones may share a hall's Wi-Fi). */
export const CODE_REQUESTS_PER_MINUTE = 5;
export const REMOTE_TAKES_PER_MINUTE = 10;
const codeAllowed = addressLimit(CODE_REQUESTS_PER_MINUTE);
const takeAllowed = addressLimit(REMOTE_TAKES_PER_MINUTE);

function limited(hub: HubContext, req: RouteRequest, kind: 'code' | 'take'): Ack<never> | null {
  return (kind === 'code' ? codeAllowed : takeAllowed)(hub, req.ip) ? null : tooManyAttempts();
}

const PUBLIC: Actor = { kind: 'public', role: 'public' };

export const remoteCodeBodySchema = z.strictObject({ phone: phoneNumberSchema });
export const remoteTicketBodySchema = z.strictObject({
  requestId: z.string().min(1).max(100),
  phone: phoneNumberSchema,
  code: z.string().regex(/^\d{6}$/, '验证码为6位数字 / the code is 6 digits'),
  serviceId: z.string().min(1).max(64),
});
const kioskArriveBodySchema = z.strictObject({
  requestId: z.string().min(1).max(100).optional(),
  phone: phoneNumberSchema,
});

export const remoteRoutes: RouteSpec[] = [
  {
    method: 'POST',
    url: '/api/remote/code',
    summary:
      '线上取号, step 1: send a one-time code to a mobile number ({ phone }); at most one a minute per phone, limited per address',
    auth: 'anyone',
    body: remoteCodeBodySchema,
    handle: async (hub, req) => {
      if (!hub.bus.config.remote.enabled)
        return { ok: false, error: fail('REMOTE_CLOSED', '本大厅未开通线上取号 / this hall takes no remote tickets') };
      const refused = limited(hub, req, 'code');
      if (refused !== null) return refused;
      const { phone } = remoteCodeBodySchema.parse(req.body);
      const issued = hub.phoneCodes.issue(phone, hub.clock(), hub.bus.config.remote.codeMinutes * 60_000);
      if ('retryInS' in issued)
        return {
          ok: false,
          error: fail('RATE_LIMITED', `请 ${issued.retryInS} 秒后再获取验证码 / ask again in ${issued.retryInS} s`),
        };
      try {
        await hub.sendCode(phone, issued.code);
      } catch (err) {
        hub.log(`one-time code to ${maskPhone(phone)} not sent: ${(err as Error).message}`);
        return {
          ok: false,
          error: fail('SMS_UNAVAILABLE', '短信发送失败，请稍后再试 / the SMS could not be sent, retry later'),
        };
      }
      return {
        ok: true,
        data: { sent: true, phone: maskPhone(phone), validMinutes: hub.bus.config.remote.codeMinutes },
      };
    },
  },
  {
    method: 'POST',
    url: '/api/remote/tickets',
    summary:
      '线上取号, step 2: a ticket for a matter with the one-time code ({ requestId, phone, code, serviceId }); 201 the ticket with its link; 401 BAD_CODE, 409 REMOTE_CLOSED or QUOTA_REACHED',
    auth: 'anyone',
    body: remoteTicketBodySchema,
    status: 201,
    handle: async (hub, req) => {
      const refused = limited(hub, req, 'take');
      if (refused !== null) return refused;
      const body = remoteTicketBodySchema.parse(req.body);
      if (!hub.phoneCodes.check(body.phone, body.code, hub.clock()))
        return { ok: false, error: fail('BAD_CODE', '验证码错误或已过期 / wrong or expired code', 'code') };
      const ack = await hub.bus.dispatch(
        'ticket:take-remote',
        { requestId: body.requestId, serviceId: body.serviceId, phone: body.phone },
        PUBLIC,
      );
      // The proven phone gets the ticket's notices (还有N人, 请到X号窗口) when the hall sends messages.
      if (ack.ok) hub.notifier.registerContact(ack.data.id, body.phone, 'sms');
      return ack;
    },
  },
  {
    method: 'POST',
    url: '/api/remote/arrive',
    summary: "A remote ticket's holder checks in at the kiosk with the phone it was taken with ({ phone })",
    auth: ['kiosk'],
    body: kioskArriveBodySchema,
    handle: (hub, req) => {
      const body = kioskArriveBodySchema.parse(req.body);
      return hub.bus.dispatch(
        'ticket:arrive',
        { requestId: body.requestId ?? `arrive-${randomUUID()}`, phone: body.phone },
        req.actor!,
      );
    },
  },
  {
    method: 'POST',
    url: '/api/tickets/:id/arrive',
    summary:
      "Confirm a remote ticket's holder is in the hall (the counter, the guide at the entrance, or a kiosk); twice is once",
    auth: ['kiosk', ...STAFF, 'guide'],
    body: z.strictObject({ requestId: z.string().min(1).max(100).optional() }),
    handle: (hub, req) =>
      hub.bus.dispatch(
        'ticket:arrive',
        { requestId: requestIdOf(req.body), ticketId: req.params.id ?? '' },
        req.actor!,
      ),
  },
];
