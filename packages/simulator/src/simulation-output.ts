import type { WaitStats } from './statistics.ts';

/** What a simulated day comes to, as plain JSON (the manager console shows it as it is). */
export interface SimulationOutput {
  day: string;
  plan: string;
  seed: number;
  /**
   * Opening hours of the day ("09:00"–"17:00", extended service to "17:30"); null when the hall is closed.
   * Extended service that would run past midnight ends there ("24:00", the engine's day turns), and
   * `configuredServiceEnd` says when it was meant to end ("24:29": 次日 00:29).
   */
  openingHours: { open: string; close: string; serviceEnd: string; configuredServiceEnd?: string } | null;
  totals: SimulationTotals;
  queues: QueueOutput[];
  /** By hour of issue (hall time), only hours in which tickets were issued. */
  byHour: HourOutput[];
  windows: WindowOutput[];
  /** Waiting tickets per queue, sampled every `sampleMinutes` from opening to the end of extended service. */
  queueLength: { at: string; total: number; byQueue: Record<string, number> }[];
}

export interface SimulationTotals {
  /** Citizens who came to the kiosk. */
  arrivals: number;
  /** Tickets issued to them. */
  issued: number;
  /** Citizens the kiosk refused: outside opening hours, or a matter the hall does not know. */
  refused: number;
  /** Of today's tickets, those called. */
  called: number;
  /** Tickets finished today, carried-in ones included. */
  served: number;
  /** Tickets marked 过号 today, carried-in ones included. */
  noShow: number;
  /** Tickets still waiting when extended service ended (延时服务: promised to the next open day). */
  carriedOver: number;
  /** Tickets carried over from the day before and called first today (multi-day runs). */
  carriedIn: number;
  /** Tickets lost at a rollover while waiting or in service (should stay 0). */
  expired: number;
  /** Wait from taking the ticket to being called, over the tickets called today (carried-in ones aside). */
  wait: WaitStats;
  meanServiceS: number;
  /** When the last ticket was finished ("HH:MM", past midnight "24:10"), or null. */
  lastFinish: string | null;
}

export interface QueueOutput {
  queueId: string;
  name: string;
  issued: number;
  served: number;
  noShow: number;
  carriedOver: number;
  wait: WaitStats;
}

export interface HourOutput {
  /** "09:00" for tickets taken from 09:00 to 09:59. */
  hour: string;
  issued: number;
  all: WaitStats;
  byQueue: Record<string, WaitStats>;
}

export interface WindowOutput {
  windowId: string;
  name: string;
  queues: 'all' | string[];
  greenChannel: boolean;
  staffedS: number;
  pausedS: number;
  busyS: number;
  /** Busy share of the time the window was open: staffed and not paused. */
  utilisation: number;
  called: number;
  served: number;
  noShow: number;
}
