import type { Announcement } from './announcement-text.ts';

export type EngineKind = 'speech' | 'clips' | 'chime' | 'record' | 'silent';
export type SpeechLang = 'zh' | 'en';

/**
 * One way of making a call heard. The announcement queue uses nothing else, so Web Speech,
 * recorded clips, a bare chime and the test recorder are interchangeable.
 */
export interface SpeechEngine {
  readonly kind: EngineKind;
  /** Plays the chime before a call; resolves when it has finished. */
  chime(): Promise<void>;
  /** Speaks one announcement once in one language; resolves when it has finished. */
  speak(a: Announcement, lang: SpeechLang): Promise<void>;
  /** How long speak() should take: the queue's watchdog allows a margin over it. */
  estimateMs(a: Announcement, lang: SpeechLang): number;
  /** Stops whatever is playing (the watchdog fired, or the page is going away). */
  cancel(): void;
}

/** setTimeout and clearTimeout, injectable so tests run on a fake clock. */
export interface Timers {
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export const realTimers: Timers = {
  setTimeout: (fn, ms) => globalThis.setTimeout(fn, ms),
  clearTimeout: (h) => globalThis.clearTimeout(h as ReturnType<typeof setTimeout>),
};

export function sleep(timers: Timers, ms: number): Promise<void> {
  return new Promise((resolve) => timers.setTimeout(resolve, ms));
}

/** Says nothing, at once: the engine when the page has no audio at all. */
export const silentEngine: SpeechEngine = {
  kind: 'silent',
  chime: () => Promise.resolve(),
  speak: () => Promise.resolve(),
  estimateMs: () => 0,
  cancel: () => undefined,
};
