import { describe, expect, it } from 'vitest';
import { guide, officer, TestHall } from '../../../packages/engine/src/test-hall.ts';
import { categoriesOf, noShowRows, searchServices, waitingByQueue, waitingRows } from './guide-data.ts';

describe('what the 导办 tablet lists', () => {
  it('groups matters by category (else the queue name) and finds them by pinyin initials or name', () => {
    const h = new TestHall();
    const cats = categoriesOf(h.config);
    expect(cats.flatMap((c) => c.services.map((s) => s.id)).sort()).toEqual(h.config.services.map((s) => s.id).sort());
    expect(searchServices(h.config.services, '护照').map((s) => s.id)).toEqual(['crj-pass']);
    expect(searchServices(h.config.services, '').length).toBe(h.config.services.length);
    expect(searchServices(h.config.services, 'zzz')).toEqual([]);
  });

  it('waiting: the longest wait first, long from half of maxWaitMinutes, over beyond it; held ones stay listed', () => {
    const h = new TestHall();
    h.at('09:00');
    const a1 = h.take('hz-move');
    h.advance(35);
    const a2 = h.take('hz-move');
    h.advance(30);
    const a3 = h.take('hz-move');
    h.ok('ticket:hold', { ticketId: a2.id }, guide);
    const rows = waitingRows(h.state, h.now);
    expect(rows.map((r) => [r.ticket.number, r.level])).toEqual([
      [a1.number, 'over'],
      [a2.number, 'long'],
      [a3.number, 'ok'],
    ]);
    expect(rows[1]!.ticket.heldAt).not.toBeNull();
    expect(waitingByQueue(h.state).get('hz')).toBe(3);
  });

  it('no-shows: today’s, within callRules.reactivateMinutes, with the minutes left', () => {
    const h = new TestHall({ callRules: { reactivateMinutes: 10 } });
    h.at('09:00');
    const a1 = h.take('hz-move');
    h.signIn('w1', 'o1');
    h.callNext('w1');
    h.ok('window:no-show', { windowId: 'w1' }, officer('o1'));
    h.advance(4);
    expect(noShowRows(h.state, h.now).map((r) => [r.ticket.id, r.minutesLeft])).toEqual([[a1.id, 6]]);
    h.advance(7);
    expect(noShowRows(h.state, h.now)).toEqual([]);
  });
});
