import { describe, expect, it } from 'vitest';
import { decodeEscPos, type DecodedBlock } from './escpos-decode.ts';
import { expectFitsPaper } from './layout-test-support.ts';
import { expectLaidOutFor, paperText, printOnPaper } from './paper-test-support.ts';
import { acceptanceReceiptLayout, dueDayText, timeLimitText, type AcceptanceReceiptPrint } from './receipt-layout.ts';
import { columnsForPaper } from './text-width.ts';

const receipt: AcceptanceReceiptPrint = {
  organization: '重庆市万州区公安局',
  caseNo: 'SL20261206-001',
  applicantName: '张三',
  serviceName: '往来港澳通行证及签注（团队旅游、探亲、商务）',
  pending: false,
  pendingMaterials: [],
  acceptedAt: Date.UTC(2026, 11, 7, 1, 5), // 2026-12-07 09:05 in Shanghai
  timezone: 'Asia/Shanghai',
  windowName: '3号窗口',
  officerName: '李四',
  ticketNumber: 'A012',
  timeLimitDays: 7,
  dueDay: '2026-12-16',
  collect: '窗口领取或邮政寄递',
  fee: '￥15',
  phones: { consult: '023-58123456', complaint: '023-58120000' },
  progressUrl: 'http://192.168.10.20:8080/m/progress?no=SL20261206-001',
};

const pending: AcceptanceReceiptPrint = {
  ...receipt,
  caseNo: 'SL20261206-002',
  pending: true,
  pendingMaterials: ['户口簿原件', '申请人居民身份证原件及复印件（正反面复印在同一页A4纸上，复印件须本人签字确认）'],
  progressUrl: 'http://192.168.10.20:8080/m/progress?no=SL20261206-002',
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

describe('acceptance receipt (受理回执)', () => {
  for (const paperWidthMm of [80, 58] as const) {
    it(`prints the stub then the applicant's part, cut apart, on ${paperWidthMm} mm paper`, () => {
      const d = decodeEscPos(acceptanceReceiptLayout(receipt, { paperWidthMm }));
      expect(d.cuts).toBe(2);
      expect(d.chineseMode).toBe(true);
      expectFitsPaper(d, columnsForPaper(paperWidthMm));
      expect(d.qr).toEqual(['http://192.168.10.20:8080/m/progress?no=SL20261206-001']);

      const all = parts(d.blocks);
      expect(all).toHaveLength(2);
      const [stub = [], citizen = []] = all;
      expect(stub.slice(0, 2).join('')).toContain('重庆市万州区公安局受理回执（存根）');
      expect(citizen.slice(0, 2).join('')).toContain('重庆市万州区公安局受理回执（申请人联）');
      for (const part of [stub, citizen]) {
        const text = part.join('');
        expect(part).toContain('受理编号：SL20261206-001');
        expect(part).toContain('申请人：张三');
        expect(text).toContain('办理事项：往来港澳通行证及签注（团队旅游、探亲、商务）');
        expect(part).toContain('受理方式：受理');
        expect(part).toContain('受理时间：2026-12-07 09:05');
        expect(text).toMatch(/受理窗口：3号窗口 +经办民警：李四/);
        expect(part).toContain('排队号：A012');
        expect(part).toContain('承诺办结时限：7 个工作日');
        expect(part).toContain('办结日期：2026年12月16日前');
        expect(text).not.toContain('待补材料');
      }
      expect(stub).toContain('经办人（签字）：');
      expect(stub).toContain('申请人签收：');
      expect(stub.join('')).not.toContain('电话');
      expect(stub.join('')).not.toContain('扫码');
      expect(citizen).toContain('领取方式：窗口领取或邮政寄递');
      expect(citizen).toContain('收费标准：￥15');
      expect(citizen).toContain('扫码查询办理进度');
      expect(citizen).toContain('咨询电话 023-58123456');
      expect(citizen.join('')).toContain('您的申请已受理，我们将在承诺时限内办结。');
      expect(citizen).toContain('2026年12月7日');
      expect(citizen.join('')).not.toContain('签收');
    });
  }

  it("puts the QR code on the applicant's part, after the cut, with its caption under it", () => {
    const d = decodeEscPos(acceptanceReceiptLayout(receipt, { paperWidthMm: 80 }));
    const cut = d.blocks.findIndex((b) => b.kind === 'cut');
    const qr = d.blocks.findIndex((b) => b.kind === 'qr');
    expect(qr).toBeGreaterThan(cut);
    expect(d.blocks[qr + 1]).toMatchObject({ kind: 'text', text: '扫码查询办理进度', align: 'center' });
  });

  it('容缺受理 lists the materials to follow on both parts, folded under their numbers', () => {
    const d = decodeEscPos(acceptanceReceiptLayout(pending, { paperWidthMm: 58 }));
    const [stub = [], citizen = []] = parts(d.blocks);
    for (const part of [stub, citizen]) {
      const text = part.join('');
      expect(part).toContain('受理方式：容缺受理（材料后补）');
      expect(part).toContain('待补材料：');
      expect(part).toContain('1、户口簿原件');
      expect(text).toContain('2、申请人居民身份证原件及复印件（正反面复印在同一页A4纸上，');
    }
    expect(citizen.join('')).toContain('您的申请已容缺受理。请尽快补齐上述材料');
    const i = d.lines.findIndex((l) => l.startsWith('2、'));
    expect(d.lines[i + 1]).toMatch(/^ {3}\S/);
  });

  it('leaves out an unknown fee or way to collect, and a blank for an unknown name', () => {
    const d = decodeEscPos(
      acceptanceReceiptLayout(
        { ...receipt, applicantName: '', fee: undefined, collect: undefined, ticketNumber: null },
        { paperWidthMm: 80 },
      ),
    );
    expect(d.lines.join('\n')).not.toMatch(/领取方式|收费标准|排队号/);
    expect(d.lines.filter((l) => l === '申请人：＿＿＿＿＿＿')).toHaveLength(2);
  });

  it('words the time limit and the due day', () => {
    expect(timeLimitText(20)).toBe('20 个工作日');
    expect(timeLimitText(0)).toBe('即时办结');
    expect(dueDayText('2027-01-05')).toBe('2027年1月5日前');
  });

  describe.each([
    { paperWidthMm: 80, columns: 48 },
    { paperWidthMm: 80, columns: 42 },
    { paperWidthMm: 58, columns: 32 },
    { paperWidthMm: 58, columns: 30 },
  ] as const)('on $paperWidthMm mm at $columns columns', ({ paperWidthMm, columns }) => {
    it('no line wraps on paper and none breaks 禁则; cut by GS V 66 twice', () => {
      const paper = printOnPaper(
        acceptanceReceiptLayout(
          { ...pending, organization: '重庆市万州区公安局出入境与户政综合政务服务大厅（江南新区分厅）' },
          { paperWidthMm, columns },
        ),
        columns,
      );
      expectLaidOutFor(paper, columns);
      expect(paper.cuts).toEqual([
        [66, 0],
        [66, 0],
      ]);
      expect(paper.feeds).toEqual([]);
      expect(paper.qr).toEqual([pending.progressUrl]);
      expect(paperText(paper)).toContain('-'.repeat(columns));
      expect(paperText(paper).filter((l) => l === '办结日期：2026年12月16日前')).toHaveLength(2);
    });
  });
});
