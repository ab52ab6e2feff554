/**
 * Serial device simulators for demos, on the device end of a socat pty pair (see README.md).
 *
 *   npx tsx hardware/serial/src/device-sim-cli.ts pty /tmp/yc                 # makes /tmp/yc/a (hub) and /tmp/yc/b
 *   npx tsx hardware/serial/src/device-sim-cli.ts screen /tmp/yc/b            # prints what the screen shows
 *   npx tsx hardware/serial/src/device-sim-cli.ts keypad /tmp/yc/b            # type n r x s f p c to press keys
 *   npx tsx hardware/serial/src/device-sim-cli.ts rating-pad /tmp/yc/b        # type 5…1 (then a reason 1–6 for 1–2)
 *   npx tsx hardware/serial/src/device-sim-cli.ts host window-screen /tmp/yc/a      # the hub's side without a hub
 *
 * Options: --address N (default 1), --baud N (default 9600).
 */
import { ratingReasons, type RatingLevel } from '@yichuang/protocol';
import { parseArgs } from 'node:util';
import type { KeypadKey, SerialDeviceKind } from './device-types.ts';
import { DeviceSimulator, linesText } from './device-simulator.ts';
import { runHost } from './device-sim-host.ts';
import { startPtyPair } from './pty-pair.ts';
import { KeypadSimulator, RatingPadSimulator, ScreenSimulator } from './simulators.ts';
import { RATING_TEXT } from './yichuang-codes.ts';

const USAGE = `usage: device-sim-cli <pty DIR | screen PATH | keypad PATH | rating-pad PATH | host KIND PATH> [--address N] [--baud N]`;

/** Keypad letters: n call-next, r recall, x no-show (过号), s start, f finish, p pause, c resume (continue). */
const KEY_LETTERS: Record<string, KeypadKey> = {
  n: 'call-next',
  r: 'recall',
  x: 'no-show',
  s: 'start',
  f: 'finish',
  p: 'pause',
  c: 'resume',
};

const say = (message: string): void => console.log(message);

/** Characters from stdin: key by key on a terminal, else as they arrive (piped). */
function onChars(handle: (ch: string) => void, quit: () => void): void {
  if (process.stdin.isTTY) process.stdin.setRawMode(true);
  process.stdin.setEncoding('utf8');
  process.stdin.on('data', (data: string) => {
    for (const ch of data) {
      if (ch === '\u0003' || ch === 'q') return quit(); // Ctrl+C
      if (!/\s/.test(ch)) handle(ch);
    }
  });
  process.stdin.on('end', () => undefined); // piped input ended: keep showing until killed
}

function reportDevice(sim: DeviceSimulator, label: string): void {
  sim.onStatus((s) => say(`[${label}] ${s === 'connected' ? '已连接 connected' : '已断开 disconnected'} ${sim.path}`));
  sim.onDisplay((shown) => {
    const text = linesText(shown);
    say(
      `[${label}] ${text === '' ? '(空白 blank)' : text.replace('\n', ' | ')}${shown?.blink ? '  (闪烁 blink)' : ''}`,
    );
  });
}

function runKeypad(sim: KeypadSimulator, quit: () => void): void {
  say(
    `keys: ${Object.entries(KEY_LETTERS)
      .map(([l, k]) => `${l} ${k}`)
      .join(', ')}; q quits`,
  );
  let chain = Promise.resolve();
  onChars((ch) => {
    const key = KEY_LETTERS[ch.toLowerCase()];
    if (!key) return say(`unknown key "${ch}"`);
    chain = chain.then(() =>
      sim.press(key).then(
        () => say(`[叫号器] ${key} ✓`),
        (err: unknown) => say(`[叫号器] ${key} ✗ ${err instanceof Error ? err.message : String(err)}`),
      ),
    );
  }, quit);
}

function runRatingPad(sim: RatingPadSimulator, quit: () => void): void {
  const reasons = ratingReasons.map((r, i) => `${i + 1} ${r}`).join(', ');
  say(`levels: ${[5, 4, 3, 2, 1].map((l) => `${l} ${RATING_TEXT.levels[l as RatingLevel]}`).join(', ')}`);
  say(`for 1–2 a reason follows: ${reasons}; q quits`);
  let pendingLevel: RatingLevel | null = null;
  const send = (level: RatingLevel, reason: string | null): void => {
    sim.rate(level, reason).then(
      () => say(`[评价器] ${level} ${RATING_TEXT.levels[level]}${reason ? ` (${reason})` : ''} ✓`),
      (err: unknown) => say(`[评价器] ✗ ${err instanceof Error ? err.message : String(err)}`),
    );
  };
  onChars((ch) => {
    const n = Number(ch);
    if (!Number.isInteger(n)) return say(`type a digit, not "${ch}"`);
    if (pendingLevel !== null) {
      const reason = ratingReasons[n - 1];
      if (!reason) return say(`reason 1–${ratingReasons.length}: ${reasons}`);
      send(pendingLevel, reason);
      pendingLevel = null;
      return;
    }
    if (n < 1 || n > 5) return say('level 1–5');
    if (!sim.armed) return say('(the pad is not asking for a rating: wait for the hub to prompt)');
    if (n <= 2) {
      pendingLevel = n as RatingLevel;
      return say(`reason? ${reasons}`);
    }
    send(n as RatingLevel, null);
  }, quit);
}

async function main(): Promise<void> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      address: { type: 'string', default: '1' },
      baud: { type: 'string', default: '9600' },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  const [mode, arg1, arg2] = positionals;
  if (values.help || !mode || !arg1) {
    say(USAGE);
    process.exitCode = values.help ? 0 : 1;
    return;
  }
  const address = Number(values.address);
  const baudRate = Number(values.baud);
  if (!Number.isInteger(address) || address < 1 || address > 254) throw new Error('--address is 1–254');
  if (!Number.isInteger(baudRate) || baudRate <= 0) throw new Error('--baud must be a positive integer');

  if (mode === 'pty') {
    const pair = await startPtyPair({ dir: arg1 });
    say(`pty pair: hub side ${pair.a}, device side ${pair.b} (socat pid ${pair.pid}); Ctrl+C stops`);
    const stop = (): void => void pair.stop().then(() => process.exit(0));
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
    return;
  }
  if (mode === 'host') {
    const kinds: readonly string[] = ['window-screen', 'caller-keypad', 'rating-pad'];
    if (!arg2 || !kinds.includes(arg1)) throw new Error(`${USAGE}\nKIND: ${kinds.join(', ')}`);
    return runHost(arg1 as SerialDeviceKind, arg2, { address, baudRate });
  }

  const options = { address, baudRate, log: (m: string) => say(`  ${m}`) };
  const sim =
    mode === 'screen'
      ? new ScreenSimulator(arg1, options)
      : mode === 'keypad'
        ? new KeypadSimulator(arg1, options)
        : mode === 'rating-pad'
          ? new RatingPadSimulator(arg1, options)
          : null;
  if (!sim) throw new Error(USAGE);
  const label = mode === 'screen' ? '窗口屏' : mode === 'keypad' ? '叫号器' : '评价器';
  reportDevice(sim, label);
  const quit = (): void => void sim.close().then(() => process.exit(0));
  process.on('SIGINT', quit);
  process.on('SIGTERM', quit);
  say(`${label} @${address} on ${arg1}, waiting for the port…`);
  await sim.start(24 * 3600 * 1000);
  if (sim instanceof KeypadSimulator) runKeypad(sim, quit);
  if (sim instanceof RatingPadSimulator) runRatingPad(sim, quit);
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
