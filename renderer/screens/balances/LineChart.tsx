import { useId } from 'react';

export type Series = { name: string; points: { at: string; value: number }[] };

const WIDTH = 640;
const HEIGHT = 180;
const PAD = { left: 72, right: 12, top: 12, bottom: 28 };

/**
 * A small line chart in plain SVG (no chart library): one line per series over time, the lowest and highest
 * values on the left, the first and last time below. Colours come from theme tokens through classes. Amounts are
 * turned into numbers only to place points on screen; every figure shown as text stays as it came.
 */
export function LineChart({ title, series, formatValue, formatTime }: { title: string; series: Series[]; formatValue: (v: number) => string; formatTime: (iso: string) => string }) {
  const titleId = useId();
  const points = series.flatMap((s) => s.points);
  if (points.length === 0) return null;
  const times = points.map((p) => Date.parse(p.at));
  const values = points.map((p) => p.value);
  const [t0, t1] = [Math.min(...times), Math.max(...times)];
  let [v0, v1] = [Math.min(...values), Math.max(...values)];
  if (v0 === v1) [v0, v1] = [v0 - 1, v1 + 1];
  const x = (at: string) => PAD.left + (t1 === t0 ? (WIDTH - PAD.left - PAD.right) / 2 : ((Date.parse(at) - t0) / (t1 - t0)) * (WIDTH - PAD.left - PAD.right));
  const y = (value: number) => PAD.top + (1 - (value - v0) / (v1 - v0)) * (HEIGHT - PAD.top - PAD.bottom);

  return (
    <figure className="chart">
      <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} role="img" aria-labelledby={titleId} className="chart-svg">
        <title id={titleId}>{title}</title>
        <line className="chart-axis" x1={PAD.left} x2={PAD.left} y1={PAD.top} y2={HEIGHT - PAD.bottom} />
        <line className="chart-axis" x1={PAD.left} x2={WIDTH - PAD.right} y1={HEIGHT - PAD.bottom} y2={HEIGHT - PAD.bottom} />
        <text className="chart-label" x={PAD.left - 6} y={y(v1) + 4} textAnchor="end">
          {formatValue(v1)}
        </text>
        <text className="chart-label" x={PAD.left - 6} y={y(v0) + 4} textAnchor="end">
          {formatValue(v0)}
        </text>
        <text className="chart-label" x={PAD.left} y={HEIGHT - 8}>
          {formatTime(new Date(t0).toISOString())}
        </text>
        <text className="chart-label" x={WIDTH - PAD.right} y={HEIGHT - 8} textAnchor="end">
          {formatTime(new Date(t1).toISOString())}
        </text>
        {series.map((s, index) => (
          <g key={s.name} className={`chart-series chart-series-${index % 4}`}>
            <polyline fill="none" points={s.points.map((p) => `${x(p.at)},${y(p.value)}`).join(' ')} />
            {s.points.map((p) => (
              <circle key={p.at} cx={x(p.at)} cy={y(p.value)} r={3} />
            ))}
          </g>
        ))}
      </svg>
      {series.length > 1 && (
        <figcaption className="chart-legend">
          {series.map((s, index) => (
            <span key={s.name} className={`chart-key chart-series-${index % 4}`}>
              <svg width="14" height="4" aria-hidden="true">
                <line x1="0" x2="14" y1="2" y2="2" />
              </svg>
              {s.name}
            </span>
          ))}
        </figcaption>
      )}
    </figure>
  );
}
