import { describe, expect, it } from 'vitest';
import { TestHall, officer } from './test-hall.ts';

/** hz at w1 (o1). A001 is called and marked no-show; A002 and A003 wait. */
function hall(place: 'end' | 'original' = 'end', minutes = 30): { h: TestHall; a1: string } {
  const h = new TestHall({ callRules: { reactivateMinutes: minutes, reactivatePlace: place } });
  h.at('09:00');
  const a1 = h.take('hz-move').id;
  h.advance(1);
  h.take('hz-move');
  h.advance(1);
  h.take('hz-move');
  h.signIn('w1', 'o1');
  h.callNext('w1');
  h.ok('window:no-show', { windowId: 'w1' }, officer('o1'));
  return { h, a1 };
}

describe('过号重排 (no-show back in line)', () => {
  it('puts it at the end of its line by default: called after those already waiting, and logged', () => {
    const { h, a1 } = hall();
    h.advance(5);
    const r = h.ok('ticket:reactivate', { ticketId: a1 }, officer('o1'));
    expect(r.events.map((e) => e.type)).toEqual(['ticket:reactivated']);
    expect(r.result.ticket).toMatchObject({ status: 'waiting', windowId: null, ahead: 2 });
    expect(h.ticket(a1).requeuedAt).toBe(h.now);
    expect(h.serveNext('w1')).toBe('A002');
    expect(h.serveNext('w1')).toBe('A003');
    expect(h.serveNext('w1')).toBe('A001');
  });

  it('or at its original place, when the hall says so', () => {
    const { h, a1 } = hall('original');
    h.ok('ticket:reactivate', { ticketId: a1 }, officer('o2'));
    expect(h.ticket(a1).requeuedAt).toBeNull();
    expect(h.serveNext('w1')).toBe('A001');
  });

  it('refuses after the window, a ticket that is not a no-show, and when the hall does not allow it', () => {
    const { h, a1 } = hall('end', 10);
    const waiting = [...h.state.tickets.values()].find((t) => t.status === 'waiting')!.id;
    expect(h.fail('ticket:reactivate', { ticketId: waiting }, officer('o1'))).toBe('INVALID_STATE');
    expect(h.fail('ticket:reactivate', { ticketId: 'nope' }, officer('o1'))).toBe('NOT_FOUND');
    h.advance(11);
    const late = h.run('ticket:reactivate', { ticketId: a1 }, officer('o1'));
    expect(late.ok ? '' : late.error.message).toMatch(/超过 10 分钟/);
    const off = hall('end', 0);
    expect(off.h.fail('ticket:reactivate', { ticketId: off.a1 }, officer('o1'))).toBe('INVALID_STATE');
  });
});
