import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { CityDb } from './city-db.ts';
import type { CityConfig } from './city-config.ts';
import { hashKey, ingest, ingestBodySchema, keyMatches } from './ingest.ts';

/** Largest ingest body: 1000 events of a few KB each. */
export const MAX_BODY = 4 * 1024 * 1024;

export interface CityServer {
  server: Server;
  listen(port: number, host?: string): Promise<string>;
  close(): Promise<void>;
}

class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

function send(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(text),
  });
  res.end(text);
}

function readBody(req: IncomingMessage): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > MAX_BODY) {
        reject(new HttpError(413, 'BODY_TOO_LARGE', '请求过大 / body over 4 MB'));
        req.destroy();
        return;
      }
      chunks.push(c);
    });
    req.on('end', () => {
      try {
        resolve(JSON.parse(Buffer.concat(chunks).toString('utf8')));
      } catch {
        reject(new HttpError(400, 'BAD_JSON', '请求不是有效的 JSON / body is not JSON'));
      }
    });
    req.on('error', reject);
  });
}

const bearer = (req: IncomingMessage): string => {
  const h = req.headers.authorization ?? '';
  return h.startsWith('Bearer ') ? h.slice(7).trim() : '';
};

/** The city's HTTP API: halls push their logs, staff read the halls' state. Never writes to a hall. */
export function createCityServer(opts: {
  db: CityDb;
  config: CityConfig;
  clock?: () => number;
  log?: (line: string) => void;
}): CityServer {
  const clock = opts.clock ?? Date.now;
  const log = opts.log ?? ((l: string) => console.log(l));
  const halls = new Map(opts.config.halls.map((h) => [h.id, h]));
  const staff = new Map(opts.config.staff.map((s) => [s.tokenHash, s]));

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const path = (req.url ?? '/').split('?')[0];
    if (req.method === 'GET' && path === '/city/api/health')
      return send(res, 200, { ok: true, engine: opts.db.engine });
    if (req.method === 'POST' && path === '/city/api/ingest') {
      const raw = await readBody(req);
      const parsed = ingestBodySchema.safeParse(raw);
      if (!parsed.success)
        throw new HttpError(400, 'BAD_REQUEST', `批次格式错误 / bad batch: ${parsed.error.issues[0]?.message ?? ''}`);
      const hall = halls.get(parsed.data.hallId);
      if (hall === undefined || !keyMatches(bearer(req), hall.keyHash))
        throw new HttpError(401, 'BAD_HALL_KEY', '大厅密钥无效 / unknown hall or wrong hall key');
      const out = await ingest(opts.db, parsed.data, clock());
      if (!out.ok && out.code === 'LOG_MISMATCH') {
        log(`大厅 ${parsed.data.hallId} 的事件 ${out.seq} 与城市已存的不同 / hall log mismatch at seq ${out.seq}`);
        throw new HttpError(
          409,
          out.code,
          `事件 ${out.seq} 与城市已存的不同（大厅数据库是否重建？）/ event ${out.seq} differs from the one the city holds (was the hall's database started afresh?)`,
        );
      }
      if (!out.ok) throw new HttpError(404, out.code, '城市库中没有该大厅 / hall not in the city database');
      return send(res, 200, { ackSeq: out.ackSeq });
    }
    if (req.method === 'GET' && path === '/city/api/halls') {
      const who = staff.get(hashKey(bearer(req)));
      if (who === undefined) throw new HttpError(401, 'UNAUTHORIZED', '需要城市工作人员令牌 / city staff token needed');
      const rows = await opts.db.query<Record<string, unknown>>(
        `SELECT h.hall_id, h.name, h.acked_seq, h.last_heard_at, h.last_at, l.day, l.waiting, l.longest_wait_since,
                (SELECT count(*)::int FROM city_windows w WHERE w.hall_id = h.hall_id AND w.officer_id IS NOT NULL) AS staffed,
                (SELECT count(*)::int FROM city_windows w WHERE w.hall_id = h.hall_id AND w.paused) AS paused,
                (SELECT count(*)::int FROM city_windows w WHERE w.hall_id = h.hall_id AND w.empty_since IS NOT NULL) AS empty_posts
           FROM halls h LEFT JOIN city_hall_live l ON l.hall_id = h.hall_id
          WHERE $1::text IS NULL OR h.hall_id = $1
          ORDER BY h.hall_id`,
        [who.hallId],
      );
      return send(res, 200, {
        halls: rows.map((r) => ({
          hallId: r.hall_id,
          name: r.name,
          ackedSeq: r.acked_seq,
          lastHeardAt: r.last_heard_at,
          lastEventAt: r.last_at,
          day: r.day ?? null,
          waiting: r.waiting ?? 0,
          longestWaitSince: r.longest_wait_since ?? null,
          windowsStaffed: r.staffed,
          windowsPaused: r.paused,
          emptyPosts: r.empty_posts,
        })),
      });
    }
    throw new HttpError(404, 'NOT_FOUND', '没有该地址 / no such route');
  };

  const server = createServer((req, res) => {
    handle(req, res).catch((e: unknown) => {
      if (e instanceof HttpError) return send(res, e.status, { error: { code: e.code, message: e.message } });
      log(`城市接口出错 / city request failed: ${e instanceof Error ? e.message : String(e)}`);
      send(res, 503, { error: { code: 'CITY_UNAVAILABLE', message: '城市库暂不可用 / city database unavailable' } });
    });
  });
  server.requestTimeout = 30_000;

  return {
    server,
    listen: (port, host = '127.0.0.1') =>
      new Promise((resolve, reject) => {
        server.once('error', reject);
        server.listen(port, host, () => resolve(`http://${host}:${(server.address() as AddressInfo).port}`));
      }),
    close: () =>
      new Promise((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
