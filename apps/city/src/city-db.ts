import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';

/** What a query or a transaction can do: the same SQL (`$1` parameters) runs on PGlite and on PostgreSQL. */
export interface Queryable {
  query<T = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<T[]>;
  /** Several statements, no parameters (schema, scratch tables). */
  exec(sql: string): Promise<void>;
}

export interface CityDb extends Queryable {
  readonly engine: 'pglite' | 'postgres';
  /** Runs fn in one transaction: committed if it resolves, rolled back if it throws. */
  transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

const INT8 = 20;
const toNumber = (v: string): number => Number(v);

/** Embedded PostgreSQL (WASM): a data folder, or in memory when dataDir is undefined. */
export async function openPglite(dataDir?: string): Promise<CityDb> {
  const db = await PGlite.create(dataDir, { parsers: { [INT8]: toNumber } });
  const wrap = (q: { query: PGlite['query']; exec: PGlite['exec'] }): Queryable => ({
    query: async <T>(sql: string, params?: unknown[]) => (await q.query<T>(sql, params)).rows,
    exec: async (sql: string) => void (await q.exec(sql)),
  });
  const base = wrap(db);
  return {
    engine: 'pglite',
    ...base,
    transaction: (fn) => db.transaction((tx) => fn(wrap(tx))),
    close: () => db.close(),
  };
}

/** A PostgreSQL server through node-postgres (`postgres://user@host:port/db`). */
export async function openPostgres(url: string): Promise<CityDb> {
  const pool = new pg.Pool({
    connectionString: url,
    max: 4,
    types: {
      // bigint columns hold epoch milliseconds and seqs: safe integers, read as numbers like PGlite does.
      getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
        oid === INT8
          ? toNumber
          : (pg.types.getTypeParser(oid, format) as unknown)) as pg.CustomTypesConfig['getTypeParser'],
    },
  });
  // A server restart or a dropped connection ends an idle client: the pool replaces it (the error is
  // not thrown into the process); a query on a lost connection fails and its request answers 503.
  pool.on('error', (e) => console.warn(`PostgreSQL 连接断开 / connection lost: ${e.message}`));
  // Fails fast on a wrong address instead of at the first request.
  const probe = await pool.connect();
  probe.release();
  const wrap = (c: pg.Pool | pg.PoolClient): Queryable => ({
    query: async <T>(sql: string, params?: unknown[]) => (await c.query(sql, params)).rows as T[],
    exec: async (sql: string) => void (await c.query(sql)),
  });
  return {
    engine: 'postgres',
    ...wrap(pool),
    transaction: async (fn) => {
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        const out = await fn(wrap(client));
        await client.query('COMMIT');
        return out;
      } catch (e) {
        await client.query('ROLLBACK').catch(() => undefined);
        throw e;
      } finally {
        client.release();
      }
    },
    close: () => pool.end(),
  };
}

/** `postgres://…` opens a server; anything else is a PGlite data folder (undefined: in memory). */
export function openCityDb(target: { pg?: string; dataDir?: string }): Promise<CityDb> {
  return target.pg !== undefined ? openPostgres(target.pg) : openPglite(target.dataDir);
}
