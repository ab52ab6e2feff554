import type { Appointment, Case, HallStateData, OpenComplaint, Ticket, WindowRecord } from '@yichuang/protocol';
import { buildModel, type HallModel } from './hall-model.ts';
import { emptyIndex, indexTicket, unindexTicket, type WaitingIndex } from './waiting-index.ts';
import type { HallConfig } from '@yichuang/protocol';
import { normalizeAppointmentCode } from '@yichuang/protocol';

/** How many recent service times per queue feed the wait estimate. */
export const SERVICE_SAMPLES = 20;

/**
 * The engine's whole state. Mutated only by `evolve` (events) so that the live state,
 * the state loaded from the store and the state replayed from the log are the same.
 */
export interface HallState {
  model: HallModel;
  /** The business day (hall time zone) the state is on. */
  day: string;
  /** Today's tickets plus tickets carried over to a later day. Changed only by `putTicket` / `dropTicket`. */
  tickets: Map<string, Ticket>;
  /** The waiting tickets in call order (see waiting-index.ts), kept in step with `tickets`. */
  waiting: WaitingIndex;
  windows: Map<string, WindowRecord>;
  /** queueId → highest number issued today. */
  counters: Map<string, number>;
  /** queueId → recent service times in seconds (newest last). */
  samples: Map<string, number[]>;
  /** officerId → first sign-in today (提前10分钟上岗). */
  firstSignIns: Map<string, number>;
  /** Keyed by the normalised code (normalizeAppointmentCode); each keeps the code as booked. */
  appointments: Map<string, Appointment>;
  /** Notices issued today: the next one's serial is this plus one. */
  noticesToday: number;
  /** Cases (受理) not yet done, and those done today; loaded from the store at start like appointments. */
  cases: Map<string, Case>;
  /** Cases opened and refusals issued today: the next serials (受理编号, 不予受理编号). */
  casesToday: number;
  refusalsToday: number;
  /** Open complaints by id, across days (at most MAX_OPEN_COMPLAINTS); the tables hold the records (issue 17). */
  complaints: Map<string, OpenComplaint>;
  /** Open 差评回访 follow-ups: id → ticket id, across days; one per rated ticket at most (issue 17). */
  followUps: Map<string, string>;
  /**
   * 请求帮办 not yet answered, by window (one per window at most): the alert lasts while this does. Ends when
   * a manager signs in at the window or acknowledges the alert, or with the day. Not kept over a restart.
   */
  helpRequests: Map<string, HelpRequest>;
  /** What changed since the store last drained it. */
  dirty: Dirty;
}

export interface HelpRequest {
  windowId: string;
  officerId: string;
  ticketId: string | null;
  note: string;
  at: number;
}

export interface Dirty {
  tickets: Set<string>;
  windows: Set<string>;
  appointments: Set<string>;
  meta: boolean;
}

export function emptyWindow(id: string): WindowRecord {
  return {
    id,
    holder: null,
    ticketId: null,
    pause: null,
    priorityStreak: 0,
    emptySince: null,
    coverRequestedFor: null,
  };
}

export function createState(config: HallConfig, day: string): HallState {
  const model = buildModel(config);
  return {
    model,
    day,
    tickets: new Map(),
    waiting: emptyIndex(),
    windows: new Map(config.windows.map((w) => [w.id, emptyWindow(w.id)])),
    counters: new Map(),
    samples: new Map(),
    firstSignIns: new Map(),
    appointments: new Map(),
    noticesToday: 0,
    cases: new Map(),
    casesToday: 0,
    refusalsToday: 0,
    complaints: new Map(),
    followUps: new Map(),
    helpRequests: new Map(),
    dirty: cleanDirty(),
  };
}

/** Store a ticket as it now is (and re-index it). */
export function putTicket(state: HallState, t: Ticket): void {
  state.tickets.set(t.id, t);
  indexTicket(state.waiting, t);
}

/** Let go of a ticket (yesterday's, at the day's turn). */
export function dropTicket(state: HallState, id: string): void {
  state.tickets.delete(id);
  unindexTicket(state.waiting, id);
}

export function cleanDirty(): Dirty {
  return { tickets: new Set(), windows: new Set(), appointments: new Set(), meta: false };
}

/** Take what changed, leaving the state clean. */
export function drainDirty(state: HallState): Dirty {
  const d = state.dirty;
  state.dirty = cleanDirty();
  return d;
}

/** Rebuild a state from stored data (the store's projections, or a client's snapshot). */
/** Open complaints and follow-ups as the store keeps them (issue 17). */
export interface OpenItems {
  complaints: OpenComplaint[];
  followUps: { id: string; ticketId: string }[];
}

export function restoreState(
  config: HallConfig,
  data: HallStateData,
  appointments: Appointment[] = [],
  cases: Case[] = [],
  open: OpenItems = { complaints: [], followUps: [] },
): HallState {
  const state = createState(config, data.day);
  for (const t of data.tickets) putTicket(state, t);
  for (const w of data.windows) if (state.windows.has(w.id)) state.windows.set(w.id, w);
  state.counters = new Map(Object.entries(data.counters));
  state.samples = new Map(Object.entries(data.samples));
  state.firstSignIns = new Map(Object.entries(data.firstSignIns));
  state.noticesToday = data.noticesToday;
  state.casesToday = data.casesToday ?? 0;
  state.refusalsToday = data.refusalsToday ?? 0;
  for (const c of cases) state.cases.set(c.id, c);
  for (const a of appointments) state.appointments.set(normalizeAppointmentCode(a.code), a);
  for (const c of open.complaints) state.complaints.set(c.id, c);
  for (const f of open.followUps) state.followUps.set(f.id, f.ticketId);
  return state;
}

/** The state as plain data, in a stable order (for snapshots and comparisons). */
export function stateData(state: HallState): HallStateData {
  const byKey = <V>(m: Map<string, V>): Record<string, V> =>
    Object.fromEntries([...m.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
  return {
    day: state.day,
    tickets: [...state.tickets.values()].sort((a, b) => a.issuedAt - b.issuedAt || (a.id < b.id ? -1 : 1)),
    windows: [...state.windows.values()].sort((a, b) => (a.id < b.id ? -1 : 1)),
    counters: byKey(state.counters),
    samples: byKey(state.samples),
    firstSignIns: byKey(state.firstSignIns),
    noticesToday: state.noticesToday,
    casesToday: state.casesToday,
    refusalsToday: state.refusalsToday,
  };
}

/** Replace the config (live reconfiguration): windows added get an empty record, removed ones are dropped. */
export function applyConfig(state: HallState, config: HallConfig): void {
  state.model = buildModel(config);
  const next = new Map<string, WindowRecord>();
  for (const w of config.windows) next.set(w.id, state.windows.get(w.id) ?? emptyWindow(w.id));
  state.windows = next;
}
