/**
 * rawSqliteTxPerSecond as a process of its own, so that strace can delay its fsyncs alone
 * (see slow-disk.ts). Usage: node --import tsx tests/bench/raw-sqlite-child.ts SECONDS; prints JSON.
 */
import { rawSqliteTxPerSecond } from './raw-sqlite.ts';

const seconds = Number(process.argv[2] ?? '3');
if (!Number.isFinite(seconds) || seconds <= 0 || seconds > 60) {
  console.error('usage: raw-sqlite-child.ts SECONDS (0 < SECONDS ≤ 60)');
  process.exit(2);
}
console.log(JSON.stringify(rawSqliteTxPerSecond(seconds)));
