import { realTimers, sleep, type Timers } from './speech-engine.ts';

const SYNTH_CHIME_S = 1.3;

/**
 * The "ding-dong" before a call: the hall's chime clip when it has one, else two soft bell tones
 * made with oscillators (no file needed, so even the last-resort engine has it).
 */
export class Chimer {
  private sources: AudioScheduledSourceNode[] = [];

  constructor(
    private readonly ctx: AudioContext | null,
    private readonly clip: AudioBuffer | null,
    private readonly timers: Timers = realTimers,
  ) {}

  get durationMs(): number {
    return Math.round((this.clip?.duration ?? SYNTH_CHIME_S) * 1000);
  }

  play(): Promise<void> {
    const ctx = this.ctx;
    if (ctx === null) return Promise.resolve();
    const t0 = ctx.currentTime + 0.03;
    if (this.clip !== null) {
      const src = ctx.createBufferSource();
      src.buffer = this.clip;
      src.connect(ctx.destination);
      src.start(t0);
      this.sources = [src];
    } else {
      this.sources = [bell(ctx, 659.25, t0, 0.9), bell(ctx, 523.25, t0 + 0.45, 0.85)];
    }
    // Timed by the clock rather than `onended`, which never fires while autoplay keeps the context suspended.
    return sleep(this.timers, this.durationMs + 60).then(() => {
      this.sources = [];
    });
  }

  cancel(): void {
    for (const s of this.sources) {
      try {
        s.stop();
      } catch {
        // not started yet or already stopped
      }
    }
    this.sources = [];
  }
}

/** A bell-like tone: a sine with a quieter octave partial, quick attack, exponential decay. */
function bell(ctx: AudioContext, freq: number, at: number, seconds: number): AudioScheduledSourceNode {
  const gain = ctx.createGain();
  gain.gain.setValueAtTime(0.0001, at);
  gain.gain.exponentialRampToValueAtTime(0.35, at + 0.015);
  gain.gain.exponentialRampToValueAtTime(0.0001, at + seconds);
  gain.connect(ctx.destination);
  const osc = ctx.createOscillator();
  osc.type = 'sine';
  osc.frequency.setValueAtTime(freq, at);
  const over = ctx.createOscillator();
  over.type = 'sine';
  over.frequency.setValueAtTime(freq * 2.01, at);
  const overGain = ctx.createGain();
  overGain.gain.setValueAtTime(0.25, at);
  over.connect(overGain).connect(gain);
  osc.connect(gain);
  osc.start(at);
  over.start(at);
  osc.stop(at + seconds + 0.05);
  over.stop(at + seconds + 0.05);
  return osc;
}
