// One chart of the analytics page: its heading, a sentence that says what it shows, the
// drawing, and the same numbers as a table for people who do not read the drawing.
import { useId } from "react";
import type { ReactNode } from "react";

import { defineMessages, useMessages } from "../../i18n";

const messages = defineMessages({
  en: { numbers: "Show the numbers" },
  el: { numbers: "Εμφάνιση των αριθμών" },
});

export interface ChartTable {
  columns: string[];
  rows: { key: string; cells: string[] }[];
}

export function ChartFigure({
  title,
  summary,
  table,
  children,
}: {
  title: string;
  summary: string;
  table: ChartTable;
  /** The drawing, given the ids of the heading and the summary that label it. */
  children: (labelledBy: string) => ReactNode;
}) {
  const t = useMessages(messages);
  const headingId = useId();
  const summaryId = useId();
  return (
    <section className="chart" aria-labelledby={headingId}>
      <h2 id={headingId}>{title}</h2>
      <p id={summaryId} className="chart-summary">
        {summary}
      </p>
      <div className="chart-drawing">{children(`${headingId} ${summaryId}`)}</div>
      <details className="chart-numbers">
        <summary>{t("numbers")}</summary>
        <table>
          <caption>{title}</caption>
          <thead>
            <tr>
              {table.columns.map((column, index) => (
                <th key={column} scope="col" className={index > 0 ? "number" : undefined}>
                  {column}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {table.rows.map((row) => (
              <tr key={row.key}>
                {row.cells.map((cell, index) =>
                  index === 0 ? (
                    <th key={index} scope="row">
                      {cell}
                    </th>
                  ) : (
                    <td key={index} className="number">
                      {cell}
                    </td>
                  ),
                )}
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </section>
  );
}

/** A chart's place when there is nothing to draw yet. */
export function EmptyChart({ title, children }: { title: string; children: string }) {
  const headingId = useId();
  return (
    <section className="chart" aria-labelledby={headingId}>
      <h2 id={headingId}>{title}</h2>
      <p className="status empty">{children}</p>
    </section>
  );
}
