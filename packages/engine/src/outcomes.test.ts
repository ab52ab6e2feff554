import { describe, expect, it } from 'vitest';
import { TestHall, manager, officer, kiosk, ofType, types } from './test-hall.ts';

/** w1 (o1) serves A001 (户口迁移, 5 working days) from 09:00 on Monday 2026-11-23. */
function serving(): { h: TestHall; ticketId: string } {
  const h = new TestHall();
  h.at('09:00');
  const ticketId = h.take('hz-move').id;
  h.signIn('w1', 'o1');
  h.callNext('w1');
  h.ok('window:start', { windowId: 'w1' }, officer('o1'));
  h.advance(6);
  return { h, ticketId };
}

describe('matters and outcomes at finish', () => {
  it('left without matters, the ticket’s own matter is done (办结)', () => {
    const { h, ticketId } = serving();
    const r = h.ok('window:finish', { windowId: 'w1' }, officer('o1'));
    expect(types(r.events)).toEqual(['ticket:finished']);
    expect(r.result.matters).toEqual([
      {
        serviceId: 'hz-move',
        outcome: 'done',
        caseId: null,
        caseNo: null,
        refusalId: null,
        refusalNo: null,
        noticeId: null,
        refusalReason: null,
        note: '',
      },
    ]);
    expect(h.ticket(ticketId).status).toBe('done');
  });

  it('several matters of one person: a case per acceptance with its due day, a refusal with the legal basis', () => {
    const { h } = serving();
    const r = h.runEngine(
      {
        name: 'window:finish',
        payload: {
          requestId: 'f1',
          windowId: 'w1',
          contactName: '张*',
          phoneHash: 'hash-138',
          matters: [
            { serviceId: 'hz-move', outcome: 'accepted' },
            { serviceId: 'hz-id', outcome: 'accepted-pending', pendingMaterials: ['户口簿首页复印件'] },
          ],
        },
      },
      officer('o1'),
    );
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(types(r.events)).toEqual(['ticket:finished', 'case:opened', 'case:opened']);
    const [move, id] = ofType(r.events, 'case:opened').map((e) => e.payload.case);
    // Monday + 5 working days: Tue, Wed, Thu, Fri, (weekend), Mon.
    expect(move).toMatchObject({
      no: 'SL20261123-001',
      kind: 'accepted',
      timeLimitDays: 5,
      dueDay: '2026-11-30',
      status: 'open',
      windowId: 'w1',
      officerId: 'o1',
      contactName: '张*',
      phoneHash: 'hash-138',
      ticketNumber: 'A001',
    });
    // hz-id has no time limit of its own: the hall's default of 20 working days, skipping the closed Tuesday 12-01.
    expect(id).toMatchObject({
      no: 'SL20261123-002',
      kind: 'accepted-pending',
      timeLimitDays: 20,
      dueDay: '2026-12-22',
    });
    expect(id?.pendingMaterials).toEqual(['户口簿首页复印件']);
    expect(r.result.matters.map((m) => [m.outcome, m.caseNo])).toEqual([
      ['accepted', 'SL20261123-001'],
      ['accepted-pending', 'SL20261123-002'],
    ]);
    expect(h.state.cases.size).toBe(2);
  });

  it('a refusal (不予受理) carries the reason, the officer’s words and the matter’s legal basis; serials count on', () => {
    const { h } = serving();
    const r = h.ok(
      'window:finish',
      {
        windowId: 'w1',
        matters: [
          { serviceId: 'hz-move', outcome: 'refused', refusalReason: 'conditions-unmet', note: '不符合迁入条件' },
          { serviceId: 'hz-id', outcome: 'notice', noticeId: 'n-1' },
        ],
      },
      officer('o1'),
    );
    expect(types(r.events)).toEqual(['ticket:finished', 'refusal:issued']);
    const refusal = ofType(r.events, 'refusal:issued')[0]!.payload.refusal;
    expect(refusal).toMatchObject({
      no: 'BY20261123-001',
      reason: 'conditions-unmet',
      note: '不符合迁入条件',
      basis: '《中华人民共和国户口登记条例》第十条',
      contactName: '',
    });
    expect(r.result.matters[1]).toMatchObject({ outcome: 'notice', noticeId: 'n-1' });
    h.take('hz-move');
    h.callNext('w1');
    const next = h.ok(
      'window:finish',
      { windowId: 'w1', matters: [{ serviceId: 'hz-move', outcome: 'refused', refusalReason: 'out-of-scope' }] },
      officer('o1'),
    );
    expect(next.result.matters[0]?.refusalNo).toBe('BY20261123-002');
  });

  it('refuses bad matters and changes nothing', () => {
    const { h } = serving();
    expect(
      h.fail('window:finish', { windowId: 'w1', matters: [{ serviceId: 'nope', outcome: 'done' }] }, officer('o1')),
    ).toBe('UNKNOWN_SERVICE');
    expect(() =>
      h.run(
        'window:finish',
        { windowId: 'w1', matters: [{ serviceId: 'hz-move', outcome: 'refused' }] },
        officer('o1'),
      ),
    ).toThrow(/refusal needs a reason/);
    expect(() =>
      h.run(
        'window:finish',
        { windowId: 'w1', matters: [{ serviceId: 'hz-move', outcome: 'accepted-pending' }] },
        officer('o1'),
      ),
    ).toThrow(/materials to follow/);
    expect(() =>
      h.run(
        'window:finish',
        {
          windowId: 'w1',
          matters: [
            { serviceId: 'hz-move', outcome: 'done' },
            { serviceId: 'hz-move', outcome: 'accepted' },
          ],
        },
        officer('o1'),
      ),
    ).toThrow(/a matter twice/);
    expect(h.state.cases.size).toBe(0);
  });
});

describe('cases (受理件)', () => {
  function accepted(h: TestHall, outcome: 'accepted' | 'accepted-pending'): string {
    const r = h.ok(
      'window:finish',
      {
        windowId: 'w1',
        matters: [
          outcome === 'accepted'
            ? { serviceId: 'hz-move', outcome }
            : { serviceId: 'hz-move', outcome, pendingMaterials: ['准予迁入证明'] },
        ],
      },
      officer('o1'),
    );
    return r.result.matters[0]!.caseId!;
  }

  it('容缺受理: materials received, then done, by any officer or a manager; each once', () => {
    const { h } = serving();
    const id = accepted(h, 'accepted-pending');
    h.advance(60);
    const got = h.ok('case:update', { caseId: id, action: 'materials-received' }, officer('o3'));
    expect(got.result.case).toMatchObject({ status: 'materials-received', materialsReceivedAt: h.now });
    expect(h.fail('case:update', { caseId: id, action: 'materials-received' }, officer('o3'))).toBe('INVALID_STATE');
    const done = h.ok('case:update', { caseId: id, action: 'done', note: '证件已制作' }, manager);
    expect(done.result.case).toMatchObject({ status: 'done', doneBy: 'm1', doneAt: h.now });
    expect(ofType(done.events, 'case:updated')[0]?.payload).toEqual({
      caseId: id,
      status: 'done',
      officerId: 'm1',
      note: '证件已制作',
    });
    expect(h.fail('case:update', { caseId: id, action: 'done' }, officer('o1'))).toBe('CASE_DONE');
  });

  it('an accepted case has no materials to follow; unknown cases and devices are refused', () => {
    const { h } = serving();
    const id = accepted(h, 'accepted');
    expect(h.fail('case:update', { caseId: id, action: 'materials-received' }, officer('o1'))).toBe('INVALID_STATE');
    expect(h.fail('case:update', { caseId: 'nope', action: 'done' }, officer('o1'))).toBe('UNKNOWN_CASE');
    expect(h.fail('case:update', { caseId: id, action: 'done' }, kiosk)).toBe('FORBIDDEN');
  });

  it('open cases stay across days; done ones and the serials go at the day’s turn', () => {
    const { h } = serving();
    const open = accepted(h, 'accepted');
    h.take('hz-move');
    h.callNext('w1');
    const finished = accepted(h, 'accepted');
    h.ok('case:update', { caseId: finished, action: 'done' }, officer('o1'));
    expect(h.state.cases.size).toBe(2);
    h.at('08:50', '2026-11-24');
    h.tick();
    expect([...h.state.cases.keys()]).toEqual([open]);
    expect(h.state.casesToday).toBe(0);
    h.at('09:00');
    h.take('hz-move');
    if (h.state.windows.get('w1')?.holder == null) h.signIn('w1', 'o1');
    h.callNext('w1');
    const r = h.ok(
      'window:finish',
      { windowId: 'w1', matters: [{ serviceId: 'hz-move', outcome: 'accepted' }] },
      officer('o1'),
    );
    expect(r.result.matters[0]?.caseNo).toBe('SL20261124-001');
  });
});
