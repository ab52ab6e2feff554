import type { HallConfig, PauseReason } from '@yichuang/protocol';
import { hoursOn } from '@yichuang/engine';
import type { LocalClock } from './local-clock.ts';
import type { ReportPeriod } from './report-period.ts';
import type { OfficerTally, Registry, WindowTally } from './report-tallies.ts';

/**
 * Time spent at the windows: holding a ticket (busy), paused, and empty posts. Each is an
 * interval; only the part inside the period counts, and one still open counts up to `until`.
 */
export class WindowTime {
  private readonly pauses = new Map<string, { reason: PauseReason; officerId: string; since: number }>();
  private readonly emptySince = new Map<string, number>();
  private readonly holding = new Map<string, { ticketId: string; since: number }>();

  constructor(
    private readonly config: HallConfig,
    private readonly period: ReportPeriod,
    private readonly clock: LocalClock,
    private readonly windows: Registry<WindowTally>,
    private readonly officers: Registry<OfficerTally>,
  ) {}

  called(windowId: string, ticketId: string, at: number): void {
    this.holding.set(windowId, { ticketId, since: at });
  }

  /** A window stops holding a ticket; a call made before the events read counts from the period's start. */
  released(windowId: string, ticketId: string, at: number): void {
    const h = this.holding.get(windowId);
    if (h !== undefined && h.ticketId !== ticketId) return;
    this.holding.delete(windowId);
    this.windows.get(windowId).busyMs += this.clip(h?.since ?? this.period.start, at);
  }

  /** The day rollover expires a ticket still at a window. */
  expired(ticketId: string, at: number): void {
    for (const [windowId, h] of this.holding) if (h.ticketId === ticketId) this.released(windowId, ticketId, at);
  }

  paused(windowId: string, officerId: string, reason: PauseReason, at: number): void {
    this.pauses.set(windowId, { reason, officerId, since: at });
  }

  /**
   * A pause ends on resume or sign-out, whose pausedS gives its length even when it began before
   * the events read; its reason and officer come from the pause itself when known.
   */
  pauseEnded(windowId: string, at: number, pausedS: number | null, closer: string): void {
    const open = this.pauses.get(windowId);
    this.pauses.delete(windowId);
    if (pausedS === null && open === undefined) return;
    const since = pausedS === null ? open!.since : at - pausedS * 1000;
    this.addPause(windowId, open?.officerId ?? closer, open?.reason ?? 'other', since, at);
  }

  emptyStarted(windowId: string, at: number): void {
    this.emptySince.set(windowId, at);
  }

  emptyEnded(windowId: string, at: number, durationS: number): void {
    // The engine counts only promised hours: the post was empty from its start for durationS.
    const since = this.emptySince.get(windowId) ?? at - durationS * 1000;
    this.emptySince.delete(windowId);
    this.windows.get(windowId).emptyMs += this.clip(since, since + durationS * 1000);
  }

  /** Count what is still open up to `until`; an empty post, as the engine would, only up to closing. */
  closeAll(until: number): void {
    for (const [windowId, p] of this.pauses) this.addPause(windowId, p.officerId, p.reason, p.since, until);
    for (const [windowId, since] of this.emptySince) {
      const close = hoursOn(this.config.hall, this.clock.at(since).day)?.close ?? until;
      this.windows.get(windowId).emptyMs += this.clip(since, Math.min(until, close));
    }
    for (const [windowId, h] of this.holding) this.windows.get(windowId).busyMs += this.clip(h.since, until);
    this.pauses.clear();
    this.emptySince.clear();
    this.holding.clear();
  }

  private addPause(windowId: string, officerId: string, reason: PauseReason, from: number, to: number): void {
    const s = this.clip(from, to) / 1000;
    if (s <= 0) return;
    this.windows.get(windowId).pauses.add(reason, s);
    this.officers.get(officerId).pauses.add(reason, s);
  }

  /** Milliseconds of [from, to) inside the period. */
  private clip(from: number, to: number): number {
    return Math.max(0, Math.min(to, this.period.end) - Math.max(from, this.period.start));
  }
}
