import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, SCREENSHOT_DIR } from '../support/browser.ts';
import { startHub, type Harness } from '../support/hub-harness.ts';
import { testHallConfig } from '../support/test-hall.ts';

/**
 * A device page is first opened as the contract writes it, `/kiosk?key=…` (no trailing slash): the
 * redirect to `/kiosk/` must keep the key, or the screen says it is not set up.
 */

let browser: Browser;
let h: Harness;
beforeAll(async () => {
  browser = await launchBrowser();
  h = await startHub(testHallConfig());
});
afterAll(async () => {
  await browser.close();
  await h.close();
});

describe('device pages opened without a trailing slash keep their key', () => {
  it.each([
    ['kiosk', '/kiosk?key=kiosk-1-secret', '/kiosk/', '[data-screen="home"]'],
    ['display', '/display?key=display-1-secret', '/display/', '[data-screen="display"]'],
    ['rate', '/rate/w1/?key=rater-1-secret', '/rate/w1', '[data-testid="rate-window"]'],
    // The hall's QR poster may print /m without the slash; the language asked for survives the redirect.
    ['mobile', '/m?lang=en', '/m/', '[data-testid="m-hall"]'],
  ])('%s', async (name, path, landed, ready) => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 1024 } });
    await page.goto(h.url + path);
    await page.waitForSelector(ready, { timeout: 10_000 });
    expect(new URL(page.url()).pathname).toBe(landed);
    await expect.poll(() => page.locator('[data-screen="not-configured"]').count()).toBe(0);
    await page.screenshot({ path: `${SCREENSHOT_DIR}/device-url-${name}.png` });
    await page.close();
  });

  it.each(['counter', 'manager', 'm'])('/%s?lang=en keeps its query on the redirect', async (name) => {
    const res = await fetch(`${h.url}/${name}?lang=en&x=1`, { redirect: 'manual' });
    expect(res.status).toBe(302);
    expect(res.headers.get('location')).toBe(`/${name}/?lang=en&x=1`);
  });

  it('/m?lang=en opens the phone pages in English', async () => {
    const page = await browser.newPage({ viewport: { width: 390, height: 844 } });
    await page.goto(`${h.url}/m?lang=en`);
    await page.getByTestId('m-hall').waitFor({ timeout: 10_000 });
    expect(await page.getByTestId('m-title').innerText()).toBe('Service hall');
    await page.close();
  });
});
