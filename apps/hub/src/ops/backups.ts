import { mkdirSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Db } from '../store/open-db.ts';
import { checkDatabase } from './db-check.ts';

export interface BackupInfo {
  file: string;
  at: number;
  bytes: number;
  /** integrity_check of the copy: a backup that fails it is deleted, not kept. */
  ok: boolean;
  detail: string;
}

export interface BackupOptions {
  db: Db;
  dir: string;
  clock: () => number;
  log: (line: string) => void;
  /** How many backups to keep (oldest deleted first). Default 30. */
  keep?: number;
  /** Minutes between scheduled backups; 0: only on demand and at day rollover. Default 240. */
  everyMinutes?: number;
}

const NAME = /^yichuang-(\d{8}-\d{6})\.sqlite$/;

function stamp(at: number): string {
  const d = new Date(at);
  const p = (n: number): string => String(n).padStart(2, '0');
  return `${d.getUTCFullYear()}${p(d.getUTCMonth() + 1)}${p(d.getUTCDate())}-${p(d.getUTCHours())}${p(d.getUTCMinutes())}${p(d.getUTCSeconds())}`;
}

/**
 * Online backups with SQLite's backup API (a consistent copy while the hub keeps committing), each
 * copy checked with integrity_check before it counts; on a schedule, at day rollover and on demand.
 * Restore: `npm run restore -- --data DIR --from FILE` with the hub stopped (see README).
 */
export class Backups {
  private readonly o: BackupOptions;
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<BackupInfo> | null = null;
  private last: BackupInfo | null = null;

  constructor(o: BackupOptions) {
    this.o = o;
    mkdirSync(o.dir, { recursive: true });
    const every = o.everyMinutes ?? 240;
    if (every > 0) {
      this.timer = setInterval(() => void this.backupNow().catch(() => undefined), every * 60_000);
      this.timer.unref();
    }
  }

  /** The last checked backup of this run, else the newest file in the folder. */
  lastSuccess(): number | null {
    if (this.last?.ok === true) return this.last.at;
    const newest = this.list()[0];
    return newest === undefined ? null : newest.at;
  }

  list(): { file: string; at: number; bytes: number }[] {
    return readdirSync(this.o.dir)
      .filter((f) => NAME.test(f))
      .sort()
      .reverse()
      .map((f) => {
        const s = statSync(join(this.o.dir, f));
        return { file: join(this.o.dir, f), at: s.mtimeMs, bytes: s.size };
      });
  }

  /** One backup at a time: a second call while one runs gets the same one. */
  backupNow(): Promise<BackupInfo> {
    this.running ??= this.run().finally(() => {
      this.running = null;
    });
    return this.running;
  }

  /** No more backups; resolves once one that is under way has finished (it reads the live database). */
  async stop(): Promise<void> {
    if (this.timer !== null) clearInterval(this.timer);
    this.timer = null;
    await this.running?.catch(() => undefined);
  }

  private async run(): Promise<BackupInfo> {
    const at = this.o.clock();
    const file = join(this.o.dir, `yichuang-${stamp(at)}.sqlite`);
    const partial = `${file}.partial`;
    try {
      await this.o.db.backup(partial);
    } catch (err) {
      rmSync(partial, { force: true });
      this.o.log(`backup failed: ${(err as Error).message}`);
      throw err;
    }
    const check = await checkDatabase(partial);
    if (!check.ok) {
      rmSync(partial, { force: true });
      this.o.log(`backup discarded, integrity_check failed: ${check.detail}`);
      this.last = { file, at, bytes: 0, ok: false, detail: check.detail };
      return this.last;
    }
    renameSync(partial, file);
    this.prune();
    this.last = { file, at, bytes: statSync(file).size, ok: true, detail: 'ok' };
    this.o.log(`backup ${file} (${Math.round(this.last.bytes / 1024)} KB) checked ok`);
    return this.last;
  }

  private prune(): void {
    for (const old of this.list().slice(this.o.keep ?? 30)) rmSync(old.file, { force: true });
  }
}
