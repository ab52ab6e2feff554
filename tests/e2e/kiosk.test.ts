import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { HallConfigInput } from '@yichuang/protocol';
import { decodeEscPos, FakePrinter } from '@yichuang/printer';
import { parseHallConfig } from '../../apps/hub/src/config-loader.ts';
import { createHub } from '../../apps/hub/src/create-hub.ts';
import { launchBrowser, SCREENSHOT_DIR } from '../support/browser.ts';
import { MONDAY_10AM, startHub, type Harness } from '../support/hub-harness.ts';
import { capturingSms, takeOnlineTicket } from '../support/online-ticket.ts';

/** Run `npm run build:apps` first: the hub serves the built kiosk from apps/kiosk/dist. */

const DEMO_HALL = fileURLToPath(new URL('../../db/seed/demo-hall.json', import.meta.url));
const HOUR = 3600_000;
const VALID_ID = '500222195803081239';

interface HallOptions {
  idleSeconds?: number;
  oneTicketPerIdCard?: boolean;
  /** kiosk-1's printer (tcp://…); without it the kiosk has none and the screen is the ticket. */
  printerUri?: string;
}

/** The real demo catalogue (36 matters, 7 queues, weekday hours) with test device keys. */
function demoHall(o: HallOptions = {}): HallConfigInput {
  const demo = JSON.parse(readFileSync(DEMO_HALL, 'utf8')) as HallConfigInput;
  return {
    ...demo,
    // Only the printer under test: the demo's others would be polled on fixed local ports.
    windows: demo.windows.map(({ printer: _printer, ...w }) => w),
    printers: o.printerUri === undefined ? [] : [{ id: 'kiosk-1', uri: o.printerUri }],
    devices: [
      {
        id: 'kiosk-1',
        kind: 'kiosk',
        key: 'kiosk-1-secret',
        ...(o.printerUri === undefined ? {} : { printer: 'kiosk-1' }),
      },
      { id: 'kiosk-2', kind: 'kiosk', key: 'kiosk-2-secret' },
      { id: 'display-1', kind: 'display', key: 'display-1-secret' },
    ],
    kiosk: {
      ticketsPerMinute: 1000,
      idleSeconds: o.idleSeconds ?? 120,
      oneTicketPerIdCard: o.oneTicketPerIdCard ?? false,
    },
  };
}

let browser: Browser;
let h: Harness | null = null;
const contexts: BrowserContext[] = [];

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser.close();
});
afterEach(async () => {
  for (const c of contexts.splice(0)) await c.close();
  await h?.close();
  h = null;
});

async function hub(o: HallOptions = {}, start = MONDAY_10AM): Promise<Harness> {
  h = await startHub(demoHall(o), start);
  return h;
}

/** A few citizens already waiting, from the other kiosk, so the numbers on screen look like a morning. */
async function seedQueue(x: Harness): Promise<void> {
  const k2 = await x.connect({ key: 'kiosk-2-secret' });
  const ids = [
    'id-card-renew',
    'id-card-renew',
    'passport',
    'no-criminal-record',
    'license-renewal',
    'kinship-certificate',
  ];
  for (const [i, serviceId] of ids.entries()) await k2.send('ticket:take', { requestId: `seed-${i}`, serviceId });
}

async function openKiosk(x: Harness, waitFor = 'home'): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1080, height: 1920 }, hasTouch: true });
  contexts.push(context);
  const page = await context.newPage();
  await page.goto(`${x.url}/kiosk/?key=kiosk-1-secret`);
  await page.locator(`[data-screen="${waitFor}"]`).waitFor({ timeout: 10_000 });
  return page;
}

async function shot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: join(SCREENSHOT_DIR, `${name}.png`) });
}

const tap = (page: Page, testId: string): Promise<void> => page.getByTestId(testId).tap();

async function waiting(x: Harness, queueId: string): Promise<number> {
  const res = await x.api('GET', '/api/hall', undefined, 'kiosk-2-secret');
  const queues = res.body.queues as { id: string; waiting: number }[];
  return queues.find((q) => q.id === queueId)?.waiting ?? -1;
}

describe('kiosk', () => {
  it('takes a ticket by touch: home → category → guide → 取号, and the hub has it', async () => {
    const x = await hub();
    await seedQueue(x);
    const page = await openKiosk(x);
    expect(new URL(page.url()).search).toBe('');
    expect(await page.evaluate(() => localStorage.getItem('yichuang.kiosk.key'))).toBe('kiosk-1-secret');
    await expect.poll(() => page.getByTestId('category-证明开具').innerText()).toContain('2 人等候');
    await shot(page, 'kiosk-01-home');

    await tap(page, 'category-证明开具');
    await page.locator('[data-screen="category"]').waitFor();
    await shot(page, 'kiosk-02-category');
    await tap(page, 'service-no-criminal-record');
    await expect.poll(() => page.getByTestId('guide-name').innerText()).toBe('无犯罪记录证明');
    expect(await page.getByTestId('guide-waiting').innerText()).toBe('2 人');
    await shot(page, 'kiosk-03-guide');

    const before = await waiting(x, 'certificates');
    await tap(page, 'take');
    await page.locator('[data-screen="confirm"]').waitFor();
    expect(await page.getByTestId('ticket-number').innerText()).toBe('E003');
    expect(await page.getByTestId('ticket-service').innerText()).toBe('无犯罪记录证明');
    expect(await page.getByTestId('ticket-ahead').innerText()).toBe('前面还有 2 人');
    // No printer on this kiosk: the screen is the ticket, and it says so.
    const print = page.getByTestId('print-status');
    expect(await print.getAttribute('data-state')).toBe('failed');
    expect(await print.innerText()).toContain('打印机暂时无法出票，请拍照或扫码保存此号票，凭屏幕号码办理');
    expect(await waiting(x, 'certificates')).toBe(before + 1);
    await shot(page, 'kiosk-04-confirmation');

    await tap(page, 'done');
    await page.locator('[data-screen="home"]').waitFor();
  });

  it('green channel: choose a reason, staff verify, the ticket carries the mark', async () => {
    const x = await hub();
    const page = await openKiosk(x);
    await tap(page, 'category-户政');
    await tap(page, 'service-id-card-renew');
    await tap(page, 'green');
    await page.locator('[data-screen="green"]').waitFor();
    expect(await page.getByTestId('take-green').isDisabled()).toBe(true);
    expect(await page.locator('[data-screen="green"]').innerText()).toContain('工作人员将现场核验');
    await tap(page, 'reason-elderly');
    await shot(page, 'kiosk-05-green');
    await tap(page, 'take-green');
    await page.locator('[data-screen="confirm"]').waitFor();
    expect(await page.getByTestId('mark-green').innerText()).toBe('绿色通道·老年人');
    await shot(page, 'kiosk-06-green-confirmation');
    const hall = await x.api('GET', '/api/hall', undefined, 'kiosk-2-secret');
    const w1 = await x.api('GET', '/api/tickets/t1');
    expect(w1.body).toMatchObject({ number: 'A001', green: true, greenReason: 'elderly' });
    expect(hall.body.queues.find((q: { id: string }) => q.id === 'hukou-quick').waiting).toBe(1);
  });

  it('green channel from the home screen: the reason first, then the matter, and a way out', async () => {
    const x = await hub();
    await seedQueue(x);
    const page = await openKiosk(x);
    await tap(page, 'green-home');
    await page.locator('[data-screen="green"]').waitFor();
    expect(await page.getByTestId('take-green').isDisabled()).toBe(true);
    await tap(page, 'reason-disabled');
    expect(await page.getByTestId('take-green').innerText()).toBe('下一步：选择业务');
    await shot(page, 'kiosk-05-green-home');
    await tap(page, 'take-green');
    await page.locator('[data-screen="choose"]').waitFor();
    expect(await page.getByTestId('green-mode').innerText()).toContain('绿色通道 · 残疾人');
    // 预约签到 is not a matter to choose here; the pinyin search is.
    expect(await page.getByTestId('appointment').count()).toBe(0);
    expect(await page.getByTestId('green-home').count()).toBe(0);
    await shot(page, 'kiosk-05-green-choose');

    // Back to the reasons and on again: the lane is kept while the citizen is in it.
    await tap(page, 'back');
    await page.locator('[data-screen="green"]').waitFor();
    await tap(page, 'take-green');
    await tap(page, 'category-证明开具');
    expect(await page.getByTestId('green-mode').count()).toBe(1);
    await tap(page, 'service-no-criminal-record');
    await page.locator('[data-screen="guide"]').waitFor();
    expect(await page.getByTestId('take').innerText()).toContain('取优先号');
    expect(await page.getByTestId('green').count()).toBe(0);
    await shot(page, 'kiosk-05-green-guide');
    await tap(page, 'take');
    await page.locator('[data-screen="confirm"]').waitFor();
    expect(await page.getByTestId('mark-green').innerText()).toBe('绿色通道·残疾人');
    // Called before the two ordinary tickets already waiting.
    expect(await page.getByTestId('ticket-ahead').innerText()).toBe('前面没有人，请留意叫号');
    expect(await page.getByTestId('green-mode').count()).toBe(0);

    // The next citizen starts without it; 取消优先 leaves it before taking.
    await tap(page, 'done');
    await tap(page, 'category-证明开具');
    await tap(page, 'service-kinship-certificate');
    expect(await page.getByTestId('take').innerText()).toBe('取号');
    await page.getByTestId('go-home').tap();
    await tap(page, 'green-home');
    await tap(page, 'reason-elderly');
    await tap(page, 'take-green');
    await tap(page, 'leave-green');
    await page.locator('[data-screen="home"]').waitFor();
    expect(await page.getByTestId('green-mode').count()).toBe(0);
    await tap(page, 'category-证明开具');
    await tap(page, 'service-kinship-certificate');
    expect(await page.getByTestId('take').innerText()).toBe('取号');
  });

  it('appointment check-in: a code booked in lower case, its slot on the ticket; plain words for a used, unknown or early code', async () => {
    const x = await hub();
    const manager = await x.login('9001', '9999');
    const day = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(x.clock.now);
    const book = (requestId: string, code: string, start: string, end: string): Promise<{ status: number }> =>
      x.api('POST', '/api/appointments', { requestId, code, serviceId: 'passport', day, start, end }, manager);
    // Booked as typed on a phone, in lower case; the kiosk's keys are capitals.
    expect((await book('b1', 'yy2026', '09:30', '11:00')).status).toBe(201);
    expect((await book('b2', 'AB12CD', '14:00', '14:30')).status).toBe(201);
    const page = await openKiosk(x);
    await tap(page, 'appointment');
    expect(await page.getByTestId('appointment-hint').innerText()).toContain(
      '可在预约时段开始前 30 分钟至结束后 15 分钟内签到',
    );
    for (const k of 'YY2026') await page.locator(`[data-key="${k}"]`).tap();
    expect(await page.getByTestId('appointment-code').innerText()).toBe('YY2026');
    await shot(page, 'kiosk-07-appointment');
    await tap(page, 'take-appointment');
    await page.locator('[data-screen="confirm"]').waitFor();
    expect(await page.getByTestId('ticket-service').innerText()).toBe('普通护照申请');
    expect(await page.getByTestId('mark-appointment').innerText()).toBe('预约');
    expect(await page.getByTestId('ticket-slot').innerText()).toMatch(/预约时段\s*今天 09:30–11:00/);
    await shot(page, 'kiosk-08-appointment-confirmation');

    // Hours before its slot: refused, with the slot and the time to come back.
    await tap(page, 'done');
    await tap(page, 'appointment');
    for (const k of 'AB12CD') await page.locator(`[data-key="${k}"]`).tap();
    await tap(page, 'take-appointment');
    await page.getByTestId('failure').waitFor();
    const early = await page.getByTestId('failure').innerText();
    expect(early).toContain('还没到签到时间');
    expect(early).toContain('预约时段为 14:00–14:30，请于 13:30 后签到');
    await shot(page, 'kiosk-09-appointment-early');
    await tap(page, 'failure-ok');
    await tap(page, 'toggle-lang');
    await tap(page, 'take-appointment');
    await page.getByTestId('failure').waitFor();
    expect(await page.getByTestId('failure').innerText()).toContain(
      'Your appointment is 14:00–14:30: please check in from 13:30',
    );
    await tap(page, 'failure-ok');
    await tap(page, 'toggle-lang');
    // The other way round over REST: booked in capitals, checked in in lower case (13:40, inside its window).
    x.clock.now += 3 * 3600_000 + 40 * 60_000;
    const late = await x.api(
      'POST',
      '/api/tickets',
      { requestId: 'k-ab', appointmentCode: 'ab12cd' },
      'kiosk-2-secret',
    );
    expect(late.status).toBe(201);
    expect(late.body.appointmentSlot).toEqual({
      start: Date.UTC(2026, 10, 23, 6, 0),
      end: Date.UTC(2026, 10, 23, 6, 30),
    });
    await page.getByTestId('go-home').tap();

    await tap(page, 'appointment');
    for (const k of 'YY2026') await page.locator(`[data-key="${k}"]`).tap();
    await tap(page, 'take-appointment');
    await page.getByTestId('failure').waitFor();
    expect(await page.getByTestId('failure').innerText()).toContain('这个预约已经签到过了');
    await shot(page, 'kiosk-09-appointment-used');
    await tap(page, 'failure-ok');
    await page.locator('[data-key="clear"]').tap();
    for (const k of 'NOPE99') await page.locator(`[data-key="${k}"]`).tap();
    await tap(page, 'take-appointment');
    await page.getByTestId('failure').waitFor();
    expect(await page.getByTestId('failure').innerText()).toContain('没有找到这个预约码');
  });

  it('appointment check-in by the mobile number or the ID card of the booking, for one who lost the code', async () => {
    const x = await hub();
    const manager = await x.login('9001', '9999');
    const book = (phone: string, extra: Record<string, string> = {}): Promise<{ status: number }> =>
      x.api(
        'POST',
        '/api/appointments/book',
        {
          requestId: `bk-${phone}`,
          serviceId: 'passport',
          day: '2026-11-23',
          start: '10:30',
          name: '张三',
          phone,
          ...extra,
        },
        manager,
      );
    expect((await book('13812345678')).status).toBe(201);
    expect((await book('13912345678', { idCard: VALID_ID })).status).toBe(201);
    const page = await openKiosk(x);
    await tap(page, 'appointment');
    await tap(page, 'appointment-by-phone');
    for (const k of '138123456') await page.locator(`[data-key="${k}"]`).tap();
    expect(await page.getByTestId('take-appointment').isDisabled()).toBe(true);
    for (const k of '78') await page.locator(`[data-key="${k}"]`).tap();
    expect(await page.getByTestId('appointment-code').innerText()).toBe('13812345678');
    await shot(page, 'kiosk-10-appointment-by-phone');
    await tap(page, 'take-appointment');
    await page.locator('[data-screen="confirm"]').waitFor();
    expect(await page.getByTestId('mark-appointment').innerText()).toBe('预约');
    expect(await page.getByTestId('ticket-slot').innerText()).toMatch(/今天 10:30–11:00/);

    await tap(page, 'done');
    await tap(page, 'appointment');
    await tap(page, 'appointment-by-id');
    for (const k of VALID_ID) await page.locator(`[data-key="${k}"]`).tap();
    await tap(page, 'take-appointment');
    await page.locator('[data-screen="confirm"]').waitFor();
    expect(await page.getByTestId('ticket-service').innerText()).toBe('普通护照申请');

    // A number with no appointment today: said plainly, nothing issued.
    await tap(page, 'done');
    await tap(page, 'appointment');
    await tap(page, 'appointment-by-phone');
    for (const k of '13700000000') await page.locator(`[data-key="${k}"]`).tap();
    await tap(page, 'take-appointment');
    await page.getByTestId('failure').waitFor();
    expect(await page.getByTestId('failure').innerText()).toContain('没有找到该手机号今天的预约');
    await shot(page, 'kiosk-11-appointment-by-phone-unknown');
  });

  it('a ticket taken online (线上取号) is checked in at the kiosk with its mobile number', async () => {
    const sms = capturingSms();
    const x = await startHub(
      { ...demoHall(), remote: { enabled: true, queues: [{ queueId: 'exit-entry', dailyQuota: 20 }] } },
      MONDAY_10AM,
      { sendCode: sms.sendCode },
    );
    h = x;
    const taken = await takeOnlineTicket(x, sms, '13612345678', 'passport');
    expect(taken.status).toBe(201);
    const page = await openKiosk(x);
    await tap(page, 'appointment');
    await tap(page, 'appointment-by-phone');
    for (const k of '13612345678') await page.locator(`[data-key="${k}"]`).tap();
    await tap(page, 'take-appointment');
    await page.getByTestId('arrival').waitFor();
    expect(await page.getByTestId('arrival-number').innerText()).toBe(taken.body.number);
    expect(await page.getByTestId('arrival').innerText()).toContain('线上号已签到');
    await shot(page, 'kiosk-12-online-ticket-arrived');
    const view = await x.api('GET', `/api/tickets/${taken.body.id}`);
    expect(view.body.remote).toEqual({ arrived: true });
    await tap(page, 'arrival-ok');
    await page.locator('[data-screen="home"]').waitFor();
  });

  it('asks for the ID card when the hall allows one ticket per card, masks it and checks it', async () => {
    const x = await hub({ oneTicketPerIdCard: true });
    const page = await openKiosk(x);
    await tap(page, 'category-证明开具');
    await tap(page, 'service-no-criminal-record');
    await tap(page, 'take');
    await page.locator('[data-screen="id-card"]').waitFor();
    const bad = VALID_ID.slice(0, 17) + '0';
    for (const k of bad) await page.locator(`[data-key="${k}"]`).tap();
    const shown = (): Promise<string | null> => page.locator('.k-slots').getAttribute('aria-label');
    expect(await shown()).toBe('••••••••••••••1230');
    await tap(page, 'take-id');
    await page.getByTestId('id-invalid').waitFor();
    await shot(page, 'kiosk-11-id-card-invalid');
    await page.locator('[data-key="del"]').tap();
    await page.locator('[data-key="9"]').tap();
    expect(await shown()).toBe('••••••••••••••1239');
    await shot(page, 'kiosk-10-id-card');
    await tap(page, 'take-id');
    await page.locator('[data-screen="confirm"]').waitFor();
    expect(await page.getByTestId('ticket-number').innerText()).toBe('E001');

    // The same card again in the same queue: the hub refuses, the screen says why.
    await tap(page, 'done');
    await tap(page, 'category-证明开具');
    await tap(page, 'service-kinship-certificate');
    await tap(page, 'take');
    for (const k of VALID_ID) await page.locator(`[data-key="${k}"]`).tap();
    await tap(page, 'take-id');
    await page.getByTestId('failure').waitFor();
    expect(await page.getByTestId('failure').innerText()).toContain('E001');
    await shot(page, 'kiosk-23-duplicate');
  });

  it('searches by pinyin initials on the on-screen keyboard', async () => {
    const x = await hub();
    const page = await openKiosk(x);
    await tap(page, 'search');
    for (const k of 'SFZ') await page.locator(`[data-key="${k}"]`).tap();
    await page.getByTestId('service-id-card-renew').waitFor();
    expect(await page.locator('[data-testid^="service-"]').count()).toBeGreaterThanOrEqual(3);
    await shot(page, 'kiosk-12-search');
    await tap(page, 'service-id-card-renew');
    await expect.poll(() => page.getByTestId('guide-name').innerText()).toBe('居民身份证换领');
  });

  it('returns home by itself after idleSeconds without a touch, and counts down on the ticket', async () => {
    const x = await hub({ idleSeconds: 5 });
    const page = await openKiosk(x);
    await tap(page, 'category-车驾管');
    await tap(page, 'toggle-lang');
    await page.locator('[data-screen="category"]').waitFor();
    await page.locator('[data-screen="home"]').waitFor({ timeout: 8000 });
    expect(await page.locator('h2').first().innerText()).toBe('请选择您要办理的业务');

    await tap(page, 'category-出入境');
    await tap(page, 'service-passport');
    await tap(page, 'take');
    await page.locator('[data-screen="confirm"]').waitFor();
    expect(await page.getByTestId('countdown').innerText()).toMatch(/^[45] 秒后返回首页$/);
    await page.locator('[data-screen="home"]').waitFor({ timeout: 8000 });
  });

  it('hub down: says so and offers no ticket; it recovers by itself when the hub is back', async () => {
    const x = await hub();
    const port = Number(new URL(x.url).port);
    const page = await openKiosk(x);
    await tap(page, 'category-户政');
    await tap(page, 'service-id-card-apply');
    await x.hub.close();
    await page.locator('[data-screen="offline"]').waitFor({ timeout: 10_000 });
    expect(await page.locator('[data-screen="offline"]').innerText()).toContain('系统连接中断，暂停取号');
    expect(await page.getByTestId('take').count()).toBe(0);
    await shot(page, 'kiosk-15-unreachable');

    x.hub = createHub({
      config: parseHallConfig(demoHall(), { pinCost: 1024 }),
      db: x.db,
      clock: () => x.clock.now,
      newId: () => `r${Date.now()}`,
      log: () => undefined,
    });
    await x.hub.listen(port);
    await page.getByTestId('take').waitFor({ timeout: 15_000 });
    await tap(page, 'take');
    await page.locator('[data-screen="confirm"]').waitFor();
    expect(await page.getByTestId('ticket-number').innerText()).toBe('A001');
  });

  // Three hubs and three pages in one test: on a loaded 2-CPU machine that is more than the default 30 s.
  it('outside hours: closed today, before opening, and extended service', async () => {
    const sunday = await hub({}, MONDAY_10AM - 24 * HOUR);
    let page = await openKiosk(sunday, 'closed');
    expect(await page.getByTestId('today-hours').innerText()).toBe('今日不办公');
    const text = await page.locator('[data-screen="closed"]').innerText();
    expect(text).toContain('周一至周五');
    expect(text).toContain('09:00–17:00');
    await shot(page, 'kiosk-13-closed');
    // The page goes before its hub: a hub stopping waits for the connections still open to it.
    await page.context().close();
    await sunday.close();

    const early = await hub({}, MONDAY_10AM - 2 * HOUR);
    page = await openKiosk(early, 'closed');
    expect(await page.getByTestId('today-hours').innerText()).toBe('尚未开始办公，09:00 开始取号');
    await shot(page, 'kiosk-24-before-open');
    await page.context().close();
    await early.close();

    const late = await hub({}, MONDAY_10AM + 7 * HOUR + 10 * 60_000);
    page = await openKiosk(late, 'extended');
    expect(await page.locator('[data-screen="extended"]').innerText()).toContain('正在为已取号群众延时服务');
    expect(await page.getByTestId('take').count()).toBe(0);
    await shot(page, 'kiosk-14-extended');
  }, 90_000);

  it('printer: follows ticket:printed, announces a fault before taking, explains a ticket not printed', async () => {
    const printer = new FakePrinter();
    await printer.start();
    const x = await hub({ printerUri: printer.uri });
    const page = await openKiosk(x);
    await tap(page, 'category-证明开具');
    await tap(page, 'service-no-criminal-record');
    await tap(page, 'take');
    await page.locator('[data-screen="confirm"]').waitFor();
    const print = page.getByTestId('print-status');
    await expect.poll(() => print.getAttribute('data-state'), { timeout: 12_000 }).toBe('printed');
    expect(await print.innerText()).toBe('请取走号票');
    await shot(page, 'kiosk-17-printed');
    // The printer got that very ticket: its number, the matter, and the QR code to its live page.
    const number = await page.getByTestId('ticket-number').innerText();
    const job = decodeEscPos(printer.jobs[0]!);
    expect(job.lines.join('\n')).toContain(number.trim());
    expect(job.lines.join('\n')).toContain('无犯罪记录证明');
    // The slip's QR code is the one on screen: the ticket's page with its link secret.
    expect(job.qr[0]).toMatch(/\/t\/[\w-]+\?s=[\w-]{16}$/);
    expect(job.qr[0]).toBe(await page.locator('img[data-qr-text]').getAttribute('data-qr-text'));
    await tap(page, 'done');

    // Out of paper: the hub's status poll tells the kiosk (pushed here too, so the test need not wait for a poll).
    await printer.setState({ paperOut: true });
    x.hub.io.emit('hub:printers', [{ id: 'kiosk-1', status: 'paper-out' }]);
    await page.getByTestId('printer-fault').waitFor();
    expect(await page.getByTestId('printer-fault').innerText()).toContain('打印机缺纸：号票将显示在屏幕上');
    await shot(page, 'kiosk-16-printer-fault');
    await tap(page, 'category-证明开具');
    await tap(page, 'service-kinship-certificate');
    await tap(page, 'take');
    await page.locator('[data-screen="confirm"]').waitFor();
    expect(await print.getAttribute('data-state')).toBe('failed');
    expect(await print.innerText()).toContain('打印机暂时无法出票');
    // Nothing reached the paper, yet the on-screen ticket is a real, waiting ticket.
    expect(printer.jobs).toHaveLength(1);
    const shown = (await page.getByTestId('ticket-number').innerText()).trim();
    const waiting = x.hub.bus.state.tickets.values();
    expect([...waiting].find((t) => t.number === shown)).toMatchObject({ status: 'waiting', printed: false });

    // A printer that takes the job but never answers: "正在打印" until an outcome or the 8 s timeout.
    await tap(page, 'done');
    await printer.setState({ paperOut: false, silent: true });
    x.hub.io.emit('hub:printers', [{ id: 'kiosk-1', status: 'ok' }]);
    await tap(page, 'category-证明开具');
    await tap(page, 'service-hukou-cancellation-certificate');
    await tap(page, 'take');
    await page.locator('[data-screen="confirm"]').waitFor();
    if ((await print.getAttribute('data-state')) === 'printing') await shot(page, 'kiosk-17-printing');
    await expect.poll(() => print.getAttribute('data-state'), { timeout: 12_000 }).not.toBe('printing');
    await printer.stop();
  });

  it('elderly mode and English', async () => {
    const x = await hub();
    await seedQueue(x);
    const page = await openKiosk(x);
    await tap(page, 'toggle-elderly');
    await shot(page, 'kiosk-18-elderly-home');
    await tap(page, 'category-车驾管');
    // Fewer, larger cards a page than the 8 of normal type.
    const perPage = await page.locator('[data-testid^="service-"]').count();
    expect(perPage).toBeGreaterThanOrEqual(2);
    expect(perPage).toBeLessThan(8);
    while ((await page.getByTestId('service-license-renewal').count()) === 0) await tap(page, 'page-next');
    await shot(page, 'kiosk-19-elderly-category');
    await tap(page, 'service-license-renewal');
    await page.getByTestId('take').waitFor();
    await shot(page, 'kiosk-19-elderly-guide');
    await tap(page, 'take');
    await page.locator('[data-screen="confirm"]').waitFor();
    await shot(page, 'kiosk-19-elderly-confirmation');
    await tap(page, 'done');

    // 完成 starts over for the next citizen: normal size again.
    expect(await page.locator('.kiosk.elderly').count()).toBe(0);
    await tap(page, 'toggle-lang');
    expect(await page.locator('h2').first().innerText()).toBe('What do you need to do?');
    await shot(page, 'kiosk-20-english-home');
    await tap(page, 'category-出入境');
    await tap(page, 'service-passport');
    await page.getByTestId('take').waitFor();
    expect(await page.getByTestId('take').innerText()).toBe('Take a ticket');
    await shot(page, 'kiosk-21-english-guide');
    await tap(page, 'take');
    await page.locator('[data-screen="confirm"]').waitFor();
    expect(await page.getByTestId('ticket-ahead').innerText()).toBe('1 ahead of you');
    await shot(page, 'kiosk-22-english-confirmation');
  });

  it('without a key: device not set up', async () => {
    const x = await hub();
    const context = await browser.newContext({ viewport: { width: 1080, height: 1920 } });
    contexts.push(context);
    const page = await context.newPage();
    await page.goto(`${x.url}/kiosk/`);
    await page.locator('[data-screen="not-configured"]').waitFor();
    expect(await page.locator('[data-screen="not-configured"]').innerText()).toContain('设备未配置');
    await shot(page, 'kiosk-00-not-configured');
  });
});

describe('ticket page /t/:id', () => {
  it('shows waiting, then 请到 N号窗口 once an officer calls it; an unknown id is explained', async () => {
    const x = await hub();
    await seedQueue(x);
    const kiosk = await openKiosk(x);
    await tap(kiosk, 'category-证明开具');
    await tap(kiosk, 'service-no-criminal-record');
    await tap(kiosk, 'take');
    const url = await kiosk.locator('img[data-qr-text]').getAttribute('data-qr-text');
    // The QR code is the ticket's page with its link secret (the citizen's own 好差评 needs it).
    expect(url).toMatch(new RegExp(`^${x.url}/t/[A-Za-z0-9_-]+\\?s=[A-Za-z0-9_-]{16}$`));

    const context = await browser.newContext({
      viewport: { width: 390, height: 844 },
      hasTouch: true,
      isMobile: true,
      locale: 'zh-CN',
    });
    contexts.push(context);
    const phone = await context.newPage();
    await phone.goto(url!);
    await phone.getByTestId('tp-number').waitFor();
    expect(await phone.getByTestId('tp-number').innerText()).toBe('E003');
    expect(await phone.getByTestId('tp-ahead').innerText()).toBe('2');
    await shot(phone, 'ticket-01-waiting');

    const officer = await x.login('1013');
    await x.api('POST', '/api/windows/w7/sign-in', {}, officer);
    const ticketId = new URL(url!).pathname.split('/t/')[1]!;
    const call = await x.api('POST', '/api/windows/w7/call-ticket', { ticketId }, officer);
    expect(call.status).toBe(200);
    await phone.getByTestId('tp-called').waitFor({ timeout: 8000 });
    expect(await phone.getByTestId('tp-called').innerText()).toBe('请到 7号窗口 办理');
    await shot(phone, 'ticket-02-called');

    await phone.goto(`${x.url}/t/no-such-ticket`);
    await phone.getByTestId('tp-problem').waitFor();
    expect(await phone.getByTestId('tp-problem').innerText()).toContain('没有找到这张号票');
    await shot(phone, 'ticket-03-unknown');
  });
});
