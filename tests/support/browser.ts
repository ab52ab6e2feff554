import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser } from 'playwright-core';

/** Debian's Chromium, as the hall's machines run the pages; never a downloaded browser. */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--no-first-run',
      '--disable-sync',
      '--disable-quic',
      // Date and time inputs follow the browser's own language, as on a hall's Chinese Windows PCs.
      '--lang=zh-CN',
    ],
  });
}

/** Screenshots of every screen land here during a test run (not committed), to be looked at. */
export const SCREENSHOT_DIR = fileURLToPath(new URL('../../test-results/screenshots/', import.meta.url));
mkdirSync(SCREENSHOT_DIR, { recursive: true });
