import { describe, expect, it } from 'vitest';
import { chooseNext } from './call-rules.ts';
import { MONDAY, TUESDAY, TestHall, kiosk, manager, ofType, shanghai, types } from './test-hall.ts';

function hall(): TestHall {
  const h = new TestHall();
  h.at('08:30');
  h.ok(
    'appointment:book',
    { code: 'YY0001', serviceId: 'hz-move', day: MONDAY, start: '11:00', end: '11:30' },
    manager,
  );
  return h;
}

describe('booking', () => {
  it('books a slot in hall time and records it', () => {
    const h = new TestHall();
    h.at('08:30');
    const { events, result } = h.ok(
      'appointment:book',
      { code: 'YY0002', serviceId: 'crj-pass', day: TUESDAY, start: '14:00', end: '14:30' },
      manager,
    );
    const expected = {
      code: 'YY0002',
      serviceId: 'crj-pass',
      day: TUESDAY,
      slotStart: shanghai(TUESDAY, '14:00'),
      slotEnd: shanghai(TUESDAY, '14:30'),
      ticketId: null,
    };
    expect(types(events)).toEqual(['appointment:booked']);
    expect(result.appointment).toEqual(expected);
    expect(h.state.appointments.get('YY0002')).toEqual(expected);
  });

  it('refuses an unknown service, a code already booked, and a day already past', () => {
    const h = hall();
    const slot = { day: MONDAY, start: '10:00', end: '10:30' };
    expect(h.fail('appointment:book', { code: 'YY0009', serviceId: 'nope', ...slot }, manager)).toBe('UNKNOWN_SERVICE');
    expect(h.fail('appointment:book', { code: 'YY0001', serviceId: 'hz-id', ...slot }, manager)).toBe('INVALID_STATE');
    const past = { code: 'YY0009', serviceId: 'hz-id', day: '2026-11-20', start: '10:00', end: '10:30' };
    expect(h.fail('appointment:book', past, manager)).toBe('INVALID_STATE');
  });
});

describe('checking in at the kiosk', () => {
  it('issues a ticket tied to the appointment', () => {
    const h = hall();
    h.at('10:30');
    const { events, result } = h.ok('ticket:take', { serviceId: 'hz-move', appointmentCode: 'YY0001' }, kiosk);
    expect(result).toMatchObject({ number: 'A001', appointmentCode: 'YY0001', status: 'waiting' });
    expect(ofType(events, 'ticket:issued')[0]?.payload.ticket.appointment).toEqual({
      code: 'YY0001',
      slotStart: shanghai(MONDAY, '11:00'),
      slotEnd: shanghai(MONDAY, '11:30'),
    });
    expect(h.state.appointments.get('YY0001')?.ticketId).toBe('t1');
  });

  it('checks in by code alone: the appointment names its service', () => {
    const h = hall();
    h.at('10:30');
    const { result } = h.ok('ticket:take', { appointmentCode: 'YY0001' }, kiosk);
    expect(result).toMatchObject({ serviceId: 'hz-move', appointmentCode: 'YY0001', status: 'waiting' });
    expect(h.fail('ticket:take', { appointmentCode: 'NOPE01' }, kiosk)).toBe('UNKNOWN_APPOINTMENT');
  });

  it('refuses an unknown code and a code already used', () => {
    const h = hall();
    h.at('10:30');
    expect(h.fail('ticket:take', { serviceId: 'hz-move', appointmentCode: 'NOPE01' }, kiosk)).toBe(
      'UNKNOWN_APPOINTMENT',
    );
    h.take('hz-move', { appointmentCode: 'YY0001' });
    expect(h.fail('ticket:take', { serviceId: 'hz-move', appointmentCode: 'YY0001' }, kiosk)).toBe('APPOINTMENT_USED');
  });

  it('refuses a code for another day or another service', () => {
    const h = hall();
    h.ok(
      'appointment:book',
      { code: 'YY0002', serviceId: 'hz-move', day: TUESDAY, start: '09:00', end: '09:30' },
      manager,
    );
    h.at('10:30');
    expect(h.fail('ticket:take', { serviceId: 'hz-move', appointmentCode: 'YY0002' }, kiosk)).toBe('INVALID_STATE');
    expect(h.fail('ticket:take', { serviceId: 'hz-id', appointmentCode: 'YY0001' }, kiosk)).toBe('INVALID_STATE');
    h.at('09:10', TUESDAY);
    expect(h.take('hz-move', { appointmentCode: 'YY0002' }).appointmentCode).toBe('YY0002');
  });

  it('forgets appointments of days gone by at the rollover', () => {
    const h = hall();
    h.ok(
      'appointment:book',
      { code: 'YY0002', serviceId: 'hz-move', day: TUESDAY, start: '09:00', end: '09:30' },
      manager,
    );
    h.at('00:00', TUESDAY);
    h.tick();
    expect([...h.state.appointments.keys()]).toEqual(['YY0002']);
  });
});

describe('appointment priority', () => {
  it('is an ordinary ticket until its slot is due (appointmentEarlyMinutes before it), then goes first', () => {
    const h = hall(); // slot 11:00–11:30, early 10 minutes: due from 10:50
    h.at('09:00');
    h.signIn('w1', 'o1');
    h.at('09:05');
    h.take('hz-move'); // A001
    h.at('09:08');
    h.take('hz-move'); // A002
    h.at('09:10');
    h.take('hz-move', { appointmentCode: 'YY0001' }); // A003
    h.at('10:49');
    expect(h.serveNext('w1')).toBe('A001');
    h.tick();
    expect(chooseNext(h.state, 'w1', h.now)?.ticket.number).toBe('A002');
    h.at('10:50');
    expect(h.serveNext('w1')).toBe('A003');
    expect(h.serveNext('w1')).toBe('A002');
  });

  it('counts as priority in views and at the green-channel window only after green tickets', () => {
    const h = hall();
    h.at('10:55');
    h.signIn('w3', 'o5');
    h.take('hz-move', { appointmentCode: 'YY0001' }); // A001, due
    h.advance(1);
    h.take('hz-move', { green: 'military' }); // A002
    h.advance(1);
    const ordinary = h.take('hz-move'); // A003
    expect(ordinary.ahead).toBe(2);
    expect([h.serveNext('w3'), h.serveNext('w3'), h.serveNext('w3')]).toEqual(['A002', 'A001', 'A003']);
  });
});
