import { addDays, businessDay, hoursOn, localTime, nextOpenDay } from '@yichuang/engine';
import type { HallConfig } from '@yichuang/protocol';
import type { CurrentPlan, DayHoursText } from '@yichuang/simulator';

export type { CurrentPlan, DayHoursText };

/**
 * Every open window of the running config with its queues and green-channel flag. Windows are
 * staffed from opening to the end of extended service (the simulator's default when a window has
 * no shifts), so the plan fits whichever day it is run on.
 */
export function currentPlan(config: HallConfig, now: number): CurrentPlan {
  const { hall } = config;
  const day = planningDay(config, now);
  const h = hoursOn(hall, day);
  const open = config.windows.filter((w) => w.open);
  return {
    day,
    hours: h === null ? null : { open: h.openText, close: h.closeText, serviceEnd: clock(h.serviceEnd, day, hall) },
    queues: config.queues.map((q) => ({ id: q.id, prefix: q.prefix, name: q.name })),
    plan: {
      name: '今日大厅',
      windows: open.map((w) => ({
        id: w.id,
        number: w.number,
        name: w.name,
        queues: w.queues,
        greenChannel: w.greenChannel,
      })),
    },
  };
}

/** The day a plan is thought of for: today if the hall opens today, else its next open day. */
export function planningDay(config: HallConfig, now: number): string {
  const today = businessDay(now, config.hall.timezone);
  return hoursOn(config.hall, today) === null ? nextOpenDay(config.hall, today) : today;
}

function clock(at: number, day: string, hall: HallConfig['hall']): string {
  const t = localTime(at, hall.timezone);
  const minutes = t.day === day ? t.minutes : t.day === addDays(day, 1) ? t.minutes + 24 * 60 : t.minutes;
  return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
}
