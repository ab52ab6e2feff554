import { existsSync } from 'node:fs';
import { join } from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyReply } from 'fastify';
import { repoPath } from '../repo-path.ts';

/** Content-Security-Policy of the app pages: only the hub itself, no framing. */
export const APP_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "media-src 'self' blob: data:",
  "connect-src 'self' ws: wss:",
  "font-src 'self' data:",
  "frame-ancestors 'none'",
  "base-uri 'self'",
  "form-action 'self'",
].join('; ');

/**
 * The React apps the hub serves (built by `npm run build:apps`), each at its own path: `/<name>/`
 * unless `path` says otherwise. `pages` are further addresses served from one of the app's files.
 */
const APPS: { name: string; path?: string; pages: Record<string, string> }[] = [
  { name: 'kiosk', pages: {} },
  // The citizen's phone pages (/m/: hall, guide, booking), with the live ticket page the QR code opens.
  // Its client-side routes (apps/mobile/src/router.ts) load index.html when opened directly or reloaded.
  {
    name: 'mobile',
    path: 'm',
    pages: {
      '/t/:ticketId': 'ticket.html',
      '/m/guide': 'index.html',
      '/m/guide/:serviceId': 'index.html',
      '/m/book': 'index.html',
      '/m/book/:serviceId': 'index.html',
      '/m/booked/:code': 'index.html',
      '/m/mine': 'index.html',
      '/m/mine/:code/change': 'index.html',
      '/m/take': 'index.html',
      '/m/take/:serviceId': 'index.html',
      // 办件进度查询 (issue 17)
      '/m/progress': 'index.html',
      // 全城通办 (issue 18)
      '/m/city': 'index.html',
      '/m/city/:serviceId': 'index.html',
    },
  },
  // The counter-facing rating screen (好差评) of one window, on a small second screen.
  { name: 'counter', pages: { '/rate/:windowId': 'rate.html' } },
  { name: 'display', pages: {} },
  { name: 'manager', pages: {} },
  // The 导办 tablet at the hall's entrance (issue 17).
  { name: 'guide', pages: {} },
];

export function serveApps(app: FastifyInstance): void {
  app.addHook('onSend', async (req, reply, payload) => {
    reply.header('X-Content-Type-Options', 'nosniff');
    if (!req.url.startsWith('/api/')) {
      reply.header('Content-Security-Policy', APP_CSP);
      reply.header('X-Frame-Options', 'DENY');
      reply.header('Referrer-Policy', 'no-referrer');
    }
    return payload;
  });

  let first = true;
  for (const { name, path = name, pages } of APPS) {
    const root = repoPath(`apps/${name}/dist/`);
    if (!existsSync(join(root, 'index.html'))) {
      const notBuilt = (_req: unknown, reply: FastifyReply): FastifyReply =>
        reply
          .code(503)
          .type('text/plain; charset=utf-8')
          .send(`${name} 页面尚未构建，请运行 npm run build / the ${name} app is not built: run npm run build`);
      // `/m` and `/m/*`, not `/m*` (which would also take `/manager`).
      app.get(`/${path}`, notBuilt);
      app.get(`/${path}/*`, notBuilt);
      for (const page of Object.keys(pages)) app.get(page, notBuilt);
      continue;
    }
    void app.register(fastifyStatic, { root, prefix: `/${path}/`, decorateReply: first, index: ['index.html'] });
    first = false;
    // `/kiosk?key=…` is how a device page is first opened: the key must survive the redirect.
    app.get(`/${path}`, (req, reply) => reply.redirect(`/${path}/${queryOf(req.url)}`));
    for (const page of Object.keys(pages))
      app.get(`${page}/`, (req, reply) =>
        reply.redirect(`${req.url.split('?')[0]!.replace(/\/+$/, '')}${queryOf(req.url)}`),
      );
    for (const [page, file] of Object.entries(pages)) app.get(page, (_req, reply) => reply.sendFile(file, root));
  }
  app.get('/', (req, reply) => reply.redirect(`/kiosk/${queryOf(req.url)}`));
}

/** The query string of a URL as sent (`?key=…`), or ''. */
function queryOf(url: string): string {
  const i = url.indexOf('?');
  return i < 0 ? '' : url.slice(i);
}
