import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hallReportSchema, type HallReport } from '@yichuang/protocol';
import { startHub, type Harness } from '../support/hub-harness.ts';
import { testHallConfig } from '../support/test-hall.ts';

/**
 * A whole scripted Monday in the weekday hall (09:00–17:00, 30 extended minutes). The script keeps
 * its own tally from what it did and the times it set on the clock, never from the hub's events,
 * and the report must agree with it to the second.
 */
const DAY = '2026-11-23';
const MIDNIGHT = Date.UTC(2026, 10, 22, 16, 0); // 2026-11-23 00:00 in Shanghai
const clockAt = (h: number, m: number, s = 0): number => MIDNIGHT + ((h * 60 + m) * 60 + s) * 1000;
const OPEN = clockAt(9, 0);
const CLOSE = clockAt(17, 0);
const STOP_CALLING = clockAt(17, 10);
const MAX_RECALLS = 3; // testHallConfig's callRules
const KIOSK = 'kiosk-1-secret';
const OFFICERS = ['a1', 'b1', 'a2', 'b2', 'a3', 'b3', 'a4', 'b4'];
const LEAVING = ['away', 'meeting', 'meal'];
const LOW_REASONS = ['waited-long', 'attitude', 'slow', '窗口人员解释不耐心'];

type Reason = 'away' | 'meeting' | 'meal' | 'other';
type Queue = 'quick' | 'long';

/** mulberry32: a seeded generator, so the day is the same on every run. */
function seeded(seed: number): () => number {
  let s = seed;
  return () => {
    s = (s + 0x6d2b79f5) | 0;
    let t = Math.imul(s ^ (s >>> 15), 1 | s);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// ---- the independent tally and how it is expected to appear in the report ----

const noPauses = (): Record<Reason, number> => ({ away: 0, meeting: 0, meal: 0, other: 0 });
const queueCounts = () => ({
  issued: 0,
  served: 0,
  noShow: 0,
  transferred: 0,
  carriedOver: 0,
  waits: [] as number[],
  services: [] as number[],
});
const staffCounts = () => ({
  served: 0,
  matters: 0,
  noShow: 0,
  services: [] as number[],
  pauseS: noPauses(),
  ratings: [] as number[],
});

function stat(xs: number[]) {
  if (xs.length === 0) return { count: 0, meanS: 0, p50S: 0, p90S: 0 };
  const s = [...xs].sort((a, b) => a - b);
  const nearestRank = (p: number) => s[Math.ceil((p / 100) * s.length) - 1];
  return {
    count: s.length,
    meanS: Math.round(s.reduce((a, b) => a + b, 0) / s.length),
    p50S: nearestRank(50),
    p90S: nearestRank(90),
  };
}
function ratingSummary(levels: number[]) {
  const n = (l: number) => levels.filter((x) => x === l).length;
  const count = levels.length;
  return {
    count,
    mean: count === 0 ? 0 : Math.round((levels.reduce((a, b) => a + b, 0) / count) * 100) / 100,
    levels: { '1': n(1), '2': n(2), '3': n(3), '4': n(4), '5': n(5) },
    satisfiedRate: count === 0 ? 0 : Math.round(((n(4) + n(5)) / count) * 10000) / 10000,
  };
}
const minutes = (seconds: number) => Math.round((seconds / 60) * 10) / 10;
const pauseMinutes = (p: Record<Reason, number>) => ({
  away: minutes(p.away),
  meeting: minutes(p.meeting),
  meal: minutes(p.meal),
  other: minutes(p.other),
});
const hourOf = (at: number) => Math.floor((at - MIDNIGHT) / 3600_000);

interface ScriptTicket {
  id: string;
  number: string;
  /** The ticket's page with its secret, as the kiosk got it (`/t/<id>?s=…`): the citizen rates with it. */
  link: string;
  queue: Queue;
  issueQueue: Queue;
  serviceId: string;
  issuedAt: number;
  called: boolean;
}
interface ScriptWindow {
  id: string;
  holder: string | null;
  pause: { reason: Reason; since: number; officer: string } | null;
  current: { ticket: ScriptTicket; calledAt: number; startedAt: number | null; recalls: number } | null;
  emptySince: number | null;
  plans: { at: number; run: () => Promise<void> }[];
}

class ScriptedDay {
  readonly rng = seeded(20261123);
  readonly tokens: Record<string, string> = {};
  readonly tickets = new Map<string, ScriptTicket>();
  readonly waiting = new Set<string>();
  readonly signedIn = new Set<string>();
  readonly windows: ScriptWindow[] = ['w1', 'w2', 'w3', 'w4'].map((id) => ({
    id,
    holder: null,
    pause: null,
    current: null,
    emptySince: null,
    plans: [],
  }));
  readonly totals = { ...queueCounts(), green: 0, appointments: 0, guided: 0, greenGranted: 0 };
  readonly queues = { quick: queueCounts(), long: queueCounts() };
  readonly win = new Map(this.windows.map((w) => [w.id, { ...staffCounts(), busyMs: 0, emptyMs: 0, emptyPosts: 0 }]));
  readonly officer = new Map(
    OFFICERS.map((o) => [
      o,
      { ...staffCounts(), signIns: [] as { day: string; windowId: string; earlyMinutes: number; early: boolean }[] },
    ]),
  );
  readonly hours = Array.from({ length: 24 }, () => ({ issued: 0, served: 0, waits: [] as number[] }));
  readonly ratings: number[] = [];
  readonly low: {
    ticketNumber: string;
    windowId: string;
    officerId: string;
    level: number;
    reason: string;
    at: number;
  }[] = [];
  /** Outcomes at finish, drawn from their own generator so the rest of the day stays as it was. */
  private readonly outcomeRng = seeded(17);
  readonly outcomes = { matters: 0, done: 0, accepted: 0, acceptedPending: 0, refused: 0, notice: 0 };
  readonly byMatter = new Map<string, typeof this.outcomes>();
  readonly refusalsByReason: Record<string, number> = {};
  readonly seen = { autoNoShows: 0, noShows: 0, recalledThenServed: 0, unstartedFinishes: 0 };
  private agenda: { at: number; seq: number; run: () => Promise<void> | void }[] = [];
  private seq = 0;
  private requests = 0;

  constructor(private readonly h: Harness) {}

  get now(): number {
    return this.h.clock.now;
  }
  int(lo: number, hi: number): number {
    return lo + Math.floor(this.rng() * (hi - lo + 1));
  }
  w(id: string): ScriptWindow {
    return this.windows.find((w) => w.id === id)!;
  }

  schedule(at: number, run: () => Promise<void> | void): void {
    this.agenda.push({ at, seq: this.seq++, run });
  }
  after(seconds: number, run: () => Promise<void> | void): void {
    this.schedule(this.now + seconds * 1000, run);
  }
  async run(): Promise<void> {
    while (this.agenda.length > 0) {
      this.agenda.sort((a, b) => a.at - b.at || a.seq - b.seq);
      const next = this.agenda.shift()!;
      this.h.clock.now = next.at;
      await next.run();
    }
  }

  async ok(method: string, path: string, body: unknown, bearer: string | undefined): Promise<any> {
    const res = await this.h.api(method, path, body, bearer);
    if (res.status >= 300)
      throw new Error(
        `${method} ${path} at ${new Date(this.now).toISOString()}: ${res.status} ${JSON.stringify(res.body)}`,
      );
    return res.body;
  }
  private verb(w: ScriptWindow, verb: string, body: unknown = {}): Promise<any> {
    return this.ok('POST', `/api/windows/${w.id}/${verb}`, body, this.tokens[w.holder!]);
  }

  /** 空岗, as the rules define it: during opening hours, nobody holds the post or the holder has left it. */
  syncEmpty(): void {
    const open = this.now >= OPEN && this.now < CLOSE;
    for (const w of this.windows) {
      const empty = open && (w.holder === null || (w.pause !== null && LEAVING.includes(w.pause.reason)));
      if (empty && w.emptySince === null) {
        w.emptySince = this.now;
        this.win.get(w.id)!.emptyPosts++;
      } else if (!empty && w.emptySince !== null) {
        this.win.get(w.id)!.emptyMs += Math.min(this.now, CLOSE) - w.emptySince;
        w.emptySince = null;
      }
    }
  }

  async issue(body: { serviceId?: string; green?: boolean; appointmentCode?: string }): Promise<void> {
    const t = await this.ok('POST', '/api/tickets', { requestId: `k${++this.requests}`, ...body }, KIOSK);
    expect(t.issuedAt).toBe(this.now);
    const queue = t.queueId as Queue;
    this.tickets.set(t.id, {
      id: t.id,
      number: t.number,
      link: t.link,
      queue,
      issueQueue: queue,
      serviceId: t.serviceId as string,
      issuedAt: this.now,
      called: false,
    });
    this.waiting.add(t.id);
    this.totals.issued++;
    this.queues[queue].issued++;
    this.hours[hourOf(this.now)]!.issued++;
    if (body.green === true) this.totals.green++;
    if (body.appointmentCode !== undefined) this.totals.appointments++;
  }

  private endPause(w: ScriptWindow): void {
    if (w.pause === null) return;
    const s = (this.now - w.pause.since) / 1000;
    this.win.get(w.id)!.pauseS[w.pause.reason] += s;
    this.officer.get(w.pause.officer)!.pauseS[w.pause.reason] += s;
    w.pause = null;
  }

  async signIn(w: ScriptWindow, officer: string): Promise<void> {
    await this.ok('POST', `/api/windows/${w.id}/sign-in`, {}, this.tokens[officer]);
    this.endPause(w); // a partner taking the post over signs the holder out
    if (!this.signedIn.has(officer)) {
      this.signedIn.add(officer);
      const earlyMinutes = Math.floor((OPEN - this.now) / 60_000);
      this.officer.get(officer)!.signIns.push({ day: DAY, windowId: w.id, earlyMinutes, early: earlyMinutes >= 10 });
    }
    w.holder = officer;
    this.syncEmpty();
  }
  async signOut(w: ScriptWindow): Promise<void> {
    await this.verb(w, 'sign-out');
    this.endPause(w);
    w.holder = null;
    this.syncEmpty();
  }
  async pause(w: ScriptWindow, reason: Reason): Promise<void> {
    await this.verb(w, 'pause', { reason, note: `计划${reason}` });
    w.pause = { reason, since: this.now, officer: w.holder! };
    this.syncEmpty();
  }
  async resume(w: ScriptWindow): Promise<void> {
    await this.verb(w, 'resume');
    this.endPause(w);
    this.syncEmpty();
  }

  async callNext(w: ScriptWindow): Promise<boolean> {
    const body = await this.verb(w, 'call-next', { requestId: `c${++this.requests}` });
    if (body.ticket === null) return false;
    const t = this.tickets.get(body.ticket.id)!;
    if (!t.called) {
      t.called = true;
      const wait = (this.now - t.issuedAt) / 1000;
      this.totals.waits.push(wait);
      this.queues[t.issueQueue].waits.push(wait);
      this.hours[hourOf(t.issuedAt)]!.waits.push(wait);
    }
    this.waiting.delete(t.id);
    w.current = { ticket: t, calledAt: this.now, startedAt: null, recalls: 0 };
    return true;
  }
  private released(w: ScriptWindow): ScriptTicket {
    const c = w.current!;
    this.win.get(w.id)!.busyMs += this.now - c.calledAt;
    w.current = null;
    return c.ticket;
  }
  private countNoShow(w: ScriptWindow): void {
    this.queues[w.current!.ticket.queue].noShow++;
    this.released(w);
    this.totals.noShow++;
    this.win.get(w.id)!.noShow++;
    this.officer.get(w.holder!)!.noShow++;
  }
  async recall(w: ScriptWindow): Promise<void> {
    const body = await this.verb(w, 'recall');
    const c = w.current!;
    if (c.recalls >= MAX_RECALLS) {
      expect(body.window.state).toBe('idle'); // the recall past the limit marks it no-show
      this.seen.autoNoShows++;
      this.countNoShow(w);
    } else {
      c.recalls++;
      expect(body.window.state).toBe('calling');
    }
  }
  async noShow(w: ScriptWindow): Promise<void> {
    await this.verb(w, 'no-show');
    this.seen.noShows++;
    this.countNoShow(w);
  }
  async start(w: ScriptWindow): Promise<void> {
    await this.verb(w, 'start');
    w.current!.startedAt = this.now;
  }
  /**
   * Most finishes are the one-tap 办结 (no matters: the ticket's own matter done); some name the matters
   * handled for the person, the ticket's own and sometimes the other, with drawn outcomes.
   */
  private drawMatters(own: string): { serviceId: string; outcome: string; [k: string]: unknown }[] | null {
    const r = this.outcomeRng;
    if (r() < 0.5) return null;
    const services = r() < 0.3 ? [own, own === 'cert' ? 'idcard' : 'cert'] : [own];
    const kinds = ['done', 'accepted', 'accepted-pending', 'refused', 'notice'] as const;
    const reasons = ['conditions-unmet', 'materials-invalid', 'out-of-scope'] as const;
    return services.map((serviceId) => {
      const outcome = kinds[Math.floor(r() * kinds.length)]!;
      if (outcome === 'refused')
        return { serviceId, outcome, refusalReason: reasons[Math.floor(r() * reasons.length)]!, note: '不符合条件' };
      if (outcome === 'accepted-pending') return { serviceId, outcome, pendingMaterials: ['居民户口簿'] };
      return { serviceId, outcome };
    });
  }

  private countMatters(w: ScriptWindow, t: ScriptTicket, sent: ReturnType<ScriptedDay['drawMatters']>): void {
    const field = {
      done: 'done',
      accepted: 'accepted',
      'accepted-pending': 'acceptedPending',
      refused: 'refused',
      notice: 'notice',
    } as const;
    const matters = sent ?? [{ serviceId: t.serviceId, outcome: 'done' }];
    for (const m of matters) {
      let row = this.byMatter.get(m.serviceId);
      if (row === undefined)
        this.byMatter.set(
          m.serviceId,
          (row = { matters: 0, done: 0, accepted: 0, acceptedPending: 0, refused: 0, notice: 0 }),
        );
      for (const x of [row, this.outcomes]) {
        x.matters++;
        x[field[m.outcome as keyof typeof field]]++;
      }
      if (m.outcome === 'refused') {
        const reason = m.refusalReason as string;
        this.refusalsByReason[reason] = (this.refusalsByReason[reason] ?? 0) + 1;
      }
    }
    this.win.get(w.id)!.matters += matters.length;
    this.officer.get(w.holder!)!.matters += matters.length;
  }

  async finish(w: ScriptWindow): Promise<ScriptTicket> {
    const sent = this.drawMatters(w.current!.ticket.serviceId);
    const answer = await this.verb(w, 'finish', sent === null ? {} : { matters: sent, citizenName: '测试人' });
    expect(answer.matters).toHaveLength(sent?.length ?? 1);
    this.countMatters(w, w.current!.ticket, sent);
    const c = w.current!;
    const serviceS = Math.round((this.now - (c.startedAt ?? c.calledAt)) / 1000);
    if (c.recalls > 0) this.seen.recalledThenServed++;
    if (c.startedAt === null) this.seen.unstartedFinishes++;
    const t = this.released(w);
    for (const x of [this.totals, this.queues[t.queue], this.win.get(w.id)!, this.officer.get(w.holder!)!]) {
      x.served++;
      x.services.push(serviceS);
    }
    this.hours[hourOf(this.now)]!.served++;
    return t;
  }
  async transfer(w: ScriptWindow, toQueueId: Queue): Promise<void> {
    const t = w.current!.ticket;
    await this.ok(
      'POST',
      `/api/tickets/${t.id}/transfer`,
      { toQueueId, note: '应到另一队列办理' },
      this.tokens[w.holder!],
    );
    this.totals.transferred++;
    this.queues[t.queue].transferred++;
    t.queue = toQueueId;
    this.released(w);
    this.waiting.add(t.id);
  }
  async maybeRate(w: ScriptWindow, t: ScriptTicket): Promise<void> {
    if (this.rng() < 0.45) return;
    const roll = this.rng();
    const level = roll < 0.45 ? 5 : roll < 0.7 ? 4 : roll < 0.8 ? 3 : roll < 0.9 ? 2 : 1;
    const reason = level <= 2 ? LOW_REASONS[this.int(0, LOW_REASONS.length - 1)]! : undefined;
    // 好差评 is the citizen's, from their ticket page with the link's secret.
    const secret = new URL(t.link, 'http://hall').searchParams.get('s');
    await this.ok('POST', `/api/tickets/${t.id}/rating`, { secret, level, reason }, undefined);
    this.ratings.push(level);
    this.win.get(w.id)!.ratings.push(level);
    this.officer.get(w.holder!)!.ratings.push(level);
    if (reason !== undefined)
      this.low.push({ ticketNumber: t.number, windowId: w.id, officerId: w.holder!, level, reason, at: this.now });
  }
  async carryOver(toWindowId: string): Promise<void> {
    const body = await this.ok('POST', '/api/hall/carry-over', { requestId: 'carry-1', toWindowId }, this.tokens.m1);
    expect(body.tickets.map((t: { id: string }) => t.id).sort()).toEqual([...this.waiting].sort());
    for (const id of this.waiting) {
      this.totals.carriedOver++;
      this.queues[this.tickets.get(id)!.queue].carriedOver++;
    }
    this.waiting.clear();
  }

  /** An idle window: a due plan (pause, handover), else the next call; after closing, sign out. */
  async act(w: ScriptWindow): Promise<void> {
    const plan = w.plans[0];
    if (plan !== undefined && this.now >= plan.at) {
      w.plans.shift();
      return plan.run();
    }
    if (this.now >= STOP_CALLING) return this.after(this.int(60, 600), () => this.signOut(w));
    if (!(await this.callNext(w))) return this.after(this.int(20, 60), () => this.act(w));
    this.playOut(w);
  }

  /** What happens to a called ticket, decided now, played out step by step on the clock. */
  private playOut(w: ScriptWindow): void {
    const c = w.current!;
    const steps: [number, () => Promise<void>][] = [];
    const roll = this.rng();
    if (roll < 0.07) {
      if (this.rng() < 0.5) steps.push([this.int(20, 40), () => this.recall(w)]);
      steps.push([this.int(20, 40), () => this.noShow(w)]);
    } else if (roll < 0.11) {
      for (let i = 0; i <= MAX_RECALLS; i++) steps.push([this.int(20, 40), () => this.recall(w)]);
    } else if (roll < 0.17 && this.now < clockAt(16, 30)) {
      if (this.rng() < 0.5) steps.push([this.int(10, 30), () => this.start(w)]);
      steps.push([this.int(30, 120), () => this.transfer(w, c.ticket.queue === 'quick' ? 'long' : 'quick')]);
    } else {
      const recalls = roll < 0.3 ? this.int(1, 2) : 0;
      for (let i = 0; i < recalls; i++) steps.push([this.int(20, 40), () => this.recall(w)]);
      if (this.rng() < 0.9) steps.push([this.int(10, 30), () => this.start(w)]);
      const serviceS = c.ticket.queue === 'quick' ? this.int(90, 420) : this.int(480, 1200);
      steps.push([serviceS, async () => this.maybeRate(w, await this.finish(w))]);
    }
    this.chain(steps, () => this.after(this.int(5, 30), () => this.act(w)));
  }
  private chain(steps: [number, () => Promise<void>][], then: () => void): void {
    const [first, ...rest] = steps;
    if (first === undefined) return then();
    this.after(first[0], async () => {
      await first[1]();
      this.chain(rest, then);
    });
  }

  pausePlan(w: ScriptWindow, at: number, reason: Reason, minutesLong: number): void {
    w.plans.push({
      at,
      run: async () => {
        await this.pause(w, reason);
        this.after(minutesLong * 60, async () => {
          await this.resume(w);
          this.after(5, () => this.act(w));
        });
      },
    });
  }

  /** The whole day's script. */
  async play(): Promise<void> {
    for (const o of [...OFFICERS, 'm1']) this.tokens[o] = await this.h.login(o);
    const [w1, w2, w3, w4] = this.windows as [ScriptWindow, ScriptWindow, ScriptWindow, ScriptWindow];

    // Before opening: appointments are booked; three officers sign in early (or not quite: 7½ minutes).
    for (const [code, serviceId, start, end] of [
      ['YY0001', 'idcard', '10:00', '10:30'],
      ['YY0002', 'cert', '14:00', '14:30'],
    ] as const)
      await this.ok(
        'POST',
        '/api/appointments',
        { requestId: code, code, serviceId, day: DAY, start, end },
        this.tokens.m1,
      );
    this.schedule(clockAt(8, 30), () => this.signIn(w1, 'a1'));
    this.schedule(clockAt(8, 45), () => this.signIn(w3, 'a3'));
    this.schedule(clockAt(8, 52, 30), () => this.signIn(w2, 'a2'));
    this.schedule(OPEN, () => {
      this.h.hub.bus.tick(); // w4 is nobody's yet: an empty post from 09:00
      this.syncEmpty();
      for (const w of [w1, w2, w3]) this.after(this.int(1, 20), () => this.act(w));
    });
    this.schedule(clockAt(9, 20), async () => {
      await this.signIn(w4, 'a4'); // 20 minutes late
      this.after(5, () => this.act(w4));
    });
    this.schedule(CLOSE, () => {
      this.h.hub.bus.tick();
      this.syncEmpty();
    });
    this.schedule(clockAt(17, 12), () => this.carryOver('w1'));

    // Arrivals: through the day, a rush before closing that cannot all be served, two appointment check-ins.
    const arrivals: number[] = [];
    for (let i = 0; i < 124; i++) arrivals.push(OPEN + this.int(30, 7 * 3600 + 45 * 60) * 1000);
    for (let i = 0; i < 24; i++) arrivals.push(clockAt(16, 45) + this.int(0, 14 * 60 + 30) * 1000);
    for (const at of arrivals.sort((a, b) => a - b)) {
      const serviceId = this.rng() < 0.75 ? 'cert' : 'idcard';
      const green = this.rng() < 0.08;
      this.schedule(at, () => this.issue(green ? { serviceId, green } : { serviceId }));
    }
    this.schedule(clockAt(9, 55), () => this.issue({ appointmentCode: 'YY0001' }));
    this.schedule(clockAt(13, 58), () => this.issue({ appointmentCode: 'YY0002' }));

    // Pauses of every reason; an A/B handover at w1 (A leaves, B takes over, A takes it back);
    // at w4 A signs out during hours and B signs in 12 minutes later.
    w1.plans.push({
      at: clockAt(10, 30),
      run: async () => {
        await this.pause(w1, 'away');
        this.after(180, async () => {
          await this.signIn(w1, 'b1');
          w1.plans.unshift({
            at: clockAt(11, 15),
            run: async () => {
              await this.signIn(w1, 'a1');
              this.after(5, () => this.act(w1));
            },
          });
          this.after(10, () => this.act(w1));
        });
      },
    });
    this.pausePlan(w3, clockAt(10, 0), 'other', 3);
    this.pausePlan(w4, clockAt(11, 0), 'other', 10);
    this.pausePlan(w2, clockAt(12, 0), 'meal', 40);
    this.pausePlan(w3, clockAt(14, 0), 'meeting', 30);
    this.pausePlan(w2, clockAt(15, 30), 'away', 5);
    w4.plans.push({
      at: clockAt(16, 0),
      run: async () => {
        await this.signOut(w4);
        this.after(12 * 60, async () => {
          await this.signIn(w4, 'b4');
          this.after(5, () => this.act(w4));
        });
      },
    });

    await this.run();
    this.h.clock.now = clockAt(17, 50);
  }

  expectedTotals() {
    const { waits, services, ...counts } = this.totals;
    return { ...counts, wait: stat(waits), service: stat(services) };
  }
  expectedQueues() {
    return (['quick', 'long'] as const).map((id, i) => {
      const { waits, services, ...counts } = this.queues[id];
      return {
        id,
        prefix: i === 0 ? 'A' : 'B',
        name: i === 0 ? '小业务' : '大业务',
        ...counts,
        wait: stat(waits),
        service: stat(services),
      };
    });
  }
  expectedWindows() {
    return this.windows.map((w, i) => {
      const x = this.win.get(w.id)!;
      return {
        id: w.id,
        name: `${i + 1}号窗口`,
        served: x.served,
        matters: x.matters,
        noShow: x.noShow,
        service: stat(x.services),
        busyS: Math.round(x.busyMs / 1000),
        pauseMinutes: pauseMinutes(x.pauseS),
        emptyPostMinutes: minutes(x.emptyMs / 1000),
        emptyPosts: x.emptyPosts,
        ratings: ratingSummary(x.ratings),
      };
    });
  }
  expectedOfficers() {
    return OFFICERS.map((id) => {
      const x = this.officer.get(id)!;
      return {
        id,
        name: `${id.startsWith('a') ? '甲' : '乙'}${id.slice(1)}`,
        served: x.served,
        matters: x.matters,
        noShow: x.noShow,
        service: stat(x.services),
        pauseMinutes: pauseMinutes(x.pauseS),
        signIns: x.signIns,
        ratings: ratingSummary(x.ratings),
      };
    });
  }
  expectedHours() {
    return this.hours.map((x, hour) => ({ hour, issued: x.issued, served: x.served, meanWaitS: stat(x.waits).meanS }));
  }
}

describe('the hall manager’s reports', () => {
  let h: Harness;
  let day: ScriptedDay;
  let report: HallReport;

  beforeAll(async () => {
    h = await startHub(testHallConfig({ hours: 'weekdays' }), clockAt(8, 30));
    day = new ScriptedDay(h);
    await day.play();
    const res = await h.api('GET', `/api/reports/daily?date=${DAY}`, undefined, day.tokens.m1);
    expect(res.status).toBe(200);
    // Parsing checks the wire shape against the protocol's schema.
    report = hallReportSchema.parse(res.body);
  }, 180_000);
  afterAll(async () => {
    await h?.close();
  });

  it('the script covered what the report must count', () => {
    const pauses = [...day.win.values()].map((x) => x.pauseS);
    expect(day.totals.issued).toBe(150);
    expect(day.totals.served).toBeGreaterThan(100);
    expect(day.totals.green).toBeGreaterThanOrEqual(3);
    expect(day.totals.appointments).toBe(2);
    expect(day.totals.transferred).toBeGreaterThanOrEqual(2);
    expect(day.totals.carriedOver).toBeGreaterThanOrEqual(1);
    expect(
      Math.min(day.seen.autoNoShows, day.seen.noShows, day.seen.recalledThenServed, day.seen.unstartedFinishes),
    ).toBeGreaterThan(0);
    for (const reason of ['away', 'meeting', 'meal', 'other'] as const)
      expect(
        pauses.some((p) => p[reason] > 0),
        reason,
      ).toBe(true);
    expect(day.low.length).toBeGreaterThanOrEqual(2);
    expect(day.officer.get('b1')!.signIns).toHaveLength(1);
    expect([...day.win.values()].reduce((n, x) => n + x.emptyPosts, 0)).toBeGreaterThanOrEqual(5);
  });

  it('the report agrees with an independently counted scripted day', () => {
    expect(report).toMatchObject({
      from: DAY,
      to: DAY,
      hall: { id: 'test-hall', name: '测试大厅' },
      generatedAt: h.clock.now,
      until: h.clock.now,
    });
    expect(report.totals).toEqual(day.expectedTotals());
    expect(report.queues).toEqual(day.expectedQueues());
    expect(report.windows).toEqual(day.expectedWindows());
    expect(report.officers).toEqual(day.expectedOfficers());
    expect(report.hours).toEqual(day.expectedHours());
    expect(report.ratings).toEqual({ ...ratingSummary(day.ratings), low: day.low });
    expect(report.days).toEqual([
      { day: DAY, issued: day.totals.issued, served: day.totals.served, noShow: day.totals.noShow },
    ]);
    // 提前10分钟上岗: a1 30 minutes early, a3 15, a2 7½ (not early enough), a4 20 late.
    expect(report.officers.map((o) => [o.id, o.signIns[0]?.earlyMinutes, o.signIns[0]?.early])).toEqual(
      expect.arrayContaining([
        ['a1', 30, true],
        ['a3', 15, true],
        ['a2', 7, false],
        ['a4', -20, false],
      ]),
    );
  });

  it('counts matters and outcomes (办结/受理/容缺受理/不予受理/一次性告知) as the script handled them', () => {
    expect(day.outcomes.matters).toBeGreaterThan(day.totals.served); // some finishes carried two matters
    for (const k of ['done', 'accepted', 'acceptedPending', 'refused', 'notice'] as const)
      expect(day.outcomes[k], k).toBeGreaterThan(0);
    expect(report.outcomes).toEqual(day.outcomes);
    expect(report.matters).toEqual(
      ['cert', 'idcard'].map((id) => ({
        id,
        name: id === 'cert' ? '无犯罪记录证明' : '居民身份证换领',
        ...(day.byMatter.get(id) ?? { matters: 0, done: 0, accepted: 0, acceptedPending: 0, refused: 0, notice: 0 }),
      })),
    );
    // Cases from the cases table: every acceptance of the day is open (none finished yet), none overdue.
    expect(report.cases).toEqual({
      opened: day.outcomes.accepted + day.outcomes.acceptedPending,
      finished: 0,
      finishedLate: 0,
      openNow: day.outcomes.accepted + day.outcomes.acceptedPending,
      overdueNow: 0,
      refusalsByReason: Object.fromEntries(Object.entries(day.refusalsByReason).sort(([a], [b]) => (a < b ? -1 : 1))),
    });
  });

  it('today is the default day; a range over it gives the same numbers, day by day', async () => {
    const today = await h.api('GET', '/api/reports/daily', undefined, day.tokens.m1);
    expect(today.body).toEqual(report);
    const range = await h.api('GET', '/api/reports/range?from=2026-11-22&to=2026-11-24', undefined, day.tokens.m1);
    expect(range.status).toBe(200);
    expect(range.body).toMatchObject({ from: '2026-11-22', to: '2026-11-24' });
    expect(hallReportSchema.parse(range.body).days.map((d) => [d.day, d.issued])).toEqual([
      ['2026-11-22', 0],
      [DAY, day.totals.issued],
      ['2026-11-24', 0],
    ]);
    for (const key of ['totals', 'queues', 'windows', 'officers', 'hours', 'ratings'] as const)
      expect(range.body[key], key).toEqual(report[key]);
  });

  async function download(query: string): Promise<{ res: Response; bytes: Buffer }> {
    const res = await fetch(`${h.url}/api/reports/${query}`, { headers: { authorization: `Bearer ${day.tokens.m1}` } });
    return { res, bytes: Buffer.from(await res.arrayBuffer()) };
  }

  it('CSV: a UTF-8 file with a BOM, Chinese headers, sent as an attachment', async () => {
    const { res, bytes } = await download(`daily?date=${DAY}&format=csv`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(res.headers.get('content-disposition')).toBe(
      `attachment; filename="report-test-hall-${DAY}.csv"; filename*=UTF-8''report-test-hall-${DAY}.csv`,
    );
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = bytes.toString('utf8');
    expect(text).toContain(`\r\n取号数,${day.totals.issued}\r\n`);
    const q = report.queues[0]!;
    expect(text).toContain(
      `\r\nquick,A,小业务,${q.issued},${q.served},${q.noShow},${q.transferred},${q.carriedOver},${q.wait.count},${q.wait.meanS},`,
    );
    for (const title of ['队列', '窗口', '民警', '分时段', '差评明细']) expect(text).toContain(`\r\n\r\n${title}\r\n`);
    expect(text.split('\r\n').filter((l) => l.startsWith(`${DAY} `))).toHaveLength(day.low.length);
  });

  it('XLSX: one sheet per section that exceljs reads back', async () => {
    const { res, bytes } = await download(`range?from=${DAY}&to=${DAY}&format=xlsx`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(res.headers.get('content-disposition')).toContain(`filename="report-test-hall-${DAY}.xlsx"`);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
    expect(wb.worksheets.map((s) => s.name)).toEqual([
      '总体',
      '队列',
      '事项与结果',
      '窗口',
      '民警',
      '分时段',
      '每日',
      '签到',
      '差评明细',
      '投诉与回访',
      '投诉分布',
    ]);
    const totals = new Map<string, unknown>();
    wb.getWorksheet('总体')!.eachRow((row) => totals.set(row.getCell(1).text, row.getCell(2).value));
    expect(totals.get('取号数')).toBe(day.totals.issued);
    expect(totals.get('办理事项数')).toBe(day.outcomes.matters);
    expect(totals.get('事项-不予受理')).toBe(day.outcomes.refused);
    expect(totals.get('受理件-新受理')).toBe(day.outcomes.accepted + day.outcomes.acceptedPending);
    expect(totals.get('办结数')).toBe(day.totals.served);
    const windows = wb.getWorksheet('窗口')!;
    expect(windows.getRow(1).getCell(3).value).toBe('办结');
    expect(windows.getRow(2).values).toEqual(expect.arrayContaining(['w1', '1号窗口', report.windows[0]!.served]));
    expect(wb.getWorksheet('差评明细')!.rowCount).toBe(day.low.length + 1);
  });

  it('only the manager may read reports', async () => {
    const officer = day.tokens.a1;
    for (const path of [`/api/reports/daily?date=${DAY}`, `/api/reports/range?from=${DAY}&to=${DAY}&format=csv`]) {
      for (const bearer of [officer, KIOSK, 'display-1-secret', 'rater-1-secret'])
        expect(await h.api('GET', path, undefined, bearer)).toMatchObject({
          status: 403,
          body: { error: { code: 'FORBIDDEN' } },
        });
      expect(await h.api('GET', path)).toMatchObject({ status: 401, body: { error: { code: 'UNAUTHENTICATED' } } });
    }
  });

  it.each([
    ['daily?date=2026-13-01', 'date'],
    ['daily?date=2026-02-29', 'date'],
    ['daily?date=today', 'date'],
    ['daily?format=pdf', 'format'],
    ['range?from=2026-11-24&to=2026-11-23', 'from'],
    ['range?from=2026-08-01&to=2026-11-23', 'to'],
    ['range?from=2026-11-23', 'from'],
    ['range?from=2026-11-23&to=2026-11-32', 'to'],
  ])('%s is refused with a clear message', async (query, field) => {
    const res = await h.api('GET', `/api/reports/${query}`, undefined, day.tokens.m1);
    expect(res).toMatchObject({ status: 400, body: { error: { code: 'VALIDATION_FAILED', field } } });
    expect(res.body.error.message).toMatch(/[\u4e00-\u9fff].* \/ [A-Za-z]/);
  });
});
