import { afterEach, describe, expect, it } from 'vitest';
import type { EventEnvelope, HallConfigInput, MatterRecord } from '@yichuang/protocol';
import { createTransport, decodeEscPos, FakePrinter, PrintQueue, type DecodedPrint } from '@yichuang/printer';
import type { HubPrinter } from '../../apps/hub/src/printing/ticket-printing.ts';
import { startHub, waitFor, type Harness } from '../support/hub-harness.ts';
import { testHallConfig } from '../support/test-hall.ts';

/**
 * 受理回执 and 不予受理告知书 (issue 17) from a real hub to a fake network printer over TCP: a finish with
 * an accepted and a refused matter prints both slips on the window's printer, decoded here from the bytes.
 */

const KIOSK = 'kiosk-1-secret';
const BASIS = '《中华人民共和国居民身份证法》第十一条';
let h: Harness | null = null;
let printer: FakePrinter | null = null;
afterEach(async () => {
  await h?.close();
  await printer?.stop();
  h = null;
  printer = null;
});

/** The test hall (weekday hours) with w1 printing on a 58 mm fake printer; w2 has no printer. */
async function hall(): Promise<{ h: Harness; printer: FakePrinter; events: EventEnvelope[] }> {
  printer = new FakePrinter({ paperWidthMm: 58 });
  const port = await printer.start();
  const config = testHallConfig({ hours: 'weekdays' }) as HallConfigInput & {
    hall: Record<string, unknown>;
    services: Record<string, unknown>[];
    windows: Record<string, unknown>[];
    printers: unknown[];
  };
  config.hall.organization = '重庆市测试区公安局';
  config.services = config.services.map((s) =>
    s.id === 'cert'
      ? { ...s, timeLimitDays: 5, collect: '窗口领取', fee: '免费' }
      : { ...s, timeLimitDays: 20, basis: BASIS },
  );
  config.windows = config.windows.map((w) => (w.id === 'w1' ? { ...w, printer: 'p1' } : w));
  config.printers = [{ id: 'p1', uri: `tcp://127.0.0.1:${port}`, paperWidthMm: 58 }];
  const queue = new PrintQueue({
    id: 'p1',
    transport: createTransport(`tcp://127.0.0.1:${port}`, { timeoutMs: 300 }),
    pollMs: 100,
    retries: 1,
    retryDelayMs: 50,
  });
  h = await startHub(config, undefined, {
    printers: new Map<string, HubPrinter>([['p1', queue]]),
    publicUrl: 'http://hall.example:8080',
  });
  const events: EventEnvelope[] = [];
  h.hub.onEvents((es) => events.push(...es));
  await waitFor(() => h!.hub.context.hallView().printers[0]?.status === 'ok', 3000, 'printer ok');
  return { h, printer, events };
}

/** Takes a ticket, calls it at the window and finishes it with `body`; returns the recorded matters. */
async function serveAndFinish(h: Harness, windowId: string, token: string, body: unknown): Promise<MatterRecord[]> {
  const take = await h.api('POST', '/api/tickets', { requestId: `take-${windowId}`, serviceId: 'cert' }, KIOSK);
  expect(take.status).toBe(201);
  expect((await h.api('POST', `/api/windows/${windowId}/sign-in`, {}, token)).status).toBe(200);
  expect(
    (await h.api('POST', `/api/windows/${windowId}/call-next`, { requestId: `call-${windowId}` }, token)).status,
  ).toBe(200);
  const finish = await h.api('POST', `/api/windows/${windowId}/finish`, body, token);
  expect(finish.status, JSON.stringify(finish.body)).toBe(200);
  return finish.body.matters as MatterRecord[];
}

const FINISH = {
  matters: [
    { serviceId: 'cert', outcome: 'accepted' },
    { serviceId: 'idcard', outcome: 'refused', refusalReason: 'conditions-unmet', note: '户籍不在本辖区' },
  ],
  citizenName: '张三丰',
  phone: '13812345678',
};

const slipEvents = (events: EventEnvelope[]) =>
  events.filter((e) => e.type === 'slip:printed' || e.type === 'slip:print-failed').map((e) => e.payload);

/** The job whose text contains `title`. */
function jobWith(jobs: readonly Buffer[], title: string): DecodedPrint {
  const found = jobs.map((j) => decodeEscPos(j)).find((d) => d.lines.join('').includes(title));
  if (found === undefined) throw new Error(`no job with ${title}`);
  return found;
}

describe('acceptance receipts and refusal notices', () => {
  it('a finish with an accepted and a refused matter prints both slips on the window printer, with the clear name', async () => {
    const { h, printer, events } = await hall();
    const a1 = await h.login('a1');
    const matters = await serveAndFinish(h, 'w1', a1, FINISH);
    const accepted = matters.find((m) => m.outcome === 'accepted')!;
    const refused = matters.find((m) => m.outcome === 'refused')!;
    expect(accepted.caseNo).toMatch(/^SL20261123-\d+$/);
    expect(refused.refusalNo).toMatch(/^BY20261123-\d+$/);

    await printer.waitForJobs(2, 5000);
    await waitFor(() => slipEvents(events).length === 2, 3000, 'two slip events');
    expect(slipEvents(events)).toEqual(
      expect.arrayContaining([
        { kind: 'receipt', slipId: accepted.caseId, printerId: 'p1', reprint: false },
        { kind: 'refusal', slipId: refused.refusalId, printerId: 'p1', reprint: false },
      ]),
    );

    const receipt = jobWith(printer.jobs, '受理回执（申请人联）');
    expect(receipt.chineseMode).toBe(true);
    expect(receipt.cuts).toBe(2);
    expect(receipt.lines.filter((l) => l === `受理编号：${accepted.caseNo}`)).toHaveLength(2);
    expect(receipt.lines).toContain('申请人：张三丰');
    expect(receipt.lines.join('')).not.toContain('张*');
    expect(receipt.lines).toContain('办理事项：无犯罪记录证明');
    expect(receipt.lines).toContain('承诺办结时限：5 个工作日');
    // Accepted on Monday 2026-11-23: five working days from Tuesday, over the weekend, is Monday 30th.
    expect(receipt.lines).toContain('办结日期：2026年11月30日前');
    expect(receipt.lines).toContain('领取方式：窗口领取');
    expect(receipt.lines).toContain('收费标准：免费');
    expect(receipt.lines.join('')).toMatch(/受理窗口：1号窗口 +经办民警：甲1/);
    expect(receipt.qr).toEqual([`http://hall.example:8080/m/progress?no=${accepted.caseNo}`]);
    expect(receipt.lines.map((l) => l.trim())).toContain('扫码查询办理进度');
    expect(receipt.lines).toContain('咨询电话 023-00000000');

    const refusal = jobWith(printer.jobs, '不予受理告知书（申请人联）');
    expect(refusal.cuts).toBe(2);
    expect(refusal.qr).toEqual([]);
    const text = refusal.lines.join('');
    expect(refusal.lines.filter((l) => l === `编号：${refused.refusalNo}`)).toHaveLength(2);
    expect(refusal.lines).toContain('张三丰：');
    expect(text).toContain('申请办理居民身份证换领事项，经审查，决定不予受理');
    expect(text).toContain('不符合法定受理条件。户籍不在本辖区。');
    expect(text).toContain(`依据：${BASIS}`);
    expect(text).toContain('如不服本决定，可依法申请行政复议或者提起行政诉讼。');
    expect(refusal.lines).toContain('申请人签收：');

    // The day's refusals with their print history; the name there stays masked.
    const list = await h.api('GET', '/api/refusals?day=2026-11-23', undefined, a1);
    expect(list.status).toBe(200);
    expect(list.body.day).toBe('2026-11-23');
    expect(list.body.refusals).toHaveLength(1);
    expect(list.body.refusals[0]).toMatchObject({
      id: refused.refusalId,
      no: refused.refusalNo,
      reason: 'conditions-unmet',
      basis: BASIS,
      prints: [{ printerId: 'p1', ok: true, reprint: false, error: null }],
    });
    expect(JSON.stringify(list.body)).not.toContain('张三丰');
  });

  it('reprints on the asking officer’s window printer; an officer of another window may not', async () => {
    const { h, printer, events } = await hall();
    const a1 = await h.login('a1');
    const matters = await serveAndFinish(h, 'w1', a1, FINISH);
    const caseId = matters.find((m) => m.outcome === 'accepted')!.caseId!;
    const refusalId = matters.find((m) => m.outcome === 'refused')!.refusalId!;
    await printer.waitForJobs(2, 5000);

    const again = await h.api('POST', `/api/cases/${caseId}/receipt/print`, {}, a1);
    expect(again.status, JSON.stringify(again.body)).toBe(200);
    expect(again.body).toMatchObject({ kind: 'receipt', slipId: caseId, printerId: 'p1' });
    expect(again.body.prints.map((p: { reprint: boolean }) => p.reprint)).toEqual([false, true]);
    await printer.waitForJobs(3, 5000);
    expect(decodeEscPos(printer.jobs[2]!).lines).toContain('申请人：张三丰');

    const notice = await h.api('POST', `/api/refusals/${refusalId}/print`, {}, a1);
    expect(notice.status).toBe(200);
    await printer.waitForJobs(4, 5000);
    expect(decodeEscPos(printer.jobs[3]!).lines.join('')).toContain('不予受理告知书（申请人联）');
    await waitFor(() => slipEvents(events).filter((p) => p.reprint).length === 2, 3000, 'two reprint events');

    const a2 = await h.login('a2');
    expect((await h.api('POST', '/api/windows/w2/sign-in', {}, a2)).status).toBe(200);
    const refusedToOther = await h.api('POST', `/api/cases/${caseId}/receipt/print`, {}, a2);
    expect(refusedToOther.status).toBe(403);
    expect(refusedToOther.body.error.code).toBe('FORBIDDEN');
    expect((await h.api('GET', '/api/refusals?day=2026-11-23', undefined, a2)).body.refusals).toEqual([]);
    const m1 = await h.login('m1');
    expect((await h.api('GET', '/api/refusals?day=2026-11-23', undefined, m1)).body.refusals).toHaveLength(1);

    const unknown = await h.api('POST', '/api/refusals/nope/print', {}, a1);
    expect(unknown.status).toBe(404);
    expect(unknown.body.error.code).toBe('UNKNOWN_REFUSAL');
    expect((await h.api('POST', '/api/cases/nope/receipt/print', {}, a1)).body.error.code).toBe('UNKNOWN_CASE');
    expect(printer.jobs).toHaveLength(4);
  });

  it('a window without a printer records slip:print-failed, and a reprint there answers NO_PRINTER', async () => {
    const { h, printer, events } = await hall();
    const a2 = await h.login('a2');
    const matters = await serveAndFinish(h, 'w2', a2, {
      matters: [{ serviceId: 'cert', outcome: 'accepted-pending', pendingMaterials: ['申请表'] }],
      citizenName: '李四',
    });
    const caseId = matters[0]!.caseId!;
    await waitFor(() => slipEvents(events).length === 1, 3000, 'slip event');
    expect(slipEvents(events)[0]).toMatchObject({
      kind: 'receipt',
      slipId: caseId,
      printerId: null,
      status: 'no-printer',
      reprint: false,
    });
    const again = await h.api('POST', `/api/cases/${caseId}/receipt/print`, {}, a2);
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('NO_PRINTER');
    await waitFor(() => slipEvents(events).length === 2, 3000, 'the failed reprint recorded');
    expect(slipEvents(events)[1]).toMatchObject({ kind: 'receipt', printerId: null, reprint: true });
    expect(printer.jobs).toHaveLength(0);
  });
});
