import type { DomainEvent, Ticket } from '@yichuang/protocol';
import { fail } from '@yichuang/protocol';
import { event, isError, type CommandContext, type Decided } from './decision.ts';
import { decideTake } from './decide-ticket.ts';
import type { HallState } from './hall-state.ts';
import { clockMinutes, localTime } from './hall-time.ts';
import { ticketView } from './views.ts';

/** ticket:take-remote as the engine sees it: the hub proved the phone and hashed it. */
export interface TakeRemoteInput {
  requestId: string;
  serviceId: string;
  phoneHash: string;
}
/** ticket:arrive: by ticket id (the counter) or the hash of the phone it was taken with (the kiosk). */
export interface ArriveInput {
  requestId: string;
  ticketId?: string;
  phoneHash?: string;
}

const ACTIVE: readonly Ticket['status'][] = ['waiting', 'called', 'serving'];

/**
 * 线上取号: a ticket like the kiosk's (same numbering, same place in line), marked remote with the phone's
 * hash, when the queue takes remote tickets now, its daily quota is not used up and the phone holds fewer
 * active remote tickets than allowed.
 */
export function decideTakeRemote(
  state: HallState,
  p: TakeRemoteInput,
  ctx: CommandContext,
): Decided<'ticket:take-remote'> {
  const { config } = state.model;
  const service = state.model.services.get(p.serviceId);
  if (service === undefined) return { error: fail('UNKNOWN_SERVICE', '没有该办事事项 / unknown service', 'serviceId') };
  const rule = config.remote.enabled ? config.remote.queues.find((q) => q.queueId === service.queue) : undefined;
  if (rule === undefined)
    return { error: fail('REMOTE_CLOSED', '该事项不能线上取号，请到大厅取号 / this matter takes no remote tickets') };
  const now = localTime(ctx.now, config.hall.timezone).minutes;
  if (now < clockMinutes(rule.from) || now >= clockMinutes(rule.until))
    return {
      error: fail(
        'REMOTE_CLOSED',
        `线上取号时间为 ${rule.from}–${rule.until} / remote tickets are taken ${rule.from}–${rule.until}`,
      ),
    };
  let today = 0;
  let mine = 0;
  for (const t of state.tickets.values()) {
    if (t.remote === null || t.remote === undefined || t.day !== state.day) continue;
    if (t.queueId === service.queue) today++;
    if (t.remote.phoneHash === p.phoneHash && ACTIVE.includes(t.status)) mine++;
  }
  if (today >= rule.dailyQuota)
    return { error: fail('QUOTA_REACHED', '今日线上取号已满，请到大厅取号 / no remote tickets left today') };
  if (mine >= config.remote.perPhone)
    return {
      error: fail(
        'DUPLICATE_TICKET',
        '该手机号已有线上号票，请勿重复取号 / this phone already holds a remote ticket',
        'phone',
      ),
    };
  const taken = decideTake(state, { requestId: p.requestId, serviceId: p.serviceId }, ctx);
  if (isError(taken)) return taken;
  const issued = taken.events[0] as Extract<DomainEvent, { type: 'ticket:issued' }>;
  const ticket: Ticket = { ...issued.payload.ticket, remote: { phoneHash: p.phoneHash, arrivedAt: null } };
  return {
    events: [event('ticket:issued', ctx.now, { ticket })],
    result: (s) => ticketView(s, s.tickets.get(ticket.id)!),
  };
}

/** The holder of a remote ticket is in the hall: confirmed once (a second confirmation changes nothing). */
export function decideArrive(state: HallState, p: ArriveInput, ctx: CommandContext): Decided<'ticket:arrive'> {
  let ticket: Ticket | undefined;
  if (p.ticketId !== undefined) ticket = state.tickets.get(p.ticketId);
  else
    for (const t of state.tickets.values())
      if (t.remote?.phoneHash === p.phoneHash && t.day === state.day && ACTIVE.includes(t.status)) ticket = t;
  if (ticket === undefined)
    return {
      error: fail(
        'NOT_FOUND',
        p.ticketId === undefined
          ? '没有找到该手机号今天的线上号票 / no remote ticket today for this phone number'
          : '没有该号票 / unknown ticket',
        p.ticketId === undefined ? 'phone' : 'ticketId',
      ),
    };
  if (ticket.remote === null || ticket.remote === undefined)
    return { error: fail('INVALID_STATE', '这不是线上取的号 / not a remote ticket', 'ticketId') };
  if (!ACTIVE.includes(ticket.status))
    return { error: fail('INVALID_STATE', '该号票已办结或已过号 / the ticket is no longer live', 'ticketId') };
  const id = ticket.id;
  const events = ticket.remote.arrivedAt === null ? [event('ticket:arrived', ctx.now, { ticketId: id })] : [];
  return { events, result: (s) => ({ ticket: ticketView(s, s.tickets.get(id)!) }) };
}

/** Called remote tickets nobody confirmed within the grace minutes after the call: skipped (过号) by the hub. */
export function remoteNoShows(state: HallState, now: number): DomainEvent[] {
  const grace = state.model.config.remote.graceMinutes * 60_000;
  const events: DomainEvent[] = [];
  for (const w of state.windows.values()) {
    if (w.ticketId === null || w.holder === null) continue;
    const t = state.tickets.get(w.ticketId);
    if (t?.status !== 'called' || t.remote === null || t.remote === undefined || t.remote.arrivedAt !== null) continue;
    if (t.calledAt !== null && now - t.calledAt >= grace)
      events.push(
        event('ticket:no-show', now, { ticketId: t.id, windowId: w.id, officerId: w.holder.officerId, auto: true }),
      );
  }
  return events;
}
