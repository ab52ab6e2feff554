import type { DecodedPrint } from './escpos-decode.ts';
import { textWidth } from './text-width.ts';

/** Plain-text preview: lines aligned within `columns`, QR codes as `[QR] data`, cuts as a dashed line. */
export function renderPreviewText(decoded: DecodedPrint, columns = 48): string {
  const out: string[] = [];
  for (const block of decoded.blocks) {
    if (block.kind === 'cut') {
      out.push(`${'- '.repeat(Math.floor(columns / 2) - 4)}✂ ${block.partial ? 'partial' : 'full'} cut`);
      continue;
    }
    const text = block.kind === 'qr' ? `[QR] ${block.data}` : block.text;
    const width = block.kind === 'text' ? block.columns : textWidth(text);
    const room = Math.max(0, columns - width);
    const lead = block.align === 'center' ? Math.floor(room / 2) : block.align === 'right' ? room : 0;
    out.push(text === '' ? '' : ' '.repeat(lead) + text);
  }
  return out.join('\n') + '\n';
}

function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/**
 * A receipt-looking HTML page: monospace, exactly `columns` half-width cells wide (a CJK character
 * takes two), so a line too long for the printer wraps here as it would on paper; QR data shown as
 * text in a box.
 */
export function renderPreviewHtml(
  decoded: DecodedPrint,
  options: { paperWidthMm?: number; columns?: number; title?: string } = {},
): string {
  const paper = options.paperWidthMm ?? 80;
  const columns = options.columns ?? (paper === 58 ? 32 : 48);
  const body: string[] = [];
  for (const block of decoded.blocks) {
    if (block.kind === 'cut') {
      body.push(`<div class="cut">✂ ${block.partial ? 'partial' : 'full'} cut</div>`);
    } else if (block.kind === 'qr') {
      body.push(
        `<div class="line" style="text-align:${block.align}"><span class="qr">QR<br>${escapeHtml(block.data)}</span></div>`,
      );
    } else {
      const style = [
        `text-align:${block.align}`,
        block.bold ? 'font-weight:bold' : '',
        block.widthMul > 1 || block.heightMul > 1 ? `font-size:${Math.max(block.widthMul, block.heightMul)}em` : '',
      ]
        .filter(Boolean)
        .join(';');
      body.push(`<div class="line" style="${style}">${escapeHtml(block.text) || '&nbsp;'}</div>`);
    }
  }
  return `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>${escapeHtml(options.title ?? 'print preview')}</title>
<style>
body{background:#ddd;margin:0;padding:16px}
.paper{width:${columns}ch;margin:0 auto;background:#fff;padding:4mm 3mm;box-shadow:0 1px 4px #999;
  font-family:"WenQuanYi Zen Hei Mono","Noto Sans Mono CJK SC",SimSun,monospace;font-size:13px;line-height:1.35}
.paper::before{content:"${paper} mm · ${columns} columns";display:block;color:#999;font-size:10px;margin:-3mm 0 2mm}
.line{white-space:pre-wrap;word-break:break-all;overflow-wrap:anywhere}
.qr{display:inline-block;border:2px solid #000;padding:6px;margin:4px;max-width:60%;word-break:break-all;font-size:11px}
.cut{border-top:2px dashed #888;color:#888;font-size:11px;margin:10px -3mm;text-align:center}
</style></head>
<body><div class="paper">
${body.join('\n')}
</div></body></html>
`;
}
