import { z } from 'zod';
import { bookingSchema } from './booking-config.ts';
import { remoteTicketsSchema } from './remote-config.ts';
import { clockTime } from './clock-time.ts';

export { clockTime };

const id = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[A-Za-z0-9_.-]+$/, 'ids use letters, digits, "-", "_" or "."');

export const hoursRuleSchema = z
  .strictObject({
    /** ISO weekdays: 1 = Monday … 7 = Sunday (0 is accepted as Sunday). */
    days: z.array(z.number().int().min(0).max(7)).min(1),
    open: clockTime,
    close: clockTime,
  })
  .refine((h) => h.open < h.close, { message: 'open must be before close', path: ['close'] });

export const hallSchema = z.strictObject({
  id: id,
  name: z.string().min(1).max(100),
  /** The hall's name in English, for screens shown in English (the Chinese name otherwise). */
  nameEn: z.string().min(1).max(150).optional(),
  /** The issuing organisation printed on notice slips (e.g. 重庆市綦江区公安局); defaults to the hall name. */
  organization: z.string().min(1).max(100).optional(),
  timezone: z.string().refine(isTimeZone, 'unknown IANA time zone'),
  hours: z.array(hoursRuleSchema),
  extendedServiceMinutes: z.number().int().min(0).max(240).default(30),
  /** Dates (YYYY-MM-DD) the hall is closed although the weekday has hours. */
  closedDates: z.array(z.iso.date()).default([]),
  phones: z
    .strictObject({ consult: z.string().max(40).optional(), complaint: z.string().max(40).optional() })
    .default({}),
  /** Where the hall is, for the citizen's phone pages (/m/); English for pages shown in English. */
  address: z.string().min(1).max(200).optional(),
  addressEn: z.string().min(1).max(300).optional(),
  /**
   * The address citizens' phones reach the hub at (e.g. http://192.168.1.10:8080 or https://hall.example.gov.cn),
   * for the QR codes and links on tickets and slips. The CLI's --public-url overrides it; left out, the hub
   * uses the address it listens on and warns at start.
   */
  publicUrl: z
    .url({ protocol: /^https?$/, error: 'publicUrl is an http:// or https:// address' })
    .max(200)
    .refine((u) => !/[?#]/.test(u), 'publicUrl has no query or fragment')
    .optional(),
});

export const queueSchema = z.strictObject({
  id: id,
  prefix: z.string().regex(/^[A-Z]{1,2}$/, 'prefix is one or two capital letters'),
  name: z.string().min(1).max(50),
  /** English name for screens shown in English; the Chinese name otherwise. */
  nameEn: z.string().min(1).max(100).optional(),
});

export const serviceSchema = z.strictObject({
  id: id,
  name: z.string().min(1).max(100),
  queue: id,
  materials: z.array(z.string().min(1).max(200)).default([]),
  timeLimit: z.string().max(100).optional(),
  /**
   * 限时办结: working days to finish an accepted matter (受理), counted from the day after acceptance over
   * days the hall has hours and is not closed. Left out: cases.defaultTimeLimitDays.
   */
  timeLimitDays: z.number().int().min(0).max(365).optional(),
  /** How the citizen collects the result (领证方式), printed on the acceptance receipt. */
  collect: z.string().min(1).max(100).optional(),
  collectEn: z.string().min(1).max(150).optional(),
  /** Money in the full-width ￥: the half-width ¥ is not in GB18030's double-byte set and misprints. */
  fee: z
    .string()
    .max(100)
    .refine((f) => !f.includes('¥'), 'use the full-width ￥, not ¥')
    .optional(),
  basis: z.string().max(2000).optional(),
  department: z.string().max(100).optional(),
  /** Group shown on the kiosk home (户政, 出入境 …); defaults to the queue's name. */
  category: z.string().max(50).optional(),
  /** Pinyin initials for kiosk search, e.g. "wfzjlzm". */
  pinyin: z.string().max(60).optional(),
  /**
   * 全城通办: handled at any hall of the city (the hall tells its city tier, which lists the halls that
   * handle it with their live waits on the citizen's phone pages).
   */
  cityWide: z.boolean().default(false),
  /**
   * English for screens shown in English; each falls back to the Chinese field when left out.
   * materialsEn, when given, has one entry per entry of materials, in the same order.
   */
  nameEn: z.string().min(1).max(200).optional(),
  materialsEn: z.array(z.string().min(1).max(300)).optional(),
  timeLimitEn: z.string().min(1).max(150).optional(),
  feeEn: z.string().min(1).max(150).optional(),
  departmentEn: z.string().min(1).max(150).optional(),
});

export const windowSchema = z.strictObject({
  id: id,
  number: z.number().int().min(1).max(999),
  name: z.string().min(1).max(50),
  queues: z.union([z.literal('all'), z.array(id).min(1)]),
  greenChannel: z.boolean().default(false),
  printer: id.optional(),
  /** A closed window is not staffed and never counts as an empty post. */
  open: z.boolean().default(true),
});

export const officerSchema = z
  .strictObject({
    id: id,
    name: z.string().min(1).max(50),
    /** guide: 导办 at the entrance (the /guide/ tablet); never signs in at a window. */
    role: z.enum(['officer', 'manager', 'guide']),
    /** Plain PIN: accepted in demo configs only; hashed when the config is loaded. */
    pin: z
      .string()
      .regex(/^\d{4,8}$/, 'PIN is 4 to 8 digits')
      .optional(),
    pinHash: z.string().startsWith('scrypt$').optional(),
  })
  .refine((o) => o.pin !== undefined || o.pinHash !== undefined, {
    message: 'an officer needs pin or pinHash',
    path: ['pinHash'],
  });

export const rosterEntrySchema = z.strictObject({ window: id, a: id, b: id.optional() });

export const deviceSchema = z.strictObject({
  id: id,
  kind: z.enum(['kiosk', 'display', 'rater']),
  key: z.string().min(8).max(200),
  printer: id.optional(),
  window: id.optional(),
  /** A display showing only some windows (a zone of a big hall); all when left out. */
  windows: z.array(id).min(1).optional(),
});

/** Serial devices at the windows: LED screens (窗口屏), caller keypads (叫号器), rating pads (评价器). */
export const serialDeviceSchema = z.strictObject({
  id: id,
  kind: z.enum(['window-screen', 'caller-keypad', 'rating-pad']),
  /** Serial path, e.g. /dev/ttyUSB0 or COM3. */
  path: z.string().min(1).max(200),
  baudRate: z.number().int().min(1200).max(921_600).default(9600),
  /** Bus address (RS-485 may chain several devices on one line). */
  address: z.number().int().min(1).max(254).default(1),
  window: id,
  /** Wire protocol: ours (documented in hardware/serial/README.md); vendor drivers may add more. */
  protocol: z.string().min(1).max(40).default('yichuang'),
});

/** The hall display (综合屏) and its voice. */
export const displaySettingsSchema = z.strictObject({
  /** Lines of the scrolling notice line (警务公开), after the hall's phones. */
  notices: z.array(z.string().min(1).max(200)).max(20).default([]),
  /** How many times each call is spoken. */
  repeat: z.number().int().min(1).max(5).default(2),
  /** Also announce in English after Chinese. */
  english: z.boolean().default(false),
  chime: z.boolean().default(true),
  /** Seconds the newest call stays highlighted. */
  highlightSeconds: z.number().int().min(1).max(60).default(8),
});

export const printerSchema = z.strictObject({
  id: id,
  uri: z
    .string()
    .regex(/^(tcp:\/\/[^:/\s]+:\d{1,5}|serial:.+|\/dev\/.+|file:.+)$/, 'tcp://host:port, a serial path or file:PATH'),
  paperWidthMm: z.union([z.literal(58), z.literal(80)]).default(80),
  /**
   * Characters per line of Font A. Default by paper width: 48 on 80 mm, 32 on 58 mm (most printers);
   * an Epson TM-T88 prints 42 on 80 mm and 30 on 58 mm.
   */
  columns: z.number().int().min(24).max(64).optional(),
});

export const callRulesSchema = z.strictObject({
  /** After this many priority calls in a row at a window, the oldest ordinary ticket goes next. */
  greenMaxConsecutive: z.number().int().min(1).max(50).default(3),
  /** A ticket waiting longer than this counts as priority. */
  maxWaitMinutes: z.number().int().min(1).max(600).default(60),
  /** Recalls allowed; the one after that marks the ticket no-show. */
  maxRecalls: z.number().int().min(0).max(10).default(3),
  /** Service time assumed for estimates until real service times are known. */
  defaultServiceMinutes: z.number().min(0.5).max(240).default(5),
  /** Minutes before a slot starts that an appointment already counts as due. */
  appointmentEarlyMinutes: z.number().int().min(0).max(120).default(10),
  /** An appointment can be checked in at the kiosk from this many minutes before its slot starts … */
  appointmentCheckInEarlyMinutes: z.number().int().min(0).max(720).default(30),
  /** … until this many minutes after its slot ends; outside that the kiosk says when (or that it has passed). */
  appointmentCheckInLateMinutes: z.number().int().min(0).max(720).default(15),
  /** A no-show ticket may be put back in line (过号重排) this many minutes after it was marked; 0: never. */
  reactivateMinutes: z.number().int().min(0).max(240).default(30),
  /** Where it goes back: the end of its line (of its class), or its original place. */
  reactivatePlace: z.enum(['end', 'original']).default('end'),
});

export const kioskPolicySchema = z.strictObject({
  /** Tickets one kiosk may issue per minute (anti-abuse). */
  ticketsPerMinute: z.number().int().min(1).max(100_000).default(12),
  /** Ask for the ID-card number and allow one active ticket per number and queue (stored only as a salted hash). */
  oneTicketPerIdCard: z.boolean().default(false),
  /** Seconds without a touch before the kiosk returns to its home screen. */
  idleSeconds: z.number().int().min(5).max(600).default(30),
});
export type KioskPolicy = z.output<typeof kioskPolicySchema>;

/** A secret shared with a message gateway (HMAC-SHA256 key): kept in the hub, never sent to the console. */
const gatewaySecret = z.string().min(16, 'secret is at least 16 characters').max(200);

/** 短信网关 / SMS gateway: any HTTP endpoint taking the hub's signed JSON (see apps/hub/src/notify/README). */
export const notifyWebhookSchema = z.strictObject({
  /** 网关地址 / The gateway's address, http:// or https://. */
  url: z.url({ protocol: /^https?$/, error: 'url is an http:// or https:// address' }).max(300),
  /** 签名密钥 / HMAC-SHA256 key of the `X-Yichuang-Signature` header; like a device key, never shown again. */
  secret: gatewaySecret,
  /** 超时（毫秒）/ A send taking longer counts as failed and is retried. */
  timeoutMs: z.number().int().min(500).max(60_000).default(5000),
});

/** 微信模板消息网关 / The hall's WeChat template-message gateway (it maps a phone to the citizen's openid). */
export const notifyWechatSchema = z.strictObject({
  /** 网关地址 / The gateway's address, http:// or https://. */
  url: z.url({ protocol: /^https?$/, error: 'url is an http:// or https:// address' }).max(300),
  /** 签名密钥 / HMAC-SHA256 key of the `X-Yichuang-Signature` header; never shown again. */
  secret: gatewaySecret,
  timeoutMs: z.number().int().min(500).max(60_000).default(5000),
  /** 模板编号 / The WeChat template id of each message template (called, ahead, …); left out: the text only. */
  templateIds: z.record(z.string().min(1).max(40), z.string().min(1).max(100)).default({}),
});

/** 短信/微信提醒 / Messages to citizens who left a phone number (issue 16). Off unless enabled. */
export const notifySchema = z
  .strictObject({
    /** 开启提醒 / Send messages at all. */
    enabled: z.boolean().default(false),
    /** 发送方式 / log: only a masked line in the hub's log; webhook: an SMS gateway; wechat: a WeChat gateway. */
    provider: z.enum(['log', 'webhook', 'wechat']).default('log'),
    webhook: notifyWebhookSchema.optional(),
    wechat: notifyWechatSchema.optional(),
    /** 提前提醒人数 / "您前面还有N人" once N or fewer people are ahead (0: never). */
    aheadCount: z.number().int().min(0).max(50).default(3),
    /** 保留天数 / Messages and phone numbers are deleted after this many days. */
    retentionDays: z.number().int().min(1).max(365).default(30),
    /** 每号每日上限 / Messages one phone may get a day (anti-abuse); more are dropped as dead. */
    maxPerPhonePerDay: z.number().int().min(1).max(500).default(20),
    /** 最多尝试次数 / Attempts before a message is given up (dead). */
    maxAttempts: z.number().int().min(1).max(20).default(6),
    /** 免打扰时段 / Hours (hall time) when only one-time codes go out; the rest wait until `end`. */
    quietHours: z
      .strictObject({ start: clockTime, end: clockTime })
      .refine((q) => q.start !== q.end, { message: 'start and end must differ', path: ['end'] })
      .optional(),
  })
  .superRefine((n, ctx) => {
    if (n.provider === 'webhook' && n.webhook === undefined)
      ctx.addIssue({ code: 'custom', path: ['webhook'], message: 'provider "webhook" needs webhook.url' });
    if (n.provider === 'wechat' && n.wechat === undefined)
      ctx.addIssue({ code: 'custom', path: ['wechat'], message: 'provider "wechat" needs wechat.url' });
  });
export type NotifySettings = z.output<typeof notifySchema>;

export const casesSettingsSchema = z.strictObject({
  /** 限时办结 for matters without their own timeLimitDays: working days (004 §20: at most 20). */
  defaultTimeLimitDays: z.number().int().min(0).max(365).default(20),
  /** A case is "due soon" on the console within this many working days of its due day. */
  dueSoonWorkingDays: z.number().int().min(0).max(30).default(3),
  /**
   * 调休上班日: weekend days that are official working days. Working days are Monday to Friday except
   * hall.closedDates (public holidays), plus these; a hall open on Saturdays does not make Saturday one.
   */
  workingDates: z.array(z.iso.date()).max(60).default([]),
  /** Days the applicant's clear name and phone are kept after a refusal or a finished case, and a closed complaint's person (counted from the day it was received). */
  contactRetentionDays: z.number().int().min(1).max(3650).default(90),
});
export type CasesSettings = z.output<typeof casesSettingsSchema>;

/** 城市平台 / The city tier this hall pushes its event log to (issue 18); absent: the hall stands alone. */
export const citySettingsSchema = z.strictObject({
  /** 城市平台地址 / The city's address, http:// or https:// (the hub POSTs to {url}/city/api/ingest). */
  url: z.url({ protocol: /^https?$/, error: 'url is an http:// or https:// address' }).max(300),
  /** 大厅编号 / This hall's id in the city's config. */
  hallId: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, 'hallId is 1–64 letters, digits, - or _'),
  /** 大厅密钥 / The key the city knows by its sha256; like a device key, never shown again. */
  hallKey: z.string().min(16, 'hallKey is at least 16 characters').max(200),
  /** 每批事件数 / Events per push. */
  batchSize: z.number().int().min(1).max(1000).default(500),
  /** 推送间隔（毫秒）/ Pause between pushes once the city has everything. */
  intervalMs: z.number().int().min(100).max(600_000).default(2000),
  /** 超时（毫秒）/ A push taking longer counts as failed and is retried with backoff. */
  timeoutMs: z.number().int().min(500).max(120_000).default(10_000),
});
export type CitySettings = z.output<typeof citySettingsSchema>;

const hallConfigObject = z.strictObject({
  hall: hallSchema,
  queues: z.array(queueSchema).min(1),
  services: z.array(serviceSchema).min(1),
  windows: z.array(windowSchema).min(1),
  officers: z.array(officerSchema),
  roster: z.array(rosterEntrySchema).default([]),
  devices: z.array(deviceSchema).default([]),
  printers: z.array(printerSchema).default([]),
  callRules: callRulesSchema.prefault({}),
  kiosk: kioskPolicySchema.prefault({}),
  serialDevices: z.array(serialDeviceSchema).default([]),
  display: displaySettingsSchema.prefault({}),
  /** Appointments (预约): bookable queues, slots, capacity, limits, appointment-only windows. */
  booking: bookingSchema.prefault({}),
  /** 线上取号: tickets from the phone pages, per queue with hours and a daily quota; off by default. */
  remote: remoteTicketsSchema.prefault({}),
  notify: notifySchema.prefault({}),
  /** Accepted matters (受理) become cases with due days: the default time limit and when one is "due soon". */
  cases: casesSettingsSchema.prefault({}),
  /** 城市平台: push the event log to the city (optional). */
  city: citySettingsSchema.optional(),
});

export const hallConfigSchema = hallConfigObject.superRefine(checkReferences);

export type HallConfigInput = z.input<typeof hallConfigSchema>;
export type HallConfig = z.output<typeof hallConfigSchema>;
export type QueueConfig = HallConfig['queues'][number];
export type ServiceConfig = HallConfig['services'][number];
export type WindowConfig = HallConfig['windows'][number];
export type OfficerConfig = HallConfig['officers'][number];
export type DeviceConfig = HallConfig['devices'][number];
export type PrinterConfig = HallConfig['printers'][number];
export type CallRules = HallConfig['callRules'];
export type SerialDeviceConfig = HallConfig['serialDevices'][number];
export type DisplaySettings = HallConfig['display'];
export type BookingSettings = HallConfig['booking'];

function isTimeZone(tz: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}

function checkReferences(cfg: z.output<typeof hallConfigObject>, ctx: z.RefinementCtx): void {
  const unique = (list: { id: string }[], path: string): Set<string> => {
    const seen = new Set<string>();
    list.forEach((item, i) => {
      if (seen.has(item.id))
        ctx.addIssue({ code: 'custom', path: [path, i, 'id'], message: `duplicate id "${item.id}"` });
      seen.add(item.id);
    });
    return seen;
  };
  const queues = unique(cfg.queues, 'queues');
  unique(cfg.services, 'services');
  const windows = unique(cfg.windows, 'windows');
  const officers = unique(cfg.officers, 'officers');
  unique(cfg.devices, 'devices');
  const printers = unique(cfg.printers, 'printers');

  const prefixes = new Set<string>();
  cfg.queues.forEach((q, i) => {
    if (prefixes.has(q.prefix))
      ctx.addIssue({ code: 'custom', path: ['queues', i, 'prefix'], message: `duplicate prefix "${q.prefix}"` });
    prefixes.add(q.prefix);
  });
  const numbers = new Set<number>();
  cfg.windows.forEach((w, i) => {
    if (numbers.has(w.number))
      ctx.addIssue({ code: 'custom', path: ['windows', i, 'number'], message: `duplicate window number ${w.number}` });
    numbers.add(w.number);
    if (w.queues !== 'all')
      w.queues.forEach((q, j) => {
        if (!queues.has(q))
          ctx.addIssue({ code: 'custom', path: ['windows', i, 'queues', j], message: `unknown queue "${q}"` });
      });
    if (w.printer !== undefined && !printers.has(w.printer))
      ctx.addIssue({ code: 'custom', path: ['windows', i, 'printer'], message: `unknown printer "${w.printer}"` });
  });
  const served = new Set(cfg.windows.flatMap((w) => (w.queues === 'all' ? [...queues] : w.queues)));
  cfg.queues.forEach((q, i) => {
    if (!served.has(q.id))
      ctx.addIssue({ code: 'custom', path: ['queues', i, 'id'], message: `no window serves queue "${q.id}"` });
  });
  cfg.services.forEach((s, i) => {
    if (!queues.has(s.queue))
      ctx.addIssue({ code: 'custom', path: ['services', i, 'queue'], message: `unknown queue "${s.queue}"` });
    if (s.materialsEn !== undefined && s.materialsEn.length !== s.materials.length)
      ctx.addIssue({
        code: 'custom',
        path: ['services', i, 'materialsEn'],
        message: `materialsEn has ${s.materialsEn.length} entries, materials has ${s.materials.length}`,
      });
  });
  const rostered = new Set<string>();
  const guides = new Set(cfg.officers.filter((o) => o.role === 'guide').map((o) => o.id));
  cfg.roster.forEach((r, i) => {
    if (!windows.has(r.window))
      ctx.addIssue({ code: 'custom', path: ['roster', i, 'window'], message: `unknown window "${r.window}"` });
    if (rostered.has(r.window))
      ctx.addIssue({
        code: 'custom',
        path: ['roster', i, 'window'],
        message: `window "${r.window}" is rostered twice`,
      });
    rostered.add(r.window);
    if (!officers.has(r.a))
      ctx.addIssue({ code: 'custom', path: ['roster', i, 'a'], message: `unknown officer "${r.a}"` });
    if (r.b !== undefined && !officers.has(r.b))
      ctx.addIssue({ code: 'custom', path: ['roster', i, 'b'], message: `unknown officer "${r.b}"` });
    if (r.b !== undefined && r.b === r.a)
      ctx.addIssue({ code: 'custom', path: ['roster', i, 'b'], message: 'A and B must be different officers' });
    // 导办 guides work at the entrance: a window's roster never names one (issue 17).
    for (const key of ['a', 'b'] as const) {
      const who = r[key];
      if (who !== undefined && guides.has(who))
        ctx.addIssue({
          code: 'custom',
          path: ['roster', i, key],
          message: `"${who}" is a guide: guides hold no window`,
        });
    }
  });
  const keys = new Set<string>();
  cfg.devices.forEach((d, i) => {
    if (keys.has(d.key)) ctx.addIssue({ code: 'custom', path: ['devices', i, 'key'], message: 'duplicate device key' });
    keys.add(d.key);
    if (d.printer !== undefined && !printers.has(d.printer))
      ctx.addIssue({ code: 'custom', path: ['devices', i, 'printer'], message: `unknown printer "${d.printer}"` });
    if (d.kind === 'rater' && (d.window === undefined || !windows.has(d.window)))
      ctx.addIssue({ code: 'custom', path: ['devices', i, 'window'], message: 'a rater must name an existing window' });
    d.windows?.forEach((w, j) => {
      if (!windows.has(w))
        ctx.addIssue({ code: 'custom', path: ['devices', i, 'windows', j], message: `unknown window "${w}"` });
    });
  });
  checkBooking(cfg, queues, windows, ctx);
  unique(cfg.serialDevices, 'serialDevices');
  const lines = new Set<string>();
  cfg.serialDevices.forEach((d, i) => {
    if (!windows.has(d.window))
      ctx.addIssue({ code: 'custom', path: ['serialDevices', i, 'window'], message: `unknown window "${d.window}"` });
    const line = `${d.path}#${d.address}`;
    if (lines.has(line))
      ctx.addIssue({
        code: 'custom',
        path: ['serialDevices', i, 'address'],
        message: 'two devices on one path and address',
      });
    lines.add(line);
  });
}

function checkBooking(
  cfg: z.output<typeof hallConfigObject>,
  queues: Set<string>,
  windows: Set<string>,
  ctx: z.RefinementCtx,
): void {
  const services = new Map(cfg.services.map((s) => [s.id, s.queue]));
  cfg.booking.queues.forEach((q, i) => {
    if (!queues.has(q.queueId))
      ctx.addIssue({
        code: 'custom',
        path: ['booking', 'queues', i, 'queueId'],
        message: `unknown queue "${q.queueId}"`,
      });
    q.serviceIds?.forEach((s, j) => {
      if (services.get(s) !== q.queueId)
        ctx.addIssue({
          code: 'custom',
          path: ['booking', 'queues', i, 'serviceIds', j],
          message: `"${s}" is not a matter of queue "${q.queueId}"`,
        });
    });
  });
  cfg.remote.queues.forEach((q, i) => {
    if (!queues.has(q.queueId))
      ctx.addIssue({
        code: 'custom',
        path: ['remote', 'queues', i, 'queueId'],
        message: `unknown queue "${q.queueId}"`,
      });
  });
  cfg.booking.appointmentOnly.forEach((w, i) => {
    if (!windows.has(w.windowId))
      ctx.addIssue({
        code: 'custom',
        path: ['booking', 'appointmentOnly', i, 'windowId'],
        message: `unknown window "${w.windowId}"`,
      });
  });
}
