import { z } from 'zod';
import { HttpError, bearerOf, readJsonBody, sendJson, type Route } from '../http/http-kit.ts';
import { requireStaff } from '../http/staff-auth.ts';
import { verifyPassword } from '../http/staff-passwords.ts';

const loginSchema = z.strictObject({
  staffId: z.string().trim().min(1).max(64),
  password: z.string().min(1).max(200),
});

/** POST /city/api/login, POST /city/api/logout, GET /city/api/me: the console's staff sessions. */
export const loginRoutes: Route[] = [
  {
    method: 'POST',
    path: '/city/api/login',
    handle: async (ctx) => {
      const parsed = loginSchema.safeParse(await readJsonBody(ctx.req, 4096));
      if (!parsed.success)
        throw new HttpError(400, 'BAD_REQUEST', '请输入账号和密码 / staffId and password are needed');
      const { staffId, password } = parsed.data;
      const keys = [`id:${staffId}`, `ip:${ctx.req.socket.remoteAddress ?? ''}`];
      const wait = Math.max(...keys.map((k) => ctx.throttle.retryAfterS(k)));
      if (wait > 0) {
        ctx.res.setHeader('retry-after', String(wait));
        throw new HttpError(
          429,
          'LOGIN_LOCKED',
          `密码错误次数过多，请 ${Math.ceil(wait / 60)} 分钟后再试 / too many failed logins: try again in ${Math.ceil(wait / 60)} min`,
        );
      }
      const staff = ctx.config.staff.find((s) => s.id === staffId);
      if (!(await verifyPassword(password, staff?.passwordHash)) || staff === undefined) {
        for (const k of keys) ctx.throttle.fail(k);
        ctx.log(`城市平台登录失败 / failed city login for ${JSON.stringify(staffId)}`);
        throw new HttpError(401, 'BAD_LOGIN', '账号或密码错误 / wrong staff id or password');
      }
      for (const k of keys) ctx.throttle.succeed(k);
      const who = { name: staff.name, hallId: staff.hallId };
      const session = ctx.sessions.create(who);
      sendJson(ctx.res, 200, { ...session, staff: who });
    },
  },
  {
    method: 'POST',
    path: '/city/api/logout',
    handle: (ctx) => {
      ctx.sessions.revoke(bearerOf(ctx.req));
      sendJson(ctx.res, 200, { ok: true });
      return Promise.resolve();
    },
  },
  {
    method: 'GET',
    path: '/city/api/me',
    handle: (ctx) => {
      sendJson(ctx.res, 200, { staff: requireStaff(ctx), city: ctx.config.name });
      return Promise.resolve();
    },
  },
];
