import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { HubConnection } from '@yichuang/client';
import { spawnHub, type HubProcess } from '../support/hub-process.ts';
import { SoakClient } from './soak-client.ts';
import { DISPLAY_KEY, fakeIdCard, fakeName, KIOSKS, raterKey, soakHall } from './soak-hall.ts';
import type { Tally } from './soak-tally.ts';
import { emptyTally } from './soak-tally.ts';

export interface SoakOptions {
  tickets: number;
  windows: number;
  kills: number;
  /** How long the kiosks take to issue all tickets, in seconds. */
  seconds: number;
  seed: number;
  displays?: number;
  log?: (line: string) => void;
}

export interface SoakRun {
  dir: string;
  dataDir: string;
  configFile: string;
  url: string;
  tally: Tally;
  displays: HubConnection[];
  /** Everything every hub process printed. */
  hubOutput: string[];
  /** Every event payload the displays received, as JSON (for the personal-data scan). */
  displayTraffic: string[];
  kills: number[];
  durationS: number;
  retries: number;
  stop: () => Promise<void>;
}

/** A seeded PRNG (mulberry32): the day's choices repeat for a seed; the crash moments too. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

/**
 * A hall day played by real clients against a real hub process: kiosks issue tickets (green channel,
 * appointments, ID cards), every window calls, recalls, marks no-shows, transfers, pauses, issues
 * notices, gets rated, and some hand over to their B officer and back; displays stay connected. The
 * hub is killed with SIGKILL at random moments and started again on the same port. The clients keep
 * their own tally from the hub's answers.
 */
export async function playSoakDay(o: SoakOptions): Promise<SoakRun> {
  const log = o.log ?? (() => undefined);
  const rnd = prng(o.seed);
  const dir = mkdtempSync(join(tmpdir(), 'yichuang-soak-'));
  const configFile = join(dir, 'hall.json');
  const dataDir = join(dir, 'data');
  writeFileSync(configFile, JSON.stringify(soakHall(o.windows)));
  const hubOutput: string[] = [];
  let hub: HubProcess = await spawnHub({ config: configFile, data: dataDir, bundle: true });
  const port = Number(new URL(hub.url).port);
  const url = hub.url;
  const client = new SoakClient(() => url);
  const tally = emptyTally();
  const started = performance.now();

  // Staff sign in: every post's A officer; tokens are stored by the hub and survive its restarts.
  const tokens = new Map<string, string>();
  for (let i = 1; i <= o.windows; i++)
    for (const id of [`a${i}`, `b${i}`]) {
      const res = await client.send('POST', '/api/auth/login', {
        officerId: id,
        pin: id.startsWith('a') ? '1234' : '5678',
      });
      tokens.set(id, res.body.token as string);
    }
  const manager = (await client.send('POST', '/api/auth/login', { officerId: 'm1', pin: '9999' })).body.token as string;
  for (let i = 1; i <= o.windows; i++) await client.send('POST', `/api/windows/w${i}/sign-in`, {}, tokens.get(`a${i}`));

  // Appointments booked for now, checked in at the kiosks later.
  const day = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Asia/Shanghai' }).format(Date.now());
  const appointments: string[] = [];
  for (let i = 0; i < Math.max(2, Math.round(o.tickets * 0.02)); i++) {
    const code = `SOAK${String(i).padStart(4, '0')}`;
    const res = await client.send(
      'POST',
      '/api/appointments',
      {
        requestId: `book-${code}`,
        code,
        serviceId: i % 2 === 0 ? 'cert' : 'idcard',
        day,
        start: '00:00',
        end: '23:59',
      },
      manager,
    );
    if (res.status === 201) appointments.push(code);
  }

  const displayTraffic: string[] = [];
  const displays = Array.from({ length: o.displays ?? 3 }, () => {
    const c = new HubConnection({ url, key: DISPLAY_KEY, socketOptions: { transports: ['websocket'] } });
    c.socket.on('hub:events', (events) => displayTraffic.push(JSON.stringify(events)));
    c.socket.on('hub:snapshot', (s) => displayTraffic.push(JSON.stringify(s.state.tickets)));
    return c;
  });

  let issuing = true;
  let serving = true;
  const kiosk = async (key: string, k: number): Promise<void> => {
    const share = o.tickets / KIOSKS.length;
    const gap = (o.seconds * 1000) / share;
    for (let i = 0; i < share; i++) {
      const requestId = `k${k}-${i}`;
      const r = rnd();
      const body: Record<string, unknown> = { requestId, serviceId: r < 0.6 ? 'cert' : 'idcard' };
      if (r > 0.85) body.green = 'elderly';
      if (r > 0.4 && r < 0.45) body.idCard = fakeIdCard(k * 100_000 + i);
      const code = r < 0.03 ? appointments.pop() : undefined;
      if (code !== undefined) {
        delete body.serviceId;
        body.appointmentCode = code;
      }
      const res = await client.send('POST', '/api/tickets', body, key);
      if (res.status === 201) tally.issue(res.body);
      else tally.refused(`ticket ${res.body.error.code}`);
      await sleep(gap * (0.5 + rnd()));
    }
  };

  const window = async (i: number): Promise<void> => {
    const w = `w${i}`;
    let holder = `a${i}`;
    let n = 0;
    const act = (verb: string, body: Record<string, unknown> = {}) =>
      client.send(
        'POST',
        `/api/windows/${w}/${verb}`,
        { requestId: `${w}-${verb}-${n++}`, ...body },
        tokens.get(holder),
      );
    // A few posts hand over to their B officer for a while (AB角), then take the post back.
    const handoverAt = i % 5 === 2 ? 10 + Math.floor(rnd() * 20) : -1;
    let served = 0;
    while (serving) {
      const called = await act('call-next');
      const t = called.body.ticket as { id: string; number: string; serviceId: string } | null;
      if (called.status !== 200 || t === null) {
        if (!issuing && called.status === 200) {
          const hall = (await client.send('GET', '/api/hall', undefined, tokens.get(holder))).body;
          if (hall.queues.every((q: { waiting: number }) => q.waiting === 0)) break;
        }
        await sleep(60 + rnd() * 120);
        continue;
      }
      tally.call(t.id, w);
      const r = rnd();
      if (r < 0.05) await act('recall');
      if (r < 0.08) {
        if ((await act('no-show')).status === 200) tally.noShow(t.id);
        continue;
      }
      if (r < 0.13) {
        const res = await client.send(
          'POST',
          `/api/tickets/${t.id}/transfer`,
          { requestId: `${w}-tr-${n++}`, toQueueId: rnd() < 0.5 ? 'long' : 'quick', note: '转办' },
          tokens.get(holder),
        );
        if (res.status === 200) tally.transfer(t.id);
        else if ((await act('finish')).status === 200) tally.serve(t.id, holder);
        continue;
      }
      await act('start');
      await sleep(30 + rnd() * 150);
      if (rnd() < 0.04) {
        const res = await client.send(
          'POST',
          '/api/notices',
          {
            requestId: `${w}-notice-${n++}`,
            ticketId: t.id,
            citizenName: fakeName(i * 1000 + n),
            serviceId: t.serviceId,
            missing: ['居民身份证', '近期免冠照片一张'],
          },
          tokens.get(holder),
        );
        if (res.status === 201) tally.notices.push(res.body.citizenName as string);
      }
      if ((await act('finish')).status === 200) tally.serve(t.id, holder);
      served++;
      if (rnd() < 0.5) {
        const level = [5, 5, 5, 4, 4, 3, 2, 1][Math.floor(rnd() * 8)]!;
        const body = {
          requestId: `${w}-rate-${n++}`,
          ticketId: t.id,
          level,
          ...(level <= 2 ? { reason: 'waited-long' } : {}),
        };
        // The citizen rates on the window's 好差评 screen: officers may not rate.
        const res = await client.send('POST', '/api/ratings', body, raterKey(i));
        if (res.status === 201) tally.rate(level);
      }
      if (rnd() < 0.015) {
        const reason = (['meeting', 'meal', 'other'] as const)[Math.floor(rnd() * 3)]!;
        if ((await act('pause', { reason })).status === 200) {
          tally.pauses++;
          await sleep(200 + rnd() * 400);
          await act('resume');
        }
      }
      if (served === handoverAt) {
        // A leaves (离岗), B takes the post, serves a while, A comes back and takes it again.
        await act('pause', { reason: 'away', note: 'soak' });
        holder = `b${i}`;
        await act('sign-in');
        tally.handovers++;
        await sleep(300);
      } else if (holder.startsWith('b') && served === handoverAt + 8) {
        holder = `a${i}`;
        await act('sign-in');
        tally.handovers++;
      }
    }
  };

  const kills: number[] = [];
  const killer = async (): Promise<void> => {
    const moments = Array.from({ length: o.kills }, () => 0.15 + rnd() * 0.7)
      .sort()
      .map((f) => f * o.seconds * 1000);
    for (const at of moments) {
      await sleep(Math.max(0, at - (performance.now() - started)));
      hubOutput.push(hub.output());
      hub.child.kill('SIGKILL');
      await hub.exited;
      kills.push(Math.round(performance.now() - started));
      log(`  killed the hub (SIGKILL) at ${(kills.at(-1)! / 1000).toFixed(1)} s`);
      hub = await spawnHub({ config: configFile, data: dataDir, bundle: true, port });
    }
  };

  const windows = Array.from({ length: o.windows }, (_, i) => window(i + 1));
  await Promise.all([killer(), ...KIOSKS.map((key, k) => kiosk(key, k))]);
  issuing = false;
  log(`  kiosks done: ${tally.issued.size} tickets; windows serving the rest`);
  const drain = setTimeout(() => (serving = false), 120_000);
  await Promise.all(windows);
  clearTimeout(drain);
  serving = false;

  return {
    dir,
    dataDir,
    configFile,
    url,
    tally,
    displays,
    hubOutput,
    displayTraffic,
    kills,
    durationS: (performance.now() - started) / 1000,
    retries: client.retries,
    stop: async () => {
      for (const d of displays) d.close();
      hubOutput.push(hub.output());
      hub.child.kill('SIGTERM');
      await hub.exited;
    },
  };
}
