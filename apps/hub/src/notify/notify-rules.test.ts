import { describe, expect, it } from 'vitest';
import { MESSAGE_MAX_CHARS, renderMessage, type EventEnvelope } from '@yichuang/protocol';
import { decideMessages, fitItems, type RulesView } from './notify-rules.ts';

const tickets = new Map([
  ['t1', { id: 't1', number: 'A001', queueId: 'quick' }],
  ['t2', { id: 't2', number: 'A002', queueId: 'quick' }],
  ['t3', { id: 't3', number: 'B001', queueId: 'long' }],
]);

function view(over: Partial<RulesView> = {}): RulesView {
  const phones = new Map([
    ['t1', '13812345678'],
    ['t2', '13912345678'],
  ]);
  return {
    ticket: (id) => tickets.get(id),
    windowName: (id) => ({ w3: '3号窗口' })[id] ?? id,
    queueName: (id) => ({ long: '大业务' })[id] ?? id,
    contactOf: (id) => phones.get(id) ?? null,
    waitingWithContact: () => [{ ticketId: 't2', ahead: 3 }],
    aheadCount: 3,
    serviceName: (id) => ({ idcard: '居民身份证换领' })[id] ?? id,
    casePhone: (id) => (id === 'c1' ? '13712345678' : null),
    caseOf: (id) => (id === 'c1' ? { no: 'SL20261123-001', serviceId: 'idcard', ticketId: 't3' } : undefined),
    ...over,
  };
}

const ev = (seq: number, type: string, payload: Record<string, unknown>): EventEnvelope =>
  ({ seq, at: 1000 + seq, actor: 'officer:a1', type, payload }) as unknown as EventEnvelope;

describe('notify rules', () => {
  it('a call goes to its ticket’s phone with the window’s name; the line moving tells the next one', () => {
    const out = decideMessages(
      [ev(7, 'ticket:called', { ticketId: 't1', windowId: 'w3', officerId: 'a1', mode: 'next', streak: 0 })],
      view(),
    );
    expect(out).toEqual([
      {
        dedupeKey: 't1:called:7',
        ticketId: 't1',
        phone: '13812345678',
        template: 'called',
        params: { number: 'A001', window: '3号窗口' },
      },
      {
        dedupeKey: 't2:ahead:quick',
        ticketId: 't2',
        phone: '13912345678',
        template: 'ahead',
        params: { number: 'A002', n: '3' },
      },
    ]);
    expect(renderMessage('called', out[0]!.params)).toBe('请A001号到3号窗口办理。');
    expect(renderMessage('called', out[0]!.params, 'en')).toBe('A001: please go to 3号窗口.');
  });

  it('the same events again make the same keys (a replay adds nothing to the outbox)', () => {
    const events = [
      ev(9, 'ticket:no-show', { ticketId: 't1', windowId: 'w3', officerId: 'a1', auto: false }),
      ev(10, 'ticket:transferred', {
        ticketId: 't2',
        officerId: 'a1',
        fromQueueId: 'quick',
        fromWindowId: 'w3',
        toQueueId: 'long',
        toWindowId: null,
        note: '',
      }),
    ];
    const keys = (): string[] => decideMessages(events, view()).map((m) => m.dedupeKey);
    expect(keys()).toEqual(['t1:no-show:9', 't2:transferred:10', 't2:ahead:quick']);
    expect(keys()).toEqual(keys());
  });

  it('nothing for a ticket without a contact, nor "N ahead" beyond aheadCount or when it is off', () => {
    expect(
      decideMessages(
        [ev(3, 'ticket:called', { ticketId: 't3', windowId: 'w3', officerId: 'a1', mode: 'next', streak: 0 })],
        view({ waitingWithContact: () => [{ ticketId: 't2', ahead: 4 }] }),
      ),
    ).toEqual([]);
    expect(
      decideMessages(
        [ev(3, 'ticket:called', { ticketId: 't3', windowId: 'w3', officerId: 'a1', mode: 'next', streak: 0 })],
        view({ aheadCount: 0 }),
      ),
    ).toEqual([]);
    // Nobody ahead: the call's own message comes next, not "还有0人".
    expect(
      decideMessages(
        [ev(3, 'ticket:called', { ticketId: 't3', windowId: 'w3', officerId: 'a1', mode: 'next', streak: 0 })],
        view({ waitingWithContact: () => [{ ticketId: 't2', ahead: 0 }] }),
      ),
    ).toEqual([]);
    // A ticket taken does not move the line forward.
    expect(decideMessages([ev(4, 'ticket:issued', { ticket: { id: 't9' } })], view())).toEqual([]);
  });

  it('carry-over and a notice slip: the day, the window and the missing materials, within one SMS', () => {
    const missing = [
      '居民户口簿',
      '近期免冠一寸照片两张',
      '监护人身份证明',
      '委托书',
      '原证件',
      '体检表',
      '申请表',
      '居住证明材料',
      '学籍证明',
      '单位介绍信',
    ];
    const out = decideMessages(
      [
        ev(20, 'ticket:carried-over', { ticketId: 't1', toWindowId: 'w3', toDay: '2026-11-24' }),
        ev(21, 'notice:issued', { notice: { id: 'n5', ticketId: 't2', missing } }),
      ],
      view({ aheadCount: 0 }),
    );
    expect(out.map((m) => m.dedupeKey)).toEqual(['t1:carried:20', 't2:notice:n5']);
    expect(renderMessage('carried', out[0]!.params)).toBe('A001号已顺延至2026-11-24，当天在3号窗口优先办理。');
    const notice = renderMessage('notice', out[1]!.params);
    expect(notice.length).toBeLessThanOrEqual(MESSAGE_MAX_CHARS);
    expect(notice).toContain('居民户口簿、');
    expect(notice).toContain(`等${missing.length}项`);
  });

  it('every template stays within 70 characters and carries nothing but the ticket number', () => {
    const long = '综合业务受理窗口（户政出入境）';
    for (const [t, p] of [
      ['called', { number: 'AB123', window: long }],
      ['ahead', { number: 'AB123', n: '50' }],
      ['transferred', { number: 'AB123', to: long }],
      ['carried', { number: 'AB123', day: '2026-11-24', window: long }],
      ['no-show', { number: 'AB123' }],
      ['code', { code: '12345678' }],
    ] as const)
      expect(renderMessage(t, p).length, t).toBeLessThanOrEqual(MESSAGE_MAX_CHARS);
    expect(fitItems(['x'.repeat(80)], (items) => items.length + 20)).toBe('1项材料');
  });

  it('a case accepted and later done goes to the phone given at the finish, once each; no phone, nothing', () => {
    const c = { id: 'c1', no: 'SL20261123-001', serviceId: 'idcard', ticketId: 't3', dueDay: '2026-12-21' };
    const other = { ...c, id: 'c2', no: 'SL20261123-002' };
    const out = decideMessages(
      [
        ev(8, 'case:opened', { case: c }),
        ev(9, 'case:opened', { case: other }),
        ev(10, 'case:updated', { caseId: 'c1', status: 'materials-received', officerId: 'a1', note: '' }),
        ev(11, 'case:updated', { caseId: 'c1', status: 'done', officerId: 'a1', note: '' }),
      ],
      view(),
    );
    expect(out.map((m) => [m.dedupeKey, m.phone, renderMessage(m.template, m.params)])).toEqual([
      [
        'c1:case-accepted',
        '13712345678',
        '居民身份证换领已受理，受理编号SL20261123-001，承诺2026-12-21前办结，可凭编号查询进度。',
      ],
      ['c1:case-done', '13712345678', '受理编号SL20261123-001的居民身份证换领已办结，请按受理回执所示领取。'],
    ]);
    for (const m of out) expect(renderMessage(m.template, m.params).length).toBeLessThanOrEqual(MESSAGE_MAX_CHARS);
  });
});
