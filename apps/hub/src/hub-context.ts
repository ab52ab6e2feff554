import type { Catalogue, HallSnapshot, HallView, Health, TicketView } from '@yichuang/protocol';
import type { LoginThrottle } from './auth/login-throttle.ts';
import type { CommandBus } from './command-bus.ts';
import type { Db } from './store/open-db.ts';
import type { NoticePrinting } from './printing/notice-printing.ts';

/** What the REST and socket adapters may use of the hub. */
export interface HubContext {
  db: Db;
  bus: CommandBus;
  clock: () => number;
  throttle: LoginThrottle;
  tokenTtlMs: number;
  log: (line: string) => void;
  health: () => Health;
  hallView: () => HallView;
  catalogue: () => Catalogue;
  snapshot: (viewer: HallSnapshot['viewer']) => HallSnapshot;
  ticketView: (id: string) => TicketView | null;
  notices: NoticePrinting;
}
