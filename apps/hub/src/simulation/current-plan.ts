import { businessDay, hoursOn, localToEpoch, nextOpenDay, type DayHours } from '@yichuang/engine';
import type { HallConfig } from '@yichuang/protocol';
import { clockText, serviceSpan, type CurrentPlan, type DayHoursText } from '@yichuang/simulator';

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
    hours: h === null ? null : hoursText(h, day, hall),
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

/** The day's hours as the plan editor shows them; extended service past midnight ends there, as in a run. */
function hoursText(h: DayHours, day: string, hall: HallConfig['hall']): DayHoursText {
  const span = serviceSpan(h, day, hall.timezone);
  const midnight = localToEpoch(day, '00:00', hall.timezone);
  return {
    open: h.openText,
    close: h.closeText,
    serviceEnd: clockText(span.end, midnight),
    ...(span.configuredEnd === null ? {} : { configuredServiceEnd: clockText(span.configuredEnd, midnight) }),
  };
}
