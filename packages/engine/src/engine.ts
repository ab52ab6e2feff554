import type { Actor, Command, CommandName, CommandResult, DomainError, DomainEvent } from '@yichuang/protocol';
import { decideBook, decideCarryOver, decideTake, decideTransfer } from './decide-ticket.ts';
import {
  decideCancel,
  decideImport,
  decideReschedule,
  decideReserve,
  type CancelInput,
  type ImportInput,
  type RescheduleInput,
  type ReserveInput,
} from './decide-appointment.ts';
import {
  decideArrive,
  decideTakeRemote,
  remoteNoShows,
  type ArriveInput,
  type TakeRemoteInput,
} from './decide-remote.ts';
import { decideWindow } from './decide-window.ts';
import { decideCaseUpdate, type FinishInput } from './decide-finish.ts';
import { decideReactivate } from './decide-reactivate.ts';
import { decideGreen, decideHold, decideIssue, decideRelease, type IssueInput } from './decide-guide.ts';
import { decideNotice, decideRating } from './decide-notice-rating.ts';
import {
  decideAssignComplaint,
  decideCloseComplaint,
  decideCloseFollowUp,
  decideHelp,
  decideRecordComplaint,
  type RecordComplaintInput,
} from './decide-complaint.ts';
import { isError, type CommandContext, type Decided, type TakeTicketInput } from './decision.ts';
import { evolve } from './evolve.ts';
import { dayRollover, emptyPostChanges } from './hall-clock.ts';
import type { HallState } from './hall-state.ts';

export type CommandOutcome<C extends CommandName = CommandName> =
  { ok: true; events: DomainEvent[]; result: CommandResult<C> } | { ok: false; error: DomainError };

/** Commands whose personal data the hub hashes or masks before the engine sees them. */
type HubPrepared =
  | 'ticket:take'
  | 'appointment:reserve'
  | 'appointment:cancel'
  | 'appointment:reschedule'
  | 'appointment:import'
  | 'ticket:take-remote'
  | 'ticket:arrive'
  | 'window:finish'
  | 'ticket:issue'
  | 'complaint:record';

/** The commands the engine runs: the wire commands, with ID-card numbers and phones hashed and names masked. */
export type EngineCommand =
  | Exclude<Command, { name: HubPrepared }>
  | { name: 'ticket:take'; payload: TakeTicketInput }
  | { name: 'appointment:reserve'; payload: ReserveInput }
  | { name: 'appointment:cancel'; payload: CancelInput }
  | { name: 'appointment:reschedule'; payload: RescheduleInput }
  | { name: 'appointment:import'; payload: ImportInput }
  | { name: 'ticket:take-remote'; payload: TakeRemoteInput }
  | { name: 'ticket:arrive'; payload: ArriveInput }
  | { name: 'window:finish'; payload: FinishInput }
  | { name: 'ticket:issue'; payload: IssueInput }
  | { name: 'complaint:record'; payload: RecordComplaintInput };

function decide(state: HallState, command: EngineCommand, ctx: CommandContext): Decided<CommandName> {
  switch (command.name) {
    case 'ticket:take':
      return decideTake(state, command.payload, ctx);
    case 'ticket:transfer':
      return decideTransfer(state, command.payload, ctx);
    case 'hall:carry-over':
      return decideCarryOver(state, command.payload, ctx);
    case 'appointment:book':
      return decideBook(state, command.payload, ctx);
    case 'appointment:reserve':
      return decideReserve(state, command.payload, ctx);
    case 'appointment:cancel':
      return decideCancel(state, command.payload, ctx);
    case 'appointment:reschedule':
      return decideReschedule(state, command.payload, ctx);
    case 'appointment:import':
      return decideImport(state, command.payload, ctx);
    case 'ticket:take-remote':
      return decideTakeRemote(state, command.payload, ctx);
    case 'ticket:arrive':
      return decideArrive(state, command.payload, ctx);
    case 'ticket:reactivate':
      return decideReactivate(state, command.payload, ctx);
    case 'case:update':
      return decideCaseUpdate(state, command.payload, ctx);
    case 'notice:create':
      return decideNotice(state, command.payload, ctx);
    case 'rating:submit':
      return decideRating(state, command.payload, ctx);
    // ── 导办 guide (issue 17) ──
    case 'ticket:issue':
      return decideIssue(state, command.payload, ctx);
    case 'ticket:green':
      return decideGreen(state, command.payload, ctx);
    case 'ticket:hold':
      return decideHold(state, command.payload, ctx);
    case 'ticket:release':
      return decideRelease(state, command.payload, ctx);
    // --- complaints, follow-ups, duty leader (issue 17) ---
    case 'complaint:record':
      return decideRecordComplaint(state, command.payload, ctx);
    case 'complaint:assign':
      return decideAssignComplaint(state, command.payload, ctx);
    case 'complaint:close':
      return decideCloseComplaint(state, command.payload, ctx);
    case 'followup:close':
      return decideCloseFollowUp(state, command.payload, ctx);
    case 'window:help':
      return decideHelp(state, command.payload, ctx);
    // --- end issue 17 complaints block ---
    default:
      return decideWindow(state, command.name, command.payload, ctx);
  }
}

function apply(state: HallState, events: DomainEvent[], into: DomainEvent[]): void {
  for (const e of events) {
    evolve(state, e);
    into.push(e);
  }
}

/**
 * Run one command: its own events, then the empty-post changes they cause. The state is changed
 * only on success. Call `tick` first so that a day that has turned is rolled over before it.
 */
export function runCommand<C extends CommandName>(
  state: HallState,
  command: Extract<EngineCommand, { name: C }>,
  actor: Actor,
  now: number,
  newId: () => string,
): CommandOutcome<C> {
  const all: DomainEvent[] = [];
  const decided = decide(state, command, { now, actor, newId });
  if (isError(decided)) return { ok: false, error: decided.error };
  apply(state, decided.events, all);
  apply(state, emptyPostChanges(state, now), all);
  return { ok: true, events: all, result: decided.result(state) as CommandResult<C> };
}

/** Time-driven events alone (day rollover, empty posts at opening and closing). */
export function tick(state: HallState, now: number): DomainEvent[] {
  const all: DomainEvent[] = [];
  apply(state, dayRollover(state, now), all);
  apply(state, emptyPostChanges(state, now), all);
  apply(state, remoteNoShows(state, now), all);
  return all;
}
