import { z } from 'zod';
import type { PublicCityCatalogue, PublicQueues } from '@yichuang/protocol';
import type { HubContext } from '../hub-context.ts';
import type { RouteSpec } from './route-spec.ts';

/**
 * Read by anyone, with no credentials: the citizen's phone pages (`/m/`). Built from allow-lists of
 * counts and names, like public-views.ts: nothing about a ticket, an officer or a citizen goes out.
 */
export const publicRoutes: RouteSpec[] = [
  {
    method: 'GET',
    url: '/api/public/queues',
    summary:
      'Every queue now: people waiting, the estimated wait of a ticket taken now, the open windows serving it (public; counts only, no personal data)',
    auth: 'anyone',
    handle: (hub) => ({ ok: true, data: publicQueues(hub) }),
  },
  {
    method: 'GET',
    url: '/api/public/city-catalogue',
    summary:
      "全城通办: the city tier's matters handled at any hall, each with the halls, open or not, waiting and an estimated wait (public; from the city, cached 10 s; `?service=` keeps one matter; `available: false` when the hall has no city or it cannot be reached)",
    auth: 'anyone',
    query: z.object({ service: z.string().min(1).max(64).optional() }),
    handle: async (hub, req) => ({
      ok: true,
      data: onlyMatter(await hub.cityCatalogue(), req.query['service'] as string | undefined),
    }),
  },
];

/** `?service=id`: the catalogue with that matter only (none when no hall handles it city-wide). */
function onlyMatter(c: PublicCityCatalogue, service: string | undefined): PublicCityCatalogue {
  if (service === undefined || !c.available) return c;
  return { ...c, catalogue: { ...c.catalogue, matters: c.catalogue.matters.filter((m) => m.serviceId === service) } };
}

export function publicQueues(hub: HubContext): PublicQueues {
  const view = hub.hallView();
  const names = new Map(hub.catalogue().queues.map((q) => [q.id, q.nameEn]));
  const open = view.windows.filter((w) => w.open);
  return {
    day: view.hall.day,
    phase: view.hall.phase,
    at: hub.clock(),
    queues: view.queues.map((q) => {
      const nameEn = names.get(q.id);
      return {
        id: q.id,
        prefix: q.prefix,
        name: q.name,
        ...(nameEn === undefined ? {} : { nameEn }),
        waiting: q.waiting,
        estimatedWaitS: q.estimatedWaitS,
        unstaffed: q.unstaffed,
        windows: open
          .filter((w) => w.queues === 'all' || w.queues.includes(q.id))
          .map((w) => w.number)
          .sort((a, b) => a - b),
      };
    }),
  };
}
