/**
 * A small formant synthesizer (after Klatt's cascade design) for the demo's voice clips: a glottal
 * pulse train at a pitch contour, filtered by four resonators that glide between vowel targets,
 * and filtered noise for the consonants. It is our own code, so the clips carry no third-party
 * licence; a hall replaces them with recordings (apps/display/README.md).
 */

export const SAMPLE_RATE = 22_050;

/** Formant frequencies F1–F4 in Hz. */
export type Formants = readonly [number, number, number, number];
const BANDWIDTHS = [90, 110, 170, 250] as const;

/** A voiced target: formants held, then glided into the next; amp scales the voicing. */
export interface VoicedTarget {
  f: Formants;
  ms: number;
  amp?: number;
  /** Breath noise mixed into the source (0–1): aspiration and murmur. */
  breath?: number;
}

/** Unvoiced noise: a band (centre, bandwidth) or noise through formants (h, aspiration). */
export interface NoiseSeg {
  ms: number;
  amp: number;
  band?: { hz: number; bw: number }[];
  through?: Formants;
  /** Silence before the noise (a stop's closure). */
  closureMs?: number;
}

/** Deterministic noise, so regenerated clips are byte-identical. */
function noiseSource(seed: number): () => number {
  let s = seed >>> 0 || 1;
  return () => {
    s ^= s << 13;
    s >>>= 0;
    s ^= s >>> 17;
    s ^= s << 5;
    s >>>= 0;
    return (s / 0xffffffff) * 2 - 1;
  };
}

/** A Klatt resonator: y = A·x + B·y1 + C·y2, its coefficients set from a centre and a bandwidth. */
class Resonator {
  private y1 = 0;
  private y2 = 0;
  private a = 0;
  private b = 0;
  private c = 0;
  set(hz: number, bw: number): void {
    const t = 1 / SAMPLE_RATE;
    this.c = -Math.exp(-2 * Math.PI * bw * t);
    this.b = 2 * Math.exp(-Math.PI * bw * t) * Math.cos(2 * Math.PI * Math.min(hz, SAMPLE_RATE * 0.45) * t);
    this.a = 1 - this.b - this.c;
  }
  run(x: number): number {
    const y = this.a * x + this.b * this.y1 + this.c * this.y2;
    this.y2 = this.y1;
    this.y1 = y;
    return y;
  }
}

const samples = (ms: number): number => Math.round((ms / 1000) * SAMPLE_RATE);

export function renderNoise(seg: NoiseSeg, seed: number): Float32Array {
  const closure = samples(seg.closureMs ?? 0);
  const n = samples(seg.ms);
  const out = new Float32Array(closure + n);
  const rnd = noiseSource(seed);
  const filters = (seg.band ?? []).map((b) => {
    const r = new Resonator();
    r.set(b.hz, b.bw);
    return r;
  });
  const tract = (seg.through ?? [0, 0, 0, 0]).map((f, i) => {
    const r = new Resonator();
    r.set(f, BANDWIDTHS[i]! * 1.5);
    return r;
  });
  let prev = 0;
  for (let i = 0; i < n; i++) {
    const white = rnd();
    // A first difference tilts the noise upwards, as turbulence at a narrow constriction sounds.
    let x = white - 0.6 * prev;
    prev = white;
    if (filters.length > 0) x = filters.reduce((sum, f) => sum + f.run(x), 0) / filters.length;
    if (seg.through !== undefined) for (const r of tract) x = r.run(x);
    const env = Math.min(1, i / samples(12), (n - i) / samples(15));
    out[closure + i] = x * seg.amp * env;
  }
  return out;
}

/** Rosenberg's glottal pulse, differentiated for radiation at the lips. */
function glottal(phase: number): number {
  const open = 0.4;
  const close = 0.16;
  if (phase < open) return 0.5 * (1 - Math.cos((Math.PI * phase) / open));
  if (phase < open + close) return Math.cos((Math.PI * (phase - open)) / (2 * close));
  return 0;
}

/**
 * Voiced speech over `targets`; `pitch(t)` gives f0 in Hz at t (0–1 through the voiced part).
 * Formants hold for the first 35% of a target and glide into the next over the rest.
 */
export function renderVoiced(targets: VoicedTarget[], pitch: (t: number) => number, seed: number): Float32Array {
  const total = targets.reduce((s, t) => s + samples(t.ms), 0);
  const out = new Float32Array(total);
  const res = BANDWIDTHS.map(() => new Resonator());
  const rnd = noiseSource(seed);
  const starts: number[] = [];
  let acc = 0;
  for (const t of targets) {
    starts.push(acc);
    acc += samples(t.ms);
  }
  const at = (i: number): { f: number[]; amp: number; breath: number } => {
    let k = targets.length - 1;
    while (k > 0 && starts[k]! > i) k--;
    const cur = targets[k]!;
    const next = targets[k + 1];
    const len = samples(cur.ms);
    const u = (i - starts[k]!) / Math.max(1, len);
    const g = next === undefined || u < 0.35 ? 0 : (u - 0.35) / 0.65;
    const mix = (a: number, b: number): number => a + (b - a) * g;
    return {
      f: cur.f.map((v, j) => mix(v, next?.f[j] ?? v)),
      amp: mix(cur.amp ?? 1, next?.amp ?? cur.amp ?? 1),
      breath: mix(cur.breath ?? 0.03, next?.breath ?? cur.breath ?? 0.03),
    };
  };
  let phase = 0;
  let prevG = 0;
  let p = at(0);
  for (let i = 0; i < total; i++) {
    if (i % 32 === 0) {
      p = at(i);
      p.f.forEach((hz, j) => res[j]!.set(hz, BANDWIDTHS[j]!));
    }
    const f0 = pitch(i / total) * (1 + 0.004 * Math.sin(i / 900));
    phase += f0 / SAMPLE_RATE;
    if (phase >= 1) phase -= 1;
    const gl = glottal(phase);
    const src = (gl - prevG) * 6 + rnd() * p.breath;
    prevG = gl;
    let x = src * p.amp;
    for (const r of res) x = r.run(x);
    const env = Math.min(1, i / samples(18), (total - i) / samples(45));
    out[i] = x * env;
  }
  return out;
}

export function concat(parts: Float32Array[]): Float32Array {
  const out = new Float32Array(parts.reduce((s, p) => s + p.length, 0));
  let o = 0;
  for (const p of parts) {
    out.set(p, o);
    o += p.length;
  }
  return out;
}

export function silence(ms: number): Float32Array {
  return new Float32Array(samples(ms));
}

/** Peak-normalised to -3 dBFS, with short fades so clips join without clicks. */
export function normalise(x: Float32Array, peakDb = -3): Float32Array {
  let peak = 0;
  for (const v of x) peak = Math.max(peak, Math.abs(v));
  const gain = peak === 0 ? 0 : Math.pow(10, peakDb / 20) / peak;
  const fade = samples(4);
  return x.map((v, i) => v * gain * Math.min(1, i / fade, (x.length - 1 - i) / fade));
}

/** 16-bit PCM mono WAV. */
export function wav(x: Float32Array): Buffer {
  const data = Buffer.alloc(x.length * 2);
  x.forEach((v, i) => data.writeInt16LE(Math.round(Math.max(-1, Math.min(1, v)) * 32767), i * 2));
  const h = Buffer.alloc(44);
  h.write('RIFF', 0);
  h.writeUInt32LE(36 + data.length, 4);
  h.write('WAVE', 8);
  h.write('fmt ', 12);
  h.writeUInt32LE(16, 16);
  h.writeUInt16LE(1, 20);
  h.writeUInt16LE(1, 22);
  h.writeUInt32LE(SAMPLE_RATE, 24);
  h.writeUInt32LE(SAMPLE_RATE * 2, 28);
  h.writeUInt16LE(2, 32);
  h.writeUInt16LE(16, 34);
  h.write('data', 36);
  h.writeUInt32LE(data.length, 40);
  return Buffer.concat([h, data]);
}

/** The chime: two bell tones (E5 then C5) with a quieter upper partial, decaying. */
export function chime(): Float32Array {
  const n = samples(1400);
  const out = new Float32Array(n);
  const bell = (hz: number, startMs: number, i: number): number => {
    const t = (i - samples(startMs)) / SAMPLE_RATE;
    if (t < 0) return 0;
    const env = Math.min(1, t / 0.01) * Math.exp(-t * 3.2);
    return (
      env *
      (Math.sin(2 * Math.PI * hz * t) +
        0.3 * Math.sin(2 * Math.PI * hz * 2.01 * t) +
        0.12 * Math.sin(2 * Math.PI * hz * 3.9 * t))
    );
  };
  for (let i = 0; i < n; i++) out[i] = bell(659.25, 0, i) + bell(523.25, 480, i);
  return out;
}
