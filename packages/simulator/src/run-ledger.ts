import type { HallState } from '@yichuang/engine';
import type { DomainEvent } from '@yichuang/protocol';
import type { DayRun, SimDay, TicketRecord } from './day-run.ts';
import { SimulationError } from './simulation-error.ts';
import type { WindowAgent } from './window-agent.ts';

/**
 * What happened, read from the engine's events: a record per ticket, the windows' time, the day's
 * counts. The agents' state follows the same events, so that what the simulated officers believe
 * is what the engine decided (a rollover that signs everyone out included).
 */
export class RunLedger {
  readonly runs: DayRun[];
  private readonly records = new Map<string, TicketRecord>();
  private readonly agentAt: Map<string, WindowAgent>;
  /** Index of the engine's business day among the simulated days. */
  current = 0;
  /** The citizen whose ticket:take is being run, so that the issued ticket is theirs. */
  taking: { day: number; citizen: number } | null = null;

  constructor(
    private readonly days: readonly SimDay[],
    private readonly agents: readonly WindowAgent[],
    private readonly state: () => HallState,
    runs: DayRun[],
  ) {
    this.runs = runs;
    this.agentAt = new Map(agents.map((a) => [a.cfg.id, a]));
  }

  record(ticketId: string): TicketRecord {
    const rec = this.records.get(ticketId);
    if (rec === undefined) throw new SimulationError(`no record of ticket ${ticketId}`);
    return rec;
  }

  observe(e: DomainEvent): void {
    const rec =
      'ticketId' in e.payload && e.payload.ticketId !== null ? this.records.get(e.payload.ticketId) : undefined;
    const agent = 'windowId' in e.payload ? this.agentAt.get(e.payload.windowId) : undefined;
    switch (e.type) {
      case 'ticket:issued':
        return this.issued(e.payload.ticket.id, e.at);
      case 'ticket:called':
        if (rec !== undefined) Object.assign(rec, { calledAt: e.at, windowId: e.payload.windowId, outcome: 'called' });
        return agent?.called(e.at, e.payload.ticketId);
      case 'ticket:finished':
      case 'ticket:no-show': {
        const outcome = e.type === 'ticket:finished' ? 'served' : 'no-show';
        if (rec !== undefined) Object.assign(rec, { finishedAt: e.at, outcome });
        return agent?.released(e.at, outcome);
      }
      case 'ticket:carried-over':
        if (rec !== undefined) rec.outcome = 'carried';
        this.runs[this.current]!.carriedOver++;
        return;
      case 'ticket:expired':
        if (rec !== undefined) rec.outcome = 'expired';
        for (const a of this.agents) if (a.ticketId === e.payload.ticketId) a.released(e.at, 'expired');
        return;
      case 'window:signed-in':
        return agent?.signedInNow(e.at);
      case 'window:signed-out':
        return agent?.signedOut(e.at);
      case 'window:paused':
        return agent?.pausedNow(e.at);
      case 'window:resumed':
        return agent?.resumed(e.at);
      case 'hall:day-started':
        return this.dayStarted(e.payload.day, e.at);
      default:
        return;
    }
  }

  /** The windows' totals of the current day, once (at its rollover or at the end of the run). */
  closeDay(now: number): void {
    const run = this.runs[this.current]!;
    if (run.windows.length > 0) return;
    run.windows = this.agents.map((a) => ({ windowId: a.cfg.id, totals: a.takeTotals(now) }));
  }

  private issued(ticketId: string, at: number): void {
    if (this.taking === null) return;
    const { day, citizen } = this.taking;
    const c = this.days[day]!.citizens[citizen]!;
    const t = this.state().tickets.get(ticketId)!;
    const rec: TicketRecord = {
      day,
      citizen,
      ticketId,
      queueId: t.queueId,
      serviceId: c.serviceId,
      green: t.green !== null,
      appointment: t.appointment !== null,
      carriedIn: false,
      issuedAt: at,
      calledAt: null,
      finishedAt: null,
      windowId: null,
      outcome: 'waiting',
      serviceMs: c.serviceMs,
      noShow: c.noShow,
    };
    this.records.set(ticketId, rec);
    this.runs[day]!.tickets.push(rec);
  }

  /** The engine has rolled over: close the old day; tickets carried in get a record of the new one. */
  private dayStarted(day: string, at: number): void {
    this.closeDay(at);
    const next = this.days.findIndex((d) => d.day === day);
    // The turn after the last day simulated (service ran up to midnight): nothing of it is simulated.
    if (next < 0 && day > this.days.at(-1)!.day) return;
    if (next < 0) throw new SimulationError(`the engine rolled over to ${day}, which is not simulated`);
    this.current = next;
    for (const t of this.state().tickets.values()) {
      const old = this.records.get(t.id);
      if (t.status !== 'waiting' || old === undefined) continue;
      const rec: TicketRecord = {
        ...old,
        day: next,
        citizen: -1,
        carriedIn: true,
        calledAt: null,
        finishedAt: null,
        windowId: null,
        outcome: 'waiting',
      };
      this.records.set(t.id, rec);
      this.runs[next]!.tickets.push(rec);
    }
  }
}
