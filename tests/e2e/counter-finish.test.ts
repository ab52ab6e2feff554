import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { HallConfigInput } from '@yichuang/protocol';
import { decodeEscPos, FakePrinter } from '@yichuang/printer';
import { launchBrowser, SCREENSHOT_DIR } from '../support/browser.ts';
import { MONDAY_10AM, startHub, type Harness } from '../support/hub-harness.ts';
import { layoutProblems } from '../support/layout-checks.ts';

/** Build first: `npx tsx scripts/build-apps.ts counter` (the hub serves apps/<name>/dist). */

const DEMO_HALL = fileURLToPath(new URL('../../db/seed/demo-hall.json', import.meta.url));

/** The demo hall (its real catalogue) with w1 printing on the fake printer. */
function demoHall(printerUri: string): HallConfigInput {
  const demo = JSON.parse(readFileSync(DEMO_HALL, 'utf8')) as HallConfigInput;
  return {
    ...demo,
    windows: demo.windows.map(({ printer: _p, ...w }) => (w.id === 'w1' ? { ...w, printer: 'counter-1' } : w)),
    printers: [{ id: 'counter-1', uri: printerUri, paperWidthMm: 80 }],
    devices: [{ id: 'kiosk-1', kind: 'kiosk', key: 'kiosk-1-secret' }],
    kiosk: { ticketsPerMinute: 1000, idleSeconds: 120, oneTicketPerIdCard: false },
  };
}
const pinOf = (officerId: string): string =>
  (JSON.parse(readFileSync(DEMO_HALL, 'utf8')) as { officers: { id: string; pin?: string }[] }).officers.find(
    (o) => o.id === officerId,
  )?.pin ?? '1234';

let browser: Browser;
let h: Harness | null = null;
let printer: FakePrinter | null = null;
const contexts: BrowserContext[] = [];

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser.close();
});
afterEach(async (ctx) => {
  if (ctx.task.result?.state === 'fail')
    for (const c of contexts) for (const [j, p] of c.pages().entries()) await shot(p, `failed-finish-${j}`);
  for (const c of contexts.splice(0)) await c.close();
  await h?.close();
  await printer?.stop();
  h = null;
  printer = null;
});

async function shot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: join(SCREENSHOT_DIR, `${name}.png`) });
}

/** A hub with the fake printer, officer 1001 signed in at w1 in a 1366×768 counter, holding `serviceId`'s ticket. */
async function serving(
  serviceId: string,
  viewport = { width: 1366, height: 768 },
): Promise<{ page: Page; x: Harness; number: string }> {
  printer = new FakePrinter();
  await printer.start();
  const x = (h = await startHub(demoHall(printer.uri), MONDAY_10AM));
  const res = await x.api('POST', '/api/tickets', { requestId: 'seed-1', serviceId }, 'kiosk-1-secret');
  const context = await browser.newContext({ viewport, locale: 'zh-CN' });
  contexts.push(context);
  const page = await context.newPage();
  page.setDefaultTimeout(8000);
  await page.goto(`${x.url}/counter/`);
  await page.locator('[data-screen="login"]').waitFor();
  await page.keyboard.type('1001');
  await page.keyboard.press('Enter');
  await page.keyboard.type(pinOf('1001'));
  await page.keyboard.press('Enter');
  await page.getByTestId('pick-w1-sign-in').click();
  await page.locator('[data-screen="work"]').waitFor();
  await page.getByTestId('act-call-next').click();
  await expect.poll(() => page.getByTestId('current-number').innerText()).toBe(res.body.number as string);
  return { page, x, number: res.body.number as string };
}

const slipText = (p: FakePrinter, i: number): string => {
  const job = p.jobs[i];
  if (job === undefined) throw new Error(`no print job ${i}`);
  return decodeEscPos(job).lines.join('\n');
};

describe('counter: 办结 with matters and outcomes', () => {
  it('F then Enter finishes the ticket’s own matter as done (one tap more than before, no slip)', async () => {
    const { page, x, number } = await serving('no-criminal-record');
    await page.keyboard.press('f');
    await page.getByTestId('finish-dialog').waitFor();
    expect(await page.getByTestId('finish-matter-0').innerText()).toContain('无犯罪记录证明');
    expect(await page.getByTestId('finish-outcome-0-done').getAttribute('aria-checked')).toBe('true');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByTestId('toast').innerText()).toContain(`${number} 已办结`);
    const ev = x.db.prepare("SELECT payload FROM events WHERE type = 'ticket:finished'").get() as { payload: string };
    expect(JSON.parse(ev.payload).matters).toMatchObject([{ serviceId: 'no-criminal-record', outcome: 'done' }]);
  });

  it('two matters of one person: 受理 with its due day and a 不予受理 with its reason; both slips print', async () => {
    const { page, x, number } = await serving('id-card-renew');
    await page.getByTestId('act-finish').click();
    await page.getByTestId('finish-dialog').waitFor();
    // 居民身份证换领: 20 working days from Monday 2026-11-23.
    await page.getByTestId('finish-outcome-0-accepted').click();
    expect(await page.getByTestId('finish-due-0').innerText()).toBe('承诺 20 个工作日内办结，办结期限 2026-12-21');
    // The same person's 户口迁移, refused.
    await page.getByTestId('finish-add').fill('户口迁移');
    await page.getByTestId('finish-add-hukou-migration').click();
    await page.getByTestId('finish-outcome-1-refused').click();
    await page.getByTestId('finish-submit').click();
    await expect.poll(() => page.getByTestId('finish-problem').innerText()).toContain('请选择不予受理的理由');
    await page.getByTestId('finish-reason-1').selectOption('conditions-unmet');
    await page.getByTestId('finish-note-1').fill('迁入地无合法稳定住所');
    await page.getByTestId('finish-name').fill('王小明');
    await page.getByTestId('finish-phone').fill('13812345678');
    expect(await page.getByTestId('finish-slips').innerText()).toBe('将打印：受理回执 1 份，不予受理告知书 1 份');
    await shot(page, 'counter-finish-1366');
    await page.getByTestId('finish-submit').click();
    await expect
      .poll(() => page.getByTestId('toast').innerText())
      .toBe(`${number} 已办结，正在打印 SL20261123-001、BY20261123-001`);

    await printer!.waitForJobs(2, 5000);
    const all = [slipText(printer!, 0), slipText(printer!, 1)].join('\n');
    expect(all).toContain('受理回执');
    expect(all).toContain('SL20261123-001');
    expect(all).toContain('不予受理告知书');
    expect(all).toContain('迁入地无合法稳定住所');
    expect(all).toContain('王小明');

    const token = await x.login('1001', pinOf('1001'));
    const cases = await x.api('GET', '/api/cases?status=open', undefined, token);
    expect(cases.body.cases).toHaveLength(1);
    expect(cases.body.cases[0]).toMatchObject({ no: 'SL20261123-001', dueDay: '2026-12-21', contactName: '王**' });
    // The clear name and phone are nowhere in the log.
    const log = (x.db.prepare('SELECT payload FROM events').all() as { payload: string }[])
      .map((r) => r.payload)
      .join();
    expect(log).not.toContain('王小明');
    expect(log).not.toContain('13812345678');
    const progress = await x.api('POST', '/api/public/cases/lookup', { no: 'sl20261123-001', phone: '13812345678' });
    expect(progress.body.case).toMatchObject({ status: 'open', dueDay: '2026-12-21', serviceName: '居民身份证换领' });
  });

  it('容缺受理 lists the materials to follow from the checklist and typed; the keys 1–5 choose the outcome', async () => {
    const { page, x } = await serving('hukou-migration');
    await page.keyboard.press('f');
    await page.getByTestId('finish-dialog').waitFor();
    await page.getByTestId('finish-outcome-0-done').focus();
    await page.keyboard.press('3');
    expect(await page.getByTestId('finish-outcome-0-accepted-pending').getAttribute('aria-checked')).toBe('true');
    await page.getByTestId('finish-pending-0-0').check();
    await page.getByTestId('finish-pending-free-0').fill('房屋产权证明复印件');
    await page.getByTestId('finish-pending-free-0').press('Enter');
    await shot(page, 'counter-finish-pending-1366');
    await page.getByTestId('finish-submit').click();
    await expect.poll(() => page.getByTestId('finish-dialog').count()).toBe(0);
    const c = JSON.parse((x.db.prepare('SELECT data FROM cases').get() as { data: string }).data) as {
      kind: string;
      pendingMaterials: string[];
      dueDay: string;
    };
    expect(c.kind).toBe('accepted-pending');
    expect(c.pendingMaterials).toHaveLength(2);
    expect(c.pendingMaterials[1]).toBe('房屋产权证明复印件');
    // 户口迁移: 3 working days from Monday.
    expect(c.dueDay).toBe('2026-11-26');
  });

  it('on a 1280×800 tablet, three matters with every outcome fit: the list scrolls, the fields and the button stay in view', async () => {
    const { page } = await serving('id-card-renew', { width: 1280, height: 800 });
    await page.keyboard.press('f');
    await page.getByTestId('finish-dialog').waitFor();
    await page.getByTestId('finish-outcome-0-accepted-pending').click();
    await page.getByTestId('finish-pending-0-0').check();
    for (const [i, id] of [
      [1, 'hukou-migration'],
      [2, 'residence-permit'],
    ] as const) {
      await page.getByTestId('finish-add').fill(id === 'hukou-migration' ? '户口迁移' : '居住证');
      await page.getByTestId(`finish-add-${id}`).click();
      await page.getByTestId(`finish-matter-${i}`).waitFor();
    }
    await page.getByTestId('finish-outcome-1-refused').click();
    await page.getByTestId('finish-reason-1').selectOption('other');
    await page.getByTestId('finish-note-1').fill('申请人户籍不在本辖区');
    await page.getByTestId('finish-outcome-2-notice').click();
    expect(await page.getByTestId('finish-notice-2').innerText()).toContain('尚未开具告知单');
    await shot(page, 'counter-finish-1280x800');
    expect(
      await layoutProblems(page, [
        '[data-testid="finish-submit"]',
        '[data-testid="finish-name"]',
        '[data-testid="finish-add"]',
        '[data-testid="finish-slips"]',
      ]),
    ).toEqual([]);
    await page.getByTestId('finish-name').fill('李四');
    await page.getByTestId('finish-submit').click();
    await expect.poll(() => page.getByTestId('finish-dialog').count()).toBe(0);
    await expect.poll(() => page.getByTestId('toast').innerText()).toContain('SL20261123-001、BY20261123-001');
  });
});
