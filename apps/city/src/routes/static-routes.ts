import { existsSync, readFileSync, statSync } from 'node:fs';
import { extname, join, normalize, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { HttpError, type Route } from '../http/http-kit.ts';

/** The built city console (apps/city-console/dist, made by `npm run build`). */
export const CONSOLE_DIST = fileURLToPath(new URL('../../../city-console/dist/', import.meta.url));

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.json': 'application/json; charset=utf-8',
};

/** GET /city/…: the console's files; any other path under /city/ is the app (index.html). */
export const staticRoutes: Route[] = [
  {
    method: 'GET',
    path: '/city/*',
    handle: (ctx) => {
      const rest = ctx.params['*'] ?? '';
      if (rest.startsWith('api/')) throw new HttpError(404, 'NOT_FOUND', '没有该地址 / no such route');
      if (!existsSync(join(CONSOLE_DIST, 'index.html')))
        throw new HttpError(
          503,
          'CONSOLE_NOT_BUILT',
          '城市控制台尚未构建，请先运行 npm run build / run npm run build first',
        );
      let decoded: string;
      try {
        decoded = decodeURIComponent(rest);
      } catch {
        throw new HttpError(400, 'BAD_REQUEST', '地址无效 / bad path');
      }
      const file = normalize(join(CONSOLE_DIST, decoded));
      const inside = file.startsWith(CONSOLE_DIST.endsWith(sep) ? CONSOLE_DIST : CONSOLE_DIST + sep);
      const isFile = inside && decoded !== '' && existsSync(file) && statSync(file).isFile();
      const target = isFile ? file : join(CONSOLE_DIST, 'index.html');
      const body = readFileSync(target);
      ctx.res.writeHead(200, {
        'content-type': TYPES[extname(target)] ?? 'application/octet-stream',
        'content-length': body.length,
        // Built assets carry a hash in their names; the page itself is always fetched fresh.
        'cache-control': isFile && decoded.startsWith('assets/') ? 'public, max-age=31536000, immutable' : 'no-cache',
        'x-content-type-options': 'nosniff',
        'referrer-policy': 'no-referrer',
      });
      ctx.res.end(body);
      return Promise.resolve();
    },
  },
];
