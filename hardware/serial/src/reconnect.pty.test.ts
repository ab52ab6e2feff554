import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { KeypadKey, PadRating } from './device-types.ts';
import { startPtyPair, type PtyPair } from './pty-pair.ts';
import { Closer, deviceConfig, FAST } from './pty-test-support.ts';
import { createSerialDevice } from './registry.ts';
import type { LinkStatus } from './serial-link.ts';
import { KeypadSimulator, RatingPadSimulator, ScreenSimulator } from './simulators.ts';
import { waitFor, waitForStatus } from './wait-for.ts';

const closer = new Closer();
afterEach(() => closer.closeAll());

async function pair(dir: string): Promise<PtyPair> {
  const p = await startPtyPair({ dir });
  closer.add({ close: () => p.stop() });
  return p;
}

async function tempDir(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'yichuang-reconnect-'));
  closer.add({ close: () => rm(dir, { recursive: true, force: true }) });
  return dir;
}

describe('a device that disappears and comes back', () => {
  for (const signal of ['SIGTERM', 'SIGKILL'] as const) {
    it(`reports disconnected when socat dies (${signal}), reconnects to the same path, and restores the screen`, async () => {
      const dir = await tempDir();
      const first = await pair(dir);
      const sim1 = closer.add(new ScreenSimulator(first.b));
      await sim1.start();
      const screen = closer.add(createSerialDevice(deviceConfig('window-screen', first.a), FAST));
      const statuses: LinkStatus[] = [];
      screen.onStatus((s) => statuses.push(s));
      await waitForStatus(screen, 'connected');
      await screen.show({ line1: '请 A001 号', blink: true });
      expect(sim1.text).toBe('请 A001 号');

      await first.stop(signal);
      await waitForStatus(screen, 'disconnected');
      // While it is gone, commands fail at once, but the screen's content is kept for its return.
      await expect(screen.show({ line1: '暂停服务' })).rejects.toMatchObject({ code: 'OFFLINE' });
      await sim1.close();

      const second = await pair(dir);
      expect(second.a).toBe(first.a);
      const sim2 = closer.add(new ScreenSimulator(second.b));
      await sim2.start();
      await waitForStatus(screen, 'connected');
      await sim2.waitForText('暂停服务');
      expect(statuses).toEqual(['connected', 'disconnected', 'connected']);
      expect(screen.stats.reconnects).toBe(1);

      await screen.show({ line1: '3号窗口' });
      expect(sim2.text).toBe('3号窗口');
    });
  }

  it('keeps trying while the path does not exist yet, then connects', async () => {
    const dir = await tempDir();
    const keypad = closer.add(createSerialDevice(deviceConfig('caller-keypad', join(dir, 'a'), 2), FAST));
    const keys: KeypadKey[] = [];
    keypad.onKey((k) => keys.push(k));
    expect(keypad.status).toBe('disconnected');
    await waitFor(() => keypad.stats.lastError !== null); // it tried and failed at least once
    expect(keypad.stats.lastError).toMatch(/ENOENT|No such file/);

    const p = await pair(dir);
    await waitForStatus(keypad, 'connected');
    const sim = closer.add(new KeypadSimulator(p.b, { address: 2 }));
    await sim.start();
    await sim.press('call-next');
    expect(keys).toEqual(['call-next']);
  });

  it('shows a pending rating prompt again after a reconnect, but not once the citizen has rated', async () => {
    const dir = await tempDir();
    let p = await pair(dir);
    let sim = closer.add(new RatingPadSimulator(p.b, { address: 5 }));
    await sim.start();
    const pad = closer.add(createSerialDevice(deviceConfig('rating-pad', p.a, 5), FAST));
    const ratings: PadRating[] = [];
    pad.onRating((r) => ratings.push(r));
    await waitForStatus(pad, 'connected');
    await pad.prompt({ ticketNumber: 'A001', windowName: '3号窗口' });

    const bounce = async (): Promise<RatingPadSimulator> => {
      await p.stop();
      await waitForStatus(pad, 'disconnected');
      await sim.close();
      p = await pair(dir);
      sim = closer.add(new RatingPadSimulator(p.b, { address: 5 }));
      await sim.start();
      await waitForStatus(pad, 'connected');
      return sim;
    };

    const back = await bounce();
    await back.waitForPrompt();
    await back.rate(1, 'attitude');
    expect(ratings).toEqual([{ level: 1, reason: 'attitude' }]);

    const again = await bounce();
    await pad.thank(); // the next command goes through only after anything replayed, so nothing was
    expect(again.prompts).toEqual([]);
    expect(again.text).toBe('谢谢您的评价');
  });

  it('stops for good on close()', async () => {
    const dir = await tempDir();
    const p = await pair(dir);
    const screen = createSerialDevice(deviceConfig('window-screen', p.a), FAST);
    await waitForStatus(screen, 'connected');
    await screen.close();
    expect(screen.status).toBe('disconnected');
    await expect(screen.show({ line1: '未开放' })).rejects.toMatchObject({ code: 'CLOSED' });
  });
});
