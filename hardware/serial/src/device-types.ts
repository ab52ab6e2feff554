import type { RatingLevel, SerialDeviceConfig } from '@yichuang/protocol';
import type { BackoffOptions, LinkStats, LinkStatus, SerialPortFactory } from './serial-link.ts';

/**
 * What the hub sees of a serial device, whatever its wire protocol. A driver opens its port when made,
 * keeps it open (reopening with back-off) and reports `status`; commands reject when the device is offline
 * or does not acknowledge, and what a display last showed is shown again when the device comes back.
 */
export type SerialDeviceKind = SerialDeviceConfig['kind'];

export const keypadKeys = ['call-next', 'recall', 'no-show', 'start', 'finish', 'pause', 'resume'] as const;
/** A key of the caller keypad (叫号器); the hub maps it to the window command of the same name. */
export type KeypadKey = (typeof keypadKeys)[number];

/** What a window screen or a device's small display shows: one or two lines, optionally blinking. */
export interface ScreenLines {
  line1: string;
  line2?: string;
  blink?: boolean;
}

/** A citizen's rating from the pad: 5 非常满意 … 1 非常不满意; a reason (a `ratingReasons` code) for ≤ 2. */
export interface PadRating {
  level: RatingLevel;
  reason: string | null;
}

export interface RatingPrompt {
  ticketNumber: string;
  windowName: string;
}

export interface SerialDevice {
  readonly config: SerialDeviceConfig;
  readonly kind: SerialDeviceKind;
  readonly status: LinkStatus;
  /** Frame counts (good, bad checksum, malformed, garbage bytes), reconnects, last error. */
  readonly stats: LinkStats;
  /** Called on every change of `status`; returns an unsubscribe function. */
  onStatus(listener: (status: LinkStatus) => void): () => void;
  /** Close the port and stop reopening it. */
  close(): Promise<void>;
}

/** 窗口屏: the LED screen above a window. */
export interface WindowScreen extends SerialDevice {
  readonly kind: 'window-screen';
  /** E.g. `{ line1: '请 A001 号', blink: true }`, `{ line1: '暂停服务' }`, `{ line1: '3号窗口' }`, `{ line1: '未开放' }`. */
  show(lines: ScreenLines): Promise<void>;
  clear(): Promise<void>;
}

/** 叫号器: the officer's caller keypad, with a small LCD. */
export interface CallerKeypad extends SerialDevice {
  readonly kind: 'caller-keypad';
  /** Each key press once, in order (a re-sent frame is not a second press). Returns an unsubscribe function. */
  onKey(listener: (key: KeypadKey) => void): () => void;
  /** Show a short text on the keypad's LCD, e.g. the ticket being served. */
  showText(text: string, line2?: string): Promise<void>;
}

/** 评价器: the citizen-facing rating pad. */
export interface RatingPad extends SerialDevice {
  readonly kind: 'rating-pad';
  /** Shows 请对本次服务进行评价 (with the ticket and window) and arms the rating keys. */
  prompt(prompt: RatingPrompt): Promise<void>;
  /** Shows 谢谢您的评价. */
  thank(): Promise<void>;
  clear(): Promise<void>;
  /** Each rating once. Returns an unsubscribe function. */
  onRating(listener: (rating: PadRating) => void): () => void;
}

export type SerialDeviceDriver = WindowScreen | CallerKeypad | RatingPad;

export interface DeviceByKind {
  'window-screen': WindowScreen;
  'caller-keypad': CallerKeypad;
  'rating-pad': RatingPad;
}

/** Tuning and test hooks shared by every driver; protocols ignore what they do not use. */
export interface SerialDriverOptions {
  /** Default: a real serialport `SerialPort`. */
  openPort?: SerialPortFactory;
  backoff?: BackoffOptions;
  /** See `SerialLinkOptions.pathCheckMs`. */
  pathCheckMs?: number;
  /** Wait for ACK/NAK, on top of the frame's transmission time at the baud rate. Default 300 ms. */
  ackTimeoutMs?: number;
  /** Tries after the first when a command is NAKed or not answered. Default 2. */
  retries?: number;
  log?: (message: string) => void;
}

/** Makes a driver for one device; a vendor protocol supports the kinds it can and throws for the others. */
export type SerialProtocolFactory = (config: SerialDeviceConfig, options: SerialDriverOptions) => SerialDeviceDriver;

export type SerialDeviceErrorCode = 'OFFLINE' | 'NAK' | 'NO_ACK' | 'CLOSED';

/** A command the device did not take. The content of a display command is still shown when it comes back. */
export class SerialDeviceError extends Error {
  readonly code: SerialDeviceErrorCode;
  constructor(code: SerialDeviceErrorCode, message: string) {
    super(message);
    this.name = 'SerialDeviceError';
    this.code = code;
  }
}
