import { fail, loginBodySchema, type Ack, type LoginResult } from '@yichuang/protocol';
import { rosteredWindows } from '@yichuang/engine';
import { hashPin, verifyPin } from '../auth/pin-hash.ts';
import { issueToken } from '../auth/tokens.ts';
import type { HubContext } from '../hub-context.ts';
import { zodToError } from '../validation.ts';
import type { RouteRequest } from './route-table.ts';

/** Compared against when the officer id is unknown, at the same cost, so timing does not reveal valid ids. */
let dummyHash: string | null = null;
const dummy = (): string => (dummyHash ??= hashPin(String(Math.random())));

export async function login(hub: HubContext, req: RouteRequest): Promise<Ack<LoginResult>> {
  const parsed = loginBodySchema.safeParse(req.body);
  if (!parsed.success) return { ok: false, error: zodToError(parsed.error) };
  const { officerId, pin } = parsed.data;
  const now = hub.clock();
  // Per officer id and address (and per address): wrong PINs from elsewhere never lock this officer out here.
  const wait = hub.throttle.retryAfter(officerId, req.ip, now);
  if (wait > 0)
    return {
      ok: false,
      error: fail(
        'LOGIN_THROTTLED',
        `尝试次数过多，请 ${Math.ceil(wait / 60_000)} 分钟后再试 / too many attempts, retry in ${Math.ceil(wait / 60_000)} min`,
      ),
    };
  const officer = hub.bus.config.officers.find((o) => o.id === officerId);
  const good = await verifyPin(pin, officer?.pinHash ?? dummy());
  if (officer === undefined || !good) {
    hub.throttle.failed(officerId, req.ip, now);
    return { ok: false, error: fail('BAD_CREDENTIALS', '警号或密码错误 / wrong officer id or PIN') };
  }
  hub.throttle.succeeded(officerId, req.ip);
  const { token, expiresAt } = issueToken(hub.db, officer.id, now, hub.tokenTtlMs);
  return {
    ok: true,
    data: {
      token,
      expiresAt,
      officer: {
        id: officer.id,
        name: officer.name,
        role: officer.role,
        windows: rosteredWindows(hub.bus.state.model, officer.id),
      },
    },
  };
}
