import { makeHallDir, startHubIn } from './bench-hub.ts';
import { RestClient, type RestReply } from './rest-client.ts';

export const KIOSK_KEY = 'kiosk-1-secret';

/** An officer signed in at a window over REST, with the token a counter app would hold. */
export interface RestOfficer {
  id: string;
  windowId: string;
  token: string;
}

let seq = 0;
/** A requestId unique in this bench process (prepare and timed runs share a database). */
export const requestId = (who: string, kind: string): string => `rest-${who}-${kind}-${++seq}`;

export function countError(errors: Map<string, number>, code: string | null): void {
  if (code !== null) errors.set(code, (errors.get(code) ?? 0) + 1);
}

export const takeTicket = (client: RestClient, key = KIOSK_KEY): Promise<RestReply> =>
  client.post('/api/tickets', key, { requestId: requestId('kiosk', 'take'), serviceId: 'cert' });

export interface PreparedHall {
  /** hall.json and data/ of a stopped hub: officers logged in and signed in, tickets waiting. */
  dir: string;
  officers: RestOfficer[];
  issued: number;
  issuePerSec: number;
  errors: Map<string, number>;
}

/**
 * A hall of `windows` windows on a normal disk: officers a1…aN log in over REST and sign in at w1…wN,
 * the kiosk takes `tickets` tickets (40 requests in flight), then the hub stops. Timed runs start a hub
 * on a copy of this directory, so every run (normal disk or slow) begins from the same day.
 */
export async function prepareRestHall(windows: number, tickets: number): Promise<PreparedHall> {
  const dir = makeHallDir(windows);
  const hub = await startHubIn(dir, { removeOnStop: false });
  const client = new RestClient(hub.url);
  const errors = new Map<string, number>();
  try {
    const officers = await Promise.all(
      Array.from({ length: windows }, async (_, k): Promise<RestOfficer> => {
        const id = `a${k + 1}`;
        const windowId = `w${k + 1}`;
        const login = await client.post('/api/auth/login', null, { officerId: id, pin: '1234' });
        const token = (login.body as { token?: unknown } | null)?.token;
        if (typeof token !== 'string') throw new Error(`login ${id}: ${login.error ?? JSON.stringify(login.body)}`);
        const signIn = await client.post(`/api/windows/${windowId}/sign-in`, token, {
          requestId: requestId(id, 'sign-in'),
        });
        if (signIn.error !== null) throw new Error(`${id} sign-in ${windowId}: ${signIn.error}`);
        return { id, windowId, token };
      }),
    );
    let issued = 0;
    let next = 0;
    const t0 = performance.now();
    await Promise.all(
      Array.from({ length: 40 }, async () => {
        while (next < tickets) {
          next++;
          const r = await takeTicket(client);
          if (r.error === null) issued++;
          else countError(errors, r.error);
        }
      }),
    );
    const issuePerSec = issued / ((performance.now() - t0) / 1000);
    return { dir, officers, issued, issuePerSec, errors };
  } finally {
    client.close();
    await hub.stop();
  }
}
