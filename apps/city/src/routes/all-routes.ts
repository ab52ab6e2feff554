import type { Route } from '../http/http-kit.ts';
import { catalogueRoutes } from './catalogue-routes.ts';
import { consoleRoutes } from './console-routes.ts';
import { hallRoutes } from './hall-routes.ts';
import { haochaRoutes } from './haocha-routes.ts';
import { ingestRoutes } from './ingest-routes.ts';
import { loginRoutes } from './login-routes.ts';
import { profileRoutes } from './profile-routes.ts';
import { reportRoutes } from './report-routes.ts';
import { staticRoutes } from './static-routes.ts';

/** Every route of the city's HTTP API, one list per feature (each in its own file). */
export const ALL_ROUTES: Route[] = [
  ...ingestRoutes,
  ...profileRoutes,
  ...loginRoutes,
  ...hallRoutes,
  ...consoleRoutes,
  ...reportRoutes,
  ...catalogueRoutes,
  ...haochaRoutes,
  // Last: everything else under /city/ is the console app.
  ...staticRoutes,
];
