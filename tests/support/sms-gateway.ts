import { createHmac } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { z } from 'zod';

/** What the hub POSTs to a webhook gateway (apps/hub/src/notify/notify-providers.ts). */
export const gatewayBodySchema = z.object({
  to: z.string(),
  channel: z.enum(['sms', 'wechat']),
  template: z.string(),
  params: z.record(z.string(), z.string()),
  text: z.string(),
  dedupeKey: z.string(),
});
export type GatewayBody = z.infer<typeof gatewayBodySchema>;

export interface GatewayHit {
  body: GatewayBody;
  /** Whether the signature header matched the body under the shared secret. */
  signed: boolean;
  /** The status answered (null while held, or never answered). */
  status: number | null;
}

/**
 * A real HTTP server on port 0 standing in for the SMS gateway. `answer` decides each request's status;
 * 'hold' keeps the request open without answering (a send in flight).
 */
export class SmsGateway {
  readonly hits: GatewayHit[] = [];
  answer: (body: GatewayBody, nth: number) => number | 'hold' = () => 200;
  private server: Server | null = null;
  private readonly held: ServerResponse[] = [];

  constructor(readonly secret: string) {}

  async start(): Promise<string> {
    this.server = createServer((req, res) => void this.handle(req, res));
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    const addr = this.server.address();
    return `http://127.0.0.1:${typeof addr === 'object' && addr !== null ? addr.port : 0}/sms`;
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const text = Buffer.concat(chunks).toString('utf8');
    const body = gatewayBodySchema.parse(JSON.parse(text));
    const expected = `sha256=${createHmac('sha256', this.secret).update(text).digest('hex')}`;
    const hit: GatewayHit = { body, signed: req.headers['x-yichuang-signature'] === expected, status: null };
    this.hits.push(hit);
    const nth = this.hits.filter((h) => h.body.dedupeKey === body.dedupeKey).length;
    const status = this.answer(body, nth);
    if (status === 'hold') {
      this.held.push(res);
      return;
    }
    hit.status = status;
    res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify({ ok: status < 300 }));
  }

  /** Keys answered with a 2xx, counted. */
  delivered(): Map<string, number> {
    const out = new Map<string, number>();
    for (const h of this.hits)
      if (h.status !== null && h.status < 300) out.set(h.body.dedupeKey, (out.get(h.body.dedupeKey) ?? 0) + 1);
    return out;
  }

  async stop(): Promise<void> {
    for (const r of this.held.splice(0)) r.destroy();
    this.server?.closeAllConnections();
    await new Promise<void>((resolve) => (this.server === null ? resolve() : this.server.close(() => resolve())));
  }
}
