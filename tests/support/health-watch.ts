// Watches a hub from a process of its own, so that an attacker in the test process cannot slow the
// measurement: polls GET /api/health every 50 ms and samples the hub's RSS. Prints one JSON line
// { maxRssMb, maxHealthMs, checks, failures } when its stdin closes.
// usage: node --import tsx tests/support/health-watch.ts URL PID
import { readFileSync } from 'node:fs';

const [url, pid] = process.argv.slice(2);
let running = true;
let maxRssMb = 0;
let maxHealthMs = 0;
let checks = 0;
let failures = 0;
const rss = (): number => {
  const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return m === null ? 0 : Number(m[1]) / 1024;
};
process.stdin.resume();
process.stdin.on('end', () => {
  running = false;
});
while (running) {
  maxRssMb = Math.max(maxRssMb, rss());
  const started = performance.now();
  try {
    const res = await fetch(`${url}/api/health`, { signal: AbortSignal.timeout(5000) });
    await res.arrayBuffer();
    if (res.status !== 200) failures++;
  } catch {
    failures++;
  }
  maxHealthMs = Math.max(maxHealthMs, performance.now() - started);
  checks++;
  await new Promise((r) => setTimeout(r, 50));
}
console.log(JSON.stringify({ maxRssMb, maxHealthMs, checks, failures }));
