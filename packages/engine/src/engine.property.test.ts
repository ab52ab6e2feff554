import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Actor, Ticket } from '@yichuang/protocol';
import { chooseNext, isEligible, isPriorityKind, rankAt } from './call-rules.ts';
import { aheadOf } from './views.ts';
import { stateData } from './hall-state.ts';
import { kiosk, manager, officer, TestHall } from './test-hall.ts';

/**
 * Properties of the engine over random command sequences (fast-check): whatever officers, kiosks and
 * the clock do, numbers stay unique, a ticket is at one window at most, no eligible ticket waits
 * past the anti-starvation bound while windows that serve it keep calling, and the state rebuilt from
 * the events is the live state.
 */

const SERVICES = ['hz-move', 'hz-id', 'crj-pass', 'jg-lic'] as const;
/** w1 [hz] o1/o2 · w2 [hz, crj] o3/o4 · w3 all, green channel, o5/o6 · w4 [crj] o7 (w5 is closed). */
const POSTS: Record<string, string[]> = { w1: ['o1', 'o2'], w2: ['o3', 'o4'], w3: ['o5', 'o6'], w4: ['o7'] };
const WINDOWS = Object.keys(POSTS);

type Step =
  | { kind: 'take'; service: (typeof SERVICES)[number]; green: boolean }
  | { kind: 'sign-in'; window: string; who: number }
  | { kind: 'call-next' | 'start' | 'finish' | 'no-show' | 'recall' | 'resume' | 'sign-out'; window: string }
  | { kind: 'pause'; window: string; reason: 'away' | 'meeting' | 'meal' | 'other' }
  | { kind: 'transfer'; window: string; toQueue: 'hz' | 'crj' | 'jg' }
  | { kind: 'manager-transfer'; pick: number; toWindow: string }
  | { kind: 'wait'; minutes: number };

const window = fc.constantFrom(...WINDOWS);
/** Steps of a hall day; `greenPercent` of new tickets ask for the green channel. */
const stepOf = (greenPercent: number): fc.Arbitrary<Step> =>
  fc.oneof(
    {
      weight: 6,
      arbitrary: fc.record({
        kind: fc.constant('take' as const),
        service: fc.constantFrom(...SERVICES),
        green: fc.integer({ min: 0, max: 99 }).map((n) => n < greenPercent),
      }),
    },
    { weight: 2, arbitrary: fc.record({ kind: fc.constant('sign-in' as const), window, who: fc.nat(1) }) },
    {
      weight: 8,
      arbitrary: fc.record({
        kind: fc.constantFrom(
          'call-next' as const,
          'call-next' as const,
          'start' as const,
          'finish' as const,
          'finish' as const,
        ),
        window,
      }),
    },
    {
      weight: 2,
      arbitrary: fc.record({
        kind: fc.constantFrom('no-show' as const, 'recall' as const, 'resume' as const, 'sign-out' as const),
        window,
      }),
    },
    {
      weight: 1,
      arbitrary: fc.record({
        kind: fc.constant('pause' as const),
        window,
        reason: fc.constantFrom('away' as const, 'meeting' as const, 'meal' as const, 'other' as const),
      }),
    },
    {
      weight: 1,
      arbitrary: fc.record({
        kind: fc.constant('transfer' as const),
        window,
        toQueue: fc.constantFrom('hz' as const, 'crj' as const, 'jg' as const),
      }),
    },
    {
      weight: 1,
      arbitrary: fc.record({ kind: fc.constant('manager-transfer' as const), pick: fc.nat(50), toWindow: window }),
    },
    {
      weight: 4,
      arbitrary: fc.record({ kind: fc.constant('wait' as const), minutes: fc.integer({ min: 0, max: 25 }) }),
    },
  );
const step = stepOf(30);

/** The officer acting at a window: its holder, or the step's pick of its roster for a sign-in. */
function actorAt(h: TestHall, windowId: string): Actor {
  const holder = h.state.windows.get(windowId)?.holder;
  return officer(holder?.officerId ?? POSTS[windowId]![0]!);
}

interface CallSeen {
  windowId: string;
  ticket: Ticket;
  /** The eligible tickets at that window just before the call. */
  eligible: Ticket[];
  now: number;
  streakBefore: number;
}

/** Run one step; commands the rules refuse are fine (they must change nothing: TestHall.fail checks that). */
function play(h: TestHall, s: Step, calls: CallSeen[]): void {
  if (s.kind === 'wait') {
    h.advance(s.minutes);
    h.tick();
    return;
  }
  if (s.kind === 'take') {
    h.run('ticket:take', { serviceId: s.service, ...(s.green ? { green: 'elderly' as const } : {}) }, kiosk);
    return;
  }
  if (s.kind === 'sign-in') {
    h.run('window:sign-in', { windowId: s.window }, officer(POSTS[s.window]![s.who % POSTS[s.window]!.length]!));
    return;
  }
  if (s.kind === 'manager-transfer') {
    const live = [...h.state.tickets.values()].filter((t) => t.status === 'waiting');
    const t = live[s.pick % Math.max(1, live.length)];
    if (t !== undefined) h.run('ticket:transfer', { ticketId: t.id, toWindowId: s.toWindow }, manager);
    return;
  }
  const actor = actorAt(h, s.window);
  if (s.kind === 'transfer') {
    const held = h.state.windows.get(s.window)?.ticketId;
    if (held != null) h.run('ticket:transfer', { ticketId: held, toQueueId: s.toQueue }, actor);
    return;
  }
  if (s.kind === 'pause') {
    h.run('window:pause', { windowId: s.window, reason: s.reason }, actor);
    return;
  }
  if (s.kind === 'call-next') {
    h.tick();
    const cfg = h.state.model.windows.get(s.window)!;
    const eligible = [...h.state.tickets.values()].filter((t) => isEligible(t, cfg)).map((t) => ({ ...t }));
    const streakBefore = h.state.windows.get(s.window)!.priorityStreak;
    const out = h.run('window:call-next', { windowId: s.window }, actor);
    if (out.ok && out.result.ticket !== null)
      calls.push({
        windowId: s.window,
        ticket: { ...h.ticket(out.result.ticket.id) },
        eligible,
        now: h.now,
        streakBefore,
      });
    return;
  }
  h.run(`window:${s.kind}`, { windowId: s.window }, actor);
}

/** A morning from 08:50: everyone may sign in, and the hall opens at 09:00. */
function morning(
  steps: Step[],
  verifyReplay: boolean,
  afterEach?: (h: TestHall) => void,
): { h: TestHall; calls: CallSeen[] } {
  const h = new TestHall({ time: '08:50', verifyReplay });
  const calls: CallSeen[] = [];
  h.advance(11);
  for (const s of steps) {
    play(h, s, calls);
    afterEach?.(h);
  }
  return { h, calls };
}

/** The call rule by a scan of every ticket: what the indexed `chooseNext` must always pick. */
function chooseNextByScan(h: TestHall, windowId: string): string | null {
  const state = h.state;
  const window = state.model.windows.get(windowId)!;
  const record = state.windows.get(windowId)!;
  const rules = state.model.config.callRules;
  const now = h.now;
  const order = (a: Ticket, b: Ticket): number =>
    a.issuedAt - b.issuedAt || (a.number < b.number ? -1 : a.number > b.number ? 1 : a.id < b.id ? -1 : 1);
  const eligible = [...state.tickets.values()].filter((t) => isEligible(t, window));
  if (eligible.length === 0) return null;
  const ranked = eligible
    .map((t) => ({ t, r: rankAt(t, window, now, rules) }))
    .sort((a, b) => a.r - b.r || order(a.t, b.t));
  const best = ranked[0]!;
  const ordinary = eligible.filter((t) => !t.carriedOver && !isPriorityKind(t, now, rules)).sort(order);
  const pickedPriority = best.r !== 0 && isPriorityKind(best.t, now, rules);
  if (
    pickedPriority &&
    ordinary.length > 0 &&
    !window.greenChannel &&
    record.priorityStreak >= rules.greenMaxConsecutive
  )
    return ordinary[0]!.id;
  return best.t.id;
}

/** People ahead by a scan: waiting tickets of the queue a window serving both would call first. */
function aheadByScan(h: TestHall, ticket: Ticket): number {
  const prio = (t: Ticket): boolean => t.green !== null || t.appointment !== null || t.carriedOver;
  const older = (a: Ticket, b: Ticket): boolean =>
    a.issuedAt < b.issuedAt || (a.issuedAt === b.issuedAt && a.number < b.number);
  return [...h.state.tickets.values()].filter(
    (t) =>
      t.status === 'waiting' &&
      t.queueId === ticket.queueId &&
      t.id !== ticket.id &&
      (prio(ticket) ? prio(t) && older(t, ticket) : prio(t) || older(t, ticket)),
  ).length;
}

const RUNS = { numRuns: 150, seed: 20261201 };

describe('engine properties over random command sequences', () => {
  it('numbers are unique per queue and day; a ticket is at one window at most; windows and tickets agree', () => {
    fc.assert(
      fc.property(fc.array(step, { minLength: 20, maxLength: 160 }), (steps) => {
        const { h } = morning(steps, false);
        const data = stateData(h.state);
        const numbers = data.tickets.map((t) => `${t.day}/${t.queueId}/${t.number}`);
        expect(new Set(numbers).size).toBe(numbers.length);
        const held = data.windows.map((w) => w.ticketId).filter((id) => id !== null);
        expect(new Set(held).size).toBe(held.length);
        for (const t of data.tickets) {
          const at = data.windows.filter((w) => w.ticketId === t.id);
          if (t.status === 'called' || t.status === 'serving') {
            expect(at.map((w) => w.id)).toEqual([t.windowId]);
          } else expect(at).toEqual([]);
        }
        const officers = data.windows.map((w) => w.holder?.officerId).filter((o) => o !== undefined);
        expect(new Set(officers).size).toBe(officers.length);
      }),
      RUNS,
    );
  });

  it('anti-starvation: an ordinary window makes at most greenMaxConsecutive priority calls in a row while an ordinary ticket waits', () => {
    let capped = 0;
    fc.assert(
      // Mostly green-channel tickets, so that the cap is reached often.
      fc.property(fc.array(stepOf(80), { minLength: 60, maxLength: 240 }), (steps) => {
        const { h, calls } = morning(steps, false);
        const rules = h.config.callRules;
        const run = new Map<string, number>();
        for (const c of calls) {
          if (h.state.model.windows.get(c.windowId)!.greenChannel) continue;
          const ordinaryWaiting = c.eligible.some((t) => !t.carriedOver && !isPriorityKind(t, c.now, rules));
          const priority = isPriorityKind(c.ticket, c.now, rules);
          const n = ordinaryWaiting && priority ? (run.get(c.windowId) ?? 0) + 1 : 0;
          run.set(c.windowId, n);
          expect(n, `${c.windowId} called ${c.ticket.number}`).toBeLessThanOrEqual(rules.greenMaxConsecutive);
          if (n === rules.greenMaxConsecutive) capped++;
        }
      }),
      RUNS,
    );
    // The sequences did reach the cap: the property was tested, not merely true.
    expect(capped).toBeGreaterThan(0);
  });

  it('no ticket issued later is called ahead of one waiting past maxWaitMinutes at a window that serves it', () => {
    fc.assert(
      fc.property(fc.array(step, { minLength: 40, maxLength: 220 }), (steps) => {
        const { h, calls } = morning(steps, false);
        const limit = h.config.callRules.maxWaitMinutes * 60_000;
        for (const c of calls) {
          const overdue = c.eligible.filter((t) => c.now - t.issuedAt > limit && !t.carriedOver);
          for (const t of overdue)
            expect(
              c.ticket.issuedAt <= t.issuedAt,
              `${c.windowId} called ${c.ticket.number} ahead of ${t.number}, waiting ${Math.round((c.now - t.issuedAt) / 60_000)} min`,
            ).toBe(true);
        }
      }),
      RUNS,
    );
  });

  it('the state rebuilt from the events alone is the live state, after every step', () => {
    fc.assert(
      fc.property(fc.array(step, { minLength: 10, maxLength: 60 }), (steps) => {
        // TestHall checks the replay after every tick and command when asked to.
        const { h } = morning(steps, true);
        expect(JSON.stringify(stateData(h.replayed()))).toBe(JSON.stringify(stateData(h.state)));
      }),
      { numRuns: 60, seed: 7 },
    );
  });

  it('the waiting index agrees with a scan of every ticket: the same next ticket at every window, the same people ahead', () => {
    let compared = 0;
    fc.assert(
      fc.property(fc.array(stepOf(40), { minLength: 30, maxLength: 200 }), (steps) => {
        morning(steps, false, (h) => {
          const waiting = [...h.state.tickets.values()].filter((t) => t.status === 'waiting');
          const indexed = [...h.state.waiting.queues.values()].flatMap((l) => [...l.priority, ...l.ordinary]);
          expect(indexed.map((t) => t.id).sort()).toEqual(waiting.map((t) => t.id).sort());
          for (const t of indexed) expect(t).toBe(h.state.tickets.get(t.id));
          for (const t of waiting) expect(aheadOf(h.state, t), t.number).toBe(aheadByScan(h, t));
          for (const w of WINDOWS) {
            expect(chooseNext(h.state, w, h.now)?.ticket.id ?? null, w).toBe(chooseNextByScan(h, w));
            compared++;
          }
        });
      }),
      { numRuns: 120, seed: 20261205 },
    );
    expect(compared).toBeGreaterThan(1000);
  });
});
