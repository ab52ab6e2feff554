import { max, percentile } from './percentiles.ts';
import { calledTicketId, type RestClient, type RestReply } from './rest-client.ts';
import { countError, KIOSK_KEY, requestId, takeTicket, type RestOfficer } from './rest-hall.ts';
import type { SaturationResult } from './scenarios.ts';

const callNext = (client: RestClient, o: RestOfficer): Promise<RestReply> =>
  client.post(`/api/windows/${o.windowId}/call-next`, o.token, { requestId: requestId(o.id, 'call') });

const finish = (client: RestClient, o: RestOfficer): Promise<RestReply> =>
  client.post(`/api/windows/${o.windowId}/finish`, o.token, { requestId: requestId(o.id, 'finish') });

export interface RestBurstResult {
  /** From the first request written to the last answer read. */
  allAckedMs: number;
  ackP99: number;
  takes: number;
  calls: number;
  errors: Map<string, number>;
}

/**
 * Scenario D: opening time. `takes` kiosk tickets and a call-next at every window (all free, tickets
 * waiting) written at once over open keep-alive connections, interleaved; time until all are answered.
 * The windows are freed afterwards (not timed).
 */
export async function restBurst(
  client: RestClient,
  officers: readonly RestOfficer[],
  takes: number,
): Promise<RestBurstResult> {
  const errors = new Map<string, number>();
  const total = takes + officers.length;
  const kinds: ('take' | RestOfficer)[] = [];
  // Spread the call-nexts evenly through the kiosk's tickets, as officers and citizens press together.
  for (let i = 0, o = 0; i < total; i++) {
    const officer = officers[o];
    const callsDue = Math.floor(((i + 1) * officers.length) / total);
    if (officer !== undefined && o < callsDue) {
      kinds.push(officer);
      o++;
    } else kinds.push('take');
  }
  await client.warm(total, KIOSK_KEY);
  const first = performance.now();
  const replies = await Promise.all(kinds.map((k) => (k === 'take' ? takeTicket(client) : callNext(client, k))));
  for (const r of replies) countError(errors, r.error);
  const calls = kinds.filter((k, i) => k !== 'take' && calledTicketId(replies[i]?.body) !== null).length;
  const result: RestBurstResult = {
    allAckedMs: max(replies.map((r) => r.ackAt)) - first,
    ackP99: percentile(
      replies.map((r) => r.ackAt - r.sentAt),
      99,
    ),
    takes: replies.filter((r, i) => kinds[i] === 'take' && r.error === null).length,
    calls,
    errors,
  };
  for (const r of await Promise.all(officers.map((o) => finish(client, o)))) countError(errors, r.error);
  return result;
}

/**
 * Scenario E: every window in a closed loop, call-next then finish (what an officer does; the engine
 * lets a called ticket be finished), as fast as answers come back, for `seconds` or until its queue
 * runs dry.
 */
export async function restSaturation(
  client: RestClient,
  officers: readonly RestOfficer[],
  seconds: number,
): Promise<SaturationResult> {
  const errors = new Map<string, number>();
  const acks: number[] = [];
  let callNexts = 0;
  let finishes = 0;
  let ranDry = 0;
  const start = performance.now();
  const deadline = start + seconds * 1000;
  await Promise.all(
    officers.map(async (o) => {
      while (performance.now() < deadline) {
        const r = await callNext(client, o);
        countError(errors, r.error);
        if (r.error !== null) continue;
        callNexts++;
        acks.push(r.ackAt - r.sentAt);
        if (calledTicketId(r.body) === null) {
          ranDry++;
          return;
        }
        const f = await finish(client, o);
        countError(errors, f.error);
        if (f.error === null) finishes++;
      }
    }),
  );
  const elapsed = (performance.now() - start) / 1000;
  return {
    seconds: elapsed,
    callNexts,
    finishes,
    callsPerSec: callNexts / elapsed,
    commandsPerSec: (callNexts + finishes) / elapsed,
    ackP50: percentile(acks, 50),
    ackP99: percentile(acks, 99),
    ranDry,
    errors,
  };
}
