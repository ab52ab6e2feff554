import { errorBodySchema, ratingSchema } from '@yichuang/protocol';

/** How a rating attempt ended: stored, or the hub's error code (`NETWORK` when the hub was not reached). */
export type RateOutcome = { ok: true; level: number } | { ok: false; code: string };

/**
 * The citizen's own 好差评: `POST /api/tickets/:id/rating { secret, level, reason? }`, anonymous, the
 * link's secret proving the ticket is theirs. Every answer is parsed before it is believed.
 */
export async function rateTicket(
  ticketId: string,
  secret: string,
  level: number,
  reason: string | undefined,
): Promise<RateOutcome> {
  try {
    const res = await fetch(`/api/tickets/${encodeURIComponent(ticketId)}/rating`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ secret, level, ...(reason === undefined ? {} : { reason }) }),
      cache: 'no-store',
    });
    const body: unknown = await res.json().catch(() => null);
    if (res.ok) {
      const stored = ratingSchema.safeParse(body);
      return stored.success ? { ok: true, level: stored.data.level } : { ok: false, code: 'BAD_ANSWER' };
    }
    const failed = errorBodySchema.safeParse(body);
    return { ok: false, code: failed.success ? failed.data.error.code : `HTTP_${res.status}` };
  } catch {
    return { ok: false, code: 'NETWORK' };
  }
}
