import { SerialDeviceError } from './device-types.ts';
import { encodeFrame, type Frame } from './frame.ts';
import { errorMessage, type SerialLink } from './serial-link.ts';
import { CMD, NAK_REASON } from './yichuang-codes.ts';

/** How a received command or event is answered: ACK, NAK with a reason, or not at all. */
export type FrameAnswer = 'ack' | { nak: number } | 'ignore';
/** Gets the payload after SEQ. */
export type FrameHandler = (body: Buffer) => FrameAnswer;

export interface ChannelOptions {
  /** Default 300 ms, plus the time the frame and its answer take on the wire. */
  ackTimeoutMs?: number;
  /** Default 2. */
  retries?: number;
  /** A frame with the same command and SEQ as the last one taken, within this time, is a re-send. Default 3 s. */
  dedupeMs?: number;
  log?: (message: string) => void;
}

type Outcome = 'ack' | { nak: number } | 'timeout' | 'offline';

interface Pending {
  seq: number;
  command: number;
  settle: (outcome: Outcome) => void;
}

/**
 * The `yichuang` exchange for one bus address, the same on both ends (the hub's drivers and the device
 * simulators): frames we send wait for an ACK and are re-sent with the same SEQ on NAK or silence; frames
 * we receive are handled once, answered, and a re-send (our ACK was lost) is answered again but not handled.
 */
export class YichuangChannel {
  readonly address: number;
  private readonly link: SerialLink<Frame>;
  private readonly ackTimeoutMs: number;
  private readonly retries: number;
  private readonly dedupeMs: number;
  private readonly log: (message: string) => void;
  private readonly handlers = new Map<number, FrameHandler>();
  private seq = 0;
  private pending: Pending | null = null;
  private chain: Promise<unknown> = Promise.resolve();
  private lastTaken: { command: number; seq: number; at: number } | null = null;
  private readonly unsubscribe: (() => void)[];
  private disposed = false;

  constructor(link: SerialLink<Frame>, address: number, options: ChannelOptions = {}) {
    this.link = link;
    this.address = address;
    this.ackTimeoutMs = options.ackTimeoutMs ?? 300;
    this.retries = options.retries ?? 2;
    this.dedupeMs = options.dedupeMs ?? 3000;
    this.log = options.log ?? (() => undefined);
    this.unsubscribe = [
      link.onFrame((frame) => this.receive(frame)),
      link.onStatus((status) => {
        this.lastTaken = null; // the peer may have restarted its SEQ
        if (status === 'disconnected') this.pending?.settle('offline');
      }),
    ];
  }

  /** Stop sending and answering (the link may live on for other addresses). */
  dispose(): void {
    this.disposed = true;
    for (const off of this.unsubscribe) off();
    this.pending?.settle('offline');
  }

  /** Handle frames with this command (replaces an earlier handler). */
  handle(command: number, handler: FrameHandler): void {
    this.handlers.set(command, handler);
  }

  /** Send `SEQ body` and wait for its ACK; one exchange at a time. Rejects with a `SerialDeviceError`. */
  send(command: number, body: Buffer): Promise<void> {
    const run = (): Promise<void> => this.exchange(command, body);
    const result = this.chain.then(run, run);
    this.chain = result.catch(() => undefined);
    return result;
  }

  private async exchange(command: number, body: Buffer): Promise<void> {
    const seq = this.seq;
    this.seq = (this.seq + 1) & 0xff;
    const bytes = encodeFrame({ address: this.address, command, payload: Buffer.concat([Buffer.from([seq]), body]) });
    // 10 bits per byte; the ACK is at most 16 bytes.
    const timeoutMs = this.ackTimeoutMs + Math.ceil(((bytes.length + 16) * 10 * 1000) / this.link.baudRate);
    const what = `command 0x${command.toString(16).padStart(2, '0')} to address ${this.address} on ${this.link.path}`;
    let last: Outcome = 'timeout';
    for (let attempt = 0; attempt <= this.retries; attempt++) {
      if (this.disposed) throw new SerialDeviceError('CLOSED', `${what}: closed`);
      if (this.link.status !== 'connected') throw new SerialDeviceError('OFFLINE', `${what}: device offline`);
      const outcome = this.awaitAnswer(seq, command, timeoutMs);
      try {
        await this.link.write(bytes);
      } catch (err) {
        this.pending?.settle('offline');
        throw new SerialDeviceError('OFFLINE', `${what}: ${errorMessage(err)}`);
      }
      last = await outcome;
      if (last === 'ack') return;
      if (last === 'offline') {
        throw new SerialDeviceError(this.disposed ? 'CLOSED' : 'OFFLINE', `${what}: device went offline`);
      }
      this.log(`${what}: ${last === 'timeout' ? 'no answer' : `NAK ${last.nak}`} (try ${attempt + 1})`);
    }
    if (typeof last === 'object') {
      throw new SerialDeviceError('NAK', `${what}: refused (NAK reason ${last.nak}) ${this.retries + 1} times`);
    }
    throw new SerialDeviceError('NO_ACK', `${what}: no answer after ${this.retries + 1} tries`);
  }

  private awaitAnswer(seq: number, command: number, timeoutMs: number): Promise<Outcome> {
    return new Promise<Outcome>((resolve) => {
      const timer = setTimeout(() => settle('timeout'), timeoutMs);
      const settle = (outcome: Outcome): void => {
        clearTimeout(timer);
        if (this.pending === pending) this.pending = null;
        resolve(outcome);
      };
      const pending: Pending = { seq, command, settle };
      this.pending = pending;
    });
  }

  private receive(frame: Frame): void {
    if (frame.address !== this.address) return; // another device on the same bus
    const seq = frame.payload[0];
    if (seq === undefined) return;
    const body = frame.payload.subarray(1);
    if (frame.command === CMD.ack || frame.command === CMD.nak) {
      const p = this.pending;
      if (!p || p.seq !== seq || p.command !== body[0]) return; // a late answer to an earlier try
      p.settle(frame.command === CMD.ack ? 'ack' : { nak: body[1] ?? 0 });
      return;
    }
    const now = Date.now();
    const last = this.lastTaken;
    if (last && last.command === frame.command && last.seq === seq && now - last.at < this.dedupeMs) {
      this.answer(CMD.ack, seq, frame.command);
      return;
    }
    const handler = this.handlers.get(frame.command);
    let answer: FrameAnswer;
    try {
      answer = handler ? handler(body) : { nak: NAK_REASON.unknownCommand };
    } catch (err) {
      this.log(`handler for 0x${frame.command.toString(16)} threw: ${errorMessage(err)}`);
      answer = { nak: NAK_REASON.busy };
    }
    if (answer === 'ignore') return;
    if (answer === 'ack') {
      this.lastTaken = { command: frame.command, seq, at: now };
      this.answer(CMD.ack, seq, frame.command);
    } else {
      this.answer(CMD.nak, seq, frame.command, answer.nak);
    }
  }

  private answer(kind: number, seq: number, command: number, reason?: number): void {
    const payload = Buffer.from(reason === undefined ? [seq, command] : [seq, command, reason]);
    this.link
      .write(encodeFrame({ address: this.address, command: kind, payload }))
      .catch((err: unknown) => this.log(`could not answer on ${this.link.path}: ${errorMessage(err)}`));
  }
}
