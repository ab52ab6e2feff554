import { createHash } from 'node:crypto';
import {
  actorLabel,
  commandRoles,
  commandSchemas,
  fail,
  type Ack,
  type Actor,
  type CommandName,
  type CommandResult,
  type DomainError,
  type DomainEvent,
  type EventEnvelope,
  type HallConfig,
} from '@yichuang/protocol';
import {
  addDays,
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
import { prepareCommand, type PersonHashers } from './personal-data.ts';
import { appendEvents, findRequest, lastSeq, saveRequest } from './store/event-log.ts';
import { WalSync } from './store/wal-sync.ts';
import type { Db } from './store/open-db.ts';
import { loadState, writeProjections } from './store/projections.ts';
import { writeRecords } from './store/records.ts';
import { purgeContacts } from './store/appointment-contacts.ts';
import { purgeCaseContacts } from './store/case-contacts.ts';
import { purgeComplaintContacts } from './store/complaint-records.ts';
import { purgeGuideContacts } from './store/guide-contacts.ts';
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
  /** Salted hashes of ID-card and phone numbers: the engine and the log only ever see these. */
  hash: PersonHashers;
  /**
   * What only the hub adds to an answer after the engine decided (a taken ticket's link with its secret).
   * Applied to replays of a requestId too, and never stored with the request.
   */
  enrich?: <C extends CommandName>(name: C, result: CommandResult<C>) => CommandResult<C>;
  /** Metrics: each command's result (`ok` or its error code), each commit's time and how many commands it held. */
  observe?: {
    command: (name: string, result: string) => void;
    commit: (seconds: number, commands?: number) => void;
  };
}

/**
 * Why a role may not do something: a guide at a window gets told plainly that guides never hold one
 * (导办, issue 17); everyone else the usual words. The REST guard says the same.
 */
export function roleRefusal(role: Actor['role'], atWindow: boolean): DomainError {
  return role === 'guide' && atWindow
    ? fail('FORBIDDEN', '导办人员不能登录或操作窗口 / a guide cannot sign in at or work a window')
    : fail('FORBIDDEN', '无权执行该操作 / your role may not do this');
}

/** One command (or a system act) decided against the in-memory state and waiting for its commit. */
interface Entry {
  /** Events of time (day rollover, empty posts) the engine produced before the command, logged as `system`. */
  system: DomainEvent[];
  events: DomainEvent[];
  actor: string;
  requestId: string | null;
  /** Written with the events in the same transaction (the request's first answer, an alert's row). */
  write: () => void;
  /** The answer once the batch is durable; a refusal of the batch replaces it. */
  settle: (failure: DomainError | null) => void;
}

/** A command decided in the current batch: a retry of its requestId gets the same answer. */
interface PendingRequest {
  name: string;
  actor: string;
  payloadHash: string;
  answer: Promise<Ack<unknown>>;
}

/**
 * The command handler both adapters (socket.io and REST) call.
 *
 * Group commit: commands are validated and decided by the engine one at a time, in arrival order,
 * against the in-memory state, and their events are appended to the current batch. The batch is
 * written in one `BEGIN IMMEDIATE` transaction (one fsync) at the end of the event-loop turn
 * (`setImmediate`), or earlier when anything outside the bus reads the state or writes events of its
 * own, so nobody ever sees a decision that is not committed. Each command is answered, and its events
 * published, only once the transaction holding it is on the disk (an fsync off the main thread, see
 * WalSync); if the commit fails, every command of the batch is refused (503 STORAGE_UNAVAILABLE) and
 * the state is reloaded from the database. See apps/hub/README.md.
 */
export class CommandBus {
  private current: HallState;
  private readonly o: BusOptions;
  private readonly kioskLimiter = new RateLimiter();
  private batch: Entry[] = [];
  private readonly pending = new Map<string, PendingRequest>();
  private scheduled = false;
  private flushing = false;
  private readonly sync: WalSync;
  /** The seq of the newest committed event (published or about to be, once on the disk). */
  lastSeq: number;

  constructor(o: BusOptions) {
    this.o = o;
    this.current = loadState(o.db, o.config, businessDay(o.clock(), o.config.hall.timezone));
    this.sync = new WalSync(o.db);
    this.lastSeq = lastSeq(o.db);
  }

  /** The committed state: reading it first writes any batch still waiting (never an undurable decision). */
  get state(): HallState {
    this.flush();
    return this.current;
  }

  get config(): HallConfig {
    return this.current.model.config;
  }

  /** Commands waiting for their commit (for tests and metrics). */
  get queued(): number {
    return this.batch.length;
  }

  async dispatch<C extends CommandName>(name: C, raw: unknown, actor: Actor): Promise<Ack<CommandResult<C>>> {
    const ack = await this.handle(name, raw, actor);
    this.o.observe?.command(String(name), ack.ok ? 'ok' : ack.error.code);
    return ack.ok && this.o.enrich !== undefined ? { ok: true, data: this.o.enrich(name, ack.data) } : ack;
  }

  private handle<C extends CommandName>(name: C, raw: unknown, actor: Actor): Promise<Ack<CommandResult<C>>> {
    const now = Promise.resolve.bind(Promise) as (a: Ack<CommandResult<C>>) => Promise<Ack<CommandResult<C>>>;
    const schema = commandSchemas[name] as (typeof commandSchemas)[CommandName] | undefined;
    if (schema === undefined) return now({ ok: false, error: fail('NOT_FOUND', `unknown command ${String(name)}`) });
    if (!commandRoles[name].includes(actor.role))
      return now({ ok: false, error: roleRefusal(actor.role, String(name).startsWith('window:')) });
    const parsed = schema.safeParse(raw);
    if (!parsed.success) return now({ ok: false, error: zodToError(parsed.error) });
    const payload = parsed.data;
    const label = actorLabel(actor);
    const prepared = prepareCommand(name, payload, this.o.hash);
    const command = prepared.command;
    const payloadHash = hashPayload(command.payload);

    const reused = (): Ack<CommandResult<C>> => ({
      ok: false,
      error: fail(
        'REQUEST_ID_REUSED',
        'requestId 已用于内容不同的另一请求 / requestId was already used for a different request',
        'requestId',
      ),
    });
    const inBatch = this.pending.get(payload.requestId);
    if (inBatch !== undefined)
      return inBatch.name !== name || inBatch.actor !== label || inBatch.payloadHash !== payloadHash
        ? now(reused())
        : (inBatch.answer as Promise<Ack<CommandResult<C>>>);
    const first = findRequest(this.o.db, payload.requestId);
    if (first !== undefined)
      return first.command !== name || first.actor !== label || (first.payloadHash ?? payloadHash) !== payloadHash
        ? now(reused())
        : now({ ok: true, data: first.result as CommandResult<C> });

    const at = this.o.clock();
    if (name === 'ticket:take' && actor.kind === 'device') {
      const limit = this.config.kiosk.ticketsPerMinute;
      if (!this.kioskLimiter.allow(actor.deviceId, at, limit))
        return now({
          ok: false,
          error: fail('RATE_LIMITED', `取号过于频繁，请稍后再试 / more than ${limit} tickets a minute from this kiosk`),
        });
    }
    const system = tick(this.current, at);
    const outcome = runCommand(this.current, command as Extract<EngineCommand, { name: C }>, actor, at, this.o.newId);
    const events = outcome.ok ? outcome.events : [];
    const decided: Ack<CommandResult<C>> = outcome.ok
      ? { ok: true, data: outcome.result }
      : { ok: false, error: outcome.error };
    // A refusal that changed nothing needs no commit, but it was decided against the batch's state:
    // it is answered with the batch (and refused with it if the batch cannot be written).
    if (system.length === 0 && events.length === 0 && this.batch.length === 0) return now(decided);

    let settle!: (failure: DomainError | null) => void;
    const answer = new Promise<Ack<CommandResult<C>>>((resolve) => {
      settle = (failure) => resolve(failure === null ? decided : { ok: false, error: failure });
    });
    const remembered = outcome.ok && events.length > 0;
    if (remembered) this.pending.set(payload.requestId, { name, actor: label, payloadHash, answer });
    this.enqueue({
      system,
      events,
      actor: label,
      requestId: payload.requestId,
      write: () => {
        if (outcome.ok) prepared.write?.(this.o.db, outcome.result, at, this.state.day);
        if (remembered) saveRequest(this.o.db, payload.requestId, name, label, at, outcome.result, payloadHash);
      },
      settle,
    });
    return answer;
  }

  /** Events the hub itself observed (a ticket printed, a printer fault): applied and logged as `system`, now. */
  recordSystem(events: DomainEvent[]): EventEnvelope[] | null {
    return this.recordBy(events, 'system', () => undefined);
  }

  /** Events of a person's act outside the engine (a manager acknowledging an alert), with `write` in the same transaction. */
  recordBy(events: DomainEvent[], actor: string, write: () => void): EventEnvelope[] | null {
    this.flush();
    for (const e of events) evolve(this.current, e);
    let failed = false;
    this.enqueue({ system: [], events, actor, requestId: null, write, settle: (f) => (failed = f !== null) }, false);
    const committed = this.flush();
    return failed ? null : committed;
  }

  /**
   * Swap in a new hall config: what `store` writes (the config version) and the event it returns, and
   * the windows the config adds, in one transaction. On failure the old config and state stand.
   */
  reconfigure(next: HallConfig, actor: string, store: () => DomainEvent): EventEnvelope[] | null {
    this.flush();
    const previous = this.config;
    try {
      const envelopes = this.o.db
        .transaction(() => {
          const out = appendEvents(this.o.db, [store()], actor, null);
          applyConfig(this.current, next);
          for (const id of this.current.windows.keys()) this.current.dirty.windows.add(id);
          writeProjections(this.o.db, this.current, drainDirty(this.current), false);
          return out;
        })
        .immediate();
      this.lastSeq = envelopes[envelopes.length - 1]?.seq ?? this.lastSeq;
      // Durable already (synchronous=FULL); published after the batches committed before it.
      void this.sync.settled().finally(() => this.o.publish(envelopes));
      return envelopes;
    } catch (err) {
      this.o.log(`config change failed, keeping the old config: ${(err as Error).message}`);
      this.current = loadState(this.o.db, previous, this.current.day);
      return null;
    }
  }

  /** Time-driven events: day rollover, empty posts at opening and closing. */
  tick(): void {
    this.flush();
    const events = tick(this.current, this.o.clock());
    if (events.length > 0) {
      this.enqueue(
        {
          system: events,
          events: [],
          actor: 'system',
          requestId: null,
          write: () => undefined,
          settle: () => undefined,
        },
        false,
      );
      this.flush();
    }
  }

  private enqueue(entry: Entry, schedule = true): void {
    this.batch.push(entry);
    if (schedule && !this.scheduled) {
      this.scheduled = true;
      setImmediate(() => {
        this.scheduled = false;
        this.flush();
      });
    }
  }

  /**
   * Write the batch in one transaction; answer its commands and publish its events (in seq order)
   * once the commit is on the disk (see WalSync: the fsync runs off the main thread while the next
   * batch is decided). Returns the envelopes committed (empty when there was nothing to write).
   */
  flush(): EventEnvelope[] {
    if (this.flushing || this.batch.length === 0) return [];
    const batch = this.batch;
    this.batch = [];
    this.flushing = true;
    const dayTurned = batch.some((e) => e.system.some((s) => s.type === 'hall:day-started'));
    const started = performance.now();
    const deferSync = this.sync.available;
    let envelopes: EventEnvelope[];
    try {
      if (deferSync) this.o.db.pragma('synchronous = NORMAL');
      envelopes = this.o.db
        .transaction(() => {
          const out: EventEnvelope[] = [];
          for (const e of batch) {
            if (e.system.length > 0) out.push(...appendEvents(this.o.db, e.system, 'system', null));
            if (e.events.length > 0) out.push(...appendEvents(this.o.db, e.events, e.actor, e.requestId));
            e.write();
          }
          writeProjections(this.o.db, this.current, drainDirty(this.current), dayTurned);
          writeRecords(this.o.db, out, this.current.day);
          if (dayTurned) {
            const keepFrom = addDays(this.current.day, -this.config.booking.contactRetentionDays);
            purgeContacts(this.o.db, keepFrom);
            purgeGuideContacts(this.o.db, keepFrom);
            const keepCasesFrom = addDays(this.current.day, -this.config.cases.contactRetentionDays);
            purgeCaseContacts(this.o.db, keepCasesFrom);
            purgeComplaintContacts(this.o.db, keepCasesFrom);
          }
          return out;
        })
        .immediate();
    } catch (err) {
      this.o.log(`commit of ${batch.length} command(s) failed, reloading state: ${(err as Error).message}`);
      this.current = loadState(this.o.db, this.config, this.current.day);
      this.flushing = false;
      this.answer(batch, [], storageUnavailable(err));
      return [];
    } finally {
      if (deferSync) this.o.db.pragma('synchronous = FULL');
    }
    this.o.observe?.commit((performance.now() - started) / 1000, batch.length);
    if (envelopes.length > 0) this.lastSeq = envelopes[envelopes.length - 1]!.seq;
    this.flushing = false;
    if (!deferSync) this.answer(batch, envelopes, null);
    else
      void this.sync.afterCommit().then(
        () => this.answer(batch, envelopes, null),
        (err: Error) => {
          // Committed, but the disk did not confirm it: the answers are lost (a retry gets them from the
          // log), the events still go out (the database holds them).
          this.o.log(`fsync of the log failed after a commit: ${err.message}`);
          this.answer(batch, envelopes, storageUnavailable(err));
        },
      );
    return envelopes;
  }

  /** Answers a batch's commands and publishes its events; its requestIds now live in the log. */
  private answer(batch: Entry[], envelopes: EventEnvelope[], failure: DomainError | null): void {
    for (const e of batch) if (e.requestId !== null) this.pending.delete(e.requestId);
    // Answers first (they resolve on the next microtask), then the events go out in seq order.
    for (const e of batch) e.settle(failure);
    if (envelopes.length > 0) this.o.publish(envelopes);
  }

  /** Resolves once every command answered so far and every event committed so far is on the disk and published. */
  durable(): Promise<void> {
    this.flush();
    return this.sync.settled();
  }

  /** Waits for the last fsync, then lets go of the WAL file (the hub is stopping). */
  async close(): Promise<void> {
    await this.durable().catch(() => undefined);
    this.sync.close();
  }
}

/** A command's payload, hashed to tell a retry from a reused requestId (key order is the schema's). */
function hashPayload(payload: unknown): string {
  return createHash('sha256').update(JSON.stringify(payload)).digest('base64url');
}
