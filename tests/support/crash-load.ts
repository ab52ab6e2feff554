import Database from 'better-sqlite3';
import { join } from 'node:path';
import { expect } from 'vitest';
import { parseHallConfig } from '../../apps/hub/src/config-loader.ts';
import { verifyStore } from '../../apps/hub/src/store/verify.ts';
import type { HallConfigInput } from '@yichuang/protocol';

/**
 * Load for crash tests: kiosks taking tickets and windows calling and finishing over REST, each
 * client with several requests in flight, recording what the hub acknowledged and what was still in
 * flight when it died. Then the checks every crash must pass.
 */

export interface TicketAck {
  id: string;
  number: string;
  queueId: string;
}

export async function post(
  url: string,
  path: string,
  body: unknown,
  bearer: string,
): Promise<{ status: number; body: any }> {
  const res = await fetch(url + path, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${bearer}` },
    body: JSON.stringify(body),
  });
  return { status: res.status, body: await res.json() };
}

export interface CrashLoad {
  ackedTickets: Map<string, TicketAck>;
  /** Ticket requests the hub never answered (in flight at the kill): each must be issued once when retried. */
  unknownOutcome: { requestId: string; serviceId: string; key: string }[];
  ackedCalls: { ticketId: string; windowId: string }[];
  /** Requests in flight right now (read at the moment of the kill). */
  inFlight: () => number;
  stop: () => Promise<void>;
}

/** Signs in `windows` officers (a1…) and runs kiosks and counters against `url` until stopped or the hub dies. */
export async function startCrashLoad(
  url: string,
  o: { windows: number; kioskKeys: string[]; parallel: number },
): Promise<CrashLoad> {
  const tokens: string[] = [];
  for (let i = 1; i <= o.windows; i++) {
    const login = await fetch(`${url}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ officerId: `a${i}`, pin: '1234' }),
    });
    const token = ((await login.json()) as { token: string }).token;
    tokens.push(token);
    expect((await post(url, `/api/windows/w${i}/sign-in`, {}, token)).status).toBe(200);
  }
  const ackedTickets = new Map<string, TicketAck>();
  const unknownOutcome: CrashLoad['unknownOutcome'] = [];
  const ackedCalls: CrashLoad['ackedCalls'] = [];
  let alive = true;
  let inFlight = 0;
  const tracked = async <T>(p: Promise<T>): Promise<T> => {
    inFlight++;
    try {
      return await p;
    } finally {
      inFlight--;
    }
  };

  const kiosk = async (key: string, name: string): Promise<void> => {
    for (let i = 0; alive; i++) {
      const requestId = `${name}-${i}`;
      const serviceId = i % 3 === 0 ? 'idcard' : 'cert';
      try {
        const res = await tracked(post(url, '/api/tickets', { requestId, serviceId }, key));
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
        const res = await tracked(
          post(url, `/api/windows/${windowId}/call-next`, { requestId: `${windowId}-c${n}` }, tokens[i]!),
        );
        const t = (res.body as { ticket: { id: string } | null }).ticket;
        if (t === null) {
          await new Promise((r) => setTimeout(r, 5));
          continue;
        }
        ackedCalls.push({ ticketId: t.id, windowId });
        await tracked(post(url, `/api/windows/${windowId}/finish`, { requestId: `${windowId}-f${n}` }, tokens[i]!));
      } catch {
        return;
      }
    }
  };
  const load = Promise.all([
    ...o.kioskKeys.flatMap((key, k) => Array.from({ length: o.parallel }, (_, p) => kiosk(key, `k${k}p${p}`))),
    ...Array.from({ length: o.windows }, (_, i) => counter(i)),
  ]);
  return {
    ackedTickets,
    unknownOutcome,
    ackedCalls,
    inFlight: () => inFlight,
    stop: async () => {
      alive = false;
      await load;
    },
  };
}

/**
 * After the restart at `url`: every acknowledged ticket is there with its number; a request whose
 * answer was lost returns the committed ticket or is issued now, never twice.
 */
export async function checkAfterRestart(url: string, load: CrashLoad, readKey: string): Promise<TicketAck> {
  for (const t of load.ackedTickets.values()) {
    // With a key: hundreds of lookups from one address would meet the anonymous budget.
    const res = await fetch(`${url}/api/tickets/${t.id}`, { headers: { authorization: `Bearer ${readKey}` } });
    expect(res.status).toBe(200);
    expect(((await res.json()) as TicketAck).number).toBe(t.number);
  }
  for (const u of load.unknownOutcome) {
    const res = await post(url, '/api/tickets', { requestId: u.requestId, serviceId: u.serviceId }, u.key);
    expect(res.status).toBe(201);
    const again = await post(url, '/api/tickets', { requestId: u.requestId, serviceId: u.serviceId }, u.key);
    expect(again.body).toEqual(res.body);
  }
  return (await post(url, '/api/tickets', { requestId: 'after-restart', serviceId: 'cert' }, readKey))
    .body as TicketAck;
}

/** The stopped hub's database: no call twice or lost, no number twice, numbering continues, the log replays to the projections. */
export function checkDatabase(dataDir: string, config: HallConfigInput, load: CrashLoad, next: TicketAck): void {
  const db = new Database(join(dataDir, 'yichuang.sqlite'), { readonly: true });
  try {
    const calls = (
      db.prepare("SELECT payload FROM events WHERE type = 'ticket:called'").all() as { payload: string }[]
    ).map((r) => JSON.parse(r.payload) as { ticketId: string; windowId: string });
    const byTicket = new Map<string, string[]>();
    for (const c of calls) byTicket.set(c.ticketId, [...(byTicket.get(c.ticketId) ?? []), c.windowId]);
    for (const c of load.ackedCalls) expect(byTicket.get(c.ticketId)).toEqual([c.windowId]);
    for (const windows of byTicket.values()) expect(windows).toHaveLength(1);
    const dupes = db
      .prepare('SELECT day, queue_id, number FROM tickets GROUP BY day, queue_id, number HAVING COUNT(*) > 1')
      .all();
    expect(dupes).toEqual([]);
    const maxA = db
      .prepare("SELECT MAX(CAST(SUBSTR(number, 2) AS INTEGER)) AS n FROM tickets WHERE queue_id = 'quick' AND id != ?")
      .get(next.id) as { n: number };
    expect(next.number).toBe(`A${String(maxA.n + 1).padStart(3, '0')}`);
    // Gap-free: every number from 1 to the highest was issued in each queue.
    for (const q of ['quick', 'long']) {
      const row = db
        .prepare('SELECT COUNT(*) AS n, MAX(CAST(SUBSTR(number, 2) AS INTEGER)) AS top FROM tickets WHERE queue_id = ?')
        .get(q) as { n: number; top: number | null };
      expect(row.n, q).toBe(row.top ?? 0);
    }
    const issuedEvents = db.prepare("SELECT COUNT(*) AS n FROM events WHERE type = 'ticket:issued'").get() as {
      n: number;
    };
    expect(issuedEvents.n).toBe((db.prepare('SELECT COUNT(*) AS n FROM tickets').get() as { n: number }).n);
    expect(verifyStore(db, parseHallConfig(config, { pinCost: 1024 }))).toMatchObject({ ok: true, differences: [] });
  } finally {
    db.close();
  }
}
