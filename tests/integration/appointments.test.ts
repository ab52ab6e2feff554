import { afterEach, describe, expect, it } from 'vitest';
import { startHub, type Harness } from '../support/hub-harness.ts';

/**
 * Appointments over REST against a real hub and SQLite file (test hall: 无犯罪记录证明 `cert` is bookable,
 * 3 places per 30-minute slot, a week ahead; the clock is Monday 2026-11-23 10:00 in Shanghai).
 */
const TUESDAY = '2026-11-24';
const MONDAY = '2026-11-23';
const VALID_ID = '11010519491231002X';

let h: Harness | null = null;
afterEach(async () => {
  await h?.close();
  h = null;
});

const booking = (over: Record<string, unknown> = {}) => ({
  requestId: `b-${Math.random()}`,
  serviceId: 'cert',
  day: TUESDAY,
  start: '09:00',
  name: '张三',
  phone: '13812345678',
  ...over,
});

/** Every event payload and request answer the hub wrote, as one string (to look for personal data in clear). */
function logText(x: Harness): string {
  const events = x.db.prepare('SELECT payload FROM events').all() as { payload: string }[];
  const requests = x.db.prepare('SELECT * FROM requests').all();
  const appointments = x.db.prepare('SELECT data FROM appointments').all() as { data: string }[];
  return JSON.stringify([events, requests, appointments]);
}

describe('booking on the phone pages', () => {
  it('lists days and slots, books with a masked answer, keeps the clear contact only in its own table', async () => {
    h = await startHub();
    const days = await h.api('GET', '/api/appointments/days?serviceId=cert');
    expect(days.status).toBe(200);
    expect(days.body.days.map((d: { day: string }) => d.day)).toContain(TUESDAY);
    expect(days.body.days).toHaveLength(8);
    const slots = await h.api('GET', `/api/appointments/slots?serviceId=cert&day=${TUESDAY}`);
    expect(slots.body.slots[0]).toEqual({ start: '00:00', end: '00:30', capacity: 3, remaining: 3 });
    const today = await h.api('GET', `/api/appointments/slots?serviceId=cert&day=${MONDAY}`);
    expect(today.body.slots[0].start).toBe('10:00'); // earlier slots of today are gone

    const res = await h.api('POST', '/api/appointments/book', booking({ idCard: VALID_ID }));
    expect(res.status).toBe(201);
    const a = res.body.appointment;
    expect(a).toMatchObject({
      serviceId: 'cert',
      serviceName: '无犯罪记录证明',
      day: TUESDAY,
      start: '09:00',
      end: '09:30',
      status: 'booked',
      name: '张*',
      phone: '138****5678',
    });
    expect(a.code).toMatch(/^[A-Z2-9]{6}$/);
    const contact = h.db.prepare('SELECT name, phone FROM appointment_contacts WHERE code = ?').get(a.code);
    expect(contact).toEqual({ name: '张三', phone: '13812345678' });
    const log = logText(h);
    for (const clear of ['张三', '13812345678', VALID_ID]) expect(log).not.toContain(clear);

    const mine = await h.api('POST', '/api/appointments/lookup', { code: a.code.toLowerCase(), phone: '13812345678' });
    expect(mine.body.appointment.code).toBe(a.code);
    const other = await h.api('POST', '/api/appointments/lookup', { code: a.code, phone: '13900000000' });
    expect(other.status).toBe(404);
    expect(other.body.error.code).toBe('UNKNOWN_APPOINTMENT');
    const catalogue = await h.api('GET', '/api/catalogue');
    const bookable = catalogue.body.services
      .filter((s: { bookable: boolean }) => s.bookable)
      .map((s: { id: string }) => s.id);
    expect(bookable).toEqual(['cert']);
  });

  it('gives the last places of a slot once under a burst, and a retry of a requestId the same code', async () => {
    h = await startHub();
    const x = h;
    const answers = await Promise.all(
      Array.from({ length: 9 }, (_, i) =>
        x.api('POST', '/api/appointments/book', booking({ phone: `1390000000${i}`, requestId: `race-${i}` })),
      ),
    );
    expect(answers.filter((r) => r.status === 201)).toHaveLength(3);
    const refused = answers.filter((r) => r.status !== 201);
    expect(refused.map((r) => (r.body as { error: { code: string } }).error.code)).toEqual(Array(6).fill('SLOT_FULL'));
    const slot = (await x.api('GET', `/api/appointments/slots?serviceId=cert&day=${TUESDAY}`)).body.slots.find(
      (s: { start: string }) => s.start === '09:00',
    );
    expect(slot.remaining).toBe(0);
    const first = answers.find((r) => r.status === 201)!;
    const index = answers.indexOf(first);
    const again = await x.api(
      'POST',
      '/api/appointments/book',
      booking({ phone: `1390000000${index}`, requestId: `race-${index}` }),
    );
    expect(again.body.appointment.code).toBe(first.body.appointment.code);
    const booked = x.db.prepare("SELECT COUNT(*) AS n FROM events WHERE type = 'appointment:booked'").get() as {
      n: number;
    };
    expect(booked.n).toBe(3);
  });

  it('limits bookings per phone a day, refuses bad input clearly and changes nothing', async () => {
    h = await startHub();
    expect((await h.api('POST', '/api/appointments/book', booking())).status).toBe(201);
    expect((await h.api('POST', '/api/appointments/book', booking({ start: '09:30' }))).status).toBe(201);
    const third = await h.api('POST', '/api/appointments/book', booking({ start: '10:00' }));
    expect(third.body.error.code).toBe('LIMIT_REACHED');
    for (const bad of [
      booking({ phone: '12345' }),
      booking({ name: '' }),
      booking({ idCard: '110105194912310021' }),
      booking({ start: '9:00' }),
      booking({ extra: 1 }),
    ]) {
      const res = await h.api('POST', '/api/appointments/book', bad);
      expect(res.status).toBe(400);
      expect(res.body.error.code).toBe('VALIDATION_FAILED');
    }
    expect((await h.api('POST', '/api/appointments/book', booking({ serviceId: 'idcard' }))).body.error.code).toBe(
      'NOT_BOOKABLE',
    );
    expect((await h.api('POST', '/api/appointments/book', booking({ day: '2026-12-25' }))).body.error.code).toBe(
      'SLOT_CLOSED',
    );
    const rows = h.db.prepare('SELECT COUNT(*) AS n FROM appointment_contacts').get() as { n: number };
    expect(rows.n).toBe(2);
  });

  it('cancels and reschedules with the phone of the booking only; a cancelled code cannot be checked in', async () => {
    h = await startHub();
    const a = (await h.api('POST', '/api/appointments/book', booking({ day: MONDAY, start: '10:30' }))).body
      .appointment;
    const wrong = await h.api('POST', `/api/appointments/${a.code}/cancel`, { phone: '13900000000' });
    expect(wrong.body.error.code).toBe('UNKNOWN_APPOINTMENT');
    const moved = await h.api('POST', `/api/appointments/${a.code.toLowerCase()}/reschedule`, {
      requestId: 'mv',
      phone: '13812345678',
      day: MONDAY,
      start: '11:00',
    });
    expect(moved.body.appointment).toMatchObject({ code: a.code, start: '11:00', end: '11:30' });
    const cancelled = await h.api('POST', `/api/appointments/${a.code}/cancel`, { phone: '13812345678' });
    expect(cancelled.body.appointment.status).toBe('cancelled');
    const twice = await h.api('POST', `/api/appointments/${a.code}/cancel`, { phone: '13812345678' });
    expect(twice.body.appointment.status).toBe('cancelled');
    const slot = (await h.api('GET', `/api/appointments/slots?serviceId=cert&day=${MONDAY}`)).body.slots.find(
      (s: { start: string }) => s.start === '11:00',
    );
    expect(slot.remaining).toBe(3);
    h.clock.now += 45 * 60_000;
    const take = await h.api('POST', '/api/tickets', { requestId: 'ci', appointmentCode: a.code }, 'kiosk-1-secret');
    expect(take.body.error.code).toBe('APPOINTMENT_CANCELLED');
  });
});

describe('check-in and the staff list', () => {
  it('checks in at the kiosk by code in any case, by phone or by ID card; the day list shows arrivals and no-shows', async () => {
    h = await startHub();
    const m1 = await h.login('m1');
    type Booked = { code: string; status: string };
    const book = async (phone: string, start: string, extra: Record<string, unknown> = {}): Promise<Booked> =>
      (
        (await h!.api('POST', '/api/appointments/book', booking({ day: MONDAY, start, phone, ...extra }), m1)).body as {
          appointment: Booked;
        }
      ).appointment;
    const byCode = await book('13800000001', '10:00');
    await book('13800000002', '10:00');
    await book('13800000003', '10:00', { idCard: VALID_ID, name: '欧阳娜娜' });
    const late = await book('13800000004', '10:30');
    expect(byCode.status).toBe('booked');

    const kiosk = 'kiosk-1-secret';
    const t1 = await h.api(
      'POST',
      '/api/tickets',
      { requestId: 'k1', appointmentCode: byCode.code.toLowerCase() },
      kiosk,
    );
    expect(t1.status).toBe(201);
    expect(t1.body.appointmentCode).toBe(byCode.code);
    const t2 = await h.api('POST', '/api/tickets', { requestId: 'k2', appointmentPhone: '13800000002' }, kiosk);
    expect(t2.status).toBe(201);
    const t3 = await h.api('POST', '/api/tickets', { requestId: 'k3', idCard: VALID_ID }, kiosk);
    expect(t3.status).toBe(201);
    const none = await h.api('POST', '/api/tickets', { requestId: 'k4', appointmentPhone: '13800009999' }, kiosk);
    expect(none.body.error.message).toMatch(/手机号/);

    // After the check-in window (slot end + 15 minutes) the one who did not come is a no-show.
    h.clock.now += 80 * 60_000;
    const day = await h.api('GET', `/api/appointments?day=${MONDAY}`, undefined, m1);
    expect(day.status).toBe(200);
    const rows = day.body.appointments as {
      code: string;
      status: string;
      name: string;
      phone: string;
      source: string;
      ticketNumber: string | null;
    }[];
    expect(rows).toHaveLength(4);
    expect(rows.find((r) => r.code === late.code)?.status).toBe('no-show');
    expect(rows.filter((r) => r.status === 'checked-in').map((r) => r.ticketNumber)).toEqual(['A001', 'A002', 'A003']);
    expect(rows.map((r) => r.name)).toContain('欧阳娜娜'); // staff see the name
    expect(rows.every((r) => r.phone.includes('****') && r.source === 'phone')).toBe(true);
    expect(day.body.totals).toMatchObject({ booked: 4, arrived: 3, noShow: 1, cancelled: 0 });
    const slot = day.body.slots.find((s: { start: string }) => s.start === '10:00');
    expect(slot).toMatchObject({ booked: 3, arrived: 3, remaining: 0 });
    expect(day.body.totals.fillRate).toBeGreaterThan(0);
    const report = await h.api('GET', `/api/reports/daily?date=${MONDAY}`, undefined, m1);
    expect(report.body.bookings).toEqual({
      booked: 4,
      arrived: 3,
      noShow: 1,
      cancelled: 0,
      bySource: { online: 0, phone: 4, import: 0, staff: 0 },
    });
    expect(report.body.totals.appointments).toBe(3);
    const asKiosk = await h.api('GET', `/api/appointments?day=${MONDAY}`, undefined, kiosk);
    expect(asKiosk.status).toBe(403);
  });
});

describe('import from the provincial platform', () => {
  it('takes JSON or CSV, is idempotent by code and reports refused rows with their reasons', async () => {
    h = await startHub();
    const m1 = await h.login('m1');
    const items = [
      { code: 'prov0001', serviceId: 'cert', day: TUESDAY, start: '14:00', name: '李四', phone: '13712345678' },
      { code: 'PROV0002', serviceId: 'nope', day: TUESDAY, start: '14:00' },
      { code: 'PROV0003', serviceId: 'cert', day: 'tomorrow', start: '14:00' },
      { code: 'PROV0004', serviceId: 'idcard', day: TUESDAY, start: '15:00', end: '15:20' },
    ];
    const first = await h.api('POST', '/api/appointments/import', { items }, m1);
    expect(first.status).toBe(200);
    expect(first.body.report.imported).toBe(2);
    expect(first.body.report.refused.map((r: { row: number }) => r.row)).toEqual([2, 3]);
    expect(first.body.report.refused[0].reason).toMatch(/没有该办事事项/);
    const again = await h.api('POST', '/api/appointments/import', { items: [items[0]] }, m1);
    expect(again.body.report).toEqual({ imported: 0, duplicates: 1, refused: [] });

    const csv =
      '预约码,事项编码,日期,开始时间,姓名,手机号\r\nCSV00001,cert,2026-11-24,15:00,"王,五",13612345678\r\nPROV0001,cert,2026-11-24,16:00,,\r\n';
    const res = await fetch(`${h.url}/api/appointments/import`, {
      method: 'POST',
      headers: { authorization: `Bearer ${m1}`, 'content-type': 'text/csv' },
      body: csv,
    });
    const body = (await res.json()) as { report: { imported: number; refused: { code: string; reason: string }[] } };
    expect(body.report.imported).toBe(1);
    expect(body.report.refused).toEqual([{ row: 2, code: 'PROV0001', reason: expect.stringMatching(/另一预约/) }]);
    const contacts = h.db.prepare('SELECT code, name FROM appointment_contacts ORDER BY code').all();
    expect(contacts).toEqual([
      { code: 'CSV00001', name: '王,五' },
      { code: 'PROV0001', name: '李四' },
    ]);
    const kiosk = await h.api('POST', '/api/appointments/import', { items }, 'kiosk-1-secret');
    expect(kiosk.status).toBe(403);
  });
});

describe('abuse', () => {
  it('limits bookings per address', async () => {
    h = await startHub();
    const codes: string[] = [];
    for (let i = 0; i < 11; i++) {
      const res = await h.api(
        'POST',
        '/api/appointments/book',
        booking({ phone: `1350000000${i % 10}`, start: `1${i % 4}:00`, requestId: `rl-${i}` }),
      );
      codes.push(res.status === 201 ? 'ok' : res.body.error.code);
    }
    expect(codes.at(-1)).toBe('RATE_LIMITED');
    expect(codes.slice(0, 10)).not.toContain('RATE_LIMITED');
  });
});
