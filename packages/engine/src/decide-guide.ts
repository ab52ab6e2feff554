import type { CommandPayload, DomainError, Ticket, TicketPerson } from '@yichuang/protocol';
import { fail } from '@yichuang/protocol';
import { event, type CommandContext, type Decided } from './decision.ts';
import { closedRefusal, newTicket } from './decide-ticket.ts';
import type { HallState } from './hall-state.ts';
import { ticketView } from './views.ts';

/**
 * 导办 (issue 17): staff at the hall's entrance issue a ticket for a person, grant the green channel,
 * put a waiting ticket on hold (暂缓) and back. Guides and managers send these; a guide never holds a
 * window, so nothing here calls a ticket.
 */

/** ticket:issue as the engine sees it: the hub has masked the name and phone and hashed the phone. */
export interface IssueInput {
  requestId: string;
  serviceId: string;
  green?: CommandPayload<'ticket:issue'>['green'];
  person?: TicketPerson;
}

const ACTIVE: readonly Ticket['status'][] = ['waiting', 'called', 'serving', 'carried'];

/** The guide or manager acting (commandRoles says the same; the engine does not rely on the hub for it). */
function staffOf(ctx: CommandContext): string | null {
  const a = ctx.actor;
  return a.kind === 'officer' && (a.role === 'guide' || a.role === 'manager') ? a.officerId : null;
}

const onlyStaff = (): { error: DomainError } => ({
  error: fail('FORBIDDEN', '只有导办人员或负责人可以操作 / only a guide or a manager may do this'),
});

/** A ticket issued for a person as the kiosk would: same numbering and queue, while the hall is open. */
export function decideIssue(state: HallState, p: IssueInput, ctx: CommandContext): Decided<'ticket:issue'> {
  const by = staffOf(ctx);
  if (by === null) return onlyStaff();
  const service = state.model.services.get(p.serviceId);
  if (service === undefined) return { error: fail('UNKNOWN_SERVICE', '没有该办事事项 / unknown service', 'serviceId') };
  const closed = closedRefusal(state, ctx.now);
  if (closed !== null) return { error: closed };
  const phoneHash = p.person?.phoneHash ?? null;
  if (phoneHash !== null)
    for (const held of state.tickets.values()) {
      if (held.queueId !== service.queue || !ACTIVE.includes(held.status)) continue;
      if (held.person?.phoneHash === phoneHash || held.remote?.phoneHash === phoneHash)
        return {
          error: fail(
            'DUPLICATE_TICKET',
            `该手机号已有本队列的号票 ${held.number} / this phone already holds ticket ${held.number} in this queue`,
            'phone',
          ),
        };
    }
  const ticket = newTicket(state, service, ctx, {
    green: p.green ?? null,
    issuedBy: by,
    person: p.person ?? null,
  });
  return {
    events: [event('ticket:issued', ctx.now, { ticket })],
    result: (s) => ({ ticket: ticketView(s, s.tickets.get(ticket.id)!), day: ticket.day }),
  };
}

/** The waiting ticket a guide acts on, or why not. (Tickets stored before issue 17 have no heldAt: `!= null`.) */
function waitingTicket(state: HallState, ticketId: string): Ticket | { error: DomainError } {
  const t = state.tickets.get(ticketId);
  if (t === undefined) return { error: fail('UNKNOWN_TICKET', '没有该号票 / unknown ticket', 'ticketId') };
  if (t.status !== 'waiting')
    return { error: fail('INVALID_STATE', `${t.number} 不在等候中 / the ticket is not waiting`, 'ticketId') };
  return t;
}

/** 绿色通道 for a waiting ticket: it joins the priority line of its queue (call-rules.ts). */
export function decideGreen(
  state: HallState,
  p: CommandPayload<'ticket:green'>,
  ctx: CommandContext,
): Decided<'ticket:green'> {
  const by = staffOf(ctx);
  if (by === null) return onlyStaff();
  const t = waitingTicket(state, p.ticketId);
  if ('error' in t) return t;
  if (t.green === p.reason)
    return { error: fail('INVALID_STATE', `${t.number} 已是绿色通道 / the ticket already has the green channel`) };
  return {
    events: [event('ticket:green-granted', ctx.now, { ticketId: t.id, reason: p.reason, officerId: by })],
    result: (s) => ({ ticket: ticketView(s, s.tickets.get(t.id)!) }),
  };
}

/** 暂缓: the ticket keeps its place in line, but no window calls it until it is released. */
export function decideHold(
  state: HallState,
  p: CommandPayload<'ticket:hold'>,
  ctx: CommandContext,
): Decided<'ticket:hold'> {
  const by = staffOf(ctx);
  if (by === null) return onlyStaff();
  const t = waitingTicket(state, p.ticketId);
  if ('error' in t) return t;
  if (t.heldAt != null) return { error: fail('INVALID_STATE', `${t.number} 已暂缓 / the ticket is already on hold`) };
  return {
    events: [event('ticket:held', ctx.now, { ticketId: t.id, officerId: by, note: p.note ?? '' })],
    result: (s) => ({ ticket: ticketView(s, s.tickets.get(t.id)!) }),
  };
}

export function decideRelease(
  state: HallState,
  p: CommandPayload<'ticket:release'>,
  ctx: CommandContext,
): Decided<'ticket:release'> {
  const by = staffOf(ctx);
  if (by === null) return onlyStaff();
  const t = waitingTicket(state, p.ticketId);
  if ('error' in t) return t;
  if (t.heldAt == null) return { error: fail('INVALID_STATE', `${t.number} 未暂缓 / the ticket is not on hold`) };
  return {
    events: [event('ticket:released', ctx.now, { ticketId: t.id, officerId: by })],
    result: (s) => ({ ticket: ticketView(s, s.tickets.get(t.id)!) }),
  };
}
