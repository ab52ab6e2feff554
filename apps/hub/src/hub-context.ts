import type {
  PublicCityCatalogue,
  Ack,
  Actor,
  Alert,
  Catalogue,
  DevicesView,
  HallSnapshot,
  HallView,
  Health,
  TicketView,
} from '@yichuang/protocol';
import type { AlertTracker } from './alerts/alert-tracker.ts';
import type { LoginThrottle } from './auth/login-throttle.ts';
import type { CommandBus } from './command-bus.ts';
import type { LiveConfig } from './config/live-config.ts';
import type { NoticePrinting } from './printing/notice-printing.ts';
import type { SlipPrinting } from './printing/slip-printing.ts';
import type { Notifier } from './notify/notifier.ts';
import type { Presence } from './realtime/presence.ts';
import type { Backups } from './ops/backups.ts';
import type { HubMetrics } from './ops/metrics.ts';
import type { Db } from './store/open-db.ts';
import type { TicketSecrets } from './auth/ticket-secret.ts';
import type { PersonHashers } from './personal-data.ts';
import type { PhoneCodes } from './auth/phone-codes.ts';

/** What the REST and socket adapters may use of the hub. */
export interface HubContext {
  /** 全城通办: the city tier's public catalogue (cached; `available: false` without a city or when it cannot be reached). */
  cityCatalogue: () => Promise<PublicCityCatalogue>;
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
  /** Acceptance receipts (受理回执) and refusal notices (不予受理告知书): printing and reprints. */
  slips: SlipPrinting;
  /** Messages to citizens (短信/微信提醒): contacts, the outbox, the send loop. */
  notifier: Notifier;
  presence: Presence;
  config: LiveConfig;
  alerts: AlertTracker;
  acknowledgeAlert: (id: string, actor: Actor) => Ack<{ alert: Alert }>;
  devices: () => DevicesView;
  metrics: HubMetrics;
  /** null when the hub runs without backups (tests). */
  backups: Backups | null;
  /** The secret of each ticket's public link (`/t/:id?s=…`): the citizen's page and own rating need it. */
  ticketSecrets: TicketSecrets;
  /** The hall's salted hashes of ID-card and phone numbers (an appointment's owner proves it by the phone). */
  hash: PersonHashers;
  /** One-time codes that prove a mobile number (线上取号), and how they are sent. */
  phoneCodes: PhoneCodes;
  sendCode: (phone: string, code: string) => Promise<void>;
  reprintTicket: (ticketId: string, printerId?: string) => Promise<Ack<{ ticketId: string; printerId: string }>>;
  /** Close every socket opened with this bearer credential (a logout); returns how many were closed. */
  endSessions: (bearer: string) => number;
}
