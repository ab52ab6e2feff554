import type { FastifyInstance } from 'fastify';
import type { Socket } from 'node:net';
import { fail, errorStatus } from '@yichuang/protocol';
import { TokenBuckets } from '../token-buckets.ts';

/** What one address or connection may ask of the REST side. */
export const HTTP_LIMITS = {
  /**
   * Requests a connection may have unanswered at once. Browsers never pipeline; a client that sends
   * thousands of requests without reading the answers is cut off before they pile up in memory.
   */
  inFlightPerConnection: 16,
  /** Anonymous /api requests per address (no Authorization header): phones behind one NAT fit easily. */
  anonymous: { capacity: 200, perSecond: 50 },
} as const;

/**
 * Every client gets a bounded budget on the REST side: a cap on unanswered requests per connection
 * and a token bucket per address for requests without credentials (checked before routing, so a
 * refused request costs almost nothing).
 */
export function installHttpBudget(app: FastifyInstance, log: (line: string) => void): void {
  const inFlight = new WeakMap<Socket, number>();
  const anonymous = new TokenBuckets(HTTP_LIMITS.anonymous.capacity, HTTP_LIMITS.anonymous.perSecond);

  app.addHook('onRequest', async (req, reply) => {
    const socket = req.raw.socket;
    const n = (inFlight.get(socket) ?? 0) + 1;
    inFlight.set(socket, n);
    if (n > HTTP_LIMITS.inFlightPerConnection) {
      if (n === HTTP_LIMITS.inFlightPerConnection + 1)
        log(
          `closing a connection from ${req.ip} with more than ${HTTP_LIMITS.inFlightPerConnection} requests unanswered`,
        );
      reply.hijack();
      socket.destroy();
      return reply;
    }
    if (req.url.startsWith('/api/') && req.headers.authorization === undefined) {
      const now = performance.now();
      if (!anonymous.take(req.ip, now)) {
        const error = fail('RATE_LIMITED', '请求过于频繁，请稍后再试 / too many requests from this address');
        return reply
          .code(errorStatus.RATE_LIMITED)
          .header('retry-after', String(Math.max(1, anonymous.retryAfterS(req.ip, now))))
          .send({ error });
      }
    }
    return undefined;
  });
  const release = (socket: Socket): void => {
    const n = inFlight.get(socket) ?? 0;
    if (n <= 1) inFlight.delete(socket);
    else inFlight.set(socket, n - 1);
  };
  app.addHook('onResponse', (req, _reply, done) => {
    release(req.raw.socket);
    done();
  });
  app.addHook('onRequestAbort', (req, done) => {
    release(req.raw.socket);
    done();
  });
}
