import type { Page } from 'playwright-core';

/**
 * Open the manager console on one of its pages (`/manager/#/<page>`) and sign in, by default as the
 * test hall's manager m1; resolves once that page is shown.
 */
export async function openConsole(
  page: Page,
  hubUrl: string,
  o: { page?: 'live' | 'config' | 'reports' | 'audit' | 'notify' | 'simulate'; officerId?: string; pin?: string } = {},
): Promise<void> {
  const target = o.page ?? 'live';
  await page.goto(`${hubUrl}/manager/#/${target}`);
  await page.locator('[data-screen="login"]').waitFor();
  await page.getByTestId('login-id').fill(o.officerId ?? 'm1');
  await page.getByTestId('login-pin').fill(o.pin ?? '9999');
  await page.getByTestId('login-submit').click();
  await page.getByTestId(`page-${target}`).waitFor();
}
