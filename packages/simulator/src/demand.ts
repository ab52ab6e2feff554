import { businessDay, hoursOn, localToEpoch } from '@yichuang/engine';
import type { GreenReason, HallConfig } from '@yichuang/protocol';
import type { Arrival, DemandInput, RateCurve } from './input-schema.ts';
import { Rng } from './prng.ts';
import { sampleServiceS, serviceTimeFor } from './service-times.ts';

const HOUR_MS = 3_600_000;
const SLOT_MS = 30 * 60_000;

/**
 * A citizen as the simulation meets them: when they take a ticket, for what, and the service time
 * and no-show drawn for them in advance, so that two plans serve exactly the same people.
 */
export interface Citizen {
  at: number;
  serviceId: string;
  /** null when the hall config does not know the matter (the kiosk will refuse it). */
  queueId: string | null;
  green: GreenReason | true | null;
  appointment: { slotStart: number; slotEnd: number } | null;
  serviceMs: number;
  noShow: boolean;
}

/** Arrival times of a Poisson process with `perHour` tickets an hour on [fromMs, toMs). */
export function poissonTimes(rng: Rng, perHour: number, fromMs: number, toMs: number): number[] {
  const out: number[] = [];
  if (perHour <= 0) return out;
  const meanGap = HOUR_MS / perHour;
  for (let t = fromMs + rng.exponential(meanGap); t < toMs; t += rng.exponential(meanGap)) out.push(Math.floor(t));
  return out;
}

/** Arrivals drawn from a rate curve, within the day's opening hours (none on a closed day). */
export function curveArrivals(curve: RateCurve, config: HallConfig, day: string, seed: number): Arrival[] {
  const hours = hoursOn(config.hall, day);
  if (hours === null) return [];
  const midnight = localToEpoch(day, '00:00', config.hall.timezone);
  const out: Arrival[] = [];
  for (const q of curve.queues) {
    const services =
      q.services ?? Object.fromEntries(config.services.filter((s) => s.queue === q.queue).map((s) => [s.id, 1]));
    const ids = Object.keys(services);
    const weights = Object.values(services);
    if (ids.length === 0) continue;
    const rng = new Rng(seed, `arrivals:${day}:${q.queue}`);
    const greenShare = q.greenShare ?? curve.greenShare;
    const appointmentShare = q.appointmentShare ?? curve.appointmentShare;
    for (const [hh, perHour] of Object.entries(q.perHour).sort(([a], [b]) => (a < b ? -1 : 1))) {
      const from = Math.max(hours.open, midnight + Number(hh) * HOUR_MS);
      const to = Math.min(hours.close, midnight + (Number(hh) + 1) * HOUR_MS);
      for (const at of poissonTimes(rng, perHour, from, to)) {
        const serviceId = ids[rng.weighted(weights)]!;
        const green = rng.chance(greenShare);
        // An appointment's slot is the half hour the citizen arrives in: due as soon as they check in.
        const slotStart = midnight + Math.floor((at - midnight) / SLOT_MS) * SLOT_MS;
        const appointment = rng.chance(appointmentShare) ? { slotStart, slotEnd: slotStart + SLOT_MS } : null;
        out.push({ at, serviceId, green, appointment });
      }
    }
  }
  return out.sort((a, b) => a.at - b.at);
}

/**
 * Replayed arrivals moved to the same time of day on `day` (a past Monday replayed on a coming
 * Monday). Their appointment slots move with them.
 */
export function shiftArrivals(arrivals: readonly Arrival[], day: string, timezone: string): Arrival[] {
  const target = localToEpoch(day, '00:00', timezone);
  const offsets = new Map<string, number>();
  return arrivals.map((a) => {
    const from = businessDay(a.at, timezone);
    let offset = offsets.get(from);
    if (offset === undefined) {
      offset = target - localToEpoch(from, '00:00', timezone);
      offsets.set(from, offset);
    }
    if (offset === 0) return a;
    const appointment =
      a.appointment === null
        ? null
        : { slotStart: a.appointment.slotStart + offset, slotEnd: a.appointment.slotEnd + offset };
    return { ...a, at: a.at + offset, appointment };
  });
}

/**
 * The citizens of one simulated day: arrivals (replayed or drawn), each with a service time and
 * a no-show drawn from streams of its queue. Depends only on the demand input, the base config
 * and the day, never on the plan.
 */
export function citizensOn(input: DemandInput, config: HallConfig, day: string): Citizen[] {
  const arrivals =
    input.demand.kind === 'curve'
      ? curveArrivals(input.demand.curve, config, day, input.seed)
      : shiftArrivals(input.demand.arrivals, day, config.hall.timezone).sort((a, b) => a.at - b.at);
  const queueOf = new Map(config.services.map((s) => [s.id, s.queue]));
  const streams = new Map<string, { service: Rng; noShow: Rng }>();
  return arrivals.map((a) => {
    const queueId = queueOf.get(a.serviceId) ?? null;
    const key = queueId ?? '';
    let rng = streams.get(key);
    if (rng === undefined) {
      rng = {
        service: new Rng(input.seed, `service:${day}:${key}`),
        noShow: new Rng(input.seed, `no-show:${day}:${key}`),
      };
      streams.set(key, rng);
    }
    const dist = serviceTimeFor(input.serviceTimes, config, a.serviceId, queueId);
    return {
      at: a.at,
      serviceId: a.serviceId,
      queueId,
      green: a.green === false ? null : a.green,
      appointment: a.appointment,
      serviceMs: Math.max(0, Math.round(sampleServiceS(dist, rng.service) * 1000)),
      noShow: input.noShow !== undefined && rng.noShow.chance(input.noShow.share),
    };
  });
}
