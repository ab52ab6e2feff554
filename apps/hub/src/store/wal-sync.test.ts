import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openDb, type Db } from './open-db.ts';
import { WalSync } from './wal-sync.ts';

let dir = '';
let db: Db | null = null;
afterEach(() => {
  db?.close();
  db = null;
  rmSync(dir, { recursive: true, force: true });
});

describe('WalSync: the fsync of NORMAL commits off the main thread', () => {
  it('answers each commit once an fsync that began after it returned, in commit order, and settles when all are synced', async () => {
    dir = mkdtempSync(join(tmpdir(), 'yichuang-walsync-'));
    db = openDb(dir);
    const sync = new WalSync(db);
    expect(sync.available).toBe(true);
    db.pragma('synchronous = NORMAL');
    const order: number[] = [];
    const waits: Promise<void>[] = [];
    for (let i = 0; i < 50; i++) {
      db.prepare("INSERT INTO hall_meta (key, value) VALUES (?, '1')").run(`k${i}`);
      waits.push(sync.afterCommit().then(() => void order.push(i)));
    }
    // Nothing is confirmed before the event loop has let an fsync run.
    expect(order).toEqual([]);
    await sync.settled();
    await Promise.all(waits);
    expect(order).toEqual(Array.from({ length: 50 }, (_, i) => i));
    await expect(sync.settled()).resolves.toBeUndefined();
    sync.close();
  });

  it('is not available (commits then keep their own fsync) when there is no WAL file to sync', () => {
    dir = mkdtempSync(join(tmpdir(), 'yichuang-walsync-'));
    db = openDb(dir);
    const memory = new WalSync({ name: join(dir, 'missing.sqlite') } as Db);
    expect(memory.available).toBe(false);
  });
});
