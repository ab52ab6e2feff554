import type { DomainEvent } from '@yichuang/protocol';
import { eventPayloadSchemas } from '@yichuang/protocol';
import { describe, expect, it } from 'vitest';
import { stateData } from './hall-state.ts';
import { replay } from './replay.ts';
import { runCommand } from './engine.ts';
import { MONDAY, TUESDAY, TestHall, kiosk, manager, officer, types } from './test-hall.ts';

/** A busy Monday: every kind of command, a takeover, a hand-back, and a carry-over at closing. */
function monday(h: TestHall): void {
  h.at('08:30');
  h.ok(
    'appointment:book',
    { code: 'YY0001', serviceId: 'crj-pass', day: MONDAY, start: '10:00', end: '10:30' },
    manager,
  );
  h.ok('appointment:book', { code: 'YY0002', serviceId: 'hz-id', day: TUESDAY, start: '09:00', end: '09:30' }, manager);
  h.at('08:52');
  h.signIn('w1', 'o1');
  h.signIn('w2', 'o3');
  h.at('09:00');
  h.tick(); // w3 and w4 are empty posts
  h.at('09:03');
  h.take('hz-move'); // t1 A001
  h.take('hz-move', { green: 'elderly' }); // t2 A002
  h.advance(2);
  h.take('crj-pass'); // t3 B001
  h.take('hz-id'); // t4 A003
  h.advance(1);
  h.take('hz-move'); // t5 A004
  h.at('09:10');
  h.signIn('w4', 'o7');
  expect(h.callNext('w1')?.number).toBe('A002');
  h.ok('window:recall', { windowId: 'w1' }, officer('o1'));
  h.advance(2);
  h.ok('window:start', { windowId: 'w1' }, officer('o1'));
  h.advance(7);
  h.ok('ticket:transfer', { ticketId: 't2', toQueueId: 'crj', note: '需同时办理护照' }, officer('o1'));
  expect(h.callNext('w4')?.number).toBe('A002');
  h.advance(4);
  h.ok('window:finish', { windowId: 'w4' }, officer('o7'));
  expect(h.callNext('w2')?.number).toBe('A001');
  for (let i = 0; i < 3; i++) h.ok('window:recall', { windowId: 'w2' }, officer('o3')); // the third is a no-show
  h.at('10:00');
  h.take('crj-pass', { appointmentCode: 'YY0001' }); // t6 B002
  h.ok('window:call-ticket', { windowId: 'w1', ticketId: 't4' }, officer('o1'));
  h.advance(3);
  h.ok('window:finish', { windowId: 'w1' }, officer('o1'));
  h.ok('window:pause', { windowId: 'w1', reason: 'meal' }, officer('o1'));
  h.advance(5);
  h.signIn('w1', 'o2'); // takeover
  expect(h.serveNext('w2')).toBe('B002');
  h.at('11:00');
  h.signIn('w1', 'o1'); // A takes it back
  h.at('16:55');
  h.take('hz-move'); // t7 A005
  h.take('crj-pass'); // t8 B003
  h.at('17:10');
  h.ok('window:sign-out', { windowId: 'w4' }, officer('o7'));
  h.at('17:25');
  h.ok('hall:carry-over', { toWindowId: 'w2', ticketIds: ['t5', 't7'] }, manager);
  h.at('17:40');
  h.tick();
}

/** Tuesday: the rollover, the carried tickets first at w2, an appointment and a new number. */
function tuesday(h: TestHall): void {
  h.at('00:00', TUESDAY);
  h.tick();
  h.at('08:58');
  h.signIn('w2', 'o4');
  h.at('09:02');
  h.take('hz-id', { appointmentCode: 'YY0002' }); // t9 A001
  h.take('hz-move'); // t10 A002
  expect(h.take('hz-move').number).toBe('A003'); // t11
  expect(h.take('hz-move').number).toBe('A006'); // t12: A004 and A005 are carried in
  expect([h.serveNext('w2'), h.serveNext('w2'), h.serveNext('w2')]).toEqual(['A004', 'A005', 'A001']);
}

function expectReplayMatches(h: TestHall): void {
  const replayed = h.replayed();
  expect(stateData(replayed)).toEqual(stateData(h.state));
  expect([...replayed.appointments.entries()]).toEqual([...h.state.appointments.entries()]);
}

describe('replay', () => {
  it('rebuilds the live state from the events of a busy day', () => {
    const h = new TestHall();
    monday(h);
    expect(types(h.events)).toEqual(
      expect.arrayContaining(['ticket:no-show', 'ticket:transferred', 'ticket:carried-over']),
    );
    expectReplayMatches(h);
  });

  it('rebuilds the state across midnight with carried-over tickets', () => {
    const h = new TestHall();
    monday(h);
    tuesday(h);
    expect(h.state.day).toBe(TUESDAY);
    expect(types(h.events)).toContain('hall:day-started');
    expectReplayMatches(h);
  });

  it('matches the live state after every tick and every command, not only at the end', () => {
    const h = new TestHall({ verifyReplay: true });
    expect(() => {
      monday(h);
      tuesday(h);
    }).not.toThrow();
    expect(h.events.length).toBeGreaterThan(60);
  });

  it('replays from stored (JSON) events, and every event matches its protocol schema', () => {
    const h = new TestHall();
    monday(h);
    tuesday(h);
    const stored = JSON.parse(JSON.stringify(h.events)) as DomainEvent[];
    expect(stateData(replay(h.config, h.firstDay, stored))).toEqual(stateData(h.state));
    for (const e of h.events) expect(eventPayloadSchemas[e.type].safeParse(e.payload).success, e.type).toBe(true);
  });

  it('is deterministic: the same commands at the same times give the same events', () => {
    const a = new TestHall();
    const b = new TestHall();
    monday(a);
    tuesday(a);
    monday(b);
    tuesday(b);
    expect(b.events).toEqual(a.events);
  });

  it('a replayed state carries on exactly like the live one', () => {
    const h = new TestHall();
    monday(h);
    tuesday(h);
    const copy = h.replayed();
    h.at('10:30');
    const payload = { requestId: 'x', serviceId: 'crj-pass', green: 'exam' as const };
    const live = runCommand(h.state, { name: 'ticket:take', payload }, kiosk, h.now, () => 't99');
    const fromCopy = runCommand(copy, { name: 'ticket:take', payload }, kiosk, h.now, () => 't99');
    expect(fromCopy).toEqual(live);
    expect(live.ok && live.result).toMatchObject({ number: 'B001', greenReason: 'exam' });
    expect(stateData(copy)).toEqual(stateData(h.state));
  });
});
