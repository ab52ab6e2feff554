import { z } from 'zod';
import { caseViewSchema, isoDay, type CaseView } from '@yichuang/protocol';
import type { Lang } from '../shell/make-strings.ts';
import { ct } from './cases-strings.ts';

/** The answer of GET /api/cases, checked before the page believes it. */
export const caseListSchema = z.object({
  today: isoDay,
  cases: z.array(caseViewSchema).max(5000),
  truncated: z.boolean(),
  counts: z.object({ open: z.number().int(), overdue: z.number().int(), dueSoon: z.number().int() }),
});
export type CaseList = z.infer<typeof caseListSchema>;

export const caseTabs = ['due-soon', 'overdue', 'open', 'done'] as const;
export type CaseTab = (typeof caseTabs)[number];

/** How urgent a row looks: red once overdue, amber when due soon. */
export type Urgency = 'overdue' | 'due-soon' | 'normal' | 'done';

export function urgencyOf(c: CaseView): Urgency {
  if (c.status === 'done') return 'done';
  if (c.overdue) return 'overdue';
  return c.dueSoon ? 'due-soon' : 'normal';
}

/** 剩余 3 个工作日 · 今日到期 · 逾期 2 个工作日 (and English); null once done. */
export function dueText(lang: Lang, c: CaseView): string | null {
  const left = c.workingDaysLeft;
  if (c.status === 'done' || left === null) return null;
  if (c.overdue) return left < 0 ? ct(lang, left === -1 ? 'lateOne' : 'late', { n: -left }) : ct(lang, 'lateToday');
  return left === 0 ? ct(lang, 'dueToday') : ct(lang, left === 1 ? 'leftOne' : 'left', { n: left });
}

/** The status word: 办理中, 待补材料 (容缺 before its materials came), 材料已补齐, 已办结, 已逾期. */
export function statusKey(
  c: CaseView,
): 'status.open' | 'status.open-pending' | 'status.materials-received' | 'status.done' | 'status.overdue' {
  if (c.status === 'done') return 'status.done';
  if (c.overdue) return 'status.overdue';
  if (c.status === 'materials-received') return 'status.materials-received';
  return c.kind === 'accepted-pending' ? 'status.open-pending' : 'status.open';
}

/** The cases of a tab, from the open list (not done) and the done list. */
export function casesOf(tab: CaseTab, open: readonly CaseView[], done: readonly CaseView[]): CaseView[] {
  switch (tab) {
    case 'due-soon':
      return open.filter((c) => c.dueSoon);
    case 'overdue':
      return open.filter((c) => c.overdue);
    case 'open':
      return [...open];
    case 'done':
      return [...done].sort((a, b) => (b.doneAt ?? 0) - (a.doneAt ?? 0));
  }
}
