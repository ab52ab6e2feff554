import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { EventEnvelope, HallConfigInput } from '@yichuang/protocol';
import { HubConnection } from '@yichuang/client';
import { launchBrowser, SCREENSHOT_DIR } from '../support/browser.ts';
import { startHub, waitFor, type Harness } from '../support/hub-harness.ts';
import { spawnHub, type HubProcess } from '../support/hub-process.ts';

/**
 * The hall display (/display/) in Chromium against a real hub. Build it first
 * (`npx tsx scripts/build-apps.ts display`); the restart test runs dist/hub/cli.mjs (`npm run build:hub`).
 * Voice runs in record mode (`?voice=record`): the page writes down what it would say, and when.
 */

const DEMO_HALL = fileURLToPath(new URL('../../db/seed/demo-hall.json', import.meta.url));
const DAY = 24 * 3600_000;
/** Demo roster: the A-role officer of each window, and their PIN. */
const OFFICER: Record<string, [string, string]> = {
  w1: ['1001', '1234'],
  w2: ['1003', '1234'],
  w3: ['1005', '1234'],
  w4: ['1007', '1234'],
  w5: ['1009', '1357'],
  w6: ['1011', '1234'],
  w7: ['1013', '1234'],
  w8: ['1015', '1234'],
};

const LONG_NOTICE =
  '办理居民身份证请携带户口簿原件；十六周岁以下须由监护人陪同。本大厅实行一次性告知、首问负责、限时办结制度，' +
  '如对办理结果有异议，可现场向带班领导反映，或拨打投诉电话，我们将在三个工作日内答复。';

interface HallOptions {
  notices?: string[];
  english?: boolean;
  /** Windows marked open: false (not staffed at all). */
  closed?: string[];
  repeat?: number;
  /** The demo hall's real hours (Mon–Fri 09:00–17:00, Sat 09:00–12:00) instead of around the clock. */
  realHours?: boolean;
}

/** The demo hall, open around the clock, without its printers, with test keys and a zone display. */
function displayHall(o: HallOptions = {}): HallConfigInput {
  const demo = JSON.parse(readFileSync(DEMO_HALL, 'utf8')) as HallConfigInput;
  return {
    ...demo,
    hall:
      o.realHours === true
        ? demo.hall
        : { ...demo.hall, hours: [{ days: [1, 2, 3, 4, 5, 6, 7], open: '00:00', close: '23:59' }] },
    windows: demo.windows.map(({ printer: _p, ...w }) => ({ ...w, open: !(o.closed ?? []).includes(w.id) })),
    printers: [],
    devices: [
      { id: 'kiosk-2', kind: 'kiosk', key: 'kiosk-2-secret' },
      { id: 'display-1', kind: 'display', key: 'display-1-secret' },
      { id: 'display-east', kind: 'display', key: 'display-east-secret', windows: ['w4', 'w5', 'w6'] },
    ],
    kiosk: { ticketsPerMinute: 10_000 },
    display: {
      notices: o.notices ?? ['请按号就座，留意叫号', '办事指南可在取号机查询'],
      english: o.english ?? false,
      repeat: o.repeat ?? 2,
      chime: true,
      highlightSeconds: 8,
    },
  };
}

let browser: Browser;
let h: Harness | null = null;
let proc: HubProcess | null = null;
const contexts: BrowserContext[] = [];
const dirs: string[] = [];

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
  if (proc !== null && proc.child.exitCode === null) {
    proc.child.kill('SIGKILL');
    await proc.exited;
  }
  proc = null;
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

type Size = { width: number; height: number };
const LANDSCAPE: Size = { width: 1920, height: 1080 };
const PORTRAIT: Size = { width: 1080, height: 1920 };

async function openDisplay(url: string, size: Size = LANDSCAPE, query = '', key = 'display-1-secret'): Promise<Page> {
  const context = await browser.newContext({ viewport: size });
  contexts.push(context);
  const page = await context.newPage();
  await page.goto(`${url}/display/?key=${key}&voice=record&voiceMs=300${query}`);
  await page.locator('[data-screen="display"]').waitFor({ timeout: 10_000 });
  await expect.poll(() => page.locator('[data-screen="display"]').getAttribute('data-voice')).toBe('record');
  return page;
}

async function shot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: join(SCREENSHOT_DIR, `${name}.png`) });
}

interface Spoken {
  what: 'chime' | 'speech';
  lang: string | null;
  text: string;
  startedAt: number;
  endedAt: number | null;
}

function spoken(page: Page): Promise<Spoken[]> {
  return page.evaluate(() => (window as unknown as { __yichuangVoice: { spoken: Spoken[] } }).__yichuangVoice.spoken);
}

/** The distinct calls spoken, in order (a call's repeats count once). */
async function spokenCalls(page: Page): Promise<string[]> {
  const texts = (await spoken(page)).filter((r) => r.what === 'speech').map((r) => r.text);
  return texts.filter((t, i) => texts[i - 1] !== t);
}

const say = (number: string, windowNumber: number): string => `请 ${number} 号 到 ${windowNumber} 号窗口 办理`;

async function takeTickets(x: { connect: Harness['connect'] }, services: string[]): Promise<void> {
  const k = await x.connect({ key: 'kiosk-2-secret' });
  for (const [i, serviceId] of services.entries()) {
    const r = await k.send('ticket:take', { requestId: `seed-${Date.now()}-${i}`, serviceId });
    if (!r.ok) throw new Error(JSON.stringify(r.error));
  }
}

/** An officer at a window, over REST. */
async function officer(x: Pick<Harness, 'api' | 'login'>, windowId: string) {
  const [id, pin] = OFFICER[windowId]!;
  const token = await x.login(id, pin);
  let n = 0;
  const cmd = async (what: string, body: Record<string, unknown> = {}): Promise<any> => {
    const res = await x.api(
      'POST',
      `/api/windows/${windowId}/${what}`,
      { requestId: `${windowId}-${what}-${++n}-${Date.now()}`, ...body },
      token,
    );
    if (res.status !== 200) throw new Error(`${windowId} ${what}: ${JSON.stringify(res.body)}`);
    return res.body;
  };
  await cmd('sign-in');
  return { token, cmd };
}

describe('hall display', () => {
  it('shows a call within a second, highlighted, and announces it repeat times after a chime', async () => {
    h = await startHub(displayHall());
    await takeTickets(h, ['id-card-renew', 'passport']);
    const page = await openDisplay(h.url);
    expect(new URL(page.url()).searchParams.get('key')).toBeNull();
    expect(await page.getByTestId('now-calling').innerText()).toContain('暂无叫号');
    const w3 = await officer(h, 'w3');

    const t0 = Date.now();
    const res = await w3.cmd('call-next');
    const number = res.ticket.number as string;
    const row = page.locator(`[data-testid="hero-call"][data-number="${number}"]`);
    await row.waitFor({ timeout: 1000 });
    expect(Date.now() - t0).toBeLessThan(1000);
    expect(await row.getAttribute('data-highlight')).toBe('true');
    expect(await row.innerText()).toMatch(/^A\d{3}\s*3\s*号窗口$/);
    expect(await page.getByTestId('window-w3').getAttribute('data-state')).toBe('calling');
    expect(await page.getByTestId('window-w3-ticket').innerText()).toBe(number);

    await expect.poll(async () => (await spoken(page)).length, { timeout: 8000 }).toBe(3);
    expect((await spoken(page)).map((r) => r.text)).toEqual(['chime', say(number, 3), say(number, 3)]);
    // The queue panel counts what is still waiting.
    expect(await page.getByTestId('queue-exit-entry').getAttribute('data-waiting')).toBe('1');
    // No citizen data on a public screen: only numbers and windows.
    expect(await page.locator('body').innerText()).not.toMatch(/警官/);
  });

  it('three simultaneous calls from three windows: all shown and all announced, in the order the hub made them', async () => {
    h = await startHub(displayHall());
    await takeTickets(h, ['id-card-renew', 'id-card-renew', 'passport', 'hukou-migration', 'no-criminal-record']);
    const page = await openDisplay(h.url);
    const officers = await Promise.all(
      ['w1', 'w2', 'w4'].map(async (w) => {
        const [id, pin] = OFFICER[w]!;
        const c = await h!.connect({ token: await h!.login(id, pin) });
        await c.send('window:sign-in', { requestId: `in-${w}`, windowId: w });
        return { w, c };
      }),
    );
    const observer = await h.connect({ key: 'kiosk-2-secret' });
    const order: string[] = [];
    observer.socket.on('hub:events', (events: EventEnvelope[]) => {
      for (const e of events) if (e.type === 'ticket:called') order.push(e.payload.ticketId);
    });

    const results = await Promise.all(
      officers.map(({ w, c }) => c.send('window:call-next', { requestId: `call-${w}`, windowId: w })),
    );
    const byId = new Map<string, { number: string; window: number }>();
    for (const r of results) {
      if (!r.ok || r.data.ticket === null) throw new Error(JSON.stringify(r));
      byId.set(r.data.ticket.id, { number: r.data.ticket.number, window: r.data.window.number });
    }
    await waitFor(() => order.length === 3, 2000, 'the three calls');
    const inOrder = order.map((id) => byId.get(id)!);

    // All three on screen at once, newest first.
    await expect
      .poll(() => page.getByTestId('hero-call').evaluateAll((els) => els.map((e) => e.getAttribute('data-number'))), {
        timeout: 1000,
      })
      .toEqual(inOrder.map((c) => c.number).reverse());

    // All three spoken, each twice, in seq order, never two at once.
    await expect
      .poll(() => spoken(page).then((l) => l.filter((r) => r.what === 'speech' && r.endedAt !== null).length), {
        timeout: 15_000,
      })
      .toBe(6);
    expect(await spokenCalls(page)).toEqual(inOrder.map((c) => say(c.number, c.window)));
    const log = await spoken(page);
    for (let i = 1; i < log.length; i++) expect(log[i]!.startedAt).toBeGreaterThanOrEqual(log[i - 1]!.endedAt!);
    await shot(page, 'display-04-three-calls');
    for (const { c } of officers) c.close();
  });

  it('pause shows 暂停服务, resume clears it; a recall is announced again; a new day clears the calls', async () => {
    h = await startHub(displayHall({ repeat: 1 }));
    await takeTickets(h, ['id-card-renew', 'id-card-renew']);
    const page = await openDisplay(h.url);
    const w2 = await officer(h, 'w2');
    await w2.cmd('pause', { reason: 'meal' });
    const panel = page.getByTestId('window-w2');
    await expect.poll(() => panel.getAttribute('data-state'), { timeout: 1000 }).toBe('paused');
    expect(await panel.innerText()).toContain('暂停服务');
    // Nobody signed in at an open window during hours: an empty post, 暂停服务 as on its LED screen.
    expect(await page.getByTestId('window-w8').getAttribute('data-state')).toBe('empty');
    expect(await page.getByTestId('window-w8').innerText()).toContain('暂停服务');
    await w2.cmd('resume');
    await expect.poll(() => panel.getAttribute('data-state'), { timeout: 1000 }).toBe('idle');
    expect(await panel.innerText()).toContain('空闲');

    const first = (await w2.cmd('call-next')).ticket.number as string;
    await expect.poll(() => spokenCalls(page), { timeout: 5000 }).toEqual([say(first, 2)]);
    await w2.cmd('recall');
    await expect
      .poll(() => spoken(page).then((l) => l.filter((r) => r.what === 'speech').length), { timeout: 5000 })
      .toBe(2);
    expect((await spoken(page)).filter((r) => r.what === 'chime')).toHaveLength(2);
    expect(await page.getByTestId('hero-call').count()).toBe(1);

    h.clock.now += DAY;
    await expect.poll(() => page.getByTestId('hero-call').count(), { timeout: 5000 }).toBe(0);
    expect(await page.getByTestId('now-calling').innerText()).toContain('暂无叫号');
  });

  it('a zone display shows and announces only its windows', async () => {
    h = await startHub(displayHall({ repeat: 1 }));
    await takeTickets(h, ['id-card-renew', 'passport', 'license-renewal']);
    const zone = await openDisplay(h.url, LANDSCAPE, '', 'display-east-secret');
    const byUrl = await openDisplay(h.url, LANDSCAPE, '&windows=w1');
    expect(await zone.locator('[data-testid^="window-w"][data-state]').count()).toBe(3);
    expect(await byUrl.locator('[data-testid^="window-w"][data-state]').count()).toBe(1);
    const w1 = await officer(h, 'w1');
    const w4 = await officer(h, 'w4');
    const a = (await w1.cmd('call-next')).ticket.number as string;
    const c = (await w4.cmd('call-next')).ticket.number as string;
    await expect.poll(() => spokenCalls(zone), { timeout: 5000 }).toEqual([say(c, 4)]);
    await expect.poll(() => spokenCalls(byUrl), { timeout: 5000 }).toEqual([say(a, 1)]);
    expect(await zone.getByTestId('hero-call').count()).toBe(1);
    // Only the queues its windows serve: w4 serves exit-entry; w5 and w6 vehicles.
    expect(
      await zone
        .locator('[data-testid^="queue-"][data-waiting]')
        .evaluateAll((els) => els.map((e) => e.dataset.testid)),
    ).toEqual(['queue-exit-entry', 'queue-vehicle']);
  });

  it('the hub is killed (SIGKILL) and restarted on the same port: the page marks the outage and catches up without a reload', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'yichuang-display-'));
    dirs.push(dir);
    const config = join(dir, 'hall.json');
    writeFileSync(config, JSON.stringify(displayHall({ repeat: 1 })));
    const data = join(dir, 'data');
    proc = await spawnHub({ config, data, bundle: true });
    const url = proc.url;
    const port = Number(new URL(url).port);
    const api = hubApi(url);
    await withKiosk(url, ['id-card-renew', 'id-card-renew', 'id-card-renew', 'passport']);

    const page = await openDisplay(url);
    await page.evaluate(() => ((window as unknown as { loadMark: number }).loadMark = 42));
    const w2 = await officer(api, 'w2');
    const first = (await w2.cmd('call-next')).ticket.number as string;
    await page.locator(`[data-testid="hero-call"][data-number="${first}"]`).waitFor({ timeout: 1000 });

    proc.child.kill('SIGKILL');
    await proc.exited;
    await page.getByTestId('link-lost').waitFor({ timeout: 9000 });
    await shot(page, 'display-05-connection-lost');

    proc = await spawnHub({ config, data, port, bundle: true });
    // A call made right after the restart, perhaps before the display is back: announced either way.
    await w2.cmd('no-show');
    const second = (await w2.cmd('call-next')).ticket.number as string;
    await page.locator(`[data-testid="hero-call"][data-number="${second}"]`).waitFor({ timeout: 15_000 });
    await page.getByTestId('link-lost').waitFor({ state: 'detached', timeout: 5000 });
    expect(await page.evaluate(() => (window as unknown as { loadMark?: number }).loadMark)).toBe(42);
    await expect.poll(() => spokenCalls(page), { timeout: 8000 }).toEqual([say(first, 2), say(second, 2)]);

    // And it follows live events again.
    const w3 = await officer(api, 'w3');
    const third = (await w3.cmd('call-next')).ticket.number as string;
    await page.locator(`[data-testid="hero-call"][data-number="${third}"]`).waitFor({ timeout: 1000 });
  });

  it('the clip engine loads the shipped clips and schedules a call clip by clip', async () => {
    h = await startHub(displayHall({ repeat: 1 }));
    await takeTickets(h, ['id-card-renew']);
    const context = await browser.newContext({ viewport: LANDSCAPE });
    contexts.push(context);
    const page = await context.newPage();
    await page.goto(`${h.url}/display/?key=display-1-secret&voice=clips`);
    await expect
      .poll(() => page.locator('[data-screen="display"]').getAttribute('data-voice'), { timeout: 10_000 })
      .toBe('clips');
    // Headless Chromium blocks autoplay: the page offers one click to turn sound on.
    const w3 = await officer(h, 'w3');
    const number = (await w3.cmd('call-next')).ticket.number as string;
    expect(number).toBe('A001');
    await expect
      .poll(
        () =>
          page.evaluate(() => (window as unknown as { __yichuangVoice: { clips: string[][] } }).__yichuangVoice.clips),
        {
          timeout: 8000,
        },
      )
      .toEqual([['qing', 'A', '0', '0', '1', 'hao', 'dao', '3', 'hao-chuangkou', 'banli']]);
    expect(await page.getByTestId('enable-sound').count()).toBe(0);
  });

  it('where the browser blocks autoplay, one click anywhere turns sound on', async () => {
    h = await startHub(displayHall());
    const context = await browser.newContext({ viewport: LANDSCAPE });
    contexts.push(context);
    // Headless Chromium never blocks autoplay (and counts the page as user-activated), so play a
    // browser that does: the audio context stays suspended until resume() is called within a click.
    await context.addInitScript(() => {
      let clicking = false;
      window.addEventListener(
        'click',
        () => {
          clicking = true;
          setTimeout(() => (clicking = false), 0);
        },
        true,
      );
      const Real = window.AudioContext;
      window.AudioContext = class extends Real {
        private allowed = false;
        override get state(): AudioContextState {
          return this.allowed ? super.state : 'suspended';
        }
        override resume(): Promise<void> {
          if (!clicking) return new Promise<void>(() => undefined);
          this.allowed = true;
          return super.resume().then(() => void this.dispatchEvent(new Event('statechange')));
        }
      };
    });
    const page = await context.newPage();
    await page.goto(`${h.url}/display/?key=display-1-secret&voice=clips`);
    const enable = page.getByTestId('enable-sound');
    await enable.waitFor({ timeout: 10_000 });
    expect(await enable.innerText()).toContain('启用语音叫号');
    await shot(page, 'display-06-enable-sound');
    // Anywhere on the screen, not only on the notice.
    await page.mouse.click(400, 500);
    await enable.waitFor({ state: 'detached', timeout: 3000 });
  });
});

/** The numbers in the big area, newest first. */
const heroNumbers = (page: Page): Promise<(string | null)[]> =>
  page.getByTestId('hero-call').evaluateAll((els) => els.map((e) => e.getAttribute('data-number')));
const recentNumbers = (page: Page): Promise<(string | null)[]> =>
  page.getByTestId('recent-call').evaluateAll((els) => els.map((e) => e.getAttribute('data-number')));

describe('what the display says', () => {
  it('calls only tickets still called: finished, no-show, transferred, started and paused-after tickets leave at once for 最近呼叫', async () => {
    h = await startHub(displayHall({ repeat: 1 }));
    await takeTickets(h, [
      'passport',
      'passport',
      'traffic-violation-query',
      'id-card-renew',
      'id-card-renew',
      'id-card-renew',
    ]);
    const page = await openDisplay(h.url);
    const [w2, w3, w4, w7] = await Promise.all(['w2', 'w3', 'w4', 'w7'].map((w) => officer(h!, w)));

    const c001 = (await w4!.cmd('call-next')).ticket.number as string;
    const f001 = (await w7!.cmd('call-next')).ticket.number as string;
    const a001 = (await w2!.cmd('call-next')).ticket.number as string;
    const a002 = (await w3!.cmd('call-next')).ticket.number as string;
    expect([c001, f001, a001, a002]).toEqual(['C001', 'F001', 'A001', 'A002']);
    // Four standing calls: three in the big area, the oldest leads 最近呼叫 in gold.
    await expect.poll(() => heroNumbers(page), { timeout: 2000 }).toEqual(['A002', 'A001', 'F001']);
    expect(await recentNumbers(page)).toEqual(['C001']);
    expect(await page.locator('[data-testid="recent-call"][data-number="C001"]').getAttribute('data-calling')).toBe(
      'true',
    );
    await shot(page, 'display-07-standing-calls');

    // 4号窗口 finishes C001 and 7号窗口 marks F001 as a no-show: both leave the big area at once.
    await w4!.cmd('start');
    await w4!.cmd('finish');
    await w7!.cmd('no-show');
    await expect.poll(() => heroNumbers(page), { timeout: 1000 }).toEqual(['A002', 'A001']);
    expect(await page.getByTestId('window-w4').getAttribute('data-state')).toBe('idle');
    expect(await page.getByTestId('window-w7').getAttribute('data-state')).toBe('idle');
    expect(await recentNumbers(page)).toEqual(['F001', 'C001']);

    // 2号窗口 transfers A001 to 出入境: it waits again, it is no longer called.
    const a001Id = (await h.api('GET', '/api/hall', undefined, w2!.token)).body.windows.find(
      (w: { id: string }) => w.id === 'w2',
    ).ticket.id as string;
    const moved = await h.api('POST', `/api/tickets/${a001Id}/transfer`, { toQueueId: 'exit-entry' }, w2!.token);
    expect(moved.status).toBe(200);
    await expect.poll(() => heroNumbers(page), { timeout: 1000 }).toEqual(['A002']);

    // 3号窗口: the citizen comes (started: no longer called), is served, and the window pauses.
    await w3!.cmd('start');
    await expect.poll(() => heroNumbers(page), { timeout: 1000 }).toEqual([]);
    await w3!.cmd('finish');
    await w3!.cmd('pause', { reason: 'other' });
    await expect.poll(() => page.getByTestId('window-w3').getAttribute('data-state'), { timeout: 1000 }).toBe('paused');
    expect(await heroNumbers(page)).toEqual([]);
    expect(await page.getByTestId('now-calling').innerText()).toContain('暂无叫号');
    expect(await recentNumbers(page)).toEqual(['A002', 'A001', 'F001', 'C001']);
    expect(await page.locator('[data-testid="recent-call"][data-calling="true"]').count()).toBe(0);

    // A new call is in the big area again, and announced.
    const next = (await w4!.cmd('call-next')).ticket.number as string;
    await expect.poll(() => heroNumbers(page), { timeout: 1000 }).toEqual([next]);
    await expect.poll(() => spokenCalls(page), { timeout: 8000 }).toContain(say(next, 4));
    await shot(page, 'display-08-done-calls-gone');
  });

  it('estimates from the staffed windows, 暂无窗口办理 without one; 暂停服务 for an empty post in hours', async () => {
    h = await startHub(displayHall({ realHours: true })); // Monday 10:00
    await takeTickets(h, ['passport', 'passport', 'passport', 'vehicle-registration']);
    const page = await openDisplay(h.url);
    const wait = (q: string): Promise<string> => page.getByTestId(`queue-${q}-wait`).innerText();
    // Nobody signed in yet: nobody serves 出入境 or 车驾管.
    expect(await wait('exit-entry')).toBe('暂无窗口办理');
    expect(await page.getByTestId('queue-exit-entry').getAttribute('data-unstaffed')).toBe('true');
    expect(await page.getByTestId('window-w4').innerText()).toContain('暂停服务');
    // 4号窗口 opens for 出入境: 3 waiting at one window of 5 minutes (the demo default).
    await officer(h, 'w4');
    await expect.poll(() => wait('exit-entry'), { timeout: 1000 }).toBe('预计 15 分钟');
    expect(await wait('vehicle')).toBe('暂无窗口办理');
    expect(await wait('hukou')).toBe('暂无窗口办理');
    // The estimate is as large as the queue's name: read from across the hall.
    const [nameSize, waitSize] = await page
      .getByTestId('queue-exit-entry')
      .evaluate((el) =>
        ['.q__name', '.q__wait'].map((s) => parseFloat(getComputedStyle(el.querySelector(s)!).fontSize)),
      );
    expect(waitSize).toBeGreaterThanOrEqual(28);
    expect(waitSize).toBeGreaterThanOrEqual(nameSize! * 0.9);
    await shot(page, 'display-09-estimates');
  });

  it('outside hours: empty windows 未开放, and the big area shows the opening hours and the next opening', async () => {
    const MONDAY_6PM = Date.UTC(2026, 10, 23, 10, 0);
    h = await startHub(displayHall({ realHours: true }), MONDAY_6PM);
    for (const [size, name] of [
      [LANDSCAPE, 'display-10-closed-landscape'],
      [PORTRAIT, 'display-11-closed-portrait'],
      [{ width: 1366, height: 768 }, 'display-12-closed-1366'],
    ] as const) {
      const page = await openDisplay(h.url, size);
      await expect.poll(() => page.locator('[data-screen="display"]').getAttribute('data-phase')).toBe('closed');
      const closed = page.getByTestId('hall-closed');
      expect(await closed.innerText()).toContain('今日办理已结束');
      expect(await page.getByTestId('hall-next-open').innerText()).toBe('下次办理：11月24日 周二 09:00');
      expect(await closed.innerText()).toMatch(/周一至周五\s*09:00–17:00/);
      expect(await closed.innerText()).toMatch(/周六\s*09:00–12:00/);
      expect(await closed.innerText()).toMatch(/周日\s*不办公/);
      expect(await page.getByTestId('window-w1').getAttribute('data-state')).toBe('closed');
      expect(await page.getByTestId('window-w1').innerText()).toContain('未开放');
      expect(await page.getByTestId('queue-exit-entry-wait').innerText()).toBe('未开放');
      await shot(page, name);
    }
  });
});

describe('hall display screenshots', () => {
  it('landscape, portrait and English: several calls, a paused window, a closed one, a long notice line', async () => {
    h = await startHub(
      displayHall({ notices: [LONG_NOTICE, '本大厅提供免费复印、饮水、老花镜、轮椅等便民服务'], closed: ['w8'] }),
    );
    await takeTickets(h, [
      ...Array<string>(9).fill('id-card-renew'),
      ...Array<string>(5).fill('hukou-migration'),
      ...Array<string>(6).fill('passport'),
      ...Array<string>(4).fill('license-renewal'),
      ...Array<string>(3).fill('no-criminal-record'),
    ]);
    await dressHall(h);
    for (const [size, name] of [
      [LANDSCAPE, 'display-01-landscape'],
      [PORTRAIT, 'display-02-portrait'],
    ] as const) {
      const page = await openDisplay(h.url, size);
      await expect.poll(() => page.getByTestId('recent-call').count()).toBeGreaterThan(2);
      expect(await page.getByTestId('window-w5').innerText()).toContain('暂停服务');
      expect(await page.getByTestId('window-w8').innerText()).toContain('未开放');
      expect(await page.getByTestId('notice-line').innerText()).toContain('咨询电话：023-00000000');
      expect(await page.locator('.stage').getAttribute('data-orientation')).toBe(
        size === LANDSCAPE ? 'landscape' : 'portrait',
      );
      // A new call, so the newest is highlighted in the picture.
      await page.waitForTimeout(300);
      await shot(page, name);
    }
    await h.close();

    h = await startHub(displayHall({ english: true, closed: ['w8'] }));
    await takeTickets(h, [...Array<string>(6).fill('id-card-renew'), ...Array<string>(3).fill('passport')]);
    await dressHall(h);
    const page = await openDisplay(h.url, LANDSCAPE);
    expect(await page.getByTestId('now-calling').innerText()).toContain('Now calling');
    await shot(page, 'display-03-english');
  });
});

/** A morning in the hall: calls at most windows, one serving, one paused, one idle, one unstaffed. */
async function dressHall(x: Harness): Promise<void> {
  const w = Object.fromEntries(
    await Promise.all(['w1', 'w2', 'w3', 'w4', 'w5', 'w6'].map(async (id) => [id, await officer(x, id)] as const)),
  );
  for (const id of ['w1', 'w2', 'w3', 'w4']) {
    await w[id]!.cmd('call-next');
    await w[id]!.cmd('start');
    x.clock.now += 6 * 60_000; // real service times, so the estimates are real too
    await w[id]!.cmd('finish');
  }
  await w.w5!.cmd('pause', { reason: 'meeting' });
  // Calls a few seconds apart, as in a hall: the screen orders them by the time they were made.
  for (const [id, then] of [
    ['w2', 'start'],
    ['w4', null],
    ['w3', null],
    ['w1', null],
  ] as const) {
    x.clock.now += 20_000;
    await w[id]!.cmd('call-next');
    if (then !== null) await w[id]!.cmd(then);
  }
  await w.w6!.cmd('sign-out');
}

/** REST and login against a spawned hub (no harness). */
function hubApi(url: string): Pick<Harness, 'api' | 'login'> {
  const api: Harness['api'] = async (method, path, body, bearer) => {
    const headers: Record<string, string> = {};
    if (bearer !== undefined) headers.authorization = `Bearer ${bearer}`;
    if (body !== undefined) headers['content-type'] = 'application/json';
    const res = await fetch(url + path, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await res.text();
    return { status: res.status, body: text === '' ? null : JSON.parse(text) };
  };
  return {
    api,
    login: async (officerId, pin) => {
      const res = await api('POST', '/api/auth/login', { officerId, pin });
      if (res.status !== 200) throw new Error(`login ${officerId}: ${JSON.stringify(res.body)}`);
      return (res.body as { token: string }).token;
    },
  };
}

async function withKiosk(url: string, services: string[]): Promise<void> {
  const c = new HubConnection({ url, key: 'kiosk-2-secret', socketOptions: { transports: ['websocket'] } });
  try {
    await waitFor(() => c.connected && c.mirror.ready, 5000, 'kiosk connect');
    await takeTickets({ connect: () => Promise.resolve(c) }, services);
  } finally {
    c.close();
  }
}
