import { randomBytes } from 'node:crypto';
import { networkInterfaces } from 'node:os';
import { dirname } from 'node:path';
import Fastify, { type FastifyInstance } from 'fastify';
import {
  fail,
  maskPhone,
  PROTOCOL_VERSION,
  type CityLinkView,
  type EventEnvelope,
  type HallConfig,
  type QueueView,
  type SerialDeviceView,
  type Ticket,
} from '@yichuang/protocol';
import { ticketView } from '@yichuang/engine';
import { LoginThrottle } from './auth/login-throttle.ts';
import { CommandBus } from './command-bus.ts';
import { catalogue, hallView, printerList, SnapshotCache } from './hall-views.ts';
import { printersFromConfig, TicketPrinting, type HubPrinter } from './printing/ticket-printing.ts';
import { serveApps } from './web/serve-apps.ts';
import { NoticePrinting } from './printing/notice-printing.ts';
import { SlipPrinting } from './printing/slip-printing.ts';
import { publicBaseUrl, type PublicUrl } from './printing/public-url.ts';
import { SerialDevices, type SerialDeviceFactory } from './devices/serial-devices.ts';
import type { SerialDriverOptions } from '@yichuang/serial';
import { fileConfinementProblem } from '@yichuang/printer';
import { HallAlerts } from './alerts/hall-alerts.ts';
import { configHash } from './config/config-versions.ts';
import { LiveConfig, resolveStartupConfig } from './config/live-config.ts';
import { Presence } from './realtime/presence.ts';
import { Backups } from './ops/backups.ts';
import { checkDatabase } from './ops/db-check.ts';
import { HubMetrics } from './ops/metrics.ts';
import { queueViews } from '@yichuang/engine';
import type { HubContext } from './hub-context.ts';
import { createSocketServer, publishEvents, type HubIo, type SocketServer } from './realtime/socket-server.ts';
import { BODY_LIMIT, registerRoutes } from './rest/register-routes.ts';
import { budgetedHttpServer } from './rest/http-budget.ts';
import { lastSeq } from './store/event-log.ts';
import { stmt, type Db } from './store/open-db.ts';
import { personHashers } from './store/id-card-hasher.ts';
import { publicTicketPath, ticketSecrets } from './auth/ticket-secret.ts';
import { Checkpointer } from './store/checkpointer.ts';
import { CityCatalogueClient } from './city/city-catalogue.ts';
import { hallProfile } from './city/city-profile.ts';
import { latestConfig } from './config/config-versions.ts';
import { withTicketLink } from './auth/ticket-link.ts';
import { PhoneCodes } from './auth/phone-codes.ts';
import { Notifier, type NotifierOptions } from './notify/notifier.ts';
import { CityPush } from './city/city-push.ts';

export const HUB_VERSION = '0.1.0';

export interface HubOptions {
  config: HallConfig;
  db: Db;
  clock?: () => number;
  newId?: () => string;
  log?: (line: string) => void;
  tokenTtlMs?: number;
  /** How often time-driven events (day rollover, empty posts) are checked. */
  tickMs?: number;
  /** Printers by config id; default: a print queue for each printer in the config. */
  printers?: Map<string, HubPrinter>;
  /**
   * Identity of the config file the hub was started with (see config-versions.ts): while the file is
   * unchanged, the console's edits stored in the database stand. Default: the config's own content.
   */
  configFileHash?: string;
  /** What the running hall makes of the stored config (the demo's --always-open); default: as is. */
  adjustConfig?: (config: HallConfig) => HallConfig;
  /** scrypt cost of PINs set from the console (tests use a low one). */
  pinCost?: number;
  /** A kiosk or display away this long during hours raises an alert. Default 60 s. */
  deviceGraceMs?: number;
  /** Online backups into `dir` (the CLI: DATA/backups); none when left out. */
  backups?: { dir: string; everyMinutes?: number; keep?: number };
  /** Serial devices (window screens, keypads, rating pads); default: the registered wire protocols. */
  serial?: { create?: SerialDeviceFactory; driverOptions?: SerialDriverOptions };
  /**
   * Base URL citizens' phones reach the hub at (the ticket QR code; the CLI's --public-url). Wins over the
   * config's hall.publicUrl; with neither, the listening URL.
   */
  publicUrl?: string;
  /** The data directory: `file:` printers may write only under it. Default: the database file's folder. */
  dataDir?: string;
  /**
   * Sends a one-time code (短信验证码) to a mobile number for 线上取号. Default: the hall's message provider;
   * without one, the code is only logged (the phone masked), which is what the demo relies on.
   */
  sendCode?: (phone: string, code: string) => Promise<void>;
  /** Timing of the message send loop (tests shorten the retry backoff). */
  notify?: Pick<NotifierOptions, 'concurrency' | 'retryBaseMs' | 'maxRetryMs' | 'pollMs' | 'purgeEveryMs'>;
}

export interface Hub {
  app: FastifyInstance;
  io: HubIo;
  bus: CommandBus;
  context: HubContext;
  /** Resolves with the bound URL, e.g. http://127.0.0.1:40123. */
  listen: (port: number, host?: string) => Promise<string>;
  close: () => Promise<void>;
  /** The outbox to the city tier (idle unless the config has a `city` section). */
  cityPush: CityPush;
  /** Subscribe to committed events (in seq order). */
  onEvents: (listener: (events: EventEnvelope[]) => void) => () => void;
  /** The address printed in QR codes and links (final once listening), and where it came from. */
  publicUrl: () => PublicUrl;
}

/** The first LAN IPv4 address, for QR codes when the hub listens on every interface. */
function lanAddress(): string {
  for (const list of Object.values(networkInterfaces()))
    for (const a of list ?? []) if (a.family === 'IPv4' && !a.internal) return a.address;
  return '127.0.0.1';
}

/** Ticket ids are capabilities (`/t/:id` needs no login): 80 random bits, URL-safe. */
export function randomTicketId(): string {
  return randomBytes(10).toString('base64url');
}

/** The composition root: builds the store-backed bus, REST and socket.io around one hall. */
export function createHub(opts: HubOptions): Hub {
  const clock = opts.clock ?? Date.now;
  const log = opts.log ?? ((line: string) => console.log(line));
  let publicUrl = opts.publicUrl ?? '';
  const listeners = new Set<(events: EventEnvelope[]) => void>();
  const adjust = opts.adjustConfig ?? ((c: HallConfig) => c);
  const startup = resolveStartupConfig(
    opts.db,
    opts.config,
    opts.configFileHash ?? configHash(JSON.stringify(opts.config)),
    clock(),
    log,
  );
  let seq = lastSeq(opts.db);
  let io: HubIo | null = null;
  let sockets: SocketServer | null = null;
  // Events committed in one turn of the event loop go out together, after the acks of their commands.
  let outbox: EventEnvelope[] = [];
  const flush = (): void => {
    const batch = outbox;
    outbox = [];
    if (io !== null) publishEvents(io, batch);
  };

  // Gauges are read at scrape time from parts made below.
  const metrics: HubMetrics = new HubMetrics({
    clientsByRole: (): Record<string, number> => presence.byRole(),
    printers: (): ReadonlyMap<string, string> => printing.statuses(),
    serialDevices: (): SerialDeviceView[] => serial.list(),
    waitingByQueue: (): QueueView[] => queueViews(bus.state, clock()),
    lastSeq: (): number => seq,
    lastBackupAt: (): number | null => backups?.lastSuccess() ?? null,
    integrity: (): typeof integrity => integrity,
    cityLink: () => cityLink(),
  });
  let integrity: 'ok' | 'checking' | 'failed' = 'checking';
  // Its thread holds a connection of its own to the file: `close` waits for it, so nothing touches the
  // data folder once the hub has stopped.
  const startupCheck = checkDatabase(opts.db.name).then((r) => {
    integrity = r.ok ? 'ok' : 'failed';
    if (!r.ok) log(`数据库完整性检查失败 / integrity_check FAILED on ${opts.db.name}: ${r.detail}`);
  });

  const secrets = ticketSecrets(opts.db);
  const hashers = personHashers(opts.db);
  const checkpointer = opts.db.memory ? null : new Checkpointer(opts.db.name, log);
  const snapshots = new SnapshotCache();
  const bus = new CommandBus({
    enrich: (name, result) => withTicketLink(secrets, name, result),
    observe: metrics,
    db: opts.db,
    config: adjust(startup.config),
    clock,
    newId: opts.newId ?? randomTicketId,
    log,
    hash: hashers,
    publish: (events) => {
      if (events.length === 0) return;
      seq = events[events.length - 1]!.seq;
      if (outbox.length === 0) setImmediate(flush);
      outbox.push(...events);
      for (const l of listeners) l(events);
    },
  });

  const dataDir = opts.dataDir ?? dirname(opts.db.name);
  for (const p of bus.config.printers) {
    const refused = p.uri.toLowerCase().startsWith('file:') ? fileConfinementProblem(p.uri, dataDir) : null;
    if (refused !== null) log(`打印机 ${p.id} 不能使用（只能写入数据目录）/ printer ${p.id} refused: ${refused}`);
  }
  const printers = opts.printers ?? printersFromConfig(bus.config, undefined, dataDir);
  const publicBase = (): PublicUrl =>
    publicBaseUrl({ cli: opts.publicUrl, config: bus.config.hall.publicUrl, listening: publicUrl });
  const printing = new TicketPrinting({
    bus,
    db: opts.db,
    printers,
    publicUrl: () => publicBase().url,
    ticketPath: (id) => publicTicketPath(id, secrets.of(id)),
    clock,
    log,
    onStatus: () => io?.emit('hub:printers', printerList(bus.config, printing.statuses())),
  });
  listeners.add((events) => printing.onEvents(events));
  const notices = new NoticePrinting({ bus, db: opts.db, printers, clock, log });
  listeners.add((events) => notices.onEvents(events));
  const slips = new SlipPrinting({ bus, db: opts.db, printers, publicUrl: () => publicBase().url, clock, log });
  listeners.add((events) => slips.onEvents(events));
  const serial = new SerialDevices({
    bus,
    clock,
    log,
    ...opts.serial,
    onStatus: () => io?.to(['role:officer', 'role:manager']).emit('hub:devices', serial.list()),
  });
  listeners.add((events) => serial.onEvents(events));

  const presence = new Presence(clock);
  const backups = opts.backups === undefined ? null : new Backups({ db: opts.db, clock, log, ...opts.backups });
  // A copy of each finished day, whatever the schedule.
  listeners.add((events) => {
    if (backups !== null && events.some((e) => e.type === 'hall:day-started'))
      void backups.backupNow().catch(() => undefined);
  });
  const alerts = new HallAlerts({
    db: opts.db,
    bus,
    clock,
    printers: () => printing.statuses(),
    serialDevices: () => serial.list(),
    devices: () => presence.list(bus.config),
    deviceGraceMs: opts.deviceGraceMs,
    log,
    onChange: (list) => io?.to('role:manager').emit('hub:alerts', list),
  });
  listeners.add((events) => alerts.soon(events));
  presence.onChange(() => io?.to('role:manager').emit('hub:presence', presence.list(bus.config)));

  const liveConfig = new LiveConfig(
    {
      db: opts.db,
      bus,
      clock,
      log,
      adjust,
      pinCost: opts.pinCost,
      fileRoot: dataDir,
      onApplied: (config, sections) => {
        if (sections.includes('serialDevices') || sections.includes('windows')) void serial.reconfigure(bus.config);
        if (sections.includes('printers') && opts.printers === undefined)
          void printing.reconfigure(before, config, (c) => printersFromConfig(c, undefined, dataDir));
        before = config;
        snapshots.clear();
        sockets?.resyncAll();
      },
    },
    startup,
  );
  let before = startup.config;

  /** Live tickets from memory, older ones from the table. */
  const storedTicket = (id: string): Ticket | undefined => {
    const live = bus.state.tickets.get(id);
    if (live !== undefined) return live;
    const row = stmt(opts.db, 'SELECT data FROM tickets WHERE id = ?').get(id) as { data: string } | undefined;
    return row === undefined ? undefined : (JSON.parse(row.data) as Ticket);
  };

  // Messages follow committed events: the outbox is written as they are published (see notifier.ts).
  const notifier = new Notifier({ db: opts.db, bus, clock, log, storedTicket, ...opts.notify });
  listeners.add((events) => notifier.onEvents(events));

  // The hall's log goes to the city once durable (published); a city that is down never holds a command.
  const cityPush = new CityPush({
    db: opts.db,
    settings: () => bus.config.city,
    publishedSeq: () => seq,
    profile: () => hallProfile(bus.config, latestConfig(opts.db)?.version ?? 0),
    clock,
    log,
  });
  listeners.add(() => cityPush.soon());
  const cityCatalogue = new CityCatalogueClient(() => bus.config.city);
  const cityLink = (): CityLinkView | null => {
    const c = bus.config.city;
    if (c === undefined) return null;
    const st = cityPush.status();
    const { ackedSeq, pending, lastOkAt, failures, lastError } = st;
    return { url: c.url, hallId: c.hallId, ackedSeq, pending, lastOkAt, failures, lastError };
  };

  const context: HubContext = {
    db: opts.db,
    ticketSecrets: secrets,
    hash: hashers,
    phoneCodes: new PhoneCodes(),
    // One-time codes go out through the hall's message provider (notify); with messages off, to the log.
    sendCode:
      opts.sendCode ??
      ((phone, code) => {
        if (!bus.config.notify.enabled) {
          log(`短信验证码 / one-time code ${code} → ${maskPhone(phone)} (messages off: logged only)`);
          return Promise.resolve();
        }
        const ack = notifier.sendCode(phone, code);
        return ack.ok ? Promise.resolve() : Promise.reject(new Error(ack.error.message));
      }),
    bus,
    clock,
    log,
    throttle: new LoginThrottle(opts.db),
    tokenTtlMs: opts.tokenTtlMs ?? 12 * 3600_000,
    health: () => ({ ok: true, version: HUB_VERSION, protocol: PROTOCOL_VERSION }),
    // The state first (it commits any batch still waiting), then the seq of the newest committed event:
    // a client applies only later events, so none is applied twice.
    hallView: () => {
      const state = bus.state;
      return hallView(state, bus.lastSeq, clock(), printing.statuses(), serial.list());
    },
    catalogue: () => catalogue(bus.state, clock()),
    cityCatalogue: () => cityCatalogue.get(),
    snapshot: (viewer) => {
      const state = bus.state;
      return snapshots.get(state, bus.lastSeq, clock(), viewer, printing.statuses());
    },
    ticketView: (id) => {
      const t = storedTicket(id);
      return t === undefined ? null : ticketView(bus.state, t);
    },
    notices,
    slips,
    notifier,
    presence,
    config: liveConfig,
    alerts: alerts.tracker,
    acknowledgeAlert: (id, actor) => {
      const ack = alerts.tracker.acknowledge(id, actor, clock());
      if (ack.ok) io?.to('role:manager').emit('hub:alerts', alerts.tracker.list());
      return ack;
    },
    metrics,
    backups,
    devices: () => {
      const statuses = printing.statuses();
      return {
        devices: presence.list(bus.config),
        printers: bus.config.printers.map((p) => ({
          id: p.id,
          uri: p.uri,
          paperWidthMm: p.paperWidthMm,
          status: statuses.get(p.id) ?? 'unknown',
        })),
        serialDevices: serial.list(),
        city: cityLink(),
      };
    },
    reprintTicket: async (ticketId, printerId) => {
      const live = bus.state.tickets.get(ticketId);
      const row =
        live ??
        (() => {
          const r = stmt(opts.db, 'SELECT data FROM tickets WHERE id = ?').get(ticketId) as
            { data: string } | undefined;
          return r === undefined ? undefined : (JSON.parse(r.data) as Ticket);
        })();
      if (row === undefined) return { ok: false, error: fail('UNKNOWN_TICKET', '没有该号票 / unknown ticket') };
      return printing.reprint(row, printerId);
    },
    endSessions: (bearer) => {
      let closed = 0;
      if (io === null || bearer === '') return closed;
      for (const socket of io.sockets.sockets.values())
        if (socket.data.bearer === bearer) {
          socket.disconnect(true);
          closed++;
        }
      return closed;
    },
  };

  const app = Fastify({
    bodyLimit: BODY_LIMIT,
    logger: false,
    trustProxy: false,
    serverFactory: budgetedHttpServer(log),
  });
  registerRoutes(app, context);
  serveApps(app);
  sockets = createSocketServer(app.server, context);
  io = sockets.io;

  bus.tick();
  serial.start();
  notifier.start();
  cityPush.start();
  const timer = setInterval(() => bus.tick(), opts.tickMs ?? 1000);
  timer.unref();

  return {
    app,
    io,
    bus,
    context,
    cityPush,
    listen: async (port, host = '127.0.0.1') => {
      await app.listen({ port, host });
      const addr = app.server.address();
      const bound = typeof addr === 'object' && addr !== null ? addr.port : port;
      const url = `http://${host === '0.0.0.0' ? '127.0.0.1' : host}:${bound}`;
      if (publicUrl === '') publicUrl = host === '0.0.0.0' ? `http://${lanAddress()}:${bound}` : url;
      return url;
    },
    close: async () => {
      clearInterval(timer);
      await cityPush.stop();
      await notifier.stop();
      await bus.close();
      await checkpointer?.stop();
      await startupCheck;
      await backups?.stop();
      sockets?.stop();
      flush();
      // Stopping does not wait on clients: idle keep-alive connections go at once, and whatever a browser
      // still holds open after 2 s is cut (the HTTP server's close would otherwise wait for it).
      const ioClosed = new Promise<void>((resolve) => void io.close(() => resolve()));
      app.server.closeIdleConnections();
      const cut = setTimeout(() => app.server.closeAllConnections(), 2000);
      await ioClosed;
      clearTimeout(cut);
      await app.close().catch(() => undefined);
      alerts.stop();
      metrics.stop();
      await printing.stop();
      await serial.stop();
    },
    onEvents: (l) => {
      listeners.add(l);
      return () => listeners.delete(l);
    },
    publicUrl: publicBase,
  };
}
