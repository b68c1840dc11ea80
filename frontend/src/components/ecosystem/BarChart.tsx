// Horizontal bars, one per category, each with its value written at its end.
export interface Bar {
  key: string;
  label: string;
  value: number;
}

const ROW = 28;
const LABEL_WIDTH = 210;
const WIDTH = 720;
const VALUE_ROOM = 56;

export function BarChart({
  bars,
  format,
  labelledBy,
}: {
  bars: Bar[];
  format: (value: number) => string;
  labelledBy: string;
}) {
  const largest = Math.max(1, ...bars.map((bar) => bar.value));
  const span = WIDTH - LABEL_WIDTH - VALUE_ROOM;
  const height = bars.length * ROW + 8;
  return (
    <svg
      className="bar-chart"
      viewBox={`0 0 ${WIDTH} ${height}`}
      role="img"
      aria-labelledby={labelledBy}
      preserveAspectRatio="xMinYMin meet"
    >
      {bars.map((bar, index) => {
        const y = index * ROW + 4;
        const length = Math.max(2, (bar.value / largest) * span);
        return (
          <g key={bar.key}>
            <text x={LABEL_WIDTH - 8} y={y + ROW / 2} className="axis-label" textAnchor="end" dominantBaseline="middle">
              {bar.label}
            </text>
            <rect x={LABEL_WIDTH} y={y + 4} width={length} height={ROW - 8} className="bar" rx={2} />
            <text x={LABEL_WIDTH + length + 6} y={y + ROW / 2} className="value-label" dominantBaseline="middle">
              {format(bar.value)}
            </text>
          </g>
        );
      })}
    </svg>
  );
}
