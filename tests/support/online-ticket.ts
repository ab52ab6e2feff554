import type { Harness } from './hub-harness.ts';

/** An SMS gateway stand-in for one-time codes: what the citizen would read on their phone. */
export function capturingSms(): {
  sent: { phone: string; code: string }[];
  sendCode: (phone: string, code: string) => Promise<void>;
} {
  const sent: { phone: string; code: string }[] = [];
  return {
    sent,
    sendCode: (phone, code) => {
      sent.push({ phone, code });
      return Promise.resolve();
    },
  };
}

/** 线上取号 over REST as the phone pages do it: a code to the phone, then the ticket with that code. */
export async function takeOnlineTicket(
  x: Harness,
  sms: ReturnType<typeof capturingSms>,
  phone: string,
  serviceId: string,
): Promise<{ status: number; body: { id: string; number: string; link: string } }> {
  await x.api('POST', '/api/remote/code', { phone });
  const code = sms.sent.filter((m) => m.phone === phone).at(-1)?.code ?? '';
  return x.api('POST', '/api/remote/tickets', { requestId: `online-${phone}`, phone, code, serviceId });
}
