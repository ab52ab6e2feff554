/**
 * Test support (not exported from the package): a small hall config, a fake clock, deterministic
 * ids and a `run` helper that does what the hub does (tick, then the command) and keeps every
 * event, so that any test can check that replaying the log gives the same state.
 */
import type {
  Actor,
  CallRules,
  CommandName,
  CommandPayload,
  DomainEvent,
  ErrorCode,
  EventType,
  HallConfig,
  HallConfigInput,
  Ticket,
  TicketView,
  WindowView,
} from '@yichuang/protocol';
import { commandSchemas, hallConfigSchema } from '@yichuang/protocol';
import { runCommand, tick, type CommandOutcome, type EngineCommand } from './engine.ts';
import { createState, stateData, type HallState } from './hall-state.ts';
import { replay } from './replay.ts';
import { windowView } from './views.ts';

/** 2026-11-23 is a Monday. */
export const MONDAY = '2026-11-23';
export const TUESDAY = '2026-11-24';
export const WEDNESDAY = '2026-11-25';
export const FRIDAY = '2026-11-27';
export const SATURDAY = '2026-11-28';
export const NEXT_MONDAY = '2026-11-30';
/** A Tuesday the hall is closed although the weekday has hours. */
export const CLOSED_TUESDAY = '2026-12-01';

/** Epoch ms of a wall-clock time in Asia/Shanghai (UTC+8, no DST), computed without the engine. */
export function shanghai(day: string, hhmm: string): number {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  const [h, mi] = hhmm.split(':').map(Number) as [number, number];
  return Date.UTC(y, m - 1, d, h - 8, mi);
}

export const officer = (officerId: string): Actor => ({ kind: 'officer', role: 'officer', officerId });
export const manager: Actor = { kind: 'officer', role: 'manager', officerId: 'm1' };
export const kiosk: Actor = { kind: 'device', role: 'kiosk', deviceId: 'k1' };
/** 导办 at the entrance (issue 17). */
export const guide: Actor = { kind: 'officer', role: 'guide', officerId: 'g1' };
export const rater = (deviceId: string): Actor => ({ kind: 'device', role: 'rater', deviceId });

export interface ConfigOptions {
  callRules?: Partial<CallRules>;
  hall?: Partial<HallConfigInput['hall']>;
  /** Replaces the roster below. */
  roster?: HallConfigInput['roster'];
  booking?: HallConfigInput['booking'];
  remote?: HallConfigInput['remote'];
}

/**
 * Queues: hz (户籍, prefix A), crj (出入境, B), jg (交管, C).
 * Windows: w1 [hz] (A o1, B o2) · w2 [hz, crj] (o3/o4) · w3 all + green channel (o5/o6) ·
 * w4 [crj] (o7, no B) · w5 [jg] closed (o8). Mon–Fri 09:00–17:00, 30 extended minutes.
 * maxRecalls is 2 (not the default 3) so the recall limit is reached quickly.
 */
export function testConfig(options: ConfigOptions = {}): HallConfig {
  const input: HallConfigInput = {
    hall: {
      id: 'qj',
      name: '綦江区公安局政务服务大厅',
      timezone: 'Asia/Shanghai',
      hours: [{ days: [1, 2, 3, 4, 5], open: '09:00', close: '17:00' }],
      extendedServiceMinutes: 30,
      closedDates: [CLOSED_TUESDAY],
      ...options.hall,
    },
    queues: [
      { id: 'hz', prefix: 'A', name: '户籍' },
      { id: 'crj', prefix: 'B', name: '出入境' },
      { id: 'jg', prefix: 'C', name: '交管' },
    ],
    services: [
      {
        id: 'hz-move',
        name: '户口迁移',
        queue: 'hz',
        materials: ['居民户口簿', '居民身份证', '准予迁入证明'],
        timeLimitDays: 5,
        basis: '《中华人民共和国户口登记条例》第十条',
      },
      { id: 'hz-id', name: '居民身份证', queue: 'hz' },
      { id: 'crj-pass', name: '普通护照', queue: 'crj' },
      { id: 'jg-lic', name: '驾驶证换证', queue: 'jg' },
    ],
    windows: [
      { id: 'w1', number: 1, name: '1号窗口', queues: ['hz'] },
      { id: 'w2', number: 2, name: '2号窗口', queues: ['hz', 'crj'] },
      { id: 'w3', number: 3, name: '3号窗口（绿色通道）', queues: 'all', greenChannel: true },
      { id: 'w4', number: 4, name: '4号窗口', queues: ['crj'] },
      { id: 'w5', number: 5, name: '5号窗口', queues: ['jg'], open: false },
    ],
    officers: [
      ...['o1', 'o2', 'o3', 'o4', 'o5', 'o6', 'o7', 'o8', 'o9'].map((id) => ({
        id,
        name: `民警${id}`,
        role: 'officer' as const,
        pin: '1234',
      })),
      { id: 'm1', name: '带班领导', role: 'manager', pin: '9999' },
      { id: 'g1', name: '导办', role: 'guide', pin: '8642' },
    ],
    roster: options.roster ?? [
      { window: 'w1', a: 'o1', b: 'o2' },
      { window: 'w2', a: 'o3', b: 'o4' },
      { window: 'w3', a: 'o5', b: 'o6' },
      { window: 'w4', a: 'o7' },
      { window: 'w5', a: 'o8' },
    ],
    devices: [
      { id: 'k1', kind: 'kiosk', key: 'kiosk-key-0001' },
      { id: 'r1', kind: 'rater', key: 'rater-key-0001', window: 'w1' },
    ],
    serialDevices: [{ id: 'pad2', kind: 'rating-pad', path: '/dev/ttyUSB2', window: 'w2' }],
    callRules: {
      greenMaxConsecutive: 3,
      maxWaitMinutes: 60,
      maxRecalls: 2,
      defaultServiceMinutes: 5,
      appointmentEarlyMinutes: 10,
      ...options.callRules,
    },
    ...(options.booking === undefined ? {} : { booking: options.booking }),
    ...(options.remote === undefined ? {} : { remote: options.remote }),
  };
  return hallConfigSchema.parse(input);
}

type Payload<C extends CommandName> = Omit<CommandPayload<C>, 'requestId'>;
type Success<C extends CommandName> = Extract<CommandOutcome<C>, { ok: true }>;

export class TestHall {
  readonly config: HallConfig;
  readonly firstDay: string;
  readonly state: HallState;
  /** Every event the engine produced, ticks and commands, in order: the hall's log. */
  readonly events: DomainEvent[] = [];
  day: string;
  now: number;
  private ids = 0;
  private requests = 0;

  /** Check after every tick and command that replaying the log so far gives the live state (on by default). */
  private readonly verifyReplay: boolean;

  constructor(options: ConfigOptions & { day?: string; time?: string; verifyReplay?: boolean } = {}) {
    this.verifyReplay = options.verifyReplay ?? true;
    this.config = testConfig(options);
    this.firstDay = options.day ?? MONDAY;
    this.day = this.firstDay;
    this.now = shanghai(this.day, options.time ?? '08:30');
    this.state = createState(this.config, this.firstDay);
  }

  /** Set the clock to a local time, on `day` (which becomes the current day) or the current day. */
  at(hhmm: string, day?: string): number {
    if (day !== undefined) this.day = day;
    this.now = shanghai(this.day, hhmm);
    return this.now;
  }

  advance(minutes: number): number {
    this.now += minutes * 60_000;
    return this.now;
  }

  /** What the hub does on its timer: time-driven events, recorded. */
  tick(): DomainEvent[] {
    const events = tick(this.state, this.now);
    this.events.push(...events);
    this.checkReplay('tick');
    return events;
  }

  /** What the hub does for a command: parse the payload, tick, run; every event is recorded. */
  run<C extends CommandName>(name: C, payload: Payload<C>, actor: Actor): CommandOutcome<C> {
    const schema: { parse(x: unknown): unknown } = commandSchemas[name];
    const parsed = schema.parse({ requestId: `r${++this.requests}`, ...payload });
    // Wire payloads go in as they are (no hashing of phones here: tests of booking run the engine form).
    const command = { name, payload: parsed } as unknown as Extract<EngineCommand, { name: C }>;
    this.tick();
    const outcome = runCommand(this.state, command, actor, this.now, () => `t${++this.ids}`);
    if (outcome.ok) this.events.push(...outcome.events);
    this.checkReplay(name);
    return outcome;
  }

  /** A command in the engine's own form (phones already hashed, names masked: what the hub hands on). */
  runEngine<C extends CommandName>(command: Extract<EngineCommand, { name: C }>, actor: Actor): CommandOutcome<C> {
    this.tick();
    const before = JSON.stringify(stateData(this.state));
    const outcome = runCommand(this.state, command, actor, this.now, () => `t${++this.ids}`);
    if (outcome.ok) this.events.push(...outcome.events);
    else if (JSON.stringify(stateData(this.state)) !== before)
      throw new Error(`${command.name} failed but changed the state`);
    this.checkReplay(command.name);
    return outcome;
  }

  private checkReplay(after: string): void {
    if (!this.verifyReplay) return;
    const live = JSON.stringify(stateData(this.state));
    if (JSON.stringify(stateData(this.replayed())) !== live) throw new Error(`replay differs after ${after}`);
  }

  /** Run a command that must succeed. */
  ok<C extends CommandName>(name: C, payload: Payload<C>, actor: Actor): Success<C> {
    const outcome = this.run(name, payload, actor);
    if (!outcome.ok) throw new Error(`${name} failed: ${outcome.error.code} ${outcome.error.message}`);
    return outcome;
  }

  /** Run a command that must fail; returns its error code. The state must be left unchanged. */
  fail<C extends CommandName>(name: C, payload: Payload<C>, actor: Actor): ErrorCode {
    this.tick();
    const before = JSON.stringify(stateData(this.state));
    const outcome = this.run(name, payload, actor);
    if (outcome.ok) throw new Error(`${name} succeeded, expected an error`);
    if (JSON.stringify(stateData(this.state)) !== before) throw new Error(`${name} failed but changed the state`);
    return outcome.error.code;
  }

  take(serviceId: string, extra: Omit<Payload<'ticket:take'>, 'serviceId'> = {}): TicketView {
    return this.ok('ticket:take', { serviceId, ...extra }, kiosk).result;
  }

  signIn(windowId: string, officerId: string): Success<'window:sign-in'> {
    return this.ok('window:sign-in', { windowId }, officer(officerId));
  }

  /** call-next by the window's holder; the ticket called, or null when nothing was eligible. */
  callNext(windowId: string): TicketView | null {
    return this.ok('window:call-next', { windowId }, this.holder(windowId)).result.ticket;
  }

  /** call-next then finish, by the holder: the number served. */
  serveNext(windowId: string): string | null {
    const t = this.callNext(windowId);
    if (t !== null) this.ok('window:finish', { windowId }, this.holder(windowId));
    return t?.number ?? null;
  }

  holder(windowId: string): Actor {
    const h = this.state.windows.get(windowId)?.holder;
    if (h == null) throw new Error(`nobody holds ${windowId}`);
    return officer(h.officerId);
  }

  ticket(id: string): Ticket {
    const t = this.state.tickets.get(id);
    if (t === undefined) throw new Error(`no ticket ${id}`);
    return t;
  }

  window(id: string): WindowView {
    return windowView(this.state, id);
  }

  /** The state rebuilt from the recorded log alone. */
  replayed(): HallState {
    return replay(this.config, this.firstDay, this.events);
  }
}

export function types(events: readonly DomainEvent[]): EventType[] {
  return events.map((e) => e.type);
}

/** The events of one type, with their payloads typed. */
export function ofType<T extends EventType>(
  events: readonly DomainEvent[],
  type: T,
): Extract<DomainEvent, { type: T }>[] {
  return events.filter((e): e is Extract<DomainEvent, { type: T }> => e.type === type);
}
