import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPglite } from '../../apps/city/src/city-db.ts';
import type { HaochaBatch } from '../../apps/city/src/haocha/haocha-batch.ts';
import { prepareCity } from '../../apps/city/src/ingest.ts';

/** `npm run city -- haocha-export` as a real process on a PGlite data directory. */
const run = promisify(execFile);
const dir = mkdtempSync(join(tmpdir(), 'city-haocha-export-'));
const CLI = join(process.cwd(), 'apps/city/src/cli.ts');
const TSX = join(process.cwd(), 'node_modules/.bin/tsx');

async function exportBatch(...args: string[]): Promise<{ stdout: string; stderr: string }> {
  return run(TSX, [CLI, 'haocha-export', '--data', dir, ...args], { timeout: 120_000 });
}

beforeAll(async () => {
  const db = await openPglite(join(dir, 'pglite'));
  await prepareCity(db, []);
  for (let seq = 1; seq <= 5; seq++) {
    await db.query(
      `INSERT INTO city_ratings (hall_id, seq, ticket_id, level, reason, via, window_id, officer_id, at)
       VALUES ('hall-x', $1, $2, $3, $4, 'rater', 'w1', 'a1', $5)`,
      [seq, `t${seq}`, seq, seq <= 2 ? 'waited-long' : null, 1_780_000_000_000 + seq * 60_000],
    );
  }
  await db.close();
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('haocha-export', () => {
  it('exports the pending batch again unchanged until --mark-sent, then has nothing left', async () => {
    const first = JSON.parse((await exportBatch()).stdout) as HaochaBatch;
    expect(first.count).toBe(5);
    expect(first.records.map((r) => r.evaluationId)).toEqual([
      'hall-x-1',
      'hall-x-2',
      'hall-x-3',
      'hall-x-4',
      'hall-x-5',
    ]);
    // Not marked: the same batch (same id, same records) comes out again, not a new one.
    const out = join(dir, 'batch.csv');
    await exportBatch('--format', 'csv', '--out', out);
    const csv = readFileSync(out, 'utf8');
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    const lines = csv.trim().split('\r\n');
    expect(lines).toHaveLength(1 + 5);
    for (const r of first.records) expect(csv).toContain(r.evaluationId);
    const again = JSON.parse((await exportBatch('--mark-sent')).stdout) as HaochaBatch;
    expect(again).toEqual(first);
    // Marked: every rating is in a batch now.
    const after = await exportBatch();
    expect(after.stdout).toBe('');
    expect(after.stderr).toContain('every rating is in a batch already');
    const db = await openPglite(join(dir, 'pglite'));
    const rows = await db.query<{ id: string; status: string; n: number }>(
      `SELECT b.id, b.status, count(i.seq)::int AS n FROM haocha_batches b JOIN haocha_items i ON i.batch_id = b.id GROUP BY b.id, b.status`,
    );
    await db.close();
    expect(rows).toEqual([{ id: first.batchId, status: 'exported', n: 5 }]);
  }, 300_000);
});
