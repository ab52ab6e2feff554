import { describe, expect, it } from 'vitest';
import { TestHall, kiosk, ofType, officer, types } from './test-hall.ts';

describe('sign in and sign out', () => {
  it('signs in the rostered officer and records minutes before opening on the first sign-in', () => {
    const h = new TestHall();
    h.at('08:50');
    const { events, result } = h.signIn('w1', 'o1');
    expect(types(events)).toEqual(['window:signed-in']);
    expect(ofType(events, 'window:signed-in')[0]?.payload).toEqual({
      windowId: 'w1',
      officerId: 'o1',
      role: 'A',
      earlyMinutes: 10,
      leader: false,
    });
    expect(result.window).toMatchObject({ state: 'idle', holder: { officerId: 'o1', role: 'A', name: '民警o1' } });
    h.ok('window:sign-out', { windowId: 'w1' }, officer('o1'));
    h.at('09:20');
    expect(ofType(h.signIn('w1', 'o1').events, 'window:signed-in')[0]?.payload.earlyMinutes).toBeNull();
  });

  it('records a late first sign-in as negative minutes', () => {
    const h = new TestHall();
    h.at('09:07');
    expect(ofType(h.signIn('w2', 'o4').events, 'window:signed-in')[0]?.payload).toMatchObject({
      role: 'B',
      earlyMinutes: -7,
    });
  });

  it('signing in again to the window one already holds is harmless', () => {
    const h = new TestHall();
    h.at('09:05');
    h.signIn('w1', 'o1');
    h.take('hz-move');
    h.callNext('w1');
    const again = h.signIn('w1', 'o1');
    expect(again.events).toEqual([]);
    expect(again.result.window).toMatchObject({ state: 'calling', holder: { officerId: 'o1' } });
  });

  it('refuses unknown windows, closed windows, devices, and officers not on the roster of the window', () => {
    const h = new TestHall();
    h.at('09:05');
    expect(h.fail('window:sign-in', { windowId: 'w9' }, officer('o1'))).toBe('UNKNOWN_WINDOW');
    expect(h.fail('window:sign-in', { windowId: 'w5' }, officer('o8'))).toBe('WINDOW_CLOSED');
    expect(h.fail('window:sign-in', { windowId: 'w1' }, kiosk)).toBe('FORBIDDEN');
    // w3 is free, but o1 is rostered only on w1.
    expect(h.fail('window:sign-in', { windowId: 'w3' }, officer('o1'))).toBe('NOT_ROSTERED');
    expect(h.signIn('w3', 'o6').result.window.holder).toMatchObject({ officerId: 'o6', role: 'B' });
  });

  it('an officer holding one window cannot sign in to another post they cover', () => {
    const h = new TestHall({
      roster: [
        { window: 'w1', a: 'o1', b: 'o2' },
        { window: 'w4', a: 'o7', b: 'o2' },
      ],
    });
    h.at('09:00');
    h.signIn('w1', 'o2'); // o2 covers w1 while its A is absent
    expect(h.window('w1').holder).toMatchObject({ officerId: 'o2', role: 'B' });
    expect(h.fail('window:sign-in', { windowId: 'w4' }, officer('o2'))).toBe('HOLDS_OTHER_WINDOW');
    h.ok('window:sign-out', { windowId: 'w1' }, officer('o2'));
    expect(h.signIn('w4', 'o2').result.window.holder).toMatchObject({ officerId: 'o2', role: 'B' });
  });

  it('sign-out frees the window; it is refused while the window holds a ticket', () => {
    const h = new TestHall();
    h.at('09:05');
    h.signIn('w1', 'o1');
    h.take('hz-move');
    h.callNext('w1');
    expect(h.fail('window:sign-out', { windowId: 'w1' }, officer('o1'))).toBe('WINDOW_BUSY');
    h.ok('window:start', { windowId: 'w1' }, officer('o1'));
    expect(h.fail('window:sign-out', { windowId: 'w1' }, officer('o1'))).toBe('WINDOW_BUSY');
    h.ok('window:finish', { windowId: 'w1' }, officer('o1'));
    const { events, result } = h.ok('window:sign-out', { windowId: 'w1' }, officer('o1'));
    expect(ofType(events, 'window:signed-out')[0]?.payload).toEqual({
      windowId: 'w1',
      officerId: 'o1',
      handover: false,
      pausedS: null,
    });
    expect(result.window).toMatchObject({ state: 'empty', holder: null });
    expect(h.fail('window:sign-out', { windowId: 'w1' }, officer('o1'))).toBe('NOT_HOLDER');
  });
});

describe('one ticket at a time', () => {
  it('call-next while the window holds a ticket is WINDOW_BUSY', () => {
    const h = new TestHall();
    h.at('09:05');
    h.signIn('w1', 'o1');
    h.take('hz-move');
    h.take('hz-move');
    h.callNext('w1');
    expect(h.fail('window:call-next', { windowId: 'w1' }, officer('o1'))).toBe('WINDOW_BUSY');
    expect(h.fail('window:call-ticket', { windowId: 'w1', ticketId: 't2' }, officer('o1'))).toBe('WINDOW_BUSY');
    h.ok('window:start', { windowId: 'w1' }, officer('o1'));
    expect(h.fail('window:call-next', { windowId: 'w1' }, officer('o1'))).toBe('WINDOW_BUSY');
    expect(h.ticket('t2').status).toBe('waiting');
  });

  it('a window calls only the queues it serves; a comprehensive window serves all', () => {
    const h = new TestHall();
    h.at('09:05');
    h.signIn('w1', 'o1');
    h.signIn('w3', 'o5');
    h.take('jg-lic'); // C001: only w3 (all) and the closed w5 serve 交管
    h.advance(1);
    h.take('crj-pass');
    expect(h.callNext('w1')).toBeNull();
    expect(h.callNext('w3')?.number).toBe('C001');
    h.ok('window:finish', { windowId: 'w3' }, officer('o5'));
    expect(h.callNext('w3')?.number).toBe('B001');
  });
});

describe('pause and resume (工作监督牌)', () => {
  it('pauses with a reason and note, and resumes with the pause length', () => {
    const h = new TestHall();
    h.at('09:05');
    h.signIn('w1', 'o1');
    h.at('10:00');
    const paused = h.ok('window:pause', { windowId: 'w1', reason: 'other', note: '系统故障' }, officer('o1'));
    expect(ofType(paused.events, 'window:paused')[0]?.payload).toEqual({
      windowId: 'w1',
      officerId: 'o1',
      reason: 'other',
      note: '系统故障',
    });
    expect(paused.result.window).toMatchObject({ state: 'paused', pause: { reason: 'other', since: h.now } });
    h.at('10:12');
    const resumed = h.ok('window:resume', { windowId: 'w1' }, officer('o1'));
    expect(ofType(resumed.events, 'window:resumed')[0]?.payload.pausedS).toBe(720);
    expect(resumed.result.window).toMatchObject({ state: 'idle', pause: null });
  });

  it.each(['away', 'meeting', 'meal', 'other'] as const)('accepts the reason %s', (reason) => {
    const h = new TestHall();
    h.at('09:05');
    h.signIn('w4', 'o7');
    expect(h.ok('window:pause', { windowId: 'w4', reason }, officer('o7')).result.window.pause?.reason).toBe(reason);
  });

  it('refuses to pause while holding a ticket, to pause twice, to call while paused, or to resume unpaused', () => {
    const h = new TestHall();
    h.at('09:05');
    h.signIn('w1', 'o1');
    expect(h.fail('window:resume', { windowId: 'w1' }, officer('o1'))).toBe('INVALID_STATE');
    h.take('hz-move');
    h.callNext('w1');
    expect(h.fail('window:pause', { windowId: 'w1', reason: 'meal' }, officer('o1'))).toBe('WINDOW_BUSY');
    h.ok('window:finish', { windowId: 'w1' }, officer('o1'));
    h.take('hz-move');
    h.ok('window:pause', { windowId: 'w1', reason: 'other' }, officer('o1'));
    expect(h.fail('window:pause', { windowId: 'w1', reason: 'meal' }, officer('o1'))).toBe('INVALID_STATE');
    expect(h.fail('window:call-next', { windowId: 'w1' }, officer('o1'))).toBe('INVALID_STATE');
  });

  it('signing out while paused records the pause length', () => {
    const h = new TestHall();
    h.at('09:05');
    h.signIn('w4', 'o7');
    h.ok('window:pause', { windowId: 'w4', reason: 'meal' }, officer('o7'));
    h.advance(30);
    const { events } = h.ok('window:sign-out', { windowId: 'w4' }, officer('o7'));
    expect(ofType(events, 'window:signed-out')[0]?.payload).toMatchObject({ handover: false, pausedS: 1800 });
    expect(h.window('w4')).toMatchObject({ pause: null, holder: null });
  });
});
