import { describe, expect, it } from 'vitest';
import type { CallRules } from '@yichuang/protocol';
import { chooseNext } from './call-rules.ts';
import { event } from './decision.ts';
import { evolve } from './evolve.ts';
import { restoreState, stateData } from './hall-state.ts';
import { runCommand } from './engine.ts';
import { MONDAY, TUESDAY, TestHall, kiosk, manager, ofType, shanghai, types } from './test-hall.ts';

/** YY0001: hz-move, Monday 11:00–11:30, booked at 08:30. */
function hall(callRules: Partial<CallRules> = {}): TestHall {
  const h = new TestHall({ callRules });
  h.at('08:30');
  h.ok(
    'appointment:book',
    { code: 'YY0001', serviceId: 'hz-move', day: MONDAY, start: '11:00', end: '11:30' },
    manager,
  );
  return h;
}

/** The error message of a check-in that must fail. */
function refusal(h: TestHall, appointmentCode: string): string {
  const outcome = h.run('ticket:take', { appointmentCode }, kiosk);
  if (outcome.ok) throw new Error('checked in, expected a refusal');
  return outcome.error.message;
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
      status: 'booked',
      source: 'staff',
      bookedAt: h.now,
      phoneHash: null,
      idHash: null,
      contact: null,
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

  it('refuses a code for another day (saying which day and from when) or another service', () => {
    const h = hall();
    h.ok(
      'appointment:book',
      { code: 'YY0002', serviceId: 'hz-move', day: TUESDAY, start: '09:00', end: '09:30' },
      manager,
    );
    h.at('10:30');
    expect(h.fail('ticket:take', { serviceId: 'hz-move', appointmentCode: 'YY0002' }, kiosk)).toBe(
      'APPOINTMENT_TOO_EARLY',
    );
    expect(refusal(h, 'YY0002')).toBe(
      '预约时段为 11月24日 09:00–09:30，请当天 08:30 后签到 / ' +
        'Your appointment is on 24 Nov, 09:00–09:30: please check in that day from 08:30',
    );
    expect(h.fail('ticket:take', { serviceId: 'hz-id', appointmentCode: 'YY0001' }, kiosk)).toBe('INVALID_STATE');
    h.at('09:10', TUESDAY);
    expect(h.take('hz-move', { appointmentCode: 'YY0002' }).appointmentCode).toBe('YY0002');
  });

  it('shows the slot: the ticket carries its start and end', () => {
    const h = hall();
    h.at('10:45');
    const t = h.take('hz-move', { appointmentCode: 'YY0001' });
    expect(t.appointmentSlot).toEqual({ start: shanghai(MONDAY, '11:00'), end: shanghai(MONDAY, '11:30') });
    expect(h.take('hz-move').appointmentSlot).toBeNull();
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

describe('the check-in window', () => {
  it('opens 30 minutes before the slot and closes 15 minutes after it, by default', () => {
    const h = hall(); // 11:00–11:30
    h.ok(
      'appointment:book',
      { code: 'YY0002', serviceId: 'hz-move', day: MONDAY, start: '11:00', end: '11:30' },
      manager,
    );
    h.at('10:29');
    expect(h.fail('ticket:take', { appointmentCode: 'YY0001' }, kiosk)).toBe('APPOINTMENT_TOO_EARLY');
    expect(refusal(h, 'YY0001')).toBe(
      '预约时段为 11:00–11:30，请于 10:30 后签到 / Your appointment is 11:00–11:30: please check in from 10:30',
    );
    h.at('10:30');
    expect(h.take('hz-move', { appointmentCode: 'YY0001' }).appointmentCode).toBe('YY0001');
    h.at('11:45');
    expect(h.take('hz-move', { appointmentCode: 'YY0002' }).appointmentCode).toBe('YY0002');
  });

  it('refuses a late check-in with the slot and the time check-in closed, and changes nothing', () => {
    const h = hall();
    h.at('11:45');
    h.advance(1);
    expect(h.fail('ticket:take', { appointmentCode: 'YY0001' }, kiosk)).toBe('APPOINTMENT_TOO_LATE');
    expect(refusal(h, 'YY0001')).toBe(
      '预约时段为 11:00–11:30，签到已于 11:45 截止，请取普通号 / ' +
        'Your appointment was 11:00–11:30: check-in closed at 11:45, please take an ordinary ticket',
    );
    expect(h.state.appointments.get('YY0001')?.ticketId).toBeNull();
    expect(h.state.tickets.size).toBe(0);
  });

  it('is set by callRules.appointmentCheckInEarlyMinutes and appointmentCheckInLateMinutes', () => {
    const h = hall({ appointmentCheckInEarlyMinutes: 10, appointmentCheckInLateMinutes: 0 });
    h.ok(
      'appointment:book',
      { code: 'YY0002', serviceId: 'hz-move', day: MONDAY, start: '11:00', end: '11:30' },
      manager,
    );
    h.at('10:49');
    expect(refusal(h, 'YY0001')).toContain('请于 10:50 后签到');
    h.at('10:50');
    h.take('hz-move', { appointmentCode: 'YY0001' });
    h.at('11:30');
    h.take('hz-move', { appointmentCode: 'YY0002' });
    h.ok(
      'appointment:book',
      { code: 'YY0003', serviceId: 'hz-move', day: MONDAY, start: '11:00', end: '11:30' },
      manager,
    );
    h.advance(1);
    expect(refusal(h, 'YY0003')).toContain('签到已于 11:30 截止');
  });
});

describe('appointment codes are case-insensitive', () => {
  it('a code booked in lower case checks in in capitals, and the other way round', () => {
    const h = new TestHall();
    h.at('08:30');
    const slot = { serviceId: 'hz-move', day: MONDAY, start: '10:00', end: '10:30' };
    const booked = h.ok('appointment:book', { code: 'xyz789', ...slot }, manager).result.appointment;
    expect(booked.code).toBe('XYZ789');
    h.ok('appointment:book', { code: 'ABC123', ...slot }, manager);
    // One code, whatever the case: a second booking of it is refused.
    expect(h.fail('appointment:book', { code: 'Xyz789', ...slot }, manager)).toBe('INVALID_STATE');
    h.at('09:45');
    expect(h.take('hz-move', { appointmentCode: 'XYZ789' }).appointmentCode).toBe('XYZ789');
    expect(h.take('hz-move', { appointmentCode: 'abc123' }).appointmentCode).toBe('ABC123');
    expect(h.fail('ticket:take', { appointmentCode: 'xyz789' }, kiosk)).toBe('APPOINTMENT_USED');
  });

  it('codes stored in lower case before codes were normalised still check in, from the log and from the store', () => {
    const h = new TestHall();
    h.at('08:30');
    // An old log: the booking kept the code as typed.
    const old = {
      code: 'old123',
      serviceId: 'hz-move',
      day: MONDAY,
      slotStart: shanghai(MONDAY, '10:00'),
      slotEnd: shanghai(MONDAY, '10:30'),
      ticketId: null,
      status: 'booked' as const,
      source: 'staff' as const,
      bookedAt: null,
      phoneHash: null,
      idHash: null,
      contact: null,
    };
    const booked = event('appointment:booked', h.now, { appointment: old });
    evolve(h.state, booked);
    h.events.push(booked);
    h.at('09:45');
    const t = h.take('hz-move', { appointmentCode: 'OLD123' });
    expect(h.ticket(t.id).appointment?.code).toBe('old123');
    expect(h.fail('ticket:take', { appointmentCode: 'old123' }, kiosk)).toBe('APPOINTMENT_USED');
    expect(h.replayed().appointments.get('OLD123')?.ticketId).toBe(t.id);

    // The hub restarts from its projections: the stored row still has the lower-case code.
    const restored = restoreState(h.config, stateData(h.state), [{ ...old, code: 'old456' }]);
    const outcome = runCommand(
      restored,
      { name: 'ticket:take', payload: { requestId: 'x', appointmentCode: 'Old456' } },
      kiosk,
      h.now,
      () => 'n1',
    );
    expect(outcome.ok && outcome.result.appointmentCode).toBe('old456');
    expect(restored.appointments.get('OLD456')?.ticketId).toBe('n1');
  });
});

describe('appointment priority', () => {
  it('is an ordinary ticket until its slot is due (appointmentEarlyMinutes before it), then goes first', () => {
    // slot 11:00–11:30, due 10 minutes early (from 10:50); check-in allowed two hours early here
    const h = hall({ appointmentCheckInEarlyMinutes: 120 });
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
