/**
 * The `yichuang` frame (documented byte by byte in hardware/serial/README.md):
 *
 *   STX | ADDR CMD LEN PAYLOAD[LEN] CRC_LO CRC_HI | ETX      (the part between STX and ETX is byte-stuffed)
 *
 * Byte stuffing makes STX and ETX unambiguous: inside a frame 0x02, 0x03 and 0x10 are sent as 0x10 followed
 * by the byte XOR 0x20. So a payload can never end a frame early, and a receiver that lost sync (noise,
 * a half frame after a reconnect) finds the next frame at the next STX instead of waiting out a bogus length.
 * The checksum is CRC-16/MODBUS over ADDR CMD LEN PAYLOAD (unstuffed), low byte first.
 */

export const STX = 0x02;
export const ETX = 0x03;
export const DLE = 0x10;
const STUFF_XOR = 0x20;

/** LEN is one byte. */
export const MAX_PAYLOAD = 255;
/** ADDR CMD LEN PAYLOAD CRC(2), unstuffed. */
const MAX_BODY = 3 + MAX_PAYLOAD + 2;

export interface Frame {
  /** Bus address of the device, 1–254 (0 and 255 are reserved). */
  address: number;
  command: number;
  payload: Buffer;
}

/** CRC-16/MODBUS: poly 0x8005 reflected (0xA001), init 0xFFFF, no final XOR. `123456789` → 0x4B37. */
export function crc16Modbus(bytes: Uint8Array): number {
  let crc = 0xffff;
  for (const b of bytes) {
    crc ^= b;
    for (let i = 0; i < 8; i++) crc = crc & 1 ? (crc >>> 1) ^ 0xa001 : crc >>> 1;
  }
  return crc;
}

function checkByte(value: number, what: string, min: number, max: number): void {
  if (!Number.isInteger(value) || value < min || value > max)
    throw new RangeError(`${what} ${value} not in ${min}..${max}`);
}

/** One frame as bytes on the wire (stuffed, with STX and ETX). */
export function encodeFrame(frame: Frame): Buffer {
  checkByte(frame.address, 'address', 1, 254);
  checkByte(frame.command, 'command', 0, 255);
  if (frame.payload.length > MAX_PAYLOAD)
    throw new RangeError(`payload of ${frame.payload.length} bytes > ${MAX_PAYLOAD}`);
  const body = Buffer.concat([Buffer.from([frame.address, frame.command, frame.payload.length]), frame.payload]);
  const crc = crc16Modbus(body);
  const out: number[] = [STX];
  for (const b of [...body, crc & 0xff, crc >>> 8]) {
    if (b === STX || b === ETX || b === DLE) out.push(DLE, b ^ STUFF_XOR);
    else out.push(b);
  }
  out.push(ETX);
  return Buffer.from(out);
}

export type DecoderStats = {
  /** Good frames decoded. */
  frames: number;
  /** Complete frames whose CRC did not match. */
  badChecksum: number;
  /** Frames cut short by a new STX, too long, or whose LEN does not match. */
  malformed: number;
  /** Bytes outside any frame (line noise, a half frame after a reconnect). */
  garbageBytes: number;
};

/** Splits a byte stream into frames, in any chunking. Bad frames are dropped and counted, never thrown. */
export class FrameDecoder {
  readonly stats: DecoderStats = { frames: 0, badChecksum: 0, malformed: 0, garbageBytes: 0 };
  private body: number[] = [];
  private inFrame = false;
  private escaped = false;

  push(chunk: Uint8Array): Frame[] {
    const frames: Frame[] = [];
    for (const byte of chunk) {
      if (byte === STX) {
        if (this.inFrame) this.stats.malformed++;
        this.startFrame();
      } else if (!this.inFrame) {
        this.stats.garbageBytes++;
      } else if (byte === ETX) {
        const frame = this.finishFrame();
        if (frame) frames.push(frame);
      } else if (this.escaped) {
        this.escaped = false;
        this.append(byte ^ STUFF_XOR);
      } else if (byte === DLE) {
        this.escaped = true;
      } else {
        this.append(byte);
      }
    }
    return frames;
  }

  /** Forget a half-received frame (after a reconnect). Counts are kept. */
  reset(): void {
    this.inFrame = false;
    this.escaped = false;
    this.body = [];
  }

  private startFrame(): void {
    this.inFrame = true;
    this.escaped = false;
    this.body = [];
  }

  private append(byte: number): void {
    this.body.push(byte);
    if (this.body.length > MAX_BODY) {
      this.stats.malformed++;
      this.reset();
    }
  }

  private finishFrame(): Frame | null {
    const body = Buffer.from(this.body);
    const danglingEscape = this.escaped;
    this.reset();
    const len = body[2];
    if (len === undefined || body.length !== 3 + len + 2 || danglingEscape) {
      this.stats.malformed++;
      return null;
    }
    const crc = body.readUInt16LE(3 + len);
    if (crc16Modbus(body.subarray(0, 3 + len)) !== crc) {
      this.stats.badChecksum++;
      return null;
    }
    this.stats.frames++;
    return { address: body[0] ?? 0, command: body[1] ?? 0, payload: Buffer.from(body.subarray(3, 3 + len)) };
  }
}

/** `02 01 10 …` for logs and docs. */
export function hex(bytes: Uint8Array): string {
  return Buffer.from(bytes)
    .toString('hex')
    .replace(/(..)(?!$)/g, '$1 ');
}
