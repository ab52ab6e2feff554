import type { Alert, DevicePresence, EventEnvelope, SerialDeviceView } from '@yichuang/protocol';
import type { CommandBus } from '../command-bus.ts';
import { overdueCases } from '../store/case-records.ts';
import type { Db } from '../store/open-db.ts';
import { alertConditions, type AlertCondition } from './alert-rules.ts';
import { AlertTracker } from './alert-tracker.ts';
import { overdueConditions } from './case-alerts.ts';

/** Overdue cases are read again at least this often (and at the day's turn, and after a case changes). */
const OVERDUE_EVERY_MS = 60_000;

export interface HallAlertsOptions {
  db: Db;
  bus: CommandBus;
  clock: () => number;
  printers: () => ReadonlyMap<string, string>;
  serialDevices: () => SerialDeviceView[];
  devices: () => DevicePresence[];
  /** Called with the new list whenever it changes (the hub tells the managers). */
  onChange: (alerts: Alert[]) => void;
  log: (line: string) => void;
  deviceGraceMs?: number;
  /** How often conditions are looked at; long waits and offline screens change with time alone. */
  everyMs?: number;
}

/** The hall's alerts, looked at every second and right after anything is committed. */
export class HallAlerts {
  readonly tracker: AlertTracker;
  private readonly o: HallAlertsOptions;
  private readonly startedAt: number;
  private readonly timer: NodeJS.Timeout;
  private pending = false;
  private stopped = false;
  /** The last read of overdue cases: its business day and time; null: read again at the next look. */
  private overdue: { day: string; at: number; conditions: AlertCondition[] } | null = null;

  constructor(o: HallAlertsOptions) {
    this.o = o;
    this.tracker = new AlertTracker(o.db, o.bus);
    this.startedAt = o.clock();
    this.timer = setInterval(() => this.evaluate(), o.everyMs ?? 1000);
    this.timer.unref();
  }

  /**
   * After a commit: within 200 ms, however many commands came meanwhile. A look costs ~0.2 ms with
   * thousands of tickets; once per command would slow a busy hall's commits by a third.
   */
  soon(events?: readonly EventEnvelope[]): void {
    if (events?.some((e) => e.type === 'case:opened' || e.type === 'case:updated')) this.overdue = null;
    if (this.pending) return;
    this.pending = true;
    setTimeout(() => {
      this.pending = false;
      this.evaluate();
    }, 200).unref();
  }

  evaluate(): void {
    if (this.stopped) return;
    try {
      this.look();
    } catch (err) {
      // An alert check must never take the hub down; the next look tries again.
      this.o.log(`alert check failed: ${(err as Error).message}`);
    }
  }

  private look(): void {
    const now = this.o.clock();
    const conditions = alertConditions({
      state: this.o.bus.state,
      now,
      printers: this.o.printers(),
      serialDevices: this.o.serialDevices(),
      devices: this.o.devices(),
      deviceGraceMs: this.o.deviceGraceMs ?? 60_000,
      startedAt: this.startedAt,
    });
    conditions.push(...this.overdueNow(now));
    if (this.tracker.update(conditions, now)) this.o.onChange(this.tracker.list());
  }

  /**
   * 受理件超期, from the cases table: read at start, at the day's turn, after a case opens or changes,
   * and once a minute; every other second's look reuses the last read.
   */
  private overdueNow(now: number): AlertCondition[] {
    const { state, config } = this.o.bus;
    const day = state.day;
    const last = this.overdue;
    if (last !== null && last.day === day && now - last.at < OVERDUE_EVERY_MS && now >= last.at) return last.conditions;
    const rows = overdueCases(this.o.db, day);
    const conditions = overdueConditions(rows, config, day, (id) => state.cases.get(id)?.serviceId);
    this.overdue = { day, at: now, conditions };
    return conditions;
  }

  stop(): void {
    this.stopped = true;
    clearInterval(this.timer);
  }
}
