import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { alwaysOpen } from '../../apps/hub/src/always-open.ts';
import { startHub, type Harness } from '../support/hub-harness.ts';
import { testHallConfig } from '../support/test-hall.ts';

/**
 * 排班模拟 over REST. A Monday morning in a two-window hall is scripted: 60 citizens in two hours,
 * served in 6 to 10 minutes, far more than two windows keep up with. On Tuesday the manager replays
 * it under today's windows and under one more window.
 */

const DAY = '2026-11-23'; // Monday
const MIDNIGHT = Date.UTC(2026, 10, 22, 16, 0); // 2026-11-23 00:00 in Shanghai
const at = (h: number, m: number, day = 0): number => MIDNIGHT + ((day * 24 + h) * 60 + m) * 60_000;
const KIOSK = 'kiosk-1-secret';
const SERVICE_MINUTES = [6, 8, 10, 7, 9];

let h: Harness;
let manager: string;
let officer: string;

async function ok(method: string, path: string, body: unknown, bearer: string): Promise<any> {
  const res = await h.api(method, path, body, bearer);
  if (res.status >= 300) throw new Error(`${method} ${path}: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}

/** Minute by minute from 09:00 to noon: a ticket every two minutes until 11:00 (every third a long matter). */
async function playMonday(): Promise<{ issued: Record<string, number>; finished: number }> {
  const tokens = { w1: await h.login('a1'), w2: await h.login('a2') };
  const busyUntil: Record<'w1' | 'w2', number | null> = { w1: null, w2: null };
  const issued: Record<string, number> = {};
  let n = 0;
  let finished = 0;
  h.clock.now = at(8, 50);
  for (const w of ['w1', 'w2'] as const) await ok('POST', `/api/windows/${w}/sign-in`, {}, tokens[w]);
  for (let minute = 0; minute <= 180; minute++) {
    h.clock.now = at(9, minute);
    if (minute < 120 && minute % 2 === 0) {
      const serviceId = (minute / 2) % 3 === 2 ? 'idcard' : 'cert';
      await ok('POST', '/api/tickets', { requestId: `k${minute}`, serviceId }, KIOSK);
      const hour = String(9 + Math.floor(minute / 60)).padStart(2, '0');
      issued[`${serviceId}:${hour}`] = (issued[`${serviceId}:${hour}`] ?? 0) + 1;
    }
    for (const w of ['w1', 'w2'] as const) {
      const until = busyUntil[w];
      if (until !== null && h.clock.now >= until) {
        await ok('POST', `/api/windows/${w}/finish`, {}, tokens[w]);
        finished++;
        busyUntil[w] = null;
      }
      if (busyUntil[w] === null) {
        const call = await ok('POST', `/api/windows/${w}/call-next`, { requestId: `c${++n}` }, tokens[w]);
        if (call.ticket === null) continue;
        await ok('POST', `/api/windows/${w}/start`, {}, tokens[w]);
        busyUntil[w] = h.clock.now + SERVICE_MINUTES[n % SERVICE_MINUTES.length]! * 60_000;
      }
    }
  }
  // Noon: each officer finishes the citizen in hand and signs out; the rest wait (for the simulator, the line).
  for (const w of ['w1', 'w2'] as const) {
    if (busyUntil[w] !== null) await ok('POST', `/api/windows/${w}/finish`, {}, tokens[w]);
    if (busyUntil[w] !== null) finished++;
    await ok('POST', `/api/windows/${w}/sign-out`, {}, tokens[w]);
  }
  return { issued, finished };
}

let monday: { issued: Record<string, number>; finished: number };

beforeAll(async () => {
  h = await startHub(testHallConfig({ windows: 2, hours: 'weekdays' }), at(8, 30));
  monday = await playMonday();
  h.clock.now = at(10, 0, 1); // Tuesday 10:00
  manager = await h.login('m1');
  officer = await h.login('a1');
}, 60_000);

afterAll(async () => {
  await h?.close();
});

const todaysPlan = async (): Promise<any> => (await ok('GET', '/api/simulation/plan', undefined, manager)).plan;
const replay = (plans: unknown[], extra: Record<string, unknown> = {}): Promise<{ status: number; body: any }> =>
  h.api('POST', '/api/simulation/run', { demand: { kind: 'replay', day: DAY }, plans, seed: 7, ...extra }, manager);

/** A curve of 2,000 quick matters an hour: a run that keeps the simulation thread busy for seconds. */
const HEAVY_CURVE = {
  queues: [
    {
      queue: 'quick',
      perHour: Object.fromEntries(['09', '10', '11', '12', '13', '14', '15', '16'].map((x) => [x, 2000])),
    },
  ],
};

describe('GET /api/simulation/history', () => {
  it('defaults to the last day before today with tickets: arrivals per queue and hour, fitted service times', async () => {
    const body = await ok('GET', '/api/simulation/history', undefined, manager);
    expect(body.day).toBe(DAY);
    expect(body.issued).toBe(60);
    const quick = body.queues.find((q: any) => q.queueId === 'quick');
    const long = body.queues.find((q: any) => q.queueId === 'long');
    expect(quick.perHour).toEqual({ '09': monday.issued['cert:09'], '10': monday.issued['cert:10'] });
    expect(long.perHour).toEqual({ '09': monday.issued['idcard:09'], '10': monday.issued['idcard:10'] });
    expect(quick.issued + long.issued).toBe(60);
    expect(quick.name).toBe('小业务');
    // Served in 6 to 10 minutes: the fits say so.
    expect(quick.finished + long.finished).toBe(monday.finished);
    expect(quick.meanServiceS).toBeGreaterThanOrEqual(360);
    expect(quick.meanServiceS).toBeLessThanOrEqual(600);
    expect(quick.serviceTime.kind).toBe('lognormal');
    expect(body.serviceTimes.default.meanS).toBeGreaterThan(360);
    expect(body.recentDays).toEqual([{ day: DAY, tickets: 60 }]);
  });

  it('a day without tickets is an empty day, and a malformed date is refused', async () => {
    const empty = await ok('GET', '/api/simulation/history?date=2026-11-20', undefined, manager);
    expect(empty).toMatchObject({ day: '2026-11-20', issued: 0 });
    expect(empty.queues.every((q: any) => q.issued === 0)).toBe(true);
    const bad = await h.api('GET', '/api/simulation/history?date=23.11.2026', undefined, manager);
    expect(bad.status).toBe(400);
    expect(bad.body.error).toMatchObject({ code: 'VALIDATION_FAILED', field: 'date' });
  });
});

describe('GET /api/simulation/plan', () => {
  it('is today’s hall: the open windows with their queues and green channel, the day’s hours', async () => {
    const body = await ok('GET', '/api/simulation/plan', undefined, manager);
    expect(body.day).toBe('2026-11-24');
    expect(body.hours).toEqual({ open: '09:00', close: '17:00', serviceEnd: '17:30' });
    expect(body.queues.map((q: { id: string }) => q.id)).toEqual(['quick', 'long']);
    expect(body.plan.windows).toEqual([
      { id: 'w1', number: 1, name: '1号窗口', queues: 'all', greenChannel: true },
      { id: 'w2', number: 2, name: '2号窗口', queues: ['quick'], greenChannel: false },
    ]);
  });

  it('leaves out a window the manager closed', async () => {
    await ok('POST', '/api/windows/w2/open', { open: false }, manager);
    const windows = (await todaysPlan()).windows.map((w: { id: string }) => w.id);
    await ok('POST', '/api/windows/w2/open', { open: true }, manager);
    expect(windows).toEqual(['w1']);
  });
});

describe('POST /api/simulation/run', () => {
  it('replays Monday under today’s windows', async () => {
    const res = await replay([await todaysPlan()]);
    expect(res.status).toBe(200);
    const { a, b, difference, replayOf, day, serviceTimes } = res.body;
    expect({ day, replayOf, b, difference }).toEqual({ day: DAY, replayOf: DAY, b: null, difference: null });
    expect(a.totals.arrivals).toBe(60);
    expect(a.totals.issued).toBe(60);
    expect(a.totals.wait.meanS).toBeGreaterThan(600); // two windows and 30 an hour: a long line
    expect(a.windows.map((w: { windowId: string }) => w.windowId)).toEqual(['w1', 'w2']);
    expect(a.queueLength.length).toBeGreaterThan(90);
    expect(serviceTimes.default.meanS).toBeGreaterThan(360); // Monday's own fits
  });

  it('one more window lowers the mean wait, on the same citizens', async () => {
    const planA = await todaysPlan();
    const planB = { ...planA, name: '加开一个窗口', windows: [...planA.windows, { id: 'extra-1', queues: 'all' }] };
    const res = await replay([planA, planB]);
    expect(res.status).toBe(200);
    const { a, b, difference } = res.body;
    expect(b.totals.arrivals).toBe(a.totals.arrivals);
    expect(b.totals.wait.meanS).toBeLessThan(a.totals.wait.meanS);
    expect(difference.meanWaitS).toBeLessThan(0);
    expect(difference.meanWaitS).toBeCloseTo(b.totals.wait.meanS - a.totals.wait.meanS, 0);
    const extra = b.windows.find((w: any) => w.windowId === 'extra-1');
    expect(extra).toMatchObject({ name: '3号窗口', queues: 'all' });
    expect(extra.served).toBeGreaterThan(0);
    expect(difference.staffedHours).toBeGreaterThan(8);
  });

  it('the same seed gives the same output, another seed other service times', async () => {
    const plan = await todaysPlan();
    const strip = (body: any): unknown => ({ ...body, runMs: 0 });
    const [first, second, other] = [await replay([plan]), await replay([plan]), await replay([plan], { seed: 8 })];
    expect(strip(first.body)).toEqual(strip(second.body));
    expect(other.body.a.totals.wait.meanS).not.toBe(first.body.a.totals.wait.meanS);
  });

  it('draws a curve and takes service times as given', async () => {
    const curve = { greenShare: 0.1, queues: [{ queue: 'quick', perHour: { '09': 12, '10': 12 } }] };
    const res = await h.api(
      'POST',
      '/api/simulation/run',
      {
        demand: { kind: 'curve', curve },
        serviceTimes: { byQueue: { quick: { kind: 'fixed', s: 120 } } },
        plans: [await todaysPlan()],
      },
      manager,
    );
    expect(res.status).toBe(200);
    expect(res.body.day).toBe('2026-11-24'); // today, the hall being open
    expect(res.body.replayOf).toBeNull();
    expect(res.body.a.totals.issued).toBeGreaterThan(10);
    expect(res.body.a.totals.meanServiceS).toBe(120);
  });

  it('runs on its own thread: a call-next answers within 100 ms meanwhile, a second run is told to wait', async () => {
    await ok('POST', '/api/windows/w1/sign-in', {}, officer);
    let done = false;
    const long = h
      .api(
        'POST',
        '/api/simulation/run',
        { demand: { kind: 'curve', curve: HEAVY_CURVE }, plans: [await todaysPlan()] },
        manager,
      )
      .finally(() => {
        done = true;
      });
    await new Promise((r) => setTimeout(r, 300));
    const started = performance.now();
    const call = await h.api('POST', '/api/windows/w1/call-next', { requestId: 'during-sim' }, officer);
    const tookMs = performance.now() - started;
    expect(call.status).toBe(200);
    expect(tookMs).toBeLessThan(100);
    const busy = await replay([await todaysPlan()]);
    expect(done).toBe(false); // the call and the refusal came while the simulation was still running
    expect(busy.status).toBe(409);
    expect(busy.body.error.code).toBe('SIMULATION_BUSY');
    const res = await long;
    expect(res.status).toBe(200);
    expect(res.body.a.totals.issued).toBeGreaterThan(10_000);
    expect(res.body.runMs).toBeGreaterThan(tookMs);
  });

  it('refuses bad input with the field at fault, and changes nothing', async () => {
    const plan = await todaysPlan();
    const before = h.db.prepare('SELECT COUNT(*) AS n FROM events').get();
    const cases: [unknown, number, string | undefined, RegExp][] = [
      [{ demand: { kind: 'replay', day: DAY }, plans: [] }, 400, 'plans', /./],
      [
        { demand: { kind: 'replay', day: DAY }, plans: [plan, { windows: [{ id: 'w9', queues: [] }] }] },
        400,
        'plans.1.windows.0.queues',
        /至少办理一个队列/,
      ],
      [
        { demand: { kind: 'replay', day: DAY }, plans: [{ windows: [{ id: 'w1', queues: ['nope'] }] }] },
        400,
        'plans.0.windows.0.queues',
        /队列 nope 不存在/,
      ],
      [
        { demand: { kind: 'replay', day: DAY }, plans: [{ windows: [{ id: 'new-1' }] }] },
        400,
        'plans.0.windows.0.queues',
        /须选择办理的队列/,
      ],
      [
        {
          demand: { kind: 'replay', day: DAY },
          plans: [{ windows: [{ id: 'w1', shifts: [{ from: '12:00', to: '09:00' }] }] }],
        },
        400,
        'plans.0.windows.0.shifts.0.to',
        /上岗时间须早于下岗时间/,
      ],
      [{ demand: { kind: 'replay', day: DAY }, plans: [plan], seed: -1 }, 400, 'seed', /./],
      [
        { demand: { kind: 'curve', curve: { queues: [{ queue: 'vehicle', perHour: { '09': 5 } }] } }, plans: [plan] },
        400,
        'demand.curve.queues.0.queue',
        /没有队列 vehicle/,
      ],
      [
        {
          demand: { kind: 'curve', curve: { queues: [{ queue: 'quick', perHour: { '09': 60_000 } }] } },
          plans: [plan],
        },
        400,
        'demand.curve',
        /超过上限/,
      ],
      [{ demand: { kind: 'replay', day: DAY }, plans: [plan], on: '2026-11-29' }, 400, 'on', /不开放/],
      [{ demand: { kind: 'replay', day: '2026-11-20' }, plans: [plan] }, 404, 'demand.day', /没有取号记录/],
    ];
    for (const [body, status, field, message] of cases) {
      const res = await h.api('POST', '/api/simulation/run', body, manager);
      expect(res.status, JSON.stringify(body)).toBe(status);
      expect(res.body.error.field, JSON.stringify(res.body)).toBe(field);
      expect(res.body.error.message).toMatch(message);
    }
    expect(h.db.prepare('SELECT COUNT(*) AS n FROM events').get()).toEqual(before);
  });

  it('is for managers only', async () => {
    const plan = await todaysPlan();
    const body = { demand: { kind: 'replay', day: DAY }, plans: [plan] };
    for (const [method, path, payload] of [
      ['GET', '/api/simulation/history', undefined],
      ['GET', '/api/simulation/plan', undefined],
      ['POST', '/api/simulation/run', body],
    ] as const) {
      expect((await h.api(method, path, payload)).status, `${path} anonymous`).toBe(401);
      expect((await h.api(method, path, payload, KIOSK)).status, `${path} kiosk`).toBe(403);
      const res = await h.api(method, path, payload, officer);
      expect(res.status, `${path} officer`).toBe(403);
      expect(res.body.error.code).toBe('FORBIDDEN');
    }
  });
});

/**
 * The demo as `npm start` runs it: db/seed/demo-hall.json with --always-open (00:00–23:59 every day and
 * 30 minutes of extended service, which would run to 00:29 the next day). A citizen tries the kiosk late
 * on Monday evening; on Tuesday the manager opens 排班模拟 and runs today's hall.
 */
describe('排班模拟 on the demo hall, always open', () => {
  let demo: Harness;
  let boss: string;
  const DEMO_KIOSK = 'demo-kiosk-1-key';

  beforeAll(async () => {
    const config = JSON.parse(readFileSync(new URL('../../db/seed/demo-hall.json', import.meta.url), 'utf8'));
    demo = await startHub(config, at(23, 20), { adjustConfig: alwaysOpen });
    for (let i = 0; i < 6; i++) {
      demo.clock.now = at(23, 20 + i * 5);
      const serviceId = i % 2 === 0 ? 'no-criminal-record' : 'id-card-renew';
      const res = await demo.api('POST', '/api/tickets', { requestId: `late-${i}`, serviceId }, DEMO_KIOSK);
      expect(res.status, JSON.stringify(res.body)).toBe(201);
    }
    demo.clock.now = at(10, 0, 1);
    boss = await demo.login('9001', '9999');
  }, 60_000);

  afterAll(async () => {
    await demo?.close();
  });

  it('offers today’s hall with service up to midnight, saying when extended service was meant to end', async () => {
    const res = await demo.api('GET', '/api/simulation/plan', undefined, boss);
    expect(res.status).toBe(200);
    expect(res.body.hours).toEqual({
      open: '00:00',
      close: '23:59',
      serviceEnd: '24:00',
      configuredServiceEnd: '24:29',
    });
    expect(res.body.plan.windows).toHaveLength(8);
  });

  it('runs today’s hall on a typical curve and on the late tickets of Monday', async () => {
    const plan = (await demo.api('GET', '/api/simulation/plan', undefined, boss)).body.plan;
    const curve = {
      greenShare: 0.05,
      queues: [
        { queue: 'hukou-quick', perHour: { '09': 20, '10': 18, '14': 16, '23': 4 } },
        { queue: 'vehicle', perHour: { '09': 6, '15': 6 } },
      ],
    };
    const run = await demo.api(
      'POST',
      '/api/simulation/run',
      { demand: { kind: 'curve', curve }, plans: [plan] },
      boss,
    );
    expect(run.status, JSON.stringify(run.body)).toBe(200);
    expect(run.body.day).toBe('2026-11-24');
    expect(run.body.a.openingHours).toEqual({
      open: '00:00',
      close: '23:59',
      serviceEnd: '24:00',
      configuredServiceEnd: '24:29',
    });
    const t = run.body.a.totals;
    expect(t.issued).toBeGreaterThan(50);
    expect(t.issued).toBe(t.served + t.noShow + t.carriedOver + t.expired);
    expect(run.body.a.queueLength.at(-1).at).toBe('23:55');

    const replay = await demo.api(
      'POST',
      '/api/simulation/run',
      {
        demand: { kind: 'replay', day: DAY },
        plans: [plan, { ...plan, name: '少开两个窗口', windows: plan.windows.slice(2) }],
      },
      boss,
    );
    expect(replay.status, JSON.stringify(replay.body)).toBe(200);
    expect(replay.body.replayOf).toBe(DAY);
    expect(replay.body.a.totals.issued).toBe(6);
    expect(replay.body.b.totals.issued).toBe(6);
    expect(replay.body.a.byHour.map((h: { hour: string }) => h.hour)).toEqual(['23:00']);
  });
});
