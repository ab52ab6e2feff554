import { describe, expect, it } from 'vitest';
import type { Alert } from '@yichuang/protocol';
import {
  alertLook,
  carryOverAllowed,
  dayLabel,
  noticeLines,
  noticeProblems,
  printerStatus,
  queuesLabel,
  refusalReason,
  sortAlerts,
  stateChipClass,
  tileState,
  uncoveredQueues,
} from './live-format.ts';
import { lt } from './live-strings.ts';

const alert = (over: Partial<Alert>): Alert => ({
  id: 'a',
  kind: 'empty-post',
  severity: 'critical',
  subject: 'w1',
  windowId: 'w1',
  message: '1号窗口 无人在岗 / w1: empty post',
  raisedAt: 1000,
  clearedAt: null,
  acknowledgedAt: null,
  acknowledgedBy: null,
  ...over,
});

describe('window tile state', () => {
  it('tells an empty post during hours from nobody signed in outside them, and a closed window from both', () => {
    expect(tileState({ open: true, state: 'empty', emptyPost: true })).toBe('empty');
    expect(tileState({ open: true, state: 'empty', emptyPost: false })).toBe('vacant');
    expect(tileState({ open: false, state: 'serving', emptyPost: false })).toBe('closed');
    expect(tileState({ open: true, state: 'calling', emptyPost: false })).toBe('calling');
    expect(lt('zh', `state.${tileState({ open: true, state: 'calling', emptyPost: false })}`)).toBe('呼叫中');
    expect(lt('zh', 'state.closed')).toBe('未开放');
    expect(stateChipClass('empty')).toBe('m-chip m-chip--empty');
    expect(stateChipClass('vacant')).toBe('m-chip');
  });
});

describe('words for the hall', () => {
  it('names printer faults as the hall says them, with an unknown status never shown as fine', () => {
    expect(printerStatus('zh', 'paper-low')).toEqual({ text: '纸将用尽', tone: 'warn' });
    expect(printerStatus('zh', 'paper-out')).toEqual({ text: '缺纸', tone: 'danger' });
    expect(printerStatus('zh', 'cover-open').text).toBe('纸仓盖打开');
    expect(printerStatus('zh', 'offline').text).toBe('离线');
    expect(printerStatus('en', 'something-new')).toEqual({ text: 'No answer yet', tone: 'idle' });
  });

  it('lists a window’s queues in the config’s order, or says it serves everything', () => {
    const names = new Map([
      ['quick', '小业务'],
      ['long', '大业务'],
    ]);
    expect(queuesLabel('zh', ['long', 'quick'], names)).toBe('小业务、大业务');
    expect(queuesLabel('en', 'all', names)).toBe('everything (one window for all)');
  });

  it('says a business day with its weekday', () => {
    expect(dayLabel('zh', '2026-11-24')).toBe('11月24日星期二');
    expect(dayLabel('en', '2026-11-24')).toBe('Tue 24 Nov');
  });
});

describe('queue changes', () => {
  const windows = [
    { id: 'w1', queues: 'all' as const },
    { id: 'w2', queues: ['quick'] },
  ];
  it('finds the queues nobody would serve after a change', () => {
    expect(uncoveredQueues(windows, ['quick', 'long'], 'w1', ['quick'])).toEqual(['long']);
    expect(uncoveredQueues(windows, ['quick', 'long'], 'w2', ['long'])).toEqual([]);
  });

  it('puts the hub’s refusal of a queue nobody serves in words, and passes other reasons on', () => {
    const names = (id: string): string => (id === 'long' ? '大业务' : id);
    const invalid = {
      code: 'VALIDATION_FAILED' as const,
      message: '配置无效',
      issues: [{ path: 'queues.1.id', message: 'no window serves queue "long"' }],
    };
    expect(refusalReason('zh', invalid, names)).toBe('没有窗口办理「大业务」');
    expect(refusalReason('zh', { code: 'CONFIG_UNSAFE', message: '有民警在岗' }, names)).toBe('有民警在岗');
  });
});

describe('notice line', () => {
  it('takes one notice a line and drops blank ones', () => {
    expect(noticeLines(' 第一条 \n\n第二条\n  ')).toEqual(['第一条', '第二条']);
  });

  it('refuses more than 20 lines or a line over 200 characters, naming the line', () => {
    expect(noticeProblems('zh', ['好'])).toEqual([]);
    expect(
      noticeProblems(
        'zh',
        Array.from({ length: 21 }, (_, i) => `${i}`),
      ),
    ).toEqual(['最多 20 条，现在有 21 条']);
    expect(noticeProblems('zh', ['a', '字'.repeat(201)])).toEqual(['第 2 条有 201 字，超过 200 字']);
  });
});

describe('alerts', () => {
  it('are loud until acknowledged; an ended one stays listed as ended', () => {
    expect(alertLook(alert({}))).toBe('critical');
    expect(alertLook(alert({ severity: 'warning' }))).toBe('warning');
    expect(alertLook(alert({ clearedAt: 2000 }))).toBe('ended');
    expect(alertLook(alert({ acknowledgedAt: 2000 }))).toBe('acknowledged');
  });

  it('sort the unacknowledged critical ones first, newest first within each kind of look', () => {
    const list = [
      alert({ id: 'acked', acknowledgedAt: 5 }),
      alert({ id: 'warn', severity: 'warning', raisedAt: 9000 }),
      alert({ id: 'old', raisedAt: 1 }),
      alert({ id: 'ended', clearedAt: 3 }),
      alert({ id: 'new', raisedAt: 8000 }),
    ];
    expect(sortAlerts(list).map((a) => a.id)).toEqual(['new', 'old', 'warn', 'ended', 'acked']);
  });
});

describe('carry-over', () => {
  it('is for after closing only', () => {
    expect(carryOverAllowed('open')).toBe(false);
    expect(carryOverAllowed('before-open')).toBe(false);
    expect(carryOverAllowed('extended')).toBe(true);
    expect(carryOverAllowed('closed')).toBe(true);
  });
});
