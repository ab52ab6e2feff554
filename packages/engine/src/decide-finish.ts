import {
  fail,
  type Case,
  type CommandPayload,
  type DomainError,
  type DomainEvent,
  type EventPayload,
  type FinishMatter,
  type MatterRecord,
  type Refusal,
  type Ticket,
} from '@yichuang/protocol';
import { event, type CommandContext, type Decided } from './decision.ts';
import type { HallState } from './hall-state.ts';
import { addWorkingDays, workCalendar } from './working-days.ts';

/** window:finish as the engine sees it: the hub has hashed the phone and masked the name. */
export type FinishInput = Omit<CommandPayload<'window:finish'>, 'phone' | 'citizenName'> & {
  phoneHash?: string;
  /** Masked (张*). */
  contactName?: string;
};

/** `SL20261206-003` (受理编号) and `BY20261206-001` (不予受理): the day and a serial counting on through the day. */
export function slipNumber(prefix: 'SL' | 'BY', day: string, serial: number): string {
  return `${prefix}${day.replaceAll('-', '')}-${String(serial).padStart(3, '0')}`;
}

/** The serial of a day-numbered slip (告知单 20261122-007, SL20261206-003, BY…): the part after the dash. */
export function slipSerial(no: string): number {
  return Number(no.split('-')[1]);
}

/** A case as a `case:updated` event leaves it: the engine's state and the hub's cases table both use this. */
export function updatedCase(c: Case, p: EventPayload<'case:updated'>, at: number): Case {
  return {
    ...c,
    status: p.status,
    ...(p.status === 'done' ? { doneAt: at, doneBy: p.officerId } : { materialsReceivedAt: at }),
  };
}

/**
 * The events of a finish: each matter handled at the visit with its outcome; an accepted one (受理,
 * 容缺受理) opens a case due a number of working days later, a refused one (不予受理) issues a refusal
 * with the reason and the matter's legal basis. Left without matters, the ticket's own matter is done.
 */
export function finishEvents(
  state: HallState,
  ticket: Ticket,
  windowId: string,
  officerId: string,
  p: FinishInput,
  ctx: CommandContext,
): { events: DomainEvent[]; matters: MatterRecord[] } | DomainError {
  const { now } = ctx;
  const wanted: FinishMatter[] = p.matters ?? [{ serviceId: ticket.serviceId, outcome: 'done' }];
  const config = state.model.config;
  const opened: DomainEvent[] = [];
  const matters: MatterRecord[] = [];
  let cases = state.casesToday;
  let refusals = state.refusalsToday;
  for (const [i, m] of wanted.entries()) {
    const service = state.model.services.get(m.serviceId);
    if (service === undefined)
      return fail('UNKNOWN_SERVICE', `没有该事项 / unknown matter ${m.serviceId}`, `matters.${i}.serviceId`);
    const record: MatterRecord = {
      serviceId: service.id,
      outcome: m.outcome,
      caseId: null,
      caseNo: null,
      refusalId: null,
      refusalNo: null,
      noticeId: m.outcome === 'notice' ? (m.noticeId ?? null) : null,
      refusalReason: null,
      note: m.note ?? '',
    };
    const common = {
      day: state.day,
      serviceId: service.id,
      ticketId: ticket.id,
      ticketNumber: ticket.number,
      windowId,
      officerId,
      contactName: p.contactName ?? '',
    };
    if (m.outcome === 'accepted' || m.outcome === 'accepted-pending') {
      const timeLimitDays = service.timeLimitDays ?? config.cases.defaultTimeLimitDays;
      const c: Case = {
        ...common,
        id: ctx.newId(),
        no: slipNumber('SL', state.day, ++cases),
        kind: m.outcome,
        pendingMaterials: m.outcome === 'accepted-pending' ? [...new Set(m.pendingMaterials ?? [])] : [],
        acceptedAt: now,
        timeLimitDays,
        dueDay: addWorkingDays(workCalendar(config), state.day, timeLimitDays),
        status: 'open',
        materialsReceivedAt: null,
        doneAt: null,
        doneBy: null,
        phoneHash: p.phoneHash ?? null,
      };
      record.caseId = c.id;
      record.caseNo = c.no;
      opened.push(event('case:opened', now, { case: c }));
    } else if (m.outcome === 'refused') {
      const reason = m.refusalReason ?? 'other';
      const r: Refusal = {
        ...common,
        id: ctx.newId(),
        no: slipNumber('BY', state.day, ++refusals),
        reason,
        note: m.note ?? '',
        basis: service.basis ?? '',
        at: now,
      };
      record.refusalId = r.id;
      record.refusalNo = r.no;
      record.refusalReason = reason;
      opened.push(event('refusal:issued', now, { refusal: r }));
    }
    matters.push(record);
  }
  const from = ticket.startedAt ?? ticket.calledAt ?? now;
  const serviceS = Math.max(0, Math.round((now - from) / 1000));
  return {
    events: [event('ticket:finished', now, { ticketId: ticket.id, windowId, officerId, serviceS, matters }), ...opened],
    matters,
  };
}

/**
 * A case's materials came in (容缺受理 only, once) or it is finished (办结, once). Any officer or manager
 * may record it: the matter may be finished by the back office, not the window that accepted it.
 */
export function decideCaseUpdate(
  state: HallState,
  p: CommandPayload<'case:update'>,
  ctx: CommandContext,
): Decided<'case:update'> {
  if (ctx.actor.kind !== 'officer') return { error: fail('FORBIDDEN', '只有工作人员可以办理受理件 / staff only') };
  const c = state.cases.get(p.caseId);
  if (c === undefined) return { error: fail('UNKNOWN_CASE', '没有该受理件 / unknown case', 'caseId') };
  if (c.status === 'done') return { error: fail('CASE_DONE', `受理件 ${c.no} 已办结 / the case is already done`) };
  if (p.action === 'materials-received') {
    if (c.kind !== 'accepted-pending')
      return { error: fail('INVALID_STATE', '该件不是容缺受理 / the case has no materials to follow') };
    if (c.status === 'materials-received')
      return { error: fail('INVALID_STATE', '补齐材料已登记 / the materials are already recorded') };
  }
  const status = p.action === 'done' ? 'done' : 'materials-received';
  const officerId = ctx.actor.officerId;
  return {
    events: [event('case:updated', ctx.now, { caseId: c.id, status, officerId, note: p.note ?? '' })],
    result: (s) => ({ case: s.cases.get(c.id) ?? c }),
  };
}
