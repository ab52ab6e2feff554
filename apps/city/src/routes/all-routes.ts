import type { Route } from '../http/http-kit.ts';
import { hallRoutes } from './hall-routes.ts';
import { ingestRoutes } from './ingest-routes.ts';
import { profileRoutes } from './profile-routes.ts';

/** Every route of the city's HTTP API, one list per feature (each in its own file). */
export const ALL_ROUTES: Route[] = [...ingestRoutes, ...profileRoutes, ...hallRoutes];
