import {
  MESSAGE_MAX_CHARS,
  renderMessage,
  type EventEnvelope,
  type NotifyParams,
  type NotifyTemplate,
} from '@yichuang/protocol';

/**
 * Which messages committed events call for (pure: the hub gives it what it needs to look up).
 *
 *   ticket:called         请A001号到3号窗口办理            once per call (a recall sends nothing more)
 *   ticket:no-show        A001号已过号                     once per no-show
 *   ticket:transferred    A001号已转至…                    once per transfer
 *   ticket:carried-over   A001号已顺延至…                  once per carry-over
 *   notice:issued         A001号尚缺材料：…                once per notice (its ticket only)
 *   the line moved        A001号，您前面还有N人            once per ticket and queue, when 1 ≤ N ≤ aheadCount
 *   case:opened           …已受理，受理编号SL…             once per case (受理/容缺受理), at the phone given at the finish
 *   case:updated (done)   受理编号SL…的…已办结               once per case
 *
 * Only a ticket with a contact gets anything. Every message has a dedupe key built from the event's seq
 * (or the notice id, or the ticket and queue), so the same events seen again (a replay after a restart)
 * make the same keys, and the outbox keeps the first.
 */

export interface RulesTicket {
  id: string;
  number: string;
  queueId: string;
}

export interface RulesView {
  ticket: (id: string) => RulesTicket | undefined;
  windowName: (id: string) => string;
  queueName: (id: string) => string;
  /** The phone left for this ticket, or null (then nothing is sent about it). */
  contactOf: (ticketId: string) => string | null;
  /** Waiting tickets that have a contact, each with how many people are ahead of it now. */
  waitingWithContact: () => { ticketId: string; ahead: number }[];
  /** "您前面还有N人" once N or fewer are ahead; 0 turns it off. */
  aheadCount: number;
  serviceName: (id: string) => string;
  /** The mobile given at the finish for a case (its clear contact), or null. */
  casePhone: (caseId: string) => string | null;
  /** A stored case by id (its number, matter and ticket), for a message days after it was opened. */
  caseOf: (caseId: string) => { no: string; serviceId: string; ticketId: string | null } | undefined;
}

export interface PlannedMessage {
  dedupeKey: string;
  ticketId: string;
  phone: string;
  template: NotifyTemplate;
  params: NotifyParams;
}

/** Events after which people in a line are closer to the front. */
const LINE_MOVES = new Set<string>([
  'ticket:called',
  'ticket:no-show',
  'ticket:transferred',
  'ticket:carried-over',
  'ticket:expired',
]);

const clip = (s: string, max: number): string => (s.length <= max ? s : `${s.slice(0, max - 1)}…`);

export function decideMessages(events: readonly EventEnvelope[], view: RulesView): PlannedMessage[] {
  const out: PlannedMessage[] = [];
  const add = (
    ticketId: string | null,
    key: string,
    template: NotifyTemplate,
    params: (t: RulesTicket) => NotifyParams,
  ) => {
    if (ticketId === null) return;
    const phone = view.contactOf(ticketId);
    if (phone === null) return;
    const t = view.ticket(ticketId);
    if (t === undefined) return;
    out.push({ dedupeKey: `${ticketId}:${key}`, ticketId, phone, template, params: params(t) });
  };
  const windowName = (id: string): string => clip(view.windowName(id), 16);
  const caseMessage = (
    c: { id: string; no: string; serviceId: string; ticketId: string | null },
    template: 'case-accepted' | 'case-done',
    extra: NotifyParams,
  ): void => {
    const phone = view.casePhone(c.id);
    if (phone === null) return;
    out.push({
      dedupeKey: `${c.id}:${template}`,
      ticketId: c.ticketId ?? c.id,
      phone,
      template,
      params: { no: c.no, matter: clip(view.serviceName(c.serviceId), 14), ...extra },
    });
  };

  for (const e of events) {
    switch (e.type) {
      case 'ticket:called':
        add(e.payload.ticketId, `called:${e.seq}`, 'called', (t) => ({
          number: t.number,
          window: windowName(e.payload.windowId),
        }));
        break;
      case 'ticket:no-show':
        add(e.payload.ticketId, `no-show:${e.seq}`, 'no-show', (t) => ({ number: t.number }));
        break;
      case 'ticket:transferred': {
        const { toWindowId, toQueueId } = e.payload;
        add(e.payload.ticketId, `transferred:${e.seq}`, 'transferred', (t) => ({
          number: t.number,
          to: toWindowId !== null ? windowName(toWindowId) : clip(view.queueName(toQueueId), 16),
        }));
        break;
      }
      case 'ticket:carried-over':
        add(e.payload.ticketId, `carried:${e.seq}`, 'carried', (t) => ({
          number: t.number,
          day: e.payload.toDay,
          window: windowName(e.payload.toWindowId),
        }));
        break;
      case 'notice:issued': {
        const n = e.payload.notice;
        add(n.ticketId, `notice:${n.id}`, 'notice', (t) => ({
          number: t.number,
          items: fitItems(n.missing, (items) => renderMessage('notice', { number: t.number, items }).length),
        }));
        break;
      }
      case 'case:opened':
        caseMessage(e.payload.case, 'case-accepted', { day: e.payload.case.dueDay });
        break;
      case 'case:updated': {
        if (e.payload.status !== 'done') break;
        const c = view.caseOf(e.payload.caseId);
        if (c !== undefined) caseMessage({ id: e.payload.caseId, ...c }, 'case-done', {});
        break;
      }
      default:
        break;
    }
  }

  if (view.aheadCount > 0 && events.some((e) => LINE_MOVES.has(e.type)))
    for (const { ticketId, ahead } of view.waitingWithContact()) {
      // 0 ahead: the next call is theirs, and the call's own message follows.
      if (ahead < 1 || ahead > view.aheadCount) continue;
      const queueId = view.ticket(ticketId)?.queueId;
      if (queueId === undefined) continue;
      add(ticketId, `ahead:${queueId}`, 'ahead', (t) => ({ number: t.number, n: String(ahead) }));
    }
  return out;
}

/**
 * As many missing items as fit one SMS (70 characters), joined with 、, then 等N项 for the rest.
 * `lengthWith` is the whole text's length with a given item list.
 */
export function fitItems(missing: readonly string[], lengthWith: (items: string) => number): string {
  for (let k = missing.length; k >= 1; k--) {
    const rest = missing.length - k;
    const items = missing.slice(0, k).join('、') + (rest > 0 ? `等${missing.length}项` : '');
    if (lengthWith(items) <= MESSAGE_MAX_CHARS) return items;
  }
  const one = `${missing.length}项材料`;
  return lengthWith(one) <= MESSAGE_MAX_CHARS ? one : '';
}
