import { describe, expect, it } from 'vitest';
import { decodeEscPos, type DecodedBlock } from './escpos-decode.ts';
import { expectFitsPaper } from './layout-test-support.ts';
import { noticeLayout, type NoticePrint } from './notice-layout.ts';
import { columnsForPaper } from './text-width.ts';

const notice: NoticePrint = {
  hallName: '重庆市万州区公安局',
  noticeNo: 'GZ-20261123-0007',
  citizenName: '张三',
  serviceName: '居民户口簿补领',
  missing: [
    '户口簿遗失声明',
    '申请人居民身份证原件及复印件（正反面复印在同一页A4纸上，复印件须本人签字确认）',
    '近期一寸白底证件照两张',
  ],
  officerName: '李四',
  windowName: '3号窗口',
  createdAt: Date.UTC(2026, 10, 23, 1, 5),
  timezone: 'Asia/Shanghai',
  phones: { consult: '023-58123456', complaint: '023-58120000' },
};

/** Text lines of each part, split at the cuts. */
function parts(blocks: DecodedBlock[]): string[][] {
  const out: string[][] = [[]];
  for (const b of blocks) {
    if (b.kind === 'cut') out.push([]);
    else if (b.kind === 'text') out[out.length - 1]?.push(b.text.trim());
  }
  return out.filter((p) => p.some((l) => l !== ''));
}

describe('one-time notice slip (一次性告知单)', () => {
  for (const paperWidthMm of [80, 58] as const) {
    it(`prints the stub then the notice, cut apart, on ${paperWidthMm} mm paper`, () => {
      const d = decodeEscPos(noticeLayout(notice, { paperWidthMm }));
      expect(d.cuts).toBe(2);
      expect(d.qr).toEqual([]);
      expect(d.chineseMode).toBe(true);
      expectFitsPaper(d, columnsForPaper(paperWidthMm));

      const [stub = [], note = []] = parts(d.blocks);
      expect(parts(d.blocks)).toHaveLength(2);
      expect(stub.slice(0, 2).join('')).toContain('重庆市万州区公安局政务服务一次性告知单（存根）');
      expect(note.slice(0, 2).join('')).toContain('重庆市万州区公安局政务服务一次性告知单（通知联）');
      for (const part of [stub, note]) {
        const all = part.join('');
        expect(part).toContain('编号：GZ-20261123-0007');
        expect(all).toContain('1、户口簿遗失声明');
        expect(all).toContain('2、申请人居民身份证原件及复印件');
        expect(all).toContain('3、近期一寸白底证件照两张');
        expect(all).toMatch(/经办民警：李四 +窗口：3号窗口/);
        expect(all).toContain('2026年11月23日');
      }
      expect(stub).toContain('申请人：张三');
      expect(stub).toContain('办理事项：居民户口簿补领');
      expect(stub).toContain('签收人（签字）：');
      expect(note).toContain('张三同志：');
      expect(note.join('')).toContain(
        '你于2026年11月23日办理居民户口簿补领事项时，经审查，办理事项的资料不全，需要补齐以下资料后方可办理：',
      );
      expect(note).toContain('谢谢您的合作！');
      expect(note).toContain('咨询电话 023-58123456');
      expect(note).toContain('投诉电话 023-58120000');
      expect(stub.join('')).not.toContain('电话');
    });
  }

  it('folds a long item under its number (hanging indent)', () => {
    const d = decodeEscPos(noticeLayout(notice, { paperWidthMm: 58 }));
    const i = d.lines.findIndex((l) => l.startsWith('2、'));
    expect(d.lines[i + 1]).toMatch(/^ {3}\S/);
  });

  it('prints a placeholder when nothing is listed', () => {
    const d = decodeEscPos(noticeLayout({ ...notice, missing: [] }, { paperWidthMm: 80 }));
    expect(d.lines.filter((l) => l === '（无）')).toHaveLength(2);
  });
});
