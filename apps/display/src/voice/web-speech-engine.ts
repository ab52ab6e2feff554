import type { Announcement } from './announcement-text.ts';
import type { Chimer } from './chime.ts';
import { realTimers, type SpeechEngine, type SpeechLang, type Timers } from './speech-engine.ts';

export interface Voices {
  zh: SpeechSynthesisVoice | null;
  en: SpeechSynthesisVoice | null;
}

const isZhCn = (v: SpeechSynthesisVoice): boolean => /^(zh[-_](CN|Hans)|cmn)/i.test(v.lang);
const isEn = (v: SpeechSynthesisVoice): boolean => /^en([-_]|$)/i.test(v.lang);

/** A local voice first: a network voice stops working when the hall's internet does. */
function best(list: SpeechSynthesisVoice[]): SpeechSynthesisVoice | null {
  return list.find((v) => v.localService) ?? list[0] ?? null;
}

export function pickVoices(voices: readonly SpeechSynthesisVoice[]): Voices {
  return { zh: best(voices.filter(isZhCn)), en: best(voices.filter(isEn)) };
}

/** Voices load asynchronously in Chromium: wait for `voiceschanged`, at most `waitMs`. */
export function findVoices(synth: SpeechSynthesis, waitMs = 2000, timers: Timers = realTimers): Promise<Voices> {
  const now = synth.getVoices();
  if (now.length > 0) return Promise.resolve(pickVoices(now));
  return new Promise((resolve) => {
    const done = (): void => {
      synth.removeEventListener('voiceschanged', done);
      timers.clearTimeout(h);
      resolve(pickVoices(synth.getVoices()));
    };
    const h = timers.setTimeout(done, waitMs);
    synth.addEventListener('voiceschanged', done);
  });
}

/** The browser's own speech (Windows halls have a zh-CN SAPI voice); the chime comes from Web Audio. */
export class WebSpeechEngine implements SpeechEngine {
  readonly kind = 'speech' as const;
  /** Held so Chromium does not garbage-collect an utterance before its `end` fires. */
  private current: SpeechSynthesisUtterance | null = null;

  constructor(
    private readonly synth: SpeechSynthesis,
    private readonly voices: Voices,
    private readonly chimer: Chimer,
    private readonly onBlocked: () => void,
  ) {}

  chime(): Promise<void> {
    return this.chimer.play();
  }

  speak(a: Announcement, lang: SpeechLang): Promise<void> {
    const voice = lang === 'zh' ? this.voices.zh : this.voices.en;
    if (lang === 'en' && voice === null) return Promise.resolve();
    return new Promise((resolve) => {
      const u = new SpeechSynthesisUtterance(lang === 'zh' ? a.spokenZh : a.en);
      u.lang = lang === 'zh' ? 'zh-CN' : 'en-US';
      if (voice !== null) u.voice = voice;
      u.rate = lang === 'zh' ? 0.9 : 0.95;
      const finish = (): void => {
        if (this.current === u) this.current = null;
        resolve();
      };
      u.onend = finish;
      u.onerror = (e) => {
        if (e.error === 'not-allowed') this.onBlocked();
        finish();
      };
      this.current = u;
      this.synth.speak(u);
    });
  }

  estimateMs(a: Announcement, lang: SpeechLang): number {
    // Roughly 4 syllables a second for Chinese, slower for the spelled-out English.
    return lang === 'zh' ? a.spokenZh.length * 280 + 1500 : a.en.length * 90 + 1500;
  }

  cancel(): void {
    this.current = null;
    this.synth.cancel();
    this.chimer.cancel();
  }
}
