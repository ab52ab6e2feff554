import { localTime } from '@yichuang/engine';
import type { HallConfig } from '@yichuang/protocol';
import type { HistoryExtract, HistoryQueue, HistoryView, ServiceTimeModel } from '@yichuang/simulator';

export type { HistoryQueue, HistoryView };

/**
 * The day's arrivals per queue and hour and its service-time fits. A ticket counts in its matter's
 * queue of the running config, as the simulator replays it; every queue of the hall is listed.
 */
export function historyView(
  config: HallConfig,
  extract: HistoryExtract | null,
  recentDays: HistoryView['recentDays'],
): HistoryView {
  const tz = config.hall.timezone;
  const queueOf = new Map(config.services.map((s) => [s.id, s.queue]));
  const queues = new Map<string, HistoryQueue>(
    config.queues.map((q) => [
      q.id,
      { queueId: q.id, name: q.name, issued: 0, perHour: {}, serviceTime: null, finished: 0, meanServiceS: null },
    ]),
  );
  let green = 0;
  let appointments = 0;
  for (const a of extract?.arrivals ?? []) {
    if (a.green !== false) green++;
    if (a.appointment !== null) appointments++;
    const q = queues.get(queueOf.get(a.serviceId) ?? '');
    // A matter since removed from the hall: the simulator's kiosk refuses it, so it is no arrival here either.
    if (q === undefined) continue;
    const hour = String(Math.floor(localTime(a.at, tz).minutes / 60)).padStart(2, '0');
    q.issued++;
    q.perHour[hour] = (q.perHour[hour] ?? 0) + 1;
  }
  const model: ServiceTimeModel = extract?.serviceTimes ?? { byService: {}, byQueue: {} };
  for (const q of queues.values()) {
    q.serviceTime = model.byQueue[q.queueId] ?? model.default ?? null;
    const samples = (extract?.samples ?? []).filter((s) => s.queueId === q.queueId);
    q.finished = samples.reduce((n, s) => n + s.n, 0);
    q.meanServiceS =
      q.finished === 0 ? null : Math.round(samples.reduce((sum, s) => sum + s.meanS * s.n, 0) / q.finished);
  }
  return {
    day: extract?.day ?? null,
    issued: extract?.arrivals.length ?? 0,
    green,
    appointments,
    queues: [...queues.values()],
    serviceTimes: model,
    recentDays,
  };
}
