import { hoursOn, localToEpoch } from '@yichuang/engine';
import type { Actor, DomainEvent, HallConfig } from '@yichuang/protocol';
import { appointmentCode, slotText, type DayRun, type RunSettings, type SimDay } from './day-run.ts';
import { EventQueue } from './event-queue.ts';
import { HallDriver } from './hall-driver.ts';
import { carryOverWindow, SIM_MANAGER_ID, simOfficerId } from './hall-variant.ts';
import type { Plan, PlanPause } from './input-schema.ts';
import { SimulationError } from './simulation-error.ts';
import { RunLedger } from './run-ledger.ts';
import { serviceSpan } from './service-day.ts';
import { WindowAgent } from './window-agent.ts';

type Step =
  | { kind: 'tick' }
  | { kind: 'book'; day: number }
  | { kind: 'arrive'; day: number; citizen: number }
  | { kind: 'sign-in' | 'sign-out' | 'resume'; window: number }
  | { kind: 'pause'; window: number; pause: PlanPause }
  | { kind: 'release'; window: number; ticketId: string }
  | { kind: 'poll' }
  | { kind: 'sample' | 'service-end'; day: number };

const KIOSK: Actor = { kind: 'device', role: 'kiosk', deviceId: 'sim-kiosk' };
const MANAGER: Actor = { kind: 'officer', role: 'manager', officerId: SIM_MANAGER_ID };
/** What a kiosk may refuse a citizen for; anything else refused is a simulator bug. */
const REFUSALS = new Set(['HALL_CLOSED', 'UNKNOWN_SERVICE']);

/**
 * Consecutive days of a hall under one plan, on one engine state: the engine's own day rollover
 * runs between them, so tickets carried over at closing come back the next day at their window.
 */
export function runHall(config: HallConfig, plan: Plan, days: readonly SimDay[], settings: RunSettings): DayRun[] {
  return new HallRun(config, plan, days, settings).run();
}

class HallRun {
  private readonly driver: HallDriver;
  private readonly agenda = new EventQueue<Step>();
  private readonly agents: WindowAgent[];
  private readonly ledger: RunLedger;
  private readonly runs: DayRun[] = [];
  private readonly carryTo: string;
  private now = 0;

  constructor(
    private readonly config: HallConfig,
    private readonly plan: Plan,
    private readonly days: readonly SimDay[],
    private readonly settings: RunSettings,
  ) {
    if (days.length === 0) throw new SimulationError('no day to simulate');
    const observe = (e: DomainEvent): void => {
      settings.onEvent?.(e);
      this.ledger.observe(e);
    };
    this.driver = new HallDriver(config, days[0]!.day, observe, settings.tickEveryCommand);
    this.agents = plan.windows.map((p, i) => {
      const cfg = config.windows.find((w) => w.id === p.id)!;
      return new WindowAgent(cfg, i, { kind: 'officer', role: 'officer', officerId: simOfficerId(i) });
    });
    this.ledger = new RunLedger(days, this.agents, () => this.driver.state, this.runs);
    this.carryTo = carryOverWindow(config, plan);
    days.forEach((_, d) => this.schedule(d));
  }

  run(): DayRun[] {
    for (let step = this.agenda.pop(); step !== undefined; step = this.agenda.pop()) {
      this.now = step.t;
      this.handle(step.item);
    }
    this.ledger.closeDay(this.now);
    return this.runs;
  }

  private schedule(d: number): void {
    const { day, citizens } = this.days[d]!;
    const tz = this.config.hall.timezone;
    const hours = hoursOn(this.config.hall, day);
    const midnight = localToEpoch(day, '00:00', tz);
    this.runs.push({
      day,
      hours,
      span: null,
      midnight,
      citizens: citizens.length,
      refused: 0,
      tickets: [],
      windows: [],
      samples: [],
      carriedOver: 0,
    });
    const at = (t: number, step: Step): void => this.agenda.push(t, step);
    if (d > 0) {
      this.driver.addBoundaries([midnight]);
      at(midnight, { kind: 'tick' });
    }
    at(midnight, { kind: 'book', day: d });
    if (hours !== null) {
      const span = serviceSpan(hours, day, tz);
      this.runs[d]!.span = span;
      // The turn is ticked too, as the hub ticks it: a ticket still in service at midnight expires there.
      const edges = [span.open, span.close, span.end, span.turn];
      this.driver.addBoundaries(edges);
      for (const t of edges) at(t, { kind: 'tick' });
      this.plan.windows.forEach((w, i) => {
        for (const s of w.shifts ?? [{}]) {
          const from = s.from === undefined ? span.open : localToEpoch(day, s.from, tz);
          const to = s.to === undefined ? span.end : localToEpoch(day, s.to, tz);
          if (to <= from) throw new SimulationError(`${w.id}: 班次须先开始后结束 / a shift must end after it starts`);
          at(from, { kind: 'sign-in', window: i });
          at(to, { kind: 'sign-out', window: i });
        }
      });
      for (const p of this.plan.pauses) {
        const i = this.plan.windows.findIndex((w) => w.id === p.window);
        at(localToEpoch(day, p.from, tz), { kind: 'pause', window: i, pause: p });
      }
      at(span.open, { kind: 'poll' });
      const stepMs = this.settings.sampleMinutes * 60_000;
      // Samples stop short of the turn: after it, tickets carried over count as the next day's.
      for (let t = span.open; t <= span.end && t < span.turn; t += stepMs) at(t, { kind: 'sample', day: d });
      at(span.carryAt, { kind: 'service-end', day: d });
    }
    citizens.forEach((c, i) => at(c.at, { kind: 'arrive', day: d, citizen: i }));
  }

  private handle(step: Step): void {
    const a = 'window' in step ? this.agents[step.window]! : undefined;
    switch (step.kind) {
      case 'tick':
        return this.driver.tick(this.now);
      case 'book':
        return this.book(step.day);
      case 'arrive':
        return this.arrive(step.day, step.citizen);
      case 'poll':
        return this.poll();
      case 'sign-in':
        if (a!.signedIn) return;
        this.windowCommand(a!, 'window:sign-in');
        return this.poll();
      case 'sign-out':
        if (!a!.signedIn) return;
        if (a!.ticketId !== null) a!.leaving = true;
        else this.windowCommand(a!, 'window:sign-out');
        return;
      case 'pause':
        if (!a!.signedIn || a!.paused) return;
        if (a!.ticketId !== null) a!.pendingPause = step.pause;
        else this.startPause(a!, step.pause);
        return;
      case 'resume':
        if (!a!.signedIn || !a!.paused) return;
        this.windowCommand(a!, 'window:resume');
        return this.poll();
      case 'release':
        return this.release(a!, step.ticketId);
      case 'sample':
        this.runs[step.day]!.samples.push({ at: this.now, waiting: Object.fromEntries(this.driver.waitingByQueue()) });
        return;
      case 'service-end':
        if (this.driver.waitingCount > 0)
          this.expectOk(
            this.driver.run(
              {
                name: 'hall:carry-over',
                payload: { requestId: this.driver.nextRequestId(), toWindowId: this.carryTo },
              },
              MANAGER,
              this.now,
            ),
            'hall:carry-over',
          );
        return;
    }
  }

  /** Appointments of the day are booked at its midnight, before anyone arrives. */
  private book(d: number): void {
    const { day, citizens } = this.days[d]!;
    citizens.forEach((c, i) => {
      if (c.appointment === null) return;
      const [start, end] = slotText(c.appointment.slotStart, c.appointment.slotEnd, this.runs[d]!.midnight);
      const payload = {
        requestId: this.driver.nextRequestId(),
        code: appointmentCode(d, i),
        serviceId: c.serviceId,
        day,
        start,
        end,
      };
      const outcome = this.driver.run({ name: 'appointment:book', payload }, MANAGER, this.now);
      if (!outcome.ok && outcome.error.code !== 'UNKNOWN_SERVICE') this.expectOk(outcome, 'appointment:book');
    });
  }

  private arrive(d: number, i: number): void {
    const c = this.days[d]!.citizens[i]!;
    const payload = {
      requestId: this.driver.nextRequestId(),
      serviceId: c.serviceId,
      ...(c.green === null ? {} : { green: c.green }),
      ...(c.appointment === null ? {} : { appointmentCode: appointmentCode(d, i) }),
    };
    this.ledger.taking = { day: d, citizen: i };
    const outcome = this.driver.run({ name: 'ticket:take', payload }, KIOSK, this.now);
    this.ledger.taking = null;
    if (!outcome.ok) {
      if (!REFUSALS.has(outcome.error.code)) this.expectOk(outcome, 'ticket:take');
      this.runs[d]!.refused++;
      return;
    }
    this.poll();
  }

  /** Every idle window, the longest idle first, calls next if a ticket is waiting that it may call. */
  private poll(): void {
    const span = this.runs[this.ledger.current]!.span;
    if (span === null || this.now < span.open || this.now >= span.end) return;
    const idle = this.agents.filter((a) => a.idle).sort((x, y) => x.idleSince - y.idleSince || x.order - y.order);
    for (const a of idle) if (this.driver.hasEligible(a.cfg)) this.callNext(a);
  }

  private callNext(a: WindowAgent): void {
    const ticket = this.windowCommand(a, 'window:call-next').ticket;
    if (ticket === null)
      throw new SimulationError(`${a.cfg.id}: 引擎未叫到号 / the engine called nothing although a ticket was eligible`);
    const rec = this.ledger.record(ticket.id);
    if (rec.noShow) {
      this.agenda.push(this.now + this.settings.noShowWaitMs, {
        kind: 'release',
        window: a.order,
        ticketId: ticket.id,
      });
      return;
    }
    this.windowCommand(a, 'window:start');
    this.agenda.push(this.now + rec.serviceMs, { kind: 'release', window: a.order, ticketId: ticket.id });
  }

  private release(a: WindowAgent, ticketId: string): void {
    if (a.ticketId !== ticketId) return; // the ticket expired at a rollover meanwhile
    this.windowCommand(a, this.ledger.record(ticketId).noShow ? 'window:no-show' : 'window:finish');
    if (a.leaving) this.windowCommand(a, 'window:sign-out');
    else if (a.pendingPause !== null) this.startPause(a, a.pendingPause);
    else this.poll();
  }

  private startPause(a: WindowAgent, pause: PlanPause): void {
    a.pendingPause = null;
    const payload = { requestId: this.driver.nextRequestId(), windowId: a.cfg.id, reason: pause.reason };
    this.expectOk(this.driver.run({ name: 'window:pause', payload }, a.actor, this.now), 'window:pause');
    this.agenda.push(this.now + pause.minutes * 60_000, { kind: 'resume', window: a.order });
  }

  private windowCommand(
    a: WindowAgent,
    name:
      | 'window:sign-in'
      | 'window:sign-out'
      | 'window:call-next'
      | 'window:start'
      | 'window:finish'
      | 'window:no-show'
      | 'window:resume',
  ): { ticket: { id: string } | null } {
    const outcome = this.driver.run(
      { name, payload: { requestId: this.driver.nextRequestId(), windowId: a.cfg.id } },
      a.actor,
      this.now,
    );
    return this.expectOk(outcome, name);
  }

  private expectOk<R>(
    outcome: { ok: true; result: R } | { ok: false; error: { code: string; message: string } },
    what: string,
  ): R {
    if (!outcome.ok) throw new SimulationError(`${what}: ${outcome.error.code} ${outcome.error.message}`);
    return outcome.result;
  }
}
