import {
  PROTOCOL_VERSION,
  fail,
  parseProtocolVersion,
  socketAuthSchema,
  type DomainError,
  type SocketAuth,
} from '@yichuang/protocol';

/** Why a client's protocol cannot talk to this hub, or null. Only MAJOR.MINOR in digits is understood. */
export function protocolProblem(clientVersion: unknown): string | null {
  if (clientVersion === undefined) return '客户端未声明协议版本 / client did not state its protocol version';
  const client = parseProtocolVersion(clientVersion);
  const hub = parseProtocolVersion(PROTOCOL_VERSION)!;
  if (client === null)
    return `协议版本无法识别，请刷新或升级 / unreadable protocol version ${JSON.stringify(clientVersion).slice(0, 40)} (hub ${PROTOCOL_VERSION})`;
  if (client.major < hub.major)
    return `客户端版本过旧，请刷新或升级 / client too old (protocol ${client.major}.${client.minor}, hub ${PROTOCOL_VERSION})`;
  if (client.major > hub.major)
    return `服务端版本过旧，请升级一窗服务 / hub too old (protocol ${PROTOCOL_VERSION}, client ${client.major}.${client.minor})`;
  return null;
}

/**
 * The handshake's `auth` object, parsed whole before anything reads it: a version this hub speaks and
 * at most one string credential. Anything else is refused with a code, never thrown.
 */
export function parseHandshake(raw: unknown): { ok: true; auth: SocketAuth } | { ok: false; error: DomainError } {
  const auth: unknown = raw ?? {};
  const protocol = typeof auth === 'object' && auth !== null ? (auth as { protocol?: unknown }).protocol : undefined;
  const problem = protocolProblem(protocol);
  if (problem !== null) return { ok: false, error: fail('PROTOCOL_MISMATCH', problem) };
  const parsed = socketAuthSchema.safeParse(auth);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue === undefined ? '' : issue.path.map(String).join('.') || '(auth)';
    return {
      ok: false,
      error: fail(
        'VALIDATION_FAILED',
        `连接参数无效 / invalid handshake: ${where} ${issue?.message ?? ''}`.trim(),
        where || undefined,
      ),
    };
  }
  if (parsed.data.token !== undefined && parsed.data.key !== undefined)
    return { ok: false, error: fail('VALIDATION_FAILED', '只能提供 token 或 key 之一 / send token or key, not both') };
  return { ok: true, auth: parsed.data };
}
