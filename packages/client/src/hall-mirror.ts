import type {
  EventEnvelope,
  HallConfig,
  HallSnapshot,
  PublicHallConfig,
  QueueView,
  WindowView,
} from '@yichuang/protocol';
import { evolve, queueViews, restoreState, stateData, windowView, type HallState } from '@yichuang/engine';

export type ApplyResult = 'applied' | 'duplicate' | 'gap';

/**
 * A client's copy of the hall: starts from a snapshot and applies events strictly in `seq` order
 * with the engine's own `evolve`, so it can never drift from the hub. A gap means: ask for a snapshot.
 */
export class HallMirror {
  private state: HallState | null = null;
  private seqNo = 0;
  private configData: PublicHallConfig | null = null;

  get ready(): boolean {
    return this.state !== null;
  }

  get seq(): number {
    return this.seqNo;
  }

  get config(): PublicHallConfig | null {
    return this.configData;
  }

  /**
   * The engine state itself, for views the mirror's methods do not give (finished tickets, first
   * sign-ins, the day). Read only: the mirror alone applies events to it.
   */
  get hall(): HallState | null {
    return this.state;
  }

  applySnapshot(s: HallSnapshot): void {
    this.configData = s.config;
    // Public configs carry no PIN hashes or keys; the engine needs neither to apply events.
    this.state = restoreState(s.config as unknown as HallConfig, s.state);
    this.seqNo = s.seq;
  }

  applyEvent(e: EventEnvelope): ApplyResult {
    if (this.state === null) return 'gap';
    if (e.seq <= this.seqNo) return 'duplicate';
    if (e.seq !== this.seqNo + 1) return 'gap';
    evolve(this.state, e);
    this.seqNo = e.seq;
    return 'applied';
  }

  windows(): WindowView[] {
    const s = this.state;
    return s === null ? [] : s.model.config.windows.map((w) => windowView(s, w.id));
  }

  queues(now: number): QueueView[] {
    return this.state === null ? [] : queueViews(this.state, now);
  }

  /** Tickets not yet finished (waiting, called, serving, carried over), oldest first. */
  activeTickets(): ReturnType<typeof stateData>['tickets'] {
    if (this.state === null) return [];
    return stateData(this.state).tickets.filter((t) => ['waiting', 'called', 'serving', 'carried'].includes(t.status));
  }

  /** The most recent calls, newest first (for displays). */
  recentCalls(limit = 10): { ticketId: string; number: string; windowId: string; calledAt: number }[] {
    if (this.state === null) return [];
    return [...this.state.tickets.values()]
      .filter((t) => t.calledAt !== null && t.windowId !== null)
      .sort((a, b) => b.calledAt! - a.calledAt!)
      .slice(0, limit)
      .map((t) => ({ ticketId: t.id, number: t.number, windowId: t.windowId!, calledAt: t.calledAt! }));
  }
}
