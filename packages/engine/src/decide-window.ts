import type { CommandName, CommandPayload, DomainError, DomainEvent, WindowRecord } from '@yichuang/protocol';
import { fail, leavingPauseReasons } from '@yichuang/protocol';
import { isEligible, chooseNext } from './call-rules.ts';
import { event, type CommandContext, type Decided, type Decision } from './decision.ts';
import { hallPhase, hoursOn } from './hall-time.ts';
import { partnerOf, rosterRole } from './hall-model.ts';
import type { HallState } from './hall-state.ts';
import { ticketView, windowView } from './views.ts';
import { finishEvents } from './decide-finish.ts';

type WindowCommand = Exclude<Extract<CommandName, `window:${string}`>, 'window:help'>;

const windowResult =
  (windowId: string) =>
  (state: HallState): { window: ReturnType<typeof windowView>; ticket: ReturnType<typeof ticketView> | null } => {
    const window = windowView(state, windowId);
    return { window, ticket: window.ticket };
  };

function officerOf(ctx: CommandContext): string | null {
  return ctx.actor.kind === 'officer' ? ctx.actor.officerId : null;
}

/** The window the actor holds, or why not. */
function heldWindow(state: HallState, windowId: string, ctx: CommandContext): WindowRecord | DomainError {
  const record = state.windows.get(windowId);
  if (record === undefined || !state.model.windows.has(windowId))
    return fail('UNKNOWN_WINDOW', `没有窗口 ${windowId} / unknown window`, 'windowId');
  const officerId = officerOf(ctx);
  if (officerId === null || record.holder?.officerId !== officerId)
    return fail('NOT_HOLDER', '您未在该窗口签到 / you do not hold this window');
  return record;
}

const isDomainError = (x: WindowRecord | DomainError): x is DomainError => 'code' in x;

function ok<C extends WindowCommand>(events: DomainEvent[], windowId: string): Decided<C> {
  return { events, result: windowResult(windowId) as Decision<C>['result'] };
}

export function decideWindow<C extends WindowCommand>(
  state: HallState,
  name: C,
  payload: CommandPayload<C>,
  ctx: CommandContext,
): Decided<C> {
  const { windowId } = payload;
  if (name === 'window:sign-in') return signIn(state, windowId, ctx) as Decided<C>;

  const w = heldWindow(state, windowId, ctx);
  if (isDomainError(w)) return { error: w };
  const officerId = w.holder!.officerId;
  const now = ctx.now;
  const ticket = w.ticketId === null ? undefined : state.tickets.get(w.ticketId);
  const phase = hallPhase(state.model.config.hall, now);
  const inHours = phase === 'open' || phase === 'extended';

  switch (name) {
    case 'window:sign-out': {
      if (ticket !== undefined)
        return {
          error: fail('WINDOW_BUSY', `请先办结或转办 ${ticket.number} / finish or transfer the current ticket first`),
        };
      const events = [
        event('window:signed-out', now, {
          windowId,
          officerId,
          handover: false,
          pausedS: w.pause === null ? null : Math.round((now - w.pause.since) / 1000),
        }),
      ];
      // A duty leader is nobody's A or B: leaving asks no partner to cover.
      const partner = w.holder!.leader === true ? undefined : partnerOf(state.model, windowId, officerId);
      if (partner !== undefined && inHours)
        events.push(
          event('roster:cover-requested', now, {
            windowId,
            fromOfficerId: officerId,
            toOfficerId: partner,
            reason: 'signed-out',
          }),
        );
      return ok(events, windowId);
    }
    case 'window:pause': {
      const p = payload as CommandPayload<'window:pause'>;
      if (w.pause !== null) return { error: fail('INVALID_STATE', '窗口已暂停 / the window is already paused') };
      if (ticket !== undefined)
        return { error: fail('WINDOW_BUSY', `请先办结 ${ticket.number} / finish the current ticket first`) };
      const events = [event('window:paused', now, { windowId, officerId, reason: p.reason, note: p.note ?? '' })];
      const partner = w.holder!.leader === true ? undefined : partnerOf(state.model, windowId, officerId);
      if (partner !== undefined && inHours && leavingPauseReasons.includes(p.reason))
        events.push(
          event('roster:cover-requested', now, {
            windowId,
            fromOfficerId: officerId,
            toOfficerId: partner,
            reason: p.reason,
          }),
        );
      return ok(events, windowId);
    }
    case 'window:resume':
      if (w.pause === null) return { error: fail('INVALID_STATE', '窗口未暂停 / the window is not paused') };
      return ok(
        [event('window:resumed', now, { windowId, officerId, pausedS: Math.round((now - w.pause.since) / 1000) })],
        windowId,
      );
    case 'window:call-next':
    case 'window:call-ticket': {
      if (w.pause !== null)
        return { error: fail('INVALID_STATE', '窗口暂停中，请先恢复服务 / resume the window first') };
      if (ticket !== undefined)
        return { error: fail('WINDOW_BUSY', `窗口正在办理 ${ticket.number} / the window already holds a ticket`) };
      if (!inHours) return { error: fail('OUTSIDE_HOURS', '不在服务时间内 / outside service hours') };
      if (name === 'window:call-next') {
        const choice = chooseNext(state, windowId, now);
        if (choice === null) return ok([], windowId);
        return ok(
          [
            event('ticket:called', now, {
              ticketId: choice.ticket.id,
              windowId,
              officerId,
              mode: 'next',
              streak: choice.streak,
            }),
          ],
          windowId,
        );
      }
      const { ticketId } = payload as CommandPayload<'window:call-ticket'>;
      const named = state.tickets.get(ticketId);
      if (named === undefined) return { error: fail('UNKNOWN_TICKET', '没有该号票 / unknown ticket', 'ticketId') };
      const cfg = state.model.windows.get(windowId)!;
      if (named.status !== 'waiting')
        return { error: fail('INVALID_STATE', `${named.number} 不在等候中 / the ticket is not waiting`) };
      if (named.heldAt != null)
        return {
          error: fail(
            'TICKET_HELD',
            `${named.number} 已暂缓，导办恢复后才能叫号 / the ticket is on hold until a guide releases it`,
          ),
        };
      if (!isEligible(named, cfg))
        return {
          error: fail('INVALID_STATE', `${named.number} 不属于本窗口办理范围 / this window does not serve that ticket`),
        };
      return ok(
        [event('ticket:called', now, { ticketId, windowId, officerId, mode: 'named', streak: w.priorityStreak })],
        windowId,
      );
    }
    case 'window:recall': {
      if (ticket?.status !== 'called')
        return { error: fail('INVALID_STATE', '没有正在呼叫的号票 / no ticket is being called') };
      if (ticket.recalls >= state.model.config.callRules.maxRecalls)
        return ok([event('ticket:no-show', now, { ticketId: ticket.id, windowId, officerId, auto: true })], windowId);
      return ok(
        [event('ticket:recalled', now, { ticketId: ticket.id, windowId, recalls: ticket.recalls + 1 })],
        windowId,
      );
    }
    case 'window:no-show':
      if (ticket?.status !== 'called')
        return { error: fail('INVALID_STATE', '没有正在呼叫的号票 / no ticket is being called') };
      return ok([event('ticket:no-show', now, { ticketId: ticket.id, windowId, officerId, auto: false })], windowId);
    case 'window:start':
      if (ticket?.status !== 'called')
        return { error: fail('INVALID_STATE', '没有正在呼叫的号票 / no ticket is being called') };
      return ok([event('ticket:started', now, { ticketId: ticket.id, windowId, officerId })], windowId);
    case 'window:finish': {
      if (ticket === undefined)
        return { error: fail('INVALID_STATE', '窗口没有正在办理的号票 / the window holds no ticket') };
      const done = finishEvents(state, ticket, windowId, officerId, payload, ctx);
      if ('code' in done) return { error: done };
      const result = windowResult(windowId);
      return { events: done.events, result: (s) => ({ ...result(s), matters: done.matters }) };
    }
  }
  return { error: fail('INVALID_STATE', `unsupported command ${name}`) };
}

function signIn(state: HallState, windowId: string, ctx: CommandContext): Decided<'window:sign-in'> {
  const cfg = state.model.windows.get(windowId);
  const record = state.windows.get(windowId);
  if (cfg === undefined || record === undefined)
    return { error: fail('UNKNOWN_WINDOW', `没有窗口 ${windowId} / unknown window`, 'windowId') };
  const officerId = officerOf(ctx);
  if (officerId === null) return { error: fail('FORBIDDEN', '只有民警可以签到 / only officers sign in') };
  const rostered = rosterRole(state.model, windowId, officerId);
  // 带班领导帮办: a manager may step into any window at a rush, outside its A/B roster (logged as leader).
  const leader = rostered === null && ctx.actor.role === 'manager';
  if (rostered === null && !leader)
    return { error: fail('NOT_ROSTERED', `您不在 ${cfg.name} 的AB角排班中 / you are not rostered on this window`) };
  // The event's role is an A/B role; a leader's is recorded as B (a stand-in) and never read as such.
  const role = rostered ?? 'B';
  if (record.holder?.officerId === officerId) return { events: [], result: windowResult(windowId) };
  if (!cfg.open) return { error: fail('WINDOW_CLOSED', `${cfg.name} 未开放 / the window is closed`) };
  for (const other of state.windows.values())
    if (other.holder?.officerId === officerId)
      return {
        error: fail(
          'HOLDS_OTHER_WINDOW',
          `您已在 ${state.model.windows.get(other.id)?.name ?? other.id} 签到，请先签退 / sign out of your other window first`,
        ),
      };

  const now = ctx.now;
  const events: DomainEvent[] = [];
  const holder = record.holder;
  if (holder !== null) {
    const left = record.pause !== null && leavingPauseReasons.includes(record.pause.reason);
    // The rostered officers take their post back from a duty leader; a leader never displaces anyone.
    const handBack = leader ? false : holder.leader === true || (role === 'A' && holder.role === 'B');
    if (!left && !handBack)
      return { error: fail('WINDOW_CONFLICT', `${cfg.name} 正由A角在岗办理 / the A-role officer holds this window`) };
    if (record.ticketId !== null)
      return {
        error: fail(
          'WINDOW_BUSY',
          '对方正在办理，请稍后接岗 / your partner is serving; take over after the current ticket',
        ),
      };
    events.push(
      event('window:signed-out', now, {
        windowId,
        officerId: holder.officerId,
        handover: true,
        pausedS: record.pause === null ? null : Math.round((now - record.pause.since) / 1000),
      }),
    );
  }
  const hours = hoursOn(state.model.config.hall, state.day);
  const earlyMinutes =
    leader || state.firstSignIns.has(officerId) || hours === null ? null : Math.floor((hours.open - now) / 60_000);
  events.push(event('window:signed-in', now, { windowId, officerId, role, earlyMinutes, leader }));
  return { events, result: windowResult(windowId) };
}
