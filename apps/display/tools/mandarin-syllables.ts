import {
  concat,
  renderNoise,
  renderVoiced,
  silence,
  type Formants,
  type NoiseSeg,
  type VoicedTarget,
} from './formant-synth.ts';

/** Vowel and sonorant targets of a female voice (Hz), rounded from published Mandarin formant data. */
const V = {
  a: [950, 1450, 2900, 3900],
  A: [850, 1200, 2850, 3800], // back a, before ng
  o: [620, 1000, 2850, 3800],
  e: [600, 1350, 2900, 3900], // ɤ
  E: [520, 2200, 2950, 3900], // ê, in ei / ie
  i: [320, 2750, 3350, 4200],
  u: [380, 780, 2800, 3800],
  z: [420, 1500, 2900, 3900], // apical i after s / z / c
  r: [440, 1650, 2050, 3800], // retroflex i after sh / zh / ch
  R: [600, 1450, 1800, 3700], // er
  schwa: [560, 1650, 2850, 3900],
  n: [300, 1650, 2750, 3900],
  ng: [320, 1150, 2750, 3900],
  m: [300, 1050, 2500, 3800],
  l: [380, 1250, 3000, 3900],
} as const satisfies Record<string, Formants>;
type VKey = keyof typeof V;

/** Finals: vowel targets with relative lengths, then an optional nasal coda. */
const FINALS: Record<string, { v: [VKey, number][]; coda?: 'n' | 'ng' }> = {
  a: { v: [['a', 1]] },
  ai: {
    v: [
      ['a', 0.55],
      ['i', 0.45],
    ],
  },
  ao: {
    v: [
      ['a', 0.55],
      ['u', 0.45],
    ],
  },
  an: { v: [['a', 1]], coda: 'n' },
  ei: {
    v: [
      ['E', 0.5],
      ['i', 0.5],
    ],
  },
  ou: {
    v: [
      ['o', 0.5],
      ['u', 0.5],
    ],
  },
  iou: {
    v: [
      ['i', 0.25],
      ['o', 0.4],
      ['u', 0.35],
    ],
  },
  i: { v: [['i', 1]] },
  ie: {
    v: [
      ['i', 0.3],
      ['E', 0.7],
    ],
  },
  u: { v: [['u', 1]] },
  e: { v: [['e', 1]] },
  en: { v: [['schwa', 1]], coda: 'n' },
  ing: { v: [['i', 1]], coda: 'ng' },
  uang: {
    v: [
      ['u', 0.25],
      ['A', 0.75],
    ],
    coda: 'ng',
  },
  uai: {
    v: [
      ['u', 0.25],
      ['a', 0.4],
      ['i', 0.35],
    ],
  },
  '-z': { v: [['z', 1]] },
  '-r': { v: [['r', 1]] },
  er: { v: [['R', 1]] },
};

/** Tones on Chao's five-level scale; 0 is the neutral tone (short, mid-low). */
const TONES: Record<number, number[]> = { 0: [3, 2], 1: [5, 5], 2: [3, 5], 3: [2, 1, 1, 3], 4: [5, 1] };
const level = (l: number): number => 175 * Math.pow(2, ((l - 1) / 4) * 0.9);

function pitchOf(tone: number): (t: number) => number {
  const pts = TONES[tone] ?? TONES[1]!;
  return (t) => {
    const x = Math.min(0.9999, Math.max(0, t)) * (pts.length - 1);
    const k = Math.floor(x);
    const a = pts[k]!;
    const b = pts[Math.min(k + 1, pts.length - 1)]!;
    return level(a + (b - a) * (x - k));
  };
}

const S = { hz: 6800, bw: 2200 };
const SH = { hz: 3300, bw: 900 };
const X = { hz: 4800, bw: 1500 };

/** Initials: noise before voicing, a locus the formants glide from, a sonorant lead-in. */
interface Initial {
  noise?: (next: Formants) => NoiseSeg;
  locus?: Formants;
  lead?: VoicedTarget;
}

const INITIALS: Record<string, Initial> = {
  '': {},
  b: {
    noise: () => ({ ms: 8, amp: 0.25, closureMs: 35, band: [{ hz: 1200, bw: 1500 }] }),
    locus: [300, 950, 2400, 3700],
  },
  p: { noise: (f) => ({ ms: 70, amp: 0.3, closureMs: 40, through: f }), locus: [300, 950, 2400, 3700] },
  m: { lead: { f: V.m, ms: 70, amp: 0.35 }, locus: [320, 1000, 2450, 3700] },
  f: { noise: () => ({ ms: 100, amp: 0.18, band: [{ hz: 4500, bw: 5000 }] }), locus: [320, 1100, 2500, 3700] },
  d: {
    noise: () => ({ ms: 8, amp: 0.3, closureMs: 35, band: [{ hz: 4000, bw: 2500 }] }),
    locus: [320, 1800, 2800, 3900],
  },
  t: {
    noise: (f) => ({ ms: 70, amp: 0.3, closureMs: 40, through: f, band: [{ hz: 4000, bw: 3000 }] }),
    locus: [320, 1800, 2800, 3900],
  },
  n: { lead: { f: V.n, ms: 70, amp: 0.35 }, locus: [320, 1750, 2750, 3900] },
  l: { lead: { f: V.l, ms: 55, amp: 0.55 } },
  g: {
    noise: () => ({ ms: 12, amp: 0.3, closureMs: 35, band: [{ hz: 1900, bw: 800 }] }),
    locus: [320, 1700, 2300, 3800],
  },
  k: {
    noise: (f) => ({ ms: 75, amp: 0.32, closureMs: 40, through: f, band: [{ hz: 1900, bw: 900 }] }),
    locus: [320, 1700, 2300, 3800],
  },
  h: { noise: (f) => ({ ms: 90, amp: 0.35, through: [f[0], f[1], f[2], f[3]] }) },
  j: { noise: () => ({ ms: 45, amp: 0.4, closureMs: 30, band: [X] }), locus: [300, 2500, 3200, 4100] },
  q: { noise: () => ({ ms: 110, amp: 0.5, closureMs: 35, band: [X] }), locus: [300, 2500, 3200, 4100] },
  x: { noise: () => ({ ms: 130, amp: 0.5, band: [X] }), locus: [300, 2500, 3200, 4100] },
  z: { noise: () => ({ ms: 50, amp: 0.4, closureMs: 30, band: [S] }), locus: [350, 1650, 2800, 3900] },
  zh: { noise: () => ({ ms: 50, amp: 0.45, closureMs: 30, band: [SH] }), locus: [380, 1650, 2100, 3800] },
  ch: { noise: () => ({ ms: 110, amp: 0.5, closureMs: 35, band: [SH] }), locus: [380, 1650, 2100, 3800] },
  sh: { noise: () => ({ ms: 135, amp: 0.5, band: [SH, { hz: 5200, bw: 1500 }] }), locus: [380, 1650, 2100, 3800] },
  s: { noise: () => ({ ms: 135, amp: 0.45, band: [S] }), locus: [350, 1650, 2800, 3900] },
  r: { lead: { f: [400, 1350, 1700, 3600], ms: 55, amp: 0.5, breath: 0.15 } },
  y: {},
  w: {},
};

export interface Syllable {
  initial: string;
  final: string;
  tone: number;
  /** Length of the voiced part in ms. */
  ms: number;
}

/** "qing3" style: initial, final and tone; y/w spellings already folded into the final. */
export function syl(initial: string, final: string, tone: number, ms = 260): Syllable {
  return { initial, final, tone, ms };
}

let seed = 1;

export function renderSyllable(s: Syllable): Float32Array {
  const fin = FINALS[s.final];
  const ini = INITIALS[s.initial];
  if (fin === undefined || ini === undefined) throw new Error(`unknown syllable ${s.initial}${s.final}`);
  const codaShare = fin.coda === undefined ? 0 : 0.3;
  const first = V[fin.v[0]![0]];
  const targets: VoicedTarget[] = [];
  if (ini.lead !== undefined) targets.push(ini.lead);
  if (ini.locus !== undefined) targets.push({ f: ini.locus, ms: 35, amp: 0.55 });
  for (const [k, share] of fin.v) targets.push({ f: V[k], ms: s.ms * (1 - codaShare) * share });
  if (fin.coda !== undefined) targets.push({ f: V[fin.coda], ms: s.ms * codaShare, amp: 0.35 });
  const parts: Float32Array[] = [];
  if (ini.noise !== undefined) parts.push(renderNoise(ini.noise(first), seed++));
  parts.push(renderVoiced(targets, pitchOf(s.tone), seed++));
  return concat(parts);
}

/** Several syllables as one clip (a word, or a letter's name), with short joins. */
export function renderWord(syllables: Syllable[]): Float32Array {
  return concat(syllables.flatMap((s, i) => (i === 0 ? [renderSyllable(s)] : [silence(15), renderSyllable(s)])));
}

/** Every clip of the set, by file name (see REQUIRED_CLIPS in src/voice/announcement-text.ts). */
export const CLIP_SYLLABLES: Record<string, Syllable[]> = {
  qing: [syl('q', 'ing', 3, 300)],
  hao: [syl('h', 'ao', 4, 260)],
  dao: [syl('d', 'ao', 4, 250)],
  'hao-chuangkou': [syl('h', 'ao', 4, 230), syl('ch', 'uang', 1, 280), syl('k', 'ou', 3, 300)],
  banli: [syl('b', 'an', 4, 260), syl('l', 'i', 3, 300)],
  shi: [syl('sh', '-r', 2, 230)],
  bai: [syl('b', 'ai', 3, 260)],
  '0': [syl('l', 'ing', 2, 260)],
  '1': [syl('y', 'i', 1, 220)],
  '2': [syl('', 'er', 4, 240)],
  '3': [syl('s', 'an', 1, 240)],
  '4': [syl('s', '-z', 4, 220)],
  '5': [syl('w', 'u', 3, 250)],
  '6': [syl('l', 'iou', 4, 250)],
  '7': [syl('q', 'i', 1, 220)],
  '8': [syl('b', 'a', 1, 230)],
  '9': [syl('j', 'iou', 3, 270)],
  // Letters as Chinese speakers say them in a hall (A 诶, B 比, … W 达不溜).
  A: [syl('', 'ei', 1, 300)],
  B: [syl('b', 'i', 1, 260)],
  C: [syl('s', 'i', 1, 260)],
  D: [syl('d', 'i', 1, 260)],
  E: [syl('y', 'i', 1, 280)],
  F: [syl('', 'ai', 1, 200), syl('f', 'u', 0, 140)],
  G: [syl('j', 'i', 1, 260)],
  H: [syl('', 'ei', 1, 200), syl('q', 'i', 0, 150)],
  I: [syl('', 'ai', 1, 300)],
  J: [syl('zh', 'ei', 1, 280)],
  K: [syl('k', 'ei', 1, 280)],
  L: [syl('', 'ai', 1, 200), syl('l', 'ou', 0, 160)],
  M: [syl('', 'ai', 1, 200), syl('m', 'u', 0, 160)],
  N: [syl('', 'en', 1, 300)],
  O: [syl('', 'ou', 1, 300)],
  P: [syl('p', 'i', 1, 260)],
  Q: [syl('k', 'iou', 1, 300)],
  R: [syl('', 'a', 1, 180), syl('', 'er', 0, 180)],
  S: [syl('', 'ai', 1, 200), syl('s', '-z', 0, 140)],
  T: [syl('t', 'i', 1, 260)],
  U: [syl('y', 'iou', 1, 300)],
  V: [syl('w', 'ei', 1, 280)],
  W: [syl('d', 'a', 1, 160), syl('b', 'u', 0, 120), syl('l', 'iou', 1, 220)],
  X: [syl('', 'ai', 1, 180), syl('k', 'e', 0, 110), syl('s', '-z', 0, 130)],
  Y: [syl('w', 'uai', 1, 300)],
  Z: [syl('z', 'ei', 1, 280)],
};
