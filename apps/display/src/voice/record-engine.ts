import type { Announcement } from './announcement-text.ts';
import { realTimers, type SpeechEngine, type SpeechLang, type Timers } from './speech-engine.ts';

export interface SpokenRecord {
  what: 'chime' | 'speech';
  lang: SpeechLang | null;
  /** "请 A001 号 到 3 号窗口 办理", the English line, or "chime". */
  text: string;
  startedAt: number;
  endedAt: number | null;
}

/** Kept for the tests; a display left in record mode for weeks must not grow without end. */
const MAX_RECORDS = 500;

/**
 * The test engine (`?voice=record`): plays nothing, writes down what would be spoken and when,
 * and takes a set time per utterance so that overlap and order are observable.
 */
export class RecordEngine implements SpeechEngine {
  readonly kind = 'record' as const;
  private cancelCurrent: (() => void) | null = null;

  constructor(
    readonly log: SpokenRecord[],
    private readonly o: { speechMs: number; chimeMs: number; timers?: Timers; now?: () => number },
  ) {}

  chime(): Promise<void> {
    return this.play({ what: 'chime', lang: null, text: 'chime' }, this.o.chimeMs);
  }

  speak(a: Announcement, lang: SpeechLang): Promise<void> {
    return this.play({ what: 'speech', lang, text: lang === 'zh' ? a.text : a.en }, this.o.speechMs);
  }

  estimateMs(_a: Announcement, _lang: SpeechLang): number {
    return this.o.speechMs;
  }

  cancel(): void {
    this.cancelCurrent?.();
  }

  private play(r: Omit<SpokenRecord, 'startedAt' | 'endedAt'>, ms: number): Promise<void> {
    const timers = this.o.timers ?? realTimers;
    const now = this.o.now ?? Date.now;
    const rec: SpokenRecord = { ...r, startedAt: now(), endedAt: null };
    this.log.push(rec);
    if (this.log.length > MAX_RECORDS) this.log.splice(0, this.log.length - MAX_RECORDS);
    return new Promise((resolve) => {
      const done = (): void => {
        this.cancelCurrent = null;
        rec.endedAt = now();
        resolve();
      };
      const h = timers.setTimeout(done, ms);
      this.cancelCurrent = () => {
        timers.clearTimeout(h);
        done();
      };
    });
  }
}
