/**
 * The console's alarm for a new critical alert: three two-tone beeps made with Web Audio (no file to
 * ship or fail to load). A browser that blocks sound until a click plays it after the next one.
 */
let ctx: AudioContext | null = null;

export function soundAlarm(): void {
  try {
    ctx ??= new AudioContext();
    if (ctx.state === 'suspended') void ctx.resume();
    const start = ctx.currentTime + 0.05;
    for (let i = 0; i < 6; i++) {
      const osc = ctx.createOscillator();
      const gain = ctx.createGain();
      osc.type = 'square';
      osc.frequency.value = i % 2 === 0 ? 880 : 660;
      gain.gain.value = 0.08;
      osc.connect(gain).connect(ctx.destination);
      osc.start(start + i * 0.22);
      osc.stop(start + i * 0.22 + 0.18);
    }
  } catch {
    // No audio device (a headless test browser): the red banner still shows.
  }
}
