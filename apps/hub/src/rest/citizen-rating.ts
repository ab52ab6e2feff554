import { z } from 'zod';
import {
  fail,
  LOW_RATING_MESSAGE,
  lowRatingNeedsReason,
  ratingCreateFields,
  type Ack,
  type Actor,
  type Rating,
} from '@yichuang/protocol';
import type { HubContext } from '../hub-context.ts';
import { addressLimit, tooManyAttempts } from './address-limit.ts';
import { requestIdOf, type RouteRequest, type RouteSpec } from './route-spec.ts';

/** The citizen's own 好差评 from their ticket page: the link's secret proves the ticket is theirs. */
export const citizenRatingBodySchema = z
  .strictObject({
    secret: z.string().min(1).max(64),
    level: ratingCreateFields.level,
    reason: ratingCreateFields.reason,
  })
  .refine(lowRatingNeedsReason, { message: LOW_RATING_MESSAGE, path: ['reason'] });

/** Anonymous attempts per address and minute (a hall's phones may share one address behind its Wi-Fi). */
export const CITIZEN_RATINGS_PER_MINUTE = 20;
const allowed = addressLimit(CITIZEN_RATINGS_PER_MINUTE);

async function rateOwnTicket(hub: HubContext, req: RouteRequest): Promise<Ack<Rating>> {
  if (!allowed(hub, req.ip)) return tooManyAttempts();
  const ticketId = req.params.id ?? '';
  const body = citizenRatingBodySchema.parse(req.body);
  if (!hub.ticketSecrets.check(ticketId, body.secret))
    return {
      ok: false,
      error: fail(
        'FORBIDDEN',
        '评价链接无效，请扫描号票上的二维码 / invalid ticket link: scan the QR code on your ticket',
      ),
    };
  const citizen: Actor = { kind: 'citizen', role: 'citizen', ticketId };
  const ack = await hub.bus.dispatch(
    'rating:submit',
    { requestId: requestIdOf(undefined), ticketId, level: body.level, reason: body.reason },
    citizen,
  );
  return ack.ok ? { ok: true, data: ack.data.rating } : ack;
}

export const citizenRatingRoute: RouteSpec = {
  method: 'POST',
  url: '/api/tickets/:id/rating',
  summary:
    "The citizen's own 好差评 from their ticket page ({ secret, level, reason? }, the secret of the ticket's link /t/:id?s=…); once per finished ticket; limited per address",
  auth: 'anyone',
  body: citizenRatingBodySchema,
  status: 201,
  handle: rateOwnTicket,
};
