import type { Actor, WindowConfig } from '@yichuang/protocol';
import type { PlanPause } from './input-schema.ts';

export interface WindowTotals {
  /** Signed in, pauses included. */
  staffedMs: number;
  pausedMs: number;
  /** From each call to its finish or no-show. */
  busyMs: number;
  called: number;
  served: number;
  noShow: number;
}

const emptyTotals = (): WindowTotals => ({ staffedMs: 0, pausedMs: 0, busyMs: 0, called: 0, served: 0, noShow: 0 });

/**
 * A planned window and its simulated officer. Its state follows the engine's events (so a
 * rollover that signs everyone out is seen as such); the officer's intentions that the engine
 * does not know, a pause or a sign-out waiting for the ticket in hand, are kept here.
 */
export class WindowAgent {
  signedIn = false;
  paused = false;
  ticketId: string | null = null;
  /** A pause due while a ticket was in hand: taken right after it. */
  pendingPause: PlanPause | null = null;
  /** The shift ended while a ticket was in hand: sign out right after it. */
  leaving = false;
  /** Since when the window has been free to call (the longest-idle window calls first). */
  idleSince = 0;
  private totals = emptyTotals();
  private signedInAt = 0;
  private pausedAt = 0;
  private busyAt = 0;

  constructor(
    readonly cfg: WindowConfig,
    readonly order: number,
    readonly actor: Actor,
  ) {}

  get idle(): boolean {
    return this.signedIn && this.ticketId === null && !this.paused && !this.leaving;
  }

  signedInNow(at: number): void {
    this.signedIn = true;
    this.paused = false;
    this.leaving = false;
    this.signedInAt = at;
    this.idleSince = at;
  }

  signedOut(at: number): void {
    if (!this.signedIn) return;
    if (this.paused) this.totals.pausedMs += at - this.pausedAt;
    this.totals.staffedMs += at - this.signedInAt;
    this.signedIn = false;
    this.paused = false;
    this.leaving = false;
    this.pendingPause = null;
  }

  pausedNow(at: number): void {
    this.paused = true;
    this.pausedAt = at;
  }

  resumed(at: number): void {
    if (!this.paused) return;
    this.totals.pausedMs += at - this.pausedAt;
    this.paused = false;
    this.idleSince = at;
  }

  called(at: number, ticketId: string): void {
    this.ticketId = ticketId;
    this.busyAt = at;
    this.totals.called++;
  }

  released(at: number, outcome: 'served' | 'no-show' | 'expired'): void {
    this.totals.busyMs += at - this.busyAt;
    this.ticketId = null;
    this.idleSince = at;
    if (outcome === 'served') this.totals.served++;
    else if (outcome === 'no-show') this.totals.noShow++;
  }

  /** The day's totals, counting what is still open up to `at`; the agent starts counting afresh. */
  takeTotals(at: number): WindowTotals {
    const out = { ...this.totals };
    if (this.signedIn) {
      out.staffedMs += at - this.signedInAt;
      this.signedInAt = at;
      if (this.paused) {
        out.pausedMs += at - this.pausedAt;
        this.pausedAt = at;
      }
    }
    if (this.ticketId !== null) {
      out.busyMs += at - this.busyAt;
      this.busyAt = at;
    }
    this.totals = emptyTotals();
    return out;
  }
}
