import type { RateCurveInput } from '@yichuang/simulator';
import type { DayHoursText, HistoryView } from './sim-api.ts';

/** The rate curve as a table: one row per queue, one column per opening hour, citizens per hour in each cell. */
export interface CurveDraft {
  /** "09", "10", … the hours the hall is open. */
  hours: string[];
  rows: { queueId: string; name: string; perHour: Record<string, number> }[];
  /** Percent of citizens asking for the green channel, and coming with an appointment. */
  greenPct: number;
  appointmentPct: number;
}

const pad = (n: number): string => String(n).padStart(2, '0');

/** The hours a ticket can be taken in: from the opening hour to the one the hall closes in. */
export function openHours(hours: DayHoursText | null): string[] {
  if (hours === null) return Array.from({ length: 8 }, (_, i) => pad(9 + i));
  const oh = Number(hours.open.slice(0, 2));
  const [ch, cm] = hours.close.split(':').map(Number) as [number, number];
  const last = cm === 0 ? ch - 1 : ch;
  return Array.from({ length: Math.max(1, last - oh + 1) }, (_, i) => pad(oh + i));
}

/**
 * How a weekday's citizens spread over the day in a public-security hall: a morning peak at ten, a
 * lunch dip, a smaller afternoon peak (the shape of examples/curve-weekday.json). Relative weights.
 */
const WEEKDAY_SHAPE: Record<string, number> = {
  '08': 0.6,
  '09': 1.25,
  '10': 1.15,
  '11': 0.9,
  '12': 0.5,
  '13': 0.65,
  '14': 1.0,
  '15': 0.9,
  '16': 0.5,
  '17': 0.4,
};

/** An hour's weight in a weekday: the shape by day, a little in the evening, nobody at night. */
const weightOf = (h: string): number => WEEKDAY_SHAPE[h] ?? (Number(h) >= 7 && Number(h) < 21 ? 0.4 : 0);

/**
 * The open hours citizens come in on a weekday: a hall open around the clock (the demo) sees nobody at
 * night; a hall open only then sees its own hours.
 */
export function busyHours(hours: readonly string[]): string[] {
  const busy = hours.filter((h) => weightOf(h) > 0);
  return busy.length > 0 ? busy : [...hours];
}

/**
 * A typical weekday: each queue at its level (citizens per busy hour on average), spread by the
 * weekday's shape over the busy hours; the night hours of a hall open around the clock stay empty.
 */
export function typicalWeekday(
  queues: readonly { id: string; name: string }[],
  hours: readonly string[],
  levelOf: (queueId: string) => number,
): CurveDraft {
  const busy = new Set(busyHours(hours));
  const weights = hours.map((h) => (busy.has(h) ? weightOf(h) || 0.4 : 0));
  const mean = weights.reduce((a, b) => a + b, 0) / busy.size;
  return {
    hours: [...hours],
    rows: queues.map((q) => ({
      queueId: q.id,
      name: q.name,
      perHour: Object.fromEntries(hours.map((h, i) => [h, Math.round((levelOf(q.id) * weights[i]!) / mean)])),
    })),
    greenPct: 5,
    appointmentPct: 5,
  };
}

/** A past day's arrivals as the curve: what it had, hour by hour, and its shares of green channel and appointments. */
export function curveFromHistory(history: HistoryView, hours: readonly string[]): CurveDraft {
  const all = [...new Set([...hours, ...history.queues.flatMap((q) => Object.keys(q.perHour))])].sort();
  const pct = (n: number): number => (history.issued === 0 ? 0 : Math.round((n / history.issued) * 100));
  return {
    hours: all,
    rows: history.queues.map((q) => ({
      queueId: q.queueId,
      name: q.name,
      perHour: Object.fromEntries(all.map((h) => [h, q.perHour[h] ?? 0])),
    })),
    greenPct: pct(history.green),
    appointmentPct: pct(history.appointments),
  };
}

export const setCell = (c: CurveDraft, queueId: string, hour: string, value: number): CurveDraft => ({
  ...c,
  rows: c.rows.map((r) =>
    r.queueId === queueId ? { ...r, perHour: { ...r.perHour, [hour]: Math.max(0, value) } } : r,
  ),
});

/** Multiply every cell (a busier or quieter day than the one it came from), whole citizens. */
export const scaleCurve = (c: CurveDraft, factor: number): CurveDraft => ({
  ...c,
  rows: c.rows.map((r) => ({
    ...r,
    perHour: Object.fromEntries(Object.entries(r.perHour).map(([h, n]) => [h, Math.round(n * factor)])),
  })),
});

export const curveTotal = (c: CurveDraft): number =>
  c.rows.reduce((sum, r) => sum + Object.values(r.perHour).reduce((a, b) => a + b, 0), 0);

/** The table as the simulator's rate curve: empty cells and queues with nobody left out. */
export function curveJson(c: CurveDraft): RateCurveInput {
  return {
    greenShare: c.greenPct / 100,
    appointmentShare: c.appointmentPct / 100,
    queues: c.rows
      .map((r) => ({
        queue: r.queueId,
        perHour: Object.fromEntries(c.hours.filter((h) => (r.perHour[h] ?? 0) > 0).map((h) => [h, r.perHour[h]!])),
      }))
      .filter((q) => Object.keys(q.perHour).length > 0),
  };
}

/**
 * A rate curve (as for `npm run simulate -- --curve`) back as the table: every queue of the hall a
 * row, the curve's hours added to the open ones. Queues the hall lacks are returned apart.
 */
export function curveFromJson(
  json: RateCurveInput,
  queues: readonly { id: string; name: string }[],
  hours: readonly string[],
): { curve: CurveDraft; unknownQueues: string[] } {
  const byQueue = new Map(json.queues.map((q) => [q.queue, q.perHour]));
  const all = [...new Set([...hours, ...json.queues.flatMap((q) => Object.keys(q.perHour))])].sort();
  return {
    curve: {
      hours: all,
      rows: queues.map((q) => ({
        queueId: q.id,
        name: q.name,
        perHour: Object.fromEntries(all.map((h) => [h, byQueue.get(q.id)?.[h] ?? 0])),
      })),
      greenPct: Math.round((json.greenShare ?? 0) * 100),
      appointmentPct: Math.round((json.appointmentShare ?? 0) * 100),
    },
    unknownQueues: json.queues.map((q) => q.queue).filter((id) => !queues.some((q) => q.id === id)),
  };
}

/** Pasted text as a rate curve, or what is wrong with it (the hub checks the rest when it runs). */
export function parseCurveJson(text: string): RateCurveInput | string {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (err) {
    return (err as Error).message;
  }
  const obj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
  if (!obj(raw) || !Array.isArray(raw.queues)) return 'queues: [...]';
  const share = (v: unknown): number | undefined => (typeof v === 'number' && v >= 0 && v <= 1 ? v : undefined);
  const queues: RateCurveInput['queues'] = [];
  for (const [i, q] of raw.queues.entries()) {
    if (!obj(q) || typeof q.queue !== 'string' || !obj(q.perHour)) return `queues.${i}: { queue, perHour }`;
    const perHour: Record<string, number> = {};
    for (const [h, n] of Object.entries(q.perHour)) {
      if (!/^([01]\d|2[0-3])$/.test(h) || typeof n !== 'number' || !(n >= 0)) return `queues.${i}.perHour.${h}`;
      perHour[h] = n;
    }
    queues.push({ queue: q.queue, perHour });
  }
  return { greenShare: share(raw.greenShare) ?? 0, appointmentShare: share(raw.appointmentShare) ?? 0, queues };
}
