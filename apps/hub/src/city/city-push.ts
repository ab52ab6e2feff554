import { z } from 'zod';
import type { CitySettings, HallProfile } from '@yichuang/protocol';
import { stmt, type Db } from '../store/open-db.ts';

/** hall_meta key of the highest seq the city acknowledged (every seq up to it is stored there). */
export const CITY_ACK_KEY = 'cityAckedSeq';
/** Longest pause between attempts while the city cannot be reached. */
export const MAX_BACKOFF_MS = 60_000;
/** New events are pushed this soon after they commit (when the link is up), batching what comes meanwhile. */
export const SOON_MS = 200;
/** hall_meta key of the profile the city acknowledged: `url|hallId|version`, so a new city or version is sent again. */
export const CITY_PROFILE_KEY = 'cityProfileSent';
/**
 * A batch stops growing at this many bytes of JSON (the city refuses bodies over 4 MB with 413): a
 * batch of 1000 big events (long notices, cases with many matters) must not wedge the outbox.
 */
export const MAX_BATCH_BYTES = 3 * 1024 * 1024;
/**
 * With nothing to send, an empty batch goes this often (real time), so that the city's "last heard
 * from" tells a quiet hall (at night, on a slow afternoon) from one whose link is down.
 */
export const HEARTBEAT_MS = 30_000;

const ackSchema = z.object({ ackSeq: z.number().int().nonnegative() });

export interface CityPushStatus {
  ackedSeq: number;
  /** Events committed in the hall and not yet acknowledged by the city (the outbox). */
  pending: number;
  lastOkAt: number | null;
  lastAttemptAt: number | null;
  failures: number;
  lastError: string | null;
  /** The config version of the profile the city holds (null: not sent yet, or sent to another city). */
  profileVersion: number | null;
}

export interface CityPushOptions {
  db: Db;
  /** The hall's city settings now (a config edit may add, change or remove them). */
  settings: () => CitySettings | undefined;
  /** Newest seq published by the hub: only events durable on the hall's disk leave it. */
  publishedSeq: () => number;
  /** The hall's public profile for the city, with its config version. */
  profile: () => HallProfile;
  clock?: () => number;
  log: (line: string) => void;
}

/**
 * The outbox to the city (issue 18): reads the hub's own event log after the seq the city last
 * acknowledged and POSTs it in batches. Nothing at a window waits for it: it runs on its own timer,
 * reads committed rows only, and a city that is down only makes it back off (capped) and try again.
 */
export class CityPush {
  private readonly o: CityPushOptions;
  private stopped = true;
  private running: Promise<void> | null = null;
  private wake: (() => void) | null = null;
  private timer: NodeJS.Timeout | null = null;
  private abort: AbortController | null = null;
  /** Waiting out the interval after a good push (not backing off): new events may cut the wait short. */
  private idle = false;
  private soonTimer: NodeJS.Timeout | null = null;
  /** performance.now() of the city's last answer to a batch (-Infinity: none yet). */
  private lastContact = Number.NEGATIVE_INFINITY;
  /** The last profile send failed (logged once until one succeeds). */
  private profileFailing = false;
  private state: CityPushStatus;

  constructor(o: CityPushOptions) {
    this.o = o;
    this.state = {
      ackedSeq: this.readAck(),
      pending: 0,
      lastOkAt: null,
      lastAttemptAt: null,
      failures: 0,
      lastError: null,
      profileVersion: null,
    };
  }

  status(): CityPushStatus {
    return { ...this.state, pending: Math.max(0, this.o.publishedSeq() - this.state.ackedSeq) };
  }

  start(): void {
    if (!this.stopped) return;
    this.stopped = false;
    this.running = this.loop();
  }

  /** Stops at once: a push in flight is aborted (the city's ack of it, if any, comes again next time). */
  async stop(): Promise<void> {
    this.stopped = true;
    if (this.soonTimer !== null) clearTimeout(this.soonTimer);
    this.soonTimer = null;
    this.abort?.abort();
    this.wakeUp();
    await this.running;
    this.running = null;
  }

  /** Pushes now instead of at the end of the pause (tests, and a link that just came back). */
  nudge(): void {
    this.wakeUp();
  }

  /**
   * Events were committed: push them within SOON_MS instead of at the end of the interval (the city
   * console's lag), unless the city is failing (then the backoff stands).
   */
  soon(): void {
    if (this.stopped || !this.idle || this.soonTimer !== null) return;
    this.soonTimer = setTimeout(() => {
      this.soonTimer = null;
      if (this.idle) this.wakeUp();
    }, SOON_MS);
    this.soonTimer.unref();
  }

  private wakeUp(): void {
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
    const w = this.wake;
    this.wake = null;
    w?.();
  }

  private sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      this.wake = resolve;
      this.timer = setTimeout(() => this.wakeUp(), ms);
      this.timer.unref();
    });
  }

  private readAck(): number {
    const row = stmt(this.o.db, 'SELECT value FROM hall_meta WHERE key = ?').get(CITY_ACK_KEY) as
      { value: string } | undefined;
    const n = row === undefined ? 0 : Number(JSON.parse(row.value));
    return Number.isSafeInteger(n) && n >= 0 ? n : 0;
  }

  private writeAck(seq: number): void {
    stmt(
      this.o.db,
      'INSERT INTO hall_meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value',
    ).run(CITY_ACK_KEY, JSON.stringify(seq));
    this.state.ackedSeq = seq;
  }

  private async loop(): Promise<void> {
    while (!this.stopped) {
      const settings = this.o.settings();
      if (settings === undefined) {
        await this.sleep(5000);
        continue;
      }
      let wait = settings.intervalMs;
      try {
        this.state.lastAttemptAt = (this.o.clock ?? Date.now)();
        await this.sendProfile(settings);
        const full = await this.pushOnce(settings);
        if (this.state.failures > 0)
          this.o.log(`城市平台已恢复连接 / city link back after ${this.state.failures} failed push(es)`);
        this.state.failures = 0;
        this.state.lastError = null;
        if (full) wait = 0;
      } catch (e) {
        if (this.stopped) break;
        const message = e instanceof Error ? e.message : String(e);
        if (this.state.failures === 0)
          this.o.log(`城市平台暂不可达，继续本地服务并稍后重试 / city push failed, will retry: ${message}`);
        this.state.failures++;
        this.state.lastError = message;
        // Capped exponential backoff with jitter, so that halls coming back together do not push in step.
        const base = Math.min(MAX_BACKOFF_MS, settings.intervalMs * 2 ** Math.min(this.state.failures, 10));
        wait = Math.round(base * (0.75 + Math.random() * 0.25));
      }
      if (wait > 0 && !this.stopped) {
        this.idle = this.state.failures === 0;
        await this.sleep(wait);
        this.idle = false;
      }
    }
  }

  /** One batch; true when it was full (more is waiting: push again at once). */
  private async pushOnce(settings: CitySettings): Promise<boolean> {
    const acked = this.readAck();
    this.state.ackedSeq = acked;
    const upTo = this.o.publishedSeq();
    if (upTo <= acked) {
      if (performance.now() - this.lastContact >= HEARTBEAT_MS) await this.send(settings, acked, upTo, []);
      return false;
    }
    const rows = stmt(
      this.o.db,
      'SELECT seq, at, actor, type, payload FROM events WHERE seq > ? AND seq <= ? ORDER BY seq LIMIT ?',
    ).all(acked, upTo, settings.batchSize) as {
      seq: number;
      at: number;
      actor: string;
      type: string;
      payload: string;
    }[];
    if (rows.length === 0) return false;
    // Events in seq order until the batch would pass MAX_BATCH_BYTES (always at least one).
    const parts: string[] = [];
    let bytes = 0;
    for (const r of rows) {
      const part = `{"seq":${r.seq},"at":${r.at},"actor":${JSON.stringify(r.actor)},"type":${JSON.stringify(r.type)},"payload":${r.payload}}`;
      const size = Buffer.byteLength(part);
      if (parts.length > 0 && bytes + size > MAX_BATCH_BYTES) break;
      parts.push(part);
      bytes += size + 1;
    }
    const ackSeq = await this.send(settings, acked, upTo, parts);
    return (parts.length < rows.length || rows.length === settings.batchSize) && ackSeq > acked;
  }

  /**
   * POSTs one batch (its events already JSON) with the hall's clock (the city shows hall times and
   * waits by it) and takes the city's ack; an empty batch is a heartbeat. Returns the ack.
   */
  private async send(settings: CitySettings, acked: number, upTo: number, parts: string[]): Promise<number> {
    const now = (this.o.clock ?? Date.now)();
    const body = `{"hallId":${JSON.stringify(settings.hallId)},"now":${now},"events":[${parts.join(',')}]}`;
    const text = await this.request(settings, 'POST', 'city/api/ingest', body);
    const ack = ackSchema.parse(JSON.parse(text));
    // The city's word is the truth: lower than ours means it lost data and wants it again.
    if (ack.ackSeq !== acked) this.writeAck(Math.min(ack.ackSeq, upTo));
    this.state.lastOkAt = now;
    this.lastContact = performance.now();
    return ack.ackSeq;
  }

  /**
   * Sends the hall's profile when the city has not acknowledged this version (or this is another city
   * or hall id). A city that cannot take it does not hold up the log: the failure is logged once and
   * the profile is tried again next round.
   */
  private async sendProfile(settings: CitySettings): Promise<void> {
    const profile = this.o.profile();
    const mark = `${settings.url}|${settings.hallId}|${profile.version}`;
    const row = stmt(this.o.db, 'SELECT value FROM hall_meta WHERE key = ?').get(CITY_PROFILE_KEY) as
      { value: string } | undefined;
    if (row !== undefined && JSON.parse(row.value) === mark) {
      this.state.profileVersion = profile.version;
      return;
    }
    try {
      await this.request(
        settings,
        'PUT',
        `city/api/halls/${encodeURIComponent(settings.hallId)}/profile`,
        JSON.stringify(profile),
      );
    } catch (e) {
      if (this.stopped) throw e;
      if (!this.profileFailing)
        this.o.log(`大厅信息未能发送到城市平台 / hall profile not sent to the city: ${(e as Error).message}`);
      this.profileFailing = true;
      return;
    }
    stmt(
      this.o.db,
      'INSERT INTO hall_meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value',
    ).run(CITY_PROFILE_KEY, JSON.stringify(mark));
    this.profileFailing = false;
    this.state.profileVersion = profile.version;
  }

  /** One request to the city with the hall key; the answer's text, or an error for a failure or a non-2xx. */
  private async request(settings: CitySettings, method: 'POST' | 'PUT', path: string, body: string): Promise<string> {
    this.abort = new AbortController();
    const timeout = setTimeout(() => this.abort?.abort(), settings.timeoutMs);
    try {
      const res = await fetch(new URL(path, settings.url.endsWith('/') ? settings.url : `${settings.url}/`), {
        method,
        headers: { 'content-type': 'application/json', authorization: `Bearer ${settings.hallKey}` },
        body,
        signal: this.abort.signal,
      });
      const text = await res.text();
      if (!res.ok) throw new Error(`HTTP ${res.status} ${text.slice(0, 200)}`);
      return text;
    } finally {
      clearTimeout(timeout);
      this.abort = null;
    }
  }
}
