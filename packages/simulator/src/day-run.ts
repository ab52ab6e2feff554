import type { DayHours } from '@yichuang/engine';
import type { DomainEvent } from '@yichuang/protocol';
import type { Citizen } from './demand.ts';
import type { ServiceSpan } from './service-day.ts';
import type { WindowTotals } from './window-agent.ts';

/** A day to simulate and the citizens who come that day. */
export interface SimDay {
  day: string;
  citizens: readonly Citizen[];
}

export interface TicketRecord {
  /** Index of the simulated day the record belongs to. */
  day: number;
  /** Index of the citizen among that day's citizens; -1 for a ticket carried in from the day before. */
  citizen: number;
  ticketId: string;
  queueId: string;
  serviceId: string;
  green: boolean;
  appointment: boolean;
  carriedIn: boolean;
  issuedAt: number;
  calledAt: number | null;
  finishedAt: number | null;
  windowId: string | null;
  outcome: 'waiting' | 'called' | 'served' | 'no-show' | 'carried' | 'expired';
  serviceMs: number;
  noShow: boolean;
}

/** One simulated day, raw: every ticket, every window's totals, the queue over the day. */
export interface DayRun {
  day: string;
  hours: DayHours | null;
  /** When service runs that day (extended service past midnight ends there); null when closed. */
  span: ServiceSpan | null;
  midnight: number;
  citizens: number;
  /** Arrivals the kiosk refused (outside opening hours, a matter the hall does not know). */
  refused: number;
  tickets: TicketRecord[];
  windows: { windowId: string; totals: WindowTotals }[];
  samples: { at: number; waiting: Record<string, number> }[];
  carriedOver: number;
}

export interface RunSettings {
  sampleMinutes: number;
  noShowWaitMs: number;
  /** Tick before every command as the hub does (slower, same outcome; see HallDriver). */
  tickEveryCommand?: boolean;
  /** Every event the engine produced, in order: the log the hub would have written. */
  onEvent?: (event: DomainEvent) => void;
}

export function appointmentCode(day: number, citizen: number): string {
  return `SIM${day}X${citizen}`;
}

/** An appointment slot as the booking command takes it: HH:MM on the day, start before end. */
export function slotText(slotStart: number, slotEnd: number, midnight: number): [string, string] {
  const last = 23 * 60 + 59;
  const minutes = (t: number): number => Math.min(last, Math.max(0, Math.floor((t - midnight) / 60_000)));
  const start = Math.min(minutes(slotStart), last - 1);
  const end = Math.max(start + 1, minutes(slotEnd));
  const hhmm = (m: number): string =>
    `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
  return [hhmm(start), hhmm(end)];
}
