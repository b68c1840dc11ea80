// Small building blocks of profile pages: a labelled list of facts and a list of tags.
import type { ReactNode } from "react";

/** A description list that leaves out facts without a value. */
export function Facts({ items }: { items: [string, ReactNode][] }) {
  const shown = items.filter(([, value]) => value !== null && value !== undefined && value !== "");
  if (shown.length === 0) return null;
  return (
    <dl className="facts">
      {shown.map(([term, value]) => (
        <div key={term}>
          <dt>{term}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  );
}

export function Tags({ values, label }: { values: string[]; label: string }) {
  if (values.length === 0) return null;
  return (
    <ul className="tags" aria-label={label}>
      {values.map((value) => (
        <li key={value}>{value}</li>
      ))}
    </ul>
  );
}
