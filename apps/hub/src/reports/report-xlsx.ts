import type { Cell, ReportSection } from './report-sections.ts';

/** One sheet per section, header row bold and frozen, columns sized to their text. */
export async function reportXlsx(sections: ReportSection[], generatedAt: number): Promise<Buffer> {
  // Loaded on first use: exceljs costs the hub about 28 MB and a quarter second at start.
  const { default: ExcelJS } = await import('exceljs');
  const wb = new ExcelJS.Workbook();
  wb.creator = '一窗 Yichuang';
  wb.created = new Date(generatedAt);
  for (const s of sections) {
    const ws = wb.addWorksheet(s.title, { views: [{ state: 'frozen', ySplit: 1 }] });
    ws.addRow(s.header).font = { bold: true };
    for (const row of s.rows) ws.addRow(row);
    s.header.forEach((h, i) => {
      const widest = Math.max(textWidth(h), ...s.rows.map((r) => textWidth(r[i] ?? '')));
      ws.getColumn(i + 1).width = Math.min(40, widest + 2);
    });
  }
  const out = await wb.xlsx.writeBuffer();
  return Buffer.isBuffer(out) ? out : Buffer.from(out);
}

/** Spreadsheet columns: a CJK character is about two Latin ones wide. */
function textWidth(c: Cell): number {
  let w = 0;
  for (const ch of String(c)) w += ch.charCodeAt(0) > 0x2e80 ? 2 : 1;
  return w;
}
