import { randomUUID } from 'node:crypto';
import {
  LOW_RATING,
  type Actor,
  type EventEnvelope,
  type HallConfig,
  type SerialDeviceConfig,
  type SerialDeviceView,
} from '@yichuang/protocol';
import { hallPhase, windowView } from '@yichuang/engine';
import {
  createSerialDevice,
  type CallerKeypad,
  type KeypadKey,
  type PadRating,
  type RatingPad,
  type SerialDeviceDriver,
  type SerialDriverOptions,
  type WindowScreen,
} from '@yichuang/serial';
import type { CommandBus } from '../command-bus.ts';
import { keypadText, windowScreenText, type ScreenText } from './window-screen-text.ts';

export type SerialDeviceFactory = (config: SerialDeviceConfig, options: SerialDriverOptions) => SerialDeviceDriver;

export interface SerialDevicesOptions {
  bus: CommandBus;
  clock: () => number;
  log: (line: string) => void;
  /** Default: the registered wire protocols (`createSerialDevice`). */
  create?: SerialDeviceFactory;
  driverOptions?: SerialDriverOptions;
  /** Called when a device's line goes up or down. */
  onStatus?: () => void;
}

/** A low pad rating without a chosen reason is still the citizen's word: it is kept, marked so. */
export const PAD_NO_REASON = '未选择原因（评价器）';

/**
 * The hub's side of the serial devices at the windows. Follows committed events: window screens show
 * the window's state, keypads' LCDs the officer's ticket, rating pads ask after each finish. Key presses
 * become the window's commands in the name of the officer holding it; pad ratings become `rating:submit`.
 */
export class SerialDevices {
  private readonly o: SerialDevicesOptions;
  private readonly devices = new Map<string, SerialDeviceDriver>();
  /** What each display was last told to show, so an unchanged state sends nothing. */
  private readonly shown = new Map<string, string>();
  /** rating pad id → the ticket it is asking about. */
  private readonly asking = new Map<string, { ticketId: string; number: string }>();
  private readonly offs: (() => void)[] = [];
  private timer: NodeJS.Timeout | null = null;

  constructor(o: SerialDevicesOptions) {
    this.o = o;
  }

  /** Open every configured device; screens and keypads show the current state at once. */
  start(config: HallConfig = this.o.bus.config): void {
    const create = this.o.create ?? ((c, opts) => createSerialDevice(c, opts));
    for (const c of config.serialDevices) {
      let device: SerialDeviceDriver;
      try {
        device = create(c, { log: (m) => this.o.log(`serial ${c.id}: ${m}`), ...this.o.driverOptions });
      } catch (err) {
        this.o.log(`serial device ${c.id} not started: ${(err as Error).message}`);
        continue;
      }
      this.devices.set(c.id, device);
      this.offs.push(device.onStatus((status) => this.statusChanged(device, status)));
      if (device.kind === 'caller-keypad') this.offs.push(device.onKey((key) => this.keyPressed(device, key)));
      if (device.kind === 'rating-pad') this.offs.push(device.onRating((r) => this.rated(device, r)));
    }
    this.refresh();
    // Opening and closing turn screens from 未开放 to 暂停服务 and back without any command.
    this.timer = setInterval(() => this.refresh(), 15_000);
    this.timer.unref();
  }

  async stop(): Promise<void> {
    if (this.timer !== null) clearInterval(this.timer);
    for (const off of this.offs.splice(0)) off();
    const all = [...this.devices.values()];
    this.devices.clear();
    this.shown.clear();
    this.asking.clear();
    await Promise.all(all.map((d) => d.close().catch(() => undefined)));
  }

  /** Rebuild for a new config (devices added, moved or removed). */
  async reconfigure(config: HallConfig): Promise<void> {
    await this.stop();
    this.start(config);
  }

  list(): SerialDeviceView[] {
    return [...this.devices.values()].map((d) => ({
      id: d.config.id,
      kind: d.kind,
      windowId: d.config.window,
      status: d.status === 'connected' ? 'connected' : 'disconnected',
    }));
  }

  onEvents(events: EventEnvelope[]): void {
    for (const e of events) {
      if (e.type === 'ticket:finished') this.askForRating(e.payload.windowId, e.payload.ticketId);
      else if (e.type === 'ticket:called') this.endQuestion(e.payload.windowId, null);
      else if (e.type === 'ticket:rated') this.endQuestion(e.payload.rating.windowId, e.payload.rating.ticketId);
    }
    this.refresh();
  }

  /** Send each screen and keypad LCD what its window's state says, when that changed. */
  private refresh(): void {
    const state = this.o.bus.state;
    const phase = hallPhase(state.model.config.hall, this.o.clock());
    const inHours = phase === 'open' || phase === 'extended';
    for (const d of this.devices.values()) {
      if (d.kind === 'rating-pad' || !state.model.windows.has(d.config.window)) continue;
      const view = windowView(state, d.config.window);
      const text = d.kind === 'window-screen' ? windowScreenText(view, inHours) : keypadText(view);
      this.show(d, text);
    }
  }

  private show(d: WindowScreen | CallerKeypad, text: ScreenText): void {
    const key = JSON.stringify(text);
    if (this.shown.get(d.config.id) === key) return;
    this.shown.set(d.config.id, key);
    const sent = d.kind === 'window-screen' ? d.show(text) : d.showText(text.line1, text.line2);
    // The driver keeps what a display should show and sends it again when the device returns.
    sent.catch((err: Error) => this.o.log(`serial ${d.config.id}: ${err.message}`));
  }

  private keyPressed(d: CallerKeypad, key: KeypadKey): void {
    const windowId = d.config.window;
    const holder = this.o.bus.state.windows.get(windowId)?.holder;
    if (holder == null) {
      this.flash(d, '请先在窗口签到', '叫号器不可用');
      return;
    }
    const actor: Actor = { kind: 'officer', role: 'officer', officerId: holder.officerId };
    const requestId = `keypad-${d.config.id}-${randomUUID()}`;
    const answer =
      key === 'pause'
        ? this.o.bus.dispatch('window:pause', { requestId, windowId, reason: 'other', note: '叫号器暂停' }, actor)
        : this.o.bus.dispatch(`window:${key}`, { requestId, windowId }, actor);
    void answer.then((ack) => {
      if (!ack.ok) this.flash(d, shortMessage(ack.error.message), '');
      else if (key === 'call-next' && ack.data.ticket === null) this.flash(d, '暂无等候', '');
    });
  }

  /** An answer to a key press shows until the window's state changes it. */
  private flash(d: CallerKeypad, line1: string, line2: string): void {
    this.show(d, { line1, line2 });
    this.shown.delete(d.config.id);
  }

  private askForRating(windowId: string, ticketId: string): void {
    const state = this.o.bus.state;
    const ticket = state.tickets.get(ticketId);
    const windowName = state.model.windows.get(windowId)?.name ?? windowId;
    if (ticket === undefined) return;
    for (const d of this.pads(windowId)) {
      this.asking.set(d.config.id, { ticketId, number: ticket.number });
      d.prompt({ ticketNumber: ticket.number, windowName }).catch((err: Error) =>
        this.o.log(`serial ${d.config.id}: prompt failed: ${err.message}`),
      );
    }
  }

  /** A new call, or a rating given elsewhere (the counter, a rater screen), ends the pad's question. */
  private endQuestion(windowId: string, ratedTicketId: string | null): void {
    for (const d of this.pads(windowId)) {
      const q = this.asking.get(d.config.id);
      if (q === undefined || (ratedTicketId !== null && q.ticketId !== ratedTicketId)) continue;
      this.asking.delete(d.config.id);
      d.clear().catch(() => undefined);
    }
  }

  private rated(d: RatingPad, r: PadRating): void {
    const q = this.asking.get(d.config.id);
    if (q === undefined) {
      this.o.log(`serial ${d.config.id}: a rating with no ticket to rate was ignored`);
      return;
    }
    // Forgotten first, so that the rating's own event does not clear the pad's thanks.
    this.asking.delete(d.config.id);
    const reason = r.reason ?? (r.level <= LOW_RATING ? PAD_NO_REASON : undefined);
    void this.o.bus
      .dispatch(
        'rating:submit',
        { requestId: `pad-${d.config.id}-${q.ticketId}`, ticketId: q.ticketId, level: r.level, reason },
        { kind: 'device', role: 'rater', deviceId: d.config.id },
      )
      .then((ack) => {
        if (!ack.ok) this.o.log(`serial ${d.config.id}: rating of ${q.number} refused: ${ack.error.code}`);
      });
    d.thank().catch(() => undefined);
  }

  private pads(windowId: string): RatingPad[] {
    const out: RatingPad[] = [];
    for (const d of this.devices.values()) if (d.kind === 'rating-pad' && d.config.window === windowId) out.push(d);
    return out;
  }

  private statusChanged(d: SerialDeviceDriver, status: string): void {
    const up = status === 'connected';
    this.o.log(`serial ${d.config.id} (${d.kind}, ${d.config.path}) ${up ? 'connected' : 'disconnected'}`);
    this.o.bus.recordSystem([
      {
        type: 'device:status-changed',
        at: this.o.clock(),
        payload: {
          deviceId: d.config.id,
          kind: d.kind,
          windowId: d.config.window,
          status: up ? 'connected' : 'disconnected',
        },
      },
    ]);
    this.o.onStatus?.();
  }
}

/** The Chinese half of a hub message, short enough for a keypad LCD. */
function shortMessage(message: string): string {
  return (message.split(' / ')[0] ?? message).slice(0, 16);
}
