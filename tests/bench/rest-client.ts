import { Agent, request } from 'node:http';

export interface RestReply {
  status: number;
  /** The parsed JSON answer (null when the body was not JSON). */
  body: unknown;
  /** performance.now() just before the request was written, and when its answer had fully arrived. */
  sentAt: number;
  ackAt: number;
  /** The hub's error code, the network error's code, or null on a 2xx. */
  error: string | null;
}

/**
 * A keep-alive HTTP client for the bench: node:http with one pooled Agent (no fetch layer on top, so
 * the client's own CPU stays small next to the hub's). Sockets are opened once (see warm) and reused;
 * a socket carries one request at a time, as a browser's does.
 */
export class RestClient {
  private readonly agent: Agent;
  private readonly host: string;
  private readonly port: number;

  constructor(base: string, maxSockets = 128) {
    const u = new URL(base);
    this.host = u.hostname;
    this.port = Number(u.port);
    this.agent = new Agent({ keepAlive: true, maxSockets, maxFreeSockets: maxSockets });
  }

  post(path: string, bearer: string | null, body: unknown): Promise<RestReply> {
    return this.send('POST', path, bearer, JSON.stringify(body));
  }

  get(path: string, bearer: string): Promise<RestReply> {
    return this.send('GET', path, bearer, null);
  }

  /** Opens `n` sockets (n requests at once to a cheap route) so a timed burst measures no TCP handshakes. */
  async warm(n: number, bearer: string): Promise<void> {
    const replies = await Promise.all(Array.from({ length: n }, () => this.get('/api/health', bearer)));
    const bad = replies.find((r) => r.error !== null);
    if (bad !== undefined) throw new Error(`warming ${n} connections: ${bad.error}`);
  }

  close(): void {
    this.agent.destroy();
  }

  private send(method: 'GET' | 'POST', path: string, bearer: string | null, text: string | null): Promise<RestReply> {
    return new Promise((resolve) => {
      const headers: Record<string, string | number> = {};
      if (bearer !== null) headers.authorization = `Bearer ${bearer}`;
      if (text !== null) {
        headers['content-type'] = 'application/json';
        headers['content-length'] = Buffer.byteLength(text);
      }
      const sentAt = performance.now();
      const req = request({ agent: this.agent, host: this.host, port: this.port, method, path, headers }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          const ackAt = performance.now();
          const status = res.statusCode ?? 0;
          const body = parseJson(Buffer.concat(chunks).toString('utf8'));
          const ok = status >= 200 && status < 300;
          resolve({ status, body, sentAt, ackAt, error: ok ? null : errorCodeOf(body, status) });
        });
        res.on('error', (err: NodeJS.ErrnoException) =>
          resolve({ status: 0, body: null, sentAt, ackAt: performance.now(), error: err.code ?? err.message }),
        );
      });
      req.on('error', (err: NodeJS.ErrnoException) =>
        resolve({ status: 0, body: null, sentAt, ackAt: performance.now(), error: err.code ?? err.message }),
      );
      req.end(text ?? undefined);
    });
  }
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

function errorCodeOf(body: unknown, status: number): string {
  const e = (body as { error?: { code?: unknown } } | null)?.error;
  return typeof e?.code === 'string' ? e.code : `HTTP_${status}`;
}

/** `{ ticket: { id } | null }`, the answer of call-next: the ticket's id, or null when none was called. */
export function calledTicketId(body: unknown): string | null {
  const t = (body as { ticket?: { id?: unknown } | null } | null)?.ticket;
  return typeof t?.id === 'string' ? t.id : null;
}
