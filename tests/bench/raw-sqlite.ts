import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { percentile } from './percentiles.ts';

export interface RawResult {
  txPerSec: number;
  tx: number;
  payloadBytes: number;
  /** Milliseconds per transaction. */
  p50: number;
  p99: number;
}

const SCHEMA = fileURLToPath(new URL('../../db/migrations/001_init.sql', import.meta.url));
const TICKETS = 5000;

/**
 * The floor under the hub's command rate: durable transactions with the hub's pragmas (WAL,
 * synchronous=FULL) on the same disk, each writing what a call-next writes (one event, one ticket
 * upsert, one window upsert, one request row) with no engine, validation or sockets around it.
 */
export function rawSqliteTxPerSecond(seconds = 3, maxTx = 1_000_000): RawResult {
  const dir = mkdtempSync(join(tmpdir(), 'yichuang-raw-'));
  const db = new Database(join(dir, 'raw.sqlite'));
  try {
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = FULL');
    db.pragma('foreign_keys = ON');
    db.exec(readFileSync(SCHEMA, 'utf8'));

    const ticketData = (i: number, status: string, windowId: string | null): string =>
      JSON.stringify({
        id: `ticket-${i}`,
        number: `A${String(i).padStart(3, '0')}`,
        queueId: 'quick',
        serviceId: 'cert',
        day: '2026-11-23',
        issuedAt: 1_795_000_000_000 + i,
        kioskId: 'kiosk-1',
        green: null,
        appointment: null,
        status,
        windowId,
        officerId: windowId === null ? null : 'a1',
        firstOfficerId: windowId === null ? null : 'a1',
        calledAt: windowId === null ? null : 1_795_000_100_000 + i,
        startedAt: null,
        finishedAt: null,
        recalls: 0,
        targetWindowId: null,
        carriedOver: false,
        carriedToDay: null,
      });
    const upsertTicket = db.prepare(`INSERT INTO tickets (id, day, queue_id, number, service_id, status, window_id,
        officer_id, issued_at, called_at, live, data)
      VALUES (@id, '2026-11-23', 'quick', @number, 'cert', @status, @window_id, @officer_id, @issued_at, @called_at, 1, @data)
      ON CONFLICT (id) DO UPDATE SET status = excluded.status, window_id = excluded.window_id,
        officer_id = excluded.officer_id, called_at = excluded.called_at, live = 1, data = excluded.data`);
    const upsertWindow = db.prepare(`INSERT INTO windows (id, officer_id, ticket_id, paused, data)
      VALUES (@id, @officer_id, @ticket_id, 0, @data)
      ON CONFLICT (id) DO UPDATE SET officer_id = excluded.officer_id, ticket_id = excluded.ticket_id,
        paused = excluded.paused, data = excluded.data`);
    const insertEvent = db.prepare('INSERT INTO events (at, type, actor, request_id, payload) VALUES (?, ?, ?, ?, ?)');
    const insertRequest = db.prepare(
      'INSERT INTO requests (request_id, command, actor, at, result) VALUES (?, ?, ?, ?, ?)',
    );

    // A day's worth of waiting tickets, written in one go (not timed).
    db.transaction(() => {
      for (let i = 0; i < TICKETS; i++) {
        upsertTicket.run({
          id: `ticket-${i}`,
          number: `A${String(i).padStart(3, '0')}`,
          status: 'waiting',
          window_id: null,
          officer_id: null,
          issued_at: i,
          called_at: null,
          data: ticketData(i, 'waiting', null),
        });
      }
    })();

    const payloadOf = (i: number, windowId: string): string =>
      JSON.stringify({
        ticketId: `ticket-${i % TICKETS}`,
        windowId,
        officerId: 'a1',
        mode: 'next',
        streak: 0,
        number: `A${String(i % TICKETS).padStart(3, '0')}`,
        note: 'x'.repeat(80),
      });
    const payloadBytes = Buffer.byteLength(payloadOf(0, 'w1'));

    const callNext = db.transaction((i: number) => {
      const now = Date.now();
      const windowId = `w${(i % 100) + 1}`;
      const ticketId = `ticket-${i % TICKETS}`;
      insertEvent.run(now, 'ticket:called', 'officer:a1', `raw-${i}`, payloadOf(i, windowId));
      upsertTicket.run({
        id: ticketId,
        number: `A${String(i % TICKETS).padStart(3, '0')}`,
        status: 'called',
        window_id: null, // the unique window index is not what is measured; keep upserts independent
        officer_id: 'a1',
        issued_at: i % TICKETS,
        called_at: now,
        data: ticketData(i % TICKETS, 'called', windowId),
      });
      upsertWindow.run({
        id: windowId,
        officer_id: null,
        ticket_id: null,
        data: JSON.stringify({ id: windowId, holder: { officerId: 'a1', since: now }, ticketId, pause: null }),
      });
      insertRequest.run(`raw-${i}`, 'window:call-next', 'officer:a1', now, JSON.stringify({ ticketId, windowId }));
    });

    const t0 = performance.now();
    const until = t0 + seconds * 1000;
    const durations: number[] = [];
    let tx = 0;
    let now = t0;
    while (tx < maxTx && now < until) {
      callNext.immediate(tx++);
      const after = performance.now();
      durations.push(after - now);
      now = after;
    }
    const elapsed = (now - t0) / 1000;
    return { txPerSec: tx / elapsed, tx, payloadBytes, p50: percentile(durations, 50), p99: percentile(durations, 99) };
  } finally {
    db.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
