import type { SerialDeviceConfig } from '@yichuang/protocol';
import {
  SerialDeviceError,
  type CallerKeypad,
  type KeypadKey,
  type PadRating,
  type RatingPad,
  type RatingPrompt,
  type ScreenLines,
  type SerialDeviceDriver,
  type SerialDriverOptions,
  type WindowScreen,
} from './device-types.ts';
import { FrameDecoder, type Frame } from './frame.ts';
import { errorMessage, SerialLink, type LinkStats, type LinkStatus } from './serial-link.ts';
import { YichuangChannel } from './yichuang-channel.ts';
import { CMD, decodeRating, encodeLines, keyFromCode, NAK_REASON, RATING_TEXT } from './yichuang-codes.ts';

/** Listeners that may throw without stopping the others (or the ACK). */
class Listeners<T> {
  private readonly set = new Set<(value: T) => void>();
  constructor(private readonly log: (message: string) => void) {}
  add(listener: (value: T) => void): () => void {
    this.set.add(listener);
    return () => this.set.delete(listener);
  }
  emit(value: T): void {
    for (const l of [...this.set]) {
      try {
        l(value);
      } catch (err) {
        this.log(`listener threw: ${errorMessage(err)}`);
      }
    }
  }
  clear(): void {
    this.set.clear();
  }
}

/** The port, the exchange, status, and the display command shown again when the device comes back. */
abstract class YichuangDevice {
  readonly config: SerialDeviceConfig;
  protected readonly link: SerialLink<Frame>;
  protected readonly channel: YichuangChannel;
  protected readonly log: (message: string) => void;
  private replay: { command: number; body: Buffer } | null = null;
  private closed = false;

  constructor(config: SerialDeviceConfig, options: SerialDriverOptions) {
    this.config = config;
    const log = options.log ?? (() => undefined);
    this.log = (m) => log(`[${config.id}] ${m}`);
    this.link = new SerialLink({
      path: config.path,
      baudRate: config.baudRate,
      decoder: new FrameDecoder(),
      openPort: options.openPort,
      backoff: options.backoff,
      pathCheckMs: options.pathCheckMs,
      log: this.log,
    });
    this.channel = new YichuangChannel(this.link, config.address, {
      ackTimeoutMs: options.ackTimeoutMs,
      retries: options.retries,
      log: this.log,
    });
    this.link.onStatus((status) => {
      const replay = this.replay;
      if (status !== 'connected' || !replay) return;
      this.channel.send(replay.command, replay.body).catch((err: unknown) => {
        this.log(`could not restore the display: ${errorMessage(err)}`);
      });
    });
    this.link.start();
  }

  get status(): LinkStatus {
    return this.link.status;
  }

  get stats(): LinkStats {
    return this.link.stats;
  }

  onStatus(listener: (status: LinkStatus) => void): () => void {
    return this.link.onStatus(listener);
  }

  async close(): Promise<void> {
    this.closed = true;
    await this.link.close();
  }

  /** Send a display command and remember it, so a device that restarts or reconnects shows it again. */
  protected display(command: number, build: () => Buffer): Promise<void> {
    if (this.closed) return Promise.reject(new SerialDeviceError('CLOSED', `device ${this.config.id} is closed`));
    let payload: Buffer;
    try {
      payload = build();
    } catch (err) {
      return Promise.reject(err instanceof Error ? err : new Error(String(err)));
    }
    this.replay = { command, body: payload };
    return this.channel.send(command, payload);
  }

  protected forgetDisplay(): void {
    this.replay = null;
  }
}

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
