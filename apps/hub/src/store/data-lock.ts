import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';

/** Who holds a data directory, as the holder wrote it beside the lock. */
export interface LockHolder {
  pid: number;
  host: string;
  startedAt: number;
  url?: string;
}

export class DataDirLocked extends Error {
  constructor(
    readonly dir: string,
    readonly holder: LockHolder | null,
  ) {
    const at = holder === null ? '' : new Date(holder.startedAt).toISOString().slice(0, 19).replace('T', ' ');
    const zh =
      holder === null
        ? ''
        : `（进程 ${holder.pid}，主机 ${holder.host}，启动于 ${at} UTC${holder.url === undefined ? '' : `，地址 ${holder.url}`}）`;
    const en =
      holder === null
        ? ''
        : ` (pid ${holder.pid} on ${holder.host}, started ${at} UTC${holder.url === undefined ? '' : `, ${holder.url}`})`;
    super(
      `数据目录 ${dir} 正被另一个一窗服务使用${zh}；同一数据目录只能运行一个服务，请先停止它。 / ` +
        `The data directory ${dir} is in use by another hub${en}: stop it first; one hub per data directory.`,
    );
  }
}

export interface DataLock {
  /** Records the URL the hub listens on, for the message a second hub prints. */
  announce: (url: string) => void;
  release: () => void;
}

const LOCK_FILE = 'hub.lock';
const HOLDER_FILE = 'hub.holder.json';

/**
 * One hub per data directory. The lock is an exclusive SQLite lock (a POSIX file lock) on
 * `DIR/hub.lock`, held for the life of the process: the operating system drops it when the process
 * ends, even by SIGKILL, so there is never a stale lock to clean up. `DIR/hub.holder.json` says who
 * holds it, for the message a second hub prints.
 */
export function lockDataDir(dir: string, info: { pid?: number } = {}): DataLock {
  mkdirSync(dir, { recursive: true });
  const db = new Database(join(dir, LOCK_FILE), { timeout: 0 });
  try {
    db.pragma('locking_mode = EXCLUSIVE');
    db.pragma('journal_mode = DELETE');
    // The first write takes the exclusive lock, which EXCLUSIVE mode never gives back until close.
    db.exec('CREATE TABLE IF NOT EXISTS lock (id INTEGER PRIMARY KEY, at INTEGER NOT NULL)');
    db.prepare('INSERT OR REPLACE INTO lock (id, at) VALUES (1, ?)').run(Date.now());
  } catch (err) {
    db.close();
    if ((err as { code?: string }).code === 'SQLITE_BUSY') throw new DataDirLocked(dir, readHolder(dir));
    throw err;
  }
  const holder: LockHolder = { pid: info.pid ?? process.pid, host: hostname(), startedAt: Date.now() };
  const write = (h: LockHolder): void => writeFileSync(join(dir, HOLDER_FILE), JSON.stringify(h));
  write(holder);
  return {
    announce: (url) => write({ ...holder, url }),
    release: () => db.close(),
  };
}

function readHolder(dir: string): LockHolder | null {
  try {
    const h = JSON.parse(readFileSync(join(dir, HOLDER_FILE), 'utf8')) as Partial<LockHolder>;
    return typeof h.pid === 'number' && typeof h.host === 'string' && typeof h.startedAt === 'number'
      ? { pid: h.pid, host: h.host, startedAt: h.startedAt, ...(typeof h.url === 'string' ? { url: h.url } : {}) }
      : null;
  } catch {
    return null;
  }
}
