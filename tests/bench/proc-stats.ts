import { readFileSync } from 'node:fs';

/** VmRSS and VmHWM (peak RSS) of a process in bytes, from /proc/<pid>/status (Linux). */
export function memoryOf(pid: number): { rss: number; hwm: number } {
  let text = '';
  try {
    text = readFileSync(`/proc/${pid}/status`, 'utf8');
  } catch {
    return { rss: Number.NaN, hwm: Number.NaN };
  }
  const kb = (field: string): number => {
    const m = new RegExp(`^${field}:\\s+(\\d+)\\s+kB`, 'm').exec(text);
    return m?.[1] === undefined ? Number.NaN : Number(m[1]) * 1024;
  };
  return { rss: kb('VmRSS'), hwm: kb('VmHWM') };
}

/** CPU seconds (user + system) a process has used so far, from /proc/<pid>/stat; NaN if unreadable. */
export function cpuSecondsOf(pid: number): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Fields after the command name, which is in parentheses and may contain spaces.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const utime = Number(fields[11]);
    const stime = Number(fields[12]);
    return (utime + stime) / 100; // USER_HZ is 100 on Linux
  } catch {
    return Number.NaN;
  }
}

/** Main-thread scheduler times in seconds: on a CPU, and runnable but waiting for one (/proc/<pid>/schedstat). */
export function schedOf(pid: number): { run: number; wait: number } {
  try {
    const [run, wait] = readFileSync(`/proc/${pid}/schedstat`, 'utf8').trim().split(' ').map(Number);
    return { run: (run ?? Number.NaN) / 1e9, wait: (wait ?? Number.NaN) / 1e9 };
  } catch {
    return { run: Number.NaN, wait: Number.NaN };
  }
}

/** CPU use of the hub child and of this (client) process over a stretch of time, as % of one core. */
export class CpuMeter {
  private readonly t0 = performance.now();
  private readonly hub0: number;
  private readonly sched0: { run: number; wait: number };
  private readonly self0 = process.cpuUsage();

  constructor(private readonly hubPid: number) {
    this.hub0 = cpuSecondsOf(hubPid);
    this.sched0 = schedOf(hubPid);
  }

  read(): { hubPct: number; hubRunPct: number; hubWaitPct: number; clientsPct: number } {
    const wall = (performance.now() - this.t0) / 1000;
    const self = process.cpuUsage(this.self0);
    const sched = schedOf(this.hubPid);
    return {
      hubPct: ((cpuSecondsOf(this.hubPid) - this.hub0) / wall) * 100,
      hubRunPct: ((sched.run - this.sched0.run) / wall) * 100,
      hubWaitPct: ((sched.wait - this.sched0.wait) / wall) * 100,
      clientsPct: ((self.user + self.system) / 1e6 / wall) * 100,
    };
  }
}

/** The CpuMeter's reading as one sentence for the report's notes. */
export function cpuText(m: CpuMeter): string {
  const c = m.read();
  return (
    `hub process CPU ${c.hubPct.toFixed(0)}% of a core (main thread on CPU ${c.hubRunPct.toFixed(0)}%, ` +
    `runnable but waiting for a CPU ${c.hubWaitPct.toFixed(0)}%), client process CPU ${c.clientsPct.toFixed(0)}%`
  );
}
