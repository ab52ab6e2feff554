/**
 * Hub performance bench (npm run bench): the real hub CLI as a child process, clients in this process,
 * 127.0.0.1 only. Socket scenarios A–C with 204 clients (kiosk, 100 counters, 100 displays, 2 manager
 * consoles, a rating screen), REST scenarios D–E with 40 windows signed in, a 5,000-ticket day, and raw
 * durable SQLite transactions; with --fsync-delay-ms N, D–E again with the hub's fsyncs delayed by strace
 * (see slow-disk.ts). Prints a markdown table of metric | value | target | pass/fail.
 * It is a report: the exit code is 0 even when a target fails (1 if the bench itself broke, 2 on a bad
 * option).
 */
import { rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import {
  connect,
  connectCounters,
  connectDisplays,
  connectOthers,
  issueTickets,
  type BenchClient,
} from './bench-clients.ts';
import { hubComplaints, startBenchHub, stopAllHubs, type BenchHub } from './bench-hub.ts';
import { parseBenchOptions, USAGE, UsageError, type BenchOptions } from './bench-options.ts';
import { max, mb, ms, percentile, perSecond } from './percentiles.ts';
import { CpuMeter, cpuText, memoryOf } from './proc-stats.ts';
import { rawSqliteTxPerSecond, type RawResult } from './raw-sqlite.ts';
import { atMost, errorText, info, machineInfo, markdownTable, type Row } from './report.ts';
import { prepareRestHall } from './rest-hall.ts';
import { REST_TICKETS, REST_WINDOWS, restNotes, restRows, runRestScenarios, slowShareRow } from './rest-section.ts';
import { burst, drainAll, saturation, steadyCalls } from './scenarios.ts';
import { checkStrace, rawSqliteUnderStrace, straceArgs } from './slow-disk.ts';

const WINDOWS = 100;
const DISPLAYS = 100;
const PRE_ISSUED = 6000;
const DAY_WINDOWS = 40;
const DAY_TICKETS = 5000;
const WATCHDOG_MS = 8 * 60_000;
const SLOW_DISK_WATCHDOG_MS = 4 * 60_000;

const rows: Row[] = [];
const notes: string[] = [];
let clients: BenchClient[] = [];
/** Temp dirs of prepared halls, removed by cleanup if the bench breaks. */
const dirs: string[] = [];

/** strace's options as the notes print them (its output goes to /dev/null). */
const straceLine = (delayMs: number): string => straceArgs(delayMs).join(' ');

const settle = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));
const log = (line: string): void => console.log(`[bench ${(performance.now() / 1000).toFixed(1)}s] ${line}`);

function closeClients(): void {
  for (const c of clients) c.close();
  clients = [];
}

async function stopHub(h: BenchHub): Promise<void> {
  const complaints = hubComplaints(h);
  if (complaints.length > 0)
    notes.push(`hub on port ${new URL(h.url).port} printed: ${complaints.slice(0, 5).join(' | ')}`);
  await h.stop();
}

async function hallUnderLoad(): Promise<{ commandsPerSec: number }> {
  const h = await startBenchHub(WINDOWS);
  log(`hub 1 (${WINDOWS} windows) pid ${h.pid} at ${h.url}, started in ${h.startMs.toFixed(0)} ms`);
  const kiosk = await connect(h.url, { key: 'kiosk-1-secret' }, 'kiosk');
  clients.push(kiosk);
  let t = performance.now();
  const counters = await connectCounters(h.url, WINDOWS);
  clients.push(...counters);
  log(`${counters.length} counters logged in, connected, signed in: ${(performance.now() - t).toFixed(0)} ms`);
  t = performance.now();
  const displays = await connectDisplays(h.url, DISPLAYS);
  clients.push(...displays);
  log(`${displays.length} displays connected: ${(performance.now() - t).toFixed(0)} ms`);
  // Every app a hall runs: the kiosk, counters, displays, manager consoles, a rating screen.
  const others = await connectOthers(h.url);
  clients.push(...others);
  const everyone = [...counters, ...displays, ...others];
  const n = everyone.length;

  t = performance.now();
  const issue = await issueTickets(kiosk, PRE_ISSUED, () => 'cert');
  const issueSec = (performance.now() - t) / 1000;
  log(`issued ${issue.issued} tickets in ${issueSec.toFixed(1)} s (errors: ${errorText(issue.errors)})`);
  notes.push(
    `pre-issue: ${issue.issued} ticket:take in batches of 200 with ${everyone.length + 1} clients connected: ` +
      `${perSecond(issue.issued / issueSec)} (errors: ${errorText(issue.errors)})`,
  );
  await settle(1000);

  let cpu = new CpuMeter(h.pid);
  const a = await steadyCalls(counters, everyone, 30, 10);
  log(`A: ${a.calls} calls at ${a.achievedPerSec.toFixed(1)}/s; ${cpuText(cpu)}`);
  rows.push(info('A: calls made (at 30/s for 10 s)', `${a.calls} at ${a.achievedPerSec.toFixed(1)}/s`));
  rows.push(info('A: call-next ack p50', ms(percentile(a.ack, 50))));
  rows.push(atMost('A: call-next ack p99', percentile(a.ack, 99), 30, ms));
  rows.push(info('A: call-next ack max', ms(max(a.ack))));
  rows.push(info(`A: received by all ${n} p50`, ms(percentile(a.all, 50))));
  rows.push(atMost(`A: received by all ${n} p99`, a.missing > 0 ? Number.NaN : percentile(a.all, 99), 50, ms));
  notes.push(
    `A: ${cpuText(cpu)}; errors ${errorText(a.errors)}; empty queue ${a.empty}; calls not received by all ${n}: ${a.missing}`,
  );
  await settle(1000);

  cpu = new CpuMeter(h.pid);
  const b = await burst(counters, everyone);
  log(`B: ${b.calls} calls, all acked in ${b.allAckedMs.toFixed(1)} ms; ${cpuText(cpu)}`);
  rows.push(atMost(`B: burst of ${counters.length}, all acked`, b.allAckedMs, 300, ms));
  rows.push(info('B: burst ack p99', ms(b.ackP99)));
  rows.push(info(`B: burst, all ${n} clients have all calls`, ms(b.allReceivedMs)));
  notes.push(
    `B: ${b.calls} tickets called; errors ${errorText(b.errors)}; calls not received by all ${n}: ${b.missing}`,
  );
  await settle(1000);

  cpu = new CpuMeter(h.pid);
  const c = await saturation(counters, 5);
  log(`C: ${c.callNexts} call-nexts + ${c.finishes} finishes in ${c.seconds.toFixed(1)} s; ${cpuText(cpu)}`);
  rows.push(info('C: saturation call-next/s', perSecond(c.callsPerSec)));
  rows.push(info('C: saturation commands/s (incl. finish)', perSecond(c.commandsPerSec)));
  rows.push(info('C: saturation call-next ack p50 / p99', `${ms(c.ackP50)} / ${ms(c.ackP99)}`));
  notes.push(
    `C: ${c.callNexts} call-nexts + ${c.finishes} finishes in ${c.seconds.toFixed(2)} s; ${cpuText(cpu)}; ` +
      `counters that ran dry: ${c.ranDry}; errors ${errorText(c.errors)}`,
  );
  const mem = memoryOf(h.pid);
  rows.push(info(`hub 1 RSS after A–C (${n + 1} clients)`, `${mb(mem.rss)} (peak ${mb(mem.hwm)})`));

  closeClients();
  await stopHub(h);
  return { commandsPerSec: c.commandsPerSec };
}

async function dayOfTickets(): Promise<void> {
  const h = await startBenchHub(DAY_WINDOWS);
  log(`hub 2 (${DAY_WINDOWS} windows) pid ${h.pid}, fresh data dir`);
  await settle(1000);
  const idle = memoryOf(h.pid);
  rows.push(info(`hub RSS idle after start (${DAY_WINDOWS} windows, no clients)`, mb(idle.rss)));
  const kiosk = await connect(h.url, { key: 'kiosk-1-secret' }, 'kiosk');
  clients.push(kiosk);
  const counters = await connectCounters(h.url, DAY_WINDOWS);
  clients.push(...counters);
  // The day with its screens: three displays, two manager consoles, a rating screen.
  clients.push(...(await connectDisplays(h.url, 3)), ...(await connectOthers(h.url)));
  const t = performance.now();
  const issue = await issueTickets(kiosk, DAY_TICKETS, (i) => (i % 3 === 2 ? 'idcard' : 'cert'));
  const issuedMem = memoryOf(h.pid);
  const drained = await drainAll(counters, DAY_TICKETS + 100, 120_000);
  const dayText = `${issue.issued} issued, ${drained.called} called and finished in ${((performance.now() - t) / 1000).toFixed(1)} s`;
  log(`day: ${dayText}`);
  await settle(500);
  const mem = memoryOf(h.pid);
  const complete = issue.issued === DAY_TICKETS && drained.called === DAY_TICKETS;
  rows.push(atMost(`hub RSS after ${DAY_TICKETS}-ticket day`, complete ? mem.rss : Number.NaN, 150 * 1024 * 1024, mb));
  rows.push(info(`hub RSS with ${DAY_TICKETS} waiting (before calls)`, mb(issuedMem.rss)));
  rows.push(info('hub VmHWM (peak RSS) that day', mb(mem.hwm)));
  notes.push(
    `day: ${dayText}${drained.timedOut ? ' (TIMED OUT)' : ''}; errors ${errorText(issue.errors)} / ${errorText(drained.errors)}`,
  );
  closeClients();
  await stopHub(h);
}

async function cleanup(): Promise<void> {
  closeClients();
  await stopAllHubs();
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
}

/**
 * D–E over REST on a normal disk (unless --baseline-commands-per-sec gives its rate), then, with
 * --fsync-delay-ms, raw SQLite and D–E again with the hub under strace. Returns the normal E rate.
 */
async function restScenarios(opts: BenchOptions): Promise<number | null> {
  const t = performance.now();
  const prepared = await prepareRestHall(REST_WINDOWS, REST_TICKETS);
  dirs.push(prepared.dir);
  log(`REST hall prepared: ${prepared.issued} tickets taken at ${perSecond(prepared.issuePerSec)} over REST`);
  notes.push(
    `D–E: ${REST_WINDOWS} officers logged in over REST and signed in at their windows, ${prepared.issued} tickets ` +
      `taken over REST (40 in flight: ${perSecond(prepared.issuePerSec)}, errors ${errorText(prepared.errors)}) on a ` +
      `normal-disk hub in ${((performance.now() - t) / 1000).toFixed(1)} s; each run starts the hub on a copy of ` +
      `that data; clients: node:http keep-alive in this process`,
  );
  let normal: number | null = opts.baselineCommandsPerSec;
  if (normal === null) {
    const r = await runRestScenarios(prepared, null, log);
    rows.push(...restRows(r, '', 100, true));
    notes.push(...restNotes(r, ''));
    normal = r.sat.commandsPerSec;
  }
  const delay = opts.fsyncDelayMs;
  if (delay !== null) {
    const raw = await rawSqliteUnderStrace(delay, 3);
    log(`raw better-sqlite3 under strace (fsync +${delay} ms): ${raw.tx} tx in 3 s`);
    const prefix = `slow disk (fsync +${delay} ms) `;
    rows.push(
      info(
        `${prefix}raw better-sqlite3 durable tx/s`,
        `${perSecond(raw.txPerSec)} (p50 ${ms(raw.p50)}, p99 ${ms(raw.p99)})`,
      ),
    );
    const r = await runRestScenarios(prepared, delay, log);
    rows.push(...restRows(r, prefix, 150, false));
    rows.push(slowShareRow(r, normal, opts.baselineCommandsPerSec !== null));
    rows.push(info(`${prefix}E commands/s ÷ raw tx/s`, share(r.sat.commandsPerSec, raw)));
    notes.push(...restNotes(r, prefix));
    notes.push(
      `${prefix.trim()}: the hub (and, apart, the raw SQLite child) ran as \`strace ${straceLine(delay)} node …\`; ` +
        `the clients were not traced; raw: ${raw.tx} tx in 3 s`,
    );
  }
  rmSync(prepared.dir, { recursive: true, force: true });
  return opts.baselineCommandsPerSec === null ? normal : null;
}

const share = (commandsPerSec: number, raw: RawResult): string =>
  `${perSecond(commandsPerSec)} ÷ ${perSecond(raw.txPerSec)} = ${((commandsPerSec / raw.txPerSec) * 100).toFixed(1)}%`;

async function main(): Promise<void> {
  let opts: BenchOptions | null;
  try {
    opts = parseBenchOptions(process.argv.slice(2));
  } catch (err) {
    if (!(err instanceof UsageError)) throw err;
    console.error(`${err.message}\n\n${USAGE}`);
    process.exit(2);
  }
  if (opts === null) {
    console.log(USAGE);
    process.exit(0);
  }
  console.log('# Yichuang hub bench\n');
  console.log(machineInfo());
  if (opts.fsyncDelayMs !== null) {
    const s = checkStrace(opts.fsyncDelayMs);
    if (!s.ok) {
      console.error(`--fsync-delay-ms needs strace: ${s.why}`);
      process.exit(1);
    }
    console.log(
      `slow disk: ${s.version}; an fsync under \`strace ${straceLine(opts.fsyncDelayMs)}\` took ${s.probeMs} ms`,
    );
  }
  console.log(`options: ${process.argv.slice(2).join(' ') || '(none)'}`);
  console.log('');
  const watchdogMs = WATCHDOG_MS + (opts.fsyncDelayMs === null ? 0 : SLOW_DISK_WATCHDOG_MS);
  const watchdog = setTimeout(() => {
    console.error(`bench took longer than ${watchdogMs / 1000} s: stopping`);
    void cleanup().finally(() => process.exit(1));
  }, watchdogMs);
  try {
    // Raw SQLite before and after the hub runs: the disk's fsync speed drifts on shared machines.
    const rawBefore = rawSqliteTxPerSecond(3);
    log(`raw better-sqlite3 (before): ${rawBefore.tx} tx in 3 s`);
    const load = opts.restOnly ? null : await hallUnderLoad();
    const restCommandsPerSec = await restScenarios(opts);
    const rawAfter = rawSqliteTxPerSecond(3);
    log(`raw better-sqlite3 (after): ${rawAfter.tx} tx in 3 s`);
    const rawMean = { ...rawAfter, txPerSec: (rawBefore.txPerSec + rawAfter.txPerSec) / 2 };
    rows.push(
      info(
        'raw better-sqlite3 durable tx/s, before / after',
        `${perSecond(rawBefore.txPerSec)} / ${perSecond(rawAfter.txPerSec)}`,
      ),
    );
    rows.push(info('raw tx time p50 / p99 (after)', `${ms(rawAfter.p50)} / ${ms(rawAfter.p99)}`));
    if (load !== null)
      rows.push(info('hub share of raw: C commands/s ÷ mean raw tx/s', share(load.commandsPerSec, rawMean)));
    if (restCommandsPerSec !== null)
      rows.push(info('hub share of raw: E (REST) commands/s ÷ mean raw tx/s', share(restCommandsPerSec, rawMean)));
    notes.push(
      `raw: each transaction = 1 event insert (payload ${rawAfter.payloadBytes} B) + ticket upsert + window upsert + ` +
        `request insert, BEGIN IMMEDIATE, WAL, synchronous=FULL, ${tmpdir()}; before: ${rawBefore.tx} tx ` +
        `(p50 ${ms(rawBefore.p50)}, p99 ${ms(rawBefore.p99)}), after: ${rawAfter.tx} tx`,
    );
    if (!opts.restOnly) await dayOfTickets();
  } finally {
    clearTimeout(watchdog);
    await cleanup();
  }
  console.log('');
  console.log(markdownTable(rows));
  console.log('');
  for (const n of notes) console.log(`- ${n}`);
  const failed = rows.filter((r) => r.pass === false);
  console.log('');
  console.log(failed.length === 0 ? 'ALL TARGETS PASS' : `FAIL: ${failed.map((r) => r.metric).join('; ')}`);
}

main().then(
  () => process.exit(0),
  (err: unknown) => {
    console.error(`bench failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
    void cleanup().finally(() => process.exit(1));
  },
);
