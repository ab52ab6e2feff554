import type { Ack, CommandName, CommandPayload, CommandResult } from '@yichuang/protocol';
import { hubMessage } from '@yichuang/ui';
import { useGuide } from './guide-store.ts';
import { gt } from './strings/strings.ts';

type Payload<C extends CommandName> = Omit<CommandPayload<C>, 'requestId'>;

/** requestIds of commands whose answer never came: the same command sent again reuses it (idempotent). */
const unanswered = new Map<string, string>();

/**
 * A client-made requestId. crypto.randomUUID exists only in secure contexts, and a hall's LAN page
 * (http://192.168.x.x) is not one; getRandomValues works everywhere.
 */
function newRequestId(prefix: string): string {
  const bytes = crypto.getRandomValues(new Uint8Array(12));
  return `${prefix}-${Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('')}`;
}

/**
 * Sends one command over the live socket. Never silent: a refusal, an unanswered command or a lost
 * connection ends as a toast saying why; the Ack is returned for the caller. Nothing is sent offline.
 */
export async function sendCommand<C extends CommandName>(name: C, payload: Payload<C>): Promise<Ack<CommandResult<C>>> {
  const app = useGuide.getState();
  const { lang } = app;
  const fail = (code: string, message: string): Ack<CommandResult<C>> => {
    app.say('error', message);
    return { ok: false, error: { code: code as 'INTERNAL', message } };
  };
  const hub = app.hub?.getState();
  if (hub === undefined) return fail('UNAUTHENTICATED', gt(lang, 'login.expired'));
  if (!hub.connection.connected || hub.link !== 'online') return fail('OFFLINE', gt(lang, 'link.notSent'));

  const key = `${name} ${JSON.stringify(payload)}`;
  const requestId = unanswered.get(key) ?? newRequestId(name.replace(':', '-'));
  app.setBusy(key);
  let res: Ack<CommandResult<C>>;
  try {
    res = await hub.connection.send(name, { ...payload, requestId } as CommandPayload<C>);
  } finally {
    useGuide.getState().setBusy(null);
  }
  if (res.ok) {
    unanswered.delete(key);
    return res;
  }
  if (res.error.code === 'TOKEN_EXPIRED' || res.error.code === 'UNAUTHENTICATED') {
    useGuide.getState().logout(hubMessage(res.error.message, lang));
    return res;
  }
  if (res.error.code === 'INTERNAL' && /did not answer/.test(res.error.message)) {
    unanswered.set(key, requestId);
    return fail(res.error.code, gt(lang, 'link.noAnswer'));
  }
  unanswered.delete(key);
  return fail(res.error.code, gt(lang, 'err.generic', { message: hubMessage(res.error.message, lang) }));
}
