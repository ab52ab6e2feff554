import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import {
  KeypadSimulator,
  RatingPadSimulator,
  ScreenSimulator,
  startPtyPair,
  type PtyPair,
  type SerialDriverOptions,
} from '@yichuang/serial';
import { PAD_NO_REASON } from '../../apps/hub/src/devices/serial-devices.ts';
import { startHub, waitFor, type Harness } from '../support/hub-harness.ts';
import { testHallConfig } from '../support/test-hall.ts';

/** Short back-off so a device that returns is seen in milliseconds, not a hall's seconds. */
const FAST: SerialDriverOptions = { backoff: { initialMs: 20, maxMs: 100 }, pathCheckMs: 50, ackTimeoutMs: 200 };
const KIOSK = 'kiosk-1-secret';

const cleanups: (() => Promise<unknown>)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

/** Pairs made in a folder of the test's own, by folder: the test can pull such a device out. */
const screenPairs = new Map<string, PtyPair>();

async function pair(dir?: string): Promise<PtyPair> {
  const p = await startPtyPair(dir === undefined ? {} : { dir });
  cleanups.push(() => p.stop());
  if (dir !== undefined) screenPairs.set(dir, p);
  return p;
}

function later<T extends { close(): Promise<void> }>(x: T): T {
  cleanups.push(() => x.close());
  return x;
}

interface Rig {
  h: Harness;
  screen: ScreenSimulator;
  keypad: KeypadSimulator;
  pad: RatingPadSimulator;
  screenDir: string;
}

/** A hub whose window w1 has an LED screen, a caller keypad and a rating pad, each on its own pty pair. */
async function rig(): Promise<Rig> {
  const screenDir = await mkdtemp(join(tmpdir(), 'yichuang-hub-screen-'));
  cleanups.push(() => rm(screenDir, { recursive: true, force: true }));
  const [s, k, r] = [await pair(screenDir), await pair(), await pair()];
  const config = {
    ...testHallConfig(),
    serialDevices: [
      { id: 'screen-w1', kind: 'window-screen' as const, path: s.a, window: 'w1', address: 1 },
      { id: 'keypad-w1', kind: 'caller-keypad' as const, path: k.a, window: 'w1', address: 2 },
      { id: 'pad-w1', kind: 'rating-pad' as const, path: r.a, window: 'w1', address: 3 },
    ],
  };
  const screen = later(new ScreenSimulator(s.b, { address: 1 }));
  const keypad = later(new KeypadSimulator(k.b, { address: 2 }));
  const pad = later(new RatingPadSimulator(r.b, { address: 3 }));
  await Promise.all([screen.start(), keypad.start(), pad.start()]);
  const h = await startHub(config, undefined, { serial: { driverOptions: FAST } });
  cleanups.push(() => h.close());
  return { h, screen, keypad, pad, screenDir };
}

function events(h: Harness, type: string): { actor: string; payload: Record<string, unknown> }[] {
  return (
    h.db.prepare('SELECT actor, payload FROM events WHERE type = ? ORDER BY seq').all(type) as {
      actor: string;
      payload: string;
    }[]
  ).map((e) => ({ actor: e.actor, payload: JSON.parse(e.payload) as Record<string, unknown> }));
}

describe('the hub drives serial devices at a window (socat ptys)', () => {
  it('the screen follows the window; keypad presses are the officer’s commands; the pad rates the finished ticket', async () => {
    const { h, screen, keypad, pad } = await rig();
    // Nobody at w1 during opening hours: the supervision card side.
    await screen.waitForText('暂停服务\n1号窗口');
    await keypad.waitForText('请先签到\n1号窗口');

    // A press with nobody signed in does nothing but say so.
    await keypad.press('call-next');
    expect(events(h, 'ticket:called')).toEqual([]);

    const a1 = await h.login('a1');
    await h.api('POST', '/api/windows/w1/sign-in', {}, a1);
    await screen.waitForText('1号窗口\n欢迎办理');
    await keypad.waitForText('甲1 在岗\n按叫号键叫号');

    await keypad.press('call-next');
    await keypad.waitForText('暂无等候');

    await h.api('POST', '/api/tickets', { requestId: 'k1', serviceId: 'cert' }, KIOSK);
    await keypad.press('call-next');
    await screen.waitForText('请 A001 号\n到1号窗口');
    expect(screen.shown?.blink).toBe(true);
    await keypad.waitForText('呼叫 A001\n已重呼 0 次');
    expect(events(h, 'ticket:called')).toMatchObject([{ actor: 'officer:a1', payload: { windowId: 'w1' } }]);

    await keypad.press('recall');
    await keypad.waitForText('呼叫 A001\n已重呼 1 次');
    await keypad.press('start');
    await screen.waitForText('A001 号\n正在办理');
    await keypad.press('finish');
    await screen.waitForText('1号窗口\n欢迎办理');

    // The pad asks about the ticket just finished; a low rating without a reason is kept, marked so.
    const prompt = await pad.waitForPrompt();
    expect(prompt.line2).toContain('A001');
    await pad.rate(1, null);
    await pad.waitForText('谢谢您的评价');
    const ticketId = (events(h, 'ticket:called')[0]!.payload as { ticketId: string }).ticketId;
    expect(h.db.prepare('SELECT level, reason, via, officer_id, window_id FROM ratings').all()).toEqual([
      { level: 1, reason: PAD_NO_REASON, via: 'pad', officer_id: 'a1', window_id: 'w1' },
    ]);
    expect((await h.api('GET', `/api/tickets/${ticketId}`)).body.rating).toBe(1);

    // Pause from the keypad: the supervision card everywhere, and resume.
    await keypad.press('pause');
    await screen.waitForText('暂停服务\n请稍候');
    await keypad.waitForText('暂停服务\n按恢复键继续');
    expect(events(h, 'window:paused')[0]!.payload).toMatchObject({ reason: 'other', note: '叫号器暂停' });
    await keypad.press('resume');
    await screen.waitForText('1号窗口\n欢迎办理');

    // A refused key says why on the LCD (recall with nothing called).
    await keypad.press('recall');
    await keypad.waitForText('没有正在呼叫的号票');

    // Pause with 离岗 from the counter: the screen says so too.
    await h.api('POST', '/api/windows/w1/pause', { reason: 'away' }, a1);
    await screen.waitForText('暂停服务\n临时离岗');
  });

  it('a rating given on the window’s rating screen first ends the pad’s question; a new call clears it', async () => {
    const { h, pad } = await rig();
    const a1 = await h.login('a1');
    await h.api('POST', '/api/windows/w1/sign-in', {}, a1);
    for (const r of ['k1', 'k2']) await h.api('POST', '/api/tickets', { requestId: r, serviceId: 'cert' }, KIOSK);
    const first = await h.api('POST', '/api/windows/w1/call-next', { requestId: 'c1' }, a1);
    await h.api('POST', '/api/windows/w1/finish', {}, a1);
    await pad.waitForPrompt();
    // The citizen rated on the window's rating screen (rater-1, bound to w1) instead of the pad.
    await h.api('POST', '/api/ratings', { ticketId: first.body.ticket.id, level: 5 }, 'rater-1-secret');
    await pad.waitForDisplay((shown) => shown === null);
    expect(pad.armed).toBe(false);

    // The next citizen walks off unasked: the call clears the pad's question.
    await h.api('POST', '/api/windows/w1/call-next', { requestId: 'c2' }, a1);
    await h.api('POST', '/api/windows/w1/finish', {}, a1);
    await pad.waitForPrompt();
    await h.api('POST', '/api/tickets', { requestId: 'k3', serviceId: 'cert' }, KIOSK);
    await h.api('POST', '/api/windows/w1/call-next', { requestId: 'c3' }, a1);
    await pad.waitForDisplay((shown) => shown === null);
    expect(h.db.prepare('SELECT ticket_id, level, via FROM ratings').all()).toEqual([
      { ticket_id: first.body.ticket.id, level: 5, via: 'rater' },
    ]);
  });

  it('a screen that disappears is reported, reconnected, and shows the window’s state again', async () => {
    const { h, screen, screenDir } = await rig();
    await screen.waitForText('暂停服务\n1号窗口');
    const mgr = await h.login('m1');
    const deviceStatus = async (): Promise<string> =>
      (await h.api('GET', '/api/hall', undefined, mgr)).body.serialDevices.find(
        (d: { id: string }) => d.id === 'screen-w1',
      ).status as string;
    await waitFor(() => events(h, 'device:status-changed').length === 3, 3000, 'three devices connected');
    expect(await deviceStatus()).toBe('connected');

    // Yanked out: socat killed, the links left dangling.
    await screen.close();
    await screenPairs.get(screenDir)!.stop('SIGKILL');
    await waitFor(
      () => events(h, 'device:status-changed').some((e) => e.payload.status === 'disconnected'),
      5000,
      'the screen reported gone',
    );
    expect(await deviceStatus()).toBe('disconnected');
    expect(events(h, 'device:status-changed').at(-1)).toMatchObject({
      actor: 'system',
      payload: { deviceId: 'screen-w1', kind: 'window-screen', windowId: 'w1', status: 'disconnected' },
    });

    // Meanwhile the window changes.
    const a1 = await h.login('a1');
    await h.api('POST', '/api/windows/w1/sign-in', {}, a1);

    const back = await pair(screenDir);
    const again = later(new ScreenSimulator(back.b, { address: 1 }));
    await again.start();
    await again.waitForText('1号窗口\n欢迎办理');
    await waitFor(() => events(h, 'device:status-changed').at(-1)?.payload.status === 'connected', 5000, 'back');
    expect(await deviceStatus()).toBe('connected');
  });
});
