import { afterEach, describe, expect, it } from 'vitest';
import { SerialDeviceError, type SerialDriverOptions } from './device-types.ts';
import { hex } from './frame.ts';
import { startPtyPair, type PtyPair } from './pty-pair.ts';
import { Closer, deviceConfig, FAST } from './pty-test-support.ts';
import { createSerialDevice } from './registry.ts';
import { KeypadSimulator, ScreenSimulator } from './simulators.ts';
import { waitForStatus } from './wait-for.ts';
import { CMD } from './yichuang-codes.ts';

const closer = new Closer();
afterEach(() => closer.closeAll());

async function pair(): Promise<PtyPair> {
  const p = await startPtyPair();
  closer.add({ close: () => p.stop() });
  return p;
}

async function screenAndSimulator(address = 3, options: SerialDriverOptions = FAST) {
  const p = await pair();
  const sim = closer.add(new ScreenSimulator(p.b, { address }));
  await sim.start();
  const screen = closer.add(createSerialDevice(deviceConfig('window-screen', p.a, address), options));
  await waitForStatus(screen, 'connected');
  return { p, sim, screen };
}

describe('window screen over a socat pty', () => {
  it('sends the call as GB18030 bytes that the screen decodes to the same text', async () => {
    const { sim, screen } = await screenAndSimulator();
    expect(screen.kind).toBe('window-screen');
    await screen.show({ line1: '请A001号到3号窗口', blink: true });

    expect(sim.shown).toEqual({ line1: '请A001号到3号窗口', blink: true });
    const frame = sim.received.at(-1);
    expect(frame?.command).toBe(CMD.show);
    const text = frame?.payload.subarray(3) ?? Buffer.alloc(0); // after SEQ FLAGS N1
    expect(hex(text)).toBe('c7 eb 41 30 30 31 ba c5 b5 bd 33 ba c5 b4 b0 bf da');
    expect(new TextDecoder('gb18030').decode(text)).toBe('请A001号到3号窗口');
  });

  it('shows what the hub sends for each window state, in order, and clears', async () => {
    const { sim, screen } = await screenAndSimulator(7);
    const states = [
      { line1: '3号窗口' },
      { line1: '请 A001 号', blink: true },
      { line1: '暂停服务', line2: '请到其他窗口办理' },
      { line1: '未开放' },
    ];
    for (const s of states) await screen.show(s);
    await screen.clear();
    expect(sim.history.map((h) => (h ? [h.line1, h.line2 ?? '', h.blink] : null))).toEqual([
      ['3号窗口', '', false],
      ['请 A001 号', '', true],
      ['暂停服务', '请到其他窗口办理', false],
      ['未开放', '', false],
      null,
    ]);
    expect(sim.text).toBe('');
    // One ACK each, or more if a slow ACK made the driver re-send (the screen took each once: see history).
    expect(screen.stats.frames).toBeGreaterThanOrEqual(5);
    expect(screen.stats).toMatchObject({ badChecksum: 0, malformed: 0 });
  });

  it('retries a NAK or an unanswered command, and gives up after the bounded retries', async () => {
    // A generous ACK wait, so that only the injected faults cause re-sends, even on a loaded machine.
    const { sim, screen } = await screenAndSimulator(3, { ...FAST, ackTimeoutMs: 500 });
    sim.faults.nak = 1;
    sim.faults.silent = 1;
    await screen.show({ line1: '请 A002 号' }); // NAK, silence, then ACK: the third and last try
    expect(sim.text).toBe('请 A002 号');
    expect(sim.received).toHaveLength(3);
    // The same SEQ on every try, so the device can tell a re-send from a new command.
    expect(new Set(sim.received.map((f) => f.payload[0])).size).toBe(1);

    sim.faults.nak = 3;
    await expect(screen.show({ line1: '请 A003 号' })).rejects.toMatchObject({ code: 'NAK' });
    sim.faults.silent = 3;
    const err: unknown = await screen.show({ line1: '请 A004 号' }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(SerialDeviceError);
    expect((err as SerialDeviceError).code).toBe('NO_ACK');
    expect(sim.text).toBe('请 A002 号');
    expect(sim.received).toHaveLength(9);

    await screen.show({ line1: '3号窗口' });
    expect(sim.text).toBe('3号窗口');
  });

  it('shows the content again once a silent screen answers, though its port never closed', async () => {
    // A screen powered off behind an RS-485 adapter: the port stays open, the device is silent.
    const { sim, screen } = await screenAndSimulator();
    sim.faults.silent = 4;
    await expect(screen.show({ line1: '请 A007 号', blink: true })).rejects.toMatchObject({ code: 'NO_ACK' });
    expect(sim.shown).toBeNull();
    await sim.waitForText('请 A007 号'); // re-sent with back-off until taken
    expect(screen.status).toBe('connected');
  });

  it('ignores a device on another address of the bus', async () => {
    const p = await pair();
    const other = closer.add(new ScreenSimulator(p.b, { address: 9 }));
    await other.start();
    const screen = closer.add(createSerialDevice(deviceConfig('window-screen', p.a, 4), { ...FAST, retries: 0 }));
    await waitForStatus(screen, 'connected');
    await expect(screen.show({ line1: '请 A001 号' })).rejects.toMatchObject({ code: 'NO_ACK' });
    expect(other.received).toHaveLength(0);
    expect(other.shown).toBeNull();
  });

  it('shares one RS-485 line between devices of different addresses', async () => {
    const p = await pair();
    const sims = [3, 4].map((address) => closer.add(new ScreenSimulator(p.b, { address })));
    const keypadSim = closer.add(new KeypadSimulator(p.b, { address: 2 }));
    await Promise.all([...sims, keypadSim].map((s) => s.start()));
    const screens = [3, 4].map((a) => createSerialDevice(deviceConfig('window-screen', p.a, a), FAST));
    const keypad = closer.add(createSerialDevice(deviceConfig('caller-keypad', p.a, 2), FAST));
    for (const s of screens) closer.add(s);
    const keys: string[] = [];
    keypad.onKey((k) => keys.push(k));
    await Promise.all([...screens, keypad].map((d) => waitForStatus(d, 'connected')));

    // Both screens and a key press at once: frames interleave on the line, each reaches its address.
    await Promise.all([
      screens[0]?.show({ line1: '请 A001 号' }),
      screens[1]?.show({ line1: '请 B002 号' }),
      keypadSim.press('call-next'),
    ]);
    expect(sims.map((s) => s.text)).toEqual(['请 A001 号', '请 B002 号']);
    expect(keys).toEqual(['call-next']);

    // One device let go: the line stays open for the others.
    await screens[0]?.close();
    expect(screens[0]?.status).toBe('disconnected');
    await screens[1]?.show({ line1: '暂停服务' });
    expect(sims[1]?.text).toBe('暂停服务');
    expect(sims[0]?.history).toEqual([{ line1: '请 A001 号', blink: false }]);
  });

  it('rejects text too long for one frame without sending it', async () => {
    const { sim, screen } = await screenAndSimulator();
    await expect(screen.show({ line1: '窗'.repeat(200) })).rejects.toThrow(RangeError);
    expect(sim.received).toHaveLength(0);
  });
});
