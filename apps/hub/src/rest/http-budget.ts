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
} as const;

/**
 * The HTTP server the hub's fastify runs on, with a cap on unanswered requests per connection checked
 * before fastify sees a request: a client that pipelines thousands of requests without reading the
 * answers is cut off, and the requests left in its buffer cost almost nothing.
 */
export function budgetedHttpServer(log: (line: string) => void) {
  return (handler: (req: IncomingMessage, res: ServerResponse) => void): Server => {
    const inFlight = new WeakMap<Socket, number>();
    return createServer((req, res) => {
      const socket = req.socket;
      if (socket.destroyed) return;
      const n = (inFlight.get(socket) ?? 0) + 1;
      inFlight.set(socket, n);
      if (n > HTTP_LIMITS.inFlightPerConnection) {
        log(
          `closing a connection from ${socket.remoteAddress ?? '?'} with more than ${HTTP_LIMITS.inFlightPerConnection} requests unanswered`,
        );
        socket.destroy();
        return;
      }
      res.once('close', () => inFlight.set(socket, Math.max(0, (inFlight.get(socket) ?? 1) - 1)));
      handler(req, res);
    });
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
