import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { crc16Modbus, DLE, encodeFrame, ETX, FrameDecoder, hex, STX, type Frame } from './frame.ts';
import { CMD, decodeLines, encodeGb, encodeLines } from './yichuang-codes.ts';

const CALL_TEXT = '请A001号到3号窗口';
const showFrame = (address: number, seq: number, line1: string, blink = false): Frame => ({
  address,
  command: CMD.show,
  payload: Buffer.concat([Buffer.from([seq]), encodeLines({ line1, blink })]),
});

/** Feed bytes to a fresh decoder in the given chunk sizes (cycled). */
function decodeInChunks(bytes: Buffer, sizes: number[]): { frames: Frame[]; decoder: FrameDecoder } {
  const decoder = new FrameDecoder();
  const frames: Frame[] = [];
  let at = 0;
  for (let i = 0; at < bytes.length; i++) {
    const size = Math.max(1, sizes[i % sizes.length] ?? 1);
    frames.push(...decoder.push(bytes.subarray(at, at + size)));
    at += size;
  }
  return { frames, decoder };
}

describe('yichuang frame', () => {
  it('uses CRC-16/MODBUS (check value of "123456789" is 0x4B37)', () => {
    expect(crc16Modbus(Buffer.from('123456789', 'ascii'))).toBe(0x4b37);
  });

  it('encodes Chinese text as GB18030', () => {
    expect(hex(encodeGb(CALL_TEXT))).toBe('c7 eb 41 30 30 31 ba c5 b5 bd 33 ba c5 b4 b0 bf da');
  });

  it('lays out a show frame as documented in the README (stuffed address and length)', () => {
    const bytes = encodeFrame(showFrame(3, 0, CALL_TEXT, true));
    // STX | ADDR 03→10 23 | CMD 10→10 30 | LEN 14 | SEQ 00 FLAGS 01 N1 11 | text | CRC lo hi | ETX
    expect(hex(bytes)).toBe('02 10 23 10 30 14 00 01 11 c7 eb 41 30 30 31 ba c5 b5 bd 33 ba c5 b4 b0 bf da 31 7a 03');
    const [frame] = new FrameDecoder().push(bytes);
    expect(frame?.address).toBe(3);
    expect(decodeLines(frame?.payload.subarray(1) ?? Buffer.alloc(0))).toEqual({ line1: CALL_TEXT, blink: true });
  });

  it('round-trips any frame, split into any chunks, and never lets STX or ETX into the body', () => {
    const frameArb = fc.record({
      address: fc.integer({ min: 1, max: 254 }),
      command: fc.integer({ min: 0, max: 255 }),
      payload: fc.uint8Array({ maxLength: 255 }).map((a) => Buffer.from(a)),
    });
    fc.assert(
      fc.property(
        fc.array(frameArb, { minLength: 1, maxLength: 5 }),
        fc.array(fc.integer({ min: 1, max: 40 }), { minLength: 1 }),
        (frames, sizes) => {
          const encoded = frames.map(encodeFrame);
          for (const e of encoded) {
            const inner = e.subarray(1, -1);
            expect(inner.includes(STX) || inner.includes(ETX)).toBe(false);
          }
          const { frames: got, decoder } = decodeInChunks(Buffer.concat(encoded), sizes);
          expect(got).toEqual(frames);
          expect(decoder.stats).toEqual({ frames: frames.length, badChecksum: 0, malformed: 0, garbageBytes: 0 });
        },
      ),
    );
  });

  it('drops a frame with a bad checksum, counts it, and decodes the next one', () => {
    const good = encodeFrame(showFrame(1, 7, '3号窗口'));
    const bad = Buffer.from(good);
    bad[10] = (bad[10] ?? 0) ^ 0x01; // a bit flipped in the text
    const decoder = new FrameDecoder();
    const frames = decoder.push(Buffer.concat([bad, good]));
    expect(frames).toHaveLength(1);
    expect(decodeLines(frames[0]?.payload.subarray(1) ?? Buffer.alloc(0))?.line1).toBe('3号窗口');
    expect(decoder.stats.badChecksum).toBe(1);
    expect(decoder.stats.frames).toBe(1);
  });

  it('skips garbage between frames and resyncs on a cut-off frame', () => {
    const f1 = encodeFrame(showFrame(1, 1, '暂停服务'));
    const f2 = encodeFrame({ address: 1, command: CMD.key, payload: Buffer.from([9, 1]) });
    const noise = Buffer.from([0xff, 0x00, 0x41, ETX, 0x99]);
    const cut = f1.subarray(0, 8); // a frame lost mid-way (device reset), then a whole one
    const stream = Buffer.concat([noise, f1, noise, cut, f2, noise]);
    for (const sizes of [[1], [3], [7, 2], [stream.length]]) {
      const { frames, decoder } = decodeInChunks(stream, sizes);
      expect(frames.map((f) => f.command)).toEqual([CMD.show, CMD.key]);
      expect(decoder.stats.garbageBytes).toBe(noise.length * 3);
      expect(decoder.stats.malformed).toBe(1);
    }
  });

  it('rejects a length that does not match, a dangling escape, and an over-long body', () => {
    const decoder = new FrameDecoder();
    const good = encodeFrame({ address: 1, command: CMD.clear, payload: Buffer.from([0]) });
    const wrongLen = Buffer.from(good);
    wrongLen[3] = 4; // LEN says 4, one byte follows
    expect(decoder.push(wrongLen)).toEqual([]);
    expect(decoder.push(Buffer.from([STX, 1, 5, DLE, ETX]))).toEqual([]);
    expect(decoder.push(Buffer.concat([Buffer.from([STX]), Buffer.alloc(300, 0x41)]))).toEqual([]);
    expect(decoder.push(good)).toHaveLength(1);
    expect(decoder.stats).toMatchObject({ frames: 1, malformed: 3, badChecksum: 0 });
  });

  it('refuses to encode an out-of-range address or an over-long payload', () => {
    expect(() => encodeFrame({ address: 0, command: 1, payload: Buffer.alloc(0) })).toThrow(RangeError);
    expect(() => encodeFrame({ address: 255, command: 1, payload: Buffer.alloc(0) })).toThrow(RangeError);
    expect(() => encodeFrame({ address: 1, command: 1, payload: Buffer.alloc(256) })).toThrow(RangeError);
  });
});
