import { createHash } from 'node:crypto';
import {
  actorLabel,
  commandRoles,
  commandSchemas,
  fail,
  type Ack,
  type Actor,
  type Command,
  type CommandName,
  type CommandPayload,
  type CommandResult,
  type DomainEvent,
  type EventEnvelope,
  type HallConfig,
} from '@yichuang/protocol';
import {
  applyConfig,
  businessDay,
  drainDirty,
  evolve,
  runCommand,
  tick,
  type EngineCommand,
  type HallState,
} from '@yichuang/engine';
import { RateLimiter } from './rate-limit.ts';
import { appendEvents, findRequest, saveRequest } from './store/event-log.ts';
import type { Db } from './store/open-db.ts';
import { loadState, writeProjections } from './store/projections.ts';
import { writeRecords } from './store/records.ts';
import { zodToError } from './validation.ts';
import { storageUnavailable } from './store/storage-errors.ts';

export interface BusOptions {
  db: Db;
  config: HallConfig;
  clock: () => number;
  newId: () => string;
  /** Called after each commit with the events in seq order. */
  publish: (events: EventEnvelope[]) => void;
  log: (line: string) => void;
  /** Salted hash of an ID-card number: the engine and the log only ever see this. */
  hashIdCard: (idCard: string) => string;
  /**
   * What only the hub adds to an answer after the engine decided (a taken ticket's link with its secret).
   * Applied to replays of a requestId too, and never stored with the request.
   */
  enrich?: <C extends CommandName>(name: C, result: CommandResult<C>) => CommandResult<C>;
  /** Metrics: each command's result (`ok` or its error code) and each commit's time. */
  observe?: { command: (name: string, result: string) => void; commit: (seconds: number) => void };
}

/**
 * The command handler both adapters (socket.io and REST) call. Synchronous from validation to
 * commit, so commands are applied one at a time in arrival order.
 */
export class CommandBus {
  state: HallState;
  private readonly o: BusOptions;
  private readonly kioskLimiter = new RateLimiter();

  constructor(o: BusOptions) {
    this.o = o;
    this.state = loadState(o.db, o.config, businessDay(o.clock(), o.config.hall.timezone));
  }

  get config(): HallConfig {
    return this.state.model.config;
  }

  dispatch<C extends CommandName>(name: C, raw: unknown, actor: Actor): Ack<CommandResult<C>> {
    const ack = this.handle(name, raw, actor);
    this.o.observe?.command(String(name), ack.ok ? 'ok' : ack.error.code);
    return ack.ok && this.o.enrich !== undefined ? { ok: true, data: this.o.enrich(name, ack.data) } : ack;
  }

  private handle<C extends CommandName>(name: C, raw: unknown, actor: Actor): Ack<CommandResult<C>> {
    const schema = commandSchemas[name] as (typeof commandSchemas)[CommandName] | undefined;
    if (schema === undefined) return { ok: false, error: fail('NOT_FOUND', `unknown command ${String(name)}`) };
    if (!commandRoles[name].includes(actor.role))
      return { ok: false, error: fail('FORBIDDEN', '无权执行该操作 / your role may not do this') };
    const parsed = schema.safeParse(raw);
    if (!parsed.success) return { ok: false, error: zodToError(parsed.error) };
    const payload = parsed.data;
    const label = actorLabel(actor);

    const command = this.forEngine(name, payload);
    const payloadHash = hashPayload(command.payload);
    const first = findRequest(this.o.db, payload.requestId);
    if (first !== undefined) {
      if (first.command !== name || first.actor !== label || (first.payloadHash ?? payloadHash) !== payloadHash)
        return {
          ok: false,
          error: fail(
            'REQUEST_ID_REUSED',
            'requestId 已用于内容不同的另一请求 / requestId was already used for a different request',
            'requestId',
          ),
        };
      return { ok: true, data: first.result as CommandResult<C> };
    }

    const now = this.o.clock();
    if (name === 'ticket:take' && actor.kind === 'device') {
      const limit = this.config.kiosk.ticketsPerMinute;
      if (!this.kioskLimiter.allow(actor.deviceId, now, limit))
        return {
          ok: false,
          error: fail('RATE_LIMITED', `取号过于频繁，请稍后再试 / more than ${limit} tickets a minute from this kiosk`),
        };
    }
    const timeEvents = tick(this.state, now);
    const outcome = runCommand(this.state, command as Extract<EngineCommand, { name: C }>, actor, now, this.o.newId);
    const events = outcome.ok ? outcome.events : [];
    const envelopes = this.commit(timeEvents, events, label, payload.requestId, () => {
      if (outcome.ok && events.length > 0)
        saveRequest(this.o.db, payload.requestId, name, label, now, outcome.result, payloadHash);
    });
    if (!Array.isArray(envelopes)) return { ok: false, error: storageUnavailable(envelopes.failed) };
    if (!outcome.ok) return { ok: false, error: outcome.error };
    return { ok: true, data: outcome.result };
  }

  /** The ID-card number never goes further than here: the engine gets its salted hash. */
  private forEngine(name: CommandName, payload: Command['payload']): EngineCommand {
    if (name !== 'ticket:take') return { name, payload } as EngineCommand;
    const { idCard, ...rest } = payload as CommandPayload<'ticket:take'>;
    return { name, payload: idCard === undefined ? rest : { ...rest, idHash: this.o.hashIdCard(idCard) } };
  }

  /** Events the hub itself observed (a ticket printed, a printer fault): applied and logged as `system`. */
  recordSystem(events: DomainEvent[]): EventEnvelope[] | null {
    for (const e of events) evolve(this.state, e);
    const out = this.commit(events, [], 'system', null, () => undefined);
    return Array.isArray(out) ? out : null;
  }

  /**
   * Swap in a new hall config: what `store` writes (the config version) and the event it returns, and
   * the windows the config adds, in one transaction. On failure the old config and state stand.
   */
  reconfigure(next: HallConfig, actor: string, store: () => DomainEvent): EventEnvelope[] | null {
    const previous = this.config;
    try {
      const envelopes = this.o.db
        .transaction(() => {
          const out = appendEvents(this.o.db, [store()], actor, null);
          applyConfig(this.state, next);
          for (const id of this.state.windows.keys()) this.state.dirty.windows.add(id);
          writeProjections(this.o.db, this.state, drainDirty(this.state), false);
          return out;
        })
        .immediate();
      this.o.publish(envelopes);
      return envelopes;
    } catch (err) {
      this.o.log(`config change failed, keeping the old config: ${(err as Error).message}`);
      this.state = loadState(this.o.db, previous, this.state.day);
      return null;
    }
  }

  /** Events of a person's act outside the engine (a manager acknowledging an alert), with `write` in the same transaction. */
  recordBy(events: DomainEvent[], actor: string, write: () => void): EventEnvelope[] | null {
    for (const e of events) evolve(this.state, e);
    const out = this.commit([], events, actor, null, write);
    return Array.isArray(out) ? out : null;
  }

  /** Time-driven events: day rollover, empty posts at opening and closing. */
  tick(): void {
    const events = tick(this.state, this.o.clock());
    if (events.length > 0) this.commit(events, [], 'system', null, () => undefined);
  }

  /**
   * Append events and projections in one BEGIN IMMEDIATE transaction; publish after commit.
   * On failure the in-memory state is reloaded from the database, which still holds the truth.
   */
  private commit(
    systemEvents: DomainEvent[],
    commandEvents: DomainEvent[],
    actor: string,
    requestId: string | null,
    extra: () => void,
  ): EventEnvelope[] | { failed: unknown } {
    if (systemEvents.length === 0 && commandEvents.length === 0) return [];
    const dayTurned = systemEvents.some((e) => e.type === 'hall:day-started');
    const started = performance.now();
    try {
      const envelopes = this.o.db
        .transaction(() => {
          const out = [
            ...appendEvents(this.o.db, systemEvents, 'system', null),
            ...appendEvents(this.o.db, commandEvents, actor, requestId),
          ];
          writeProjections(this.o.db, this.state, drainDirty(this.state), dayTurned);
          writeRecords(this.o.db, out, this.state.day);
          extra();
          return out;
        })
        .immediate();
      this.o.observe?.commit((performance.now() - started) / 1000);
      this.o.publish(envelopes);
      return envelopes;
    } catch (err) {
      this.o.log(`commit failed, reloading state: ${(err as Error).message}`);
      this.state = loadState(this.o.db, this.config, this.state.day);
      return { failed: err };
    }
  }
}

/** A command's payload, hashed to tell a retry from a reused requestId (key order is the schema's). */
function hashPayload(payload: unknown): string {
  return createHash('sha256').update(JSON.stringify(payload)).digest('base64url');
}
