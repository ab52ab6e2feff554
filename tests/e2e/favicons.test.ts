import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from '../support/browser.ts';
import { startHub, type Harness } from '../support/hub-harness.ts';

/**
 * Build first: `npx tsx scripts/build-apps.ts kiosk counter display manager mobile guide`.
 *
 * Every page the hub serves shows the 一窗 mark in its browser tab: each app ships favicon.svg and
 * links it, so no page asks for a favicon that is not there (a 404 in the hall PC's console).
 */

let browser: Browser;
let h: Harness;
let page: Page;
let ticketId: string;

beforeAll(async () => {
  h = await startHub();
  const res = await h.api('POST', '/api/tickets', { requestId: 'fav-1', serviceId: 'cert' }, 'kiosk-1-secret');
  expect(res.status).toBe(201);
  ticketId = res.body.ticket?.id ?? res.body.id;
  browser = await launchBrowser();
  page = await browser.newPage();
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await h?.close();
});

describe('favicons', () => {
  const pages: [string, () => string][] = [
    ['kiosk', () => '/kiosk/?key=kiosk-1-secret'],
    ['ticket page', () => `/t/${ticketId}`],
    ['phone pages', () => '/m/'],
    ['phone pages, a matter opened directly', () => '/m/guide/cert'],
    ['counter', () => '/counter/'],
    ['rating screen', () => '/rate/w1?key=rater-1-secret'],
    ['display', () => '/display/?key=display-1-secret'],
    ['manager', () => '/manager/'],
    ['guide tablet', () => '/guide/'],
  ];
  for (const [name, path] of pages)
    it(`${name}: links its app's favicon.svg, served with 200 as SVG`, async () => {
      // The browser asks for the icon the page links, as a hall PC's browser does for its tab.
      const asked = page.waitForResponse((r) => /favicon/.test(r.url()), { timeout: 10_000 });
      await page.goto(h.url + path(), { waitUntil: 'load' });
      const href = await page.locator('link[rel="icon"]').getAttribute('href');
      expect(href).toMatch(/^\/(kiosk|counter|display|manager|m|guide)\/favicon\.svg$/);
      const seen = await asked;
      expect(new URL(seen.url()).pathname).toBe(href);
      expect(seen.status()).toBe(200);
      const icon = await page.request.get(new URL(href!, page.url()).toString());
      expect(icon.headers()['content-type']).toContain('image/svg+xml');
      expect(await icon.text()).toContain('<title>一窗</title>');
    });
});
