import {
  fail,
  MAX_OPEN_COMPLAINTS,
  type Complaint,
  type ComplaintChannel,
  type DomainEvent,
  type FollowUp,
  type Rating,
} from '@yichuang/protocol';
import { event, type CommandContext, type Decided } from './decision.ts';
import type { HallState } from './hall-state.ts';

/**
 * 投诉与差评整改, 请求帮办 (issue 17). Open complaints and follow-ups live in the engine's state
 * (restored from the complaints and followups tables at start, like appointments), so that assigning or
 * closing one is checked against what is open, in the command's own decision: the store cannot
 * disagree with the engine, and a second close of the same item is refused, not written twice.
 */

/** complaint:record as the engine gets it: the hub has masked the name and hashed the phone. */
export interface RecordComplaintInput {
  requestId: string;
  channel: ComplaintChannel;
  text: string;
  windowId?: string;
  officerId?: string;
  ticketNumber?: string;
  /** Masked (张*). */
  name?: string;
  /** Masked (138****5678) and its salted hash. */
  phone?: { masked: string; hash: string };
}

const managerId = (ctx: CommandContext): string | null =>
  ctx.actor.kind === 'officer' && ctx.actor.role === 'manager' ? ctx.actor.officerId : null;

const managersOnly = fail('FORBIDDEN', '只有大厅负责人可以处理投诉 / managers only');

export function decideRecordComplaint(
  state: HallState,
  p: RecordComplaintInput,
  ctx: CommandContext,
): Decided<'complaint:record'> {
  const by = managerId(ctx);
  if (by === null) return { error: managersOnly };
  if (p.windowId !== undefined && !state.model.windows.has(p.windowId))
    return { error: fail('UNKNOWN_WINDOW', `没有窗口 ${p.windowId} / unknown window`, 'windowId') };
  if (p.officerId !== undefined && !state.model.officers.has(p.officerId))
    return { error: fail('UNKNOWN_OFFICER', `没有该民警 / unknown officer ${p.officerId}`, 'officerId') };
  if (state.complaints.size >= MAX_OPEN_COMPLAINTS)
    return {
      error: fail(
        'TOO_MANY_OPEN',
        `未办结投诉已达 ${MAX_OPEN_COMPLAINTS} 件，请先办结 / ${MAX_OPEN_COMPLAINTS} complaints are open: close some first`,
      ),
    };
  const complaint: Complaint = {
    id: ctx.newId(),
    receivedAt: ctx.now,
    day: state.day,
    channel: p.channel,
    name: p.name ?? '',
    phone: p.phone?.masked ?? '',
    phoneHash: p.phone?.hash ?? null,
    text: p.text,
    windowId: p.windowId ?? null,
    officerId: p.officerId ?? null,
    ticketNumber: p.ticketNumber?.toUpperCase() ?? null,
    recordedBy: by,
  };
  return { events: [event('complaint:recorded', ctx.now, { complaint })], result: () => ({ complaint }) };
}

export function decideAssignComplaint(
  state: HallState,
  p: { complaintId: string; officerId: string },
  ctx: CommandContext,
): Decided<'complaint:assign'> {
  const by = managerId(ctx);
  if (by === null) return { error: managersOnly };
  const open = state.complaints.get(p.complaintId);
  if (open === undefined)
    return { error: fail('UNKNOWN_COMPLAINT', '没有该未办结投诉 / no open complaint with that id', 'complaintId') };
  if (!state.model.officers.has(p.officerId))
    return { error: fail('UNKNOWN_OFFICER', `没有该民警 / unknown officer ${p.officerId}`, 'officerId') };
  const result = () => ({ complaintId: p.complaintId, officerId: p.officerId });
  if (open.assignedTo === p.officerId) return { events: [], result };
  return {
    events: [event('complaint:assigned', ctx.now, { complaintId: p.complaintId, officerId: p.officerId, by })],
    result,
  };
}

export function decideCloseComplaint(
  state: HallState,
  p: { complaintId: string; result: string },
  ctx: CommandContext,
): Decided<'complaint:close'> {
  const by = managerId(ctx);
  if (by === null) return { error: managersOnly };
  if (!state.complaints.has(p.complaintId))
    return { error: fail('UNKNOWN_COMPLAINT', '没有该未办结投诉 / no open complaint with that id', 'complaintId') };
  return {
    events: [event('complaint:closed', ctx.now, { complaintId: p.complaintId, result: p.result, by })],
    result: () => ({ complaintId: p.complaintId }),
  };
}

export function decideCloseFollowUp(
  state: HallState,
  p: { followUpId: string; action: string },
  ctx: CommandContext,
): Decided<'followup:close'> {
  const by = managerId(ctx);
  if (by === null) return { error: managersOnly };
  if (!state.followUps.has(p.followUpId))
    return { error: fail('UNKNOWN_FOLLOWUP', '没有该未办结回访 / no open follow-up with that id', 'followUpId') };
  return {
    events: [event('followup:closed', ctx.now, { followUpId: p.followUpId, action: p.action, by })],
    result: () => ({ followUpId: p.followUpId }),
  };
}

/** A rating of 2 or less opens a follow-up, in the same decision as the rating. */
export const FOLLOW_UP_LEVEL = 2;

export function followUpFor(state: HallState, rating: Rating, ctx: CommandContext): DomainEvent[] {
  if (rating.level > FOLLOW_UP_LEVEL) return [];
  const followUp: FollowUp = {
    id: ctx.newId(),
    ticketId: rating.ticketId,
    ticketNumber: rating.ticketNumber,
    windowId: rating.windowId,
    officerId: rating.officerId,
    level: rating.level,
    reason: rating.reason,
    openedAt: ctx.now,
    day: state.day,
  };
  return [event('followup:opened', ctx.now, { followUp })];
}

/** 请求帮办: the holder of the window asks the duty leader to come; the hub turns it into an alert. */
export function decideHelp(
  state: HallState,
  p: { windowId: string; note?: string },
  ctx: CommandContext,
): Decided<'window:help'> {
  const record = state.windows.get(p.windowId);
  if (record === undefined || !state.model.windows.has(p.windowId))
    return { error: fail('UNKNOWN_WINDOW', `没有窗口 ${p.windowId} / unknown window`, 'windowId') };
  if (ctx.actor.kind !== 'officer' || record.holder?.officerId !== ctx.actor.officerId)
    return { error: fail('NOT_HOLDER', '您未在该窗口签到 / you do not hold this window') };
  const ticketId = record.ticketId;
  const result = () => ({ windowId: p.windowId, ticketId });
  // Pressed again while the leader has not come: the alert is already up, the log needs no second line.
  const standing = state.helpRequests.get(p.windowId);
  if (standing?.officerId === ctx.actor.officerId && standing.ticketId === ticketId) return { events: [], result };
  return {
    events: [
      event('window:help-requested', ctx.now, {
        windowId: p.windowId,
        officerId: ctx.actor.officerId,
        ticketId,
        note: p.note ?? '',
      }),
    ],
    result,
  };
}
