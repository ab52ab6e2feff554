import { createHmac } from 'node:crypto';
import {
  maskPhone,
  renderMessage,
  type NotifyChannel,
  type NotifyParams,
  type NotifySettings,
  type NotifyTemplate,
} from '@yichuang/protocol';

/**
 * Where messages go. Each send answers one of:
 *   sent     the gateway took it (2xx)
 *   retry    it may work later (5xx, a timeout, no connection)
 *   refused  it never will (4xx: a bad number, a bad signature): the message is given up (dead)
 *
 * The gateways (webhook, wechat) get a POST with a JSON body and the header
 *   X-Yichuang-Signature: sha256=<hex HMAC-SHA256 of the exact body bytes, keyed with the configured secret>
 * plus X-Yichuang-Dedupe-Key. Delivery is at least once: a message whose answer was lost (a timeout, the
 * hub stopped mid-send) is sent again with the same dedupeKey, so the gateway drops what it already sent.
 *
 * webhook body: { to, channel, template, params, text, dedupeKey }
 * wechat body:  { to, templateId, data: { <param>: { value } }, text, dedupeKey }
 *   (`to` is the phone; the hall's gateway maps it to the citizen's openid; templateId from
 *    notify.wechat.templateIds, or null when the template has none and the gateway sends `text`.)
 */

export interface OutgoingMessage {
  to: string;
  channel: NotifyChannel;
  template: NotifyTemplate;
  params: NotifyParams;
  dedupeKey: string;
}

export type SendOutcome = { kind: 'sent' } | { kind: 'retry'; error: string } | { kind: 'refused'; error: string };

export interface NotifyProvider {
  readonly name: 'log' | 'webhook' | 'wechat';
  /** The gateway's host for the console (no path, no secret), or null. */
  readonly gateway: string | null;
  send: (m: OutgoingMessage) => Promise<SendOutcome>;
}

export const SIGNATURE_HEADER = 'x-yichuang-signature';

/** `sha256=<hex>` of the body: what the gateway recomputes with its copy of the secret. */
export function signBody(body: string, secret: string): string {
  return `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`;
}

/** One line in the hub's log, the phone masked. */
export function logProvider(log: (line: string) => void): NotifyProvider {
  return {
    name: 'log',
    gateway: null,
    send: (m) => {
      // A one-time code is a secret of its own: the log shows that one went, not which.
      const params = m.template === 'code' ? { code: '******' } : m.params;
      log(
        `提醒 / notify ${m.channel} → ${maskPhone(m.to)} [${m.template}] ${renderMessage(m.template, params)} (${m.dedupeKey})`,
      );
      return Promise.resolve({ kind: 'sent' });
    },
  };
}

async function postSigned(
  url: string,
  secret: string,
  timeoutMs: number,
  body: unknown,
  dedupeKey: string,
): Promise<SendOutcome> {
  const text = JSON.stringify(body);
  let res: Response;
  try {
    res = await fetch(url, {
      method: 'POST',
      headers: {
        'content-type': 'application/json; charset=utf-8',
        [SIGNATURE_HEADER]: signBody(text, secret),
        'x-yichuang-dedupe-key': dedupeKey,
      },
      body: text,
      signal: AbortSignal.timeout(timeoutMs),
      redirect: 'error',
    });
  } catch (err) {
    const e = err as Error;
    const why = e.name === 'TimeoutError' ? `timeout after ${timeoutMs} ms` : (e.cause as Error | undefined)?.message;
    return { kind: 'retry', error: `网关无应答（${why ?? e.message}） / gateway unreachable: ${why ?? e.message}` };
  }
  // The body is not needed, only released.
  await res.body?.cancel().catch(() => undefined);
  if (res.status >= 200 && res.status < 300) return { kind: 'sent' };
  if (res.status >= 400 && res.status < 500 && res.status !== 408 && res.status !== 429)
    return { kind: 'refused', error: `网关拒绝（HTTP ${res.status}） / gateway refused: HTTP ${res.status}` };
  return { kind: 'retry', error: `网关出错（HTTP ${res.status}） / gateway error: HTTP ${res.status}` };
}

const hostOf = (url: string): string => {
  try {
    return new URL(url).host;
  } catch {
    return '?';
  }
};

export function webhookProvider(cfg: NonNullable<NotifySettings['webhook']>): NotifyProvider {
  return {
    name: 'webhook',
    gateway: hostOf(cfg.url),
    send: (m) =>
      postSigned(
        cfg.url,
        cfg.secret,
        cfg.timeoutMs,
        {
          to: m.to,
          channel: m.channel,
          template: m.template,
          params: m.params,
          text: renderMessage(m.template, m.params),
          dedupeKey: m.dedupeKey,
        },
        m.dedupeKey,
      ),
  };
}

export function wechatProvider(cfg: NonNullable<NotifySettings['wechat']>): NotifyProvider {
  return {
    name: 'wechat',
    gateway: hostOf(cfg.url),
    send: (m) =>
      postSigned(
        cfg.url,
        cfg.secret,
        cfg.timeoutMs,
        {
          to: m.to,
          templateId: cfg.templateIds[m.template] ?? null,
          data: Object.fromEntries(Object.entries(m.params).map(([k, v]) => [k, { value: v }])),
          text: renderMessage(m.template, m.params),
          dedupeKey: m.dedupeKey,
        },
        m.dedupeKey,
      ),
  };
}

/** The provider the config names (a webhook or wechat provider without its section falls back to the log). */
export function providerFor(settings: NotifySettings, log: (line: string) => void): NotifyProvider {
  if (settings.provider === 'webhook' && settings.webhook !== undefined) return webhookProvider(settings.webhook);
  if (settings.provider === 'wechat' && settings.wechat !== undefined) return wechatProvider(settings.wechat);
  return logProvider(log);
}
