import { LOW_RATING, type RatingLevel } from '@yichuang/protocol';
import { DeviceSimulator, type SimulatorOptions } from './device-simulator.ts';
import type { KeypadKey, PadRating, ScreenLines } from './device-types.ts';
import { CMD, decodeLines, encodeRating, keyCode, NAK_REASON } from './yichuang-codes.ts';

/** A window LED screen (窗口屏): shows what the hub sends. */
export class ScreenSimulator extends DeviceSimulator {}

/** A caller keypad (叫号器): presses keys; its LCD shows what the hub sends. */
export class KeypadSimulator extends DeviceSimulator {
  /** Resolves once the hub acknowledged the press (re-sent with the same SEQ if not). */
  press(key: KeypadKey): Promise<void> {
    return this.channel.send(CMD.key, Buffer.from([keyCode(key)]));
  }
}

/** A rating pad (评价器): takes a rating only while the hub's prompt is up, like the real pads. */
export class RatingPadSimulator extends DeviceSimulator {
  private prompt: ScreenLines | null = null;
  /** Every prompt the hub sent, in order. */
  readonly prompts: ScreenLines[] = [];

  constructor(path: string, options: SimulatorOptions = {}) {
    super(path, options);
    this.on(CMD.ratePrompt, (body) => {
      const lines = decodeLines(body);
      if (!lines) return { nak: NAK_REASON.badPayload };
      this.prompt = lines;
      this.prompts.push(lines);
      this.setDisplay(lines);
      return 'ack';
    });
  }

  /** The rating keys are armed (a prompt is up and nothing was rated since). */
  get armed(): boolean {
    return this.prompt !== null;
  }

  /** Resolves once the pad is armed by a prompt. */
  async waitForPrompt(timeoutMs = 5000): Promise<ScreenLines> {
    await this.waitForDisplay(() => this.prompt !== null, timeoutMs);
    if (!this.prompt) throw new Error('prompt vanished');
    return this.prompt;
  }

  /**
   * Rate 1–5; a reason (a `ratingReasons` code) only for a level of 2 or less. Rejects when no prompt is
   * up, and with a `SerialDeviceError` when the hub does not acknowledge.
   */
  async rate(level: RatingLevel, reason: string | null = null): Promise<void> {
    if (!this.prompt) throw new Error('the pad is not asking for a rating');
    if (reason !== null && level > LOW_RATING)
      throw new RangeError(`a reason is asked only for a level ≤ ${LOW_RATING}`);
    const rating: PadRating = { level, reason };
    await this.channel.send(CMD.rating, encodeRating(rating));
    this.prompt = null;
  }

  protected override setDisplay(lines: ScreenLines | null): void {
    // Any other display content (thanks, blank) ends the prompt.
    if (lines !== this.prompt) this.prompt = null;
    super.setDisplay(lines);
  }
}
