// Several series over the same years, told apart by colour, dash pattern and marker shape
// (never by colour alone), with a legend that repeats the pattern.
import { defineMessages, useMessages } from "../../i18n";

export interface Series {
  key: string;
  label: string;
  values: number[];
}

const WIDTH = 720;
const HEIGHT = 280;
const PAD = { top: 20, right: 24, bottom: 36, left: 48 };
const STYLES = [
  { className: "series-a", dash: undefined, marker: "circle" },
  { className: "series-b", dash: "8 4", marker: "square" },
  { className: "series-c", dash: "2 4", marker: "triangle" },
] as const;

const messages = defineMessages({
  en: { legend: "Legend" },
  el: { legend: "Υπόμνημα" },
});

function Marker({ shape, x, y }: { shape: (typeof STYLES)[number]["marker"]; x: number; y: number }) {
  if (shape === "circle") return <circle cx={x} cy={y} r={4.5} />;
  if (shape === "square") return <rect x={x - 4.5} y={y - 4.5} width={9} height={9} />;
  return <polygon points={`${x},${y - 6} ${x + 5.5},${y + 4} ${x - 5.5},${y + 4}`} />;
}

export function LineChart({
  years,
  series,
  format,
  labelledBy,
}: {
  years: number[];
  series: Series[];
  format: (value: number) => string;
  labelledBy: string;
}) {
  const t = useMessages(messages);
  const largest = Math.max(1, ...series.flatMap((line) => line.values));
  const innerWidth = WIDTH - PAD.left - PAD.right;
  const innerHeight = HEIGHT - PAD.top - PAD.bottom;
  const x = (index: number) =>
    PAD.left + (years.length <= 1 ? innerWidth / 2 : (index / (years.length - 1)) * innerWidth);
  const y = (value: number) => PAD.top + innerHeight - (value / largest) * innerHeight;
  const ticks = [...new Set([0, largest / 2, largest].map((value) => Math.round(value)))];
  return (
    <>
      <ul className="chart-legend" aria-label={t("legend")}>
        {series.map((line, index) => (
          <li key={line.key} className={STYLES[index % STYLES.length].className}>
            <svg width={36} height={14} aria-hidden="true">
              <line x1={2} x2={34} y1={7} y2={7} strokeDasharray={STYLES[index % STYLES.length].dash} />
              <Marker shape={STYLES[index % STYLES.length].marker} x={18} y={7} />
            </svg>
            {line.label}
          </li>
        ))}
      </ul>
      <svg
        className="line-chart"
        viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
        role="img"
        aria-labelledby={labelledBy}
        preserveAspectRatio="xMinYMin meet"
      >
        {ticks.map((tick) => (
          <g key={tick}>
            <line x1={PAD.left} x2={WIDTH - PAD.right} y1={y(tick)} y2={y(tick)} className="grid" />
            <text x={PAD.left - 8} y={y(tick)} className="axis-label" textAnchor="end" dominantBaseline="middle">
              {format(tick)}
            </text>
          </g>
        ))}
        {years.map((year, index) => (
          <text key={year} x={x(index)} y={HEIGHT - PAD.bottom + 20} className="axis-label" textAnchor="middle">
            {String(year)}
          </text>
        ))}
        {series.map((line, index) => {
          const style = STYLES[index % STYLES.length];
          const points = line.values.map((value, at) => `${x(at)},${y(value)}`).join(" ");
          return (
            <g key={line.key} className={style.className}>
              <polyline points={points} fill="none" strokeDasharray={style.dash} />
              {line.values.map((value, at) => (
                <Marker key={at} shape={style.marker} x={x(at)} y={y(value)} />
              ))}
            </g>
          );
        })}
      </svg>
    </>
  );
}
