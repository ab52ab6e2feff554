import {
  PROTOCOL_VERSION,
  type ActorRole,
  type Catalogue,
  type EventEnvelope,
  type HallConfig,
  type HallSnapshot,
  type HallView,
  type PublicHallConfig,
  type Ticket,
} from '@yichuang/protocol';
import { businessDay, hallPhase, hoursOn, queueViews, stateData, windowView, type HallState } from '@yichuang/engine';

export type PrinterStatusMap = ReadonlyMap<string, string>;

export function publicConfig(config: HallConfig): PublicHallConfig {
  return {
    ...config,
    officers: config.officers.map(({ id, name, role }) => ({ id, name, role })),
    devices: config.devices.map(({ key: _key, ...d }) => d),
  };
}

const PUBLIC_ROLES: readonly ActorRole[] = ['kiosk', 'display', 'rater'];

/** Public screens never see appointment codes (a code is enough to check someone in). */
function maskTicket(t: Ticket): Ticket {
  return t.appointment === null ? t : { ...t, appointment: { ...t.appointment, code: '****' } };
}

/** 张三丰 → 张**: enough for staff to recognise, nothing for a public screen to leak. */
export function maskName(name: string): string {
  const chars = [...name];
  return chars.length <= 1 ? '*' : `${chars[0]}${'*'.repeat(chars.length - 1)}`;
}

export function redactEvent(role: ActorRole, e: EventEnvelope): EventEnvelope {
  if (!PUBLIC_ROLES.includes(role)) return e;
  if (e.type === 'ticket:issued') return { ...e, payload: { ticket: maskTicket(e.payload.ticket) } };
  if (e.type === 'notice:issued') {
    const n = e.payload.notice;
    return { ...e, payload: { notice: { ...n, citizenName: maskName(n.citizenName), missing: [] } } };
  }
  if (e.type === 'appointment:booked')
    return { ...e, payload: { appointment: { ...e.payload.appointment, code: '****' } } };
  return e;
}

const RECENT_DONE = 50;

/**
 * The state a client starts from. Finished tickets beyond the most recent few are left out:
 * a display needs the latest calls, not the whole day.
 */
export function snapshot(
  state: HallState,
  seq: number,
  now: number,
  viewer: HallSnapshot['viewer'],
  printers: PrinterStatusMap,
): HallSnapshot {
  const role = viewer.role;
  const data = stateData(state);
  const active = data.tickets.filter((t) => ['waiting', 'called', 'serving', 'carried'].includes(t.status));
  const done = data.tickets
    .filter((t) => !['waiting', 'called', 'serving', 'carried'].includes(t.status))
    .sort((a, b) => (b.finishedAt ?? b.issuedAt) - (a.finishedAt ?? a.issuedAt))
    .slice(0, RECENT_DONE);
  const tickets = [...active, ...done].sort((a, b) => a.issuedAt - b.issuedAt);
  return {
    protocol: PROTOCOL_VERSION,
    viewer,
    seq,
    at: now,
    config: publicConfig(state.model.config),
    state: { ...data, tickets: PUBLIC_ROLES.includes(role) ? tickets.map(maskTicket) : tickets },
    printers: printerList(state.model.config, printers),
  };
}

export function printerList(config: HallConfig, printers: PrinterStatusMap): HallView['printers'] {
  return config.printers.map((p) => ({
    id: p.id,
    status: (printers.get(p.id) ?? 'unknown') as HallView['printers'][number]['status'],
  }));
}

export function catalogue(state: HallState, now: number): Catalogue {
  const { config } = state.model;
  const h = config.hall;
  const today = hoursOn(h, businessDay(now, h.timezone));
  return {
    hall: {
      id: h.id,
      name: h.name,
      timezone: h.timezone,
      hours: h.hours,
      extendedServiceMinutes: h.extendedServiceMinutes,
      closedDates: h.closedDates,
      phones: h.phones,
      day: state.day,
      phase: hallPhase(h, now),
      today: today === null ? null : { open: today.openText, close: today.closeText },
    },
    queues: config.queues.map(({ id, prefix, name }) => ({ id, prefix, name })),
    services: config.services.map((s) => ({
      ...s,
      category: s.category ?? config.queues.find((q) => q.id === s.queue)?.name ?? '',
    })),
    windows: config.windows.map(({ id, number, name }) => ({ id, number, name })),
    kiosk: { idleSeconds: config.kiosk.idleSeconds, oneTicketPerIdCard: config.kiosk.oneTicketPerIdCard },
  };
}

export function hallView(
  state: HallState,
  seq: number,
  now: number,
  printers: PrinterStatusMap,
  serialDevices: HallView['serialDevices'],
): HallView {
  const { config } = state.model;
  return {
    hall: { id: config.hall.id, name: config.hall.name, day: state.day, phase: hallPhase(config.hall, now) },
    seq,
    queues: queueViews(state, now),
    windows: config.windows.map((w) => windowView(state, w.id)),
    printers: printerList(config, printers),
    serialDevices,
  };
}
