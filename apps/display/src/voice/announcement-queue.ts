import type { Announcement } from './announcement-text.ts';
import { realTimers, type SpeechEngine, type SpeechLang, type Timers } from './speech-engine.ts';

export interface QueueItem {
  /** Unique per call or recall, for the screen and the test log. */
  id: string;
  announcement: Announcement;
  recall: boolean;
}

/** Read when each item starts, so a changed hall config applies from the next call on. */
export interface VoiceSettings {
  repeat: number;
  english: boolean;
  chime: boolean;
}

export interface QueueOptions {
  timers?: Timers;
  /** Pause between two repeats of one call. */
  repeatGapMs?: number;
  /** Pause between two calls. */
  betweenMs?: number;
  /**
   * With this many calls still waiting to be spoken, a call is spoken once instead of `repeat`
   * times, so a burst catches up within seconds instead of minutes. Nothing is ever skipped.
   */
  catchUpBacklog?: number;
  /** Watchdog margin over the engine's own estimate. */
  watchdogSlackMs?: number;
  onChange?: (speaking: QueueItem | null, pending: number) => void;
}

/**
 * Speaks calls one after the other: never two at once, never one dropped, each `repeat` times with
 * a chime before, in the order they were queued. A hung engine (speechSynthesis sometimes never
 * fires onend) is cancelled by a watchdog so the next call is never stuck behind it.
 */
export class AnnouncementQueue {
  private readonly items: QueueItem[] = [];
  private current: QueueItem | null = null;
  private running = false;
  private disposed = false;
  private readonly timers: Timers;
  private readonly pendingTimers = new Set<unknown>();
  private readonly o: Required<Omit<QueueOptions, 'onChange' | 'timers'>> & Pick<QueueOptions, 'onChange'>;

  constructor(
    private readonly engine: SpeechEngine,
    private readonly settings: () => VoiceSettings,
    opts: QueueOptions = {},
  ) {
    this.timers = opts.timers ?? realTimers;
    this.o = {
      repeatGapMs: opts.repeatGapMs ?? 800,
      betweenMs: opts.betweenMs ?? 600,
      catchUpBacklog: opts.catchUpBacklog ?? 4,
      watchdogSlackMs: opts.watchdogSlackMs ?? 3000,
      onChange: opts.onChange,
    };
  }

  get pending(): number {
    return this.items.length;
  }

  get speaking(): QueueItem | null {
    return this.current;
  }

  enqueue(item: QueueItem): void {
    if (this.disposed) return;
    this.items.push(item);
    this.notify();
    if (!this.running) void this.run();
  }

  /** Stops speaking and forgets what is queued (the page is closing). */
  dispose(): void {
    this.disposed = true;
    this.items.length = 0;
    for (const h of this.pendingTimers) this.timers.clearTimeout(h);
    this.pendingTimers.clear();
    this.engine.cancel();
  }

  private async run(): Promise<void> {
    this.running = true;
    try {
      for (let item = this.items.shift(); item !== undefined && !this.disposed; item = this.items.shift()) {
        this.current = item;
        this.notify();
        await this.announce(item);
        this.current = null;
        this.notify();
        if (this.items.length > 0) await this.wait(this.o.betweenMs);
      }
    } finally {
      this.running = false;
      this.current = null;
    }
  }

  private async announce(item: QueueItem): Promise<void> {
    const s = this.settings();
    const repeat = clampRepeat(s.repeat);
    const a = item.announcement;
    if (s.chime) await this.guarded(() => this.engine.chime(), 4000);
    for (let r = 0; r < repeat && !this.disposed; r++) {
      // Checked before every repeat: calls that arrived meanwhile count too.
      if (r > 0 && this.items.length >= this.o.catchUpBacklog) break;
      if (r > 0) await this.wait(this.o.repeatGapMs);
      await this.say(a, 'zh');
      if (s.english) await this.say(a, 'en');
    }
  }

  private say(a: Announcement, lang: SpeechLang): Promise<void> {
    return this.guarded(() => this.engine.speak(a, lang), this.engine.estimateMs(a, lang));
  }

  /** Runs one engine step; a failure or a step that overruns its time is cut short, never fatal. */
  private guarded(step: () => Promise<void>, estimateMs: number): Promise<void> {
    if (this.disposed) return Promise.resolve();
    return new Promise<void>((resolve) => {
      let settled = false;
      const finish = (): void => {
        if (settled) return;
        settled = true;
        this.timers.clearTimeout(handle);
        this.pendingTimers.delete(handle);
        resolve();
      };
      const handle = this.timers.setTimeout(() => {
        this.engine.cancel();
        finish();
      }, estimateMs + this.o.watchdogSlackMs);
      this.pendingTimers.add(handle);
      let p: Promise<void>;
      try {
        p = step();
      } catch {
        p = Promise.resolve();
      }
      p.then(finish, finish);
    });
  }

  private wait(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const h = this.timers.setTimeout(() => {
        this.pendingTimers.delete(h);
        resolve();
      }, ms);
      this.pendingTimers.add(h);
    });
  }

  private notify(): void {
    this.o.onChange?.(this.current, this.items.length);
  }
}

function clampRepeat(n: number): number {
  return Number.isFinite(n) ? Math.min(5, Math.max(1, Math.round(n))) : 1;
}
