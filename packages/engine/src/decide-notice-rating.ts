import {
  fail,
  MAX_FREE_NOTICE_LINES,
  type CommandPayload,
  type Notice,
  type Rating,
  type WindowRecord,
} from '@yichuang/protocol';
import { event, type CommandContext, type Decided } from './decision.ts';
import type { HallState } from './hall-state.ts';
import { followUpFor } from './decide-complaint.ts';

function heldBy(state: HallState, officerId: string): WindowRecord | undefined {
  for (const w of state.windows.values()) if (w.holder?.officerId === officerId) return w;
  return undefined;
}

/** `20261122-007`: the day and a serial that counts on through the day. */
export function noticeNumber(day: string, serial: number): string {
  return `${day.replaceAll('-', '')}-${String(serial).padStart(3, '0')}`;
}

/**
 * 一次性告知单: only an officer at a window may issue one (it prints on that window's printer).
 * Ticked items of the matter's checklist come first; anything else is a free line, at most six.
 */
export function decideNotice(
  state: HallState,
  p: CommandPayload<'notice:create'>,
  ctx: CommandContext,
): Decided<'notice:create'> {
  if (ctx.actor.kind !== 'officer') return { error: fail('FORBIDDEN', '只有窗口民警可以开具告知单 / officers only') };
  const window = heldBy(state, ctx.actor.officerId);
  if (window === undefined)
    return { error: fail('NOT_HOLDER', '请先在窗口签到再开具告知单 / sign in to a window first') };
  const service = state.model.services.get(p.serviceId);
  if (service === undefined)
    return { error: fail('UNKNOWN_SERVICE', `没有该事项 / unknown matter ${p.serviceId}`, 'serviceId') };
  const ticket = p.ticketId === undefined ? undefined : state.tickets.get(p.ticketId);
  if (p.ticketId !== undefined && ticket === undefined)
    return { error: fail('UNKNOWN_TICKET', '没有该号票 / unknown ticket', 'ticketId') };

  const unique = [...new Set(p.missing)];
  const listed = service.materials.filter((m) => unique.includes(m));
  const free = unique.filter((m) => !service.materials.includes(m));
  if (free.length > MAX_FREE_NOTICE_LINES)
    return {
      error: fail(
        'VALIDATION_FAILED',
        `清单外的材料最多 ${MAX_FREE_NOTICE_LINES} 行 / at most ${MAX_FREE_NOTICE_LINES} free lines`,
        'missing',
      ),
    };

  const notice: Notice = {
    id: ctx.newId(),
    no: noticeNumber(state.day, state.noticesToday + 1),
    day: state.day,
    ticketId: ticket?.id ?? null,
    ticketNumber: ticket?.number ?? null,
    windowId: window.id,
    officerId: ctx.actor.officerId,
    serviceId: service.id,
    citizenName: p.citizenName,
    missing: [...listed, ...free],
    createdAt: ctx.now,
  };
  return { events: [event('notice:issued', ctx.now, { notice })], result: () => ({ notice }) };
}

/** The window a rating device answers for: a rater screen, or a serial rating pad. */
function deviceWindow(state: HallState, deviceId: string): { window: string; via: Rating['via'] } | undefined {
  const { config } = state.model;
  const screen = config.devices.find((d) => d.id === deviceId && d.kind === 'rater');
  if (screen?.window !== undefined) return { window: screen.window, via: 'rater' };
  const pad = config.serialDevices.find((d) => d.id === deviceId && d.kind === 'rating-pad');
  return pad === undefined ? undefined : { window: pad.window, via: 'pad' };
}

/**
 * 好差评: once per finished ticket, by the citizen: the rating device of the serving window, or the citizen
 * themselves (the hub proved the ticket's link secret). An officer may not rate: they would block the
 * citizen's own rating.
 */
export function decideRating(
  state: HallState,
  p: CommandPayload<'rating:submit'>,
  ctx: CommandContext,
): Decided<'rating:submit'> {
  const t = state.tickets.get(p.ticketId);
  if (t === undefined) return { error: fail('UNKNOWN_TICKET', '没有该号票 / unknown ticket', 'ticketId') };

  // Who may rate comes first: someone else learns nothing of the ticket's state.
  let via: Rating['via'];
  const actor = ctx.actor;
  if (actor.kind === 'device') {
    const bound = deviceWindow(state, actor.deviceId);
    if (bound === undefined || bound.window !== t.windowId)
      return { error: fail('FORBIDDEN', '该评价器不属于办理窗口 / this rating device is not at the serving window') };
    via = bound.via;
  } else if (actor.kind === 'citizen') {
    if (actor.ticketId !== t.id) return { error: fail('FORBIDDEN', '只能评价自己的号票 / not your ticket') };
    via = 'citizen';
  } else if (actor.kind === 'officer') {
    return { error: fail('FORBIDDEN', '好差评由群众本人评价 / only the citizen rates the service') };
  } else {
    return { error: fail('FORBIDDEN', '无权评价 / not allowed to rate') };
  }
  if (t.status !== 'done' || t.windowId === null || t.officerId === null)
    return { error: fail('NOT_RATEABLE', '只能评价已办结的业务 / only a finished ticket can be rated') };
  if (t.rating !== null) return { error: fail('ALREADY_RATED', '该业务已评价 / this ticket is already rated') };

  const rating: Rating = {
    ticketId: t.id,
    ticketNumber: t.number,
    windowId: t.windowId,
    officerId: t.officerId,
    level: p.level,
    reason: p.reason ?? null,
    via,
    at: ctx.now,
  };
  return {
    events: [event('ticket:rated', ctx.now, { rating }), ...followUpFor(state, rating, ctx)],
    result: () => ({ rating }),
  };
}
