import type { SerialDeviceConfig } from '@yichuang/protocol';
import { SerialDeviceError, type SerialDriverOptions } from './device-types.ts';
import type { Frame } from './frame.ts';
import { acquireFrameLink, type SharedFrameLink } from './link-pool.ts';
import { errorMessage, type LinkStats, type LinkStatus, type SerialLink } from './serial-link.ts';
import { YichuangChannel } from './yichuang-channel.ts';

/** Listeners that may throw without stopping the others (or the ACK). */
export class Listeners<T> {
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

/**
 * What the three `yichuang` drivers share: the port (one per path, shared by the addresses on it), the
 * ACK exchange, status, and the display. The last display command is kept until the device has taken it:
 * after a NAK or silence it is sent again with back-off, and again whenever the port reopens. That covers
 * a screen that loses power behind an RS-485 adapter whose port never closes, as well as a vanished port.
 */
export abstract class YichuangDevice {
  readonly config: SerialDeviceConfig;
  protected readonly link: SerialLink<Frame>;
  protected readonly channel: YichuangChannel;
  protected readonly log: (message: string) => void;
  private readonly shared: SharedFrameLink;
  private readonly statusListeners: Listeners<LinkStatus>;
  private readonly offLink: () => void;
  private readonly restoreInitialMs: number;
  private readonly restoreMaxMs: number;
  /** The display the device should show, and whether it has acknowledged it. */
  private wanted: { command: number; body: Buffer; taken: boolean } | null = null;
  private restoreTimer: NodeJS.Timeout | null = null;
  private restoreAttempt = 0;
  private closed = false;

  constructor(config: SerialDeviceConfig, options: SerialDriverOptions) {
    this.config = config;
    const log = options.log ?? (() => undefined);
    this.log = (m) => log(`[${config.id}] ${m}`);
    this.statusListeners = new Listeners<LinkStatus>(this.log);
    this.restoreInitialMs = options.backoff?.initialMs ?? 500;
    this.restoreMaxMs = Math.max(this.restoreInitialMs, options.backoff?.maxMs ?? 10_000);
    this.shared = acquireFrameLink({
      path: config.path,
      baudRate: config.baudRate,
      openPort: options.openPort,
      backoff: options.backoff,
      pathCheckMs: options.pathCheckMs,
      log,
    });
    this.link = this.shared.link;
    this.channel = new YichuangChannel(this.link, config.address, {
      ackTimeoutMs: options.ackTimeoutMs,
      retries: options.retries,
      log: this.log,
    });
    this.offLink = this.link.onStatus((status) => {
      this.statusListeners.emit(status);
      if (status !== 'connected' || !this.wanted) return;
      this.wanted.taken = false;
      this.restoreAttempt = 0;
      this.restore();
    });
  }

  get status(): LinkStatus {
    return this.closed ? 'disconnected' : this.link.status;
  }

  get stats(): LinkStats {
    return this.link.stats;
  }

  onStatus(listener: (status: LinkStatus) => void): () => void {
    return this.statusListeners.add(listener);
  }

  async close(): Promise<void> {
    if (this.closed) return;
    const wasConnected = this.status === 'connected';
    this.closed = true;
    this.clearRestore();
    this.offLink();
    this.channel.dispose();
    if (wasConnected) this.statusListeners.emit('disconnected');
    this.statusListeners.clear();
    await this.shared.release();
  }

  /**
   * Send a display command and keep it as what the device should show. Rejects when the device is offline
   * or does not take it; it is still shown once the device answers again.
   */
  protected display(command: number, build: () => Buffer): Promise<void> {
    if (this.closed) return Promise.reject(new SerialDeviceError('CLOSED', `device ${this.config.id} is closed`));
    let body: Buffer;
    try {
      body = build();
    } catch (err) {
      return Promise.reject(err instanceof Error ? err : new Error(String(err)));
    }
    const wanted = { command, body, taken: false };
    this.wanted = wanted;
    this.clearRestore();
    this.restoreAttempt = 0;
    return this.channel.send(command, body).then(
      () => {
        wanted.taken = true;
      },
      (err: unknown) => {
        this.scheduleRestore();
        throw err;
      },
    );
  }

  /** The device changed its display by itself (a rating pad disarms after a rating): nothing to restore. */
  protected forgetDisplay(): void {
    this.wanted = null;
    this.clearRestore();
  }

  private restore(): void {
    this.restoreTimer = null;
    const wanted = this.wanted;
    if (this.closed || !wanted || wanted.taken || this.link.status !== 'connected') return;
    this.channel.send(wanted.command, wanted.body).then(
      () => {
        wanted.taken = true;
      },
      (err: unknown) => {
        this.log(`display not restored yet: ${errorMessage(err)}`);
        this.scheduleRestore();
      },
    );
  }

  private scheduleRestore(): void {
    if (this.closed || this.restoreTimer || this.link.status !== 'connected') return;
    const delay = Math.min(this.restoreMaxMs, this.restoreInitialMs * 2 ** this.restoreAttempt);
    this.restoreAttempt++;
    this.restoreTimer = setTimeout(() => this.restore(), delay);
  }

  private clearRestore(): void {
    if (this.restoreTimer) clearTimeout(this.restoreTimer);
    this.restoreTimer = null;
  }
}
