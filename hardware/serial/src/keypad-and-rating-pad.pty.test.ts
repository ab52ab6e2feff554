import type { RatingLevel } from '@yichuang/protocol';
import { SerialPort } from 'serialport';
import { afterEach, describe, expect, it } from 'vitest';
import type { KeypadKey, PadRating } from './device-types.ts';
import { encodeFrame, FrameDecoder, type Frame } from './frame.ts';
import { startPtyPair, type PtyPair } from './pty-pair.ts';
import { Closer, deviceConfig, FAST } from './pty-test-support.ts';
import { createSerialDevice } from './registry.ts';
import { KeypadSimulator, RatingPadSimulator } from './simulators.ts';
import { waitFor, waitForStatus } from './wait-for.ts';
import { CMD, keyCode } from './yichuang-codes.ts';

const closer = new Closer();
afterEach(() => closer.closeAll());

async function pair(): Promise<PtyPair> {
  const p = await startPtyPair();
  closer.add({ close: () => p.stop() });
  return p;
}

/** The device end as a bare port, to send hand-made bytes and read the raw answers. */
async function rawPort(path: string): Promise<{ port: SerialPort; frames: Frame[] }> {
  const port = new SerialPort({ path, baudRate: 9600, autoOpen: false });
  await new Promise<void>((resolve, reject) => port.open((err) => (err ? reject(err) : resolve())));
  closer.add({ close: () => new Promise<void>((resolve) => port.close(() => resolve())) });
  const decoder = new FrameDecoder();
  const frames: Frame[] = [];
  port.on('data', (chunk: Buffer) => frames.push(...decoder.push(chunk)));
  return { port, frames };
}

describe('caller keypad over a socat pty', () => {
  it('turns key presses into onKey calls, in order, and shows text on its LCD', async () => {
    const p = await pair();
    const sim = closer.add(new KeypadSimulator(p.b, { address: 2 }));
    await sim.start();
    const keypad = closer.add(createSerialDevice(deviceConfig('caller-keypad', p.a, 2), FAST));
    const keys: KeypadKey[] = [];
    keypad.onKey((k) => keys.push(k));
    await waitForStatus(keypad, 'connected');

    const presses: KeypadKey[] = ['call-next', 'recall', 'no-show', 'call-next', 'start', 'finish', 'pause', 'resume'];
    for (const k of presses) await sim.press(k); // each resolves on the hub's ACK
    expect(keys).toEqual(presses);

    await keypad.showText('A001 办理中', '已等 12 分');
    expect(sim.shown).toEqual({ line1: 'A001 办理中', line2: '已等 12 分', blink: false });
  });

  it('takes a re-sent press once, NAKs an unknown key, and survives garbage on the line', async () => {
    const p = await pair();
    const keypad = closer.add(createSerialDevice(deviceConfig('caller-keypad', p.a, 2), FAST));
    const keys: KeypadKey[] = [];
    keypad.onKey((k) => keys.push(k));
    await waitForStatus(keypad, 'connected');
    const { port, frames } = await rawPort(p.b);

    const press = encodeFrame({ address: 2, command: CMD.key, payload: Buffer.from([40, keyCode('call-next')]) });
    const badCrc = Buffer.from(press);
    badCrc[badCrc.length - 2] = (badCrc[badCrc.length - 2] ?? 0) ^ 0x40;
    const unknownKey = encodeFrame({ address: 2, command: CMD.key, payload: Buffer.from([41, 0x2a]) });
    // The press, the same press again (as if our ACK was lost), noise, a corrupt copy, an unknown key.
    port.write(Buffer.concat([press, Buffer.from([0x55, 0xaa]), press.subarray(0, 4)]));
    port.write(Buffer.concat([press.subarray(4), Buffer.from([0x00, 0x03]), badCrc, unknownKey]));
    await waitFor(() => frames.length >= 3);

    expect(keys).toEqual(['call-next']);
    expect(frames.map((f) => [f.command, ...f.payload])).toEqual([
      [CMD.ack, 40, CMD.key],
      [CMD.ack, 40, CMD.key],
      [CMD.nak, 41, CMD.key, 0x02],
    ]);
    expect(keypad.stats).toMatchObject({ badChecksum: 1, garbageBytes: 4 });
  });
});

describe('rating pad over a socat pty', () => {
  it('prompts, takes a rating with a reason for a low level, thanks, and takes a plain high rating', async () => {
    const p = await pair();
    const sim = closer.add(new RatingPadSimulator(p.b, { address: 5 }));
    await sim.start();
    const pad = closer.add(createSerialDevice(deviceConfig('rating-pad', p.a, 5), FAST));
    const ratings: PadRating[] = [];
    pad.onRating((r) => ratings.push(r));
    await waitForStatus(pad, 'connected');

    await expect(sim.rate(5)).rejects.toThrow(/not asking/);
    await pad.prompt({ ticketNumber: 'A001', windowName: '3号窗口' });
    expect(sim.armed).toBe(true);
    expect(sim.text).toBe('请对本次服务进行评价\nA001号 3号窗口');

    await sim.rate(2, 'slow');
    expect(ratings).toEqual([{ level: 2, reason: 'slow' }]);
    expect(sim.armed).toBe(false);
    await pad.thank();
    expect(sim.text).toBe('谢谢您的评价');

    const levels: [RatingLevel, string | null][] = [
      [5, null],
      [1, 'repeated-trips'],
      [3, null],
    ];
    for (const [level, reason] of levels) {
      await pad.prompt({ ticketNumber: 'B012', windowName: '5号窗口' });
      await sim.rate(level, reason);
    }
    expect(ratings.slice(1)).toEqual(levels.map(([level, reason]) => ({ level, reason })));
    await pad.clear();
    expect(sim.shown).toBeNull();
    expect(sim.prompts).toHaveLength(4);
  });

  it('is disarmed by thanks or a blank display, and refuses a reason for a good level', async () => {
    const p = await pair();
    const sim = closer.add(new RatingPadSimulator(p.b));
    await sim.start();
    const pad = closer.add(createSerialDevice(deviceConfig('rating-pad', p.a), FAST));
    await waitForStatus(pad, 'connected');
    await pad.prompt({ ticketNumber: 'A009', windowName: '1号窗口' });
    await expect(sim.rate(4, 'slow')).rejects.toThrow(RangeError);
    await pad.clear();
    expect(sim.armed).toBe(false);
    await expect(sim.rate(4)).rejects.toThrow(/not asking/);
  });
});
