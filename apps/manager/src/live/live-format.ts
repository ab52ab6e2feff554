import type { Alert, DomainError, WindowConfig, WindowView } from '@yichuang/protocol';
import type { Lang } from '../shell/make-strings.ts';
import { lt, type LiveKey } from './live-strings.ts';

/**
 * What a window tile shows. The engine's `empty` is split in two: an empty post during opening
 * hours (空岗, an alert and a mark against the post) and nobody signed in outside them (nothing wrong).
 */
export type TileState = 'closed' | 'idle' | 'calling' | 'serving' | 'paused' | 'empty' | 'vacant';

export function tileState(w: Pick<WindowView, 'open' | 'state' | 'emptyPost'>): TileState {
  if (!w.open) return 'closed';
  if (w.state === 'empty') return w.emptyPost ? 'empty' : 'vacant';
  return w.state;
}

/** The shell's chip modifier for a tile state; a plain grey chip for the states that need nothing. */
export function stateChipClass(s: TileState): string {
  return s === 'closed' || s === 'vacant' ? 'm-chip' : `m-chip m-chip--${s}`;
}

export type Tone = 'ok' | 'warn' | 'danger' | 'idle';

/** Printer statuses in the hall's words, with how worried the manager should be. */
export function printerStatus(lang: Lang, status: string): { text: string; tone: Tone } {
  const known = ['ok', 'paper-low', 'paper-out', 'cover-open', 'offline', 'unknown'] as const;
  const s = known.find((k) => k === status) ?? 'unknown';
  const tone: Tone = s === 'ok' ? 'ok' : s === 'paper-low' ? 'warn' : s === 'unknown' ? 'idle' : 'danger';
  return { text: lt(lang, `printer.${s}`), tone };
}

/** "全部业务" or the queue names of a window, in the config's queue order. */
export function queuesLabel(lang: Lang, queues: WindowView['queues'], names: ReadonlyMap<string, string>): string {
  if (queues === 'all') return lt(lang, 'tile.allQueues');
  const order = [...names.keys()];
  return [...queues]
    .sort((a, b) => order.indexOf(a) - order.indexOf(b))
    .map((id) => names.get(id) ?? id)
    .join(lang === 'zh' ? '、' : ', ');
}

/** Queues that no window would serve if `windowId` served `next` instead (the hub refuses that). */
export function uncoveredQueues(
  windows: readonly Pick<WindowConfig, 'id' | 'queues'>[],
  queueIds: readonly string[],
  windowId: string,
  next: WindowConfig['queues'],
): string[] {
  const served = new Set<string>();
  for (const w of windows) {
    const q = w.id === windowId ? next : w.queues;
    for (const id of q === 'all' ? queueIds : q) served.add(id);
  }
  return queueIds.filter((id) => !served.has(id));
}

/**
 * The reason of a refused action, in the console's language. A refused config change says only
 * "配置无效" in Chinese; its issues say which rule it broke, and the one a live action can break
 * (a queue nobody serves) is put in words here.
 */
export function refusalReason(lang: Lang, error: DomainError, queueName: (id: string) => string): string {
  const uncovered = (error.issues ?? [])
    .map((i) => /no window serves queue "([^"]+)"/.exec(i.message)?.[1])
    .filter((id): id is string => id !== undefined);
  if (uncovered.length > 0)
    return uncovered
      .map((id) => lt(lang, 'qd.noWindowServes', { queue: queueName(id) }))
      .join(lang === 'zh' ? '；' : '; ');
  return error.message;
}

export const MAX_NOTICE_LINES = 20;
export const MAX_NOTICE_CHARS = 200;

/** The notice dialog's text as the hub takes it: one notice a line, blank lines dropped. */
export function noticeLines(text: string): string[] {
  return text
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l !== '');
}

/** Why the notice lines would be refused, or [] when they are fine. */
export function noticeProblems(lang: Lang, lines: readonly string[]): string[] {
  const out: string[] = [];
  if (lines.length > MAX_NOTICE_LINES) out.push(lt(lang, 'nd.tooMany', { max: MAX_NOTICE_LINES, n: lines.length }));
  lines.forEach((l, i) => {
    const n = [...l].length;
    if (n > MAX_NOTICE_CHARS) out.push(lt(lang, 'nd.tooLong', { line: i + 1, n, len: MAX_NOTICE_CHARS }));
  });
  return out;
}

/** How an alert is drawn: loud until acknowledged; an ended one stays, quieter, until acknowledged too. */
export type AlertLook = 'critical' | 'warning' | 'ended' | 'acknowledged';

export function alertLook(a: Pick<Alert, 'severity' | 'clearedAt' | 'acknowledgedAt'>): AlertLook {
  if (a.acknowledgedAt !== null) return 'acknowledged';
  if (a.clearedAt !== null) return 'ended';
  return a.severity;
}

/** Unacknowledged alerts first (critical, then warning, then ended), each newest first. */
export function sortAlerts(list: readonly Alert[]): Alert[] {
  const rank: Record<AlertLook, number> = { critical: 0, warning: 1, ended: 2, acknowledged: 3 };
  return [...list].sort((a, b) => rank[alertLook(a)] - rank[alertLook(b)] || b.raisedAt - a.raisedAt);
}

/** Carry-over (延时服务) is for the end of the day: while the hall is open, people can still be served. */
export function carryOverAllowed(phase: 'before-open' | 'open' | 'extended' | 'closed'): boolean {
  return phase === 'extended' || phase === 'closed';
}

/** The alert kind's short label. */
export function alertKindLabel(lang: Lang, kind: Alert['kind']): string {
  return lt(lang, `kind.${kind}` satisfies LiveKey);
}

/** A business day as people say it: "11月24日 星期二", "Tue 24 Nov". */
export function dayLabel(lang: Lang, day: string): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  const at = Date.UTC(y, m - 1, d, 12);
  return new Intl.DateTimeFormat(lang === 'zh' ? 'zh-CN' : 'en-GB', {
    timeZone: 'UTC',
    month: lang === 'zh' ? 'long' : 'short',
    day: 'numeric',
    weekday: lang === 'zh' ? 'long' : 'short',
  }).format(at);
}
