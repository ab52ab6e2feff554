import { describe, expect, it } from 'vitest';
import type { CaseView } from '@yichuang/protocol';
import { casesOf, dueText, statusKey, urgencyOf } from './case-format.ts';

const base: CaseView = {
  id: 'c1',
  no: 'SL20261207-001',
  day: '2026-12-07',
  serviceId: 's1',
  ticketId: null,
  ticketNumber: null,
  windowId: 'w1',
  officerId: '1001',
  kind: 'accepted',
  pendingMaterials: [],
  acceptedAt: 0,
  timeLimitDays: 5,
  dueDay: '2026-12-14',
  status: 'open',
  materialsReceivedAt: null,
  doneAt: null,
  doneBy: null,
  phoneHash: null,
  contactName: '张*',
  workingDaysLeft: 5,
  overdue: false,
  dueSoon: false,
};

describe('case rows', () => {
  it('words the working days left, due today and overdue', () => {
    expect(dueText('zh', base)).toBe('剩余 5 个工作日');
    expect(dueText('zh', { ...base, workingDaysLeft: 0, dueSoon: true })).toBe('今日到期');
    expect(dueText('zh', { ...base, workingDaysLeft: -2, overdue: true })).toBe('逾期 2 个工作日');
    expect(dueText('en', { ...base, workingDaysLeft: 0, overdue: true })).toBe('Past its due day');
    expect(dueText('en', { ...base, workingDaysLeft: -1, overdue: true })).toBe('1 working day overdue');
    expect(dueText('en', { ...base, workingDaysLeft: 4 })).toBe('4 working days left');
    expect(dueText('zh', { ...base, status: 'done', workingDaysLeft: null })).toBeNull();
  });

  it('marks overdue red before due soon, and a 容缺 case as awaiting materials', () => {
    expect(urgencyOf({ ...base, overdue: true, dueSoon: false })).toBe('overdue');
    expect(urgencyOf({ ...base, dueSoon: true })).toBe('due-soon');
    expect(urgencyOf({ ...base, status: 'done' })).toBe('done');
    expect(statusKey({ ...base, kind: 'accepted-pending' })).toBe('status.open-pending');
    expect(statusKey({ ...base, kind: 'accepted-pending', status: 'materials-received' })).toBe(
      'status.materials-received',
    );
    expect(statusKey({ ...base, overdue: true })).toBe('status.overdue');
  });

  it('splits the lists into the tabs, the last finished first', () => {
    const soon = { ...base, id: 'a', dueSoon: true };
    const late = { ...base, id: 'b', overdue: true };
    const d1 = { ...base, id: 'c', status: 'done' as const, doneAt: 10 };
    const d2 = { ...base, id: 'd', status: 'done' as const, doneAt: 20 };
    expect(casesOf('due-soon', [soon, late], []).map((c) => c.id)).toEqual(['a']);
    expect(casesOf('overdue', [soon, late], []).map((c) => c.id)).toEqual(['b']);
    expect(casesOf('open', [soon, late], []).map((c) => c.id)).toEqual(['a', 'b']);
    expect(casesOf('done', [], [d1, d2]).map((c) => c.id)).toEqual(['d', 'c']);
  });
});
