import {
  createState,
  drainDirty,
  runCommand,
  tick,
  type CommandOutcome,
  type EngineCommand,
  type HallState,
} from '@yichuang/engine';
import type { Actor, CommandName, DomainEvent, HallConfig, WindowConfig } from '@yichuang/protocol';

/**
 * The real engine, driven the way the hub drives it (tick, then the command, on one state), with
 * a virtual clock and deterministic ids. It also keeps count of the waiting tickets, so that an
 * idle window asks the engine for the next ticket only when there is one it may call.
 */
export class HallDriver {
  readonly state: HallState;
  private ids = 0;
  private requests = 0;
  /** Times at which time-driven events can fire (opening, closing, end of extended service, midnight). */
  private boundaries: number[] = [];
  /** Waiting tickets by id: their queue and, if bound to one, their window. */
  private readonly waitingTickets = new Map<string, { queueId: string; target: string | null }>();
  private readonly untargeted = new Map<string, number>();
  private untargetedTotal = 0;
  private readonly targeted = new Map<string, number>();

  constructor(
    config: HallConfig,
    day: string,
    private readonly observe: (event: DomainEvent) => void,
    /**
     * The hub ticks before every command. Between the boundaries a tick finds nothing to do (the
     * business day has not turned and no opening-hours edge has passed; holder changes are followed
     * by the empty-post check inside runCommand), and each tick costs several time-zone
     * conversions, so by default the driver ticks only when a boundary is due. A test runs both ways.
     */
    private readonly tickEveryCommand = false,
  ) {
    this.state = createState(config, day);
  }

  addBoundaries(times: readonly number[]): void {
    this.boundaries.push(...times);
    this.boundaries.sort((a, b) => a - b);
  }

  /** Time-driven events at `now`. */
  tick(now: number): void {
    while (this.boundaries.length > 0 && this.boundaries[0]! <= now) this.boundaries.shift();
    for (const e of tick(this.state, now)) this.apply(e);
  }

  run<C extends CommandName>(
    command: Extract<EngineCommand, { name: C }>,
    actor: Actor,
    now: number,
  ): CommandOutcome<C> {
    if (this.tickEveryCommand || (this.boundaries.length > 0 && this.boundaries[0]! <= now)) this.tick(now);
    const outcome = runCommand(this.state, command, actor, now, () => `t${++this.ids}`);
    if (outcome.ok) for (const e of outcome.events) this.apply(e);
    return outcome;
  }

  nextRequestId(): string {
    return `sim-${++this.requests}`;
  }

  /** Is a ticket waiting that this window may call (call-rules.ts: isEligible)? */
  hasEligible(window: WindowConfig): boolean {
    if ((this.targeted.get(window.id) ?? 0) > 0) return true;
    if (window.queues === 'all') return this.untargetedTotal > 0;
    return window.queues.some((q) => (this.untargeted.get(q) ?? 0) > 0);
  }

  /** Waiting tickets per queue, bound ones included. */
  waitingByQueue(): Map<string, number> {
    const out = new Map<string, number>();
    for (const t of this.waitingTickets.values()) out.set(t.queueId, (out.get(t.queueId) ?? 0) + 1);
    return out;
  }

  get waitingCount(): number {
    return this.waitingTickets.size;
  }

  private apply(e: DomainEvent): void {
    switch (e.type) {
      case 'ticket:issued':
        this.addWaiting(e.payload.ticket.id, e.payload.ticket.queueId, e.payload.ticket.targetWindowId);
        break;
      case 'ticket:called':
      case 'ticket:carried-over':
      case 'ticket:expired':
        this.removeWaiting(e.payload.ticketId);
        break;
      case 'ticket:transferred':
      case 'hall:day-started':
        // Carried tickets turn waiting at the rollover without an event of their own: count afresh.
        this.recount();
        if (e.type === 'hall:day-started') drainDirty(this.state); // nobody stores them: keep memory flat
        break;
      default:
        break;
    }
    this.observe(e);
  }

  private addWaiting(id: string, queueId: string, target: string | null): void {
    this.waitingTickets.set(id, { queueId, target });
    if (target === null) {
      this.untargeted.set(queueId, (this.untargeted.get(queueId) ?? 0) + 1);
      this.untargetedTotal++;
    } else this.targeted.set(target, (this.targeted.get(target) ?? 0) + 1);
  }

  private removeWaiting(id: string): void {
    const t = this.waitingTickets.get(id);
    if (t === undefined) return;
    this.waitingTickets.delete(id);
    if (t.target === null) {
      this.untargeted.set(t.queueId, this.untargeted.get(t.queueId)! - 1);
      this.untargetedTotal--;
    } else this.targeted.set(t.target, this.targeted.get(t.target)! - 1);
  }

  private recount(): void {
    this.waitingTickets.clear();
    this.untargeted.clear();
    this.targeted.clear();
    this.untargetedTotal = 0;
    for (const t of this.state.tickets.values())
      if (t.status === 'waiting') this.addWaiting(t.id, t.queueId, t.targetWindowId);
  }
}
