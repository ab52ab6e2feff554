import { createServer, type Server } from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import { logProvider, signBody, SIGNATURE_HEADER, webhookProvider, wechatProvider } from './notify-providers.ts';

const SECRET = 'gateway-secret-0123456789';
const message = {
  to: '13812345678',
  channel: 'sms' as const,
  template: 'called' as const,
  params: { number: 'A001', window: '3号窗口' },
  dedupeKey: 't1:called:7',
};

interface Seen {
  body: string;
  headers: Record<string, string | string[] | undefined>;
}

let server: Server | null = null;
afterEach(async () => {
  server?.closeAllConnections();
  await new Promise<void>((resolve) => (server === null ? resolve() : server.close(() => resolve())));
  server = null;
});

/** A gateway answering `status` (or never, for 'hang'); resolves with its URL and what it was sent. */
async function gateway(status: number | 'hang'): Promise<{ url: string; seen: Seen[] }> {
  const seen: Seen[] = [];
  server = createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString('utf8')));
    req.on('end', () => {
      seen.push({ body, headers: req.headers });
      if (status !== 'hang') res.writeHead(status).end();
    });
  });
  await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
  const addr = server.address();
  return { url: `http://127.0.0.1:${typeof addr === 'object' && addr !== null ? addr.port : 0}/send`, seen };
}

describe('message providers', () => {
  it('webhook: the documented body, signed over its exact bytes, with the dedupe key', async () => {
    const g = await gateway(204);
    const out = await webhookProvider({ url: g.url, secret: SECRET, timeoutMs: 2000 }).send(message);
    expect(out).toEqual({ kind: 'sent' });
    const [hit] = g.seen;
    expect(JSON.parse(hit!.body)).toEqual({
      to: '13812345678',
      channel: 'sms',
      template: 'called',
      params: { number: 'A001', window: '3号窗口' },
      text: '请A001号到3号窗口办理。',
      dedupeKey: 't1:called:7',
    });
    expect(hit!.headers[SIGNATURE_HEADER]).toBe(signBody(hit!.body, SECRET));
    expect(hit!.headers['x-yichuang-dedupe-key']).toBe('t1:called:7');
  });

  it('webhook: 4xx is refused for good, 429 and 5xx are retried, a silent gateway times out into a retry', async () => {
    for (const [status, kind] of [
      [400, 'refused'],
      [404, 'refused'],
      [429, 'retry'],
      [500, 'retry'],
      [503, 'retry'],
    ] as const) {
      const g = await gateway(status);
      const out = await webhookProvider({ url: g.url, secret: SECRET, timeoutMs: 2000 }).send(message);
      expect(out.kind, String(status)).toBe(kind);
      if (out.kind !== 'sent') expect(out.error).toContain(`HTTP ${status}`);
      server?.closeAllConnections();
      await new Promise<void>((resolve) => server!.close(() => resolve()));
      server = null;
    }
    const silent = await gateway('hang');
    const out = await webhookProvider({ url: silent.url, secret: SECRET, timeoutMs: 500 }).send(message);
    expect(out).toMatchObject({ kind: 'retry', error: expect.stringContaining('timeout after 500 ms') });
    const closed = await webhookProvider({ url: 'http://127.0.0.1:9/send', secret: SECRET, timeoutMs: 500 }).send(
      message,
    );
    expect(closed.kind).toBe('retry');
  });

  it('wechat: template id and data fields for the template-message gateway, signed the same way', async () => {
    const g = await gateway(200);
    const out = await wechatProvider({
      url: g.url,
      secret: SECRET,
      timeoutMs: 2000,
      templateIds: { called: 'TPL-CALLED-01' },
    }).send(message);
    expect(out).toEqual({ kind: 'sent' });
    expect(JSON.parse(g.seen[0]!.body)).toEqual({
      to: '13812345678',
      templateId: 'TPL-CALLED-01',
      data: { number: { value: 'A001' }, window: { value: '3号窗口' } },
      text: '请A001号到3号窗口办理。',
      dedupeKey: 't1:called:7',
    });
    expect(g.seen[0]!.headers[SIGNATURE_HEADER]).toBe(signBody(g.seen[0]!.body, SECRET));
  });

  it('log: one line with the phone masked, and a code never written', async () => {
    const lines: string[] = [];
    const log = logProvider((l) => lines.push(l));
    await log.send(message);
    await log.send({ ...message, template: 'code', params: { code: '482913' }, dedupeKey: 'code:x' });
    expect(lines[0]).toBe('提醒 / notify sms → 138****5678 [called] 请A001号到3号窗口办理。 (t1:called:7)');
    expect(lines.join('\n')).not.toContain('13812345678');
    expect(lines.join('\n')).not.toContain('482913');
  });
});
