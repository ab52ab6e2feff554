import type { Ack, CommandName, CommandPayload, CommandResult } from '@yichuang/protocol';
import { hubMessage } from '@yichuang/ui';
import { useCounter } from './counter-store.ts';
import { newRequestId } from './request-id.ts';
import { ct } from './strings/strings.ts';

type Payload<C extends CommandName> = Omit<CommandPayload<C>, 'requestId'>;

/** requestIds of commands whose answer never came: the same command sent again reuses it (idempotent). */
const unanswered = new Map<string, string>();

const SESSION_GONE = ['TOKEN_EXPIRED', 'UNAUTHENTICATED'];

/**
 * Sends one command over the live socket. Never silent: a refusal, an unanswered command or a lost
 * connection ends as a toast saying why (unless `quiet`), and the Ack is returned for the caller.
 * While offline nothing is sent (socket.io would otherwise replay it on reconnect, long after).
 */
export async function sendCommand<C extends CommandName>(
  name: C,
  payload: Payload<C>,
  opts: { quiet?: boolean } = {},
): Promise<Ack<CommandResult<C>>> {
  const app = useCounter.getState();
  const { lang } = app;
  const fail = (code: string, message: string): Ack<CommandResult<C>> => {
    if (opts.quiet !== true) app.say('error', message);
    return { ok: false, error: { code: code as 'INTERNAL', message } };
  };
  const hub = app.hub?.getState();
  if (hub === undefined) return fail('UNAUTHENTICATED', ct(lang, 'login.expired'));
  if (!hub.connection.connected || hub.link !== 'online') return fail('OFFLINE', ct(lang, 'link.notSent'));

  const key = `${name} ${JSON.stringify(payload)}`;
  const requestId = unanswered.get(key) ?? newRequestId(name.replace(':', '-'));
  useCounter.getState().setBusy(name);
  let res: Ack<CommandResult<C>>;
  try {
    res = await hub.connection.send(name, { ...payload, requestId } as CommandPayload<C>);
  } finally {
    useCounter.getState().setBusy(null);
  }
  if (res.ok) {
    unanswered.delete(key);
    return res;
  }
  if (SESSION_GONE.includes(res.error.code)) {
    useCounter.getState().logout(hubMessage(res.error.message, useCounter.getState().lang));
    return res;
  }
  if (res.error.code === 'INTERNAL' && /did not answer/.test(res.error.message)) {
    unanswered.set(key, requestId);
    return fail(res.error.code, ct(lang, 'link.noAnswer'));
  }
  unanswered.delete(key);
  return fail(res.error.code, ct(lang, 'err.generic', { message: hubMessage(res.error.message, lang) }));
}
