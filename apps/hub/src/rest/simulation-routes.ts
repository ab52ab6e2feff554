import type { RouteSpec } from './route-spec.ts';

/** 排班模拟: what-if runs of the staffing simulator for the manager (filled in by the simulation work). */
export const simulationRoutes: RouteSpec[] = [];
