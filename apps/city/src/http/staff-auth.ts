import { hashKey } from '../ingest.ts';
import { HttpError, bearerOf, type CityContext } from './http-kit.ts';

/** A member of the city's staff: a city manager (every hall) or a hall manager (hallId: that hall only). */
export interface CityStaff {
  name: string;
  hallId: string | null;
}

/** The staff member behind the request's bearer token, or 401. */
export function requireStaff(ctx: CityContext): CityStaff {
  const token = bearerOf(ctx.req);
  const who = token === '' ? undefined : ctx.config.staff.find((s) => s.tokenHash === hashKey(token));
  if (who === undefined) throw new HttpError(401, 'UNAUTHORIZED', '需要城市工作人员令牌 / city staff token needed');
  return { name: who.name, hallId: who.hallId };
}

/** 403 unless the staff member may see this hall. */
export function requireHall(staff: CityStaff, hallId: string): void {
  if (staff.hallId !== null && staff.hallId !== hallId)
    throw new HttpError(403, 'FORBIDDEN', '只能查看本大厅 / you may see only your own hall');
}
