import { describe, expect, it } from 'vitest';
import type { Actor } from '@yichuang/protocol';
import { appointmentCodeFrom, bookableDays, bookingRule, slotsOn } from './booking-slots.ts';
import { chooseNext } from './call-rules.ts';
import type { ReserveInput } from './decide-appointment.ts';
import { MONDAY, TUESDAY, TestHall, kiosk, manager, shanghai } from './test-hall.ts';

const web: Actor = { kind: 'public', role: 'public' };

/** hz (户籍) bookable, 2 places per 30-minute slot, 3 days ahead, released at 08:00; w4 appointment-only on Mondays. */
function hall(): TestHall {
  const h = new TestHall({
    booking: {
      enabled: true,
      daysAhead: 3,
      slotMinutes: 30,
      capacity: 2,
      releaseTime: '08:00',
      closeMinutesBefore: 30,
      limitPerPhonePerDay: 2,
      limitPerIdPerDay: 1,
      queues: [{ queueId: 'hz' }, { queueId: 'crj', serviceIds: ['crj-pass'], capacity: 1, slotMinutes: 60 }],
      appointmentOnly: [{ windowId: 'w4', weekdays: [1] }],
    },
  });
  h.at('08:30');
  return h;
}

let requests = 0;
function reserve(h: TestHall, p: Partial<ReserveInput> & { day: string; start: string }, actor: Actor = web) {
  return h.runEngine(
    {
      name: 'appointment:reserve',
      payload: {
        requestId: `b${++requests}`,
        serviceId: 'hz-move',
        phoneHash: 'phone-A',
        contact: { name: '张*', phone: '138****5678' },
        ...p,
      },
    },
    actor,
  );
}
const code = (o: ReturnType<typeof reserve>): string => {
  if (!o.ok) throw new Error(`${o.error.code}: ${o.error.message}`);
  return o.result.appointment.code;
};
const errorOf = (o: { ok: boolean; error?: { code: string } }): string | undefined => o.error?.code;

describe('booking slots', () => {
  it('cuts the opening hours into slots with their capacity, per matter of a bookable queue only', () => {
    const h = hall();
    const rule = bookingRule(h.config, 'hz-move')!;
    const slots = slotsOn(h.state, rule, TUESDAY, h.now);
    expect(slots[0]).toMatchObject({ start: '09:00', end: '09:30', capacity: 2, remaining: 2 });
    expect(slots.at(-1)).toMatchObject({ start: '16:30', end: '17:00' });
    expect(slots).toHaveLength(16);
    expect(slotsOn(h.state, bookingRule(h.config, 'crj-pass')!, TUESDAY, h.now)[0]).toMatchObject({
      start: '09:00',
      end: '10:00',
      capacity: 1,
    });
    expect(bookingRule(h.config, 'jg-lic')).toBeNull();
    expect(bookingRule(h.config, 'crj-other')).toBeNull();
  });

  it('offers today only from closeMinutesBefore on, skips closed days, and opens the newest day at the release time', () => {
    const h = hall();
    h.at('10:10');
    const rule = bookingRule(h.config, 'hz-move')!;
    expect(slotsOn(h.state, rule, MONDAY, h.now)[0]?.start).toBe('11:00');
    // Monday + 3 = Thursday; at 07:00 Thursday is not released yet.
    h.at('07:00');
    expect(bookableDays(h.state, rule, h.now).map((d) => d.day)).toEqual([MONDAY, TUESDAY, '2026-11-25']);
    h.at('08:00');
    expect(bookableDays(h.state, rule, h.now).map((d) => d.day)).toEqual([MONDAY, TUESDAY, '2026-11-25', '2026-11-26']);
  });

  it('makes 6-character codes without 0, O, 1 or I', () => {
    const codes = new Set(Array.from({ length: 2000 }, (_, i) => appointmentCodeFrom(`id-${i}`)));
    expect(codes.size).toBeGreaterThan(1990);
    for (const c of codes) expect(c).toMatch(/^[A-HJ-NP-Z2-9]{6}$/);
  });
});

describe('appointment:reserve', () => {
  it('books a place: masked contact and hashes only, source online for the public and phone for staff', () => {
    const h = hall();
    const o = reserve(h, { day: TUESDAY, start: '10:00', idHash: 'id-A' });
    if (!o.ok) throw new Error(o.error.message);
    expect(o.result.appointment).toMatchObject({
      serviceId: 'hz-move',
      day: TUESDAY,
      slotStart: shanghai(TUESDAY, '10:00'),
      slotEnd: shanghai(TUESDAY, '10:30'),
      status: 'booked',
      source: 'online',
      phoneHash: 'phone-A',
      idHash: 'id-A',
      contact: { name: '张*', phone: '138****5678' },
    });
    expect(o.events.map((e) => e.type)).toEqual(['appointment:booked']);
    const byStaff = reserve(h, { day: TUESDAY, start: '10:00', phoneHash: 'phone-B' }, manager);
    expect(byStaff.ok && byStaff.result.appointment.source).toBe('phone');
    expect(h.replayed().appointments.size).toBe(2);
  });

  it('gives the last place once: the next booking of the slot is SLOT_FULL, and another slot still works', () => {
    const h = hall();
    reserve(h, { day: TUESDAY, start: '10:00', phoneHash: 'p1' });
    reserve(h, { day: TUESDAY, start: '10:00', phoneHash: 'p2' });
    expect(errorOf(reserve(h, { day: TUESDAY, start: '10:00', phoneHash: 'p3' }))).toBe('SLOT_FULL');
    expect(reserve(h, { day: TUESDAY, start: '10:30', phoneHash: 'p3' }).ok).toBe(true);
    const slot = slotsOn(h.state, bookingRule(h.config, 'hz-move')!, TUESDAY, h.now).find((s) => s.start === '10:00');
    expect(slot?.remaining).toBe(0);
  });

  it('limits bookings per phone and per ID card a day; cancelled ones do not count', () => {
    const h = hall();
    const first = code(reserve(h, { day: TUESDAY, start: '09:00' }));
    reserve(h, { day: TUESDAY, start: '09:30' });
    expect(errorOf(reserve(h, { day: TUESDAY, start: '11:00' }))).toBe('LIMIT_REACHED');
    expect(reserve(h, { day: '2026-11-25', start: '11:00' }).ok).toBe(true);
    h.runEngine({ name: 'appointment:cancel', payload: { requestId: 'c1', code: first, phoneHash: 'phone-A' } }, web);
    expect(reserve(h, { day: TUESDAY, start: '11:00' }).ok).toBe(true);
    reserve(h, { day: TUESDAY, start: '12:00', phoneHash: 'x1', idHash: 'id-1' });
    expect(errorOf(reserve(h, { day: TUESDAY, start: '12:30', phoneHash: 'x2', idHash: 'id-1' }))).toBe(
      'LIMIT_REACHED',
    );
  });

  it('refuses a matter that takes no appointments, a past or too-soon slot, a day beyond the horizon, a closed day', () => {
    const h = hall();
    expect(errorOf(reserve(h, { serviceId: 'jg-lic', day: TUESDAY, start: '10:00' }))).toBe('NOT_BOOKABLE');
    expect(errorOf(reserve(h, { serviceId: 'nope', day: TUESDAY, start: '10:00' }))).toBe('UNKNOWN_SERVICE');
    h.at('08:45');
    expect(errorOf(reserve(h, { day: MONDAY, start: '08:30' }))).toBe('SLOT_CLOSED');
    expect(errorOf(reserve(h, { day: MONDAY, start: '09:00' }))).toBe('SLOT_CLOSED'); // within 30 minutes
    expect(errorOf(reserve(h, { day: TUESDAY, start: '10:15' }))).toBe('SLOT_CLOSED'); // not a slot start
    expect(errorOf(reserve(h, { day: '2026-11-27', start: '10:00' }))).toBe('SLOT_CLOSED'); // beyond 3 days
    expect(errorOf(reserve(h, { day: '2026-11-22', start: '10:00' }))).toBe('SLOT_CLOSED');
    expect(h.state.appointments.size).toBe(0);
  });
});

describe('cancel and reschedule', () => {
  it('need the phone the booking was made with (staff need none); a wrong phone reads as an unknown code', () => {
    const h = hall();
    const c = code(reserve(h, { day: TUESDAY, start: '10:00' }));
    const cancel = (phoneHash: string | undefined, actor: Actor = web) =>
      h.runEngine(
        {
          name: 'appointment:cancel',
          payload: { requestId: `c-${phoneHash}`, code: c.toLowerCase(), ...(phoneHash ? { phoneHash } : {}) },
        },
        actor,
      );
    expect(errorOf(cancel('phone-B'))).toBe('UNKNOWN_APPOINTMENT');
    expect(errorOf(cancel(undefined))).toBe('UNKNOWN_APPOINTMENT');
    const ok = cancel('phone-A');
    expect(ok.ok && ok.result.appointment.status).toBe('cancelled');
    // Twice is once; staff may cancel without the phone.
    const again = cancel(undefined, manager);
    expect(again.ok && again.events).toEqual([]);
    expect(h.replayed().appointments.get(c)?.status).toBe('cancelled');
  });

  it('moves to a free slot, keeps its code, frees the old place and refuses a full one', () => {
    const h = hall();
    const c = code(reserve(h, { day: TUESDAY, start: '10:00' }));
    reserve(h, { day: TUESDAY, start: '11:00', phoneHash: 'p1' });
    reserve(h, { day: TUESDAY, start: '11:00', phoneHash: 'p2' });
    const move = (day: string, start: string) =>
      h.runEngine(
        {
          name: 'appointment:reschedule',
          payload: { requestId: `m-${day}-${start}`, code: c, phoneHash: 'phone-A', day, start },
        },
        web,
      );
    expect(errorOf(move(TUESDAY, '11:00'))).toBe('SLOT_FULL');
    const moved = move('2026-11-25', '14:00');
    if (!moved.ok) throw new Error(moved.error.message);
    expect(moved.result.appointment).toMatchObject({
      code: c,
      day: '2026-11-25',
      slotStart: shanghai('2026-11-25', '14:00'),
    });
    const rule = bookingRule(h.config, 'hz-move')!;
    expect(slotsOn(h.state, rule, TUESDAY, h.now).find((s) => s.start === '10:00')?.remaining).toBe(2);
    expect(h.replayed().appointments.get(c)?.day).toBe('2026-11-25');
  });
});

describe('kiosk check-in by phone or ID card', () => {
  it("finds today's appointment by the phone hash or the ID hash, in its check-in window", () => {
    const h = hall();
    h.at('08:00');
    const c = code(reserve(h, { day: MONDAY, start: '10:00', idHash: 'id-A' }));
    h.at('09:40');
    const t = h.runEngine(
      { name: 'ticket:take', payload: { requestId: 'k1', appointmentPhoneHash: 'phone-A' } },
      kiosk,
    );
    if (!t.ok) throw new Error(t.error.message);
    expect(t.result.appointmentCode).toBe(c);
    const again = h.runEngine({ name: 'ticket:take', payload: { requestId: 'k2', idHash: 'id-A' } }, kiosk);
    expect(errorOf(again)).toBe('UNKNOWN_APPOINTMENT'); // used: nothing left to check in
    const none = h.runEngine(
      { name: 'ticket:take', payload: { requestId: 'k3', appointmentPhoneHash: 'other' } },
      kiosk,
    );
    expect(none.ok ? null : none.error.message).toMatch(/手机号/);
  });

  it('refuses a cancelled appointment by code', () => {
    const h = hall();
    h.at('08:00');
    const c = code(reserve(h, { day: MONDAY, start: '10:00' }));
    h.runEngine({ name: 'appointment:cancel', payload: { requestId: 'c', code: c } }, manager);
    h.at('09:45');
    expect(h.fail('ticket:take', { appointmentCode: c.toLowerCase() }, kiosk)).toBe('APPOINTMENT_CANCELLED');
  });
});

describe('appointment:import', () => {
  it('takes valid rows, counts a re-sent row as a duplicate and reports refused rows with their reasons', () => {
    const h = hall();
    const rows = [
      { row: 1, code: 'PROV0001', serviceId: 'hz-move', day: TUESDAY, start: '10:00', phoneHash: 'ph' },
      { row: 2, code: 'PROV0002', serviceId: 'nope', day: TUESDAY, start: '10:00' },
      { row: 3, code: 'PROV0003', serviceId: 'jg-lic', day: '2026-11-01', start: '10:00' },
      { row: 4, code: null, refused: 'day: expected YYYY-MM-DD' },
      { row: 5, code: 'PROV0004', serviceId: 'jg-lic', day: TUESDAY, start: '10:00', end: '10:20' },
    ];
    const o = h.runEngine({ name: 'appointment:import', payload: { requestId: 'i1', rows } }, manager);
    if (!o.ok) throw new Error(o.error.message);
    expect(o.result.report.imported).toBe(2);
    expect(o.result.report.refused.map((r) => r.row)).toEqual([2, 3, 4]);
    expect(h.state.appointments.get('PROV0004')).toMatchObject({
      source: 'import',
      slotEnd: shanghai(TUESDAY, '10:20'),
    });
    const again = h.runEngine(
      {
        name: 'appointment:import',
        payload: { requestId: 'i2', rows: [rows[0]!, { ...rows[4]!, start: '11:00', row: 2 }] },
      },
      manager,
    );
    expect(again.ok && again.result.report).toMatchObject({ imported: 0, duplicates: 1, refused: [{ row: 2 }] });
  });
});

describe('appointment-only windows (全员预约服务模式)', () => {
  it('call only appointment tickets on their weekdays, any ticket on others', () => {
    const h = hall();
    h.at('08:00');
    const c = code(reserve(h, { serviceId: 'crj-pass', day: MONDAY, start: '10:00' }));
    h.at('09:00');
    h.signIn('w4', 'o7');
    h.take('crj-pass');
    expect(chooseNext(h.state, 'w4', h.now)).toBeNull();
    h.at('09:55');
    const t = h.take('crj-pass', { appointmentCode: c });
    expect(chooseNext(h.state, 'w4', h.now)?.ticket.id).toBe(t.id);
    // Tuesday: an ordinary window again.
    h.at('09:00', TUESDAY);
    h.tick();
    h.take('crj-pass');
    expect(chooseNext(h.state, 'w4', h.now)).not.toBeNull();
  });
});
