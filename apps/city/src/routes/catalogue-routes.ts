import { cityCatalogue, type CityCatalogue } from '../catalogue/city-catalogue.ts';
import { HttpError, sendJson, type CityContext, type Route } from '../http/http-kit.ts';

/** Made at most this often, whoever asks: the catalogue is public and every hall's phones may poll it. */
const FRESH_MS = 2000;
/** One per city database (a process may serve several cities, as the tests do). */
const caches = new WeakMap<object, { at: number; body: CityCatalogue }>();

async function catalogueOf(ctx: CityContext): Promise<CityCatalogue> {
  const now = ctx.clock();
  let cached = caches.get(ctx.db);
  if (cached === undefined || now - cached.at > FRESH_MS || now < cached.at) {
    cached = { at: now, body: await cityCatalogue(ctx.db, ctx.config.name, now) };
    caches.set(ctx.db, cached);
  }
  ctx.res.setHeader('access-control-allow-origin', '*');
  return cached.body;
}

/**
 * GET /city/api/public/catalogue: 全城通办 matters, the halls that handle each, their live waits. Public.
 * GET /city/api/public/catalogue/:serviceId: one matter (same shape as an entry of `matters`), or 404.
 */
export const catalogueRoutes: Route[] = [
  {
    method: 'GET',
    path: '/city/api/public/catalogue',
    handle: async (ctx) => {
      sendJson(ctx.res, 200, await catalogueOf(ctx));
    },
  },
  {
    method: 'GET',
    path: '/city/api/public/catalogue/:serviceId',
    handle: async (ctx) => {
      const body = await catalogueOf(ctx);
      const matter = body.matters.find((m) => m.serviceId === ctx.params['serviceId']);
      if (matter === undefined) {
        throw new HttpError(404, 'UNKNOWN_MATTER', '没有该全城通办事项 / no such city-wide matter');
      }
      sendJson(ctx.res, 200, { city: body.city, at: body.at, matter });
    },
  },
];
