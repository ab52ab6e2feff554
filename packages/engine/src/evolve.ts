import type { Appointment, DomainEvent, EventPayload, Ticket, WindowRecord } from '@yichuang/protocol';
import { normalizeAppointmentCode } from '@yichuang/protocol';
import { slipSerial, updatedCase } from './decide-finish.ts';
import { dropTicket, putTicket, SERVICE_SAMPLES, type HallState } from './hall-state.ts';

/**
 * Apply one event to the state. The only function that changes a HallState.
 * Tolerant of events about tickets the state no longer holds (a client's trimmed snapshot).
 */
export function evolve(state: HallState, event: DomainEvent): void {
  switch (event.type) {
    case 'ticket:issued':
      return onIssued(state, event.payload);
    case 'ticket:called':
      return onCalled(state, event.payload, event.at);
    case 'ticket:recalled':
      return patchTicket(state, event.payload.ticketId, { recalls: event.payload.recalls });
    case 'ticket:no-show':
      return release(state, event.payload.ticketId, event.payload.windowId, {
        status: 'no-show',
        finishedAt: event.at,
      });
    case 'ticket:started':
      return patchTicket(state, event.payload.ticketId, { status: 'serving', startedAt: event.at });
    case 'ticket:finished': {
      const { ticketId, windowId, serviceS } = event.payload;
      const t = state.tickets.get(ticketId);
      if (t !== undefined) pushSample(state, t.queueId, serviceS);
      return release(state, ticketId, windowId, { status: 'done', finishedAt: event.at });
    }
    case 'ticket:transferred':
      return onTransferred(state, event.payload, event.at);
    case 'ticket:carried-over': {
      const { ticketId, toWindowId, toDay } = event.payload;
      return patchTicket(state, ticketId, {
        status: 'carried',
        heldAt: null,
        carriedToDay: toDay,
        carriedOver: true,
        targetWindowId: toWindowId,
      });
    }
    case 'ticket:expired': {
      const t = state.tickets.get(event.payload.ticketId);
      if (t?.windowId != null) releaseWindow(state, t.windowId, t.id);
      return patchTicket(state, event.payload.ticketId, { status: 'expired' });
    }
    case 'ticket:printed':
      return patchTicket(state, event.payload.ticketId, { printed: true });
    case 'ticket:print-failed':
    case 'ticket:print-unknown': // `printed` stays false; the console finds it in the log
    case 'printer:status-changed':
    case 'device:status-changed':
      return;
    case 'alert:acknowledged':
      return trackHelp(state, event);
    case 'config:changed': // the hub swaps the config in (applyConfig) as it commits this one
      return; // recorded for the manager and the audit; the queue is unchanged
    case 'window:signed-in': {
      const { windowId, officerId, role, leader } = event.payload;
      patchWindow(state, windowId, {
        holder:
          leader === true ? { officerId, role, since: event.at, leader: true } : { officerId, role, since: event.at },
        pause: null,
        coverRequestedFor: null,
      });
      trackHelp(state, event);
      // A duty leader's sign-in says nothing about their arrival (提前10分钟上岗 is for the roster).
      if (leader !== true && !state.firstSignIns.has(officerId)) {
        state.firstSignIns.set(officerId, event.at);
        state.dirty.meta = true;
      }
      return;
    }
    case 'window:signed-out':
      return patchWindow(state, event.payload.windowId, { holder: null, pause: null });
    case 'window:paused': {
      const { windowId, officerId, reason, note } = event.payload;
      return patchWindow(state, windowId, { pause: { reason, note, since: event.at, officerId } });
    }
    case 'window:resumed':
      return patchWindow(state, event.payload.windowId, { pause: null, coverRequestedFor: null });
    case 'roster:cover-requested':
      return patchWindow(state, event.payload.windowId, { coverRequestedFor: event.payload.toOfficerId });
    case 'window:empty-post-started':
      return patchWindow(state, event.payload.windowId, { emptySince: event.at });
    case 'window:empty-post-ended':
      return patchWindow(state, event.payload.windowId, { emptySince: null });
    case 'hall:day-started':
      return onDayStarted(state, event.payload.day);
    case 'appointment:booked': {
      const a = event.payload.appointment;
      // Keyed by the normalised code: codes booked in lower case before codes were normalised still match.
      const key = normalizeAppointmentCode(a.code);
      state.appointments.set(key, a);
      state.dirty.appointments.add(key);
      return;
    }
    case 'ticket:reactivated':
      return patchTicket(state, event.payload.ticketId, {
        status: 'waiting',
        windowId: null,
        calledAt: null,
        finishedAt: null,
        recalls: 0,
        requeuedAt: event.payload.place === 'end' ? event.at : null,
      });
    case 'ticket:arrived': {
      const t = state.tickets.get(event.payload.ticketId);
      if (t?.remote != null) patchTicket(state, t.id, { remote: { ...t.remote, arrivedAt: event.at } });
      return;
    }
    case 'appointment:cancelled':
      return patchAppointment(state, event.payload.code, { status: 'cancelled' });
    case 'appointment:rescheduled':
      return patchAppointment(state, event.payload.code, {
        day: event.payload.day,
        slotStart: event.payload.slotStart,
        slotEnd: event.payload.slotEnd,
      });
    case 'notice:issued': {
      const serial = slipSerial(event.payload.notice.no);
      if (event.payload.notice.day === state.day && serial > state.noticesToday) {
        state.noticesToday = serial;
        state.dirty.meta = true;
      }
      return;
    }
    case 'case:opened': {
      const c = event.payload.case;
      state.cases.set(c.id, c);
      const serial = slipSerial(c.no);
      if (c.day === state.day && serial > state.casesToday) state.casesToday = serial;
      state.dirty.meta = true;
      return;
    }
    case 'case:updated': {
      const c = state.cases.get(event.payload.caseId);
      if (c === undefined) return;
      state.cases.set(c.id, updatedCase(c, event.payload, event.at));
      return;
    }
    case 'refusal:issued': {
      const r = event.payload.refusal;
      const serial = slipSerial(r.no);
      if (r.day === state.day && serial > state.refusalsToday) {
        state.refusalsToday = serial;
        state.dirty.meta = true;
      }
      return;
    }
    case 'slip:printed':
    case 'slip:print-failed':
    case 'notice:printed':
    case 'notice:print-failed':
      return; // the store keeps the print history; the queue is unchanged
    case 'ticket:rated':
      return patchTicket(state, event.payload.rating.ticketId, { rating: event.payload.rating.level });
    // ── 导办 guide (issue 17) ──
    case 'ticket:green-granted': // putTicket re-indexes it into its queue's priority line
      return patchTicket(state, event.payload.ticketId, { green: event.payload.reason });
    case 'ticket:held':
      return patchTicket(state, event.payload.ticketId, { heldAt: event.at });
    case 'ticket:released':
      return patchTicket(state, event.payload.ticketId, { heldAt: null });
    // --- complaints, follow-ups, duty leader (issue 17) ---
    case 'complaint:recorded':
      state.complaints.set(event.payload.complaint.id, { id: event.payload.complaint.id, assignedTo: null });
      return;
    case 'complaint:assigned': {
      const c = state.complaints.get(event.payload.complaintId);
      if (c !== undefined) state.complaints.set(c.id, { ...c, assignedTo: event.payload.officerId });
      return;
    }
    case 'complaint:closed':
      state.complaints.delete(event.payload.complaintId);
      return;
    case 'followup:opened':
      state.followUps.set(event.payload.followUp.id, event.payload.followUp.ticketId);
      return;
    case 'followup:closed':
      state.followUps.delete(event.payload.followUpId);
      return;
    case 'window:help-requested':
      return trackHelp(state, event);
    // --- end issue 17 complaints block ---
  }
}

/**
 * 请求帮办 (issue 17): a request stands until a manager acknowledges its alert or signs in at the window.
 * Also run alone over today's log at start (restoreHelpRequests): the requests are not in the projections.
 */
export function trackHelp(state: HallState, event: DomainEvent): void {
  if (event.type === 'window:help-requested') {
    const { windowId, officerId, ticketId, note } = event.payload;
    state.helpRequests.set(windowId, { windowId, officerId, ticketId, note, at: event.at });
  } else if (event.type === 'alert:acknowledged' && event.payload.kind === 'help-requested') {
    state.helpRequests.delete(event.payload.subject);
  } else if (
    event.type === 'window:signed-in' &&
    state.model.officers.get(event.payload.officerId)?.role === 'manager'
  ) {
    state.helpRequests.delete(event.payload.windowId);
  }
}

/** The event types trackHelp reads: what the store hands restoreHelpRequests. */
export const HELP_EVENT_TYPES = ['window:help-requested', 'alert:acknowledged', 'window:signed-in'] as const;

/** Help requests still standing after today's events of HELP_EVENT_TYPES (in log order), after a restart. */
export function restoreHelpRequests(state: HallState, events: Iterable<DomainEvent>): void {
  for (const e of events) trackHelp(state, e);
}

function patchAppointment(state: HallState, code: string, patch: Partial<Appointment>): void {
  const key = normalizeAppointmentCode(code);
  const a = state.appointments.get(key);
  if (a === undefined) return;
  state.appointments.set(key, { ...a, ...patch });
  state.dirty.appointments.add(key);
}

function onIssued(state: HallState, { ticket }: EventPayload<'ticket:issued'>): void {
  putTicket(state, { ...ticket });
  state.dirty.tickets.add(ticket.id);
  if (ticket.day === state.day) {
    const n = Number(ticket.number.replace(/^[A-Z]+/, ''));
    if (n > (state.counters.get(ticket.queueId) ?? 0)) {
      state.counters.set(ticket.queueId, n);
      state.dirty.meta = true;
    }
  }
  if (ticket.appointment !== null) {
    const key = normalizeAppointmentCode(ticket.appointment.code);
    const a = state.appointments.get(key);
    if (a !== undefined) {
      state.appointments.set(key, { ...a, ticketId: ticket.id });
      state.dirty.appointments.add(key);
    }
  }
}

function onCalled(state: HallState, p: EventPayload<'ticket:called'>, at: number): void {
  const t = state.tickets.get(p.ticketId);
  if (t !== undefined) {
    patchTicket(state, p.ticketId, {
      status: 'called',
      windowId: p.windowId,
      officerId: p.officerId,
      calledAt: at,
      startedAt: null,
      recalls: 0,
      firstOfficerId: t.firstOfficerId ?? p.officerId,
    });
  }
  patchWindow(state, p.windowId, { ticketId: p.ticketId, priorityStreak: p.streak });
}

function onTransferred(state: HallState, p: EventPayload<'ticket:transferred'>, at: number): void {
  const t = state.tickets.get(p.ticketId);
  if (p.fromWindowId !== null) releaseWindow(state, p.fromWindowId, p.ticketId);
  if (t === undefined) return;
  patchTicket(state, p.ticketId, {
    status: 'waiting',
    queueId: p.toQueueId,
    targetWindowId: p.toWindowId,
    windowId: null,
    calledAt: null,
    startedAt: null,
    recalls: 0,
    transfers: [
      ...t.transfers,
      {
        at,
        officerId: p.officerId,
        fromQueueId: p.fromQueueId,
        fromWindowId: p.fromWindowId,
        toQueueId: p.toQueueId,
        toWindowId: p.toWindowId,
        note: p.note,
      },
    ],
  });
}

function onDayStarted(state: HallState, day: string): void {
  state.day = day;
  state.counters = new Map();
  state.firstSignIns = new Map();
  state.noticesToday = 0;
  state.casesToday = 0;
  state.refusalsToday = 0;
  state.helpRequests = new Map();
  state.dirty.meta = true;
  for (const [id, c] of state.cases) if (c.status === 'done') state.cases.delete(id);
  for (const [id, t] of state.tickets) {
    if (t.status === 'carried' && t.carriedToDay !== null && t.carriedToDay <= day) {
      patchTicket(state, id, { status: 'waiting' });
    } else if (t.status !== 'carried') {
      // Yesterday's finished tickets stay in the store, not in memory.
      dropTicket(state, id);
    }
  }
  for (const [code, a] of state.appointments) if (a.day < day) state.appointments.delete(code);
  for (const w of state.windows.values()) patchWindow(state, w.id, { priorityStreak: 0, coverRequestedFor: null });
}

function release(state: HallState, ticketId: string, windowId: string, patch: Partial<Ticket>): void {
  patchTicket(state, ticketId, patch);
  releaseWindow(state, windowId, ticketId);
}

function releaseWindow(state: HallState, windowId: string, ticketId: string): void {
  const w = state.windows.get(windowId);
  if (w !== undefined && w.ticketId === ticketId) patchWindow(state, windowId, { ticketId: null });
}

function patchTicket(state: HallState, id: string, patch: Partial<Ticket>): void {
  const t = state.tickets.get(id);
  if (t === undefined) return;
  putTicket(state, { ...t, ...patch });
  state.dirty.tickets.add(id);
}

function patchWindow(state: HallState, id: string, patch: Partial<WindowRecord>): void {
  const w = state.windows.get(id);
  if (w === undefined) return;
  state.windows.set(id, { ...w, ...patch });
  state.dirty.windows.add(id);
}

function pushSample(state: HallState, queueId: string, seconds: number): void {
  const list = [...(state.samples.get(queueId) ?? []), seconds];
  if (list.length > SERVICE_SAMPLES) list.splice(0, list.length - SERVICE_SAMPLES);
  state.samples.set(queueId, list);
  state.dirty.meta = true;
}
