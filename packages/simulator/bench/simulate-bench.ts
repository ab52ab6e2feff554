/**
 * How fast the simulator runs a day, by size: `npx tsx packages/simulator/bench/simulate-bench.ts`.
 * Each row is the median of three runs after a warm-up run. "hub-like" ticks the engine before
 * every command as the hub does; the simulator ticks only at the hours (same outcome).
 */
import { hallPhase } from '@yichuang/engine';
import type { DomainEvent } from '@yichuang/protocol';
import { parseHallConfig } from '../src/hall-variant.ts';
import { planSchema } from '../src/input-schema.ts';
import { prepareDemand, runPlan } from '../src/simulate.ts';
import { renderTable } from '../src/text-table.ts';
import { bigDayInput } from './big-day.ts';

const SIZES: [tickets: number, windows: number][] = [
  [1000, 8],
  [2500, 20],
  [5000, 40],
  [10_000, 80],
];

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

function time(run: () => void, times: number): number {
  run();
  return median(
    Array.from({ length: times }, () => {
      const t0 = performance.now();
      run();
      return performance.now() - t0;
    }),
  );
}

const rows = SIZES.map(([tickets, windows]) => {
  const { plan, ...demandJson } = bigDayInput(tickets, windows);
  const parsedPlan = planSchema.parse(plan);
  const demand = prepareDemand(demandJson);
  let events = 0;
  let issued = 0;
  runPlan(demand, parsedPlan, {
    onEvent: (e: DomainEvent) => {
      events++;
      if (e.type === 'ticket:issued') issued++;
    },
  });
  const ms = time(() => runPlan(demand, parsedPlan), 3);
  const hubLike = time(() => runPlan(demand, parsedPlan, { tickEveryCommand: true }), 1);
  return [
    `${tickets}/${windows}`,
    issued,
    windows,
    events,
    ms.toFixed(0),
    ((ms * 1000) / issued).toFixed(0),
    hubLike.toFixed(0),
  ];
});

console.log(
  renderTable(
    ['day 规模 (tickets/windows)', '号票 tickets', '窗口 windows', '引擎事件 events', 'ms', 'µs/ticket', 'hub-like ms'],
    rows,
  ),
);

// Where the time goes: the engine converts time zones through Intl on every command (hall-time.ts).
const hall = parseHallConfig(bigDayInput(1, 1).config).hall;
const n = 20_000;
const t0 = performance.now();
for (let i = 0; i < n; i++) hallPhase(hall, 1_795_400_000_000 + i * 1000);
console.log(
  `\nengine hallPhase(): ${(((performance.now() - t0) * 1000) / n).toFixed(1)} µs a call (runs at least twice per command)`,
);
