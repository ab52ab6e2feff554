import { describe, expect, it } from 'vitest';
import { decodeEscPos, type DecodedBlock } from './escpos-decode.ts';
import { expectFitsPaper } from './layout-test-support.ts';
import { expectLaidOutFor, paperText, printOnPaper } from './paper-test-support.ts';
import { refusalNoticeLayout, refusalReasonText, type RefusalNoticePrint } from './refusal-layout.ts';
import { columnsForPaper } from './text-width.ts';

const BASIS = '《中华人民共和国户口登记条例》第十条第二款：公民迁往边防地区，必须经过常住地县、市公安局批准。';

const refusal: RefusalNoticePrint = {
  organization: '重庆市万州区公安局',
  refusalNo: 'BY20261206-001',
  applicantName: '张三',
  serviceName: '户口迁移（投靠）',
  reasonLabel: '不符合法定受理条件',
  note: '投靠人与被投靠人无直系亲属关系',
  basis: BASIS,
  at: Date.UTC(2026, 11, 6, 2, 30), // 10:30 in Shanghai
  timezone: 'Asia/Shanghai',
  windowName: '3号窗口',
  officerName: '李四',
  ticketNumber: 'B007',
  phones: { consult: '023-58123456', complaint: '023-58120000' },
};

function parts(blocks: DecodedBlock[]): string[][] {
  const out: string[][] = [[]];
  for (const b of blocks) {
    if (b.kind === 'cut') out.push([]);
    else if (b.kind === 'text') out[out.length - 1]?.push(b.text.trim());
  }
  return out.filter((p) => p.some((l) => l !== ''));
}

describe('refusal notice (不予受理告知书)', () => {
  for (const paperWidthMm of [80, 58] as const) {
    it(`prints the stub then the applicant's part, cut apart, on ${paperWidthMm} mm paper`, () => {
      const d = decodeEscPos(refusalNoticeLayout(refusal, { paperWidthMm }));
      expect(d.cuts).toBe(2);
      expect(d.qr).toEqual([]);
      expect(d.chineseMode).toBe(true);
      expectFitsPaper(d, columnsForPaper(paperWidthMm));

      const all = parts(d.blocks);
      expect(all).toHaveLength(2);
      const [stub = [], notice = []] = all;
      expect(stub.slice(0, 2).join('')).toContain('重庆市万州区公安局不予受理告知书（存根）');
      expect(notice.slice(0, 2).join('')).toContain('重庆市万州区公安局不予受理告知书（申请人联）');
      for (const part of [stub, notice]) {
        expect(part).toContain('编号：BY20261206-001');
        expect(part.join('')).toMatch(/窗口：3号窗口 +经办民警：李四/);
        expect(part).toContain('经办人（签字）：');
      }
      const stubText = stub.join('');
      expect(stub).toContain('申请人：张三');
      expect(stubText).toContain('申请事项：户口迁移（投靠）');
      expect(stub).toContain('申请时间：2026-12-06 10:30');
      expect(stub).toContain('排队号：B007');
      expect(stubText).toContain('不予受理理由：不符合法定受理条件。投靠人与被投靠人无直系亲属关系。');
      expect(stub).toContain('申请人签收：');
      expect(stub).toContain('签收日期：    年   月   日');
      expect(stubText).not.toContain('电话');

      const text = notice.join('');
      expect(notice).toContain('张三：');
      expect(text).toContain('你于2026年12月6日申请办理户口迁移（投靠）事项，经审查，决定不予受理。理由如下：');
      expect(text).toContain('不符合法定受理条件。投靠人与被投靠人无直系亲属关系。');
      expect(text).toContain(`依据：${BASIS}`);
      expect(text).toContain('如不服本决定，可依法申请行政复议或者提起行政诉讼。');
      expect(notice).toContain('重庆市万州区公安局');
      expect(notice).toContain('2026年12月6日');
      expect(notice).toContain('咨询电话 023-58123456');
      expect(text).not.toContain('申请人签收');
    });
  }

  it('prints the label alone when the officer wrote nothing, and no 依据 line without a basis', () => {
    const d = decodeEscPos(refusalNoticeLayout({ ...refusal, note: '', basis: '' }, { paperWidthMm: 80 }));
    const text = d.lines.join('');
    expect(text).toContain('不予受理理由：不符合法定受理条件。');
    expect(text).not.toContain('依据');
    expect(text).toContain('如不服本决定');
  });

  it('words the reason', () => {
    expect(refusalReasonText('其他原因', '已超过申请期限。')).toBe('其他原因。已超过申请期限。');
    expect(refusalReasonText('不符合法定受理条件', '  ')).toBe('不符合法定受理条件。');
  });

  describe.each([
    { paperWidthMm: 80, columns: 48 },
    { paperWidthMm: 80, columns: 42 },
    { paperWidthMm: 58, columns: 32 },
    { paperWidthMm: 58, columns: 30 },
  ] as const)('on $paperWidthMm mm at $columns columns', ({ paperWidthMm, columns }) => {
    it('no line wraps on paper and none breaks 禁则; cut by GS V 66 twice', () => {
      const paper = printOnPaper(
        refusalNoticeLayout(
          { ...refusal, organization: '重庆市万州区公安局出入境与户政综合政务服务大厅（江南新区分厅）' },
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
      expect(paperText(paper)).toContain('-'.repeat(columns));
      expect(paperText(paper).join('')).toContain('如不服本决定，可依法申请行政复议或者提起行政诉讼。');
    });
  });
});
