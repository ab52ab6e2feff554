import { describe, expect, it } from 'vitest';
import type { Ticket, TicketPerson } from '@yichuang/protocol';
import { putTicket } from './hall-state.ts';
import { guide, kiosk, manager, officer, ofType, TestHall, types } from './test-hall.ts';

const person = (phoneHash: string | null = 'hash-138'): TicketPerson => ({
  name: '张*',
  phone: phoneHash === null ? '' : '138****5678',
  phoneHash,
});

/** 导办 issues in the engine's own form: the hub has masked the name and hashed the phone. */
function issue(h: TestHall, serviceId: string, extra: { green?: 'elderly'; person?: TicketPerson } = {}) {
  return h.runEngine(
    { name: 'ticket:issue', payload: { requestId: `i-${h.now}-${serviceId}`, serviceId, ...extra } },
    guide,
  );
}

describe('导办 代取号 (ticket:issue)', () => {
  it('numbers and queues a ticket as the kiosk does, with no kiosk, recorded as the guide’s, the person masked', () => {
    const h = new TestHall();
    h.at('09:00');
    expect(h.take('hz-move').number).toBe('A001');
    h.advance(1);
    const r = issue(h, 'hz-move', { person: person() });
    if (!r.ok) throw new Error(r.error.message);
    expect(r.result.ticket).toMatchObject({
      number: 'A002',
      queueId: 'hz',
      ahead: 1,
      issuedBy: 'g1',
      personName: '张*',
    });
    expect(r.result.day).toBe(h.day);
    const [issued] = ofType(r.events, 'ticket:issued');
    expect(issued!.payload.ticket).toMatchObject({ kioskId: null, issuedBy: 'g1', person: person(), green: null });
    expect(JSON.stringify(h.events)).not.toContain('13812345678');
    h.advance(1);
    expect(h.take('hz-move').number).toBe('A003');
  });

  it('gives the green channel with its reason at once: called before ordinary tickets', () => {
    const h = new TestHall();
    h.at('09:00');
    h.take('hz-move');
    h.advance(1);
    const r = issue(h, 'hz-move', { green: 'elderly' });
    expect(r.ok && r.result.ticket.greenReason).toBe('elderly');
    h.signIn('w1', 'o1');
    expect(h.serveNext('w1')).toBe('A002');
  });

  it('refuses while the hall is closed, an unknown matter, and a second live ticket for the same phone in a queue', () => {
    const h = new TestHall();
    h.at('07:00');
    const closed = issue(h, 'hz-move');
    expect(closed.ok ? '' : closed.error.code).toBe('HALL_CLOSED');
    h.at('09:00');
    const unknown = issue(h, 'nope');
    expect(unknown.ok ? '' : unknown.error.code).toBe('UNKNOWN_SERVICE');
    expect(issue(h, 'hz-move', { person: person() }).ok).toBe(true);
    h.advance(1);
    const again = issue(h, 'hz-id', { person: person() });
    expect(again.ok ? '' : again.error.code).toBe('DUPLICATE_TICKET');
    expect(issue(h, 'crj-pass', { person: person() }).ok).toBe(true); // another queue
    expect(issue(h, 'hz-id', { person: person(null) }).ok).toBe(true); // a name without a phone
  });

  it('is for guides and managers only: a kiosk or an officer is refused by the engine too', () => {
    const h = new TestHall();
    h.at('09:00');
    const payload = { requestId: 'x', serviceId: 'hz-move' };
    expect(h.runEngine({ name: 'ticket:issue', payload }, kiosk).ok).toBe(false);
    expect(h.runEngine({ name: 'ticket:issue', payload: { ...payload, requestId: 'y' } }, manager).ok).toBe(true);
  });
});

describe('绿色通道 at the entrance (ticket:green)', () => {
  it('moves a waiting ticket into the priority line, logged with its reason and who granted it', () => {
    const h = new TestHall();
    h.at('09:00');
    h.take('hz-move');
    h.advance(1);
    h.take('hz-move');
    h.advance(1);
    const a3 = h.take('hz-move');
    expect(a3.ahead).toBe(2);
    const r = h.ok('ticket:green', { ticketId: a3.id, reason: 'pregnant' }, guide);
    expect(r.events).toEqual([
      { type: 'ticket:green-granted', at: h.now, payload: { ticketId: a3.id, reason: 'pregnant', officerId: 'g1' } },
    ]);
    expect(r.result.ticket).toMatchObject({ green: true, greenReason: 'pregnant', ahead: 0 });
    h.signIn('w1', 'o1');
    expect(h.serveNext('w1')).toBe('A003');
    expect(h.serveNext('w1')).toBe('A001');
  });

  it('refuses a ticket that is not waiting, one already green for that reason, and an officer', () => {
    const h = new TestHall();
    h.at('09:00');
    const a1 = h.take('hz-move', { green: 'elderly' });
    expect(h.fail('ticket:green', { ticketId: a1.id, reason: 'elderly' }, guide)).toBe('INVALID_STATE');
    h.ok('ticket:green', { ticketId: a1.id, reason: 'disabled' }, manager);
    expect(h.fail('ticket:green', { ticketId: 'nope', reason: 'exam' }, guide)).toBe('UNKNOWN_TICKET');
    h.signIn('w1', 'o1');
    h.callNext('w1');
    expect(h.fail('ticket:green', { ticketId: a1.id, reason: 'exam' }, guide)).toBe('INVALID_STATE');
    const a2 = h.take('hz-move');
    expect(h.fail('ticket:green', { ticketId: a2.id, reason: 'exam' }, officer('o1'))).toBe('FORBIDDEN');
  });
});

describe('暂缓 / 恢复 (ticket:hold, ticket:release)', () => {
  it('a held ticket keeps its place but is skipped by call-next, and is called first again once released', () => {
    const h = new TestHall();
    h.at('09:00');
    const a1 = h.take('hz-move');
    h.advance(1);
    h.take('hz-move');
    h.advance(1);
    const a3 = h.take('hz-move');
    const held = h.ok('ticket:hold', { ticketId: a1.id, note: '去复印材料' }, guide);
    expect(held.events).toEqual([
      { type: 'ticket:held', at: h.now, payload: { ticketId: a1.id, officerId: 'g1', note: '去复印材料' } },
    ]);
    expect(held.result.ticket).toMatchObject({ status: 'waiting', held: true, ahead: 0 });
    expect(h.ticket(a1.id).heldAt).toBe(h.now);
    // Still counted ahead of those behind it: it kept its place.
    expect(h.ok('ticket:hold', { ticketId: a3.id }, guide).result.ticket.ahead).toBe(2);
    h.ok('ticket:release', { ticketId: a3.id }, guide);
    h.signIn('w1', 'o1');
    expect(h.serveNext('w1')).toBe('A002');
    const released = h.ok('ticket:release', { ticketId: a1.id }, guide);
    expect(types(released.events)).toEqual(['ticket:released']);
    expect(released.result.ticket.held).toBe(false);
    expect(h.serveNext('w1')).toBe('A001');
    expect(h.serveNext('w1')).toBe('A003');
  });

  it('a named call of a held ticket is refused with a clear error; nothing to call when all are held', () => {
    const h = new TestHall();
    h.at('09:00');
    const a1 = h.take('hz-move');
    h.ok('ticket:hold', { ticketId: a1.id }, guide);
    h.signIn('w1', 'o1');
    const named = h.run('window:call-ticket', { windowId: 'w1', ticketId: a1.id }, officer('o1'));
    expect(named.ok ? '' : named.error.code).toBe('TICKET_HELD');
    expect(named.ok ? '' : named.error.message).toMatch(/暂缓/);
    expect(h.callNext('w1')).toBeNull();
  });

  it('a held green ticket is skipped too, and the priority line behind it is called', () => {
    const h = new TestHall();
    h.at('09:00');
    const g1 = h.take('hz-move', { green: 'elderly' });
    h.advance(1);
    h.take('hz-move', { green: 'sick' });
    h.ok('ticket:hold', { ticketId: g1.id }, guide);
    h.signIn('w1', 'o1');
    expect(h.serveNext('w1')).toBe('A002');
  });

  it('refuses holding twice, releasing what is not held, and tickets that are not waiting', () => {
    const h = new TestHall();
    h.at('09:00');
    const a1 = h.take('hz-move');
    expect(h.fail('ticket:release', { ticketId: a1.id }, guide)).toBe('INVALID_STATE');
    h.ok('ticket:hold', { ticketId: a1.id }, manager);
    expect(h.fail('ticket:hold', { ticketId: a1.id }, guide)).toBe('INVALID_STATE');
    h.ok('ticket:release', { ticketId: a1.id }, guide);
    h.signIn('w1', 'o1');
    h.callNext('w1');
    expect(h.fail('ticket:hold', { ticketId: a1.id }, guide)).toBe('INVALID_STATE');
    expect(h.fail('ticket:hold', { ticketId: 'nope' }, guide)).toBe('UNKNOWN_TICKET');
  });

  it('a ticket stored before holds existed (no heldAt, issuedBy, person) is held, skipped and released', () => {
    const h = new TestHall({ verifyReplay: false });
    h.at('09:00');
    const a1 = h.take('hz-move');
    const h2 = h.take('hz-move');
    const { heldAt: _h, issuedBy: _i, person: _p, ...old } = h.ticket(a1.id);
    putTicket(h.state, old as Ticket);
    expect(h.ok('ticket:hold', { ticketId: a1.id }, guide).result.ticket.held).toBe(true);
    h.signIn('w1', 'o1');
    expect(h.callNext('w1')?.id).toBe(h2.id);
    expect(h.ok('ticket:release', { ticketId: a1.id }, guide).result.ticket).toMatchObject({
      held: false,
      issuedBy: null,
      personName: null,
    });
  });

  it('a guide puts a no-show back in line (过号重排)', () => {
    const h = new TestHall({ callRules: { reactivateMinutes: 30 } });
    h.at('09:00');
    const a1 = h.take('hz-move');
    h.signIn('w1', 'o1');
    h.callNext('w1');
    h.ok('window:no-show', { windowId: 'w1' }, officer('o1'));
    h.advance(3);
    expect(h.ok('ticket:reactivate', { ticketId: a1.id }, guide).result.ticket.status).toBe('waiting');
  });

  it('a ticket still held at closing loses its hold when carried over to the next day', () => {
    const h = new TestHall();
    h.at('09:00');
    const a1 = h.take('hz-move');
    h.ok('ticket:hold', { ticketId: a1.id }, guide);
    h.at('17:10');
    h.ok('hall:carry-over', { toWindowId: 'w1' }, manager);
    expect(h.ticket(a1.id)).toMatchObject({ status: 'carried', heldAt: null });
  });
});
