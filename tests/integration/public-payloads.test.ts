import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HubConnection } from '@yichuang/client';
import { startHub, waitFor, type Harness } from '../support/hub-harness.ts';
import { testHallConfig } from '../support/test-hall.ts';

/**
 * Free text typed by staff (transfer and pause notes, a notice's name and items, a rating's reason)
 * is planted with a name, an ID-card number and a phone number, and every public payload is scanned
 * for them: what kiosks, displays and rating screens receive over the socket (events and snapshots),
 * `GET /api/hall` with each device key, and the citizen's `GET /api/tickets/:id` and the phone pages'
 * `GET /api/public/queues` without credentials.
 * Staff still see the notes (so the plant did reach the hub).
 */

const NAME = '欧阳娜娜';
const ID_CARD = '500222199001011234';
const PHONE = '13800138000';
const PLANT = `群众${NAME} 身份证${ID_CARD} 电话${PHONE}`;
/** Anything shaped like an ID-card number or a mobile number. */
const PERSONAL = [new RegExp(NAME), /\d{17}[\dXx]/, /(?<!\d)1[3-9]\d{9}(?!\d)/];

let h: Harness;
const traffic: { who: string; text: string }[] = [];
const record = (who: string, c: HubConnection): void => {
  c.socket.on('hub:events', (events) => traffic.push({ who, text: JSON.stringify(events) }));
  c.socket.on('hub:snapshot', (s) => traffic.push({ who, text: JSON.stringify(s) }));
};
let ticketIds: string[] = [];
let a1 = '';

beforeAll(async () => {
  h = await startHub(testHallConfig());
  for (const [who, key] of [
    ['display', 'display-1-secret'],
    ['kiosk', 'kiosk-2-secret'],
    ['rater', 'rater-1-secret'],
  ] as const)
    record(who, await h.connect({ key }));
  a1 = await h.login('a1');
  const take = async (n: number): Promise<string> =>
    (await h.api('POST', '/api/tickets', { requestId: `take-${n}`, serviceId: 'cert' }, 'kiosk-1-secret')).body
      .id as string;
  ticketIds = [await take(1), await take(2), await take(3)];
  const ok = async (method: string, path: string, body?: unknown): Promise<void> => {
    const res = await h.api(method, path, body, a1);
    expect(res.status, `${path}: ${JSON.stringify(res.body)}`).toBeLessThan(300);
  };
  await ok('POST', '/api/windows/w1/sign-in', {});
  // A rating whose reason names the citizen.
  await ok('POST', '/api/windows/w1/call-next', { requestId: 'c1' });
  await ok('POST', '/api/windows/w1/start', {});
  await ok('POST', '/api/windows/w1/finish', {});
  const rated = await h.api(
    'POST',
    '/api/ratings',
    { requestId: 'rate-1', ticketId: ticketIds[0], level: 1, reason: PLANT },
    'rater-1-secret',
  );
  expect(rated.status, JSON.stringify(rated.body)).toBe(201);
  // A notice with the citizen's name and free lines.
  await ok('POST', '/api/notices', {
    citizenName: NAME,
    serviceId: 'cert',
    missing: [`身份证 ${ID_CARD}`, `电话 ${PHONE}`],
  });
  // A transfer note and a pause note.
  await ok('POST', '/api/windows/w1/call-next', { requestId: 'c2' });
  await ok('POST', `/api/tickets/${ticketIds[1]}/transfer`, { toQueueId: 'long', note: PLANT });
  // Issue 17: a help request's note; a complaint (name, phone, text, result) and the follow-up's action.
  await ok('POST', '/api/windows/w1/help', { requestId: 'help-1', note: PLANT });
  await ok('POST', '/api/windows/w1/pause', { reason: 'other', note: PLANT });
  const m1 = await h.login('m1');
  const complaint = await h.api(
    'POST',
    '/api/complaints',
    { requestId: 'cp-1', channel: 'hotline', name: NAME, phone: PHONE, text: PLANT, windowId: 'w1' },
    m1,
  );
  expect(complaint.status, JSON.stringify(complaint.body)).toBe(201);
  const cid = complaint.body.complaint.id as string;
  await h.api('POST', `/api/complaints/${cid}/close`, { requestId: 'cp-2', result: PLANT }, m1);
  const fu = (await h.api('GET', '/api/followups', undefined, m1)).body.followUps[0].id as string;
  await h.api('POST', `/api/followups/${fu}/close`, { requestId: 'fu-1', action: PLANT }, m1);
  await waitFor(
    () => traffic.some((t) => t.who === 'display' && t.text.includes('followup:closed')),
    3000,
    'follow-up close seen',
  );
  await waitFor(() => traffic.some((t) => t.who === 'display' && t.text.includes('window:paused')), 3000, 'pause seen');
});
afterAll(async () => {
  await h.close();
});

function expectClean(label: string, text: string): void {
  for (const re of PERSONAL) expect(re.test(text), `${label} carries ${re}: …${text.match(re)?.[0]}…`).toBe(false);
}

describe('no personal data on public screens', () => {
  it('the planted text reached the hub: staff see the notes', async () => {
    const staffView = await h.api('GET', `/api/tickets/${ticketIds[1]}`, undefined, a1);
    expect(JSON.stringify(staffView.body)).toContain(PLANT);
    expect(JSON.stringify((await h.api('GET', '/api/hall', undefined, a1)).body)).toContain(PLANT);
  });

  it('socket traffic to kiosks, displays and rating screens carries none of it', () => {
    for (const who of ['display', 'kiosk', 'rater']) {
      const mine = traffic.filter((t) => t.who === who);
      expect(mine.length, who).toBeGreaterThan(1);
      for (const t of mine) expectClean(`${who} traffic`, t.text);
    }
  });

  it('snapshots asked for by each device carry none of it', async () => {
    for (const key of ['display-1-secret', 'kiosk-1-secret', 'rater-1-secret']) {
      const c = await h.connect({ key });
      expectClean(`${key} snapshot`, JSON.stringify(await c.socket.emitWithAck('hall:snapshot')));
    }
  });

  it('GET /api/hall with a device key carries none of it', async () => {
    for (const key of ['display-1-secret', 'kiosk-1-secret', 'rater-1-secret']) {
      const res = await h.api('GET', '/api/hall', undefined, key);
      expect(res.status).toBe(200);
      expectClean(`/api/hall as ${key}`, JSON.stringify(res.body));
    }
  });

  it('the phone pages’ GET /api/public/queues (no credentials) carries none of it, nor any ticket', async () => {
    const res = await h.api('GET', '/api/public/queues');
    expect(res.status).toBe(200);
    const text = JSON.stringify(res.body);
    expectClean('/api/public/queues', text);
    for (const id of ticketIds) expect(text).not.toContain(id);
  });

  it('the citizen’s GET /api/tickets/:id carries none of it, but shows the transfer', async () => {
    for (const id of ticketIds) {
      const res = await h.api('GET', `/api/tickets/${id}`);
      expect(res.status).toBe(200);
      expectClean(`/api/tickets/${id}`, JSON.stringify(res.body));
    }
    const moved = (await h.api('GET', `/api/tickets/${ticketIds[1]}`)).body;
    expect(moved.queueId).toBe('long');
    expect(moved.transfers).toHaveLength(1);
    expect(moved.transfers[0].note).toBe('');
  });
});
