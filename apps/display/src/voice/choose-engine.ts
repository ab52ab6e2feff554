import { Chimer } from './chime.ts';
import { ChimeOnlyEngine, ClipEngine, loadClips } from './clip-engine.ts';
import { RecordEngine, type SpokenRecord } from './record-engine.ts';
import { silentEngine, type EngineKind, type SpeechEngine } from './speech-engine.ts';
import { findVoices, WebSpeechEngine } from './web-speech-engine.ts';

/** `?voice=` on the display's address: auto (default) or one engine forced; record is for tests. */
export type VoiceMode = 'auto' | 'speech' | 'clips' | 'chime' | 'record' | 'off';
export const voiceModes: readonly VoiceMode[] = ['auto', 'speech', 'clips', 'chime', 'record', 'off'];

export interface Capabilities {
  zhVoice: boolean;
  clips: boolean;
  audio: boolean;
}

/**
 * Which engine speaks: a zh-CN speech voice, else the clip folder, else the chime alone, else
 * silence. A forced mode still falls back when what it needs is missing, never to nothing louder.
 */
export function pickEngineKind(mode: VoiceMode, caps: Capabilities): EngineKind {
  if (mode === 'off') return 'silent';
  if (mode === 'record') return 'record';
  const order: EngineKind[] =
    mode === 'clips' ? ['clips', 'chime'] : mode === 'chime' ? ['chime'] : ['speech', 'clips', 'chime'];
  for (const kind of order) {
    if (kind === 'speech' && caps.zhVoice) return kind;
    if (kind === 'clips' && caps.clips && caps.audio) return kind;
    if (kind === 'chime' && caps.audio) return kind;
  }
  return 'silent';
}

export interface VoiceSetup {
  engine: SpeechEngine;
  /** The page's audio context (null in record mode or without Web Audio): resumed by a click when autoplay is blocked. */
  audio: AudioContext | null;
  /** Why a better engine was not used, for the console and the tests. */
  notes: string[];
}

export interface VoiceSetupOptions {
  mode: VoiceMode;
  clipBaseUrl: string;
  record: { log: SpokenRecord[]; speechMs: number; chimeMs: number };
  onClips?: (names: string[]) => void;
  onSpeechBlocked: () => void;
}

export async function setUpVoice(o: VoiceSetupOptions): Promise<VoiceSetup> {
  const notes: string[] = [];
  if (o.mode === 'record') return { engine: new RecordEngine(o.record.log, o.record), audio: null, notes };
  if (o.mode === 'off') return { engine: silentEngine, audio: null, notes };

  const AudioCtor = typeof AudioContext === 'undefined' ? null : AudioContext;
  const audio = AudioCtor === null ? null : new AudioCtor({ latencyHint: 'playback' });
  const synth = typeof speechSynthesis === 'undefined' ? null : speechSynthesis;
  const voices =
    synth !== null && (o.mode === 'auto' || o.mode === 'speech') ? await findVoices(synth) : { zh: null, en: null };
  if (voices.zh === null && (o.mode === 'auto' || o.mode === 'speech')) notes.push('no zh-CN speech voice');

  let clips: Awaited<ReturnType<typeof loadClips>> | null = null;
  if (audio !== null && voices.zh === null && o.mode !== 'chime') {
    try {
      clips = await loadClips(audio, o.clipBaseUrl);
    } catch (err) {
      notes.push(String((err as Error).message));
    }
  }
  const chimer = new Chimer(
    audio,
    clips?.get('chime') ?? (audio === null ? null : await loadChime(audio, o.clipBaseUrl)),
  );
  const kind = pickEngineKind(o.mode, { zhVoice: voices.zh !== null, clips: clips !== null, audio: audio !== null });
  const engine: SpeechEngine =
    kind === 'speech' && synth !== null
      ? new WebSpeechEngine(synth, voices, chimer, o.onSpeechBlocked)
      : kind === 'clips' && audio !== null && clips !== null
        ? new ClipEngine(audio, clips, chimer, { onSchedule: o.onClips })
        : kind === 'chime'
          ? new ChimeOnlyEngine(chimer)
          : silentEngine;
  return { engine, audio, notes };
}

/** The chime clip alone (speech and chime-only engines use it when the hall has one). */
async function loadChime(ctx: AudioContext, baseUrl: string): Promise<AudioBuffer | null> {
  try {
    const res = await fetch(new URL('chime.wav', baseUrl));
    return res.ok ? await ctx.decodeAudioData(await res.arrayBuffer()) : null;
  } catch {
    return null;
  }
}
