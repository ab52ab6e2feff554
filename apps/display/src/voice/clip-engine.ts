import { OPTIONAL_CLIPS, REQUIRED_CLIPS, clipSequence, type Announcement } from './announcement-text.ts';
import type { Chimer } from './chime.ts';
import { realTimers, sleep, type SpeechEngine, type SpeechLang, type Timers } from './speech-engine.ts';

/** `voice.json` in the clip folder may map clip names to files (e.g. mp3 recordings); else NAME.wav. */
interface ClipManifest {
  files?: Record<string, string>;
}

export type ClipBuffers = Map<string, AudioBuffer>;

/**
 * Fetches and decodes every clip once. Throws when a required clip is missing or undecodable, so
 * the caller can fall back to the chime; optional clips (十, 百, chime) may be absent.
 */
export async function loadClips(ctx: BaseAudioContext, baseUrl: string, fetchFn = fetch): Promise<ClipBuffers> {
  let files: Record<string, string> = {};
  try {
    const res = await fetchFn(new URL('voice.json', baseUrl));
    if (res.ok) files = ((await res.json()) as ClipManifest).files ?? {};
  } catch {
    // No manifest: the default names.
  }
  const names = [...REQUIRED_CLIPS, ...OPTIONAL_CLIPS];
  const results = await Promise.allSettled(
    names.map(async (name) => {
      const res = await fetchFn(new URL(files[name] ?? `${name}.wav`, baseUrl));
      if (!res.ok) throw new Error(`${name}: HTTP ${res.status}`);
      return [name, await ctx.decodeAudioData(await res.arrayBuffer())] as const;
    }),
  );
  const clips: ClipBuffers = new Map();
  for (const r of results) if (r.status === 'fulfilled') clips.set(r.value[0], r.value[1]);
  const missing = REQUIRED_CLIPS.filter((n) => !clips.has(n));
  if (missing.length > 0) throw new Error(`missing voice clips: ${missing.join(', ')}`);
  return clips;
}

/**
 * Concatenated recordings: each clip decoded once, the clips of a call scheduled back to back on
 * the audio clock (`source.start(t)`), so there are no gaps from timers or decoding.
 */
export class ClipEngine implements SpeechEngine {
  readonly kind = 'clips' as const;
  private sources: AudioBufferSourceNode[] = [];
  private readonly cardinal: boolean;

  constructor(
    private readonly ctx: AudioContext,
    private readonly clips: ClipBuffers,
    private readonly chimer: Chimer,
    private readonly o: { timers?: Timers; gapS?: number; onSchedule?: (names: string[]) => void } = {},
  ) {
    this.cardinal = clips.has('shi') && clips.has('bai');
  }

  chime(): Promise<void> {
    return this.chimer.play();
  }

  speak(a: Announcement, lang: SpeechLang): Promise<void> {
    // The clip folder is Chinese; English needs a speech voice.
    if (lang !== 'zh') return Promise.resolve();
    const names = clipSequence(a, this.cardinal).filter((n) => this.clips.has(n));
    this.o.onSchedule?.(names);
    const gap = this.o.gapS ?? 0.02;
    let t = this.ctx.currentTime + 0.05;
    const start = t;
    this.sources = names.map((n) => {
      const buffer = this.clips.get(n)!;
      const src = this.ctx.createBufferSource();
      src.buffer = buffer;
      src.connect(this.ctx.destination);
      src.start(t);
      t += buffer.duration + gap;
      return src;
    });
    return sleep(this.o.timers ?? realTimers, Math.ceil((t - start) * 1000) + 80).then(() => {
      this.sources = [];
    });
  }

  estimateMs(a: Announcement, lang: SpeechLang): number {
    if (lang !== 'zh') return 0;
    const seconds = clipSequence(a, this.cardinal).reduce((s, n) => s + (this.clips.get(n)?.duration ?? 0) + 0.02, 0);
    return Math.ceil(seconds * 1000) + 200;
  }

  cancel(): void {
    for (const s of this.sources) {
      try {
        s.stop();
      } catch {
        // already stopped
      }
    }
    this.sources = [];
    this.chimer.cancel();
  }
}

/** The last resort: only the chime, so people still look at the screen. */
export class ChimeOnlyEngine implements SpeechEngine {
  readonly kind = 'chime' as const;
  constructor(private readonly chimer: Chimer) {}
  chime(): Promise<void> {
    return this.chimer.play();
  }
  speak(): Promise<void> {
    return Promise.resolve();
  }
  estimateMs(): number {
    return 0;
  }
  cancel(): void {
    this.chimer.cancel();
  }
}
