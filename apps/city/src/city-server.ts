import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { CityDb } from './city-db.ts';
import type { CityConfig } from './city-config.ts';
import { HttpError, matchPath, sendJson, type CityContext, type Route } from './http/http-kit.ts';
import { LoginThrottle, StaffSessions } from './http/staff-sessions.ts';
import { ALL_ROUTES } from './routes/all-routes.ts';

export { MAX_BODY } from './http/http-kit.ts';

export interface CityServer {
  server: Server;
  listen(port: number, host?: string): Promise<string>;
  close(): Promise<void>;
}

/** The city's HTTP API: halls push their logs, staff read the halls' state. Never writes to a hall. */
export function createCityServer(opts: {
  db: CityDb;
  config: CityConfig;
  clock?: () => number;
  log?: (line: string) => void;
  routes?: Route[];
}): CityServer {
  const clock = opts.clock ?? Date.now;
  const log = opts.log ?? ((l: string) => console.log(l));
  const routes = opts.routes ?? ALL_ROUTES;
  const sessions = new StaffSessions(clock);
  const throttle = new LoginThrottle(clock);

  const server = createServer((req, res) => {
    let url: URL;
    try {
      url = new URL(req.url ?? '/', 'http://city.invalid');
    } catch {
      return sendJson(res, 400, { error: { code: 'BAD_REQUEST', message: '地址无效 / bad URL' } });
    }
    const run = async (): Promise<void> => {
      if (req.method === 'GET' && url.pathname === '/city/api/health')
        return sendJson(res, 200, { ok: true, engine: opts.db.engine });
      for (const r of routes) {
        if (r.method !== req.method) continue;
        const params = matchPath(r.path, url.pathname);
        if (params === null) continue;
        const ctx: CityContext = {
          db: opts.db,
          config: opts.config,
          clock,
          log,
          sessions,
          throttle,
          req,
          res,
          url,
          params,
        };
        return r.handle(ctx);
      }
      throw new HttpError(404, 'NOT_FOUND', '没有该地址 / no such route');
    };
    run().catch((e: unknown) => {
      if (res.headersSent) return void res.destroy();
      if (e instanceof HttpError) return sendJson(res, e.status, { error: { code: e.code, message: e.message } });
      log(`城市接口出错 / city request failed: ${e instanceof Error ? e.message : String(e)}`);
      sendJson(res, 503, {
        error: { code: 'CITY_UNAVAILABLE', message: '城市库暂不可用 / city database unavailable' },
      });
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
