import { describe, expect, it } from 'vitest';
import { MAX_OPEN_COMPLAINTS } from '@yichuang/protocol';
import { evolve } from './evolve.ts';
import { restoreState, stateData } from './hall-state.ts';
import { TestHall, manager, officer, ofType, rater, types } from './test-hall.ts';

/** Monday 09:30: o1 holds w1. */
function hall(): TestHall {
  const h = new TestHall();
  h.at('08:50');
  h.signIn('w1', 'o1');
  h.at('09:30');
  return h;
}

function finishedAtW1(h: TestHall): string {
  h.take('hz-move');
  const t = h.callNext('w1')!;
  h.ok('window:finish', { windowId: 'w1' }, officer('o1'));
  return t.id;
}

function record(h: TestHall, extra: { windowId?: string; officerId?: string; ticketNumber?: string } = {}) {
  return h.runEngine(
    {
      name: 'complaint:record',
      payload: {
        requestId: `c${h.events.length}`,
        channel: 'hotline',
        text: '等候时间过长，窗口态度生硬',
        name: '张*',
        phone: { masked: '138****5678', hash: 'h-phone' },
        ...extra,
      },
    },
    manager,
  );
}

describe('complaints (投诉)', () => {
  it('records a complaint with the masked person, assigns it and closes it with a result', () => {
    const h = hall();
    const rec = record(h, { windowId: 'w1', officerId: 'o1', ticketNumber: 'a012' });
    if (!rec.ok) throw new Error(rec.error.code);
    const c = rec.result.complaint;
    expect(c).toMatchObject({
      channel: 'hotline',
      name: '张*',
      phone: '138****5678',
      phoneHash: 'h-phone',
      windowId: 'w1',
      officerId: 'o1',
      ticketNumber: 'A012',
      recordedBy: 'm1',
      day: '2026-11-23',
      receivedAt: h.now,
    });
    expect(h.state.complaints.get(c.id)).toEqual({ id: c.id, assignedTo: null });

    h.advance(10);
    const assigned = h.ok('complaint:assign', { complaintId: c.id, officerId: 'o2' }, manager);
    expect(types(assigned.events)).toEqual(['complaint:assigned']);
    expect(h.state.complaints.get(c.id)?.assignedTo).toBe('o2');
    // Assigning to the same officer again changes nothing.
    expect(h.ok('complaint:assign', { complaintId: c.id, officerId: 'o2' }, manager).events).toEqual([]);

    const closed = h.ok('complaint:close', { complaintId: c.id, result: '已回电致歉，窗口整改' }, manager);
    expect(ofType(closed.events, 'complaint:closed')[0]!.payload).toEqual({
      complaintId: c.id,
      result: '已回电致歉，窗口整改',
      by: 'm1',
    });
    expect(h.state.complaints.has(c.id)).toBe(false);
    expect(h.replayed().complaints.size).toBe(0);
    // Closed is closed: no second close, no late assignment.
    expect(h.fail('complaint:close', { complaintId: c.id, result: '再次' }, manager)).toBe('UNKNOWN_COMPLAINT');
    expect(h.fail('complaint:assign', { complaintId: c.id, officerId: 'o3' }, manager)).toBe('UNKNOWN_COMPLAINT');
  });

  it('is for managers only, and checks the window, officer and complaint named', () => {
    const h = hall();
    const body = { channel: 'onsite' as const, text: '排队秩序混乱' };
    expect(h.fail('complaint:record', body, officer('o1'))).toBe('FORBIDDEN');
    expect(h.fail('complaint:record', { ...body, windowId: 'w9' }, manager)).toBe('UNKNOWN_WINDOW');
    expect(h.fail('complaint:record', { ...body, officerId: 'nobody' }, manager)).toBe('UNKNOWN_OFFICER');
    expect(h.fail('complaint:assign', { complaintId: 'nope', officerId: 'o1' }, manager)).toBe('UNKNOWN_COMPLAINT');
    const c = h.ok('complaint:record', body, manager).result.complaint;
    expect(c).toMatchObject({ name: '', phone: '', phoneHash: null, windowId: null, ticketNumber: null });
    expect(h.fail('complaint:assign', { complaintId: c.id, officerId: 'ghost' }, manager)).toBe('UNKNOWN_OFFICER');
    expect(h.fail('complaint:close', { complaintId: c.id, result: '处理完毕' }, officer('o1'))).toBe('FORBIDDEN');
  });

  it('stays open across days and through a restart from the store', () => {
    const h = hall();
    const rec = record(h);
    if (!rec.ok) throw new Error(rec.error.code);
    h.at('09:10', '2026-11-24');
    h.tick();
    expect(h.state.complaints.has(rec.result.complaint.id)).toBe(true);
    expect([...h.replayed().complaints.keys()]).toEqual([rec.result.complaint.id]);
    // The store gives back the open items; a restored engine closes them.
    const restored = restoreState(h.config, stateData(h.state), [], [], {
      complaints: [{ id: rec.result.complaint.id, assignedTo: null }],
      followUps: [],
    });
    expect(restored.complaints.has(rec.result.complaint.id)).toBe(true);
  });

  it(`refuses a new complaint while ${MAX_OPEN_COMPLAINTS} are open`, () => {
    const h = new TestHall({ verifyReplay: false });
    h.at('09:30');
    for (let i = 0; i < MAX_OPEN_COMPLAINTS; i++) h.state.complaints.set(`c${i}`, { id: `c${i}`, assignedTo: null });
    expect(h.fail('complaint:record', { channel: 'letter', text: '来信反映' }, manager)).toBe('TOO_MANY_OPEN');
    h.ok('complaint:close', { complaintId: 'c0', result: '已答复' }, manager);
    h.ok('complaint:record', { channel: 'letter', text: '来信反映' }, manager);
  });
});

describe('差评回访整改 follow-ups', () => {
  it('a rating of 2 or less opens a follow-up in the same decision; a manager closes it', () => {
    const h = hall();
    const good = finishedAtW1(h);
    expect(types(h.ok('rating:submit', { ticketId: good, level: 3 }, rater('r1')).events)).toEqual(['ticket:rated']);
    const bad = finishedAtW1(h);
    const rated = h.ok('rating:submit', { ticketId: bad, level: 2, reason: 'slow' }, rater('r1'));
    expect(types(rated.events)).toEqual(['ticket:rated', 'followup:opened']);
    const f = ofType(rated.events, 'followup:opened')[0]!.payload.followUp;
    expect(f).toMatchObject({
      ticketId: bad,
      ticketNumber: 'A002',
      windowId: 'w1',
      officerId: 'o1',
      level: 2,
      reason: 'slow',
      openedAt: h.now,
    });
    expect(h.state.followUps.get(f.id)).toBe(bad);

    expect(h.fail('followup:close', { followUpId: f.id, action: '自己整改' }, officer('o1'))).toBe('FORBIDDEN');
    h.ok('followup:close', { followUpId: f.id, action: '已电话回访，加强业务培训' }, manager);
    expect(h.state.followUps.size).toBe(0);
    expect(h.replayed().followUps.size).toBe(0);
    expect(h.fail('followup:close', { followUpId: f.id, action: '再次' }, manager)).toBe('UNKNOWN_FOLLOWUP');
  });
});

describe('带班领导帮办 the duty leader at a window', () => {
  it('a manager signs in at any open window outside the roster, logged as leader, with no arrival time', () => {
    const h = hall();
    const r = h.ok('window:sign-in', { windowId: 'w4' }, manager);
    const e = ofType(r.events, 'window:signed-in')[0]!.payload;
    expect(e).toMatchObject({ windowId: 'w4', officerId: 'm1', leader: true, earlyMinutes: null });
    expect(h.window('w4').holder).toMatchObject({ officerId: 'm1', leader: true });
    expect(h.state.firstSignIns.has('m1')).toBe(false);
    // The leader serves like anyone holding the window.
    h.take('crj-pass');
    expect(h.ok('window:call-next', { windowId: 'w4' }, manager).result.ticket?.number).toBe('B001');
    // Officers still need the roster; a closed window stays closed.
    expect(h.fail('window:sign-in', { windowId: 'w2' }, officer('o1'))).toBe('NOT_ROSTERED');
    h.ok('window:finish', { windowId: 'w4' }, manager);
    h.ok('window:sign-out', { windowId: 'w4' }, manager);
    expect(h.fail('window:sign-in', { windowId: 'w5' }, manager)).toBe('WINDOW_CLOSED');
  });

  it('asks no partner to cover when the leader pauses or signs out, and never displaces the holder', () => {
    const h = hall();
    expect(h.fail('window:sign-in', { windowId: 'w1' }, manager)).toBe('WINDOW_CONFLICT');
    h.ok('window:sign-in', { windowId: 'w2' }, manager);
    const paused = h.ok('window:pause', { windowId: 'w2', reason: 'away' }, manager);
    expect(types(paused.events)).toContain('window:paused');
    expect(types(paused.events)).not.toContain('roster:cover-requested');
    h.ok('window:resume', { windowId: 'w2' }, manager);
    const out = h.ok('window:sign-out', { windowId: 'w2' }, manager);
    expect(types(out.events)).not.toContain('roster:cover-requested');
    expect(h.window('w2').coverRequestedFor).toBeNull();
  });

  it('the rostered officers take their post back from the leader (A or B), once the current ticket is done', () => {
    const h = hall();
    h.ok('window:sign-in', { windowId: 'w2' }, manager);
    h.take('hz-id');
    h.ok('window:call-next', { windowId: 'w2' }, manager);
    expect(h.fail('window:sign-in', { windowId: 'w2' }, officer('o4'))).toBe('WINDOW_BUSY');
    h.ok('window:finish', { windowId: 'w2' }, manager);
    const back = h.ok('window:sign-in', { windowId: 'w2' }, officer('o4'));
    expect(types(back.events)).toEqual(['window:signed-out', 'window:signed-in']);
    expect(ofType(back.events, 'window:signed-out')[0]!.payload).toMatchObject({ officerId: 'm1', handover: true });
    expect(ofType(back.events, 'window:signed-in')[0]!.payload).toMatchObject({ role: 'B', leader: false });
  });
});

describe('请求帮办 help requests', () => {
  it('the holder asks for the leader with the current ticket; nobody else may', () => {
    const h = hall();
    h.take('hz-move');
    const t = h.callNext('w1')!;
    const r = h.ok('window:help', { windowId: 'w1', note: '群众情绪激动' }, officer('o1'));
    expect(ofType(r.events, 'window:help-requested')[0]!.payload).toEqual({
      windowId: 'w1',
      officerId: 'o1',
      ticketId: t.id,
      note: '群众情绪激动',
    });
    expect(r.result).toEqual({ windowId: 'w1', ticketId: t.id });
    // Pressed again before anyone came: answered the same, nothing new in the log.
    expect(h.ok('window:help', { windowId: 'w1' }, officer('o1')).events).toEqual([]);
    expect(h.fail('window:help', { windowId: 'w1' }, officer('o2'))).toBe('NOT_HOLDER');
    expect(h.fail('window:help', { windowId: 'w9' }, officer('o1'))).toBe('UNKNOWN_WINDOW');
    h.ok('window:finish', { windowId: 'w1' }, officer('o1'));
    const idle = h.ok('window:help', { windowId: 'w1' }, officer('o1'));
    expect(ofType(idle.events, 'window:help-requested')[0]!.payload).toMatchObject({ ticketId: null, note: '' });
  });

  it('stands until a manager signs in at the window or acknowledges its alert; a new day ends it', () => {
    const h = hall();
    h.ok('window:help', { windowId: 'w1' }, officer('o1'));
    expect([...h.state.helpRequests.keys()]).toEqual(['w1']);
    // The officer steps away; the duty leader takes the window over: the request is answered.
    h.ok('window:pause', { windowId: 'w1', reason: 'away' }, officer('o1'));
    h.ok('window:sign-in', { windowId: 'w1' }, manager);
    expect(h.state.helpRequests.size).toBe(0);
    expect(h.replayed().helpRequests.size).toBe(0);

    h.signIn('w2', 'o3');
    h.ok('window:help', { windowId: 'w2', note: '系统故障' }, officer('o3'));
    evolve(h.state, {
      type: 'alert:acknowledged',
      at: h.now,
      payload: { alertId: 'x', kind: 'help-requested', subject: 'w2' },
    });
    expect(h.state.helpRequests.size).toBe(0);

    h.ok('window:help', { windowId: 'w2' }, officer('o3'));
    h.at('09:00', '2026-11-24');
    h.tick();
    expect(h.state.helpRequests.size).toBe(0);
  });
});
