import { fail, type DomainError } from '@yichuang/protocol';
import { SchemaTooNewError } from './migrate.ts';
import { DataDirLocked } from './data-lock.ts';

/** What went wrong with the disk or the database file, from an SQLite or file-system error. */
export type StorageFault = 'full' | 'io' | 'corrupt' | 'not-a-database' | 'read-only' | 'busy' | 'cannot-open';

export function storageFault(err: unknown): StorageFault | null {
  const code = (err as { code?: unknown } | null)?.code;
  if (typeof code !== 'string') return null;
  if (code === 'SQLITE_FULL' || code === 'ENOSPC' || code === 'EDQUOT') return 'full';
  if (code === 'SQLITE_NOTADB') return 'not-a-database';
  if (code.startsWith('SQLITE_CORRUPT')) return 'corrupt';
  if (code.startsWith('SQLITE_READONLY') || code === 'EROFS' || code === 'EACCES' || code === 'EPERM')
    return 'read-only';
  if (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED')) return 'busy';
  if (code.startsWith('SQLITE_CANTOPEN')) return 'cannot-open';
  if (code.startsWith('SQLITE_IOERR') || code === 'EIO') return 'io';
  return null;
}

const RUNNING: Record<StorageFault, string> = {
  full: '磁盘空间不足，未能保存，请联系管理员清理磁盘后重试 / disk full: nothing was saved; free disk space and retry',
  io: '存储读写故障，未能保存，请稍后重试 / storage I/O error: nothing was saved; retry shortly',
  corrupt:
    '数据库文件损坏，未能保存，请联系管理员 / the database is damaged: nothing was saved; call the administrator',
  'not-a-database':
    '数据库文件损坏，未能保存，请联系管理员 / the database is damaged: nothing was saved; call the administrator',
  'read-only': '数据目录不可写，未能保存 / the data directory is read-only: nothing was saved',
  busy: '数据库繁忙，未能保存，请重试 / the database is busy: nothing was saved; retry',
  'cannot-open': '无法打开数据库，未能保存 / cannot open the database: nothing was saved',
};

/** A storage failure while running, as the API's error: 503 STORAGE_UNAVAILABLE (the client may retry). */
export function storageUnavailable(err: unknown): DomainError {
  return fail('STORAGE_UNAVAILABLE', RUNNING[storageFault(err) ?? 'io']);
}

/** The database holds rows that cannot be read back (a damaged payload): named by table and key. */
export class DamagedRowsError extends Error {
  constructor(readonly rows: string[]) {
    super(`damaged rows: ${rows.join(', ')}`);
  }
}

/**
 * Why the hub refuses to start, in one Chinese / English sentence with what to do; never a stack.
 * `dir` is the data directory.
 */
export function explainStartupError(err: unknown, dir: string): string {
  const restore = `请用 npm run restore -- --data ${dir} 从备份恢复 / restore from a backup with npm run restore -- --data ${dir}`;
  if (err instanceof DataDirLocked || err instanceof SchemaTooNewError) return err.message;
  if (err instanceof DamagedRowsError)
    return `数据库中有损坏的记录（${err.rows.slice(0, 5).join('，')}），一窗服务拒绝启动；${restore}。 / The database holds damaged rows (${err.rows.slice(0, 5).join(', ')}); the hub will not start on it.`;
  const fault = storageFault(err);
  const detail = err instanceof Error ? err.message : String(err);
  switch (fault) {
    case 'full':
      return `磁盘空间不足，一窗服务无法启动：请清理 ${dir} 所在磁盘后重试。 / Disk full: free space on the disk holding ${dir} and start again (${detail}).`;
    case 'not-a-database':
    case 'corrupt':
      return `数据库文件 ${dir}/yichuang.sqlite 已损坏（${detail}），一窗服务拒绝启动；${restore}。 / The database file is damaged; the hub will not start on it.`;
    case 'read-only':
      return `数据目录 ${dir} 不可写（${detail}）：请检查权限或磁盘。 / The data directory ${dir} is not writable: check its permissions and the disk.`;
    case 'busy':
      return `数据库 ${dir}/yichuang.sqlite 正被其他程序锁定（${detail}）：请关闭占用它的程序后重试。 / The database is locked by another program: close it and start again.`;
    case 'cannot-open':
      return `无法打开数据库 ${dir}/yichuang.sqlite（${detail}）：请检查数据目录。 / Cannot open the database in ${dir}: check the data directory.`;
    case 'io':
      return `读写数据库时出现磁盘故障（${detail}）：请检查磁盘；必要时${restore}。 / Disk I/O error on the database: check the disk.`;
    default:
      return `一窗服务启动失败：${detail} / The hub could not start: ${detail}`;
  }
}
