import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  appointmentDaysSchema,
  appointmentResultSchema,
  appointmentSlotsSchema,
  isValidIdCard,
  type HallConfigInput,
} from '@yichuang/protocol';
import { launchBrowser } from '../support/browser.ts';
import { startHub, type Harness } from '../support/hub-harness.ts';

/**
 * 预约 on the citizen's phone (/m/, 390×844) against the hub's booking REST
 * (packages/protocol/src/appointment-api.ts): book, the result page, 我的预约, reschedule, cancel,
 * find by code and phone, and a slot that fills up while the citizen is confirming.
 * Build first: `npm run build:apps -- mobile`. Screenshots go to /tmp/mobile-book-*.png.
 */

const DEMO_HALL = fileURLToPath(new URL('../../db/seed/demo-hall.json', import.meta.url));
const PHONE = { width: 390, height: 844 };
const MY_PHONE = '13812345678';
/** GB 11643's own example: a valid check character. */
const ID_CARD = '11010519491231002X';

function demoHall(): HallConfigInput {
  const demo = JSON.parse(readFileSync(DEMO_HALL, 'utf8')) as HallConfigInput;
  return {
    ...demo,
    windows: demo.windows.map(({ printer: _printer, ...w }) => w),
    printers: [],
    devices: [{ id: 'kiosk-1', kind: 'kiosk', key: 'kiosk-1-secret' }],
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
afterEach(async (ctx) => {
  if (ctx.task.result?.state === 'fail')
    for (const [i, c] of contexts.entries())
      for (const [j, p] of c.pages().entries()) await shot(p, `failed-${i}-${j}`);
  for (const c of contexts.splice(0)) await c.close();
  await h?.close();
  h = null;
});

/** The whole page; the fixed tab bar drawn once at the end rather than over the middle of it. */
const shot = (page: Page, name: string): Promise<Buffer> =>
  page.screenshot({
    path: `/tmp/mobile-book-${name}.png`,
    fullPage: true,
    style: '.m-tabs { position: static !important; }',
  });
const text = (page: Page, testId: string): Promise<string> => page.getByTestId(testId).innerText();

async function phone(): Promise<Page> {
  const context = await browser.newContext({ viewport: PHONE, hasTouch: true, isMobile: true, locale: 'zh-CN' });
  contexts.push(context);
  const page = await context.newPage();
  page.setDefaultTimeout(8000);
  return page;
}

/** The first matter the demo catalogue lets citizens book. */
async function bookableService(x: Harness): Promise<{ id: string; name: string; materials: string[] }> {
  const res = await x.api('GET', '/api/catalogue');
  expect(res.status).toBe(200);
  const services = res.body.services as { id: string; name: string; materials: string[]; bookable?: boolean }[];
  const found = services.find((s) => s.bookable === true);
  expect(found, 'the demo hall has a bookable matter').toBeDefined();
  return found!;
}

async function days(x: Harness, serviceId: string): Promise<{ day: string; remaining: number }[]> {
  const res = await x.api('GET', `/api/appointments/days?serviceId=${serviceId}`);
  expect(res.status).toBe(200);
  return appointmentDaysSchema.parse(res.body).days.filter((d) => d.remaining > 0);
}

async function slots(x: Harness, serviceId: string, day: string) {
  const res = await x.api('GET', `/api/appointments/slots?serviceId=${serviceId}&day=${day}`);
  expect(res.status).toBe(200);
  return appointmentSlotsSchema.parse(res.body).slots;
}

/** A booking over REST (another citizen, another phone). */
async function bookOverRest(x: Harness, serviceId: string, day: string, start: string, phoneNo: string) {
  const res = await x.api('POST', '/api/appointments/book', {
    requestId: randomUUID(),
    serviceId,
    day,
    start,
    name: '李四',
    phone: phoneNo,
  });
  expect([200, 201], JSON.stringify(res.body)).toContain(res.status);
  return appointmentResultSchema.parse(res.body).appointment;
}

async function lookupOverRest(x: Harness, code: string, phoneNo: string) {
  const res = await x.api('POST', '/api/appointments/lookup', { code, phone: phoneNo });
  expect(res.status).toBe(200);
  return appointmentResultSchema.parse(res.body).appointment;
}

const firstOpen = (page: Page, prefix: 'm-day-' | 'm-slot-') =>
  page.locator(`[data-testid^="${prefix}"]:not([disabled])`).first();
const idOf = async (page: Page, prefix: string, el: ReturnType<typeof firstOpen>): Promise<string> =>
  ((await el.getAttribute('data-testid')) ?? '').slice(prefix.length);

/** Through the steps to the confirm page: day, slot, details. Returns the chosen day and start. */
async function toConfirm(page: Page, serviceId: string): Promise<{ day: string; start: string }> {
  await page.getByTestId(`m-book-${serviceId}`).tap();
  await page.getByTestId('m-days').waitFor();
  const dayButton = firstOpen(page, 'm-day-');
  const day = await idOf(page, 'm-day-', dayButton);
  await dayButton.tap();
  await page.getByTestId('m-slots').waitFor();
  const slotButton = firstOpen(page, 'm-slot-');
  const start = await idOf(page, 'm-slot-', slotButton);
  await slotButton.tap();
  await page.getByTestId('m-input-name').fill('张三');
  await page.getByTestId('m-input-phone').fill(MY_PHONE);
  await page.getByTestId('m-details-next').tap();
  await page.getByTestId('m-confirm').waitFor();
  return { day, start };
}

describe('booking on the phone', () => {
  it('books a matter, shows the code, keeps it in 我的预约, reschedules and cancels it', async () => {
    const x = (h = await startHub(demoHall()));
    const service = await bookableService(x);
    const page = await phone();
    await page.goto(`${x.url}/m/`);
    await page.getByTestId('m-go-book').tap();
    await page.getByTestId(`m-book-${service.id}`).waitFor();
    await shot(page, '01-choose-service');

    await page.getByTestId(`m-book-${service.id}`).tap();
    await page.getByTestId('m-days').waitFor();
    // Every day offered says how many places are left.
    for (const d of await page.locator('[data-testid^="m-day-"]').allInnerTexts())
      expect(d).toMatch(/余 \d+ 个|已约满/);
    await shot(page, '02-days');
    const dayButton = firstOpen(page, 'm-day-');
    const day = await idOf(page, 'm-day-', dayButton);
    await dayButton.tap();
    await page.getByTestId('m-slots').waitFor();
    const offered = await slots(x, service.id, day);
    for (const s of offered.filter((s) => s.remaining > 0))
      expect(await text(page, `m-slot-${s.start}`)).toContain(`余 ${s.remaining} 个`);
    await shot(page, '03-slots');
    // The phone's back button goes back one step, not out of the booking.
    await page.goBack();
    await page.getByTestId('m-days').waitFor();
    expect(new URL(page.url()).pathname).toBe(`/m/book/${service.id}`);
    await page.getByTestId(`m-day-${day}`).tap();
    await page.getByTestId('m-slots').waitFor();
    const slotButton = firstOpen(page, 'm-slot-');
    const start = await idOf(page, 'm-slot-', slotButton);
    await slotButton.tap();

    // The form says what is wrong before anything is sent.
    await page.getByTestId('m-details-next').tap();
    expect(await text(page, 'm-error-name')).toBe('请填写姓名（1 至 20 个字）');
    expect(await text(page, 'm-error-phone')).toBe('请填写 11 位手机号码');
    await page.getByTestId('m-input-name').fill('张三');
    await page.getByTestId('m-input-phone').fill(MY_PHONE);
    await page.getByTestId('m-input-idcard').fill('110105194912310021');
    await page.getByTestId('m-details-next').tap();
    expect(await text(page, 'm-error-idcard')).toBe('身份证号码有误，请核对');
    await shot(page, '04-details-errors');
    expect(isValidIdCard(ID_CARD)).toBe(true);
    await page.getByTestId('m-input-idcard').fill(ID_CARD);
    await page.getByTestId('m-details-next').tap();
    await page.getByTestId('m-confirm').waitFor();
    expect(await text(page, 'm-confirm')).toContain(service.name);
    expect(await text(page, 'm-confirm')).toContain(start);
    await shot(page, '05-confirm');

    await page.getByTestId('m-book-submit').tap();
    await page.getByTestId('m-result').waitFor();
    const code = (await text(page, 'm-code')).trim();
    expect(code).toMatch(/^[A-Za-z0-9-]{4,32}$/);
    expect(await text(page, 'm-result-when')).toContain(start);
    const materials = await page.getByTestId('m-result-materials').locator('li').allInnerTexts();
    expect(materials).toEqual(service.materials);
    expect(await text(page, 'm-checkin')).toContain('预约签到');
    // After booking, only masked personal data is on the screen.
    const shown = await page.locator('body').innerText();
    expect(shown).not.toContain(MY_PHONE);
    expect(shown).not.toContain(ID_CARD);
    expect(shown).toContain('138****5678');
    await shot(page, '06-result');

    const stored = await lookupOverRest(x, code.toLowerCase(), MY_PHONE);
    expect(stored).toMatchObject({ serviceId: service.id, day, start, status: 'booked', phone: '138****5678' });
    expect(await page.evaluate(() => localStorage.getItem('yichuang.mobile.appointments'))).toBe(
      JSON.stringify([{ code, phone: MY_PHONE }]),
    );

    // 我的预约 looks it up live.
    await page.getByTestId('m-result-mine').tap();
    const card = page.getByTestId(`m-appt-${code.toUpperCase()}`);
    await card.getByTestId('m-appt-status').waitFor();
    expect(await card.getByTestId('m-appt-status').innerText()).toBe('已预约');
    await shot(page, '07-mine');

    // 改约: another slot (another day when there is one).
    await card.getByTestId('m-appt-reschedule').tap();
    await page.getByTestId('m-days').waitFor();
    await shot(page, '08-reschedule-days');
    const other = (await days(x, service.id)).find((d) => d.day !== day)?.day ?? day;
    await page.getByTestId(`m-day-${other}`).tap();
    await page.getByTestId('m-slots').waitFor();
    const newSlot = firstOpen(page, 'm-slot-');
    const newStart = await idOf(page, 'm-slot-', newSlot);
    await newSlot.tap();
    await page.getByTestId('m-resched-submit').tap();
    await page.getByTestId('m-result').waitFor();
    expect(await text(page, 'm-result-when')).toContain(newStart);
    expect(await lookupOverRest(x, code, MY_PHONE)).toMatchObject({ day: other, start: newStart, status: 'booked' });
    await shot(page, '09-rescheduled');

    // 取消: asked once more, then cancelled for good.
    await page.getByTestId('m-tab-mine').tap();
    await card.getByTestId('m-appt-cancel').tap();
    await shot(page, '10-cancel-ask');
    await card.getByTestId('m-cancel-yes').tap();
    await expect.poll(() => card.getByTestId('m-appt-status').getAttribute('data-status')).toBe('cancelled');
    expect(await card.getByTestId('m-appt-status').innerText()).toBe('已取消');
    expect((await lookupOverRest(x, code, MY_PHONE)).status).toBe('cancelled');
    await shot(page, '11-cancelled');

    // Reloaded, the list still knows it (kept on the phone) and asks the hub again.
    await page.reload();
    await expect.poll(() => card.getByTestId('m-appt-status').getAttribute('data-status')).toBe('cancelled');
  });

  it('finds a booking made elsewhere by its code (any case) and phone; a wrong phone finds nothing', async () => {
    const x = (h = await startHub(demoHall()));
    const service = await bookableService(x);
    const [first] = await days(x, service.id);
    const slot = (await slots(x, service.id, first!.day)).find((s) => s.remaining > 0)!;
    const booked = await bookOverRest(x, service.id, first!.day, slot.start, '13900001111');

    const page = await phone();
    await page.goto(`${x.url}/m/mine`);
    await page.getByTestId('m-mine-empty').waitFor();
    await page.getByTestId('m-find-code').fill(booked.code.toLowerCase());
    await page.getByTestId('m-find-phone').fill('13900002222');
    await page.getByTestId('m-find-submit').tap();
    expect(await text(page, 'm-find-error')).toBe('没有找到这个预约，请核对预约码和手机号');
    await shot(page, '12-find-wrong-phone');

    await page.getByTestId('m-find-phone').fill('13900001111');
    await page.getByTestId('m-find-submit').tap();
    const card = page.getByTestId(`m-appt-${booked.code.toUpperCase()}`);
    await card.getByTestId('m-appt-status').waitFor();
    expect(await card.getByTestId('m-appt-status').innerText()).toBe('已预约');
    expect(await card.getByTestId('m-appt-when').innerText()).toContain(slot.start);
    await shot(page, '13-found');
  });

  it('a slot that fills up while the citizen confirms: said plainly, the other slots offered, booked in one', async () => {
    const x = (h = await startHub(demoHall()));
    const service = await bookableService(x);
    const page = await phone();
    await page.goto(`${x.url}/m/book`);
    const { day, start } = await toConfirm(page, service.id);

    // Meanwhile other citizens take every place left in that slot.
    const left = (await slots(x, service.id, day)).find((s) => s.start === start)!.remaining;
    for (let i = 0; i < left; i++)
      await bookOverRest(x, service.id, day, start, `1370000${String(i).padStart(4, '0')}`);

    await page.getByTestId('m-book-submit').tap();
    await page.getByTestId('m-book-error').waitFor();
    expect(await text(page, 'm-book-error')).toBe('这个时段刚刚约满了，请选择其他时段');
    await page.getByTestId('m-slots').waitFor();
    expect(await page.getByTestId(`m-slot-${start}`).count()).toBe(0);
    await shot(page, '14-slot-full');

    const other = firstOpen(page, 'm-slot-');
    const otherStart = await idOf(page, 'm-slot-', other);
    await other.tap();
    await page.getByTestId('m-book-submit').tap();
    await page.getByTestId('m-result').waitFor();
    expect(await text(page, 'm-result-when')).toContain(otherStart);
  });
});
