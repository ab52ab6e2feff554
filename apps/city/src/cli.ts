import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { openCityDb, type CityDb } from './city-db.ts';
import { cityConfigSchema, loadCityConfig, type CityConfig } from './city-config.ts';
import { createCityServer } from './city-server.ts';
import { hashKey, prepareCity, verifyCity } from './ingest.ts';
import { DEMO_HALL_NAMES, startDemoHalls, type DemoHall } from './demo-halls.ts';
import { hashPassword } from './http/staff-passwords.ts';
import { batchCsv, buildBatch, type HaochaBatch } from './haocha/haocha-batch.ts';
import { HaochaUploader } from './haocha/haocha-sender.ts';

const USAGE = `一窗 城市平台 / Yichuang city tier
  npm run city                                  PGlite in data/city, three demo halls pushing to it
  npm run city -- [--config FILE] [--data DIR | --pg postgres://…] [--port N] [--host H] [--no-demo]
  npm run city -- verify [--data DIR | --pg postgres://…]
                                                rebuild the city's tables from the halls' logs and compare
  npm run city -- hash-password                 read a password on stdin, print its passwordHash for the config
  npm run city -- haocha-export [--data DIR | --pg URL] [--format json|csv] [--out FILE] [--mark-sent]
                                                build the next 好差评 batch and write it (marked exported)`;

async function main(): Promise<void> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      config: { type: 'string' },
      data: { type: 'string', default: 'data/city' },
      pg: { type: 'string' },
      port: { type: 'string', default: '8090' },
      host: { type: 'string', default: '127.0.0.1' },
      'no-demo': { type: 'boolean', default: false },
      format: { type: 'string', default: 'json' },
      out: { type: 'string' },
      'mark-sent': { type: 'boolean', default: false },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help) return void console.log(USAGE);
  const target = values.pg !== undefined ? { pg: values.pg } : { dataDir: join(values.data, 'pglite') };
  const demo = positionals.length === 0 && !values['no-demo'] && values.config === undefined;
  // PGlite's folder, and the demo halls' folders and secrets (also with --pg).
  if (values.pg === undefined || demo) mkdirSync(values.data, { recursive: true });

  if (positionals[0] === 'hash-password') {
    const text = readFileSync(0, 'utf8').replace(/\r?\n$/, '');
    if (text.length < 8) {
      console.error('密码至少 8 位 / a password has at least 8 characters');
      process.exit(2);
    }
    console.log(await hashPassword(text));
    return;
  }
  if (positionals[0] === 'haocha-export') {
    if (values.format !== 'json' && values.format !== 'csv') {
      console.error('--format json|csv');
      process.exit(2);
    }
    const db = await openCityDb(target);
    try {
      await prepareCity(db, []);
      // A pending batch (built, never accepted) is exported again as it was stored, never rebuilt.
      const pending = await db.query<{ body: string }>(
        "SELECT body FROM haocha_batches WHERE status = 'pending' ORDER BY created_at, id LIMIT 1",
      );
      const stored = pending[0];
      const batch = stored === undefined ? await buildBatch(db, Date.now()) : (JSON.parse(stored.body) as HaochaBatch);
      if (batch === null) return void console.error('没有待上报的评价 / every rating is in a batch already');
      const text = values.format === 'csv' ? batchCsv(batch) : JSON.stringify(batch, null, 2);
      if (values.out === undefined) process.stdout.write(text);
      else writeFileSync(values.out, text);
      // Marked only once written, and only when asked: an unmarked batch stays pending and is exported again.
      if (values['mark-sent']) {
        await db.query("UPDATE haocha_batches SET status = 'exported', sent_at = $2 WHERE id = $1", [
          batch.batchId,
          Date.now(),
        ]);
      }
      console.error(
        `${batch.batchId}: ${batch.count} 条 / ratings${values.out === undefined ? '' : ` → ${values.out}`}`,
      );
    } finally {
      await db.close();
    }
    return;
  }
  if (positionals[0] === 'verify') {
    const db = await openCityDb(target);
    try {
      const report = await verifyCity(db);
      for (const h of report.halls)
        console.log(
          `${h.hallId}\tseq ${h.foldedSeq}\t${Object.keys(h.differences).length === 0 ? 'ok' : JSON.stringify(h.differences)}`,
        );
      console.log(report.ok ? '核对一致 / verify: clean' : '核对不一致 / verify: DIFFERENCES FOUND');
      process.exitCode = report.ok ? 0 : 1;
    } finally {
      await db.close();
    }
    return;
  }
  if (positionals.length > 0) {
    console.error(USAGE);
    process.exit(2);
  }

  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    console.error(`--port must be 0…65535, got ${values.port}`);
    process.exit(2);
  }
  if (!demo && values.config === undefined) {
    console.error('--no-demo needs --config FILE (the city config: halls and staff) / 非演示模式需要 --config');
    process.exit(2);
  }
  const { config, staffToken, hallKeys, login } = demo
    ? await demoCityConfig(values.data)
    : { config: loadCityConfig(values.config!), staffToken: null, hallKeys: null, login: null };
  const db: CityDb = await openCityDb(target);
  await prepareCity(db, config.halls);
  const city = createCityServer({ db, config });
  const haocha =
    config.haocha === undefined ? null : new HaochaUploader(db, config.haocha, Date.now, (l) => console.log(l));
  haocha?.start();
  const url = await city.listen(port, values.host);
  console.log(`listening ${url} (${db.engine === 'pglite' ? `PGlite ${target.dataDir ?? ''}` : 'PostgreSQL'})`);

  let halls: DemoHall[] = [];
  if (demo && hallKeys !== null) {
    halls = await startDemoHalls({ cityUrl: url, dataDir: values.data, keys: hallKeys });
    for (const h of halls) console.log(`  ${h.hallId}  ${h.name}  ${h.url}/manager`);
    console.log(
      `  城市控制台 / city console: ${url}/city/   账号 / staff id: ${login?.id}   密码 / password: ${login?.password}`,
    );
    console.log(`  城市工作人员令牌 / city staff API token (demo): ${staffToken}`);
    console.log(`  curl -H 'Authorization: Bearer ${staffToken}' ${url}/city/api/halls`);
  }

  let stopping = false;
  const stop = (signal: string): void => {
    if (stopping) return;
    stopping = true;
    console.log(`${signal}: stopping`);
    void Promise.all([...halls.map((h) => h.stop()), haocha?.stop()])
      .then(() => city.close())
      .then(() => db.close())
      .finally(() => process.exit(0));
  };
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('SIGINT', () => stop('SIGINT'));
}

/**
 * The demo city: three halls with keys made once and kept in the data folder (demo only: a real city's
 * config holds only the keys' hashes, and each hall's config its own key).
 */
async function demoCityConfig(dataDir: string): Promise<{
  config: CityConfig;
  staffToken: string;
  hallKeys: Map<string, string>;
  login: { id: string; password: string };
}> {
  const file = join(dataDir, 'demo-secrets.json');
  if (!existsSync(file))
    writeFileSync(
      file,
      JSON.stringify({
        staffToken: randomBytes(18).toString('base64url'),
        password: randomBytes(6).toString('base64url'),
        halls: Object.fromEntries(
          ['hall-1', 'hall-2', 'hall-3'].map((id) => [id, randomBytes(18).toString('base64url')]),
        ),
      }),
      { mode: 0o600 },
    );
  const secrets = JSON.parse(readFileSync(file, 'utf8')) as {
    staffToken: string;
    password?: string;
    halls: Record<string, string>;
  };
  // Demo folders made before the console had a login get a password now.
  if (secrets.password === undefined) {
    secrets.password = randomBytes(6).toString('base64url');
    writeFileSync(file, JSON.stringify(secrets), { mode: 0o600 });
  }
  const hallKeys = new Map(Object.entries(secrets.halls));
  const config = cityConfigSchema.parse({
    name: '演示城市 / Demo city',
    halls: [...hallKeys].map(([id, key]) => ({ id, name: DEMO_HALL_NAMES[id] ?? id, keyHash: hashKey(key) })),
    staff: [
      {
        name: '市局值班（演示）',
        id: 'demo',
        passwordHash: await hashPassword(secrets.password),
        tokenHash: hashKey(secrets.staffToken),
        hallId: null,
      },
    ],
  });
  return { config, staffToken: secrets.staffToken, hallKeys, login: { id: 'demo', password: secrets.password } };
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? e.message : String(e));
  process.exit(1);
});
