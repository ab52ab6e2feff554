import type { ServiceTime, ServiceTimeModel } from '@yichuang/simulator';
import type { HistoryView } from './sim-api.ts';

/** A queue's service time as the manager edits it: mean and spread, in minutes. */
export interface QueueService {
  queueId: string;
  name: string;
  meanMin: number;
  /** 0: every citizen takes the mean exactly. */
  spreadMin: number;
}

/** Mean and standard deviation of a distribution, in seconds. */
export function meanAndSpread(st: ServiceTime): { meanS: number; sdS: number } {
  if (st.kind === 'fixed') return { meanS: st.s, sdS: 0 };
  if (st.kind === 'exponential') return { meanS: st.meanS, sdS: st.meanS };
  return { meanS: st.meanS, sdS: st.sdS };
}

const minutes = (s: number): number => Math.round((s / 60) * 10) / 10;

/**
 * Each queue's service time to start editing from: the day's fit when there is one, else the hall's
 * default service minutes (exponential, as the simulator takes it).
 */
export function serviceRows(
  queues: readonly { id: string; name: string }[],
  history: HistoryView | null,
  defaultMinutes: number,
): QueueService[] {
  return queues.map((q) => {
    const fit = history?.queues.find((h) => h.queueId === q.id)?.serviceTime ?? null;
    if (fit === null) return { queueId: q.id, name: q.name, meanMin: defaultMinutes, spreadMin: defaultMinutes };
    const { meanS, sdS } = meanAndSpread(fit);
    return { queueId: q.id, name: q.name, meanMin: minutes(meanS), spreadMin: minutes(sdS) };
  });
}

/** The edited times as the simulator's model: lognormal with that mean and spread, fixed without spread. */
export function serviceModelJson(rows: readonly QueueService[]): Partial<ServiceTimeModel> {
  const byQueue: Record<string, ServiceTime> = {};
  for (const r of rows) {
    const meanS = Math.max(1, Math.round(r.meanMin * 60));
    byQueue[r.queueId] =
      r.spreadMin > 0 ? { kind: 'lognormal', meanS, sdS: Math.round(r.spreadMin * 60) } : { kind: 'fixed', s: meanS };
  }
  return { byQueue };
}
