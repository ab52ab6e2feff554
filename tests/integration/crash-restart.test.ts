import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { parseHallConfig } from '../../apps/hub/src/config-loader.ts';
import { verifyStore } from '../../apps/hub/src/store/verify.ts';
import { spawnHub, type HubProcess } from '../support/hub-process.ts';
import { testHallConfig } from '../support/test-hall.ts';

const dir = mkdtempSync(join(tmpdir(), 'yichuang-crash-'));
const configFile = join(dir, 'hall.json');
const dataDir = join(dir, 'data');
const hallConfig = testHallConfig({ windows: 4 });
writeFileSync(configFile, JSON.stringify(hallConfig));
let hub: HubProcess | null = null;

afterAll(() => {
  hub?.child.kill('SIGKILL');
  rmSync(dir, { recursive: true, force: true });
});

interface TicketAck {
  id: string;
  number: string;
  queueId: string;
}

async function post(url: string, path: string, body: unknown, bearer: string): Promise<{ status: number; body: any }> {
  const res = await fetch(url + path, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${bearer}` },
    body: JSON.stringify(body),
  });
  return { status: res.status, body: await res.json() };
}

describe('the hub killed with SIGKILL under load', () => {
  it('loses no acknowledged ticket or call, issues nothing twice, and numbering continues', async () => {
    hub = await spawnHub({ config: configFile, data: dataDir });
    const url = hub.url;
    const tokens: string[] = [];
    for (let i = 1; i <= 4; i++) {
      const login = await fetch(`${url}/api/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ officerId: `a${i}`, pin: '1234' }),
      });
      const token = ((await login.json()) as { token: string }).token;
      tokens.push(token);
      expect((await post(url, `/api/windows/w${i}/sign-in`, {}, token)).status).toBe(200);
    }

    const ackedTickets = new Map<string, TicketAck>(); // requestId → ticket
    const unknownOutcome: { requestId: string; serviceId: string; key: string }[] = [];
    const ackedCalls: { ticketId: string; windowId: string }[] = [];
    let alive = true;

    const kiosk = async (key: string, name: string): Promise<void> => {
      for (let i = 0; alive; i++) {
        const requestId = `${name}-${i}`;
        const serviceId = i % 3 === 0 ? 'idcard' : 'cert';
        try {
          const res = await post(url, '/api/tickets', { requestId, serviceId }, key);
          if (res.status === 201) ackedTickets.set(requestId, res.body as TicketAck);
        } catch {
          unknownOutcome.push({ requestId, serviceId, key });
          return;
        }
      }
    };
    const counter = async (i: number): Promise<void> => {
      const windowId = `w${i + 1}`;
      for (let n = 0; alive; n++) {
        try {
          const res = await post(
            url,
            `/api/windows/${windowId}/call-next`,
            { requestId: `${windowId}-c${n}` },
            tokens[i]!,
          );
          const t = (res.body as { ticket: { id: string } | null }).ticket;
          if (t === null) {
            await new Promise((r) => setTimeout(r, 5));
            continue;
          }
          ackedCalls.push({ ticketId: t.id, windowId });
          await post(url, `/api/windows/${windowId}/finish`, { requestId: `${windowId}-f${n}` }, tokens[i]!);
        } catch {
          return;
        }
      }
    };

    const load = Promise.all([
      kiosk('kiosk-1-secret', 'ka'),
      kiosk('kiosk-2-secret', 'kb'),
      ...[0, 1, 2, 3].map((i) => counter(i)),
    ]);
    await new Promise((r) => setTimeout(r, 700 + Math.floor(Math.random() * 800)));
    hub.child.kill('SIGKILL');
    await hub.exited;
    alive = false;
    await load;
    expect(ackedTickets.size).toBeGreaterThan(20);
    expect(ackedCalls.length).toBeGreaterThan(5);

    hub = await spawnHub({ config: configFile, data: dataDir });
    const url2 = hub.url;

    // Every acknowledged ticket is there with its number; every acknowledged call happened once, at that window.
    for (const t of ackedTickets.values()) {
      // With the kiosk's key: hundreds of lookups from one address would meet the anonymous budget.
      const res = await fetch(`${url2}/api/tickets/${t.id}`, { headers: { authorization: 'Bearer kiosk-1-secret' } });
      expect(res.status).toBe(200);
      expect(((await res.json()) as TicketAck).number).toBe(t.number);
    }
    // A retried requestId whose answer was lost returns the committed ticket, or issues it now: never twice.
    for (const u of unknownOutcome) {
      const res = await post(url2, '/api/tickets', { requestId: u.requestId, serviceId: u.serviceId }, u.key);
      expect(res.status).toBe(201);
      const again = await post(url2, '/api/tickets', { requestId: u.requestId, serviceId: u.serviceId }, u.key);
      expect(again.body).toEqual(res.body);
    }
    const next = await post(url2, '/api/tickets', { requestId: 'after-restart', serviceId: 'cert' }, 'kiosk-1-secret');

    hub.child.kill('SIGTERM');
    expect(await hub.exited).toBe(0);
    hub = null;

    const db = new Database(join(dataDir, 'yichuang.sqlite'), { readonly: true });
    try {
      const calls = (
        db.prepare("SELECT payload FROM events WHERE type = 'ticket:called'").all() as { payload: string }[]
      ).map((r) => JSON.parse(r.payload) as { ticketId: string; windowId: string });
      const byTicket = new Map<string, string[]>();
      for (const c of calls) byTicket.set(c.ticketId, [...(byTicket.get(c.ticketId) ?? []), c.windowId]);
      for (const c of ackedCalls) expect(byTicket.get(c.ticketId)).toEqual([c.windowId]);
      for (const windows of byTicket.values()) expect(windows).toHaveLength(1);

      const dupes = db
        .prepare('SELECT day, queue_id, number FROM tickets GROUP BY day, queue_id, number HAVING COUNT(*) > 1')
        .all();
      expect(dupes).toEqual([]);
      const maxA = db
        .prepare(
          "SELECT MAX(CAST(SUBSTR(number, 2) AS INTEGER)) AS n FROM tickets WHERE queue_id = 'quick' AND id != ?",
        )
        .get(next.body.id) as { n: number };
      expect(next.body.number).toBe(`A${String(maxA.n + 1).padStart(3, '0')}`);
      const issuedEvents = db.prepare("SELECT COUNT(*) AS n FROM events WHERE type = 'ticket:issued'").get() as {
        n: number;
      };
      const ticketRows = db.prepare('SELECT COUNT(*) AS n FROM tickets').get() as { n: number };
      expect(issuedEvents.n).toBe(ticketRows.n);
      expect(verifyStore(db, parseHallConfig(hallConfig, { pinCost: 1024 }))).toMatchObject({
        ok: true,
        differences: [],
      });
    } finally {
      db.close();
    }
  }, 60_000);
});
