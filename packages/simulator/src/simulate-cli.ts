import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { businessDay, hoursOn, nextOpenDay } from '@yichuang/engine';
import { parseCliOptions, USAGE, type CliOptions } from './cli-options.ts';
import { readDayEvents } from './history-db.ts';
import { extractHistory, type HistoryExtract } from './history.ts';
import { parseHallConfig } from './hall-variant.ts';
import { planSchema, rateCurveSchema, serviceTimeModelSchema, type DemandInputJson } from './input-schema.ts';
import type { z } from 'zod';
import { comparePlans, simulateDay } from './simulate.ts';
import { SimulationError } from './simulation-error.ts';
import { formatComparison, formatReport } from './text-report.ts';

export interface CliIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  cwd: string;
  /** Wall clock: only for the default day to simulate and the elapsed time. */
  now: () => number;
}

/** `npm run simulate -- …`: returns the exit code (0 done, 2 bad input). */
export function runCli(argv: readonly string[], io: CliIo): number {
  try {
    const options = parseCliOptions(argv);
    if (options.help) {
      io.stdout(USAGE);
      return 0;
    }
    const started = io.now();
    const text = simulate(options, io);
    io.stdout(text);
    io.stderr(`模拟用时 / simulated in ${Math.round(io.now() - started)} ms`);
    return 0;
  } catch (err) {
    if (!(err instanceof SimulationError)) throw err;
    io.stderr(`${err.message}\n\n${USAGE}`);
    return 2;
  }
}

function simulate(o: CliOptions, io: CliIo): string {
  const read = (file: string, what: string): unknown => {
    const path = resolve(io.cwd, file);
    try {
      return JSON.parse(readFileSync(path, 'utf8')) as unknown;
    } catch (err) {
      throw new SimulationError(
        `读不了${what} / cannot read ${path}: ${err instanceof Error ? err.message : String(err)}`,
      );
    }
  };
  const readAs = <S extends z.ZodType>(schema: S, file: string, what: string): z.output<S> => {
    const parsed = schema.safeParse(read(file, what));
    if (parsed.success) return parsed.data;
    const issues = parsed.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`);
    throw new SimulationError(`${what}无效 / invalid ${file}: ${issues.join('; ')}`);
  };
  const rawConfig = read(o.config, '大厅配置');
  const hall = parseHallConfig(rawConfig).hall;
  let history: HistoryExtract | undefined;
  if (o.day !== undefined) {
    history = extractHistory(readDayEvents(resolve(io.cwd, o.data), o.day, hall.timezone), o.day);
    if (history.arrivals.length === 0 && o.curve === undefined)
      throw new SimulationError(`${o.day} 没有取号记录 / no tickets were issued on ${o.day}`);
  }
  const day = o.on ?? o.day ?? defaultDay(hall, io.now());
  const input: DemandInputJson = {
    config: rawConfig,
    day,
    demand:
      o.curve !== undefined
        ? { kind: 'curve', curve: readAs(rateCurveSchema, o.curve, '到达曲线') }
        : { kind: 'replay', arrivals: history!.arrivals },
    serviceTimes:
      o.serviceTimes !== undefined ? readAs(serviceTimeModelSchema, o.serviceTimes, '办理时长') : history?.serviceTimes,
    ...(o.noShow === undefined ? {} : { noShow: { share: o.noShow } }),
    seed: o.seed,
  };
  const plan = readAs(planSchema, o.plan, '方案');
  if (o.compare !== undefined) {
    const result = comparePlans(input, plan, readAs(planSchema, o.compare, '对比方案'));
    return o.json ? JSON.stringify(result, null, 2) : formatComparison(result);
  }
  const out = simulateDay({ ...input, plan });
  return o.json ? JSON.stringify(out, null, 2) : formatReport(out);
}

/** Today if the hall is open today, else its next open day. */
function defaultDay(hall: Parameters<typeof hoursOn>[0], now: number): string {
  const today = businessDay(now, hall.timezone);
  return hoursOn(hall, today) !== null ? today : nextOpenDay(hall, today);
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  process.exitCode = runCli(process.argv.slice(2), {
    stdout: (t) => process.stdout.write(`${t}\n`),
    stderr: (t) => process.stderr.write(`${t}\n`),
    cwd: process.cwd(),
    now: () => Date.now(),
  });
}
