/**
 * Fake network receipt printer(s) for trying the system by hand.
 *
 *   npx tsx hardware/printer/src/fake-printer-cli.ts --port 9100 --preview data/prints
 *   npx tsx hardware/printer/src/fake-printer-cli.ts --port 9100 --port 9111 --paper 58 --preview data/prints
 *   npx tsx hardware/printer/src/fake-printer-cli.ts --port 9100 --columns 42 --preview data/prints   (an Epson TM-T88)
 *
 * With several ports, previews go to `<preview>/<port>/`. Type a state on stdin to change every printer:
 * `ok`, `paper-out`, `paper-low`, `cover-open`, `offline`, `refuse`, `silent`, `jobs`, `quit`.
 */
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import { FakePrinter, type FakePrinterState } from './fake-printer.ts';

const USAGE = `usage: fake-printer-cli [--host 127.0.0.1] [--port 9100]... [--preview DIR] [--paper 80|58] [--columns N] [--split-on-cut]`;

const STATES: Record<string, Partial<FakePrinterState>> = {
  ok: { offline: false, refuse: false, paperOut: false, paperLow: false, coverOpen: false, silent: false },
  'paper-out': { paperOut: true },
  'paper-low': { paperLow: true },
  'cover-open': { coverOpen: true },
  offline: { offline: true },
  refuse: { refuse: true },
  silent: { silent: true },
};

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      host: { type: 'string', default: '127.0.0.1' },
      port: { type: 'string', multiple: true },
      preview: { type: 'string' },
      paper: { type: 'string', default: '80' },
      columns: { type: 'string' },
      'split-on-cut': { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help) {
    console.log(USAGE);
    return;
  }
  const ports = (values.port ?? ['9100']).map(Number);
  const paper = values.paper === '58' ? 58 : 80;
  if (ports.some((p) => !Number.isInteger(p) || p < 0 || p > 65535)) throw new Error(USAGE);
  const columns = values.columns === undefined ? undefined : Number(values.columns);
  if (columns !== undefined && !(Number.isInteger(columns) && columns >= 24 && columns <= 80)) throw new Error(USAGE);

  const printers = ports.map(
    (port) =>
      new FakePrinter({
        host: values.host,
        port,
        paperWidthMm: paper,
        columns,
        splitOnCut: values['split-on-cut'],
        previewDir: values.preview && (ports.length > 1 ? join(values.preview, String(port)) : values.preview),
        log: (m) => console.log(`[printer :${port}] ${m}`),
      }),
  );
  for (const p of printers) {
    await p.start();
    console.log(`fake printer listening on ${p.uri}${values.preview ? ` (previews in ${values.preview})` : ''}`);
  }
  console.log(`states: ${Object.keys(STATES).join(', ')}; also "jobs" and "quit"`);

  const shutdown = async (): Promise<void> => {
    await Promise.all(printers.map((p) => p.stop()));
    process.exit(0);
  };
  process.on('SIGINT', () => void shutdown());
  process.on('SIGTERM', () => void shutdown());

  const rl = createInterface({ input: process.stdin });
  rl.on('line', (line) => {
    const cmd = line.trim();
    if (cmd === '') return;
    if (cmd === 'quit' || cmd === 'exit') return void shutdown();
    if (cmd === 'jobs') {
      for (const p of printers) console.log(`${p.uri}: ${p.jobs.length} printed, ${p.rejectedJobs.length} not printed`);
      return;
    }
    const patch = STATES[cmd];
    if (!patch) return console.log(`unknown command "${cmd}"`);
    // The state changes at once; only starting/stopping the listener (refuse) is asynchronous.
    const done = Promise.all(printers.map((p) => p.setState(patch)));
    console.log(`${cmd}: ${JSON.stringify(printers[0]?.state)}`);
    done.catch((err: unknown) => console.error(`could not apply "${cmd}": ${String(err)}`));
  });
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
