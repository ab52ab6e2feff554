import {
  LOW_RATING,
  type DomainEvent,
  type EventPayload,
  type EventType,
  type HallConfig,
  type HallReport,
  type LowRating,
} from '@yichuang/protocol';
import { LocalClock } from './local-clock.ts';
import type { ReportPeriod } from './report-period.ts';
import {
  DayTally,
  HourTally,
  officerRegistry,
  queueRegistry,
  windowRegistry,
  type OfficerTally,
  type QueueTally,
  type Registry,
  type WindowTally,
} from './report-tallies.ts';
import { RatingTally, StatCounter } from './sample-stats.ts';
import { WindowTime } from './window-time.ts';
import { OutcomeTally } from './outcome-tally.ts';

/** The event types a report reads; the rest (printing, notices, recalls …) do not change it. */
export const REPORT_EVENT_TYPES = [
  'ticket:issued',
  'ticket:called',
  'ticket:no-show',
  'ticket:finished',
  'ticket:transferred',
  'ticket:carried-over',
  'ticket:expired',
  'ticket:rated',
  'window:signed-in',
  'window:signed-out',
  'window:paused',
  'window:resumed',
  'window:empty-post-started',
  'window:empty-post-ended',
  'ticket:green-granted',
] as const satisfies readonly EventType[];

/**
 * Read from before the period so that a pause or empty post already open at its start is known
 * (its reason, its officer). The day rollover closes both, so a day's lookback is enough.
 */
export const CARRY_IN_EVENT_TYPES = [
  'window:signed-in',
  'window:signed-out',
  'window:paused',
  'window:resumed',
  'window:empty-post-started',
  'window:empty-post-ended',
] as const satisfies readonly EventType[];
export const CARRY_IN_MS = 24 * 3600_000;

export interface FoldOptions {
  config: HallConfig;
  period: ReportPeriod;
  /** Pauses, empty posts and calls still open count up to here: the period's end, or now for today. */
  until: number;
  generatedAt: number;
  /** The queue of a ticket issued before the period (a carried-over one), when the events do not say. */
  queueOf?: (ticketId: string) => string | undefined;
  /** Likewise its matter, for a finish that names no matters. */
  serviceOf?: (ticketId: string) => string | undefined;
}

interface TrackedTicket {
  /** Where it is now: transfers move it. */
  queueId: string;
  issueQueueId: string;
  /** Its own matter; unknown for a ticket issued before the period. */
  serviceId?: string;
  issuedAt: number;
  issueHour: number;
  /** Issued in the period and not yet called: its first call gives a wait sample. */
  waiting: boolean;
}

/**
 * Folds events (in seq order) into the report. Pure: no database, no clock. Events before the
 * period only set up what is open at its start; counts take events inside it; durations are cut
 * to the period.
 */
export class ReportFold {
  private readonly o: FoldOptions;
  private readonly clock: LocalClock;
  private readonly queues: Registry<QueueTally>;
  private readonly windows: Registry<WindowTally>;
  private readonly officers: Registry<OfficerTally>;
  private readonly time: WindowTime;
  private readonly hours = Array.from({ length: 24 }, (_, h) => new HourTally(h));
  private readonly days: Map<string, DayTally>;
  private readonly totals = {
    issued: 0,
    served: 0,
    noShow: 0,
    transferred: 0,
    carriedOver: 0,
    green: 0,
    appointments: 0,
    guided: 0,
    greenGranted: 0,
    wait: new StatCounter(),
    service: new StatCounter(),
  };
  private readonly ratings = new RatingTally();
  private readonly outcomes: OutcomeTally;
  private readonly low: LowRating[] = [];
  /** Active tickets only: finished, no-show and expired ones are dropped, which bounds memory over a range. */
  private readonly tickets = new Map<string, TrackedTicket>();

  constructor(o: FoldOptions) {
    this.o = o;
    this.clock = new LocalClock(o.config.hall.timezone);
    this.queues = queueRegistry(o.config);
    this.windows = windowRegistry(o.config);
    this.officers = officerRegistry(o.config);
    this.time = new WindowTime(o.config, o.period, this.clock, this.windows, this.officers);
    this.days = new Map(o.period.days.map((d) => [d, new DayTally(d)]));
    this.outcomes = new OutcomeTally(o.config);
  }

  add(e: DomainEvent): void {
    const inPeriod = e.at >= this.o.period.start && e.at < this.o.period.end;
    switch (e.type) {
      case 'ticket:issued':
        return this.issued(e.payload, e.at, inPeriod);
      case 'ticket:green-granted':
        if (inPeriod) this.totals.greenGranted++;
        return;
      case 'ticket:called':
        return this.called(e.payload, e.at, inPeriod);
      case 'ticket:finished':
        return this.finished(e.payload, e.at, inPeriod);
      case 'ticket:no-show':
        return this.noShow(e.payload, e.at, inPeriod);
      case 'ticket:transferred':
        return this.transferred(e.payload, e.at, inPeriod);
      case 'ticket:carried-over': {
        // Promised to another day: its wait would span the night the hall was closed.
        const t = this.tickets.get(e.payload.ticketId);
        if (t !== undefined) t.waiting = false;
        if (inPeriod) {
          this.totals.carriedOver++;
          const q = this.queueOfTicket(e.payload.ticketId);
          if (q !== undefined) q.carriedOver++;
        }
        return;
      }
      case 'ticket:expired':
        this.time.expired(e.payload.ticketId, e.at);
        this.tickets.delete(e.payload.ticketId);
        return;
      case 'ticket:rated':
        if (inPeriod) this.rated(e.payload);
        return;
      case 'window:signed-in': {
        const { windowId, officerId, earlyMinutes } = e.payload;
        this.windows.get(windowId);
        const officer = this.officers.get(officerId);
        // A sign-in ends any pause the window still showed, as evolve does.
        this.time.pauseEnded(windowId, e.at, null, officerId);
        if (inPeriod && earlyMinutes !== null)
          officer.signIns.push({ day: this.clock.at(e.at).day, windowId, earlyMinutes, early: earlyMinutes >= 10 });
        return;
      }
      case 'window:signed-out':
      case 'window:resumed':
        return this.time.pauseEnded(e.payload.windowId, e.at, e.payload.pausedS, e.payload.officerId);
      case 'window:paused': {
        const { windowId, officerId, reason } = e.payload;
        this.windows.get(windowId);
        this.officers.get(officerId);
        return this.time.paused(windowId, officerId, reason, e.at);
      }
      case 'window:empty-post-started':
        this.time.emptyStarted(e.payload.windowId, e.at);
        if (inPeriod) this.windows.get(e.payload.windowId).emptyPosts++;
        return;
      case 'window:empty-post-ended':
        return this.time.emptyEnded(e.payload.windowId, e.at, e.payload.durationS);
      default:
        return;
    }
  }

  /** The report, with whatever is still open counted up to `until`. */
  result(): HallReport {
    const { config, period, until } = this.o;
    this.time.closeAll(until);
    const { wait, service, ...counts } = this.totals;
    return {
      from: period.from,
      to: period.to,
      hall: { id: config.hall.id, name: config.hall.name },
      generatedAt: this.o.generatedAt,
      until,
      totals: { ...counts, wait: wait.stat(), service: service.stat() },
      queues: this.queues.all().map((q) => q.report()),
      windows: this.windows.all().map((w) => w.report()),
      officers: this.officers.all().map((o) => o.report()),
      hours: this.hours.map((h) => h.report()),
      ratings: { ...this.ratings.summary(), low: [...this.low] },
      days: [...this.days.values()].map((d) => d.report()),
      outcomes: this.outcomes.outcomes(),
      matters: this.outcomes.matters(),
    };
  }

  private issued({ ticket }: EventPayload<'ticket:issued'>, at: number, inPeriod: boolean): void {
    const hour = this.clock.at(ticket.issuedAt).hour;
    this.tickets.set(ticket.id, {
      queueId: ticket.queueId,
      issueQueueId: ticket.queueId,
      serviceId: ticket.serviceId,
      issuedAt: ticket.issuedAt,
      issueHour: hour,
      waiting: inPeriod,
    });
    if (!inPeriod) return;
    const q = this.queues.get(ticket.queueId);
    if (q.prefix === '') q.prefix = ticket.number.replace(/\d+$/, '');
    q.issued++;
    this.totals.issued++;
    if (ticket.green !== null) this.totals.green++;
    if (ticket.appointment !== null) this.totals.appointments++;
    if (ticket.issuedBy != null) this.totals.guided++;
    this.hours[hour]!.issued++;
    const day = this.day(at);
    if (day !== undefined) day.issued++;
  }

  private called(p: EventPayload<'ticket:called'>, at: number, inPeriod: boolean): void {
    this.windows.get(p.windowId);
    this.officers.get(p.officerId);
    this.time.called(p.windowId, p.ticketId, at);
    const t = this.tickets.get(p.ticketId);
    if (t === undefined || !t.waiting || !inPeriod) return;
    // Only the first call: after a transfer the ticket is called again, but the citizen's wait ended here.
    t.waiting = false;
    const waitS = Math.round((at - t.issuedAt) / 1000);
    this.totals.wait.add(waitS);
    this.queues.get(t.issueQueueId).wait.add(waitS);
    this.hours[t.issueHour]!.addWait(waitS);
  }

  private finished(p: EventPayload<'ticket:finished'>, at: number, inPeriod: boolean): void {
    this.time.released(p.windowId, p.ticketId, at);
    if (inPeriod) {
      this.totals.served++;
      this.totals.service.add(p.serviceS);
      const q = this.queueOfTicket(p.ticketId);
      if (q !== undefined) {
        q.served++;
        q.service.add(p.serviceS);
      }
      const matters = this.outcomes.finished(
        p,
        this.tickets.get(p.ticketId)?.serviceId ?? this.o.serviceOf?.(p.ticketId),
      );
      const w = this.windows.get(p.windowId);
      w.served++;
      w.matters += matters;
      w.service.add(p.serviceS);
      const o = this.officers.get(p.officerId);
      o.served++;
      o.matters += matters;
      o.service.add(p.serviceS);
      this.hours[this.clock.at(at).hour]!.served++;
      const day = this.day(at);
      if (day !== undefined) day.served++;
    }
    this.tickets.delete(p.ticketId);
  }

  private noShow(p: EventPayload<'ticket:no-show'>, at: number, inPeriod: boolean): void {
    this.time.released(p.windowId, p.ticketId, at);
    if (inPeriod) {
      this.totals.noShow++;
      const q = this.queueOfTicket(p.ticketId);
      if (q !== undefined) q.noShow++;
      this.windows.get(p.windowId).noShow++;
      this.officers.get(p.officerId).noShow++;
      const day = this.day(at);
      if (day !== undefined) day.noShow++;
    }
    this.tickets.delete(p.ticketId);
  }

  private transferred(p: EventPayload<'ticket:transferred'>, at: number, inPeriod: boolean): void {
    if (p.fromWindowId !== null) this.time.released(p.fromWindowId, p.ticketId, at);
    if (inPeriod) {
      this.totals.transferred++;
      this.queues.get(p.fromQueueId).transferred++;
    }
    const t = this.tickets.get(p.ticketId);
    if (t !== undefined) t.queueId = p.toQueueId;
    // Issued before the period: remember where it went, so its finish lands in the right queue.
    else
      this.tickets.set(p.ticketId, {
        queueId: p.toQueueId,
        issueQueueId: p.fromQueueId,
        issuedAt: at,
        issueHour: 0,
        waiting: false,
      });
  }

  private rated({ rating: r }: EventPayload<'ticket:rated'>): void {
    this.ratings.add(r.level);
    this.windows.get(r.windowId).ratings.add(r.level);
    this.officers.get(r.officerId).ratings.add(r.level);
    if (r.level <= LOW_RATING)
      this.low.push({
        ticketNumber: r.ticketNumber,
        windowId: r.windowId,
        officerId: r.officerId,
        level: r.level,
        reason: r.reason,
        at: r.at,
      });
  }

  private queueOfTicket(ticketId: string): QueueTally | undefined {
    const id = this.tickets.get(ticketId)?.queueId ?? this.o.queueOf?.(ticketId);
    return id === undefined ? undefined : this.queues.get(id);
  }

  private day(at: number): DayTally | undefined {
    return this.days.get(this.clock.at(at).day);
  }
}
