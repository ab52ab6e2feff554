import { hallNow, linkDown, maxWaitMs, printerFault, type HallRow } from './hall-figures.ts';

/** What the city console raises about a hall; computed from what the city holds, never stored. */
export interface CityAlert {
  kind: 'link-down' | 'empty-post' | 'printer-fault' | 'long-wait';
  severity: 'critical' | 'warning';
  /** The window or printer it is about ('' for the hall). */
  subject: string;
  /** Since when (hall time; city time for link-down). */
  since: number | null;
  /** The printer's status (printer-fault); the hall's maxWaitMinutes (long-wait). */
  detail: string;
}

export function hallAlerts(
  row: HallRow,
  cityNow: number,
  windows: readonly { windowId: string; emptySince: number | null }[],
  printers: readonly { printerId: string; status: string; since: number }[],
): CityAlert[] {
  const out: CityAlert[] = [];
  if (linkDown(row, cityNow))
    out.push({ kind: 'link-down', severity: 'critical', subject: '', since: row.lastHeardAt, detail: '' });
  for (const w of windows)
    if (w.emptySince !== null)
      out.push({ kind: 'empty-post', severity: 'critical', subject: w.windowId, since: w.emptySince, detail: '' });
  for (const p of printers)
    if (printerFault(p.status))
      out.push({ kind: 'printer-fault', severity: 'warning', subject: p.printerId, since: p.since, detail: p.status });
  if (row.longestWaitSince !== null && hallNow(row, cityNow) - row.longestWaitSince > maxWaitMs(row))
    out.push({
      kind: 'long-wait',
      severity: 'warning',
      subject: '',
      since: row.longestWaitSince,
      detail: String(maxWaitMs(row) / 60_000),
    });
  return out;
}
