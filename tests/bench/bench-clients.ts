import { HubConnection } from '@yichuang/client';
import type { EventEnvelope } from '@yichuang/protocol';

/** One socket client of the bench; every one notes when each `ticket:called` reaches it. */
export class BenchClient {
  /** ticketId → performance.now() when this client received the call. */
  readonly calledAt = new Map<string, number>();
  private n = 0;

  constructor(
    readonly conn: HubConnection,
    readonly name: string,
    readonly windowId: string | null,
  ) {
    // prependAny runs before the connection's own listener, so the time is taken before its
    // mirror applies the event: the moment the event reached this client's code.
    conn.socket.prependAny((event: string, ...args: unknown[]) => {
      if (event !== 'hub:events') return;
      const now = performance.now();
      for (const e of args[0] as EventEnvelope[])
        if (e.type === 'ticket:called') this.calledAt.set(e.payload.ticketId, now);
    });
  }

  nextRequestId(kind: string): string {
    return `${this.name}-${kind}-${++this.n}`;
  }

  /** call-next on this counter's window; the ticket id called (null: queue empty) and the ack time. */
  async callNext(): Promise<{ sentAt: number; ackAt: number; ticketId: string | null; error: string | null }> {
    const windowId = this.windowId ?? '';
    const sentAt = performance.now();
    const res = await this.conn.send('window:call-next', { requestId: this.nextRequestId('call'), windowId });
    const ackAt = performance.now();
    if (!res.ok) return { sentAt, ackAt, ticketId: null, error: res.error.code };
    return { sentAt, ackAt, ticketId: res.data.ticket?.id ?? null, error: null };
  }

  async finish(): Promise<string | null> {
    const windowId = this.windowId ?? '';
    const res = await this.conn.send('window:finish', { requestId: this.nextRequestId('finish'), windowId });
    return res.ok ? null : res.error.code;
  }

  close(): void {
    this.conn.close();
  }
}

async function waitUntil(cond: () => boolean, timeoutMs: number, what: string): Promise<void> {
  const until = performance.now() + timeoutMs;
  while (!cond()) {
    if (performance.now() > until) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 5));
  }
}

export async function login(url: string, officerId: string, pin: string): Promise<string> {
  const res = await fetch(`${url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ officerId, pin }),
  });
  const body = (await res.json()) as { token?: string };
  if (res.status !== 200 || body.token === undefined) throw new Error(`login ${officerId}: ${JSON.stringify(body)}`);
  return body.token;
}

/** A connected client (socket up and its mirror holding a snapshot). */
export async function connect(
  url: string,
  auth: { token?: string; key?: string },
  name: string,
  windowId: string | null = null,
): Promise<BenchClient> {
  const conn = new HubConnection({
    url,
    ...auth,
    ackTimeoutMs: 15_000,
    // forceNew: a socket (and TCP connection) of its own, as each real screen has.
    socketOptions: { transports: ['websocket'], forceNew: true, reconnection: false },
  });
  const client = new BenchClient(conn, name, windowId);
  try {
    await waitUntil(() => conn.connected && conn.mirror.ready, 15_000, `${name} to connect`);
  } catch (err) {
    conn.close();
    throw err;
  }
  return client;
}

/** Counters for officers a1…aN, each logged in, connected and signed in to window wI. */
export async function connectCounters(url: string, count: number, batch = 25): Promise<BenchClient[]> {
  const out: BenchClient[] = [];
  for (let from = 1; from <= count; from += batch) {
    const ids = Array.from({ length: Math.min(batch, count - from + 1) }, (_, k) => from + k);
    const made = await Promise.all(
      ids.map(async (i) => {
        const token = await login(url, `a${i}`, '1234');
        const c = await connect(url, { token }, `a${i}`, `w${i}`);
        const res = await c.conn.send('window:sign-in', { requestId: c.nextRequestId('sign-in'), windowId: `w${i}` });
        if (!res.ok) throw new Error(`a${i} sign-in w${i}: ${res.error.code} ${res.error.message}`);
        return c;
      }),
    );
    out.push(...made);
  }
  return out;
}

export async function connectDisplays(url: string, count: number, batch = 50): Promise<BenchClient[]> {
  const out: BenchClient[] = [];
  for (let from = 0; from < count; from += batch) {
    const n = Math.min(batch, count - from);
    const made = await Promise.all(
      Array.from({ length: n }, (_, k) => connect(url, { key: 'display-1-secret' }, `display${from + k + 1}`)),
    );
    out.push(...made);
  }
  return out;
}

/** The other apps of a hall: manager consoles and the counter-facing rating screen. */
export async function connectOthers(url: string, managers = 2): Promise<BenchClient[]> {
  const token = await login(url, 'm1', '9999');
  const out = await Promise.all(Array.from({ length: managers }, (_, k) => connect(url, { token }, `manager${k + 1}`)));
  out.push(await connect(url, { key: 'rater-1-secret' }, 'rater1'));
  return out;
}

/** Issue `count` tickets through a kiosk, `batch` sends in flight at a time; serviceOf(i) picks the service. */
export async function issueTickets(
  kiosk: BenchClient,
  count: number,
  serviceOf: (i: number) => string,
  batch = 200,
): Promise<{ issued: number; errors: Map<string, number> }> {
  let issued = 0;
  const errors = new Map<string, number>();
  for (let from = 0; from < count; from += batch) {
    const n = Math.min(batch, count - from);
    const results = await Promise.all(
      Array.from({ length: n }, (_, k) =>
        kiosk.conn.send('ticket:take', { requestId: kiosk.nextRequestId('take'), serviceId: serviceOf(from + k) }),
      ),
    );
    for (const r of results) {
      if (r.ok) issued++;
      else errors.set(r.error.code, (errors.get(r.error.code) ?? 0) + 1);
    }
  }
  return { issued, errors };
}

/**
 * When the last of `clients` received the call of `ticketId`, or null if one of them has not.
 */
export function receivedByAll(clients: readonly BenchClient[], ticketId: string): number | null {
  let last = -Infinity;
  for (const c of clients) {
    const t = c.calledAt.get(ticketId);
    if (t === undefined) return null;
    if (t > last) last = t;
  }
  return last;
}

/** Wait (bounded) until every client has received the calls of all `ticketIds`; false on timeout. */
export async function waitAllReceived(
  clients: readonly BenchClient[],
  ticketIds: readonly string[],
  timeoutMs: number,
): Promise<boolean> {
  try {
    await waitUntil(() => ticketIds.every((id) => receivedByAll(clients, id) !== null), timeoutMs, 'all receipts');
    return true;
  } catch {
    return false;
  }
}
