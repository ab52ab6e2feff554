import type {
  Actor,
  CommandName,
  CommandPayload,
  CommandResult,
  DomainError,
  DomainEvent,
  EventPayload,
  EventType,
} from '@yichuang/protocol';
import type { HallState } from './hall-state.ts';

/** What a command handler is given besides the state: the clock, ids and who is asking. */
export interface CommandContext {
  now: number;
  actor: Actor;
  newId: () => string;
}

/** ticket:take as the engine sees it: the hub has replaced the ID-card number by its salted hash. */
export type TakeTicketInput = Omit<CommandPayload<'ticket:take'>, 'idCard' | 'appointmentPhone'> & {
  idHash?: string;
  /** Check in today's appointment booked with this phone (its salted hash). */
  appointmentPhoneHash?: string;
};

/** A handler's answer: the events to apply, and how to read the result once they are applied. */
export interface Decision<C extends CommandName> {
  events: DomainEvent[];
  result: (state: HallState) => CommandResult<C>;
}

export type Decided<C extends CommandName> = Decision<C> | { error: DomainError };

export function event<T extends EventType>(type: T, at: number, payload: EventPayload<T>): DomainEvent {
  return { type, at, payload } as DomainEvent;
}

export function isError<C extends CommandName>(d: Decided<C>): d is { error: DomainError } {
  return 'error' in d;
}
