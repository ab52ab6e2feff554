import { cityCatalogue, type CityCatalogue } from '../catalogue/city-catalogue.ts';
import { sendJson, type Route } from '../http/http-kit.ts';

/** Made at most this often, whoever asks: the catalogue is public and every hall's phones may poll it. */
const FRESH_MS = 2000;
/** One per city database (a process may serve several cities, as the tests do). */
const caches = new WeakMap<object, { at: number; body: CityCatalogue }>();

/** GET /city/api/public/catalogue: 全城通办 matters, the halls that handle each, their live waits. Public. */
export const catalogueRoutes: Route[] = [
  {
    method: 'GET',
    path: '/city/api/public/catalogue',
    handle: async (ctx) => {
      const now = ctx.clock();
      let cached = caches.get(ctx.db);
      if (cached === undefined || now - cached.at > FRESH_MS || now < cached.at) {
        cached = { at: now, body: await cityCatalogue(ctx.db, ctx.config.name, now) };
        caches.set(ctx.db, cached);
      }
      ctx.res.setHeader('access-control-allow-origin', '*');
      sendJson(ctx.res, 200, cached.body);
    },
  },
];
