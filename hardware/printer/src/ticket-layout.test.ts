import { describe, expect, it } from 'vitest';
import { decodeEscPos } from './escpos-decode.ts';
import { expectFitsPaper } from './layout-test-support.ts';
import { GREEN_REASON_LABELS, ticketLayout, type GreenReason, type TicketPrint } from './ticket-layout.ts';
import { columnsForPaper } from './text-width.ts';

const ticket: TicketPrint = {
  hallName: '万州区公安局政务服务大厅',
  number: 'A001',
  serviceName: '居民身份证换领',
  queueName: '户政综合',
  green: 'elderly',
  appointment: true,
  ahead: 3,
  estimatedWaitS: 690,
  issuedAt: Date.UTC(2026, 10, 23, 1, 5, 30), // 09:05 in Chongqing
  timezone: 'Asia/Shanghai',
  ticketUrl: 'http://hall.local:8080/t/AbC123',
  phones: { consult: '023-58123456', complaint: '023-58120000' },
};

describe('ticket layout', () => {
  for (const paperWidthMm of [80, 58] as const) {
    it(`prints every field on ${paperWidthMm} mm paper`, () => {
      const d = decodeEscPos(ticketLayout(ticket, { paperWidthMm }));
      const text = d.lines.map((l) => l.trim());
      expect(text).toContain('万州区公安局政务服务大厅');
      expect(d.doubleSizeLines).toEqual(['A001']);
      expect(text).toContain('居民身份证换领');
      expect(text).toContain('排队队列：户政综合');
      expect(text).toContain('【绿色通道】老年人');
      expect(text).toContain('【预约签到】');
      expect(text).toContain('前面还有 3 人');
      expect(text).toContain('预计等候约 12 分钟');
      expect(text).toContain('取号时间 2026-11-23 09:05');
      expect(text).toContain('扫码查看排队进度');
      expect(text).toContain('请留意叫号，过号请重新取号');
      expect(text).toContain('咨询电话 023-58123456');
      expect(text).toContain('投诉电话 023-58120000');
      expect(d.qr).toEqual(['http://hall.local:8080/t/AbC123']);
      expect(d.cuts).toBe(1);
      expect(d.chineseMode).toBe(true);
      expectFitsPaper(d, columnsForPaper(paperWidthMm));
      // hall name centred and bold; the QR code comes after the wait, before the hint
      expect(d.blocks[0]).toMatchObject({ kind: 'text', align: 'center', bold: true });
      const order = d.blocks.map((b) => (b.kind === 'text' ? b.text.trim() : b.kind));
      expect(order.indexOf('qr')).toBeGreaterThan(order.indexOf('取号时间 2026-11-23 09:05'));
      expect(order.indexOf('qr')).toBeLessThan(order.indexOf('扫码查看排队进度'));
    });
  }

  it('leaves out marks and phones that do not apply; no wait when 0', () => {
    const d = decodeEscPos(
      ticketLayout(
        { ...ticket, green: null, appointment: false, ahead: 0, estimatedWaitS: 0, phones: {} },
        { paperWidthMm: 80 },
      ),
    );
    const all = d.lines.join('\n');
    expect(all).not.toContain('绿色通道');
    expect(all).not.toContain('预约');
    expect(all).not.toContain('电话');
    expect(all).toContain('无需等候');
    expect(all).toContain('前面还有 0 人');
  });

  it('prints the booked slot under the appointment mark, and no estimate when no window is staffed', () => {
    const slot = { start: Date.UTC(2026, 10, 23, 2, 0), end: Date.UTC(2026, 10, 23, 2, 30) }; // 10:00–10:30 in Chongqing
    const d = decodeEscPos(ticketLayout({ ...ticket, appointmentSlot: slot, unstaffed: true }, { paperWidthMm: 58 }));
    const text = d.lines.map((l) => l.trim());
    expect(text.indexOf('预约时段 10:00–10:30')).toBe(text.indexOf('【预约签到】') + 1);
    expect(text).toContain('暂无窗口办理，请留意叫号');
    expect(text.join('\n')).not.toContain('预计等候');
    expectFitsPaper(d, 32);
  });

  it('labels every green-channel reason and folds a long hall name on 58 mm', () => {
    for (const reason of Object.keys(GREEN_REASON_LABELS) as GreenReason[]) {
      const d = decodeEscPos(
        ticketLayout(
          { ...ticket, green: reason, hallName: '重庆市万州区公安局出入境与户政综合政务服务大厅（江南新区分厅）' },
          { paperWidthMm: 58 },
        ),
      );
      expect(d.lines.map((l) => l.trim())).toContain(`【绿色通道】${GREEN_REASON_LABELS[reason]}`);
      expectFitsPaper(d, 32);
    }
  });

  it('prints ¥ as the full-width ￥ in GB18030', () => {
    const bytes = ticketLayout({ ...ticket, serviceName: '补领驾驶证（工本费¥10）' }, { paperWidthMm: 58 });
    expect(bytes.includes(Buffer.from('a3a43130', 'hex'))).toBe(true);
    expect(bytes.includes(Buffer.from('81308436', 'hex'))).toBe(false);
    expect(decodeEscPos(bytes).lines.join('')).toContain('补领驾驶证（工本费￥10）');
  });

  it('formats the issue time in the hall time zone', () => {
    const d = decodeEscPos(ticketLayout({ ...ticket, timezone: 'Asia/Urumqi' }, { paperWidthMm: 80 }));
    expect(d.lines.map((l) => l.trim())).toContain('取号时间 2026-11-23 07:05');
  });
});
