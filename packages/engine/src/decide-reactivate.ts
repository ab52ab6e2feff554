import type { CommandPayload } from '@yichuang/protocol';
import { fail } from '@yichuang/protocol';
import { event, type CommandContext, type Decided } from './decision.ts';
import type { HallState } from './hall-state.ts';
import { ticketView } from './views.ts';

/**
 * 过号重排: a ticket marked no-show today goes back in line (the citizen came back), within
 * callRules.reactivateMinutes of the no-show; at the end of its line or at its original place, as the
 * hall's callRules.reactivatePlace says. The no-show stays in the log and the reports (it happened).
 */
export function decideReactivate(
  state: HallState,
  p: CommandPayload<'ticket:reactivate'>,
  ctx: CommandContext,
): Decided<'ticket:reactivate'> {
  const rules = state.model.config.callRules;
  const t = state.tickets.get(p.ticketId);
  if (t === undefined) return { error: fail('NOT_FOUND', '没有该号票 / unknown ticket', 'ticketId') };
  if (t.status !== 'no-show' || t.day !== state.day)
    return {
      error: fail('INVALID_STATE', '只有今天过号的号票可以重新排队 / only a no-show of today can go back in line'),
    };
  if (rules.reactivateMinutes === 0)
    return { error: fail('INVALID_STATE', '本大厅不允许过号重排 / this hall does not put no-shows back in line') };
  if (t.finishedAt === null || ctx.now - t.finishedAt > rules.reactivateMinutes * 60_000)
    return {
      error: fail(
        'INVALID_STATE',
        `过号已超过 ${rules.reactivateMinutes} 分钟，请重新取号 / more than ${rules.reactivateMinutes} minutes since the no-show: take a new ticket`,
      ),
    };
  const id = t.id;
  return {
    events: [event('ticket:reactivated', ctx.now, { ticketId: id, place: rules.reactivatePlace })],
    result: (s) => ({ ticket: ticketView(s, s.tickets.get(id)!) }),
  };
}
