import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { loadMigrations, migrate, SchemaTooNewError } from './migrate.ts';
import { openDb } from './open-db.ts';

const dirs: string[] = [];
const tempDir = (): string => {
  const d = mkdtempSync(join(tmpdir(), 'yichuang-mig-'));
  dirs.push(d);
  return d;
};
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

describe('migrations', () => {
  it('numbers files from 001 without gaps', () => {
    const versions = loadMigrations().map((m) => m.version);
    expect(versions).toEqual(versions.map((_, i) => i + 1));
  });

  it('bring a fresh database to the newest version with WAL and synchronous=FULL', () => {
    const db = openDb(tempDir());
    expect(db.pragma('user_version', { simple: true })).toBe(loadMigrations().at(-1)?.version);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('synchronous', { simple: true })).toBe(2);
    const tables = (
      db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").all() as { name: string }[]
    ).map((r) => r.name);
    expect(tables).toEqual([
      'alerts',
      'appointment_contacts',
      'appointments',
      'case_contacts',
      'cases',
      'complaint_contacts',
      'complaints',
      'config_versions',
      'events',
      'followups',
      'guide_contacts',
      'hall_meta',
      'login_throttle',
      'notice_prints',
      'notices',
      'notify_outbox',
      'ratings',
      'refusals',
      'requests',
      'slip_prints',
      'ticket_contacts',
      'tickets',
      'tokens',
      'windows',
    ]);
    db.close();
  });

  it('001 makes STRICT tables that refuse a wrongly typed value', () => {
    const db = openDb(tempDir());
    expect(() =>
      db.prepare("INSERT INTO events (at, type, actor, payload) VALUES ('soon', 'x', 'y', '{}')").run(),
    ).toThrow();
    db.close();
  });

  it('002 takes a version-1 database with a day of events to the notice and rating tables, keeping the log', () => {
    const db = new Database(join(tempDir(), 'v1.sqlite'));
    const all = loadMigrations();
    migrate(db, all.slice(0, 1));
    db.prepare("INSERT INTO events (at, type, actor, payload) VALUES (1, 'hall:day-started', 'system', '{}')").run();
    migrate(db, all.slice(0, 2));
    expect(db.pragma('user_version', { simple: true })).toBe(2);
    expect(db.prepare('SELECT COUNT(*) AS n FROM events').get()).toEqual({ n: 1 });
    const cols = (table: string): string[] =>
      (db.prepare(`SELECT name FROM pragma_table_info('${table}')`).all() as { name: string }[]).map((r) => r.name);
    expect(cols('notices')).toContain('no');
    expect(cols('ratings')).toEqual(expect.arrayContaining(['day', 'ticket_number', 'via']));
    expect(() =>
      db
        .prepare(
          "INSERT INTO ratings (ticket_id, day, ticket_number, window_id, officer_id, level, via, at) VALUES ('t', 'd', 'A1', 'w', 'o', 6, 'pad', 0)",
        )
        .run(),
    ).toThrow(/CHECK/);
    db.close();
  });

  it('003 adds config versions and alerts with their checks', () => {
    const db = openDb(tempDir());
    const insert = db.prepare(
      "INSERT INTO config_versions (version, at, actor, source, file_hash, config) VALUES (1, 0, 'system', ?, 'h', '{}')",
    );
    expect(() => insert.run('elsewhere')).toThrow(/CHECK/);
    insert.run('file');
    expect(() =>
      db
        .prepare(
          "INSERT INTO alerts (id, day, kind, severity, subject, message, raised_at) VALUES ('a', 'd', 'k', 'loud', 's', 'm', 0)",
        )
        .run(),
    ).toThrow(/CHECK/);
    db.close();
  });

  it('005 keeps failed logins by key with their lock, one row per key', () => {
    const db = openDb(tempDir());
    const insert = db.prepare(
      'INSERT INTO login_throttle (key, failures, last_failure_at, locked_until) VALUES (?, ?, ?, ?)',
    );
    insert.run('pair:m1@10.0.0.2', 5, 1000, 61_000);
    expect(() => insert.run('pair:m1@10.0.0.2', 1, 2000, 0)).toThrow(/UNIQUE|PRIMARY/);
    expect(() => insert.run('addr:10.0.0.2', 'five', 1000, 0)).toThrow();
    db.close();
  });

  it('006 keeps one clear contact per appointment code, apart from the log', () => {
    const db = openDb(tempDir());
    const insert = db.prepare(
      'INSERT INTO appointment_contacts (code, name, phone, day, created_at) VALUES (?, ?, ?, ?, ?)',
    );
    insert.run('ABC234', '张三', '13812345678', '2026-12-07', 1000);
    expect(() => insert.run('ABC234', '李四', '13912345678', '2026-12-07', 2000)).toThrow(/UNIQUE|PRIMARY/);
    expect(() => insert.run('XYZ789', null, '13912345678', '2026-12-07', 2000)).toThrow(/NOT NULL/);
    db.close();
  });

  it('007 keeps the notify outbox (one row per dedupe key, known statuses, JSON params) and ticket contacts', () => {
    const db = openDb(tempDir());
    const insert = db.prepare(
      'INSERT INTO notify_outbox (dedupe_key, channel, phone, template, params, status, next_at, created_at) VALUES (?, ?, ?, ?, ?, ?, 0, 0)',
    );
    insert.run('t1:called:5', 'sms', '13812345678', 'called', '{"number":"A001"}', 'queued');
    expect(() => insert.run('t1:called:5', 'sms', '13812345678', 'called', '{}', 'queued')).toThrow(/UNIQUE/);
    expect(() => insert.run('t1:called:6', 'sms', '13812345678', 'called', '{}', 'lost')).toThrow(/CHECK/);
    expect(() => insert.run('t1:called:7', 'fax', '13812345678', 'called', '{}', 'queued')).toThrow(/CHECK/);
    expect(() => insert.run('t1:called:8', 'sms', '13812345678', 'called', 'not json', 'queued')).toThrow(/CHECK/);
    expect(db.prepare('SELECT attempts, sent_at FROM notify_outbox').get()).toEqual({ attempts: 0, sent_at: null });
    const contact = db.prepare(
      'INSERT INTO ticket_contacts (ticket_id, phone, channel, created_at) VALUES (?, ?, ?, ?)',
    );
    contact.run('t1', '13812345678', 'sms', 0);
    expect(() => contact.run('t1', '13912345678', 'sms', 0)).toThrow(/UNIQUE|PRIMARY/);
    expect(() => contact.run('t2', '13912345678', 'sms', 'today')).toThrow();
    db.close();
  });

  it('009 keeps the print history of receipts and refusal notices, with known kinds and flags', () => {
    const db = openDb(tempDir());
    const insert = db.prepare(
      'INSERT INTO slip_prints (kind, slip_id, at, printer_id, ok, reprint, error) VALUES (?, ?, ?, ?, ?, ?, ?)',
    );
    insert.run('receipt', 'c1', 1000, 'p1', 1, 0, null);
    insert.run('receipt', 'c1', 2000, null, 0, 1, 'no-printer: window w2 has no printer');
    insert.run('refusal', 'r1', 1000, 'p1', 1, 0, null);
    expect(() => insert.run('notice', 'n1', 1000, 'p1', 1, 0, null)).toThrow(/CHECK/);
    expect(() => insert.run('receipt', 'c1', 1000, 'p1', 2, 0, null)).toThrow(/CHECK/);
    expect(() => insert.run('receipt', 'c1', 'now', 'p1', 1, 0, null)).toThrow();
    expect(db.prepare("SELECT COUNT(*) AS n FROM slip_prints WHERE kind = 'receipt' AND slip_id = 'c1'").get()).toEqual(
      {
        n: 2,
      },
    );
    db.close();
  });

  it('011 keeps one clear guide contact per ticket, with a number for created_at', () => {
    const db = openDb(tempDir());
    const insert = db.prepare(
      'INSERT INTO guide_contacts (ticket_id, name, phone, day, officer_id, created_at) VALUES (?, ?, ?, ?, ?, ?)',
    );
    insert.run('t1', '张三', '13812345678', '2026-03-02', 'g1', 0);
    expect(() => insert.run('t1', '李四', '', '2026-03-02', 'g1', 0)).toThrow(/UNIQUE|PRIMARY/);
    expect(() => insert.run('t2', '李四', '', '2026-03-02', 'g1', 'now')).toThrow();
    db.close();
  });

  it('010 keeps complaints and follow-ups with known channels and statuses, one follow-up per ticket', () => {
    const db = openDb(tempDir());
    const complaint = db.prepare(
      "INSERT INTO complaints (id, day, received_at, channel, status, data) VALUES (?, '2026-11-23', 0, ?, ?, '{}')",
    );
    complaint.run('c1', 'hotline', 'open');
    expect(() => complaint.run('c2', 'fax', 'open')).toThrow(/CHECK/);
    expect(() => complaint.run('c3', 'letter', 'pending')).toThrow(/CHECK/);
    const followUp = db.prepare(
      "INSERT INTO followups (id, ticket_id, day, opened_at, window_id, officer_id, status, data) VALUES (?, ?, '2026-11-23', 0, 'w1', 'o1', 'open', '{}')",
    );
    followUp.run('f1', 't1');
    expect(() => followUp.run('f2', 't1')).toThrow(/UNIQUE/);
    db.close();
  });

  it('running again changes nothing', () => {
    const dir = tempDir();
    openDb(dir).close();
    const db = openDb(dir);
    expect(migrate(db)).toBe(loadMigrations().at(-1)?.version);
    db.close();
  });

  it('refuses a database from a newer schema with a clear message, and leaves it untouched', () => {
    const dir = tempDir();
    const raw = new Database(join(dir, 'yichuang.sqlite'));
    raw.pragma('user_version = 99');
    raw.close();
    expect(() => openDb(dir)).toThrow(SchemaTooNewError);
    expect(() => openDb(dir)).toThrow(/newer than this hub/);
    const again = new Database(join(dir, 'yichuang.sqlite'));
    expect(again.pragma('user_version', { simple: true })).toBe(99);
    again.close();
  });

  it('a failing migration rolls back whole', () => {
    const db = new Database(join(tempDir(), 'x.sqlite'));
    const bad = [
      { version: 1, name: '001_ok.sql', sql: 'CREATE TABLE a (x INTEGER) STRICT;' },
      { version: 2, name: '002_bad.sql', sql: 'CREATE TABLE b (y INTEGER) STRICT; INSERT INTO nowhere VALUES (1);' },
    ];
    expect(() => migrate(db, bad)).toThrow();
    expect(db.pragma('user_version', { simple: true })).toBe(1);
    expect(db.prepare("SELECT name FROM sqlite_master WHERE name = 'b'").get()).toBeUndefined();
    db.close();
  });
});
