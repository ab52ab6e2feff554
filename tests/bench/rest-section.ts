/**
 * Scenarios D and E over REST, 40 windows signed in: run on a copy of a prepared hall (see rest-hall.ts)
 * with the hub on the normal disk or under strace with fsyncs delayed, and the rows they add.
 */
import { copyHallDir, hubComplaints, startHubIn } from './bench-hub.ts';
import { mb, ms, pct, percentile, perSecond } from './percentiles.ts';
import { CpuMeter, cpuSecondsOf, memoryOf } from './proc-stats.ts';
import { atLeast, atMost, errorText, info, type Row } from './report.ts';
import { RestClient } from './rest-client.ts';
import type { PreparedHall } from './rest-hall.ts';
import { restBurst, restSaturation, type RestBurstResult } from './rest-scenarios.ts';
import type { SaturationResult } from './scenarios.ts';

export const REST_WINDOWS = 40;
/** Enough for 4 s at 2,000 call-nexts/s (4,000 commands/s) after the bursts. */
export const REST_TICKETS = 8000;
const BURST_TAKES = 60;
const BURST_ROUNDS = 5;
const SATURATION_SECONDS = 4;

export interface RestRun {
  /** A burst right after the hub started, before the timed ones (not counted). */
  cold: RestBurstResult;
  bursts: RestBurstResult[];
  burstMedianMs: number;
  sat: SaturationResult;
  burstCpu: string;
  satCpu: { hubPct: number; clientsPct: number; stracePct: number | null; hubWaitPct: number };
  rss: number;
  startMs: number;
  complaints: string[];
}

const settle = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

export async function runRestScenarios(
  prepared: PreparedHall,
  fsyncDelayMs: number | null,
  log: (line: string) => void,
): Promise<RestRun> {
  const hub = await startHubIn(copyHallDir(prepared.dir), { removeOnStop: true, fsyncDelayMs });
  const where = fsyncDelayMs === null ? 'normal disk' : `fsync +${fsyncDelayMs} ms under strace`;
  log(`REST hub (${REST_WINDOWS} windows, ${where}) pid ${hub.pid}, started in ${hub.startMs.toFixed(0)} ms`);
  const client = new RestClient(hub.url);
  try {
    await settle(1000);
    const officers = prepared.officers;
    // The first burst after a start runs on code V8 has not optimised yet: reported, not counted.
    const cold = await restBurst(client, officers, BURST_TAKES);
    await settle(300);
    const bursts: RestBurstResult[] = [];
    let cpu = new CpuMeter(hub.pid);
    for (let i = 0; i < BURST_ROUNDS; i++) {
      bursts.push(await restBurst(client, officers, BURST_TAKES));
      await settle(300);
    }
    const burstCpu = cpu.read();
    const burstMedianMs = percentile(
      bursts.map((b) => b.allAckedMs),
      50,
    );
    log(`D: bursts of ${BURST_TAKES + officers.length} all acked in ${bursts.map((b) => ms(b.allAckedMs)).join(', ')}`);
    await settle(1000);

    cpu = new CpuMeter(hub.pid);
    const strace0 = hub.tracerPid === null ? Number.NaN : cpuSecondsOf(hub.tracerPid);
    const t0 = performance.now();
    const sat = await restSaturation(client, officers, SATURATION_SECONDS);
    const c = cpu.read();
    const stracePct =
      hub.tracerPid === null
        ? null
        : ((cpuSecondsOf(hub.tracerPid) - strace0) / ((performance.now() - t0) / 1000)) * 100;
    log(
      `E: ${sat.callNexts} call-nexts + ${sat.finishes} finishes in ${sat.seconds.toFixed(1)} s = ` +
        `${perSecond(sat.commandsPerSec)}; hub CPU ${c.hubPct.toFixed(0)}%, clients ${c.clientsPct.toFixed(0)}%`,
    );
    return {
      cold,
      bursts,
      burstMedianMs,
      sat,
      burstCpu: `hub CPU ${burstCpu.hubPct.toFixed(0)}%, clients ${burstCpu.clientsPct.toFixed(0)}%`,
      satCpu: { hubPct: c.hubPct, clientsPct: c.clientsPct, stracePct, hubWaitPct: c.hubWaitPct },
      rss: memoryOf(hub.pid).rss,
      startMs: hub.startMs,
      complaints: hubComplaints(hub),
    };
  } finally {
    client.close();
    await hub.stop();
  }
}

const cpuCell = (r: RestRun): string =>
  `hub ${r.satCpu.hubPct.toFixed(0)}% / clients ${r.satCpu.clientsPct.toFixed(0)}%` +
  (r.satCpu.stracePct === null ? '' : ` / strace ${r.satCpu.stracePct.toFixed(0)}%`);

/**
 * Rows of one run; `prefix` names the disk ('' normal, 'slow disk ' under strace). On the normal disk
 * saturation and its p99 have targets; on the slow disk the share of the normal rate has (slowShareRow).
 */
export function restRows(r: RestRun, prefix: string, burstLimitMs: number, normal: boolean): Row[] {
  const n = BURST_TAKES + REST_WINDOWS;
  const burstMetric = `${prefix}D: REST burst of ${n} (${BURST_TAKES} tickets + ${REST_WINDOWS} call-next), all acked, median of ${r.bursts.length}`;
  const satMetric = `${prefix}E: REST saturation commands/s (${REST_WINDOWS} windows, call-next + finish)`;
  return [
    atMost(burstMetric, r.burstMedianMs, burstLimitMs, ms),
    info(`${prefix}D: each burst, all acked`, r.bursts.map((b) => ms(b.allAckedMs)).join(', ')),
    normal
      ? atLeast(satMetric, r.sat.commandsPerSec, 2000, perSecond)
      : info(satMetric, perSecond(r.sat.commandsPerSec)),
    ...(normal
      ? [
          info(`${prefix}E: REST call-next ack p50`, ms(r.sat.ackP50)),
          atMost(`${prefix}E: REST call-next ack p99`, r.sat.ackP99, 50, ms),
        ]
      : [info(`${prefix}E: REST call-next ack p50 / p99`, `${ms(r.sat.ackP50)} / ${ms(r.sat.ackP99)}`)]),
    info(`${prefix}E: CPU, % of a core`, cpuCell(r)),
    info(`${prefix}hub RSS after D–E`, mb(r.rss)),
  ];
}

/** The slow-disk saturation against the normal one (this run's, or --baseline-commands-per-sec). */
export function slowShareRow(slow: RestRun, normalCommandsPerSec: number, fromOption: boolean): Row {
  const share = (slow.sat.commandsPerSec / normalCommandsPerSec) * 100;
  const row = atLeast(
    `slow disk E ÷ normal E (${fromOption ? '--baseline-commands-per-sec' : 'same run'})`,
    share,
    50,
    pct,
  );
  return {
    ...row,
    value: `${perSecond(slow.sat.commandsPerSec)} ÷ ${perSecond(normalCommandsPerSec)} = ${row.value}`,
  };
}

/** Sentences for the notes under the table. */
export function restNotes(r: RestRun, prefix: string): string[] {
  const errs = new Map<string, number>();
  for (const b of [r.cold, ...r.bursts]) for (const [k, v] of b.errors) errs.set(k, (errs.get(k) ?? 0) + v);
  const worstP99 = Math.max(...r.bursts.map((b) => b.ackP99));
  const out = [
    `${prefix}D: ${r.bursts.length} bursts, each ${BURST_TAKES} POST /api/tickets + ${REST_WINDOWS} call-next written at ` +
      `once over warm keep-alive connections; tickets taken ${r.bursts.map((b) => b.takes).join('/')}, ` +
      `tickets called ${r.bursts.map((b) => b.calls).join('/')}; worst ack p99 ${ms(worstP99)}; ${r.burstCpu}; ` +
      `errors ${errorText(errs)}; a first burst right after the hub started (not counted): ${ms(r.cold.allAckedMs)}`,
    `${prefix}E: ${r.sat.callNexts} call-nexts + ${r.sat.finishes} finishes in ${r.sat.seconds.toFixed(2)} s; ` +
      `CPU (% of a core) ${cpuCell(r)}, hub runnable but waiting for a CPU ${r.satCpu.hubWaitPct.toFixed(0)}%; ` +
      `windows that ran dry ${r.sat.ranDry}; errors ${errorText(r.sat.errors)}; hub started in ${r.startMs.toFixed(0)} ms`,
  ];
  if (r.complaints.length > 0) out.push(`${prefix}REST hub printed: ${r.complaints.slice(0, 5).join(' | ')}`);
  return out;
}
