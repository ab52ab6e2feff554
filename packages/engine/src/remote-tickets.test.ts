import { describe, expect, it } from 'vitest';
import type { Actor } from '@yichuang/protocol';
import { MONDAY, TestHall, kiosk, officer } from './test-hall.ts';

const web: Actor = { kind: 'public', role: 'public' };

/** 线上取号 for hz 08:00–16:00, 3 a day, skipped 5 minutes after the call; crj takes none. */
function hall(): TestHall {
  const h = new TestHall({
    remote: {
      enabled: true,
      graceMinutes: 5,
      queues: [{ queueId: 'hz', from: '08:00', until: '16:00', dailyQuota: 3 }],
    },
  });
  h.at('09:00');
  return h;
}

let n = 0;
const takeRemote = (h: TestHall, phoneHash: string, serviceId = 'hz-move') =>
  h.runEngine({ name: 'ticket:take-remote', payload: { requestId: `r${++n}`, serviceId, phoneHash } }, web);
const arrive = (h: TestHall, p: { ticketId?: string; phoneHash?: string }, actor: Actor = kiosk) =>
  h.runEngine({ name: 'ticket:arrive', payload: { requestId: `a${++n}`, ...p } }, actor);
const codeOf = (o: { ok: boolean; error?: { code: string } }): string | undefined => o.error?.code;

describe('线上取号', () => {
  it('issues a numbered ticket in line with the kiosk, marked remote and not arrived', () => {
    const h = hall();
    const k = h.take('hz-move');
    const r = takeRemote(h, 'p1');
    if (!r.ok) throw new Error(r.error.message);
    expect(r.result.number).toBe('A002');
    expect(r.result.remote).toEqual({ arrived: false });
    expect(h.ticket(r.result.id).remote).toEqual({ phoneHash: 'p1', arrivedAt: null });
    expect(h.ticket(k.id).remote).toBeNull();
    expect(h.replayed().tickets.get(r.result.id)?.remote?.phoneHash).toBe('p1');
  });

  it('refuses a queue without remote tickets, outside its hours, past its quota, and a second ticket per phone', () => {
    const h = hall();
    expect(codeOf(takeRemote(h, 'p1', 'crj-pass'))).toBe('REMOTE_CLOSED');
    expect(codeOf(takeRemote(h, 'p1', 'nope'))).toBe('UNKNOWN_SERVICE');
    expect(takeRemote(h, 'p1').ok).toBe(true);
    expect(codeOf(takeRemote(h, 'p1'))).toBe('DUPLICATE_TICKET');
    expect(takeRemote(h, 'p2').ok).toBe(true);
    expect(takeRemote(h, 'p3').ok).toBe(true);
    expect(codeOf(takeRemote(h, 'p4'))).toBe('QUOTA_REACHED');
    h.at('16:00');
    expect(codeOf(takeRemote(h, 'p5'))).toBe('REMOTE_CLOSED');
  });

  it('skips a called remote ticket nobody confirmed within the grace minutes; a confirmed one stays', () => {
    const h = hall();
    const absent = takeRemote(h, 'p1');
    const present = takeRemote(h, 'p2');
    if (!absent.ok || !present.ok) throw new Error('not taken');
    h.signIn('w1', 'o1');
    expect(h.callNext('w1')?.id).toBe(absent.result.id);
    h.advance(4);
    expect(h.tick()).toEqual([]);
    h.advance(1);
    const skipped = h.tick();
    expect(skipped.map((e) => e.type)).toEqual(['ticket:no-show']);
    expect(h.ticket(absent.result.id).status).toBe('no-show');
    expect(h.window('w1').state).toBe('idle');

    const came = arrive(h, { phoneHash: 'p2' });
    expect(came.ok && came.result.ticket.remote).toEqual({ arrived: true });
    expect(arrive(h, { ticketId: present.result.id }, officer('o1')).ok && h.events.at(-1)?.type).toBe(
      'ticket:arrived',
    );
    expect(h.callNext('w1')?.id).toBe(present.result.id);
    h.advance(30);
    expect(h.tick()).toEqual([]);
    expect(h.ticket(present.result.id).status).toBe('called');
  });

  it('says plainly when there is nothing to confirm', () => {
    const h = hall();
    const k = h.take('hz-move');
    expect(codeOf(arrive(h, { phoneHash: 'nobody' }))).toBe('NOT_FOUND');
    expect(codeOf(arrive(h, { ticketId: k.id }))).toBe('INVALID_STATE');
    expect(h.day).toBe(MONDAY);
  });
});
