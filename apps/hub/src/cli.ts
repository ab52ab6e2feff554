import { parseArgs } from 'node:util';
import { readHallConfig, ConfigError } from './config-loader.ts';
import { createHub } from './create-hub.ts';
import { openDb } from './store/open-db.ts';
import { demoBanner } from './demo-banner.ts';

function main(): void {
  const { values } = parseArgs({
    options: {
      config: { type: 'string' },
      data: { type: 'string', default: 'data' },
      port: { type: 'string', default: '8080' },
      host: { type: 'string', default: '127.0.0.1' },
      demo: { type: 'boolean', default: false },
      'always-open': { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help || values.config === undefined) {
    console.log(
      'usage: npm run hub -- --config hall.json --data DIR --port N [--host 0.0.0.0] [--demo] [--always-open]',
    );
    process.exit(values.help ? 0 : 2);
  }
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    console.error(`--port must be 0…65535, got ${values.port}`);
    process.exit(2);
  }
  const config = readHallConfig(values.config);
  if (values['always-open']) {
    // Demo only: lets a newcomer try the hall at any hour; a real hall keeps its own hours.
    config.hall.hours = [{ days: [1, 2, 3, 4, 5, 6, 7], open: '00:00', close: '23:59' }];
    config.hall.closedDates = [];
  }
  const db = openDb(values.data);
  const hub = createHub({ config, db });

  let stopping = false;
  const stop = (signal: string): void => {
    if (stopping) return;
    stopping = true;
    console.log(`${signal}: stopping`);
    void hub.close().finally(() => {
      db.close();
      process.exit(0);
    });
  };
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('SIGINT', () => stop('SIGINT'));

  hub.listen(port, values.host).then(
    (url) => {
      console.log(`listening ${url}`);
      if (values.demo && values.config !== undefined) console.log(demoBanner(url, values.config));
    },
    (err: Error) => {
      console.error(`cannot listen on ${values.host}:${port}: ${err.message}`);
      db.close();
      process.exit(1);
    },
  );
}

try {
  main();
} catch (err) {
  console.error(err instanceof ConfigError ? err.message : (err as Error).stack);
  process.exit(1);
}
