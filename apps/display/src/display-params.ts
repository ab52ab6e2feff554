import { voiceModes, type VoiceMode } from './voice/choose-engine.ts';

export type Orientation = 'landscape' | 'portrait';

export interface DisplayParams {
  /** `?windows=w1,w2`: this screen's zone, overriding the device's `windows` in the hall config. */
  windows: string[] | null;
  /** `?orientation=`: forced; otherwise from the screen's aspect ratio. */
  orientation: Orientation | null;
  /** `?voice=`: auto, speech, clips, chime, record (tests) or off. */
  voice: VoiceMode;
  /** `?voiceMs=`: in record mode, how long each utterance "takes". */
  recordMs: number;
  /** `?pageSeconds=`: how long a page of the window or queue board stands when they do not fit on one. */
  pageSeconds: number;
}

/** Reads the display's address (the key is read and removed separately, see device-key.ts). */
export function parseDisplayParams(search: string): DisplayParams {
  const q = new URLSearchParams(search);
  const windows = (q.get('windows') ?? '')
    .split(',')
    .map((w) => w.trim())
    .filter((w) => w !== '');
  const orientation = q.get('orientation');
  const voice = q.get('voice') as VoiceMode | null;
  const ms = Number(q.get('voiceMs'));
  const page = Number(q.get('pageSeconds'));
  return {
    windows: windows.length > 0 ? windows : null,
    orientation: orientation === 'portrait' || orientation === 'landscape' ? orientation : null,
    voice: voice !== null && voiceModes.includes(voice) ? voice : 'auto',
    recordMs: Number.isFinite(ms) && ms >= 10 && ms <= 10_000 ? ms : 400,
    pageSeconds: Number.isFinite(page) && page >= 2 && page <= 120 ? page : 10,
  };
}

export function orientationOf(width: number, height: number): Orientation {
  return width >= height ? 'landscape' : 'portrait';
}
