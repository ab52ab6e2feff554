import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import type { KeypadKey } from './device-types.ts';
import { startPtyPair } from './pty-pair.ts';
import { Closer, deviceConfig, FAST } from './pty-test-support.ts';
import { createSerialDevice } from './registry.ts';
import { waitFor, waitForStatus } from './wait-for.ts';

const CLI = fileURLToPath(new URL('./device-sim-cli.ts', import.meta.url));
const closer = new Closer();
afterEach(() => closer.closeAll());

/** The CLI as a child process; its output collected as it comes. */
function startCli(args: string[]): { child: ChildProcessWithoutNullStreams; output: () => string } {
  const child = spawn(process.execPath, ['--import', 'tsx', CLI, ...args], { stdio: 'pipe' });
  let out = '';
  child.stdout.setEncoding('utf8').on('data', (d: string) => (out += d));
  child.stderr.setEncoding('utf8').on('data', (d: string) => (out += d));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  closer.add({
    close: async () => {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      await exited;
    },
  });
  return { child, output: () => out };
}

describe('device-sim-cli on a socat pty', () => {
  it('screen: prints what the hub shows', async () => {
    const p = await startPtyPair();
    closer.add({ close: () => p.stop() });
    const cli = startCli(['screen', p.b, '--address', '3']);
    await waitFor(() => cli.output().includes('已连接'), 15_000);
    const screen = closer.add(createSerialDevice(deviceConfig('window-screen', p.a, 3), FAST));
    await waitForStatus(screen, 'connected');
    await screen.show({ line1: '请 A001 号', line2: '3号窗口', blink: true });
    await waitFor(() => cli.output().includes('[窗口屏] 请 A001 号 | 3号窗口  (闪烁 blink)'));
  });

  it('keypad: letters on stdin become key presses', async () => {
    const p = await startPtyPair();
    closer.add({ close: () => p.stop() });
    const keypad = closer.add(createSerialDevice(deviceConfig('caller-keypad', p.a, 1), FAST));
    const keys: KeypadKey[] = [];
    keypad.onKey((k) => keys.push(k));
    const cli = startCli(['keypad', p.b]);
    await waitFor(() => cli.output().includes('q quits'), 15_000);
    cli.child.stdin.write('nrx\nsfpc\n');
    await waitFor(() => keys.length === 7);
    expect(keys).toEqual(['call-next', 'recall', 'no-show', 'start', 'finish', 'pause', 'resume']);
  });
});
