import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import type { FastifyInstance } from 'fastify';
import { fail, errorStatus } from '@yichuang/protocol';
import { TokenBuckets } from '../token-buckets.ts';

/** What one address or connection may ask of the REST side. */
export const HTTP_LIMITS = {
  /**
   * Requests a connection may have unanswered at once. Browsers never pipeline; a client that sends
   * thousands of requests without reading the answers is cut off before they pile up in memory.
   */
  inFlightPerConnection: 16,
  /**
   * Anonymous /api requests per address (no Authorization header): room for a hall's Wi-Fi, where
   * several hundred phones polling their ticket pages share one address, but not for a flood.
   */
  anonymous: { capacity: 600, perSecond: 100 },
  /**
   * Refusals one connection may be given before it is closed: a browser backs off after a 429, a
   * connection that keeps sending after this many is a flood, and closing it drops the requests still
   * in its buffer unparsed (answering each of thousands with a 429 would hold up everyone else).
   */
  refusalsPerConnection: 32,
  /**
   * Requests one read from a connection may hold (counted by their blank header-ending lines before
   * Node parses them). A browser sends one request at a time; a read with more is a pipelining flood,
   * closed before a thousand requests from one 64 KB read are parsed only to be thrown away.
   */
  requestsPerRead: 64,
} as const;

const HEADER_END = Buffer.from('\r\n\r\n');

/** How many header endings `chunk` holds, counting no further than `limit + 1`. */
export function headerEnds(chunk: Buffer, limit: number): number {
  let n = 0;
  for (let at = chunk.indexOf(HEADER_END); at !== -1 && n <= limit; at = chunk.indexOf(HEADER_END, at + 4)) n += 1;
  return n;
}

type Emit = (event: string | symbol, ...args: unknown[]) => boolean;

/**
 * Looks at each read of a (not yet upgraded) connection before Node's HTTP parser does: the socket is
 * read through its 'data' events instead of by the parser straight from the handle, and a read with
 * more than HTTP_LIMITS.requestsPerRead requests closes the connection unparsed.
 */
function guardReads(socket: Socket, upgraded: WeakSet<Socket>, log: (line: string) => void): void {
  const handle = (socket as unknown as { _handle?: { _consumed?: boolean } | null })._handle;
  if (handle !== null && handle !== undefined) handle._consumed = true;
  const emit = socket.emit.bind(socket) as Emit;
  const guarded: Emit = (event, ...args) => {
    const chunk = args[0];
    if (
      event === 'data' &&
      !upgraded.has(socket) &&
      Buffer.isBuffer(chunk) &&
      headerEnds(chunk, HTTP_LIMITS.requestsPerRead) > HTTP_LIMITS.requestsPerRead
    ) {
      log(
        `closing a connection from ${socket.remoteAddress ?? '?'} that sent more than ${HTTP_LIMITS.requestsPerRead} requests in one read`,
      );
      socket.destroy();
      return false;
    }
    return emit(event, ...args);
  };
  (socket as unknown as { emit: Emit }).emit = guarded;
}

/**
 * The HTTP server the hub's fastify runs on, with a cap on unanswered requests per connection checked
 * before fastify sees a request: a client that pipelines thousands of requests without reading the
 * answers is cut off, and the requests left in its buffer cost almost nothing.
 */
export function budgetedHttpServer(log: (line: string) => void) {
  return (handler: (req: IncomingMessage, res: ServerResponse) => void): Server => {
    const inFlight = new WeakMap<Socket, number>();
    const server = createServer((req, res) => {
      const socket = req.socket;
      // Requests parsed from the rest of a closed connection's read: destroyed here, so that Node's
      // clean-up on close does not build an 'aborted' error with a formatted stack for each of them.
      if (socket.destroyed) {
        req.destroy();
        return;
      }
      const n = (inFlight.get(socket) ?? 0) + 1;
      inFlight.set(socket, n);
      if (n > HTTP_LIMITS.inFlightPerConnection) {
        log(
          `closing a connection from ${socket.remoteAddress ?? '?'} with more than ${HTTP_LIMITS.inFlightPerConnection} requests unanswered`,
        );
        socket.destroy();
        req.destroy();
        return;
      }
      res.once('close', () => inFlight.set(socket, Math.max(0, (inFlight.get(socket) ?? 1) - 1)));
      handler(req, res);
    });
    const upgraded = new WeakSet<Socket>();
    server.prependListener('connection', (socket: Socket) => guardReads(socket, upgraded, log));
    server.prependListener('upgrade', (_req: IncomingMessage, socket: Socket) => upgraded.add(socket));
    return server;
  };
}

/**
 * Requests without credentials get a token bucket per address (checked before routing, so a refused
 * request costs almost nothing).
 */
export function installHttpBudget(app: FastifyInstance, log: (line: string) => void): void {
  const anonymous = new TokenBuckets(HTTP_LIMITS.anonymous.capacity, HTTP_LIMITS.anonymous.perSecond);
  const refusals = new WeakMap<Socket, number>();
  app.addHook('onRequest', async (req, reply) => {
    if (req.url.startsWith('/api/') && req.headers.authorization === undefined) {
      const now = performance.now();
      if (!anonymous.take(req.ip, now)) {
        const socket = req.raw.socket;
        const refused = (refusals.get(socket) ?? 0) + 1;
        refusals.set(socket, refused);
        if (refused > HTTP_LIMITS.refusalsPerConnection) {
          if (refused === HTTP_LIMITS.refusalsPerConnection + 1)
            log(`closing a connection from ${req.ip} that kept sending after ${refused - 1} refusals`);
          reply.hijack();
          socket.destroy();
          return reply;
        }
        const error = fail('RATE_LIMITED', '请求过于频繁，请稍后再试 / too many requests from this address');
        return reply
          .code(errorStatus.RATE_LIMITED)
          .header('retry-after', String(Math.max(1, anonymous.retryAfterS(req.ip, now))))
          .send({ error });
      }
    }
    return undefined;
  });
}
