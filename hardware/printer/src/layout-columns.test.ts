import { describe, expect, it } from 'vitest';
import { noticeLayout, type NoticePrint } from './notice-layout.ts';
import { expectLaidOutFor, paperText, printOnPaper, type Paper } from './paper-test-support.ts';
import { ticketLayout, type TicketPrint } from './ticket-layout.ts';

/** 80 mm: 48 columns on most printers, 42 on an Epson TM-T88; 58 mm: 32, or 30 on a TM-T88. */
const PRINTERS = [
  { paperWidthMm: 80, columns: 48 },
  { paperWidthMm: 80, columns: 42 },
  { paperWidthMm: 58, columns: 32 },
  { paperWidthMm: 58, columns: 30 },
] as const;

const ticket: TicketPrint = {
  hallName: '重庆市万州区公安局出入境与户政综合政务服务大厅（江南新区分厅）',
  number: 'A001',
  serviceName: '往来港澳通行证及签注（团队旅游、探亲、商务）',
  queueName: '出入境·综合受理',
  green: 'elderly',
  appointment: true,
  ahead: 12,
  estimatedWaitS: 1500,
  issuedAt: Date.UTC(2026, 10, 23, 1, 5),
  timezone: 'Asia/Shanghai',
  ticketUrl: 'http://192.168.10.20:8080/t/AbCdEfGhIjKlMn?s=0123456789abcdef',
  phones: { consult: '023-58123456', complaint: '023-58120000' },
};

const notice: NoticePrint = {
  hallName: '重庆市万州区公安局',
  noticeNo: 'GZ-20261123-0007',
  citizenName: '欧阳娜娜',
  serviceName: '居民户口簿补领（遗失）',
  missing: [
    '户口簿遗失声明（登报或网上公示均可）',
    '申请人居民身份证原件及复印件（正反面复印在同一页A4纸上，复印件须本人签字确认）',
    '近期一寸白底证件照两张·免冠',
  ],
  officerName: '司马某某某',
  windowName: '1号窗口',
  createdAt: Date.UTC(2026, 10, 23, 1, 5),
  timezone: 'Asia/Shanghai',
  phones: { consult: '023-58123456', complaint: '023-58120000' },
};

/** Lines of each part of a print, split at the cuts. */
function parts(bytes: Buffer, columns: number): Paper[] {
  const out: Paper[] = [];
  let start = 0;
  for (let i = 0; i < bytes.length - 3; i++) {
    if (bytes[i] === 0x1d && bytes[i + 1] === 0x56) {
      out.push(printOnPaper(bytes.subarray(start, i + 4), columns));
      start = i + 4;
    }
  }
  return out;
}

describe.each(PRINTERS)('layouts on $paperWidthMm mm at $columns columns', ({ paperWidthMm, columns }) => {
  it('ticket: nothing wraps, the rule fills the line, the number is big, cut by GS V 66', () => {
    const bytes = ticketLayout(ticket, { paperWidthMm, columns });
    const paper = printOnPaper(bytes, columns);
    expectLaidOutFor(paper, columns);
    const text = paperText(paper);
    expect(text).toContain('-'.repeat(columns));
    const number = paper.lines.find((l) => l.text.trim() === 'A001');
    const size = paperWidthMm === 80 ? 4 : 3;
    expect(number).toMatchObject({ widthMul: size, heightMul: size });
    expect(text.join('')).toContain('往来港澳通行证及签注（团队旅游、探亲、商务）');
    expect(text).toContain('【绿色通道】老年人');
    expect(text).toContain('前面还有 12 人');
    expect(paper.qr).toEqual([ticket.ticketUrl]);
    expect(paper.cuts).toEqual([[66, 0]]);
    expect(paper.feeds).toEqual([]);
  });

  it('notice slip: titles, 1号窗口 and the signature lines stay whole on both parts', () => {
    const slips = parts(noticeLayout(notice, { paperWidthMm, columns }), columns);
    expect(slips).toHaveLength(2);
    for (const [k, part] of slips.entries()) {
      expectLaidOutFor(part, columns);
      const text = paperText(part);
      expect(text).toContain('-'.repeat(columns));
      const label = k === 0 ? '（存根）' : '（通知联）';
      expect(text.some((l) => l.endsWith(`政务服务一次性告知单${label}`))).toBe(true);
      expect(text.some((l) => l.includes('1号窗口'))).toBe(true);
      expect(text).toContain('承办人（签字）：');
      expect(text).toContain('编号：GZ-20261123-0007');
      expect(text.join('')).toContain('申请人居民身份证原件及复印件（正反面复印在同一页A4纸上，复印件须本人签字确认）');
      expect(part.cuts).toEqual([[66, 0]]);
      expect(part.feeds).toEqual([]);
    }
    expect(paperText(slips[0]!)).toContain('签收人（签字）：');
    expect(paperText(slips[1]!).join('')).not.toContain('签收人');
  });
});

describe('ticket number size', () => {
  it('is 4×4 on 80 mm and 3×3 on 58 mm, smaller only when it cannot fit', () => {
    const size = (number: string, paperWidthMm: 58 | 80, columns: number): number | undefined =>
      printOnPaper(ticketLayout({ ...ticket, number }, { paperWidthMm, columns }), columns).lines.find(
        (l) => l.text.trim() === number,
      )?.widthMul;
    expect(size('AB1234', 80, 42)).toBe(4); // 24 columns
    expect(size('AB12345678', 80, 42)).toBe(4); // 40 columns at 4×
    expect(size('AB123456789', 80, 42)).toBe(3); // 44 > 42 at 4×, 33 at 3×
    expect(size('AB1234', 58, 30)).toBe(3);
  });
});
