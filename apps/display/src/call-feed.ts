import type { EventEnvelope, Ticket } from '@yichuang/protocol';

/** The fields of a ticket a display needs to show and announce a call: never citizen data. */
export type CalledTicket = Pick<Ticket, 'id' | 'number' | 'windowId' | 'calledAt' | 'recalls' | 'status'>;

export interface CallEntry {
  /** Unique per call and per recall. */
  key: string;
  ticketId: string;
  number: string;
  windowId: string;
  recall: boolean;
  /** Local time the display learnt of it (the hub's clock may differ): drives the highlight. */
  seenAt: number;
}

export interface CallFeedOptions {
  /** Calls kept for the screen; older ones fall off (weeks of uptime, bounded memory). */
  limit?: number;
  /** A zone display shows and announces only its windows. */
  include?: (windowId: string) => boolean;
}

const signature = (t: CalledTicket): string => `${t.calledAt ?? ''}:${t.recalls}`;

/**
 * Turns the hub's stream into the calls a display shows and speaks: from events in seq order when
 * it has them (exact order, even for calls in the same millisecond), and by comparing with what it
 * knew when a snapshot replaced its state (after a reconnect, a hub restart or a gap), so a call
 * made while the display was cut off is still announced, and none is announced twice.
 */
export class CallFeed {
  private entries: CallEntry[] = [];
  /** Ticket id → the call it was last announced for (calledAt and recall count). */
  private known = new Map<string, string>();
  private counter = 0;
  private readonly limit: number;
  private readonly include: (windowId: string) => boolean;

  constructor(o: CallFeedOptions = {}) {
    this.limit = o.limit ?? 24;
    this.include = o.include ?? (() => true);
  }

  /** Newest first, one entry per ticket. */
  get list(): readonly CallEntry[] {
    return this.entries;
  }

  /** The first state of this page: what is already called is shown, not announced. */
  start(tickets: readonly CalledTicket[], now: number): void {
    this.known.clear();
    this.entries = [];
    const called = tickets.filter((t) => t.calledAt !== null && t.windowId !== null);
    for (const t of called) this.known.set(t.id, signature(t));
    const recent = called
      .filter((t) => this.include(t.windowId!))
      .sort((a, b) => b.calledAt! - a.calledAt!)
      .slice(0, this.limit);
    this.entries = recent.map((t) => this.entry(t, t.windowId!, false, now));
  }

  /**
   * Events that the mirror has just applied, in seq order. `lookup` reads a ticket from the
   * mirror (its number; the state after the whole batch). Returns the calls to announce.
   */
  applyEvents(
    events: readonly EventEnvelope[],
    lookup: (id: string) => CalledTicket | undefined,
    now: number,
  ): CallEntry[] {
    const fresh: CallEntry[] = [];
    for (const e of events) {
      if (e.type === 'hall:day-started') {
        this.entries = [];
        this.known.clear();
        fresh.length = 0;
        continue;
      }
      if (e.type !== 'ticket:called' && e.type !== 'ticket:recalled') continue;
      const t = lookup(e.payload.ticketId);
      if (t === undefined) continue;
      this.known.set(t.id, signature(t));
      if (!this.include(e.payload.windowId)) continue;
      const entry = this.entry(t, e.payload.windowId, e.type === 'ticket:recalled', now);
      fresh.push(entry);
      this.push(entry);
    }
    return fresh;
  }

  /**
   * A snapshot replaced the state: announce the calls made meanwhile (those still waiting for
   * their citizen, oldest first) and forget tickets the hub no longer holds (a new day).
   */
  resync(tickets: readonly CalledTicket[], now: number): CallEntry[] {
    const held = new Set(tickets.map((t) => t.id));
    this.entries = this.entries.filter((e) => held.has(e.ticketId));
    for (const id of [...this.known.keys()]) if (!held.has(id)) this.known.delete(id);

    const fresh: CallEntry[] = [];
    const candidates = tickets
      .filter((t) => t.status === 'called' && t.calledAt !== null && t.windowId !== null)
      .sort((a, b) => a.calledAt! - b.calledAt!);
    for (const t of candidates) {
      const before = this.known.get(t.id);
      const now_ = signature(t);
      if (before === now_) continue;
      this.known.set(t.id, now_);
      if (!this.include(t.windowId!)) continue;
      const sameCall = before !== undefined && before.split(':')[0] === String(t.calledAt);
      const entry = this.entry(t, t.windowId!, sameCall && t.recalls > 0, now);
      fresh.push(entry);
      this.push(entry);
    }
    return fresh;
  }

  private entry(t: CalledTicket, windowId: string, recall: boolean, now: number): CallEntry {
    return { key: `${t.id}#${++this.counter}`, ticketId: t.id, number: t.number, windowId, recall, seenAt: now };
  }

  private push(e: CallEntry): void {
    this.entries = [e, ...this.entries.filter((x) => x.ticketId !== e.ticketId)].slice(0, this.limit);
  }
}
