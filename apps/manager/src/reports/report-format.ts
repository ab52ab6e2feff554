import type { PauseMinutes, RatingReasonCode, RatingSummary, SignInRecord, Stat } from '@yichuang/protocol';
import { isoWeekday } from '@yichuang/engine';
import type { Lang } from '../shell/make-strings.ts';

/** Shown where a figure has nothing behind it (no ticket served, no rating given): not a misleading 0. */
export const NONE = '—';

const counts = new Intl.NumberFormat('zh-CN');

/** "1,234". */
export function count(n: number): string {
  return counts.format(n);
}

/**
 * A duration short enough for a table cell: "45秒", "3分20秒", "1时05分" ("45s", "3m 20s", "1h 05m").
 * The shell's `duration` reads better in a sentence but takes twice the width.
 */
export function shortDuration(lang: Lang, seconds: number): string {
  const s = Math.max(0, Math.round(seconds));
  const m = Math.floor(s / 60);
  const h = Math.floor(m / 60);
  const two = (n: number): string => String(n).padStart(2, '0');
  if (lang === 'en') {
    if (s < 60) return `${s}s`;
    if (m < 60) return `${m}m ${two(s % 60)}s`;
    return `${h}h ${two(m % 60)}m`;
  }
  if (s < 60) return `${s}秒`;
  if (m < 60) return `${m}分${two(s % 60)}秒`;
  return `${h}时${two(m % 60)}分`;
}

/** The mean, median and 90th percentile of a stat, or dashes when nothing was measured. */
export function statCells(lang: Lang, s: Stat): [string, string, string] {
  if (s.count === 0) return [NONE, NONE, NONE];
  return [shortDuration(lang, s.meanS), shortDuration(lang, s.p50S), shortDuration(lang, s.p90S)];
}

/** "87.5%" of a share between 0 and 1, or a dash when the share has no ground (no ratings, no hours). */
export function percent(share: number, meaningful = true): string {
  if (!meaningful || !Number.isFinite(share)) return NONE;
  return `${(Math.round(share * 1000) / 10).toFixed(1)}%`;
}

/** Minutes as the hub rounds them (a tenth), without a trailing ".0". */
export function minutes(n: number): string {
  return String(Math.round(n * 10) / 10);
}

export function pauseTotal(p: PauseMinutes): number {
  return Math.round((p.away + p.meeting + p.meal + p.other) * 10) / 10;
}

/** Ratings of level 2 or less: the ones that need a reason and a follow-up. */
export function lowCount(r: RatingSummary): number {
  return r.levels['1'] + r.levels['2'];
}

export function satisfaction(r: RatingSummary): string {
  return percent(r.satisfiedRate, r.count > 0);
}

/** The national five levels, best first: how the counter's pad shows them to citizens. */
export const LEVELS = [5, 4, 3, 2, 1] as const;
export type Level = (typeof LEVELS)[number];

const LEVEL_LABELS: Record<Level, [string, string]> = {
  5: ['非常满意', 'Very satisfied'],
  4: ['满意', 'Satisfied'],
  3: ['基本满意', 'Fairly satisfied'],
  2: ['不满意', 'Dissatisfied'],
  1: ['非常不满意', 'Very dissatisfied'],
};

export function levelLabel(lang: Lang, level: number): string {
  const l = LEVEL_LABELS[level as Level] as [string, string] | undefined;
  return l === undefined ? String(level) : l[lang === 'zh' ? 0 : 1];
}

const REASON_LABELS: Readonly<Record<string, [string, string]>> = {
  'waited-long': ['等候时间太长', 'Waited too long'],
  attitude: ['服务态度不好', 'Unfriendly attitude'],
  slow: ['办理效率低', 'Slow service'],
  unclear: ['告知不清楚', 'Unclear information'],
  'not-done': ['事情没有办成', 'Matter not done'],
  'repeated-trips': ['让我多跑了路', 'Had to come again'],
} satisfies Record<RatingReasonCode, [string, string]>;

/** A low rating's reason: a code of the counter's list in words, the citizen's own words as they wrote them. */
export function reasonLabel(lang: Lang, reason: string | null): string {
  if (reason === null || reason === '') return NONE;
  const code = Object.hasOwn(REASON_LABELS, reason) ? REASON_LABELS[reason] : undefined;
  return code === undefined ? reason : code[lang === 'zh' ? 0 : 1];
}

export type SignInKind = 'early' | 'short' | 'late';

/** 提前10分钟上岗: at least 10 minutes early is on time, up to opening is short of it, after opening is late. */
export function signInKind(r: SignInRecord): SignInKind {
  if (r.early) return 'early';
  return r.earlyMinutes >= 0 ? 'short' : 'late';
}

/** "提前 30 分" / "迟到 20 分". */
export function signInText(lang: Lang, r: SignInRecord): string {
  const m = Math.abs(r.earlyMinutes);
  if (r.earlyMinutes < 0) return lang === 'zh' ? `迟到 ${m} 分` : `${m} min late`;
  return lang === 'zh' ? `提前 ${m} 分` : `${m} min early`;
}

const WEEKDAYS: [string, string][] = [
  ['星期一', 'Mon'],
  ['星期二', 'Tue'],
  ['星期三', 'Wed'],
  ['星期四', 'Thu'],
  ['星期五', 'Fri'],
  ['星期六', 'Sat'],
  ['星期日', 'Sun'],
];

export function weekday(lang: Lang, day: string): string {
  return WEEKDAYS[isoWeekday(day) - 1]![lang === 'zh' ? 0 : 1];
}

/** "11-23" of "2026-11-23": within one report the year goes without saying. */
export function shortDay(day: string): string {
  return day.slice(5);
}
