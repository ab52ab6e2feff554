import { useMemo, type ReactElement } from 'react';
import { create } from 'qrcode';

/** An SVG path of the dark modules, drawn from the symbol's matrix (no canvas, no async). */
export function qrSvg(text: string): string {
  const { modules } = create(text, { errorCorrectionLevel: 'M' });
  const n = modules.size;
  const quiet = 4;
  let d = '';
  for (let y = 0; y < n; y++)
    for (let x = 0; x < n; x++) if (modules.get(y, x)) d += `M${x + quiet} ${y + quiet}h1v1h-1z`;
  const s = n + quiet * 2;
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${s} ${s}" shape-rendering="crispEdges"><rect width="${s}" height="${s}" fill="#fff"/><path d="${d}" fill="#000"/></svg>`;
}

/** A QR code as an image (CSP allows data: images, not inline scripts). */
export function QrCode({ text, size = 280, label }: { text: string; size?: number; label: string }): ReactElement {
  const src = useMemo(() => `data:image/svg+xml;charset=utf-8,${encodeURIComponent(qrSvg(text))}`, [text]);
  return <img className="yc-qr" src={src} width={size} height={size} alt={label} data-qr-text={text} />;
}
