/**
 * The engine-driven simulation against Erlang C over long runs (slow: the engine runs every ticket):
 * `npx tsx packages/simulator/bench/erlang-c-bench.ts [days]` (default 20 days per case).
 * Tickets taken before 06:00 each day are left out: every day starts with an empty hall.
 * The standard error comes from the spread of the daily means (the days are independent).
 */
import { erlangC } from '../src/erlang-c.ts';
import { planSchema } from '../src/input-schema.ts';
import { mmcInput } from '../src/mmc-test-hall.ts';
import { prepareDemand, runPlan } from '../src/simulate.ts';
import { renderTable } from '../src/text-table.ts';

const CASES = [
  { perHour: 60, meanS: 60, c: 2 },
  { perHour: 96, meanS: 300, c: 10 },
  { perHour: 162, meanS: 20, c: 1 },
  { perHour: 285, meanS: 60, c: 5 },
];
const days = Number(process.argv[2] ?? 20);
const WARMUP_MS = 6 * 3_600_000;

const rows = CASES.map(({ perHour, meanS, c }) => {
  const theory = erlangC(perHour / 3600, 1 / meanS, c);
  const { plan, ...demand } = mmcInput(perHour, meanS, c, 2026);
  const t0 = performance.now();
  const runs = runPlan(prepareDemand(demand, days), planSchema.parse(plan));
  const seconds = (performance.now() - t0) / 1000;
  const daily: number[] = [];
  let sum = 0;
  let n = 0;
  for (const run of runs) {
    const measured = run.tickets.filter((t) => t.issuedAt - run.midnight >= WARMUP_MS);
    const waits = measured.map((t) => (t.calledAt! - t.issuedAt) / 1000);
    daily.push(waits.reduce((a, b) => a + b, 0) / waits.length);
    sum += waits.reduce((a, b) => a + b, 0);
    n += waits.length;
  }
  const mean = sum / n;
  const dm = daily.reduce((a, b) => a + b, 0) / daily.length;
  const se = Math.sqrt(daily.reduce((a, b) => a + (b - dm) ** 2, 0) / (daily.length - 1) / daily.length);
  return [
    perHour,
    (3600 / meanS).toFixed(0),
    c,
    theory.rho.toFixed(2),
    theory.meanWait.toFixed(1),
    mean.toFixed(1),
    `${((mean / theory.meanWait - 1) * 100).toFixed(1)} %`,
    `${((se / theory.meanWait) * 100).toFixed(1)} %`,
    n,
    seconds.toFixed(0),
  ];
});

console.log(
  renderTable(
    ['λ/h', 'μ/h', 'c', 'ρ', 'Wq s (Erlang C)', 'Wq s (engine)', 'error', 'std. error', 'tickets', 's'],
    rows,
  ),
);
