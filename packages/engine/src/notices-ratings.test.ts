import { describe, expect, it } from 'vitest';
import type { Actor } from '@yichuang/protocol';
import { TestHall, TUESDAY, manager, officer, ofType, rater } from './test-hall.ts';

const citizen = (ticketId: string): Actor => ({ kind: 'citizen', role: 'citizen', ticketId });

/** Monday 09:30: o1 holds w1 and o3 holds w2. */
function hall(): TestHall {
  const h = new TestHall();
  h.at('08:50');
  h.signIn('w1', 'o1');
  h.signIn('w2', 'o3');
  h.at('09:30');
  return h;
}

/** A ticket called, served and finished at w1 by o1. */
function finishedAtW1(h: TestHall): string {
  h.take('hz-move');
  const t = h.callNext('w1')!;
  h.ok('window:finish', { windowId: 'w1' }, officer('o1'));
  return t.id;
}

describe('one-time notice slips (一次性告知单)', () => {
  it('records the window, officer, ticket and missing items, checklist items first, numbered through the day', () => {
    const h = hall();
    const t = h.take('hz-move');
    h.callNext('w1');
    const first = h.ok(
      'notice:create',
      {
        ticketId: t.id,
        citizenName: '张三',
        serviceId: 'hz-move',
        missing: ['复印件两份', '准予迁入证明', '居民户口簿'],
      },
      officer('o1'),
    ).result.notice;
    expect(first).toMatchObject({
      no: '20261123-001',
      day: '2026-11-23',
      ticketId: t.id,
      ticketNumber: 'A001',
      windowId: 'w1',
      officerId: 'o1',
      serviceId: 'hz-move',
      citizenName: '张三',
      missing: ['居民户口簿', '准予迁入证明', '复印件两份'],
      createdAt: h.now,
    });
    const second = h.ok(
      'notice:create',
      { citizenName: '李四', serviceId: 'crj-pass', missing: ['近期免冠照片'] },
      officer('o3'),
    ).result.notice;
    expect(second).toMatchObject({ no: '20261123-002', ticketId: null, windowId: 'w2' });
  });

  it('starts the serial again the next day', () => {
    const h = hall();
    h.ok('notice:create', { citizenName: '张三', serviceId: 'hz-move', missing: ['居民户口簿'] }, officer('o1'));
    h.at('08:55', TUESDAY);
    h.signIn('w2', 'o4');
    const n = h.ok('notice:create', { citizenName: '王五', serviceId: 'hz-id', missing: ['照片'] }, officer('o4'));
    expect(n.result.notice.no).toBe('20261124-001');
  });

  it('refuses an officer without a window, an unknown matter or ticket, and more than six free lines', () => {
    const h = hall();
    const body = { citizenName: '张三', serviceId: 'hz-move', missing: ['居民户口簿'] };
    expect(h.fail('notice:create', body, officer('o2'))).toBe('NOT_HOLDER');
    expect(h.fail('notice:create', body, manager)).toBe('NOT_HOLDER');
    expect(h.fail('notice:create', { ...body, serviceId: 'nope' }, officer('o1'))).toBe('UNKNOWN_SERVICE');
    expect(h.fail('notice:create', { ...body, ticketId: 'nope' }, officer('o1'))).toBe('UNKNOWN_TICKET');
    const seven = ['一', '二', '三', '四', '五', '六', '七'].map((x) => `补充材料${x}`);
    expect(h.fail('notice:create', { ...body, missing: ['居民户口簿', ...seven] }, officer('o1'))).toBe(
      'VALIDATION_FAILED',
    );
    // Six free lines plus every checklist item is fine.
    const ok = h.ok(
      'notice:create',
      { ...body, missing: ['居民户口簿', '居民身份证', '准予迁入证明', ...seven.slice(0, 6)] },
      officer('o1'),
    );
    expect(ok.result.notice.missing).toHaveLength(9);
  });
});

describe('好差评 ratings', () => {
  it('the rater screen of the serving window rates a finished ticket once', () => {
    const h = hall();
    const id = finishedAtW1(h);
    const r = h.ok('rating:submit', { ticketId: id, level: 5 }, rater('r1'));
    expect(r.result.rating).toEqual({
      ticketId: id,
      ticketNumber: 'A001',
      windowId: 'w1',
      officerId: 'o1',
      level: 5,
      reason: null,
      via: 'rater',
      at: h.now,
    });
    expect(h.ticket(id).rating).toBe(5);
    expect(h.fail('rating:submit', { ticketId: id, level: 4 }, rater('r1'))).toBe('ALREADY_RATED');
    expect(h.fail('rating:submit', { ticketId: id, level: 4 }, citizen(id))).toBe('ALREADY_RATED');
  });

  it('the citizen rates their own ticket once; a low level carries its reason', () => {
    const h = hall();
    const id = finishedAtW1(h);
    const r = h.ok('rating:submit', { ticketId: id, level: 2, reason: 'waited-long' }, citizen(id));
    expect(ofType(h.events, 'ticket:rated')[0]?.payload.rating).toMatchObject({ level: 2, reason: 'waited-long' });
    expect(r.result.rating.via).toBe('citizen');
    expect(h.fail('rating:submit', { ticketId: id, level: 5 }, citizen(id))).toBe('ALREADY_RATED');
  });

  it('an officer may not rate, not even the ticket they served: the citizen can still rate it', () => {
    const h = hall();
    const id = finishedAtW1(h);
    expect(h.fail('rating:submit', { ticketId: id, level: 5 }, officer('o1'))).toBe('FORBIDDEN');
    expect(h.fail('rating:submit', { ticketId: id, level: 5 }, manager)).toBe('FORBIDDEN');
    const other = h.take('hz-move');
    expect(h.fail('rating:submit', { ticketId: id, level: 5 }, citizen(other.id))).toBe('FORBIDDEN');
    expect(h.ok('rating:submit', { ticketId: id, level: 5 }, citizen(id)).result.rating.via).toBe('citizen');
  });

  it('refuses another window, its rater or pad, an unfinished or unknown ticket', () => {
    const h = hall();
    h.take('hz-move');
    const called = h.callNext('w1')!;
    expect(h.fail('rating:submit', { ticketId: called.id, level: 5 }, rater('r1'))).toBe('NOT_RATEABLE');
    h.ok('window:finish', { windowId: 'w1' }, officer('o1'));
    expect(h.fail('rating:submit', { ticketId: called.id, level: 5 }, officer('o1'))).toBe('FORBIDDEN');
    expect(h.fail('rating:submit', { ticketId: called.id, level: 5 }, rater('pad2'))).toBe('FORBIDDEN');
    expect(h.fail('rating:submit', { ticketId: called.id, level: 5 }, rater('ghost'))).toBe('FORBIDDEN');
    expect(h.fail('rating:submit', { ticketId: 'nope', level: 5 }, rater('r1'))).toBe('UNKNOWN_TICKET');
  });

  it('a serial rating pad rates for its own window', () => {
    const h = hall();
    h.take('crj-pass');
    const t = h.callNext('w2')!;
    h.ok('window:finish', { windowId: 'w2' }, officer('o3'));
    expect(
      h.ok('rating:submit', { ticketId: t.id, level: 1, reason: '态度差' }, rater('pad2')).result.rating,
    ).toMatchObject({ via: 'pad', windowId: 'w2', officerId: 'o3', level: 1, reason: '态度差' });
  });

  it('the command schema refuses a level out of range and a low level without a reason', () => {
    const h = hall();
    const id = finishedAtW1(h);
    expect(() => h.run('rating:submit', { ticketId: id, level: 0 }, rater('r1'))).toThrow();
    expect(() => h.run('rating:submit', { ticketId: id, level: 6 }, rater('r1'))).toThrow();
    expect(() => h.run('rating:submit', { ticketId: id, level: 2 }, rater('r1'))).toThrow(/reason/);
    expect(h.ticket(id).rating).toBeNull();
  });
});
