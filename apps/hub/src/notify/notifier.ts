import { randomBytes } from 'node:crypto';
import {
  fail,
  maskPhone,
  normalizeAppointmentCode,
  PHONE_PATTERN,
  type Ack,
  type EventEnvelope,
  type NotifyChannel,
  type NotifyProviderStatus,
  type NotifySettings,
  type Ticket,
} from '@yichuang/protocol';
import { aheadOf, businessDay, localTime, localToEpoch } from '@yichuang/engine';
import type { CommandBus } from '../command-bus.ts';
import { contactOf as appointmentContact } from '../store/appointment-contacts.ts';
import { stmt, type Db } from '../store/open-db.ts';
import { decideMessages, type RulesView } from './notify-rules.ts';
import { slipContactPhone } from '../store/case-contacts.ts';
import { findCase } from '../store/case-records.ts';
import { providerFor, type NotifyProvider, type SendOutcome } from './notify-providers.ts';
import {
  contactOf,
  contactsSince,
  dueMessages,
  enqueueMessages,
  markAttempt,
  markDead,
  markFailed,
  markSent,
  nextDueAt,
  purgeBefore,
  requeue,
  setContact,
  type NewMessage,
  type OutboxRow,
} from './outbox-store.ts';

export interface NotifierOptions {
  db: Db;
  bus: CommandBus;
  clock: () => number;
  log: (line: string) => void;
  /** A ticket from memory or the table (older tickets, for a replay after a restart). */
  storedTicket: (id: string) => Ticket | undefined;
  /** Sends at once at most this many (default 4). */
  concurrency?: number;
  /** First retry after this long, doubling each time up to maxRetryMs (default 5 s and 10 min). */
  retryBaseMs?: number;
  maxRetryMs?: number;
  /** How often the send loop looks for due messages and the retention job runs (default 1 s; 1 h). */
  pollMs?: number;
  purgeEveryMs?: number;
}

/** hall_meta key: the seq of the last event the rules looked at (a restart looks again at what came after). */
const CURSOR_KEY = 'notify_seq';
/** After a restart, events older than this are not turned into messages any more (the news is stale). */
const REPLAY_WINDOW_MS = 15 * 60_000;
/** Contacts kept in memory: those of the last days (a carried-over ticket waits into the next open day). */
const CONTACT_DAYS = 8;

/**
 * Messages to citizens: decides them from committed events (notify-rules.ts), keeps them in a durable
 * outbox, and sends them with bounded concurrency, retries with exponential backoff, a per-phone daily
 * cap and quiet hours. Queued messages survive a restart and resume.
 */
export class Notifier {
  private readonly o: NotifierOptions;
  private provider: NotifyProvider;
  private settingsKey = '';
  private readonly inFlight = new Set<number>();
  /** Ticket id → phone of the last days' contacts (bounded: pruned to CONTACT_DAYS at each day start). */
  private readonly contacts = new Map<string, { phone: string; channel: NotifyChannel; at: number }>();
  private timer: NodeJS.Timeout | null = null;
  private purgeTimer: NodeJS.Timeout | null = null;
  private stopped = false;
  private pumping = false;
  private last: Pick<NotifyProviderStatus, 'lastOutcome' | 'lastOutcomeAt' | 'lastError'> = {
    lastOutcome: 'none',
    lastOutcomeAt: null,
    lastError: null,
  };

  constructor(o: NotifierOptions) {
    this.o = o;
    this.provider = providerFor(this.settings, o.log);
    this.settingsKey = JSON.stringify(this.settings);
    for (const c of contactsSince(o.db, o.clock() - CONTACT_DAYS * 86_400_000))
      this.contacts.set(c.ticket_id, { phone: c.phone, channel: c.channel, at: c.created_at });
  }

  get settings(): NotifySettings {
    return this.o.bus.config.notify;
  }

  /** Starts the send loop and the retention job; looks at events committed since the last run. */
  start(): void {
    try {
      this.catchUp();
    } catch (err) {
      this.o.log(`提醒补发检查失败 / notify catch-up failed: ${(err as Error).message}`);
    }
    this.purge();
    this.timer = setInterval(() => this.pump(), this.o.pollMs ?? 1000);
    this.timer.unref();
    this.purgeTimer = setInterval(() => this.purge(), this.o.purgeEveryMs ?? 3600_000);
    this.purgeTimer.unref();
    this.pump();
  }

  /** Waits a little for sends under way, then stops. */
  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer !== null) clearInterval(this.timer);
    if (this.purgeTimer !== null) clearInterval(this.purgeTimer);
    // Sends still under way after this are left queued with their attempt counted: the next start sends
    // them again under the same dedupe key.
    const until = Date.now() + 2000;
    while (this.inFlight.size > 0 && Date.now() < until) await new Promise((r) => setTimeout(r, 20));
  }

  /** Committed events, in seq order: the messages they call for go into the outbox, with the cursor. */
  onEvents(events: readonly EventEnvelope[]): void {
    if (events.some((e) => e.type === 'hall:day-started')) this.purge();
    if (events.some((e) => e.type === 'config:changed')) this.reconfigure();
    if (!this.settings.enabled || events.length === 0) return;
    // A message problem never stops the events going out to the other listeners and the screens.
    try {
      this.enqueue(events);
    } catch (err) {
      this.o.log(`提醒处理失败 / notify rules failed: ${(err as Error).message}`);
    }
  }

  private enqueue(events: readonly EventEnvelope[]): void {
    this.adoptAppointmentContacts(events);
    this.adoptGuideContacts(events);
    const planned = decideMessages(events, this.rulesView());
    const now = this.o.clock();
    const messages: NewMessage[] = planned.map((p) => ({
      dedupeKey: p.dedupeKey,
      channel: this.contactFor(p.ticketId)?.channel ?? 'sms',
      phone: p.phone,
      ticketId: p.ticketId,
      template: p.template,
      params: p.params,
    }));
    // Nothing to write, nothing written: no extra commit per batch of a busy hall. The cursor then stays
    // behind, and a restart looks again at recent events: their keys are the same, so nothing is added twice.
    if (messages.length === 0) return;
    const seq = events[events.length - 1]!.seq;
    let added = 0;
    try {
      this.o.db
        .transaction(() => {
          added = enqueueMessages(this.o.db, messages, now, this.dayStart(now), this.settings.maxPerPhonePerDay);
          stmt(
            this.o.db,
            'INSERT INTO hall_meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value',
          ).run(CURSOR_KEY, String(seq));
        })
        .immediate();
    } catch (err) {
      // The events stay in the log: the next start looks at them again (the cursor did not move).
      this.o.log(`提醒写入失败 / could not queue messages: ${(err as Error).message}`);
      return;
    }
    if (added > 0) this.pump();
  }

  /** Events committed after the cursor but never looked at (the hub stopped in between), recent ones only. */
  private catchUp(): void {
    if (!this.settings.enabled) return;
    const row = stmt(this.o.db, 'SELECT value FROM hall_meta WHERE key = ?').get(CURSOR_KEY) as
      { value: string } | undefined;
    const since = Math.max(Number(row?.value ?? 0), 0);
    const rows = stmt(
      this.o.db,
      'SELECT seq, at, type, actor, payload FROM events WHERE seq > ? AND at >= ? ORDER BY seq LIMIT 5000',
    ).all(since, this.o.clock() - REPLAY_WINDOW_MS) as {
      seq: number;
      at: number;
      type: EventEnvelope['type'];
      actor: string;
      payload: string;
    }[];
    if (rows.length === 0) return;
    const events = rows.map(
      (r) =>
        ({
          seq: r.seq,
          at: r.at,
          type: r.type,
          actor: r.actor,
          payload: JSON.parse(r.payload) as unknown,
        }) as EventEnvelope,
    );
    this.enqueue(events);
  }

  private rulesView(): RulesView {
    const state = this.o.bus.state;
    const config = this.o.bus.config;
    const windows = new Map(config.windows.map((w) => [w.id, w.name]));
    const queues = new Map(config.queues.map((q) => [q.id, q.name]));
    return {
      ticket: (id) => state.tickets.get(id) ?? this.o.storedTicket(id),
      windowName: (id) => windows.get(id) ?? id,
      queueName: (id) => queues.get(id) ?? id,
      contactOf: (ticketId) => this.contactFor(ticketId)?.phone ?? null,
      waitingWithContact: () => {
        const out: { ticketId: string; ahead: number }[] = [];
        for (const id of this.contacts.keys()) {
          const t = state.tickets.get(id);
          if (t?.status === 'waiting' && t.day === state.day) out.push({ ticketId: id, ahead: aheadOf(state, t) });
        }
        return out;
      },
      aheadCount: this.settings.aheadCount,
      serviceName: (id) => config.services.find((s) => s.id === id)?.name ?? id,
      casePhone: (caseId) => {
        const phone = slipContactPhone(this.o.db, caseId);
        return phone === null || phone === '' ? null : phone;
      },
      caseOf: (caseId) => findCase(this.o.db, caseId) ?? undefined,
    };
  }

  /**
   * A ticket checked in from an appointment gets notices at the phone the appointment was booked with
   * (its clear contact lives in appointment_contacts), as if it had been left at the kiosk.
   */
  private adoptAppointmentContacts(events: readonly EventEnvelope[]): void {
    for (const e of events) {
      if (e.type !== 'ticket:issued' || e.payload.ticket.appointment === null) continue;
      const { id, appointment } = e.payload.ticket;
      if (this.contactFor(id) !== null) continue;
      const booked = appointmentContact(this.o.db, normalizeAppointmentCode(appointment.code));
      if (booked !== undefined) this.registerContact(id, booked.phone, 'sms');
    }
  }

  /**
   * A ticket a guide issued with a phone (导办) has its ticket_contacts row written in the command's own
   * transaction: read it now, so the "N ahead" notices count it among the waiting tickets with a contact.
   */
  private adoptGuideContacts(events: readonly EventEnvelope[]): void {
    for (const e of events)
      if (e.type === 'ticket:issued' && e.payload.ticket.person?.phoneHash != null)
        this.contactFor(e.payload.ticket.id);
  }

  /** The phone left for a ticket: from memory, else from ticket_contacts (a row written by other code). */
  private contactFor(ticketId: string): { phone: string; channel: NotifyChannel } | null {
    const known = this.contacts.get(ticketId);
    if (known !== undefined) return known;
    const row = contactOf(this.o.db, ticketId);
    if (row !== null) this.contacts.set(ticketId, { ...row, at: this.o.clock() });
    return row;
  }

  /** `POST /api/tickets/:id/contact`: a phone for a live ticket's notices. */
  registerContact(
    ticketId: string,
    phone: string,
    channel: NotifyChannel,
  ): Ack<{ ticketId: string; phone: string; channel: NotifyChannel; notifying: boolean }> {
    const t = this.o.bus.state.tickets.get(ticketId);
    if (t === undefined) return { ok: false, error: fail('UNKNOWN_TICKET', '没有该号票 / unknown ticket') };
    if (t.status !== 'waiting' && t.status !== 'called' && t.status !== 'serving' && t.status !== 'carried')
      return {
        ok: false,
        error: fail('INVALID_STATE', '该号票已办结，不再发送提醒 / this ticket is closed: no more notices'),
      };
    const now = this.o.clock();
    setContact(this.o.db, ticketId, phone, channel, now);
    this.contacts.set(ticketId, { phone, channel, at: now });
    return { ok: true, data: { ticketId, phone: maskPhone(phone), channel, notifying: this.settings.enabled } };
  }

  /** One-time code (验证码) for the integrator's appointment and login flows; sent even in quiet hours. */
  sendCode(phone: string, code: string): Ack<{ id: string }> {
    if (!PHONE_PATTERN.test(phone))
      return { ok: false, error: fail('VALIDATION_FAILED', '手机号无效 / invalid phone', 'phone') };
    if (!/^[0-9A-Za-z]{4,8}$/.test(code))
      return {
        ok: false,
        error: fail('VALIDATION_FAILED', '验证码为4至8位字母或数字 / code is 4–8 letters or digits', 'code'),
      };
    if (!this.settings.enabled) return { ok: false, error: fail('NOTIFY_OFF', '未开启短信提醒 / messages are off') };
    const id = `code:${randomBytes(9).toString('base64url')}`;
    const now = this.o.clock();
    const added = enqueueMessages(
      this.o.db,
      [{ dedupeKey: id, channel: 'sms', phone, ticketId: null, template: 'code', params: { code } }],
      now,
      this.dayStart(now),
      this.settings.maxPerPhonePerDay,
    );
    if (added === 0)
      return { ok: false, error: fail('RATE_LIMITED', '该号码今日短信已达上限 / daily limit reached for this phone') };
    this.pump();
    return { ok: true, data: { id } };
  }

  /** A manager sends a failed or dead message again. */
  retry(id: number): Ack<true> {
    if (!this.settings.enabled) return { ok: false, error: fail('NOTIFY_OFF', '未开启短信提醒 / messages are off') };
    const row = stmt(this.o.db, 'SELECT status FROM notify_outbox WHERE id = ?').get(id) as
      { status: string } | undefined;
    if (row === undefined) return { ok: false, error: fail('UNKNOWN_MESSAGE', '没有该消息 / unknown message') };
    if (!requeue(this.o.db, id, this.o.clock()))
      return {
        ok: false,
        error: fail(
          'INVALID_STATE',
          `只能重发失败的消息（此条：${row.status}） / only failed or dead messages can be retried (this one: ${row.status})`,
        ),
      };
    this.pump();
    return { ok: true, data: true };
  }

  status(): NotifyProviderStatus {
    return {
      enabled: this.settings.enabled,
      provider: this.provider.name,
      gateway: this.provider.gateway,
      ...this.last,
      inFlight: this.inFlight.size,
    };
  }

  /** Sends what is due, at most `concurrency` at once; a send's end looks for more. */
  pump(): void {
    if (this.stopped || this.pumping || !this.settings.enabled) return;
    this.pumping = true;
    try {
      this.sendDue();
    } catch (err) {
      // The database refused (disk full, I/O error): the timer tries again.
      this.o.log(`提醒发送检查失败 / notify send loop: ${(err as Error).message}`);
    } finally {
      this.pumping = false;
    }
  }

  private sendDue(): void {
    const free = (this.o.concurrency ?? 4) - this.inFlight.size;
    if (free <= 0) return;
    const now = this.o.clock();
    const due = dueMessages(this.o.db, now, free + this.inFlight.size).filter((r) => !this.inFlight.has(r.id));
    for (const row of due.slice(0, free)) {
      const quietUntil = row.template === 'code' ? null : this.quietUntil(now);
      if (quietUntil !== null) {
        stmt(this.o.db, 'UPDATE notify_outbox SET next_at = ? WHERE id = ?').run(quietUntil, row.id);
        continue;
      }
      markAttempt(this.o.db, row.id);
      this.inFlight.add(row.id);
      void this.sendOne(row);
    }
  }

  private async sendOne(row: OutboxRow): Promise<void> {
    let outcome: SendOutcome;
    try {
      outcome = await this.provider.send({
        to: row.phone,
        channel: row.channel,
        template: row.template,
        params: JSON.parse(row.params) as Record<string, string>,
        dedupeKey: row.dedupe_key,
      });
    } catch (err) {
      outcome = { kind: 'retry', error: (err as Error).message };
    }
    const now = this.o.clock();
    const attempts = row.attempts + 1;
    try {
      if (outcome.kind === 'sent') markSent(this.o.db, row.id, now);
      else if (outcome.kind === 'refused') markDead(this.o.db, row.id, outcome.error);
      else if (attempts >= this.settings.maxAttempts) markDead(this.o.db, row.id, gaveUp(outcome.error, attempts));
      else {
        const delay = Math.min((this.o.retryBaseMs ?? 5000) * 2 ** (attempts - 1), this.o.maxRetryMs ?? 600_000);
        markFailed(this.o.db, row.id, now + delay, outcome.error);
      }
    } catch (err) {
      // Left queued with its attempt counted: the next start sends it again under the same dedupe key.
      this.o.log(`提醒状态写入失败 / could not record a send: ${(err as Error).message}`);
    }
    this.last = {
      lastOutcome: outcome.kind === 'sent' ? 'ok' : outcome.kind,
      lastOutcomeAt: now,
      lastError: outcome.kind === 'sent' ? null : outcome.error,
    };
    if (outcome.kind !== 'sent')
      this.o.log(`提醒发送未成功 / notify ${row.id} to ${maskPhone(row.phone)} [${row.template}]: ${outcome.error}`);
    this.inFlight.delete(row.id);
    if (!this.stopped) this.pump();
  }

  /** The end of the quiet hours when `now` falls in them, else null. */
  private quietUntil(now: number): number | null {
    const q = this.settings.quietHours;
    if (q === undefined) return null;
    const tz = this.o.bus.config.hall.timezone;
    const local = localTime(now, tz);
    const toMin = (hhmm: string): number => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3));
    const [start, end, m] = [toMin(q.start), toMin(q.end), local.minutes];
    const inside = start < end ? m >= start && m < end : m >= start || m < end;
    if (!inside) return null;
    const endDay = start < end || m < end ? local.day : businessDay(now + 86_400_000, tz);
    return localToEpoch(endDay, q.end, tz);
  }

  private dayStart(now: number): number {
    const tz = this.o.bus.config.hall.timezone;
    return localToEpoch(businessDay(now, tz), '00:00', tz);
  }

  /** Retention: messages and phones older than notify.retentionDays go; the in-memory contacts are pruned. */
  purge(): number {
    const now = this.o.clock();
    let removed = 0;
    try {
      removed = purgeBefore(this.o.db, now - this.settings.retentionDays * 86_400_000);
    } catch (err) {
      this.o.log(`提醒清理失败 / notify retention failed: ${(err as Error).message}`);
    }
    const oldest = now - CONTACT_DAYS * 86_400_000;
    for (const [id, c] of this.contacts)
      if (c.at < oldest || contactOf(this.o.db, id) === null) this.contacts.delete(id);
    return removed;
  }

  private reconfigure(): void {
    const key = JSON.stringify(this.settings);
    if (key === this.settingsKey) return;
    this.settingsKey = key;
    this.provider = providerFor(this.settings, this.o.log);
    this.pump();
  }

  /** The next time a message is due (tests and the console). */
  nextDue(): number | null {
    return nextDueAt(this.o.db);
  }
}

/** "网关出错（HTTP 503） / gateway error: HTTP 503" and the attempts, kept as "中文 / English" for the console. */
function gaveUp(error: string, attempts: number): string {
  const cut = error.indexOf(' / ');
  const [zh, en] = cut < 0 ? [error, error] : [error.slice(0, cut), error.slice(cut + 3)];
  return `${zh}，已试 ${attempts} 次 / ${en} (gave up after ${attempts} attempts)`;
}
