import { SerialPortMock } from 'serialport';
import { afterEach, describe, expect, it } from 'vitest';
import type { SerialDeviceDriver, SerialDriverOptions, WindowScreen } from './device-types.ts';
import { Closer, deviceConfig, FAST } from './pty-test-support.ts';
import { createSerialDevice, registerSerialProtocol, serialProtocols } from './registry.ts';
import { SerialLink, type SerialPortFactory } from './serial-link.ts';
import { waitForStatus } from './wait-for.ts';

// serialport's own copy of binding-mock (the ESM import of the package would be another instance).
const MockBinding = SerialPortMock.binding;
const openMock: SerialPortFactory = ({ path, baudRate }) => new SerialPortMock({ path, baudRate, autoOpen: false });

interface MockPortBinding {
  recording: Buffer;
}

const closer = new Closer();
afterEach(async () => {
  await closer.closeAll();
  MockBinding.reset();
});

/** A made-up vendor screen that takes plain ASCII lines ending in CR: enough to prove the seam. */
function createCrScreen(
  config: Parameters<typeof createSerialDevice>[0],
  options: SerialDriverOptions,
): SerialDeviceDriver {
  if (config.kind !== 'window-screen') throw new Error(`cr-lines: no ${config.kind} driver`);
  const link = new SerialLink({
    path: config.path,
    baudRate: config.baudRate,
    decoder: {
      push: () => [],
      reset: () => undefined,
      stats: { frames: 0, badChecksum: 0, malformed: 0, garbageBytes: 0 },
    },
    openPort: options.openPort,
  });
  link.start();
  const screen: WindowScreen = {
    kind: 'window-screen',
    config,
    get status() {
      return link.status;
    },
    get stats() {
      return link.stats;
    },
    onStatus: (l) => link.onStatus(l),
    show: (lines) => link.write(Buffer.from(`${lines.line1}\r`, 'latin1')),
    clear: () => link.write(Buffer.from('\r')),
    close: () => link.close(),
  };
  return screen;
}

describe('serial protocol registry', () => {
  it('knows yichuang and refuses an unknown protocol with a clear message', () => {
    expect(serialProtocols()).toContain('yichuang');
    expect(() => createSerialDevice(deviceConfig('window-screen', '/dev/ttyX', 1, 'acme-led'))).toThrow(
      /serial device "window-screen-1": unknown protocol "acme-led" \(known: .*yichuang/,
    );
  });

  it('makes the driver of each kind for yichuang', async () => {
    for (const kind of ['window-screen', 'caller-keypad', 'rating-pad'] as const) {
      MockBinding.createPort(`/dev/ttyMOCK-${kind}`, { echo: false, record: true });
      const device = closer.add(
        createSerialDevice(deviceConfig(kind, `/dev/ttyMOCK-${kind}`), { ...FAST, openPort: openMock }),
      );
      expect(device.kind).toBe(kind);
      await waitForStatus(device, 'connected');
    }
  });

  it('lets a vendor driver be added by name, once, and used through createSerialDevice', async () => {
    const unregister = registerSerialProtocol('cr-lines', createCrScreen);
    closer.add({ close: () => Promise.resolve(void unregister()) });
    expect(() => registerSerialProtocol('cr-lines', createCrScreen)).toThrow(/already registered/);

    MockBinding.createPort('/dev/ttyCR0', { echo: false, record: true });
    const ports: SerialPortMock[] = [];
    const openPort: SerialPortFactory = (o) => {
      const p = new SerialPortMock({ ...o, autoOpen: false });
      ports.push(p);
      return p;
    };
    const screen = closer.add(
      createSerialDevice(deviceConfig('window-screen', '/dev/ttyCR0', 1, 'cr-lines'), { openPort }),
    );
    await waitForStatus(screen, 'connected');
    await screen.show({ line1: 'A001' });
    expect((ports[0]?.port as MockPortBinding | undefined)?.recording.toString('latin1')).toBe('A001\r');

    expect(() => createSerialDevice(deviceConfig('rating-pad', '/dev/ttyCR0', 1, 'cr-lines'))).toThrow(/no rating-pad/);
    unregister();
    expect(serialProtocols()).not.toContain('cr-lines');
  });
});
