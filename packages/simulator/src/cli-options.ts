import { parseArgs } from 'node:util';
import { SimulationError } from './simulation-error.ts';

export const USAGE = `用法 Usage: npm run simulate -- --plan plan.json (--day YYYY-MM-DD | --curve curve.json) [options]

  --day DAY            replay that day's arrivals from the hub's log and fit its service times
  --curve FILE         draw arrivals from a rate curve instead (per queue and hour)
  --plan FILE          the window plan (required)
  --compare FILE       a second plan, run on the same citizens and service times
  --on DAY             the day to simulate (its weekday sets the hours); default --day, or the next open day
  --data DIR           the hub's data folder holding yichuang.sqlite (default data)
  --config FILE        the hall config (default db/seed/demo-hall.json)
  --service-times FILE service-time distributions (default: fitted from --day, else the hall's defaultServiceMinutes)
  --no-show SHARE      share of called tickets nobody answers, 0–1 (default 0)
  --seed N             random seed (default 1)
  --json               print the output as JSON`;

export interface CliOptions {
  day?: string;
  curve?: string;
  plan: string;
  compare?: string;
  on?: string;
  data: string;
  config: string;
  serviceTimes?: string;
  noShow?: number;
  seed: number;
  json: boolean;
  help: boolean;
}

export function parseCliOptions(argv: readonly string[]): CliOptions {
  let values;
  try {
    ({ values } = parseArgs({
      args: [...argv],
      options: {
        day: { type: 'string' },
        curve: { type: 'string' },
        plan: { type: 'string' },
        compare: { type: 'string' },
        on: { type: 'string' },
        data: { type: 'string', default: 'data' },
        config: { type: 'string', default: 'db/seed/demo-hall.json' },
        'service-times': { type: 'string' },
        'no-show': { type: 'string' },
        seed: { type: 'string', default: '1' },
        json: { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
      },
      strict: true,
      allowPositionals: false,
    }));
  } catch (err) {
    throw new SimulationError(err instanceof Error ? err.message : String(err));
  }
  if (values.help) return { plan: '', data: values.data, config: values.config, seed: 1, json: false, help: true };
  if (values.plan === undefined) throw new SimulationError('--plan is required');
  if (values.day === undefined && values.curve === undefined) throw new SimulationError('give --day or --curve');
  for (const d of [values.day, values.on])
    if (d !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(d)) throw new SimulationError(`not a day (YYYY-MM-DD): ${d}`);
  const seed = Number(values.seed);
  if (!Number.isInteger(seed) || seed < 0) throw new SimulationError(`--seed is a whole number ≥ 0: ${values.seed}`);
  const noShow = values['no-show'] === undefined ? undefined : Number(values['no-show']);
  if (noShow !== undefined && !(noShow >= 0 && noShow <= 1))
    throw new SimulationError('--no-show is a share from 0 to 1');
  return {
    day: values.day,
    curve: values.curve,
    plan: values.plan,
    compare: values.compare,
    on: values.on,
    data: values.data,
    config: values.config,
    serviceTimes: values['service-times'],
    noShow,
    seed,
    json: values.json,
    help: false,
  };
}
