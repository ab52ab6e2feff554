import { cpus, totalmem } from 'node:os';

export interface Row {
  metric: string;
  value: string;
  target: string;
  /** true pass, false fail, null: no target (reported only). */
  pass: boolean | null;
}

/** A row with a ≤ target in the unit of `value`; NaN fails. */
export function atMost(metric: string, value: number, limit: number, fmt: (v: number) => string): Row {
  return { metric, value: fmt(value), target: `≤ ${fmt(limit)}`, pass: Number.isFinite(value) && value <= limit };
}

/** A row with a ≥ target in the unit of `value`; NaN fails. */
export function atLeast(metric: string, value: number, limit: number, fmt: (v: number) => string): Row {
  return { metric, value: fmt(value), target: `≥ ${fmt(limit)}`, pass: Number.isFinite(value) && value >= limit };
}

export function info(metric: string, value: string): Row {
  return { metric, value, target: '— (report)', pass: null };
}

/** String width in terminal cells (CJK and the ≤ sign count as they look). */
function width(s: string): number {
  let w = 0;
  for (const ch of s)
    w += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60]/.test(ch) ? 2 : 1;
  return w;
}

const pad = (s: string, w: number): string => s + ' '.repeat(Math.max(0, w - width(s)));

/** An aligned markdown table. */
export function markdownTable(rows: readonly Row[]): string {
  const cells = [
    ['metric', 'value', 'target', 'pass/fail'],
    ...rows.map((r) => [r.metric, r.value, r.target, r.pass === null ? '—' : r.pass ? 'PASS' : '**FAIL**']),
  ];
  const widths = [0, 1, 2, 3].map((i) => Math.max(3, ...cells.map((c) => width(c[i] ?? ''))));
  const line = (c: string[]): string => `| ${c.map((s, i) => pad(s, widths[i] ?? 0)).join(' | ')} |`;
  const [head, ...body] = cells;
  return [line(head ?? []), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...body.map(line)].join('\n');
}

export function machineInfo(): string {
  const list = cpus();
  return [
    `machine: ${list.length} cpus (${list[0]?.model.trim() ?? 'unknown'}), ${(totalmem() / 1024 ** 3).toFixed(1)} GB RAM`,
    `node ${process.version}, ${process.platform}/${process.arch}`,
  ].join('\n');
}

export function errorText(errors: Map<string, number>): string {
  return errors.size === 0 ? 'none' : [...errors].map(([code, n]) => `${code}×${n}`).join(', ');
}
