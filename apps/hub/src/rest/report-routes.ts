import type { RouteSpec } from './route-spec.ts';

/** Reports for the hall manager (filled in by the reports work). */
export const reportRoutes: RouteSpec[] = [];
