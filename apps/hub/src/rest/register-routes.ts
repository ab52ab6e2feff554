import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { errorStatus, fail, type DomainError } from '@yichuang/protocol';
import { authenticate, bearerOf, isDomainError } from '../auth/authenticate.ts';
import type { HubContext } from '../hub-context.ts';
import { zodToError } from '../validation.ts';
import { FileReply } from './route-spec.ts';
import { routes, type RouteSpec } from './route-table.ts';
import { openApiDocument } from './openapi.ts';

export const BODY_LIMIT = 64 * 1024;

export function sendError(reply: FastifyReply, error: DomainError): FastifyReply {
  const status = errorStatus[error.code] ?? 400;
  return reply.code(status).send({ error });
}

/** Every REST route from the table: credentials, role, body schema, then the handler. */
export function registerRoutes(app: FastifyInstance, hub: HubContext): void {
  installJsonParser(app);
  app.setErrorHandler((err: Error & { code?: string; statusCode?: number }, _req, reply) => {
    if (err.code === 'FST_ERR_CTP_BODY_TOO_LARGE')
      return sendError(reply, fail('BODY_TOO_LARGE', `请求体超过 ${BODY_LIMIT / 1024} KB / body over 64 KB`));
    if (err.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE')
      return sendError(reply, fail('UNSUPPORTED_MEDIA_TYPE', 'send application/json'));
    if (err.code === 'BAD_JSON' || err instanceof SyntaxError)
      return sendError(reply, fail('BAD_JSON', `JSON 格式错误 / malformed JSON: ${err.message}`));
    if (typeof err.statusCode === 'number' && err.statusCode < 500)
      return sendError(reply, fail('VALIDATION_FAILED', err.message));
    hub.log(`internal error: ${err.stack ?? err.message}`);
    return sendError(reply, fail('INTERNAL', '服务器内部错误 / internal error'));
  });
  app.setNotFoundHandler((req, reply) => {
    const known = routes.some((r) => matches(r.url, req.url.split('?')[0] ?? ''));
    return known
      ? sendError(reply, fail('METHOD_NOT_ALLOWED', `${req.method} not allowed here`))
      : sendError(reply, fail('NOT_FOUND', `没有 ${req.method} ${req.url} / not found`));
  });

  for (const spec of routes) {
    app.route({ method: spec.method, url: spec.url, handler: (req, reply) => handle(hub, spec, req, reply) });
  }
  app.get('/api/openapi.json', () => openApiDocument(routes));
}

async function handle(
  hub: HubContext,
  spec: RouteSpec,
  req: FastifyRequest,
  reply: FastifyReply,
): Promise<FastifyReply> {
  let actor = null;
  if (spec.auth !== 'anyone') {
    const who = authenticate(hub.db, hub.bus.config, bearerOf(req.headers.authorization), hub.clock());
    if (isDomainError(who)) return sendError(reply, who);
    if (!spec.auth.includes(who.role))
      return sendError(reply, fail('FORBIDDEN', '无权执行该操作 / your role may not do this'));
    actor = who;
  }
  const body = req.body ?? {};
  if (spec.method === 'POST' && spec.body !== undefined) {
    const parsed = spec.body.safeParse(body);
    if (!parsed.success) return sendError(reply, zodToError(parsed.error));
  }
  const ack = await spec.handle(hub, {
    actor,
    params: req.params as Record<string, string>,
    body,
    query: req.query as Record<string, string | undefined>,
    ip: req.ip,
  });
  if (!ack.ok) return sendError(reply, ack.error);
  if (ack.data instanceof FileReply) return sendFile(reply, spec.status ?? 200, ack.data);
  return reply.code(spec.status ?? 200).send(ack.data);
}

/** filename= for old clients (ASCII only), filename*= (RFC 6266) for the real name. */
function sendFile(reply: FastifyReply, status: number, file: FileReply): FastifyReply {
  const ascii = file.filename.replace(/[^\x20-\x7e]|["\\]/g, '_');
  return reply
    .code(status)
    .header('content-type', file.contentType)
    .header(
      'content-disposition',
      `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(file.filename)}`,
    )
    .send(file.body);
}

/** JSON only; an empty body counts as {} (many clients POST verbs without one). */
function installJsonParser(app: FastifyInstance): void {
  app.removeAllContentTypeParsers();
  app.addContentTypeParser('application/json', { parseAs: 'string', bodyLimit: BODY_LIMIT }, (_req, text, done) => {
    const s = typeof text === 'string' ? text : text.toString('utf8');
    if (s.trim() === '') return done(null, {});
    try {
      done(null, JSON.parse(s));
    } catch (err) {
      done(Object.assign(new Error((err as Error).message), { code: 'BAD_JSON', statusCode: 400 }), undefined);
    }
  });
}

function matches(pattern: string, path: string): boolean {
  const re = new RegExp('^' + pattern.replace(/:[^/]+/g, '[^/]+') + '$');
  return re.test(path);
}
