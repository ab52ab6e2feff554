import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  acceptanceReceiptLayout,
  createTransport,
  FakePrinter,
  noticeLayout,
  PrintQueue,
  refusalNoticeLayout,
  ticketLayout,
  type AcceptanceReceiptPrint,
  type NoticePrint,
  type RefusalNoticePrint,
  type TicketPrint,
} from '@yichuang/printer';
import { launchBrowser, SCREENSHOT_DIR } from '../support/browser.ts';

/**
 * The slips as the demo's fake printers save them (data/prints/<printer>/*.html), sent over TCP through
 * a print queue, opened in Chromium at each printer's width: the page is exactly the printer's columns
 * wide, so a line the printer would wrap wraps here too. None may.
 */

const PRINTERS = [
  { name: 'tm-t88-80mm', paperWidthMm: 80, columns: 42 },
  { name: 'generic-80mm', paperWidthMm: 80, columns: 48 },
  { name: 'generic-58mm', paperWidthMm: 58, columns: 32 },
  { name: 'tm-t88-58mm', paperWidthMm: 58, columns: 30 },
] as const;

const ticket: TicketPrint = {
  hallName: '重庆市綦江区公安局政务服务大厅',
  number: 'A012',
  serviceName: '往来港澳通行证及签注（团队旅游、探亲、商务）',
  queueName: '出入境',
  green: 'elderly',
  appointment: false,
  ahead: 7,
  estimatedWaitS: 1260,
  issuedAt: Date.UTC(2026, 10, 23, 1, 5),
  timezone: 'Asia/Shanghai',
  ticketUrl: 'http://192.168.10.20:8080/t/AbCdEfGhIjKlMn?s=0123456789abcdef',
  phones: { consult: '023-48661234', complaint: '023-48660000' },
};

const notice: NoticePrint = {
  hallName: '重庆市綦江区公安局',
  noticeNo: 'GZ-20261123-0007',
  citizenName: '张三',
  serviceName: '居民户口簿补领',
  missing: [
    '户口簿遗失声明（登报或网上公示均可）',
    '申请人居民身份证原件及复印件（正反面复印在同一页A4纸上，复印件须本人签字确认）',
    '近期一寸白底证件照两张',
  ],
  officerName: '李四',
  windowName: '1号窗口',
  createdAt: Date.UTC(2026, 10, 23, 1, 5),
  timezone: 'Asia/Shanghai',
  phones: { consult: '023-48661234', complaint: '023-48660000' },
};

const receipt: AcceptanceReceiptPrint = {
  organization: '重庆市綦江区公安局',
  caseNo: 'SL20261123-001',
  applicantName: '张三',
  serviceName: '往来港澳通行证及签注（团队旅游、探亲、商务）',
  pending: true,
  pendingMaterials: ['申请人居民身份证原件及复印件（正反面复印在同一页A4纸上，复印件须本人签字确认）'],
  acceptedAt: Date.UTC(2026, 10, 23, 1, 5),
  timezone: 'Asia/Shanghai',
  windowName: '1号窗口',
  officerName: '李四',
  ticketNumber: 'A012',
  timeLimitDays: 7,
  dueDay: '2026-12-02',
  collect: '窗口领取或邮政寄递（到付）',
  fee: '￥15',
  phones: { consult: '023-48661234', complaint: '023-48660000' },
  progressUrl: 'http://192.168.10.20:8080/m/progress?no=SL20261123-001',
};

const refusal: RefusalNoticePrint = {
  organization: '重庆市綦江区公安局',
  refusalNo: 'BY20261123-001',
  applicantName: '张三',
  serviceName: '户口迁移（投靠）',
  reasonLabel: '不符合法定受理条件',
  note: '投靠人与被投靠人无直系亲属关系',
  basis: '《中华人民共和国户口登记条例》第十条第二款：公民迁往边防地区，必须经过常住地县、市公安局批准。',
  at: Date.UTC(2026, 10, 23, 2, 30),
  timezone: 'Asia/Shanghai',
  windowName: '1号窗口',
  officerName: '李四',
  ticketNumber: 'B007',
  phones: { consult: '023-48661234', complaint: '023-48660000' },
};

const SLIPS = ['ticket', 'notice', 'receipt', 'refusal'] as const;

let browser: Browser;
const dir = mkdtempSync(join(tmpdir(), 'yichuang-previews-'));
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser.close();
  rmSync(dir, { recursive: true, force: true });
});

describe.each(PRINTERS)('slips on $name ($columns columns)', ({ name, paperWidthMm, columns }) => {
  it('the ticket and both parts of the notice, receipt and refusal notice fit the line, as saved by the fake printer', async () => {
    const printer = new FakePrinter({ previewDir: join(dir, name), paperWidthMm, columns });
    const port = await printer.start();
    const queue = new PrintQueue({ id: name, transport: createTransport(`tcp://127.0.0.1:${port}`) });
    try {
      for (const [id, bytes] of [
        ['ticket', ticketLayout(ticket, { paperWidthMm, columns })],
        ['notice', noticeLayout(notice, { paperWidthMm, columns })],
        ['receipt', acceptanceReceiptLayout(receipt, { paperWidthMm, columns })],
        ['refusal', refusalNoticeLayout(refusal, { paperWidthMm, columns })],
      ] as const)
        expect(await queue.print({ id, bytes })).toEqual({ ok: true });
      await queue.stop();
      await printer.stop();
      const pages = printer.previews.filter((f) => f.endsWith('.html'));
      expect(pages).toHaveLength(SLIPS.length);
      for (const [k, file] of pages.entries()) {
        const page = await browser.newPage({ viewport: { width: 900, height: 900 } });
        await page.goto(pathToFileURL(file).href);
        // A line the printer would wrap takes two line boxes here.
        const wrapped = await page.$$eval('.line', (els) =>
          els
            .filter((el) => el.querySelector('.qr') === null && el.textContent !== '\u00a0')
            .filter((el) => {
              const range = document.createRange();
              range.selectNodeContents(el);
              const tops = new Set([...range.getClientRects()].map((r) => Math.round(r.top)));
              return tops.size > 1;
            })
            .map((el) => el.textContent),
        );
        expect(wrapped, `${name} ${SLIPS[k]}`).toEqual([]);
        await page.locator('.paper').screenshot({ path: join(SCREENSHOT_DIR, `print-${name}-${SLIPS[k]}.png`) });
        await page.close();
      }
    } finally {
      await queue.stop();
      await printer.stop();
    }
  });
});
