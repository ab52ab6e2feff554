import { z } from 'zod';
import { fail, optionalQuery, queryDay, type Ack } from '@yichuang/protocol';
import { businessDay } from '@yichuang/engine';
import { extractHistory } from '@yichuang/simulator';
import type { HubContext } from '../hub-context.ts';
import { currentPlan, planningDay } from '../simulation/current-plan.ts';
import { daysWithTickets, readDayEvents } from '../simulation/day-events.ts';
import { historyView, type HistoryView } from '../simulation/history-view.ts';
import { checkCurve, checkOpenDay, checkPlan } from '../simulation/run-checks.ts';
import { runRequestSchema, type RunRequest } from '../simulation/run-request.ts';
import type { SimulationJob, SimulationResult } from '../simulation/simulation-job.ts';
import { SimulationRunner } from '../simulation/simulation-runner.ts';
import { queryOf, type RouteSpec } from './route-spec.ts';

const historyQuerySchema = z.object({ date: optionalQuery(queryDay) });

const MANAGER = ['manager'] as const;

/** One simulation thread per hub (tests run several hubs in one process). */
const runners = new WeakMap<HubContext, SimulationRunner>();
function runnerOf(hub: HubContext): SimulationRunner {
  let r = runners.get(hub);
  if (r === undefined) {
    r = new SimulationRunner();
    runners.set(hub, r);
  }
  return r;
}

/** The asked day, or the last day before today with tickets (today's, when it is the only one). */
function history(hub: HubContext, date: string | undefined): Ack<HistoryView> {
  const config = hub.bus.config;
  const tz = config.hall.timezone;
  const recent = daysWithTickets(hub.db, 31);
  const today = businessDay(hub.clock(), tz);
  const day = date ?? (recent.find((d) => d.day < today) ?? recent[0])?.day;
  const extract = day === undefined ? null : extractHistory(readDayEvents(hub.db, day, tz), day);
  return { ok: true, data: historyView(config, extract, recent) };
}

function run(hub: HubContext, body: RunRequest): Promise<Ack<SimulationResult>> | Ack<SimulationResult> {
  const config = hub.bus.config;
  for (const [i, plan] of body.plans.entries()) {
    const refused = checkPlan(config, plan, i);
    if (refused !== null) return { ok: false, error: refused };
  }
  let demand: SimulationJob['demand'];
  if (body.demand.kind === 'replay') {
    const { day } = body.demand;
    const events = readDayEvents(hub.db, day, config.hall.timezone);
    if (!events.some((e) => e.type === 'ticket:issued'))
      return {
        ok: false,
        error: fail(
          'NOT_FOUND',
          `${day} 没有取号记录，无从回放；请换一天或改用客流曲线 / no tickets were issued on ${day} to replay`,
          'demand.day',
        ),
      };
    demand = { kind: 'replay', day, events };
  } else {
    const refused = checkCurve(config, body.demand.curve);
    if (refused !== null) return { ok: false, error: refused };
    demand = { kind: 'curve', curve: body.demand.curve };
  }
  const day = body.on ?? (demand.kind === 'replay' ? demand.day : planningDay(config, hub.clock()));
  const closed = checkOpenDay(config, day);
  if (closed !== null) return { ok: false, error: closed };
  return runnerOf(hub).run({
    config,
    day,
    demand,
    serviceTimes: body.serviceTimes,
    plans: body.plans,
    seed: body.seed,
    noShow: body.noShow,
  });
}

/** 排班模拟: what-if runs of the staffing simulator for the manager, on a thread of their own. */
export const simulationRoutes: RouteSpec[] = [
  {
    method: 'GET',
    url: '/api/simulation/history',
    summary:
      'What a replay of a day would repeat (?date=YYYY-MM-DD, default the last day before today with tickets): ' +
      'arrivals per queue and hour, fitted service times, recent days with tickets',
    auth: MANAGER,
    query: historyQuerySchema,
    handle: (hub, req) => history(hub, queryOf(historyQuerySchema, req).date),
  },
  {
    method: 'GET',
    url: '/api/simulation/plan',
    summary: "Today's hall as a window plan: every open window with its queues and green channel, the day's hours",
    auth: MANAGER,
    handle: (hub) => ({ ok: true, data: currentPlan(hub.bus.config, hub.clock()) }),
  },
  {
    method: 'POST',
    url: '/api/simulation/run',
    summary:
      'Simulate a day under one plan, or compare two on the same citizens: demand replayed from a day or drawn ' +
      'from a curve; one run at a time (409 SIMULATION_BUSY), stopped after 20 s',
    auth: MANAGER,
    body: runRequestSchema,
    handle: (hub, req) => run(hub, runRequestSchema.parse(req.body)),
  },
];
