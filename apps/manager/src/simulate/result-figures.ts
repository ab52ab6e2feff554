import type { SimulationOutput, WaitStats } from '@yichuang/simulator';
import type { Lang } from '../shell/make-strings.ts';
import type { SimulationResult } from './sim-api.ts';
import { st } from './simulate-strings.ts';

/** One row of the wait table: plan A, plan B (when compared) and B minus A. */
export interface WaitRow {
  id: string;
  name: string;
  a: WaitStats;
  b: WaitStats | null;
  issued: [number, number | null];
  carriedOver: [number, number | null];
}

/** The whole hall first, then each queue of plan A's output (both plans list the same queues). */
export function waitRows(lang: Lang, r: SimulationResult): WaitRow[] {
  const bq = new Map((r.b?.queues ?? []).map((q) => [q.queueId, q]));
  return [
    {
      id: 'all',
      name: st(lang, 'row.all'),
      a: r.a.totals.wait,
      b: r.b?.totals.wait ?? null,
      issued: [r.a.totals.issued, r.b?.totals.issued ?? null],
      carriedOver: [r.a.totals.carriedOver, r.b?.totals.carriedOver ?? null],
    },
    ...r.a.queues.map((q) => {
      const b = bq.get(q.queueId);
      return {
        id: q.queueId,
        name: q.name,
        a: q.wait,
        b: b?.wait ?? null,
        issued: [q.issued, b?.issued ?? null] as [number, number | null],
        carriedOver: [q.carriedOver, b?.carriedOver ?? null] as [number, number | null],
      };
    }),
  ];
}

/** Whole minutes in a sentence: "6 分钟", or "不到 1 分钟" below half a minute. */
function sentenceMinutes(lang: Lang, seconds: number, short = false): string {
  const m = Math.round(Math.abs(seconds) / 60);
  if (m === 0) return st(lang, short ? 'sum.underMinShort' : 'sum.underMin');
  return st(lang, short ? 'sum.minShort' : 'sum.min', { n: m });
}

/** The sentence speaks in whole minutes: two waits that read the same there are the same. */
const sameMinute = (aS: number, bS: number): boolean => Math.round(aS / 60) === Math.round(bS / 60);

/** The busiest hour of a plan's day: the one whose arrivals waited longest at the 90th percentile. */
export function peakHour(o: SimulationOutput): { hour: string; p90S: number } | null {
  let peak: { hour: string; p90S: number } | null = null;
  for (const h of o.byHour)
    if (h.all.n > 0 && (peak === null || h.all.p90S > peak.p90S)) peak = { hour: h.hour, p90S: h.all.p90S };
  return peak;
}

/**
 * The result in one sentence, as a hall manager would report it upward: "方案B 平均等候减少 6 分钟，
 * 高峰 10 时 P90 由 42 分降至 25 分，下班前无需顺延". Minutes are whole: a difference that does not
 * show in whole minutes is none (never "由 2 分升至 2 分").
 */
export function summarySentence(lang: Lang, r: SimulationResult): string {
  const A = st(lang, 'plan.a');
  const B = st(lang, 'plan.b');
  const parts: string[] = [];
  const a = r.a;
  const b = r.b;
  if (b === null) parts.push(st(lang, 'sum.meanOne', { d: sentenceMinutes(lang, a.totals.wait.meanS) }));
  else {
    const [x, y] = [a.totals.wait.meanS, b.totals.wait.meanS];
    if (sameMinute(x, y))
      parts.push(
        Math.round(y / 60) === 0
          ? st(lang, 'sum.meanBothShort', { a: A, b: B })
          : st(lang, 'sum.meanSame', { a: A, b: B, d: sentenceMinutes(lang, y) }),
      );
    else
      parts.push(
        st(lang, y < x ? 'sum.meanLess' : 'sum.meanMore', {
          b: B,
          d: sentenceMinutes(lang, Math.round(y / 60) * 60 - Math.round(x / 60) * 60),
        }),
      );
  }

  const peak = peakHour(a);
  if (peak !== null) {
    const h = String(Number(peak.hour.slice(0, 2)));
    const x = sentenceMinutes(lang, peak.p90S, true);
    if (b === null) parts.push(st(lang, 'sum.peakOne', { h, x }));
    else {
      const y = b.byHour.find((o) => o.hour === peak.hour)?.all.p90S ?? 0;
      const key = sameMinute(peak.p90S, y) ? 'sum.peakSame' : y < peak.p90S ? 'sum.peakDown' : 'sum.peakUp';
      parts.push(st(lang, key, { h, x, y: sentenceMinutes(lang, y, true) }));
    }
  }

  const carried = (b ?? a).totals.carriedOver;
  const other = a.totals.carriedOver;
  if (b === null || carried === other)
    parts.push(carried === 0 ? st(lang, 'sum.noCarry') : st(lang, 'sum.carry', { n: carried }));
  else if (carried === 0) parts.push(st(lang, 'sum.noCarryVsA', { a: A, n: other }));
  else parts.push(st(lang, 'sum.carryVsA', { a: A, n: carried, m: other }));
  return parts.join(st(lang, 'sum.sep'));
}

/** B better (lower) is good; a difference under half a minute is no difference. */
export function diffTone(aS: number, bS: number): 'better' | 'worse' | 'same' {
  const d = bS - aS;
  return Math.abs(d) < 30 ? 'same' : d < 0 ? 'better' : 'worse';
}

/** Staffed window hours of a plan's day. */
export const staffedHours = (o: SimulationOutput): number =>
  Math.round((o.windows.reduce((s, w) => s + w.staffedS, 0) / 3600) * 10) / 10;

/** Mean utilisation over the windows that were open at all. */
export function meanUtilisation(o: SimulationOutput): number {
  const open = o.windows.filter((w) => w.staffedS - w.pausedS > 0);
  return open.length === 0 ? 0 : open.reduce((s, w) => s + w.utilisation, 0) / open.length;
}
