import type { IncomingMessage, ServerResponse } from 'node:http';
import type { CityDb } from '../city-db.ts';
import type { CityConfig } from '../city-config.ts';
import type { LoginThrottle, StaffSessions } from './staff-sessions.ts';

/** A refusal with its HTTP status, answered as `{ error: { code, message } }`. */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

/** Largest request body: 1000 events of a few KB each. */
export const MAX_BODY = 4 * 1024 * 1024;

/** What every route handler gets: the city's parts and the request. */
export interface CityContext {
  db: CityDb;
  config: CityConfig;
  clock: () => number;
  log: (line: string) => void;
  /** Console sessions and the failed-login throttle (in memory: a restart signs everyone out). */
  sessions: StaffSessions;
  throttle: LoginThrottle;
  req: IncomingMessage;
  res: ServerResponse;
  /** The request's URL (path and query string) against the city's origin. */
  url: URL;
  /** Named parts of a pattern route (`:id`). */
  params: Record<string, string>;
}

export interface Route {
  method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  /** `/city/api/halls/:hallId`: `:name` matches one path segment. */
  path: string;
  handle(ctx: CityContext): Promise<void>;
}

export function sendJson(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(text),
    'cache-control': 'no-store',
  });
  res.end(text);
}

/** The body as JSON, refused over `limit` bytes (413) or when it does not parse (400). */
export function readJsonBody(req: IncomingMessage, limit = MAX_BODY): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > limit) {
        reject(new HttpError(413, 'BODY_TOO_LARGE', `请求过大 / body over ${Math.round(limit / 1024)} KB`));
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

export const bearerOf = (req: IncomingMessage): string => {
  const h = req.headers.authorization ?? '';
  return h.startsWith('Bearer ') ? h.slice(7).trim() : '';
};

/** Matches `/a/:b/c` (or `/a/*`: anything below /a/, as `*`) against a path; the named parts, or null. */
export function matchPath(pattern: string, path: string): Record<string, string> | null {
  if (pattern.endsWith('/*')) {
    const base = pattern.slice(0, -1);
    return path.startsWith(base) ? { '*': path.slice(base.length) } : null;
  }
  const want = pattern.split('/');
  const got = path.split('/');
  if (want.length !== got.length) return null;
  const params: Record<string, string> = {};
  for (let i = 0; i < want.length; i++) {
    const w = want[i]!;
    const g = got[i]!;
    if (w.startsWith(':')) {
      if (g === '') return null;
      try {
        params[w.slice(1)] = decodeURIComponent(g);
      } catch {
        return null;
      }
    } else if (w !== g) return null;
  }
  return params;
}
