import type { ImportReport } from './appointment-api.ts';
import type { Appointment, Ticket, TicketView, WindowRecord, WindowView } from './entities.ts';
import type { CommandName, StaffRole } from './commands.ts';
import type { HallConfig } from './config.ts';
import type { Notice, Rating } from './notices.ts';
import type { Case, MatterRecord } from './outcomes.ts';
import type { Complaint } from './complaints.ts';

export interface WindowResult {
  window: WindowView;
  ticket: TicketView | null;
}

/** What each command answers with on success. */
/**
 * A ticket just taken, for the kiosk that took it: `link` is the path of the citizen's own page with the
 * ticket's secret (`/t/<id>?s=<secret>`), for the QR code. Never part of a TicketView: displays see those.
 */
export type TakenTicket = TicketView & { link?: string };

export interface CommandResults {
  'ticket:take': TakenTicket;
  'window:sign-in': WindowResult;
  'window:sign-out': WindowResult;
  'window:call-next': WindowResult;
  'window:call-ticket': WindowResult;
  'window:recall': WindowResult;
  'window:no-show': WindowResult;
  'window:start': WindowResult;
  /** The finished ticket's matters with their cases, refusals and notices. */
  'window:finish': WindowResult & { matters: MatterRecord[] };
  'window:pause': WindowResult;
  'window:resume': WindowResult;
  'ticket:transfer': { ticket: TicketView };
  'hall:carry-over': { tickets: TicketView[] };
  'appointment:book': { appointment: Appointment };
  'appointment:reserve': { appointment: Appointment };
  'appointment:cancel': { appointment: Appointment };
  'appointment:reschedule': { appointment: Appointment };
  'appointment:import': { report: ImportReport };
  'ticket:take-remote': TakenTicket;
  'ticket:arrive': { ticket: TicketView };
  'ticket:reactivate': { ticket: TicketView };
  'case:update': { case: Case };
  'notice:create': { notice: Notice };
  'rating:submit': { rating: Rating };
  // ── 导办 guide (issue 17) ──
  /** `day`: the business day the ticket is of (the hub keeps the person's clear contact by it). */
  'ticket:issue': { ticket: TicketView; day: string };
  'ticket:green': { ticket: TicketView };
  'ticket:hold': { ticket: TicketView };
  'ticket:release': { ticket: TicketView };
  // --- complaints, follow-ups, duty leader (issue 17) ---
  'complaint:record': { complaint: Complaint };
  'complaint:assign': { complaintId: string; officerId: string };
  'complaint:close': { complaintId: string };
  'followup:close': { followUpId: string };
  'window:help': { windowId: string; ticketId: string | null };
  // --- end issue 17 complaints block ---
}
export type CommandResult<C extends CommandName> = CommandResults[C];

/** The config as clients may see it: no PINs, hashes or device keys. */
export type PublicHallConfig = Omit<HallConfig, 'officers' | 'devices'> & {
  officers: { id: string; name: string; role: StaffRole }[];
  devices: { id: string; kind: 'kiosk' | 'display' | 'rater'; printer?: string; window?: string; windows?: string[] }[];
};

/** The engine's state as sent to clients; they apply later events to it with the engine's `evolve`. */
export interface HallStateData {
  day: string;
  tickets: Ticket[];
  windows: WindowRecord[];
  counters: Record<string, number>;
  samples: Record<string, number[]>;
  firstSignIns: Record<string, number>;
  /** Notices issued today (their serial numbers count on from this). */
  noticesToday: number;
  /** Cases opened and refusals issued today (older snapshots: absent, 0). */
  casesToday?: number;
  refusalsToday?: number;
}

export interface HallSnapshot {
  protocol: string;
  /** Who this snapshot was made for: a device knows its id (a kiosk, its printer), an officer theirs. */
  viewer: { role: 'kiosk' | 'display' | 'rater' | StaffRole; id: string };
  seq: number;
  at: number;
  config: PublicHallConfig;
  state: HallStateData;
  printers: { id: string; status: string }[];
}
