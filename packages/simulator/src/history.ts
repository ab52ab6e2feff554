import { eventPayloadSchemas } from '@yichuang/protocol';
import type { Arrival, ServiceTime, ServiceTimeModel } from './input-schema.ts';
import { fitServiceTime, summarizeSamples } from './service-times.ts';

/** An event as the hub's log holds it (a row of `events`); the payload parsed or still JSON text. */
export interface StoredEvent {
  at: number;
  type: string;
  payload: unknown;
}

export interface HistoryExtract {
  day: string;
  /** Every ticket issued that day, in order: when, for what, green channel, appointment slot. */
  arrivals: Arrival[];
  /** Service-time distributions fitted to the day's finished tickets. */
  serviceTimes: ServiceTimeModel;
  /** What the fits rest on, per matter. */
  samples: { serviceId: string; queueId: string; n: number; meanS: number; sdS: number }[];
  /** Events of those two types whose payload did not parse (left out). */
  skipped: number;
}

/**
 * Arrivals and service times of one business day from the hub's event log: `ticket:issued` gives
 * the arrivals, `ticket:finished` (joined to its ticket) the service times. A matter with at least
 * `minSamples` finished tickets gets a fit of its own; the others fall back on their queue's, then
 * on the day's. Tickets carried in from an earlier day are not arrivals of this day.
 */
export function extractHistory(
  events: Iterable<StoredEvent>,
  day: string,
  options: { minSamples?: number } = {},
): HistoryExtract {
  const minSamples = options.minSamples ?? 5;
  const arrivals: Arrival[] = [];
  const ticketOf = new Map<string, { serviceId: string; queueId: string }>();
  const finished: { ticketId: string; serviceS: number }[] = [];
  let skipped = 0;
  for (const e of events) {
    if (e.type !== 'ticket:issued' && e.type !== 'ticket:finished') continue;
    const payload: unknown = typeof e.payload === 'string' ? safeJson(e.payload) : e.payload;
    if (e.type === 'ticket:issued') {
      const parsed = eventPayloadSchemas['ticket:issued'].safeParse(payload);
      if (!parsed.success) {
        skipped++;
        continue;
      }
      const t = parsed.data.ticket;
      if (t.day !== day) continue;
      ticketOf.set(t.id, { serviceId: t.serviceId, queueId: t.queueId });
      arrivals.push({
        at: t.issuedAt,
        serviceId: t.serviceId,
        green: t.green ?? false,
        appointment:
          t.appointment === null ? null : { slotStart: t.appointment.slotStart, slotEnd: t.appointment.slotEnd },
      });
    } else {
      const parsed = eventPayloadSchemas['ticket:finished'].safeParse(payload);
      if (parsed.success) finished.push({ ticketId: parsed.data.ticketId, serviceS: parsed.data.serviceS });
      else skipped++;
    }
  }
  arrivals.sort((a, b) => a.at - b.at);

  const byService = new Map<string, { queueId: string; s: number[] }>();
  for (const f of finished) {
    const t = ticketOf.get(f.ticketId);
    if (t === undefined) continue;
    const entry = byService.get(t.serviceId) ?? { queueId: t.queueId, s: [] };
    entry.s.push(f.serviceS);
    byService.set(t.serviceId, entry);
  }
  return { day, arrivals, ...fits(byService, minSamples), skipped };
}

function fits(
  byService: Map<string, { queueId: string; s: number[] }>,
  minSamples: number,
): Pick<HistoryExtract, 'serviceTimes' | 'samples'> {
  const model: ServiceTimeModel = { byService: {}, byQueue: {} };
  const byQueue = new Map<string, number[]>();
  const all: number[] = [];
  const samples: HistoryExtract['samples'] = [];
  for (const [serviceId, { queueId, s }] of [...byService].sort(([a], [b]) => (a < b ? -1 : 1))) {
    samples.push({ serviceId, queueId, ...summarizeSamples(s) });
    if (s.length >= minSamples) model.byService[serviceId] = fitServiceTime(s)!;
    byQueue.set(queueId, [...(byQueue.get(queueId) ?? []), ...s]);
    all.push(...s);
  }
  for (const [queueId, s] of byQueue) if (s.length >= minSamples) model.byQueue[queueId] = fitServiceTime(s)!;
  const pooled: ServiceTime | null = fitServiceTime(all);
  if (pooled !== null) model.default = pooled;
  return { serviceTimes: model, samples };
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}
