/**
 * npm run soak [-- --tickets 5000 --windows 40 --kills 3 --seconds 180 --seed 1]
 * A hall day against the real hub process with SIGKILLs, then every check, as a table.
 */
import { rmSync } from 'node:fs';
import { cpus } from 'node:os';
import { parseArgs } from 'node:util';
import { liveChecks, storeChecks, type Check } from './soak-checks.ts';
import { playSoakDay, type SoakOptions } from './soak-day.ts';

export async function runSoak(o: SoakOptions): Promise<{ checks: Check[]; summary: string }> {
  const run = await playSoakDay(o);
  try {
    const checks = [...(await liveChecks(run))];
    await run.stop();
    checks.push(...(await storeChecks(run)));
    const t = run.tally;
    const lines = [
      `soak day: ${o.tickets} tickets, ${o.windows} windows, ${run.displays.length} displays, ${run.kills.length} SIGKILLs at ${run.kills.map((k) => `${(k / 1000).toFixed(1)} s`).join(', ')}`,
      `played in ${run.durationS.toFixed(1)} s on ${cpus().length} CPUs (${cpus()[0]?.model ?? '?'}); ${run.retries} requests retried through the crashes`,
      `issued ${t.issued.size} · served ${t.served.size} · no-show ${t.noShows.size} · transferred ${t.transfers} · rated ${t.ratings.length} · notices ${t.notices.length} · pauses ${t.pauses} · A/B handovers ${t.handovers}`,
      '',
      table(checks),
    ];
    return { checks, summary: lines.join('\n') };
  } finally {
    rmSync(run.dir, { recursive: true, force: true });
  }
}

function table(checks: Check[]): string {
  const w = (s: string): number => [...s].reduce((n, ch) => n + (/[\u3000-\u9fff\uff00-\uffef]/.test(ch) ? 2 : 1), 0);
  const pad = (s: string, n: number): string => s + ' '.repeat(Math.max(0, n - w(s)));
  const c1 = Math.max(5, ...checks.map((c) => w(c.check)));
  const c2 = Math.max(8, ...checks.map((c) => w(c.expected)));
  const c3 = Math.max(6, ...checks.map((c) => w(c.actual)));
  const line = (a: string, b: string, c: string, d: string): string =>
    `| ${pad(a, c1)} | ${pad(b, c2)} | ${pad(c, c3)} | ${pad(d, 4)} |`;
  return [
    line('check', 'expected', 'actual', ''),
    `|${'-'.repeat(c1 + 2)}|${'-'.repeat(c2 + 2)}|${'-'.repeat(c3 + 2)}|------|`,
    ...checks.map((c) => line(c.check, c.expected, c.actual, c.ok ? 'ok' : 'FAIL')),
  ].join('\n');
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { values } = parseArgs({
    options: {
      tickets: { type: 'string', default: '5000' },
      windows: { type: 'string', default: '40' },
      kills: { type: 'string', default: '3' },
      seconds: { type: 'string', default: '180' },
      seed: { type: 'string', default: String(Date.now() % 100_000) },
    },
  });
  const o = {
    tickets: Number(values.tickets),
    windows: Number(values.windows),
    kills: Number(values.kills),
    seconds: Number(values.seconds),
    seed: Number(values.seed),
    log: (l: string) => console.log(l),
  };
  console.log(`seed ${o.seed}`);
  const { checks, summary } = await runSoak(o);
  console.log(summary);
  process.exit(checks.every((c) => c.ok) ? 0 : 1);
}
