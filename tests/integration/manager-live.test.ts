import { afterEach, describe, expect, it } from 'vitest';
import type { Alert, HallConfigInput } from '@yichuang/protocol';
import { createTransport, decodeEscPos, FakePrinter, PrintQueue } from '@yichuang/printer';
import type { HubPrinter } from '../../apps/hub/src/printing/ticket-printing.ts';
import { startHub, waitFor, type Harness } from '../support/hub-harness.ts';
import { testHallConfig } from '../support/test-hall.ts';

const KIOSK = 'kiosk-1-secret';
const MINUTE = 60_000;
/** Monday 2026-11-23 08:45 in Shanghai: 15 minutes before the weekday hall opens. */
const MONDAY_0845 = Date.UTC(2026, 10, 23, 0, 45);

const cleanups: (() => Promise<unknown>)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

async function hub(config: HallConfigInput, start?: number, extra = {}): Promise<Harness> {
  const h = await startHub(config, start, extra);
  cleanups.push(() => h.close());
  return h;
}

async function alerts(h: Harness, mgr: string): Promise<Alert[]> {
  const res = await h.api('GET', '/api/alerts', undefined, mgr);
  expect(res.status).toBe(200);
  return res.body.alerts as Alert[];
}

const kinds = (list: Alert[]): string[] => list.map((a) => `${a.kind}:${a.subject}`).sort();

describe('alerts for the manager', () => {
  it('not signed in 10 minutes before opening, then an empty post: raised, ended, listed until acknowledged', async () => {
    const h = await hub(testHallConfig({ hours: 'weekdays', windows: 2 }), MONDAY_0845);
    const mgr = await h.login('m1');
    const manager = await h.connect({ token: mgr });
    const pushed: Alert[][] = [];
    manager.socket.on('hub:alerts', (list) => pushed.push(list));

    h.hub.bus.tick();
    await new Promise((r) => setTimeout(r, 50));
    expect(kinds(await alerts(h, mgr))).toEqual([]);

    h.clock.now += 6 * MINUTE; // 08:51
    await waitFor(() => pushed.length > 0, 3000, 'alerts pushed to the manager');
    const early = await alerts(h, mgr);
    expect(kinds(early)).toEqual(['not-signed-in:w1', 'not-signed-in:w2']);
    expect(early[0]!.message).toContain('开门前10分钟仍无人签到');
    expect(early[0]!.message).toMatch(/A角 甲[12]/);

    // a1 signs in: w1's alert ends but stays listed until acknowledged.
    const a1 = await h.login('a1');
    await h.api('POST', '/api/windows/w1/sign-in', {}, a1);
    await waitFor(
      () => h.hub.context.alerts.list().some((a) => a.subject === 'w1' && a.clearedAt !== null),
      3000,
      'cleared',
    );

    h.clock.now += 10 * MINUTE; // 09:01: w2 is an empty post
    await waitFor(() => h.hub.context.alerts.list().some((a) => a.kind === 'empty-post'), 3000, 'empty post');
    const now = await alerts(h, mgr);
    const empty = now.find((a) => a.kind === 'empty-post')!;
    expect(empty).toMatchObject({ severity: 'critical', subject: 'w2', windowId: 'w2', clearedAt: null });
    expect(now[0]!.severity).toBe('critical'); // critical first

    const w1Alert = now.find((a) => a.kind === 'not-signed-in' && a.subject === 'w1')!;
    const ack = await h.api('POST', `/api/alerts/${encodeURIComponent(w1Alert.id)}/acknowledge`, {}, mgr);
    expect(ack.status).toBe(200);
    expect(ack.body.alert).toMatchObject({ acknowledgedBy: 'officer:m1' });
    expect((await alerts(h, mgr)).some((a) => a.id === w1Alert.id)).toBe(false);
    const logged = h.db.prepare("SELECT actor, payload FROM events WHERE type = 'alert:acknowledged'").all();
    expect(logged).toEqual([
      {
        actor: 'officer:m1',
        payload: JSON.stringify({ alertId: w1Alert.id, kind: 'not-signed-in', subject: 'w1' }),
      },
    ]);
    // An open alert acknowledged stays listed while its condition lasts.
    await h.api('POST', `/api/alerts/${encodeURIComponent(empty.id)}/acknowledge`, {}, mgr);
    expect((await alerts(h, mgr)).find((a) => a.id === empty.id)?.acknowledgedAt).not.toBeNull();
    expect((await h.api('POST', '/api/alerts/nope/acknowledge', {}, mgr)).body.error.code).toBe('UNKNOWN_ALERT');
  });

  it('a ticket waiting beyond the limit, and a kiosk gone for longer than the grace period', async () => {
    const h = await hub(testHallConfig(), undefined, { deviceGraceMs: 5000 });
    const mgr = await h.login('m1');
    const kiosk = await h.connect({ key: KIOSK });
    await h.api('POST', '/api/tickets', { requestId: 'r1', serviceId: 'cert' }, KIOSK);
    const devices = (await h.api('GET', '/api/devices', undefined, mgr)).body;
    expect(devices.devices.find((d: { id: string }) => d.id === 'kiosk-1')).toMatchObject({ connected: true });
    expect(devices.devices.find((d: { id: string }) => d.id === 'display-1')).toMatchObject({ connected: false });

    h.clock.now += 61 * MINUTE;
    await waitFor(() => h.hub.context.alerts.list().some((a) => a.kind === 'long-wait'), 3000, 'the long-wait alert');
    const list = await alerts(h, mgr);
    expect(list.find((a) => a.kind === 'long-wait')!.message).toContain('A001 已等 61 分钟');
    // display-1, kiosk-2 and the rater were never connected.
    expect(kinds(list).filter((k) => k.startsWith('device-offline'))).toEqual([
      'device-offline:display-1',
      'device-offline:kiosk-2',
      'device-offline:rater-1',
    ]);

    kiosk.close();
    const away = (): boolean =>
      h.hub.context.presence.list(h.hub.bus.config).find((d) => d.id === 'kiosk-1')?.connected === false;
    await waitFor(away, 3000, 'kiosk away');
    h.clock.now += 6000;
    await waitFor(() => h.hub.context.alerts.list().some((a) => a.subject === 'kiosk-1'), 3000, 'kiosk-1 offline');
  });
});

describe('audit log, find and reprint', () => {
  it('filters the log by type prefix, actor and window, newest first, in pages', async () => {
    const h = await hub(testHallConfig());
    const mgr = await h.login('m1');
    const a1 = await h.login('a1');
    for (let i = 0; i < 5; i++) await h.api('POST', '/api/tickets', { requestId: `r${i}`, serviceId: 'cert' }, KIOSK);
    await h.api('POST', '/api/windows/w1/sign-in', {}, a1);
    await h.api('POST', '/api/windows/w1/call-next', { requestId: 'c1' }, a1);
    await h.api('POST', '/api/windows/w1/finish', {}, a1);

    const byA1 = (await h.api('GET', '/api/events?actor=officer:a1', undefined, mgr)).body;
    expect(byA1.events.map((e: { type: string }) => e.type)).toEqual([
      'ticket:finished',
      'ticket:called',
      'window:empty-post-ended',
      'window:signed-in',
    ]);
    const issued = (await h.api('GET', '/api/events?type=ticket:issued&limit=2', undefined, mgr)).body;
    expect(issued.events).toHaveLength(2);
    expect(issued.nextBefore).toBe(issued.events[1].seq);
    const more = (
      await h.api('GET', `/api/events?type=ticket:issued&limit=10&before=${issued.nextBefore}`, undefined, mgr)
    ).body;
    expect(more.events).toHaveLength(3);
    expect(more.nextBefore).toBeNull();
    const w1 = (await h.api('GET', '/api/events?type=ticket:&windowId=w1', undefined, mgr)).body;
    expect(w1.events.map((e: { type: string }) => e.type)).toEqual(['ticket:finished', 'ticket:called']);
    const today = (await h.api('GET', '/api/events?from=2026-11-23&to=2026-11-23&limit=500', undefined, mgr)).body;
    const all = h.db.prepare('SELECT COUNT(*) AS n FROM events').get() as { n: number };
    expect(today.events).toHaveLength(all.n);
    expect((await h.api('GET', '/api/events?from=2026-11-24', undefined, mgr)).body.events).toEqual([]);
    expect((await h.api('GET', '/api/events?type=bogus', undefined, mgr)).status).toBe(400);
    expect((await h.api('GET', '/api/events?from=23-11-2026', undefined, mgr)).status).toBe(400);
  });

  it('finds a day’s tickets by number and reprints one on its kiosk’s printer', async () => {
    const printer = new FakePrinter();
    const port = await printer.start();
    cleanups.push(() => printer.stop());
    const config = testHallConfig() as HallConfigInput & {
      printers: unknown[];
      devices: { id: string; printer?: string }[];
    };
    config.printers = [{ id: 'kiosk-1', uri: `tcp://127.0.0.1:${port}`, paperWidthMm: 80 }];
    config.devices = config.devices.map((d) => (d.id === 'kiosk-1' ? { ...d, printer: 'kiosk-1' } : d));
    const queue = new PrintQueue({
      id: 'kiosk-1',
      transport: createTransport(`tcp://127.0.0.1:${port}`, { timeoutMs: 300 }),
      pollMs: 100,
    });
    const h = await hub(config, undefined, { printers: new Map<string, HubPrinter>([['kiosk-1', queue]]) });
    const mgr = await h.login('m1');
    for (let i = 0; i < 12; i++) await h.api('POST', '/api/tickets', { requestId: `r${i}`, serviceId: 'cert' }, KIOSK);
    await printer.waitForJobs(12, 5000);

    const found = (await h.api('GET', '/api/tickets?number=a01', undefined, mgr)).body;
    expect(found.date).toBe('2026-11-23');
    expect(found.tickets.map((t: { number: string }) => t.number)).toEqual(['A010', 'A011', 'A012']);
    const again = await h.api('POST', `/api/tickets/${found.tickets[2].id as string}/reprint`, {}, mgr);
    expect(again.status).toBe(200);
    expect(again.body).toEqual({ ticketId: found.tickets[2].id, printerId: 'kiosk-1' });
    await printer.waitForJobs(13, 3000);
    expect(decodeEscPos(printer.jobs[12]!).lines.join('\n')).toContain('A012');

    expect((await h.api('POST', '/api/tickets/nope/reprint', {}, mgr)).body.error.code).toBe('UNKNOWN_TICKET');
    const wrong = await h.api('POST', `/api/tickets/${found.tickets[0].id as string}/reprint`, { printerId: 'x' }, mgr);
    expect(wrong.body.error.code).toBe('UNKNOWN_PRINTER');
    expect((await h.api('GET', '/api/tickets?date=2026-02-30', undefined, mgr)).status).toBe(400);
  });
});
