import type { Appointment, CommandPayload, DomainError, DomainEvent, Ticket } from '@yichuang/protocol';
import { fail, normalizeAppointmentCode } from '@yichuang/protocol';
import { appointmentToCheckIn, checkInRefusal } from './appointment-check-in.ts';
import { event, type CommandContext, type Decided, type TakeTicketInput } from './decision.ts';
import { businessDay, hallPhase, hoursOn, localToEpoch, nextOpenDay } from './hall-time.ts';
import type { HallState } from './hall-state.ts';
import { ticketView } from './views.ts';

const ACTIVE: readonly Ticket['status'][] = ['waiting', 'called', 'serving', 'carried'];

/**
 * Ticket number: queue prefix + 3 digits, skipping numbers held today by tickets carried in (延时服务).
 * A carried ticket keeps its number even if it has since been transferred to another queue.
 */
export function nextNumber(state: HallState, queueId: string): string {
  const prefix = state.model.queues.get(queueId)?.prefix ?? '?';
  const held = new Set(state.waiting.carried.values());
  let n = state.counters.get(queueId) ?? 0;
  let number: string;
  do {
    n++;
    number = prefix + String(n).padStart(3, '0');
  } while (held.has(number));
  return number;
}

/** Tickets are issued only while the hall is open (the kiosk and the guide alike). */
export function closedRefusal(state: HallState, now: number): DomainError | null {
  const { hall } = state.model.config;
  if (hallPhase(hall, now) === 'open') return null;
  const h = hoursOn(hall, businessDay(now, hall.timezone));
  const when =
    h === null
      ? '今日不对外办公 / closed today'
      : `办公时间 ${h.openText}–${h.closeText} / opening hours ${h.openText}–${h.closeText}`;
  return fail('HALL_CLOSED', `现在不能取号，${when}`);
}

/** A new waiting ticket of today in the service's queue, numbered next; `extra` sets what differs. */
export function newTicket(
  state: HallState,
  service: { id: string; queue: string },
  ctx: CommandContext,
  extra: Partial<Ticket>,
): Ticket {
  return {
    id: ctx.newId(),
    number: nextNumber(state, service.queue),
    queueId: service.queue,
    serviceId: service.id,
    day: state.day,
    issuedAt: ctx.now,
    kioskId: null,
    green: null,
    appointment: null,
    status: 'waiting',
    windowId: null,
    officerId: null,
    firstOfficerId: null,
    calledAt: null,
    startedAt: null,
    finishedAt: null,
    recalls: 0,
    targetWindowId: null,
    carriedToDay: null,
    carriedOver: false,
    transfers: [],
    printed: false,
    idHash: null,
    rating: null,
    requeuedAt: null,
    remote: null,
    issuedBy: null,
    person: null,
    heldAt: null,
    ...extra,
  };
}

export function decideTake(state: HallState, p: TakeTicketInput, ctx: CommandContext): Decided<'ticket:take'> {
  const { config } = state.model;
  const checkIn = appointmentToCheckIn(state, p, ctx.now);
  if (checkIn !== null && 'code' in checkIn && !('serviceId' in checkIn)) return { error: checkIn };
  const booked = checkIn ?? undefined;
  const service = state.model.services.get(p.serviceId ?? booked?.serviceId ?? '');
  if (service === undefined) return { error: fail('UNKNOWN_SERVICE', '没有该办事事项 / unknown service', 'serviceId') };
  const closed = closedRefusal(state, ctx.now);
  if (closed !== null) return { error: closed };
  let appointment: Ticket['appointment'] = null;
  if (booked !== undefined) {
    const a = booked;
    if (a.status === 'cancelled')
      return {
        error: fail(
          'APPOINTMENT_CANCELLED',
          '该预约已取消，请取普通号 / this appointment was cancelled',
          'appointmentCode',
        ),
      };
    if (a.ticketId !== null)
      return {
        error: fail('APPOINTMENT_USED', '该预约已签到 / this appointment is already checked in', 'appointmentCode'),
      };
    const refusal = checkInRefusal(a, state.day, ctx.now, config.callRules, config.hall.timezone);
    if (refusal !== null) return { error: refusal };
    if (a.serviceId !== service.id)
      return {
        error: fail('INVALID_STATE', '预约事项与所选事项不符 / the appointment is for another service', 'serviceId'),
      };
    appointment = { code: a.code, slotStart: a.slotStart, slotEnd: a.slotEnd };
  }
  const idHash = p.idHash ?? null;
  if (config.kiosk.oneTicketPerIdCard) {
    if (idHash === null)
      return {
        error: fail('VALIDATION_FAILED', '请刷身份证或输入身份证号 / the ID-card number is required', 'idCard'),
      };
    for (const t of state.tickets.values())
      if (t.idHash === idHash && t.queueId === service.queue && ACTIVE.includes(t.status))
        return {
          error: fail(
            'DUPLICATE_TICKET',
            `您已有本队列的号票 ${t.number}，请勿重复取号 / you already hold ticket ${t.number} in this queue`,
          ),
        };
  }
  const green = p.green === undefined || p.green === false ? null : p.green === true ? 'urgent' : p.green;
  const ticket = newTicket(state, service, ctx, {
    kioskId: ctx.actor.kind === 'device' ? ctx.actor.deviceId : null,
    green,
    appointment,
    idHash,
  });
  return {
    events: [event('ticket:issued', ctx.now, { ticket })],
    result: (s) => ticketView(s, s.tickets.get(ticket.id)!),
  };
}

export function decideTransfer(
  state: HallState,
  p: CommandPayload<'ticket:transfer'>,
  ctx: CommandContext,
): Decided<'ticket:transfer'> {
  const t = state.tickets.get(p.ticketId);
  if (t === undefined) return { error: fail('UNKNOWN_TICKET', '没有该号票 / unknown ticket', 'ticketId') };
  if (p.toQueueId !== undefined && !state.model.queues.has(p.toQueueId))
    return { error: fail('UNKNOWN_QUEUE', '没有该队列 / unknown queue', 'toQueueId') };
  if (p.toWindowId !== undefined) {
    const target = state.model.windows.get(p.toWindowId);
    if (target === undefined) return { error: fail('UNKNOWN_WINDOW', '没有该窗口 / unknown window', 'toWindowId') };
    if (!target.open)
      return { error: fail('WINDOW_CLOSED', `${target.name} 未开放 / the window is closed`, 'toWindowId') };
  }
  const actor = ctx.actor;
  if (actor.kind !== 'officer') return { error: fail('FORBIDDEN', '只有民警可以转办 / only officers transfer') };
  if (actor.role !== 'manager') {
    const holding = t.windowId === null ? undefined : state.windows.get(t.windowId);
    if (!(t.status === 'called' || t.status === 'serving') || holding?.holder?.officerId !== actor.officerId)
      return {
        error: fail('NOT_HOLDER', '只能转办本窗口正在办理的号票 / you can transfer only the ticket at your window'),
      };
  } else if (!['waiting', 'called', 'serving'].includes(t.status)) {
    return { error: fail('INVALID_STATE', `${t.number} 已结束 / the ticket is no longer active`) };
  }
  const toQueueId = p.toQueueId ?? t.queueId;
  const toWindowId = p.toWindowId ?? null;
  if (toQueueId === t.queueId && toWindowId === null && t.status === 'waiting')
    return { error: fail('INVALID_STATE', '转办目标与当前相同 / nothing to transfer to') };
  if (toWindowId !== null && toWindowId === t.windowId)
    return { error: fail('INVALID_STATE', '不能转办到本窗口 / cannot transfer to the same window', 'toWindowId') };
  const fromWindowId = t.status === 'waiting' ? null : t.windowId;
  return {
    events: [
      event('ticket:transferred', ctx.now, {
        ticketId: t.id,
        officerId: actor.officerId,
        fromQueueId: t.queueId,
        fromWindowId,
        toQueueId,
        toWindowId,
        note: p.note ?? '',
      }),
    ],
    result: (s) => ({ ticket: ticketView(s, s.tickets.get(t.id)!) }),
  };
}

export function decideCarryOver(
  state: HallState,
  p: CommandPayload<'hall:carry-over'>,
  ctx: CommandContext,
): Decided<'hall:carry-over'> {
  const target = state.model.windows.get(p.toWindowId);
  if (target === undefined) return { error: fail('UNKNOWN_WINDOW', '没有该窗口 / unknown window', 'toWindowId') };
  if (!target.open)
    return { error: fail('WINDOW_CLOSED', `${target.name} 未开放 / the window is closed`, 'toWindowId') };
  // 延时服务 is decided at closing: while the hall is open, waiting tickets are still called today.
  const phase = hallPhase(state.model.config.hall, ctx.now);
  if (phase === 'open' || phase === 'before-open')
    return {
      error: fail(
        'OUTSIDE_HOURS',
        '营业时间内不能顺延，请在下班后（延时服务时段）办理 / carry-over is for closing time, not while the hall is open',
      ),
    };
  let tickets: Ticket[];
  if (p.ticketIds === undefined) {
    tickets = [...state.tickets.values()].filter((t) => t.status === 'waiting');
  } else {
    tickets = [];
    for (const id of new Set(p.ticketIds)) {
      const t = state.tickets.get(id);
      if (t === undefined) return { error: fail('UNKNOWN_TICKET', `没有号票 ${id} / unknown ticket`, 'ticketIds') };
      if (t.status !== 'waiting')
        return { error: fail('INVALID_STATE', `${t.number} 不在等候中 / not waiting`, 'ticketIds') };
      tickets.push(t);
    }
  }
  const toDay = nextOpenDay(state.model.config.hall, state.day);
  const events: DomainEvent[] = tickets.map((t) =>
    event('ticket:carried-over', ctx.now, { ticketId: t.id, toWindowId: p.toWindowId, toDay }),
  );
  return { events, result: (s) => ({ tickets: tickets.map((t) => ticketView(s, s.tickets.get(t.id)!)) }) };
}

export function decideBook(
  state: HallState,
  p: CommandPayload<'appointment:book'>,
  ctx: CommandContext,
): Decided<'appointment:book'> {
  if (!state.model.services.has(p.serviceId))
    return { error: fail('UNKNOWN_SERVICE', '没有该办事事项 / unknown service', 'serviceId') };
  const code = normalizeAppointmentCode(p.code);
  if (state.appointments.has(code))
    return { error: fail('INVALID_STATE', '预约码已存在 / appointment code already exists', 'code') };
  if (p.day < state.day) return { error: fail('INVALID_STATE', '预约日期已过 / the day has passed', 'day') };
  const tz = state.model.config.hall.timezone;
  const appointment: Appointment = {
    code,
    serviceId: p.serviceId,
    day: p.day,
    slotStart: localToEpoch(p.day, p.start, tz),
    slotEnd: localToEpoch(p.day, p.end, tz),
    ticketId: null,
    status: 'booked',
    source: 'staff',
    bookedAt: ctx.now,
    phoneHash: null,
    idHash: null,
    contact: null,
  };
  return { events: [event('appointment:booked', ctx.now, { appointment })], result: () => ({ appointment }) };
}
