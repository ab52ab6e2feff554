import type { ScreenLines } from './device-types.ts';
import type { Frame } from './frame.ts';
import { acquireFrameLink, type SharedFrameLink } from './link-pool.ts';
import type { BackoffOptions, LinkStatus, SerialLink, SerialPortFactory } from './serial-link.ts';
import { YichuangChannel, type FrameAnswer, type FrameHandler } from './yichuang-channel.ts';
import { CMD, decodeLines, NAK_REASON } from './yichuang-codes.ts';

export interface SimulatorOptions {
  /** Bus address the simulated device answers to. Default 1. */
  address?: number;
  /** Default 9600. */
  baudRate?: number;
  openPort?: SerialPortFactory;
  /** Default 50 ms … 1 s: a simulator on a pty comes back quickly. */
  backoff?: BackoffOptions;
  /** For the events it sends (key presses, ratings). */
  ackTimeoutMs?: number;
  retries?: number;
  log?: (message: string) => void;
}

/** The two lines as text, e.g. `请 A001 号` or `请对本次服务进行评价\nA001号 3号窗口`; '' when blank. */
export function linesText(lines: ScreenLines | null): string {
  if (!lines) return '';
  return lines.line2 ? `${lines.line1}\n${lines.line2}` : lines.line1;
}

/**
 * A `yichuang` device on the other end of a serial line (a socat pty in tests and demos): decodes and
 * acknowledges what the hub sends and keeps what its display shows. Faults can be injected to test retries.
 */
export class DeviceSimulator {
  readonly path: string;
  readonly address: number;
  /** Every frame addressed to this device, as received (before any fault injection). */
  readonly received: Frame[] = [];
  /** Every change of the display, in order (null: blank). */
  readonly history: (ScreenLines | null)[] = [];
  /** NAK the next `nak` commands, then ignore the next `silent` ones (no answer at all). */
  readonly faults = { nak: 0, silent: 0 };
  protected readonly link: SerialLink<Frame>;
  protected readonly channel: YichuangChannel;
  private readonly shared: SharedFrameLink;
  private readonly offs: (() => void)[] = [];
  private current: ScreenLines | null = null;
  private readonly displayListeners = new Set<(shown: ScreenLines | null) => void>();

  constructor(path: string, options: SimulatorOptions = {}) {
    this.path = path;
    this.address = options.address ?? 1;
    this.shared = acquireFrameLink({
      path,
      baudRate: options.baudRate ?? 9600,
      openPort: options.openPort,
      backoff: { initialMs: 50, maxMs: 1000, ...options.backoff },
      pathCheckMs: 200,
      log: options.log,
    });
    this.link = this.shared.link;
    this.channel = new YichuangChannel(this.link, this.address, {
      ackTimeoutMs: options.ackTimeoutMs,
      retries: options.retries,
      log: options.log,
    });
    this.offs.push(
      this.link.onFrame((frame) => {
        if (frame.address === this.address) this.received.push(frame);
      }),
    );
    this.on(CMD.show, (body) => {
      const lines = decodeLines(body);
      if (!lines) return { nak: NAK_REASON.badPayload };
      this.setDisplay(lines);
      return 'ack';
    });
    this.on(CMD.clear, () => {
      this.setDisplay(null);
      return 'ack';
    });
  }

  get status(): LinkStatus {
    return this.link.status;
  }

  /** What the display shows now (null: blank). */
  get shown(): ScreenLines | null {
    return this.current;
  }

  get text(): string {
    return linesText(this.current);
  }

  /** Resolves once the port is open (it is opened when the simulator is made, and reopened until `close()`). */
  start(timeoutMs = 5000): Promise<void> {
    if (this.link.status === 'connected') return Promise.resolve();
    return new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => {
        off();
        reject(new Error(`simulator could not open ${this.path} within ${timeoutMs} ms`));
      }, timeoutMs);
      const off = this.link.onStatus((s) => {
        if (s !== 'connected') return;
        clearTimeout(timer);
        off();
        resolve();
      });
    });
  }

  onStatus(listener: (status: LinkStatus) => void): () => void {
    const off = this.link.onStatus(listener);
    this.offs.push(off);
    return off;
  }

  onDisplay(listener: (shown: ScreenLines | null) => void): () => void {
    this.displayListeners.add(listener);
    return () => this.displayListeners.delete(listener);
  }

  /** Resolves with the display once `predicate` holds for it (now or after a later change). */
  waitForDisplay(predicate: (shown: ScreenLines | null) => boolean, timeoutMs = 5000): Promise<ScreenLines | null> {
    if (predicate(this.current)) return Promise.resolve(this.current);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        off();
        reject(new Error(`display of ${this.path} still shows "${this.text}" after ${timeoutMs} ms`));
      }, timeoutMs);
      const off = this.onDisplay((shown) => {
        if (!predicate(shown)) return;
        clearTimeout(timer);
        off();
        resolve(shown);
      });
    });
  }

  /** Resolves once the display shows exactly this text (`linesText` form). */
  waitForText(text: string, timeoutMs = 5000): Promise<ScreenLines | null> {
    return this.waitForDisplay((shown) => linesText(shown) === text, timeoutMs);
  }

  async close(): Promise<void> {
    this.displayListeners.clear();
    for (const off of this.offs.splice(0)) off();
    this.channel.dispose();
    await this.shared.release();
  }

  /** Handle a hub command, after the injected faults. */
  protected on(command: number, handler: FrameHandler): void {
    this.channel.handle(command, (body): FrameAnswer => {
      if (this.faults.nak > 0) {
        this.faults.nak--;
        return { nak: NAK_REASON.busy };
      }
      if (this.faults.silent > 0) {
        this.faults.silent--;
        return 'ignore';
      }
      return handler(body);
    });
  }

  protected setDisplay(lines: ScreenLines | null): void {
    this.current = lines;
    this.history.push(lines);
    for (const l of [...this.displayListeners]) l(lines);
  }
}
