import { createInterface } from 'node:readline';
import type { SerialDeviceKind } from './device-types.ts';
import { createSerialDevice } from './registry.ts';
import { waitForStatus } from './wait-for.ts';

const say = (message: string): void => console.log(message);
const failed = (err: unknown): void => say(`✗ ${err instanceof Error ? err.message : String(err)}`);

/**
 * The hub's side of a device, driven from stdin, so a simulator can be tried before the hub is wired:
 *   screen:     a line `line1|line2` is shown (`!` first: blinking), `clear` blanks it
 *   keypad:     key presses are printed; a line is shown on its LCD
 *   rating-pad: ratings are printed; `prompt A001 3号窗口`, `thank`, `clear`
 */
export async function runHost(
  kind: SerialDeviceKind,
  path: string,
  o: { address: number; baudRate: number },
): Promise<void> {
  const config = {
    id: `host-${kind}`,
    kind,
    path,
    baudRate: o.baudRate,
    address: o.address,
    window: 'demo',
    protocol: 'yichuang',
  };
  const device = createSerialDevice(config, { log: (m) => say(`  ${m}`) });
  device.onStatus((s) => say(`[host ${kind}] ${s} ${path}`));
  const quit = (): void => void device.close().then(() => process.exit(0));
  process.on('SIGINT', quit);
  process.on('SIGTERM', quit);
  say(`waiting for ${path}…`);
  await waitForStatus(device, 'connected', 24 * 3600 * 1000);
  const rl = createInterface({ input: process.stdin });

  if (device.kind === 'caller-keypad') device.onKey((key) => say(`[host] key ${key}`));
  if (device.kind === 'rating-pad')
    device.onRating((r) => say(`[host] rating ${r.level}${r.reason ? ` ${r.reason}` : ''}`));
  say(
    device.kind === 'window-screen'
      ? 'type line1|line2 (! first to blink), or clear'
      : device.kind === 'caller-keypad'
        ? 'press keys on the keypad simulator; type a line to show it on its LCD'
        : 'type: prompt TICKET WINDOW, thank, clear',
  );

  rl.on('line', (input) => {
    const line = input.trim();
    if (line === 'quit') return quit();
    let done: Promise<void>;
    if (device.kind === 'window-screen') {
      const blink = line.startsWith('!');
      const [line1 = '', line2] = (blink ? line.slice(1) : line).split('|');
      done = line === 'clear' ? device.clear() : device.show({ line1, ...(line2 ? { line2 } : {}), blink });
    } else if (device.kind === 'caller-keypad') {
      done = device.showText(line);
    } else {
      const [cmd, ticketNumber = 'A001', windowName = '1号窗口'] = line.split(/\s+/);
      done =
        cmd === 'prompt'
          ? device.prompt({ ticketNumber, windowName })
          : cmd === 'thank'
            ? device.thank()
            : cmd === 'clear'
              ? device.clear()
              : Promise.reject(new Error('type: prompt TICKET WINDOW, thank, clear'));
    }
    done.then(() => say('✓'), failed);
  });
}
