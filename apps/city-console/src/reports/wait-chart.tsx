import type { ReactElement } from 'react';

/** Horizontal bars, one per hall: an inline SVG that prints and scales without a chart library. */
export function BarChart(p: { rows: { label: string; value: number }[]; unit: string; testId: string }): ReactElement {
  const max = Math.max(1, ...p.rows.map((r) => r.value));
  const rowH = 30;
  const labelW = 220;
  const width = 640;
  const height = p.rows.length * rowH + 8;
  return (
    <svg
      className="cc-chart"
      data-testid={p.testId}
      viewBox={`0 0 ${width} ${height}`}
      width="100%"
      role="img"
      aria-label={p.rows.map((r) => `${r.label} ${r.value.toFixed(1)} ${p.unit}`).join('；')}
    >
      {p.rows.map((r, i) => {
        const w = ((width - labelW - 70) * r.value) / max;
        const y = i * rowH + 4;
        return (
          <g key={r.label}>
            <text x={labelW - 8} y={y + 18} textAnchor="end" className="cc-chart__label">
              {r.label.length > 14 ? `${r.label.slice(0, 13)}…` : r.label}
            </text>
            <rect x={labelW} y={y + 4} width={Math.max(w, 1)} height={rowH - 10} rx={4} className="cc-chart__bar" />
            <text x={labelW + w + 6} y={y + 18} className="cc-chart__value">
              {r.value.toFixed(1)}
            </text>
          </g>
        );
      })}
    </svg>
  );
}
