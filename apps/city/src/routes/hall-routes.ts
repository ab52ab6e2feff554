import { sendJson, type Route } from '../http/http-kit.ts';
import { requireStaff } from '../http/staff-auth.ts';

/** GET /city/api/halls: every hall the staff member may see, with its live figures and link health. */
export const hallRoutes: Route[] = [
  {
    method: 'GET',
    path: '/city/api/halls',
    handle: async (ctx) => {
      const who = requireStaff(ctx);
      const rows = await ctx.db.query<Record<string, unknown>>(
        `SELECT h.hall_id, h.name, h.acked_seq, h.last_heard_at, h.last_at, l.day, l.waiting, l.longest_wait_since,
                (SELECT count(*)::int FROM city_windows w WHERE w.hall_id = h.hall_id AND w.officer_id IS NOT NULL) AS staffed,
                (SELECT count(*)::int FROM city_windows w WHERE w.hall_id = h.hall_id AND w.paused) AS paused,
                (SELECT count(*)::int FROM city_windows w WHERE w.hall_id = h.hall_id AND w.empty_since IS NOT NULL) AS empty_posts
           FROM halls h LEFT JOIN city_hall_live l ON l.hall_id = h.hall_id
          WHERE $1::text IS NULL OR h.hall_id = $1
          ORDER BY h.hall_id`,
        [who.hallId],
      );
      sendJson(ctx.res, 200, {
        halls: rows.map((r) => ({
          hallId: r.hall_id,
          name: r.name,
          ackedSeq: r.acked_seq,
          lastHeardAt: r.last_heard_at,
          lastEventAt: r.last_at,
          day: r.day ?? null,
          waiting: r.waiting ?? 0,
          longestWaitSince: r.longest_wait_since ?? null,
          windowsStaffed: r.staffed,
          windowsPaused: r.paused,
          emptyPosts: r.empty_posts,
        })),
      });
    },
  },
];
