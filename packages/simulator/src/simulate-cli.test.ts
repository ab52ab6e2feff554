import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { DomainEvent } from '@yichuang/protocol';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { DEMO_HALL, EXAMPLES, MONDAY, demoInput } from './demo-test-input.ts';
import { planSchema } from './input-schema.ts';
import { prepareDemand, runPlan } from './simulate.ts';
import { runCli } from './simulate-cli.ts';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const migration = fileURLToPath(new URL('../../../db/migrations/001_init.sql', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'yichuang-simulate-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A hub database (the real migration) holding the event log of a simulated Monday. */
function writeDatabase(): number {
  const { plan, ...demand } = demoInput();
  const events: DomainEvent[] = [];
  runPlan(prepareDemand(demand), planSchema.parse(plan), { onEvent: (e) => events.push(e) });
  const db = new Database(join(dir, 'yichuang.sqlite'));
  db.exec(readFileSync(migration, 'utf8'));
  const insert = db.prepare('INSERT INTO events (at, type, actor, request_id, payload) VALUES (?, ?, ?, ?, ?)');
  db.transaction(() => {
    for (const e of events) insert.run(e.at, e.type, 'system', null, JSON.stringify(e.payload));
  })();
  db.close();
  return events.filter((e) => e.type === 'ticket:issued').length;
}

function cli(...args: string[]): { code: number; stdout: string; stderr: string } {
  let stdout = '';
  let stderr = '';
  const code = runCli(args, {
    stdout: (t) => (stdout += `${t}\n`),
    stderr: (t) => (stderr += `${t}\n`),
    cwd: root,
    now: () => Date.UTC(2026, 10, 20, 2), // a Friday morning in Shanghai
  });
  return { code, stdout, stderr };
}

const plan6 = join(EXAMPLES, 'plan-6-windows.json');
const plan8 = join(EXAMPLES, 'plan-8-windows.json');

describe('npm run simulate', () => {
  const issued = writeDatabase();

  it('replays a day from the hub’s database and prints the output as JSON', () => {
    const r = cli('--day', MONDAY, '--plan', plan6, '--data', dir, '--config', DEMO_HALL, '--seed', '3', '--json');
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.day).toBe(MONDAY);
    expect(out.seed).toBe(3);
    expect(out.totals.arrivals).toBe(issued);
    expect(out.windows).toHaveLength(6);
    expect(r.stderr).toMatch(/simulated in \d+ ms/);
  });

  it('prints a readable table: waits per queue and hour, utilisation per window, carried over', () => {
    const r = cli('--day', MONDAY, '--plan', plan6, '--data', dir);
    expect(r.code).toBe(0);
    for (const heading of [
      '各队列等候',
      'Waits per queue',
      '分时段等候',
      '窗口利用率',
      'Window utilisation',
      '排队人数',
      'Carried over',
    ])
      expect(r.stdout).toContain(heading);
    expect(r.stdout).toContain('户籍小业务');
    expect(r.stdout).toContain('2号窗口 绿');
  });

  it('compares two plans on the same citizens', () => {
    const r = cli('--day', MONDAY, '--plan', plan6, '--compare', plan8, '--data', dir, '--json');
    expect(r.code).toBe(0);
    const cmp = JSON.parse(r.stdout);
    expect(cmp.a.totals.arrivals).toBe(cmp.b.totals.arrivals);
    expect(cmp.b.windows).toHaveLength(8);
    expect(cli('--day', MONDAY, '--plan', plan6, '--compare', plan8, '--data', dir).stdout).toContain(
      '方案对比 Plan comparison',
    );
  });

  it('draws arrivals from a rate curve without a database, on the next open day by default', () => {
    const r = cli(
      '--curve',
      join(EXAMPLES, 'curve-weekday.json'),
      '--plan',
      plan6,
      '--service-times',
      join(EXAMPLES, 'service-times.json'),
      '--no-show',
      '0.05',
      '--json',
    );
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.day).toBe('2026-11-20');
    expect(out.totals.noShow).toBeGreaterThan(0);
  });

  it('says what is wrong and exits with 2', () => {
    expect(cli('--day', MONDAY).code).toBe(2);
    const noDb = cli('--day', MONDAY, '--plan', plan6, '--data', join(dir, 'nowhere'));
    expect(noDb.code).toBe(2);
    expect(noDb.stderr).toContain('no database');
    const noTickets = cli('--day', '2026-11-24', '--plan', plan6, '--data', dir);
    expect(noTickets.stderr).toContain('no tickets were issued');
    const badPlan = cli(
      '--curve',
      join(EXAMPLES, 'curve-weekday.json'),
      '--plan',
      join(EXAMPLES, 'curve-weekday.json'),
    );
    expect(badPlan.code).toBe(2);
    expect(badPlan.stderr).toContain('invalid');
    expect(cli('--help').stdout).toContain('Usage');
  });

  it('runs as the root package’s npm script', () => {
    const r = spawnSync(
      'npm',
      ['run', '--silent', 'simulate', '--', '--day', MONDAY, '--plan', plan6, '--data', dir, '--json'],
      {
        cwd: root,
        encoding: 'utf8',
      },
    );
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout).totals.arrivals).toBe(issued);
  });
});
