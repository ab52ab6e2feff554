import type { DomainEvent, HallConfig } from '@yichuang/protocol';
import { evolve } from './evolve.ts';
import { createState, type HallState } from './hall-state.ts';

/** Rebuild a state by applying a whole event log from the hall's first day. */
export function replay(config: HallConfig, firstDay: string, events: Iterable<DomainEvent>): HallState {
  const state = createState(config, firstDay);
  for (const e of events) evolve(state, e);
  return state;
}
