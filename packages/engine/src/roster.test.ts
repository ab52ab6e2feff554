import { describe, expect, it } from 'vitest';
import { TestHall, ofType, officer, types } from './test-hall.ts';

/** Monday; o1 (A of w1) signed in at 08:50, so w1 is never an empty post unless o1 leaves. */
function hall(): TestHall {
  const h = new TestHall();
  h.at('08:50');
  h.signIn('w1', 'o1');
  h.at('09:30');
  return h;
}

const emptyPostsOf = (h: TestHall, windowId: string): string[] =>
  h.events
    .filter((e) => e.type.startsWith('window:empty-post') && (e.payload as { windowId: string }).windowId === windowId)
    .map((e) => e.type);

describe('A/B roster (AB角)', () => {
  it('B cannot take the window while A holds it and is active', () => {
    const h = hall();
    expect(h.fail('window:sign-in', { windowId: 'w1' }, officer('o2'))).toBe('WINDOW_CONFLICT');
    h.take('hz-move');
    h.callNext('w1');
    expect(h.fail('window:sign-in', { windowId: 'w1' }, officer('o2'))).toBe('WINDOW_CONFLICT');
    h.ok('window:finish', { windowId: 'w1' }, officer('o1'));
    // 其他 keeps A at the window: still no takeover.
    h.ok('window:pause', { windowId: 'w1', reason: 'other' }, officer('o1'));
    expect(h.fail('window:sign-in', { windowId: 'w1' }, officer('o2'))).toBe('WINDOW_CONFLICT');
  });

  it('an officer not rostered on the window cannot hold it', () => {
    const h = hall();
    expect(h.fail('window:sign-in', { windowId: 'w2' }, officer('o1'))).toBe('NOT_ROSTERED');
    expect(h.fail('window:sign-in', { windowId: 'w2' }, officer('o9'))).toBe('NOT_ROSTERED');
  });

  it('A leaving on a pause asks B to cover; B takes over and the window carries on', () => {
    const h = hall();
    h.take('hz-move');
    h.at('10:00');
    const paused = h.ok('window:pause', { windowId: 'w1', reason: 'meal' }, officer('o1'));
    expect(types(paused.events)).toEqual(['window:paused', 'roster:cover-requested', 'window:empty-post-started']);
    expect(ofType(paused.events, 'roster:cover-requested')[0]?.payload).toEqual({
      windowId: 'w1',
      fromOfficerId: 'o1',
      toOfficerId: 'o2',
      reason: 'meal',
    });
    expect(paused.result.window).toMatchObject({ coverRequestedFor: 'o2', emptyPost: true, emptySince: h.now });

    h.at('10:04');
    const takeover = h.signIn('w1', 'o2');
    expect(types(takeover.events)).toEqual(['window:signed-out', 'window:signed-in', 'window:empty-post-ended']);
    expect(ofType(takeover.events, 'window:signed-out')[0]?.payload).toEqual({
      windowId: 'w1',
      officerId: 'o1',
      handover: true,
      pausedS: 240,
    });
    expect(ofType(takeover.events, 'window:signed-in')[0]?.payload).toMatchObject({ officerId: 'o2', role: 'B' });
    expect(ofType(takeover.events, 'window:empty-post-ended')[0]?.payload.durationS).toBe(240);
    expect(takeover.result.window).toMatchObject({
      state: 'idle',
      holder: { officerId: 'o2', role: 'B' },
      pause: null,
      coverRequestedFor: null,
      emptyPost: false,
    });
    expect(h.callNext('w1')).toMatchObject({ number: 'A001', firstOfficerId: 'o2' });
  });

  it.each(['away', 'meeting'] as const)('a %s pause also asks for cover', (reason) => {
    const h = hall();
    const { events } = h.ok('window:pause', { windowId: 'w1', reason }, officer('o1'));
    expect(ofType(events, 'roster:cover-requested')[0]?.payload).toMatchObject({ toOfficerId: 'o2', reason });
  });

  it('A signing out during hours asks B to cover; B simply signs in', () => {
    const h = hall();
    const out = h.ok('window:sign-out', { windowId: 'w1' }, officer('o1'));
    expect(types(out.events)).toEqual(['window:signed-out', 'roster:cover-requested', 'window:empty-post-started']);
    expect(ofType(out.events, 'roster:cover-requested')[0]?.payload).toMatchObject({
      toOfficerId: 'o2',
      reason: 'signed-out',
    });
    h.advance(2);
    const cover = h.signIn('w1', 'o2');
    expect(types(cover.events)).toEqual(['window:signed-in', 'window:empty-post-ended']);
    expect(cover.result.window.coverRequestedFor).toBeNull();
  });

  it('when B holds and leaves, A is the one asked to cover', () => {
    const h = hall();
    h.ok('window:sign-out', { windowId: 'w1' }, officer('o1'));
    h.signIn('w1', 'o2');
    const { events } = h.ok('window:pause', { windowId: 'w1', reason: 'away' }, officer('o2'));
    expect(ofType(events, 'roster:cover-requested')[0]?.payload).toMatchObject({
      fromOfficerId: 'o2',
      toOfficerId: 'o1',
    });
  });

  it('asks nobody to cover for a pause with reason other, before opening, or on a post with no B', () => {
    const h = new TestHall();
    h.at('08:40');
    h.signIn('w1', 'o1');
    h.signIn('w4', 'o7');
    expect(types(h.ok('window:sign-out', { windowId: 'w1' }, officer('o1')).events)).toEqual(['window:signed-out']);
    h.at('09:10');
    h.signIn('w1', 'o1');
    expect(types(h.ok('window:pause', { windowId: 'w1', reason: 'other' }, officer('o1')).events)).toEqual([
      'window:paused',
    ]);
    // w4 has no B role: still an empty post, but no cover request.
    expect(types(h.ok('window:pause', { windowId: 'w4', reason: 'away' }, officer('o7')).events)).toEqual([
      'window:paused',
      'window:empty-post-started',
    ]);
  });

  it('A coming back while B holds the window idle takes it back', () => {
    const h = hall();
    h.ok('window:pause', { windowId: 'w1', reason: 'meeting' }, officer('o1'));
    h.signIn('w1', 'o2');
    h.take('hz-move');
    h.callNext('w1');
    // B is serving: A waits.
    expect(h.fail('window:sign-in', { windowId: 'w1' }, officer('o1'))).toBe('WINDOW_BUSY');
    h.ok('window:finish', { windowId: 'w1' }, officer('o2'));
    const back = h.signIn('w1', 'o1');
    expect(types(back.events)).toEqual(['window:signed-out', 'window:signed-in']);
    expect(ofType(back.events, 'window:signed-out')[0]?.payload).toMatchObject({ officerId: 'o2', handover: true });
    expect(back.result.window.holder).toMatchObject({ officerId: 'o1', role: 'A' });
    // And B, now out, cannot take it back from an active A.
    expect(h.fail('window:sign-in', { windowId: 'w1' }, officer('o2'))).toBe('WINDOW_CONFLICT');
  });

  it('A resuming before B arrives withdraws the cover request and ends the empty post', () => {
    const h = hall();
    h.ok('window:pause', { windowId: 'w1', reason: 'away' }, officer('o1'));
    h.advance(5);
    const { events, result } = h.ok('window:resume', { windowId: 'w1' }, officer('o1'));
    expect(types(events)).toEqual(['window:resumed', 'window:empty-post-ended']);
    expect(ofType(events, 'window:empty-post-ended')[0]?.payload.durationS).toBe(300);
    expect(result.window).toMatchObject({ coverRequestedFor: null, emptyPost: false, state: 'idle' });
  });
});

describe('empty posts (空岗)', () => {
  it('start at opening for every open window nobody holds, and end when someone signs in', () => {
    const h = new TestHall();
    h.at('08:55');
    h.signIn('w1', 'o1');
    h.at('08:59');
    expect(h.tick()).toEqual([]);
    h.at('09:00');
    const opening = h.tick();
    expect(ofType(opening, 'window:empty-post-started').map((e) => e.payload.windowId)).toEqual(['w2', 'w3', 'w4']);
    expect(opening.every((e) => e.at === h.now)).toBe(true);
    expect(h.tick()).toEqual([]);
    h.at('09:12');
    const { events } = h.signIn('w2', 'o4');
    expect(ofType(events, 'window:empty-post-ended')[0]?.payload).toEqual({ windowId: 'w2', durationS: 720 });
    expect(h.window('w3')).toMatchObject({ emptyPost: true, state: 'empty' });
    expect(h.window('w5').emptyPost).toBe(false); // closed window
  });

  it('end at closing time', () => {
    const h = new TestHall();
    h.at('09:00');
    h.tick();
    h.at('16:59');
    expect(h.tick()).toEqual([]);
    h.at('17:00');
    const closing = h.tick();
    expect(types(closing)).toEqual(Array(4).fill('window:empty-post-ended'));
    expect(ofType(closing, 'window:empty-post-ended')[0]?.payload.durationS).toBe(8 * 3600);
  });

  it('a pause with reason other is not an empty post; a leaving pause is', () => {
    const h = hall();
    h.ok('window:pause', { windowId: 'w1', reason: 'other' }, officer('o1'));
    expect(emptyPostsOf(h, 'w1')).toEqual([]);
    h.ok('window:sign-out', { windowId: 'w1' }, officer('o1'));
    expect(emptyPostsOf(h, 'w1')).toEqual(['window:empty-post-started']);
  });
});
