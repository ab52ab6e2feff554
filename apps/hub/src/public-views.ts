import type {
  ActorRole,
  EventEnvelope,
  EventPayload,
  EventType,
  HallView,
  Notice,
  Rating,
  Ticket,
  TicketView,
  TransferRecord,
  WindowRecord,
  WindowView,
} from '@yichuang/protocol';

/**
 * What public screens (kiosks, hall displays, rating screens, a citizen's ticket page) may see,
 * built from allow-lists: each view copies the fields it names and nothing else, so a field added
 * later stays staff-only until someone decides otherwise here. Free text (transfer and pause notes,
 * rating reasons, notice names and items, config change lines) and appointment codes never go out.
 *
 *   public   number, queue, matter, window, state, times, queue counts; officer names (the 工作监督牌)
 *   staff    officers, managers and guides: everything, notes and masked names (张*) included
 */
export const PUBLIC_ROLES: readonly ActorRole[] = ['kiosk', 'display', 'rater'];
export const isPublicRole = (role: ActorRole): boolean => PUBLIC_ROLES.includes(role);

const HIDDEN_CODE = '****';

function publicTransfer(r: TransferRecord): TransferRecord {
  return {
    at: r.at,
    officerId: r.officerId,
    fromQueueId: r.fromQueueId,
    fromWindowId: r.fromWindowId,
    toQueueId: r.toQueueId,
    toWindowId: r.toWindowId,
    note: '',
  };
}

export function publicTicket(t: Ticket): Ticket {
  return {
    id: t.id,
    number: t.number,
    queueId: t.queueId,
    serviceId: t.serviceId,
    day: t.day,
    issuedAt: t.issuedAt,
    kioskId: t.kioskId,
    green: t.green,
    appointment:
      t.appointment === null
        ? null
        : { code: HIDDEN_CODE, slotStart: t.appointment.slotStart, slotEnd: t.appointment.slotEnd },
    status: t.status,
    windowId: t.windowId,
    officerId: t.officerId,
    firstOfficerId: t.firstOfficerId,
    calledAt: t.calledAt,
    startedAt: t.startedAt,
    finishedAt: t.finishedAt,
    recalls: t.recalls,
    targetWindowId: t.targetWindowId,
    carriedToDay: t.carriedToDay,
    carriedOver: t.carriedOver,
    transfers: t.transfers.map(publicTransfer),
    printed: t.printed,
    idHash: null,
    rating: t.rating,
    requeuedAt: t.requeuedAt ?? null,
    // A public screen may say 线上取号 and whether the holder arrived, never whose phone it is.
    remote: t.remote == null ? null : { phoneHash: '', arrivedAt: t.remote.arrivedAt },
    // 导办: who issued it (an officer id, like officerId) and whether it is on hold; never the person.
    issuedBy: t.issuedBy ?? null,
    person: null,
    heldAt: t.heldAt ?? null,
  };
}

export function publicTicketView(v: TicketView): TicketView {
  return {
    id: v.id,
    number: v.number,
    queueId: v.queueId,
    serviceId: v.serviceId,
    green: v.green,
    greenReason: v.greenReason,
    appointmentCode: v.appointmentCode === null ? null : HIDDEN_CODE,
    appointmentSlot: v.appointmentSlot === null ? null : { start: v.appointmentSlot.start, end: v.appointmentSlot.end },
    status: v.status,
    issuedAt: v.issuedAt,
    ahead: v.ahead,
    estimatedWaitS: v.estimatedWaitS,
    unstaffed: v.unstaffed,
    windowId: v.windowId,
    calledAt: v.calledAt,
    recalls: v.recalls,
    firstOfficerId: v.firstOfficerId,
    targetWindowId: v.targetWindowId,
    carriedOver: v.carriedOver,
    transfers: v.transfers.map(publicTransfer),
    printed: v.printed,
    finishedAt: v.finishedAt,
    rating: v.rating,
    remote: v.remote,
    held: v.held,
    issuedBy: v.issuedBy,
    personName: null,
  };
}

const publicPause = (p: WindowRecord['pause']): WindowRecord['pause'] =>
  p === null ? null : { reason: p.reason, note: '', since: p.since, officerId: p.officerId };

export function publicWindowRecord(w: WindowRecord): WindowRecord {
  return {
    id: w.id,
    holder:
      w.holder === null
        ? null
        : {
            officerId: w.holder.officerId,
            role: w.holder.role,
            since: w.holder.since,
            ...(w.holder.leader === true ? { leader: true } : {}),
          },
    ticketId: w.ticketId,
    pause: publicPause(w.pause),
    priorityStreak: w.priorityStreak,
    emptySince: w.emptySince,
    coverRequestedFor: w.coverRequestedFor,
  };
}

export function publicWindowView(v: WindowView): WindowView {
  return {
    id: v.id,
    number: v.number,
    name: v.name,
    state: v.state,
    queues: v.queues,
    greenChannel: v.greenChannel,
    open: v.open,
    holder:
      v.holder === null
        ? null
        : {
            officerId: v.holder.officerId,
            name: v.holder.name,
            role: v.holder.role,
            since: v.holder.since,
            ...(v.holder.leader === true ? { leader: true } : {}),
          },
    pause: publicPause(v.pause),
    emptyPost: v.emptyPost,
    emptySince: v.emptySince,
    coverRequestedFor: v.coverRequestedFor,
    ticket: v.ticket === null ? null : publicTicketView(v.ticket),
  };
}

/** `GET /api/hall` for a device key: the same hall, its windows and tickets through the allow-lists. */
export function publicHallView(v: HallView): HallView {
  return { ...v, windows: v.windows.map(publicWindowView) };
}

function publicNotice(n: Notice): Notice {
  return {
    id: n.id,
    no: n.no,
    day: n.day,
    ticketId: n.ticketId,
    ticketNumber: n.ticketNumber,
    windowId: n.windowId,
    officerId: n.officerId,
    serviceId: n.serviceId,
    citizenName: '',
    missing: [],
    createdAt: n.createdAt,
  };
}

function publicRating(r: Rating): Rating {
  return {
    ticketId: r.ticketId,
    ticketNumber: r.ticketNumber,
    windowId: r.windowId,
    officerId: r.officerId,
    level: r.level,
    reason: null,
    via: r.via,
    at: r.at,
  };
}

type PublicPayloads = { [T in EventType]: (p: EventPayload<T>) => EventPayload<T> };

/**
 * Every event type's public payload. Typed as a complete map: a new event type does not compile
 * until someone decides here what of it a public screen may see. `same` is for payloads of ids,
 * numbers and enums only.
 */
const same = <P>(p: P): P => p;
const publicPayloads: PublicPayloads = {
  'ticket:issued': (p) => ({ ticket: publicTicket(p.ticket) }),
  'ticket:called': same,
  'ticket:recalled': same,
  'ticket:no-show': same,
  'ticket:started': same,
  'ticket:finished': same,
  'case:opened': (p) => ({ case: { ...p.case, phoneHash: null, contactName: '' } }),
  'case:updated': (p) => ({ ...p, note: '' }),
  'refusal:issued': (p) => ({ refusal: { ...p.refusal, note: '', contactName: '' } }),
  'slip:printed': same,
  'slip:print-failed': (p) => ({ ...p, error: '' }),
  'ticket:transferred': (p) => ({
    ticketId: p.ticketId,
    officerId: p.officerId,
    fromQueueId: p.fromQueueId,
    fromWindowId: p.fromWindowId,
    toQueueId: p.toQueueId,
    toWindowId: p.toWindowId,
    note: '',
  }),
  'ticket:carried-over': same,
  'ticket:expired': same,
  'ticket:printed': same,
  'ticket:print-failed': (p) => ({ ticketId: p.ticketId, printerId: p.printerId, status: p.status, error: '' }),
  'ticket:print-unknown': same,
  'printer:status-changed': same,
  'device:status-changed': same,
  'window:signed-in': same,
  'window:signed-out': same,
  'window:paused': (p) => ({ windowId: p.windowId, officerId: p.officerId, reason: p.reason, note: '' }),
  'window:resumed': same,
  'roster:cover-requested': same,
  'window:empty-post-started': same,
  'window:empty-post-ended': same,
  'hall:day-started': same,
  'appointment:booked': ({ appointment: a }) => ({
    appointment: {
      code: HIDDEN_CODE,
      serviceId: a.serviceId,
      day: a.day,
      slotStart: a.slotStart,
      slotEnd: a.slotEnd,
      ticketId: a.ticketId,
      status: a.status,
      source: a.source,
      bookedAt: a.bookedAt,
      phoneHash: null,
      idHash: null,
      contact: null,
    },
  }),
  'appointment:cancelled': () => ({ code: HIDDEN_CODE }),
  'ticket:arrived': same,
  'ticket:reactivated': same,
  'appointment:rescheduled': (p) => ({ ...p, code: HIDDEN_CODE }),
  'notice:issued': (p) => ({ notice: publicNotice(p.notice) }),
  'notice:printed': same,
  'notice:print-failed': (p) => ({
    noticeId: p.noticeId,
    printerId: p.printerId,
    status: p.status,
    error: '',
    reprint: p.reprint,
  }),
  'ticket:rated': (p) => ({ rating: publicRating(p.rating) }),
  'config:changed': (p) => ({ version: p.version, source: p.source, sections: p.sections, changes: [] }),
  'alert:acknowledged': same,
  // ── 导办 guide (issue 17): the green channel and a hold are visible on a ticket anyway; the note is not. ──
  'ticket:green-granted': same,
  'ticket:held': (p) => ({ ticketId: p.ticketId, officerId: p.officerId, note: '' }),
  'ticket:released': same,
  // --- complaints, follow-ups, duty leader (issue 17): no names, phones, complaint text or results go out ---
  'complaint:recorded': ({ complaint: c }) => ({
    complaint: {
      id: c.id,
      receivedAt: c.receivedAt,
      day: c.day,
      channel: c.channel,
      name: '',
      phone: '',
      phoneHash: null,
      text: '',
      windowId: c.windowId,
      officerId: c.officerId,
      ticketNumber: null,
      recordedBy: c.recordedBy,
    },
  }),
  'complaint:assigned': same,
  'complaint:closed': (p) => ({ complaintId: p.complaintId, result: '', by: p.by }),
  'followup:opened': ({ followUp: f }) => ({ followUp: { ...f, reason: null } }),
  'followup:closed': (p) => ({ followUpId: p.followUpId, action: '', by: p.by }),
  'window:help-requested': (p) => ({ windowId: p.windowId, officerId: p.officerId, ticketId: p.ticketId, note: '' }),
  // --- end issue 17 complaints block ---
};

/** An event as a public screen receives it: the same seq and type (so no gap appears), an allow-listed payload. */
export function publicEvent(e: EventEnvelope): EventEnvelope {
  const build = publicPayloads[e.type] as (p: unknown) => unknown;
  return {
    seq: e.seq,
    at: e.at,
    actor: publicActor(e.actor),
    type: e.type,
    payload: build(e.payload),
  } as EventEnvelope;
}

/** Who did it, for a public screen: officers and devices by id; a citizen's own rating names no ticket. */
function publicActor(actor: string): string {
  return actor.startsWith('citizen:') ? 'citizen' : actor;
}
