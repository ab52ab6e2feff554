import type { Cell, ReportSection } from './report-sections.ts';

/** The BOM makes Excel read the file as UTF-8; without it Chinese headers open as mojibake. */
const BOM = '\uFEFF';

/** The report's sections one after another, each under its title, a blank line between. */
export function reportCsv(sections: ReportSection[]): string {
  const lines: string[] = [];
  for (const s of sections) {
    if (lines.length > 0) lines.push('');
    lines.push(csvCell(s.title), s.header.map(csvCell).join(','));
    for (const row of s.rows) lines.push(row.map(csvCell).join(','));
  }
  return BOM + lines.join('\r\n') + '\r\n';
}

export function csvCell(c: Cell): string {
  if (typeof c === 'number') return String(c);
  // A low rating's reason is the citizen's own text: never let a spreadsheet run it as a formula.
  const safe = /^[=+\-@\t\r]/.test(c) ? `'${c}` : c;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}
