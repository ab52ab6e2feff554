import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HallConfigInput, PublicCityCatalogue } from '@yichuang/protocol';
import { openPglite, type CityDb } from '../../apps/city/src/city-db.ts';
import { createCityServer, type CityServer } from '../../apps/city/src/city-server.ts';
import { prepareCity } from '../../apps/city/src/ingest.ts';
import { launchBrowser, SCREENSHOT_DIR } from '../support/browser.ts';
import { cityConfigFor } from '../support/city-harness.ts';
import { startHub, type Harness } from '../support/hub-harness.ts';
import { testHallConfig } from '../support/test-hall.ts';

/** Build first: `npm run build:apps -- mobile` (the hub serves the phone pages at /m/). */

const KIOSK = 'kiosk-1-secret';
const PHONE = { width: 390, height: 844 };
const ids = ['hall-1', 'hall-2', 'hall-3'];
const NAMES = ['綦江区公安局政务服务大厅', '南岸区出入境接待大厅', '古南派出所户籍窗口'];
const { config, keys } = cityConfigFor(ids);
let browser: Browser;
let db: CityDb;
let city: CityServer;
let cityUrl: string;
const hubs: Harness[] = [];

/** The test hall with 居民身份证换领 handled city-wide (全城通办). */
function hall(i: number): HallConfigInput {
  const h = testHallConfig();
  return {
    ...h,
    hall: {
      ...h.hall,
      name: NAMES[i]!,
      address: `重庆市某区某路 ${i + 1} 号`,
      // The third hall is closed today (a holiday).
      ...(i === 2 && { closedDates: ['2026-11-23'] }),
    },
    services: h.services.map((s) => (s.id === 'idcard' ? { ...s, cityWide: true } : s)),
    city: { url: cityUrl, hallId: ids[i]!, hallKey: keys.get(ids[i]!)!, intervalMs: 100 },
  };
}

beforeAll(async () => {
  browser = await launchBrowser();
  db = await openPglite();
  await prepareCity(db, config.halls);
  city = createCityServer({ db, config, log: () => undefined });
  cityUrl = await city.listen(0);
  for (let i = 0; i < 3; i++) hubs.push(await startHub(hall(i)));
  const [h1, h2] = hubs as [Harness, Harness];
  // 綦江: five waiting for 身份证, one window (1号, all queues) staffed. 南岸: one waiting, two windows.
  for (let i = 0; i < 5; i++) await h1.api('POST', '/api/tickets', { requestId: `a${i}`, serviceId: 'idcard' }, KIOSK);
  await h1.api('POST', '/api/windows/w1/sign-in', {}, await h1.login('a1'));
  await h2.api('POST', '/api/tickets', { requestId: 'b0', serviceId: 'idcard' }, KIOSK);
  await h2.api('POST', '/api/windows/w1/sign-in', {}, await h2.login('a1'));
  await h2.api('POST', '/api/windows/w3/sign-in', {}, await h2.login('a3'));
  const end = Date.now() + 20_000;
  for (;;) {
    const rows = await db.query<{ acked_seq: number }>('SELECT acked_seq FROM halls ORDER BY hall_id');
    const profiles = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM city_hall_profiles');
    if (profiles[0]!.n === 3 && rows.every((r, i) => r.acked_seq === hubs[i]!.hub.bus.lastSeq)) break;
    if (Date.now() > end) throw new Error('the city did not catch up');
    await new Promise((r) => setTimeout(r, 50));
  }
}, 60_000);

afterAll(async () => {
  for (const h of hubs) await h.close();
  await city.close();
  await db.close();
  await browser.close();
});

async function phone(x: Harness, path: string): Promise<Page> {
  const context = await browser.newContext({ viewport: PHONE, hasTouch: true, isMobile: true, locale: 'zh-CN' });
  const page = await context.newPage();
  page.setDefaultTimeout(8000);
  await page.goto(`${x.url}${path}`);
  return page;
}

const shot = (page: Page, name: string): Promise<Buffer> =>
  page.screenshot({ path: join(SCREENSHOT_DIR, `mobile-city-${name}.png`), fullPage: true });

describe('全城通办 on the phone pages (/m/city)', () => {
  it('lists the city-wide matters and, for one, the halls that handle it: open ones by their wait', async () => {
    const page = await phone(hubs[0]!, '/m/guide/idcard');
    await page.getByTestId('m-matter-city').tap();
    await page.getByTestId('m-city-halls').waitFor();
    expect(await page.getByTestId('m-city-matter').innerText()).toBe('居民身份证换领');
    const order = await page
      .locator('[data-testid^="m-city-hall-"]')
      .evaluateAll((els) => els.map((e) => e.getAttribute('data-testid')));
    // 南岸 (1 waiting, 2 windows) before 綦江 (5 waiting, 1 window); 古南 is closed today, last.
    expect(order).toEqual(['m-city-hall-hall-2', 'm-city-hall-hall-1', 'm-city-hall-hall-3']);
    expect(await page.getByTestId('m-city-hall-hall-2').getByTestId('wait').innerText()).toBe(
      '等候 1 人 · 约等 3 分钟',
    );
    expect(await page.getByTestId('m-city-hall-hall-1').getByTestId('wait').innerText()).toBe(
      '等候 5 人 · 约等 25 分钟',
    );
    expect(await page.getByTestId('m-city-hall-hall-3').innerText()).toContain('今日不办公');
    expect(await page.getByTestId('m-city-hall-hall-1').innerText()).toContain('重庆市某区某路 1 号');
    expect(await page.locator('a[href^="tel:"]').first().getAttribute('href')).toBe('tel:02300000000');
    await shot(page, 'halls');

    await page.goto(`${hubs[0]!.url}/m/city`);
    await page.getByTestId('m-city-matters').waitFor();
    expect(await page.getByTestId('m-city-idcard').innerText()).toContain('3 个大厅可办');
    // Not a city-wide matter: not listed.
    expect(await page.getByTestId('m-city-cert').count()).toBe(0);
    await shot(page, 'matters');
  });

  it('answers one matter at /city/api/public/catalogue/:serviceId, and 404 for a matter no hall handles city-wide', async () => {
    const one = await fetch(`${cityUrl}/city/api/public/catalogue/idcard`);
    expect(one.status).toBe(200);
    const body = (await one.json()) as { matter: { serviceId: string; halls: { hallId: string; waiting: number }[] } };
    expect(body.matter.serviceId).toBe('idcard');
    const waiting = Object.fromEntries(body.matter.halls.map((h) => [h.hallId, h.waiting]));
    expect(waiting).toEqual({ 'hall-1': 5, 'hall-2': 1, 'hall-3': 0 });
    // The hub's public route keeps one matter with ?service=.
    const viaHub = (await hubs[0]!.api('GET', '/api/public/city-catalogue?service=idcard')).body as PublicCityCatalogue;
    expect(viaHub.available && viaHub.catalogue.matters.map((m) => m.serviceId)).toEqual(['idcard']);
    const none = await fetch(`${cityUrl}/city/api/public/catalogue/cert`);
    expect(none.status).toBe(404);
    expect(((await none.json()) as { error: { code: string } }).error.code).toBe('UNKNOWN_MATTER');
  });

  it('says so when the hall has no city or the city cannot be reached, without hanging', async () => {
    const alone = await startHub(testHallConfig());
    try {
      const none = await alone.api('GET', '/api/public/city-catalogue');
      expect(none.body as PublicCityCatalogue).toEqual({ available: false, reason: 'NO_CITY' });
      const page = await phone(alone, '/m/city');
      await expect.poll(() => page.getByTestId('m-city-unavailable').innerText()).toContain('还没有接入');
    } finally {
      await alone.close();
    }
    const lost = await startHub({
      ...hall(0),
      city: { url: 'http://127.0.0.1:9', hallId: 'hall-1', hallKey: keys.get('hall-1')! },
    });
    try {
      const started = Date.now();
      const r = await lost.api('GET', '/api/public/city-catalogue');
      expect(r.body as PublicCityCatalogue).toEqual({ available: false, reason: 'CITY_UNREACHABLE' });
      expect(Date.now() - started).toBeLessThan(4000);
      const page = await phone(lost, '/m/city');
      await expect.poll(() => page.getByTestId('m-city-unavailable').innerText()).toContain('暂时连不上');
      await shot(page, 'unreachable');
    } finally {
      await lost.close();
    }
  });
});
