import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { alwaysOpen } from './always-open.ts';
import { configHash } from './config/config-versions.ts';
import { readHallConfig, ConfigError } from './config-loader.ts';
import { createHub } from './create-hub.ts';
import { openDb } from './store/open-db.ts';
import { lockDataDir } from './store/data-lock.ts';
import { explainStartupError } from './store/storage-errors.ts';
import { demoBanner } from './demo-banner.ts';
import { startDemoPrinters } from './demo-printers.ts';
import { publicUrlWarning } from './printing/public-url.ts';

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      config: { type: 'string' },
      data: { type: 'string', default: 'data' },
      port: { type: 'string', default: '8080' },
      host: { type: 'string', default: '127.0.0.1' },
      demo: { type: 'boolean', default: false },
      'always-open': { type: 'boolean', default: false },
      'public-url': { type: 'string' },
      'backup-dir': { type: 'string' },
      'backup-every-minutes': { type: 'string', default: '240' },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help || values.config === undefined) {
    console.log(
      'usage: npm run hub -- --config hall.json --data DIR --port N [--host 0.0.0.0] [--public-url http://HOST:PORT]\n' +
        '         [--backup-dir DIR (default DATA/backups)] [--backup-every-minutes N (default 240, 0: at day end and on demand only)]\n' +
        '         [--demo] [--always-open]',
    );
    process.exit(values.help ? 0 : 2);
  }
  dataDir = values.data;
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    console.error(`--port must be 0…65535, got ${values.port}`);
    process.exit(2);
  }
  const config = readHallConfig(values.config);
  // One hub per data directory: a second one refuses before it touches the database.
  const lock = lockDataDir(values.data);
  const db = openDb(values.data);
  // The demo's printers are fake network printers in this process, started before the hub polls them.
  const demoPrinters = values.demo ? await startDemoPrinters(config, values.data) : [];
  const backupEvery = Number(values['backup-every-minutes']);
  if (!Number.isInteger(backupEvery) || backupEvery < 0) {
    console.error(`--backup-every-minutes must be a whole number ≥ 0, got ${values['backup-every-minutes']}`);
    process.exit(2);
  }
  const hub = createHub({
    config,
    db,
    backups: { dir: values['backup-dir'] ?? join(values.data, 'backups'), everyMinutes: backupEvery },
    publicUrl: values['public-url'],
    configFileHash: configHash(readFileSync(values.config, 'utf8')),
    ...(values['always-open'] ? { adjustConfig: alwaysOpen } : {}),
  });

  let stopping = false;
  const stop = (signal: string): void => {
    if (stopping) return;
    stopping = true;
    console.log(`${signal}: stopping`);
    void hub
      .close()
      .then(() => Promise.all(demoPrinters.map((p) => p.stop())))
      .finally(() => {
        db.close();
        lock.release();
        process.exit(0);
      });
  };
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('SIGINT', () => stop('SIGINT'));

  hub.listen(port, values.host).then(
    (url) => {
      lock.announce(url);
      console.log(`listening ${url}`);
      // Phones scan the tickets' QR codes: say so at once when they cannot open the address printed.
      const publicUrlProblem = publicUrlWarning(hub.publicUrl());
      if (publicUrlProblem !== null) console.warn(publicUrlProblem);
      if (values.demo && values.config !== undefined) {
        console.log(demoBanner(url, values.config));
        if (demoPrinters.length > 0) console.log(`  printed tickets: ${values.data}/prints/<printer>/*.html`);
      }
    },
    (err: Error) => {
      console.error(`cannot listen on ${values.host}:${port}: ${err.message}`);
      db.close();
      process.exit(1);
    },
  );
}

let dataDir = 'data';
main().catch((err: unknown) => {
  // A refusal to start is one sentence saying what is wrong and what to do, never a stack.
  console.error(err instanceof ConfigError ? err.message : explainStartupError(err, dataDir));
  process.exit(1);
});
