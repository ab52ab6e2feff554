import { hashKey } from '../ingest.ts';
import { HttpError, bearerOf, type CityContext } from './http-kit.ts';

/** A member of the city's staff: a city manager (every hall) or a hall manager (hallId: that hall only). */
export interface CityStaff {
  name: string;
  hallId: string | null;
}

/** The staff member behind the request's bearer token (a console session or an API token), or 401. */
export function requireStaff(ctx: CityContext): CityStaff {
  const token = bearerOf(ctx.req);
  if (token === '') throw new HttpError(401, 'UNAUTHORIZED', '请先登录 / please sign in');
  const session = ctx.sessions.get(token);
  if (session !== null) return session;
  const hash = hashKey(token);
  const who = ctx.config.staff.find((s) => s.tokenHash === hash);
  if (who === undefined)
    throw new HttpError(401, 'UNAUTHORIZED', '登录已失效，请重新登录 / session expired or unknown token');
  return { name: who.name, hallId: who.hallId };
}

/** 403 unless the staff member may see this hall. */
export function requireHall(staff: CityStaff, hallId: string): void {
  if (staff.hallId !== null && staff.hallId !== hallId)
    throw new HttpError(403, 'FORBIDDEN', '只能查看本大厅 / you may see only your own hall');
}
