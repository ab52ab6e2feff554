import { describe, expect, it } from 'vitest';
import { EscPosBuilder, encodeText, qrCommands } from './escpos.ts';
import { decodeEscPos } from './escpos-decode.ts';

describe('ESC/POS builder', () => {
  it('encodes GB18030', () => {
    expect(encodeText('请A001号到3号窗口').toString('hex')).toBe('c7eb41303031bac5b5bd33bac5b4b0bfda');
    expect(encodeText('¥5').toString('hex')).toBe('a3a435'); // full-width ￥, never the 4-byte ¥
  });

  it('starts with ESC @ FS & and re-inits after a cut', () => {
    const bytes = new EscPosBuilder({ columns: 48 }).init().line('你好').cut().build();
    expect(bytes.subarray(0, 4).toString('hex')).toBe('1b401c26');
    // GS V 66 0: feed to the cutter, then a partial cut; no fixed ESC d feed before it
    expect(bytes.toString('hex').endsWith('0a1d5642001b401c26')).toBe(true);
    expect(new EscPosBuilder({ columns: 48 }).cut({ partial: false }).build().toString('hex')).toContain('1d564100');
    expect(new EscPosBuilder({ columns: 48 }).cut({ extraDots: 24 }).build().toString('hex')).toContain('1d564218');
  });

  it('writes GS ! for size', () => {
    expect(new EscPosBuilder({ columns: 48 }).size(2, 2).build().toString('hex')).toBe('1d2111');
    expect(new EscPosBuilder({ columns: 48 }).size(1).build().toString('hex')).toBe('1d2100');
  });

  it('builds QR with the UTF-8 byte length', () => {
    const data = 'http://hall.local/t/号A1';
    const bytes = qrCommands(data, { moduleSize: 5 });
    const utf8 = Buffer.from(data, 'utf8');
    const store = Buffer.concat([Buffer.from([0x1d, 0x28, 0x6b, (utf8.length + 3) & 0xff, 0, 0x31, 0x50, 0x30]), utf8]);
    expect(bytes.includes(store)).toBe(true);
    expect(bytes.includes(Buffer.from('1d286b0400314132 00'.replace(/ /g, ''), 'hex'))).toBe(true); // model 2
    expect(bytes.includes(Buffer.from('1d286b03003145 31'.replace(/ /g, ''), 'hex'))).toBe(true); // level M
    expect(bytes.includes(Buffer.from('1d286b03003143 05'.replace(/ /g, ''), 'hex'))).toBe(true); // module 5
    expect(decodeEscPos(bytes).qr).toEqual([data]);
  });

  it('folds double-size text to half the columns', () => {
    const b = new EscPosBuilder({ columns: 32 }).init().size(2, 2).line('一二三四五六七八九十十一');
    const d = decodeEscPos(b.build());
    expect(d.lines).toEqual(['一二三四五六七八', '九十十一']);
    expect(d.lineColumns).toEqual([32, 16]);
    expect(d.doubleSizeLines).toEqual(d.lines);
  });
});

describe('decoder', () => {
  it('gives lines, alignment, QR, cuts and Chinese mode', () => {
    const bytes = new EscPosBuilder({ columns: 48 })
      .init()
      .align('center')
      .bold(true)
      .line('请A001号到3号窗口')
      .bold(false)
      .align('left')
      .line('abc')
      .feed(2)
      .qr('x')
      .cut()
      .build();
    const d = decodeEscPos(bytes);
    expect(d.lines.slice(0, 2)).toEqual(['请A001号到3号窗口', 'abc']);
    expect(d.blocks[0]).toMatchObject({ kind: 'text', align: 'center', bold: true, columns: 17 });
    expect(d.qr).toEqual(['x']);
    expect(d.cuts).toBe(1);
    expect(d.chineseMode).toBe(true);
  });

  it('flags Chinese text sent outside Chinese mode', () => {
    const noMode = Buffer.concat([Buffer.from([0x1b, 0x40]), encodeText('你好\n')]);
    expect(decodeEscPos(noMode).chineseMode).toBe(false);
    const reset = new EscPosBuilder({ columns: 48 }).init().raw([0x1b, 0x40]).line('你好').build();
    expect(decodeEscPos(reset).chineseMode).toBe(false);
  });
});
