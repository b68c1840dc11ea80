// Vertical columns along a time axis (e.g. months), each with its value above it.
export interface Column {
  key: string;
  label: string;
  value: number;
}

const HEIGHT = 260;
const BOTTOM = 56;
const TOP = 20;
const LEFT = 56;
const SLOT = 44;

export function ColumnChart({
  columns,
  format,
  labelledBy,
}: {
  columns: Column[];
  format: (value: number) => string;
  labelledBy: string;
}) {
  const largest = Math.max(1, ...columns.map((column) => column.value));
  const width = Math.max(320, LEFT + 8 + columns.length * SLOT);
  const span = HEIGHT - BOTTOM - TOP;
  return (
    <svg
      className="column-chart"
      viewBox={`0 0 ${width} ${HEIGHT}`}
      role="img"
      aria-labelledby={labelledBy}
      preserveAspectRatio="xMinYMin meet"
    >
      <line x1={LEFT} x2={width - 8} y1={HEIGHT - BOTTOM} y2={HEIGHT - BOTTOM} className="axis" />
      {columns.map((column, index) => {
        const x = LEFT + index * SLOT;
        const length = (column.value / largest) * span;
        const top = HEIGHT - BOTTOM - length;
        return (
          <g key={column.key}>
            <rect x={x + 8} y={top} width={SLOT - 16} height={length} className="bar" rx={2} />
            <text x={x + SLOT / 2} y={top - 5} className="value-label" textAnchor="middle">
              {format(column.value)}
            </text>
            <text
              className="axis-label"
              textAnchor="end"
              transform={`translate(${x + SLOT / 2 + 4} ${HEIGHT - BOTTOM + 10}) rotate(-45)`}
            >
              {column.label}
            </text>
          </g>
        );
      })}
    </svg>
  );
}
