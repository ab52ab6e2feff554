import { SerialPortMock } from 'serialport';
import { afterEach, describe, expect, it } from 'vitest';
import { EscPosBuilder } from '../escpos.ts';
import { decodeEscPos } from '../escpos-decode.ts';
import { parseSerialUri, SerialTransport, type SerialPortLike } from './serial.ts';

// `@serialport/binding-mock` ships separate CJS and ESM builds: importing it here would give another
// instance than the one serialport (CJS) uses, so its ports would not exist. Use serialport's own.
// (Its ESM entry has no type declarations either, so `sp.port` is typed here by hand.)
const MockBinding = SerialPortMock.binding;

interface MockPortBinding {
  write(buf: Buffer): Promise<void>;
  emitData(data: Buffer): void;
  recording: Buffer;
}
const bindingOf = (sp: SerialPortMock | undefined): MockPortBinding | undefined =>
  sp?.port as MockPortBinding | undefined;

/** A mock serial printer that answers DLE EOT n with `replies[n]` (or stays silent if undefined). */
function mockPrinter(path: string, replies: Partial<Record<number, number>>) {
  MockBinding.createPort(path, { echo: false, record: true });
  const ports: SerialPortMock[] = [];
  const openPort = ({ path: p, baudRate }: { path: string; baudRate: number }): SerialPortLike => {
    const sp = new SerialPortMock({ path: p, baudRate, autoOpen: false });
    sp.on('open', () => {
      const binding = bindingOf(sp);
      if (!binding) return;
      const write = binding.write.bind(binding);
      binding.write = async (buf: Buffer) => {
        await write(buf);
        if (buf[0] === 0x10 && buf[1] === 0x04) {
          const r = replies[buf[2] ?? 0];
          if (r !== undefined) binding.emitData(Buffer.from([r]));
        }
      };
    });
    ports.push(sp);
    return sp;
  };
  return { openPort, replies, recording: (): Buffer => bindingOf(ports.at(-1))?.recording ?? Buffer.alloc(0) };
}

afterEach(() => MockBinding.reset());

describe('SerialTransport (binding-mock)', () => {
  it('parses serial URIs', () => {
    expect(parseSerialUri('serial:/dev/ttyUSB0')).toEqual({ path: '/dev/ttyUSB0' });
    expect(parseSerialUri('/dev/ttyS1')).toEqual({ path: '/dev/ttyS1' });
    expect(parseSerialUri('serial:COM3?baudRate=115200')).toEqual({ path: 'COM3', baudRate: 115200 });
    expect(parseSerialUri('tcp://x:1')).toBeNull();
  });

  it('writes the job and asks DLE EOT over the same port', async () => {
    const m = mockPrinter('/dev/ttyPRN0', { 1: 0x12, 2: 0x12, 4: 0x12 });
    const t = SerialTransport.fromUri('serial:/dev/ttyPRN0?baudRate=19200', { openPort: m.openPort, timeoutMs: 300 });
    expect(t.baudRate).toBe(19200);
    expect(await t.queryStatus()).toBe('ok');
    const job = new EscPosBuilder({ columns: 32 }).init().line('请A001号到3号窗口').cut().build();
    await t.write(job);
    const rec = m.recording();
    expect(rec.subarray(0, 9).toString('hex')).toBe('100401100402100404');
    expect(rec.subarray(9).equals(job)).toBe(true);
    expect(decodeEscPos(rec.subarray(9)).lines[0]).toBe('请A001号到3号窗口');

    m.replies[2] = 0x32;
    m.replies[4] = 0x72;
    expect(await t.queryStatus()).toBe('paper-out');
    m.replies[2] = 0x12;
    m.replies[4] = 0x1e;
    expect(await t.queryStatus()).toBe('paper-low');
    await t.close();
    await expect(t.write(job)).rejects.toThrow(/closed/);
  });

  it('is offline when the printer does not answer, or the port does not exist', async () => {
    const m = mockPrinter('/dev/ttyPRN1', { 1: 0x12 });
    const t = new SerialTransport('/dev/ttyPRN1', { openPort: m.openPort, timeoutMs: 200 });
    expect(await t.queryStatus()).toBe('offline');
    expect(t.lastError).toMatch(/DLE EOT 2/);
    await t.close();

    const missing = new SerialTransport('/dev/ttyNOPE', { openPort: m.openPort, timeoutMs: 200 });
    expect(await missing.queryStatus()).toBe('offline');
    expect(missing.lastError).toMatch(/ttyNOPE/);
    await expect(missing.write(Buffer.from('x'))).rejects.toThrow(/ttyNOPE/);
    await missing.close();
  });
});
