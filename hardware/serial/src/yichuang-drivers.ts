import type { SerialDeviceConfig } from '@yichuang/protocol';
import type {
  CallerKeypad,
  KeypadKey,
  PadRating,
  RatingPad,
  RatingPrompt,
  ScreenLines,
  SerialDeviceDriver,
  SerialDriverOptions,
  WindowScreen,
} from './device-types.ts';
import { CMD, decodeRating, encodeLines, keyFromCode, NAK_REASON, RATING_TEXT } from './yichuang-codes.ts';
import { Listeners, YichuangDevice } from './yichuang-device.ts';

class YichuangWindowScreen extends YichuangDevice implements WindowScreen {
  readonly kind = 'window-screen';

  show(lines: ScreenLines): Promise<void> {
    return this.display(CMD.show, () => encodeLines(lines));
  }

  clear(): Promise<void> {
    return this.display(CMD.clear, () => Buffer.alloc(0));
  }
}

class YichuangCallerKeypad extends YichuangDevice implements CallerKeypad {
  readonly kind = 'caller-keypad';
  private readonly keys = new Listeners<KeypadKey>(this.log);

  constructor(config: SerialDeviceConfig, options: SerialDriverOptions) {
    super(config, options);
    this.channel.handle(CMD.key, (body) => {
      const key = body[0] === undefined ? null : keyFromCode(body[0]);
      if (!key) return { nak: NAK_REASON.badPayload };
      this.keys.emit(key);
      return 'ack';
    });
  }

  onKey(listener: (key: KeypadKey) => void): () => void {
    return this.keys.add(listener);
  }

  showText(text: string, line2?: string): Promise<void> {
    return this.display(CMD.show, () => encodeLines(line2 === undefined ? { line1: text } : { line1: text, line2 }));
  }

  override async close(): Promise<void> {
    this.keys.clear();
    await super.close();
  }
}

class YichuangRatingPad extends YichuangDevice implements RatingPad {
  readonly kind = 'rating-pad';
  private readonly ratings = new Listeners<PadRating>(this.log);

  constructor(config: SerialDeviceConfig, options: SerialDriverOptions) {
    super(config, options);
    this.channel.handle(CMD.rating, (body) => {
      const rating = decodeRating(body);
      if (!rating) return { nak: NAK_REASON.badPayload };
      // The pad disarms itself after a rating: do not prompt again if it reconnects before thank().
      this.forgetDisplay();
      this.ratings.emit(rating);
      return 'ack';
    });
  }

  prompt(prompt: RatingPrompt): Promise<void> {
    const line2 = `${prompt.ticketNumber}号 ${prompt.windowName}`;
    return this.display(CMD.ratePrompt, () => encodeLines({ line1: RATING_TEXT.prompt, line2 }));
  }

  thank(): Promise<void> {
    return this.display(CMD.show, () => encodeLines({ line1: RATING_TEXT.thanks }));
  }

  clear(): Promise<void> {
    return this.display(CMD.clear, () => Buffer.alloc(0));
  }

  onRating(listener: (rating: PadRating) => void): () => void {
    return this.ratings.add(listener);
  }

  override async close(): Promise<void> {
    this.ratings.clear();
    await super.close();
  }
}

/** The `yichuang` protocol's factory (registered under that name). */
export function createYichuangDevice(
  config: SerialDeviceConfig,
  options: SerialDriverOptions = {},
): SerialDeviceDriver {
  switch (config.kind) {
    case 'window-screen':
      return new YichuangWindowScreen(config, options);
    case 'caller-keypad':
      return new YichuangCallerKeypad(config, options);
    case 'rating-pad':
      return new YichuangRatingPad(config, options);
  }
}
