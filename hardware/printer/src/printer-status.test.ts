import { describe, expect, it } from 'vitest';
import { dleEotFlags, isDleEotReply, isFault, parseDleEot, parsePaperSensor } from './printer-status.ts';

describe('DLE EOT status parsing', () => {
  it.each([
    [{ printer: 0x12, offlineCause: 0x12, paper: 0x12 }, 'ok'],
    [{ printer: 0x1a, offlineCause: 0x12, paper: 0x12 }, 'offline'],
    [{ printer: 0x1a, offlineCause: 0x16, paper: 0x12 }, 'cover-open'],
    [{ printer: 0x1a, offlineCause: 0x32, paper: 0x72 }, 'paper-out'],
    [{ printer: 0x12, offlineCause: 0x12, paper: 0x72 }, 'paper-out'],
    [{ printer: 0x1a, offlineCause: 0x32, paper: 0x7e }, 'paper-out'],
    [{ printer: 0x12, offlineCause: 0x12, paper: 0x1e }, 'paper-low'],
    [{ printer: 0x1a, offlineCause: 0x52, paper: 0x12 }, 'offline'], // error
    [{ printer: 0x12, offlineCause: null, paper: 0x12 }, 'offline'], // no reply
    [{ printer: 0x12, offlineCause: 0x12 }, 'offline'],
    [{ printer: 0x00, offlineCause: 0x12, paper: 0x12 }, 'offline'], // not a DLE EOT reply
  ] as const)('%o → %s', (replies, status) => {
    expect(parseDleEot(replies)).toBe(status);
  });

  it('checks the fixed bits of a reply', () => {
    expect(isDleEotReply(0x12)).toBe(true);
    expect(isDleEotReply(0x7e)).toBe(true);
    expect(isDleEotReply(0x00)).toBe(false);
    expect(isDleEotReply(0x0c)).toBe(false);
    expect(dleEotFlags({ printer: 0x1a, offlineCause: 0x36, paper: 0x7e })).toEqual({
      offline: true,
      coverOpen: true,
      paperEndStop: true,
      error: false,
      paperNearEnd: true,
      paperEnd: true,
    });
  });

  it('parses GS r 1 and classifies faults', () => {
    expect(parsePaperSensor(0x00)).toBe('ok');
    expect(parsePaperSensor(0x03)).toBe('paper-low');
    expect(parsePaperSensor(0x0c)).toBe('paper-out');
    expect(parsePaperSensor(0x0f)).toBe('paper-out');
    expect(parsePaperSensor(null)).toBe('offline');
    expect(['ok', 'paper-low', 'paper-out', 'cover-open', 'offline'].map((s) => isFault(s as never))).toEqual([
      false,
      false,
      true,
      true,
      true,
    ]);
  });
});
