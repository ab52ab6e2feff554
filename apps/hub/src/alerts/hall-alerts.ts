import type { Alert, DevicePresence, SerialDeviceView } from '@yichuang/protocol';
import type { CommandBus } from '../command-bus.ts';
import type { Db } from '../store/open-db.ts';
import { alertConditions } from './alert-rules.ts';
import { AlertTracker } from './alert-tracker.ts';

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
  soon(): void {
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
    if (this.tracker.update(conditions, now)) this.o.onChange(this.tracker.list());
  }

  stop(): void {
    this.stopped = true;
    clearInterval(this.timer);
  }
}
