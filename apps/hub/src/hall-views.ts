import {
  PROTOCOL_VERSION,
  type Catalogue,
  type HallConfig,
  type HallSnapshot,
  type HallView,
  type PublicHallConfig,
  type Ticket,
} from '@yichuang/protocol';
import { isPublicRole, publicTicket, publicWindowRecord } from './public-views.ts';
import { registerEncoded } from './realtime/snapshot-encoder.ts';
import {
  bookingRule,
  businessDay,
  hallPhase,
  hoursOn,
  queueViews,
  stateData,
  windowView,
  type HallState,
} from '@yichuang/engine';

export type PrinterStatusMap = ReadonlyMap<string, string>;

export function publicConfig(config: HallConfig): PublicHallConfig {
  return {
    ...config,
    officers: config.officers.map(({ id, name, role }) => ({ id, name, role })),
    devices: config.devices.map(({ key: _key, ...d }) => d),
  };
}

const RECENT_DONE = 50;

/**
 * The state a client starts from. Finished tickets beyond the most recent few are left out:
 * a display needs the latest calls, not the whole day.
 */
export function makeSnapshot(
  state: HallState,
  seq: number,
  now: number,
  viewer: HallSnapshot['viewer'],
  printers: PrinterStatusMap,
): HallSnapshot {
  const role = viewer.role;
  const data = stateData(state);
  const active = data.tickets.filter((t) => ['waiting', 'called', 'serving', 'carried'].includes(t.status));
  // No-shows that may still go back in line (过号重排) are kept whatever their age in the list: the
  // counter's 特呼 dialog and the guide's 过号 tab offer them, and a busy hall finishes 50 in minutes.
  const reactivateMs = state.model.config.callRules.reactivateMinutes * 60_000;
  const mayReturn = (t: Ticket): boolean =>
    t.status === 'no-show' && t.day === data.day && t.finishedAt !== null && now - t.finishedAt <= reactivateMs;
  const done = data.tickets
    .filter((t) => !['waiting', 'called', 'serving', 'carried'].includes(t.status))
    .sort((a, b) => (b.finishedAt ?? b.issuedAt) - (a.finishedAt ?? a.issuedAt))
    .filter((t, i) => i < RECENT_DONE || mayReturn(t));
  const tickets = [...active, ...done].sort((a, b) => a.issuedAt - b.issuedAt);
  const pub = isPublicRole(role);
  return {
    protocol: PROTOCOL_VERSION,
    viewer,
    seq,
    at: now,
    config: publicConfig(state.model.config),
    state: pub
      ? { ...data, tickets: tickets.map(publicTicket), windows: data.windows.map(publicWindowRecord) }
      : { ...data, tickets },
    printers: printerList(state.model.config, printers),
  };
}

/**
 * Snapshots of the newest seq, one for public screens and one for staff, shared by every client that
 * asks at that seq (a hundred displays reconnecting build it once). Only `viewer` and `at` differ.
 */
export class SnapshotCache {
  private readonly latest = new Map<string, { key: string; snapshot: HallSnapshot; body: string }>();

  get(
    state: HallState,
    seq: number,
    now: number,
    viewer: HallSnapshot['viewer'],
    printers: PrinterStatusMap,
  ): HallSnapshot {
    const audience = isPublicRole(viewer.role) ? 'public' : 'staff';
    const key = `${seq}|${state.day}|${JSON.stringify([...printers])}`;
    let entry = this.latest.get(audience);
    if (entry === undefined || entry.key !== key) {
      const snapshot = makeSnapshot(state, seq, now, viewer, printers);
      const { viewer: _v, at: _a, ...rest } = snapshot;
      entry = { key, snapshot, body: JSON.stringify(rest) };
      this.latest.set(audience, entry);
    }
    // Serialised once per seq: each client's text is its viewer and time put before the shared body.
    const own = { ...entry.snapshot, viewer, at: now };
    return registerEncoded(own, `{"viewer":${JSON.stringify(viewer)},"at":${now},${entry.body.slice(1)}`);
  }

  /** A config change keeps seq until its event commits; start afresh. */
  clear(): void {
    this.latest.clear();
  }
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
      ...(h.nameEn === undefined ? {} : { nameEn: h.nameEn }),
      timezone: h.timezone,
      hours: h.hours,
      extendedServiceMinutes: h.extendedServiceMinutes,
      closedDates: h.closedDates,
      phones: h.phones,
      ...(h.address === undefined ? {} : { address: h.address }),
      ...(h.addressEn === undefined ? {} : { addressEn: h.addressEn }),
      day: state.day,
      phase: hallPhase(h, now),
      today: today === null ? null : { open: today.openText, close: today.closeText },
    },
    queues: config.queues.map(({ id, prefix, name, nameEn }) => ({
      id,
      prefix,
      name,
      ...(nameEn === undefined ? {} : { nameEn }),
    })),
    services: config.services.map((s) => ({
      ...s,
      category: s.category ?? config.queues.find((q) => q.id === s.queue)?.name ?? '',
      bookable: bookingRule(config, s.id) !== null,
      remote: config.remote.enabled && config.remote.queues.some((q) => q.queueId === s.queue),
    })),
    windows: config.windows.map(({ id, number, name }) => ({ id, number, name })),
    ...(config.remote.enabled ? { remote: { graceMinutes: config.remote.graceMinutes } } : {}),
    kiosk: {
      idleSeconds: config.kiosk.idleSeconds,
      oneTicketPerIdCard: config.kiosk.oneTicketPerIdCard,
      appointmentCheckIn: {
        earlyMinutes: config.callRules.appointmentCheckInEarlyMinutes,
        lateMinutes: config.callRules.appointmentCheckInLateMinutes,
      },
    },
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
