import type { HallConfig } from '@yichuang/protocol';
import type { DayRun, TicketRecord } from './day-run.ts';
import type { HourOutput, QueueOutput, SimulationOutput, WindowOutput } from './simulation-output.ts';
import { clockText } from './service-day.ts';
import { waitStats } from './statistics.ts';

const HOUR_MS = 3_600_000;

const waitMs = (t: TicketRecord): number => t.calledAt! - t.issuedAt;
const round1 = (x: number): number => Math.round(x * 10) / 10;

/** A raw simulated day as its output: waits per queue and hour, window utilisation, the queue over the day. */
export function summarizeDay(run: DayRun, config: HallConfig, plan: string, seed: number): SimulationOutput {
  const own = run.tickets.filter((t) => !t.carriedIn);
  const called = own.filter((t) => t.calledAt !== null);
  const served = run.tickets.filter((t) => t.outcome === 'served');
  const finished = served.map((t) => t.finishedAt!).sort((a, b) => a - b);
  const last = finished.at(-1);
  return {
    day: run.day,
    plan,
    seed,
    openingHours:
      run.span === null
        ? null
        : {
            open: clockText(run.span.open, run.midnight),
            close: clockText(run.span.close, run.midnight),
            serviceEnd: clockText(run.span.end, run.midnight),
            ...(run.span.configuredEnd === null
              ? {}
              : { configuredServiceEnd: clockText(run.span.configuredEnd, run.midnight) }),
          },
    totals: {
      arrivals: run.citizens,
      issued: own.length,
      refused: run.refused,
      called: called.length,
      served: served.length,
      noShow: run.tickets.filter((t) => t.outcome === 'no-show').length,
      carriedOver: run.carriedOver,
      carriedIn: run.tickets.length - own.length,
      expired: run.tickets.filter((t) => t.outcome === 'expired').length,
      wait: waitStats(called.map(waitMs)),
      meanServiceS:
        served.length === 0
          ? 0
          : round1(served.reduce((a, t) => a + (t.finishedAt! - t.calledAt!), 0) / served.length / 1000),
      lastFinish: last === undefined ? null : clockText(last, run.midnight),
    },
    queues: config.queues.map((q): QueueOutput => {
      const mine = own.filter((t) => t.queueId === q.id);
      return {
        queueId: q.id,
        name: q.name,
        issued: mine.length,
        served: mine.filter((t) => t.outcome === 'served').length,
        noShow: mine.filter((t) => t.outcome === 'no-show').length,
        carriedOver: mine.filter((t) => t.outcome === 'carried').length,
        wait: waitStats(mine.filter((t) => t.calledAt !== null).map(waitMs)),
      };
    }),
    byHour: byHour(own, run.midnight, config),
    windows: run.windows.map(({ windowId, totals }): WindowOutput => {
      const cfg = config.windows.find((w) => w.id === windowId)!;
      const openMs = totals.staffedMs - totals.pausedMs;
      return {
        windowId,
        name: cfg.name,
        queues: cfg.queues,
        greenChannel: cfg.greenChannel,
        staffedS: Math.round(totals.staffedMs / 1000),
        pausedS: Math.round(totals.pausedMs / 1000),
        busyS: Math.round(totals.busyMs / 1000),
        utilisation: openMs <= 0 ? 0 : Math.round((totals.busyMs / openMs) * 10_000) / 10_000,
        called: totals.called,
        served: totals.served,
        noShow: totals.noShow,
      };
    }),
    queueLength: run.samples.map((s) => {
      const byQueue = Object.fromEntries(config.queues.map((q) => [q.id, s.waiting[q.id] ?? 0]));
      return { at: clockText(s.at, run.midnight), total: Object.values(byQueue).reduce((a, b) => a + b, 0), byQueue };
    }),
  };
}

function byHour(tickets: readonly TicketRecord[], midnight: number, config: HallConfig): HourOutput[] {
  const hours = new Map<number, TicketRecord[]>();
  for (const t of tickets) {
    const h = Math.floor((t.issuedAt - midnight) / HOUR_MS);
    const list = hours.get(h) ?? [];
    list.push(t);
    hours.set(h, list);
  }
  return [...hours.entries()]
    .sort(([a], [b]) => a - b)
    .map(([h, list]) => {
      const called = list.filter((t) => t.calledAt !== null);
      const byQueue: Record<string, ReturnType<typeof waitStats>> = {};
      for (const q of config.queues) {
        const mine = called.filter((t) => t.queueId === q.id);
        if (list.some((t) => t.queueId === q.id)) byQueue[q.id] = waitStats(mine.map(waitMs));
      }
      return {
        hour: `${String(h).padStart(2, '0')}:00`,
        issued: list.length,
        all: waitStats(called.map(waitMs)),
        byQueue,
      };
    });
}
