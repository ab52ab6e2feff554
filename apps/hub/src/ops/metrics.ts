import { monitorEventLoopDelay, type IntervalHistogram } from 'node:perf_hooks';

/** Commit latency buckets in seconds: a durable SQLite commit is a few ms; anything near a second is trouble. */
const COMMIT_BUCKETS = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5];

export interface Gauges {
  clientsByRole: () => Record<string, number>;
  printers: () => ReadonlyMap<string, string>;
  serialDevices: () => { id: string; kind: string; status: string }[];
  waitingByQueue: () => { id: string; waiting: number; longestWaitS: number }[];
  lastSeq: () => number;
  lastBackupAt: () => number | null;
  integrity: () => 'ok' | 'checking' | 'failed';
  /** The outbox to the city; null when the hall has no city config. */
  cityLink: () => { pending: number; failures: number; lastOkAt: number | null } | null;
}

/** The histogram times the gaps between timer ticks this far apart: lag is what a gap has beyond it. */
const LOOP_RESOLUTION_MS = 10;

/** Label values are quoted: backslash, quote and newline escaped as the text format asks. */
const esc = (v: string): string => v.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n');

/**
 * The hub's numbers in the Prometheus text format (`GET /api/metrics`): event-loop lag, commit
 * latency, commands by type and result, connected clients by role, printer and device states.
 * Counters live here; gauges are read when scraped.
 */
export class HubMetrics {
  private readonly loop: IntervalHistogram;
  private readonly commands = new Map<string, number>();
  private readonly buckets = new Array<number>(COMMIT_BUCKETS.length).fill(0);
  private commitCount = 0;
  private commitSum = 0;
  /** Commands written by all commits (group commit: one commit holds every command of an event-loop turn). */
  private committedCommands = 0;
  private readonly gauges: Gauges;

  constructor(gauges: Gauges) {
    this.gauges = gauges;
    this.loop = monitorEventLoopDelay({ resolution: LOOP_RESOLUTION_MS });
    this.loop.enable();
  }

  /** A command's outcome: `ok` or its error code. */
  command(name: string, result: string): void {
    const key = `${name}\u0000${result}`;
    this.commands.set(key, (this.commands.get(key) ?? 0) + 1);
  }

  commit(seconds: number, commands = 1): void {
    this.committedCommands += commands;
    this.commitCount++;
    this.commitSum += seconds;
    for (let i = 0; i < COMMIT_BUCKETS.length; i++) if (seconds <= COMMIT_BUCKETS[i]!) this.buckets[i]!++;
  }

  stop(): void {
    this.loop.disable();
  }

  render(): string {
    const out: string[] = [];
    const help = (name: string, type: string, text: string): void => {
      out.push(`# HELP ${name} ${text}`, `# TYPE ${name} ${type}`);
    };
    const ns = (x: number): number => x / 1e9;
    const lag = (x: number): number => Math.max(0, ns(x) - LOOP_RESOLUTION_MS / 1000);

    help('yichuang_event_loop_lag_seconds', 'gauge', 'Event-loop delay since the last scrape, by quantile');
    for (const q of [0.5, 0.9, 0.99])
      out.push(`yichuang_event_loop_lag_seconds{quantile="${q}"} ${lag(this.loop.percentile(q * 100))}`);
    out.push(`yichuang_event_loop_lag_seconds{quantile="1"} ${lag(this.loop.max)}`);
    this.loop.reset();

    help('yichuang_commit_duration_seconds', 'histogram', 'Time of each durable SQLite commit');
    COMMIT_BUCKETS.forEach((b, i) => out.push(`yichuang_commit_duration_seconds_bucket{le="${b}"} ${this.buckets[i]}`));
    out.push(`yichuang_commit_duration_seconds_bucket{le="+Inf"} ${this.commitCount}`);
    out.push(`yichuang_commit_duration_seconds_sum ${this.commitSum}`);
    out.push(`yichuang_commit_duration_seconds_count ${this.commitCount}`);
    help(
      'yichuang_committed_commands_total',
      'counter',
      'Commands and system acts written by all commits (÷ commits: the batch size)',
    );
    out.push(`yichuang_committed_commands_total ${this.committedCommands}`);

    help('yichuang_commands_total', 'counter', 'Commands handled, by command and result (ok or the error code)');
    for (const [key, n] of [...this.commands].sort()) {
      const [name = '', result = ''] = key.split('\u0000');
      out.push(`yichuang_commands_total{command="${esc(name)}",result="${esc(result)}"} ${n}`);
    }

    help('yichuang_connected_clients', 'gauge', 'Open socket.io connections by role');
    for (const [role, n] of Object.entries(this.gauges.clientsByRole()).sort())
      out.push(`yichuang_connected_clients{role="${esc(role)}"} ${n}`);

    help('yichuang_printer_status', 'gauge', 'Each printer has 1 on its current status');
    for (const [id, status] of [...this.gauges.printers()].sort())
      out.push(`yichuang_printer_status{printer="${esc(id)}",status="${esc(status)}"} 1`);

    help('yichuang_serial_device_up', 'gauge', 'Serial devices: 1 when the line is open');
    for (const d of this.gauges.serialDevices())
      out.push(
        `yichuang_serial_device_up{device="${esc(d.id)}",kind="${esc(d.kind)}"} ${d.status === 'connected' ? 1 : 0}`,
      );

    help('yichuang_tickets_waiting', 'gauge', 'Tickets waiting, by queue');
    help('yichuang_longest_wait_seconds', 'gauge', 'Longest current wait, by queue');
    for (const q of this.gauges.waitingByQueue()) {
      out.push(`yichuang_tickets_waiting{queue="${esc(q.id)}"} ${q.waiting}`);
      out.push(`yichuang_longest_wait_seconds{queue="${esc(q.id)}"} ${q.longestWaitS}`);
    }

    help('yichuang_events_total', 'counter', 'Events in the log (the last seq)');
    out.push(`yichuang_events_total ${this.gauges.lastSeq()}`);

    help('yichuang_last_backup_timestamp_seconds', 'gauge', 'When the last checked backup was made (0: none yet)');
    out.push(`yichuang_last_backup_timestamp_seconds ${(this.gauges.lastBackupAt() ?? 0) / 1000}`);

    help(
      'yichuang_database_integrity_ok',
      'gauge',
      '1 when the last integrity_check passed, 0 while checking or after a failure',
    );
    out.push(`yichuang_database_integrity_ok ${this.gauges.integrity() === 'ok' ? 1 : 0}`);

    const city = this.gauges.cityLink();
    if (city !== null) {
      help('yichuang_city_outbox_events', 'gauge', 'Events committed in the hall and not yet acknowledged by the city');
      out.push(`yichuang_city_outbox_events ${city.pending}`);
      help('yichuang_city_push_failures', 'gauge', 'Failed pushes to the city in a row (0: the link is up)');
      out.push(`yichuang_city_push_failures ${city.failures}`);
      help('yichuang_city_last_push_timestamp_seconds', 'gauge', 'When the city last acknowledged a push (0: never)');
      out.push(`yichuang_city_last_push_timestamp_seconds ${(city.lastOkAt ?? 0) / 1000}`);
    }

    const mem = process.memoryUsage();
    help('process_resident_memory_bytes', 'gauge', 'Resident memory of the hub process');
    out.push(`process_resident_memory_bytes ${mem.rss}`);
    help('nodejs_heap_used_bytes', 'gauge', 'V8 heap in use');
    out.push(`nodejs_heap_used_bytes ${mem.heapUsed}`);
    return `${out.join('\n')}\n`;
  }
}
