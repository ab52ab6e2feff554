import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import type { HallConfigInput, TicketRow } from '@yichuang/protocol';
import { FakePrinter } from '@yichuang/printer';
import { parseHallConfig } from '../../apps/hub/src/config-loader.ts';
import { verifyStore } from '../../apps/hub/src/store/verify.ts';
import { expectLaidOutFor, printOnPaper } from '../../hardware/printer/src/paper-test-support.ts';
import { spawnHub, type HubProcess } from '../support/hub-process.ts';
import { testHallConfig } from '../support/test-hall.ts';

const dir = mkdtempSync(join(tmpdir(), 'yichuang-print-unknown-'));
let hub: HubProcess | null = null;
const printer = new FakePrinter();

afterAll(async () => {
  hub?.child.kill('SIGKILL');
  await printer.stop();
  rmSync(dir, { recursive: true, force: true });
});

/** The test hall: kiosk-1 prints on a fake network printer of 42 columns (an Epson TM-T88); kiosk-2 has none. */
function hallFile(name: string, hall: { publicUrl?: string }, port: number): string {
  const config = testHallConfig() as HallConfigInput & { devices: { id: string; printer?: string }[] };
  config.hall = { ...config.hall, ...hall };
  config.printers = [{ id: 'kiosk-1', uri: `tcp://127.0.0.1:${port}`, paperWidthMm: 80, columns: 42 }];
  config.devices = config.devices.map((d) => (d.id === 'kiosk-1' ? { ...d, printer: 'kiosk-1' } : d));
  const file = join(dir, name);
  writeFileSync(file, JSON.stringify(config));
  return file;
}

async function call(url: string, method: string, path: string, body?: unknown, bearer?: string): Promise<any> {
  const res = await fetch(url + path, {
    method,
    headers: {
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      ...(bearer === undefined ? {} : { authorization: `Bearer ${bearer}` }),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: res.status, body: await res.json() };
}

async function managerRows(url: string): Promise<Map<string, TicketRow>> {
  const login = await call(url, 'POST', '/api/auth/login', { officerId: 'm1', pin: '9999' });
  const found = await call(url, 'GET', '/api/tickets?number=A', undefined, login.body.token as string);
  expect(found.status).toBe(200);
  return new Map((found.body.tickets as TicketRow[]).map((t) => [t.number, t]));
}

async function audit(url: string, type: string): Promise<unknown[]> {
  const login = await call(url, 'POST', '/api/auth/login', { officerId: 'm1', pin: '9999' });
  const page = await call(url, 'GET', `/api/events?type=${type}`, undefined, login.body.token as string);
  expect(page.status).toBe(200);
  return page.body.events as unknown[];
}

async function until(check: () => Promise<boolean>, what: string, timeoutMs = 5000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe('a hub killed while a ticket prints', () => {
  it('logs ticket:print-unknown for it once after the restart, never again, and the console marks it', async () => {
    const port = await printer.start();
    const config = hallFile('hall.json', { publicUrl: 'http://192.168.50.2:8080/' }, port);
    const data = join(dir, 'data');
    hub = await spawnHub({ config, data });
    const url = hub.url;
    // The printer is reachable and hall.publicUrl is a LAN address: no warning at start.
    expect(hub.output()).not.toContain('hall.publicUrl');

    // A001 prints; A002 fails (paper out); A003 comes from a kiosk without a printer.
    const a1 = await call(url, 'POST', '/api/tickets', { requestId: 'r1', serviceId: 'cert' }, 'kiosk-1-secret');
    expect(a1.status).toBe(201);
    await printer.waitForJobs(1, 5000);
    await until(async () => (await managerRows(url)).get('A001')?.printed === true, 'A001 printed');
    await printer.setState({ paperOut: true });
    await call(url, 'POST', '/api/tickets', { requestId: 'r2', serviceId: 'cert' }, 'kiosk-1-secret');
    await until(async () => (await audit(url, 'ticket:print-failed')).length === 1, 'A002 failed');
    await printer.setState({ paperOut: false });
    await call(url, 'POST', '/api/tickets', { requestId: 'r3', serviceId: 'cert' }, 'kiosk-2-secret');

    // A004: the slip comes out, then the hub dies before it hears the printer's status after the job.
    const first = hub;
    const killed = new Promise<void>((resolve) => {
      const off = printer.onJob(() => {
        if (printer.jobs.length < 2) return;
        off();
        void printer.setState({ silent: true }); // the status check after the job goes unanswered…
        first.child.kill('SIGKILL'); // …and the hub is killed right then
        resolve();
      });
    });
    const a4 = await call(url, 'POST', '/api/tickets', { requestId: 'r4', serviceId: 'cert' }, 'kiosk-1-secret');
    expect(a4.status).toBe(201);
    expect(a4.body.number).toBe('A004');
    await killed;
    await first.exited;
    await printer.setState({ silent: false });

    // The slip was printed, at 42 columns, with the ticket's public link and secret in its QR code.
    const slip = printOnPaper(printer.jobs[1]!, 42);
    expectLaidOutFor(slip, 42);
    expect(slip.lines.some((l) => l.text.trim() === 'A004' && l.widthMul === 4)).toBe(true);
    expect(slip.qr).toHaveLength(1);
    expect(slip.qr[0]).toMatch(new RegExp(`^http://192\\.168\\.50\\.2:8080/t/${a4.body.id as string}\\?s=[\\w-]{16}$`));

    hub = await spawnHub({ config, data });
    await until(async () => (await managerRows(hub!.url)).get('A004')?.printUnknown === true, 'A004 marked');
    expect(hub.output()).toContain('A004');
    const rows = await managerRows(hub.url);
    expect([...rows.values()].map((t) => [t.number, t.printed, t.printUnknown])).toEqual([
      ['A001', true, false],
      ['A002', false, false],
      ['A003', false, false],
      ['A004', false, true],
    ]);

    // A second restart adds nothing.
    hub.child.kill('SIGTERM');
    expect(await hub.exited).toBe(0);
    hub = await spawnHub({ config, data });
    expect((await managerRows(hub.url)).get('A004')?.printUnknown).toBe(true);
    hub.child.kill('SIGTERM');
    expect(await hub.exited).toBe(0);
    hub = null;

    const db = new Database(join(data, 'yichuang.sqlite'), { readonly: true });
    try {
      const unknown = db
        .prepare(
          "SELECT json_extract(payload, '$.ticketId') AS id, actor FROM events WHERE type = 'ticket:print-unknown'",
        )
        .all();
      expect(unknown).toEqual([{ id: a4.body.id, actor: 'system' }]);
      const outcomes = db
        .prepare("SELECT type FROM events WHERE type LIKE 'ticket:print%' ORDER BY seq")
        .all()
        .map((r) => (r as { type: string }).type);
      expect(outcomes).toEqual(['ticket:printed', 'ticket:print-failed', 'ticket:print-unknown']);
      // The log replays to the same projections (what npm run verify checks).
      const hall = parseHallConfig(JSON.parse(readFileSync(config, 'utf8')), { pinCost: 1024 });
      expect(verifyStore(db, hall)).toMatchObject({ ok: true, differences: [] });
    } finally {
      db.close();
    }
  }, 60_000);

  it('warns in one line at start when the QR codes would point at a loopback address', async () => {
    const port = printer.port;
    hub = await spawnHub({ config: hallFile('loopback.json', {}, port), data: join(dir, 'data-2') });
    await until(() => Promise.resolve(hub!.output().includes('hall.publicUrl is not set')), 'the warning');
    const line =
      hub
        .output()
        .split('\n')
        .find((l) => l.includes('hall.publicUrl is not set')) ?? '';
    expect(line).toMatch(
      /^⚠ 未设置 hall\.publicUrl：号票二维码指向本机地址 http:\/\/127\.0\.0\.1:\d+，群众手机无法打开/,
    );
    hub.child.kill('SIGTERM');
    await hub.exited;
    hub = null;
  }, 30_000);
});
