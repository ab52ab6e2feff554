import { roleRefusal } from '../command-bus.ts';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { z } from 'zod';
import { DAY_QUERY_KEYS, errorStatus, fail, noQuery, type DomainError } from '@yichuang/protocol';
import { addDays, businessDay } from '@yichuang/engine';
import { authenticate, bearerOf, isDomainError } from '../auth/authenticate.ts';
import type { HubContext } from '../hub-context.ts';
import { zodToError } from '../validation.ts';
import { FileReply } from './route-spec.ts';
import { routes, type RouteSpec } from './route-table.ts';
import { openApiDocument } from './openapi.ts';
import { installHttpBudget } from './http-budget.ts';
import { storageFault, storageUnavailable } from '../store/storage-errors.ts';

export const BODY_LIMIT = 64 * 1024;
/** The one route that also takes text/csv. */
const CSV_ROUTE = '/api/appointments/import';

export function sendError(reply: FastifyReply, error: DomainError): FastifyReply {
  const status = errorStatus[error.code] ?? 400;
  return reply.code(status).send({ error });
}

/** Every REST route from the table: credentials, role, body schema, then the handler. */
export function registerRoutes(app: FastifyInstance, hub: HubContext): void {
  installHttpBudget(app, hub.log);
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
    if (storageFault(err) !== null) {
      hub.log(`storage failure: ${err.message}`);
      return sendError(reply, storageUnavailable(err));
    }
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
      return sendError(reply, roleRefusal(who.role, spec.url.startsWith('/api/windows/')));
    actor = who;
  } else if (req.headers.authorization !== undefined) {
    // An open route may still answer a signed-in caller more fully (a ticket's notes for staff).
    const who = authenticate(hub.db, hub.bus.config, bearerOf(req.headers.authorization), hub.clock());
    if (!isDomainError(who)) actor = who;
  }
  const query = (spec.query ?? noQuery).safeParse(req.query ?? {});
  if (!query.success) return sendError(reply, queryError(query.error, req.query));
  const tooLate = dayBeyondReach(query.data, addDays(businessDay(hub.clock(), hub.bus.config.hall.timezone), 366));
  if (tooLate !== null) return sendError(reply, tooLate);
  const body = req.body ?? {};
  if (spec.method === 'POST' && spec.body !== undefined) {
    const parsed = spec.body.safeParse(body);
    if (!parsed.success) return sendError(reply, zodToError(parsed.error));
  }
  const ack = await spec.handle(hub, {
    actor,
    params: req.params as Record<string, string>,
    body,
    query: query.data,
    ip: req.ip,
    bearer: bearerOf(req.headers.authorization),
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
  // A batch from the provincial booking platform may come as CSV (that route only): handed on as { csv }.
  app.addContentTypeParser('text/csv', { parseAs: 'string', bodyLimit: BODY_LIMIT }, (req, text, done) => {
    if (req.url.split('?')[0] !== CSV_ROUTE)
      return done(Object.assign(new Error('text/csv'), { code: 'FST_ERR_CTP_INVALID_MEDIA_TYPE', statusCode: 415 }));
    done(null, { csv: typeof text === 'string' ? text : text.toString('utf8') });
  });
}

function matches(pattern: string, path: string): boolean {
  const re = new RegExp('^' + pattern.replace(/:[^/]+/g, '[^/]+') + '$');
  return re.test(path);
}

/** A day in a query later than `latest` (a year after today): no hall has data there, and no loop should walk to it. */
function dayBeyondReach(query: Record<string, unknown>, latest: string): DomainError | null {
  for (const key of DAY_QUERY_KEYS) {
    const v = query[key];
    if (typeof v === 'string' && v > latest)
      return fail('VALIDATION_FAILED', `${key} 不能晚于 ${latest} / ${key} must not be after ${latest}`, key);
  }
  return null;
}

/** A query parameter the schema refused, said in Chinese and English with the value that was sent. */
function queryError(error: z.ZodError, raw: unknown): DomainError {
  const issue = error.issues[0];
  const field = issue?.path.map(String).join('.') ?? '';
  const sent = (raw as Record<string, unknown> | null)?.[field];
  const shown = typeof sent === 'string' ? sent.slice(0, 40) : JSON.stringify(sent ?? null).slice(0, 40);
  if ((DAY_QUERY_KEYS as readonly string[]).includes(field))
    return fail(
      'VALIDATION_FAILED',
      `${field} 日期无效：${shown}，应为 YYYY-MM-DD / ${field} must be an existing day as YYYY-MM-DD (${issue?.message ?? ''})`,
      field,
    );
  return fail(
    'VALIDATION_FAILED',
    `查询参数 ${field} 无效：${shown} / invalid query parameter ${field}: ${issue?.message ?? 'invalid'}`,
    field || undefined,
  );
}
