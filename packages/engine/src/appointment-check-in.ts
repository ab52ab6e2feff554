import type { Appointment, CallRules, DomainError } from '@yichuang/protocol';
import { fail, normalizeAppointmentCode } from '@yichuang/protocol';
import type { TakeTicketInput } from './decision.ts';
import type { HallState } from './hall-state.ts';
import { clockText, localTime } from './hall-time.ts';

const MINUTE = 60_000;
const MONTHS_EN = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

function clock(at: number, tz: string): string {
  return clockText(localTime(at, tz).minutes);
}

/** "11月24日" and "24 Nov" for a YYYY-MM-DD day. */
function dayText(day: string): { zh: string; en: string } {
  const [, mo, d] = day.split('-').map(Number) as [number, number, number];
  return { zh: `${mo}月${d}日`, en: `${d} ${MONTHS_EN[mo - 1] ?? ''}` };
}

/** When an appointment may be checked in: from `early` minutes before its slot to `late` minutes after it. */
export function checkInWindow(a: Appointment, rules: CallRules): { from: number; until: number } {
  return {
    from: a.slotStart - rules.appointmentCheckInEarlyMinutes * MINUTE,
    until: a.slotEnd + rules.appointmentCheckInLateMinutes * MINUTE,
  };
}

/**
 * Why an appointment cannot be checked in now, or null when it can. The message names the slot and when
 * to come (预约时段为 10:00–10:30，请于 09:30 后签到), so the kiosk can show it as it is.
 */
export function checkInRefusal(
  a: Appointment,
  today: string,
  now: number,
  rules: CallRules,
  tz: string,
): DomainError | null {
  const slot = `${clock(a.slotStart, tz)}–${clock(a.slotEnd, tz)}`;
  const { from, until } = checkInWindow(a, rules);
  if (a.day !== today) {
    const day = dayText(a.day);
    return a.day > today
      ? fail(
          'APPOINTMENT_TOO_EARLY',
          `预约时段为 ${day.zh} ${slot}，请当天 ${clock(from, tz)} 后签到 / ` +
            `Your appointment is on ${day.en}, ${slot}: please check in that day from ${clock(from, tz)}`,
          'appointmentCode',
        )
      : fail(
          'APPOINTMENT_TOO_LATE',
          `预约时段为 ${day.zh} ${slot}，已过签到时间，请取普通号或重新预约 / ` +
            `Your appointment was on ${day.en}, ${slot}: please take an ordinary ticket or book again`,
          'appointmentCode',
        );
  }
  if (now < from)
    return fail(
      'APPOINTMENT_TOO_EARLY',
      `预约时段为 ${slot}，请于 ${clock(from, tz)} 后签到 / ` +
        `Your appointment is ${slot}: please check in from ${clock(from, tz)}`,
      'appointmentCode',
    );
  if (now > until)
    return fail(
      'APPOINTMENT_TOO_LATE',
      `预约时段为 ${slot}，签到已于 ${clock(until, tz)} 截止，请取普通号 / ` +
        `Your appointment was ${slot}: check-in closed at ${clock(until, tz)}, please take an ordinary ticket`,
      'appointmentCode',
    );
  return null;
}

/**
 * The appointment a kiosk check-in names: by its code (any case), or today's appointment booked with the
 * phone number or ID card given (the one whose check-in window is open, else the next). Null when the
 * ticket is not a check-in; an error when nothing matches.
 */
export function appointmentToCheckIn(
  state: HallState,
  p: TakeTicketInput,
  now: number,
): Appointment | DomainError | null {
  if (p.appointmentCode !== undefined)
    return (
      state.appointments.get(normalizeAppointmentCode(p.appointmentCode)) ??
      fail('UNKNOWN_APPOINTMENT', '预约码无效 / unknown appointment code', 'appointmentCode')
    );
  const by: ['phoneHash' | 'idHash', string] | null =
    p.appointmentPhoneHash !== undefined
      ? ['phoneHash', p.appointmentPhoneHash]
      : p.serviceId === undefined && p.idHash !== undefined
        ? ['idHash', p.idHash]
        : null;
  if (by === null) return null;
  const rules = state.model.config.callRules;
  const mine = [...state.appointments.values()]
    .filter((a) => a.day === state.day && a[by[0]] === by[1] && a.status !== 'cancelled' && a.ticketId === null)
    .sort((a, b) => a.slotStart - b.slotStart);
  const open = mine.find((a) => {
    const w = checkInWindow(a, rules);
    return now >= w.from && now <= w.until;
  });
  const next = open ?? mine.find((a) => checkInWindow(a, rules).until >= now) ?? mine[mine.length - 1];
  return (
    next ??
    fail(
      'UNKNOWN_APPOINTMENT',
      by[0] === 'phoneHash'
        ? '没有找到该手机号今天的预约 / no appointment today for this phone number'
        : '没有找到该身份证今天的预约 / no appointment today for this ID card',
      by[0] === 'phoneHash' ? 'appointmentPhone' : 'idCard',
    )
  );
}
