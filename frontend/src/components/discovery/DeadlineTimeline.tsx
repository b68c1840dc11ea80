// How many of the listed calls close in each month: a bar chart that is a table, so that
// it reads the same to everyone; each month links to the calls closing in it.
import { Link } from "react-router-dom";

import { defineMessages, useFormats, useMessages } from "../../i18n";
import { useQuery } from "../../useQuery";
import { Empty, ErrorNotice, Loading } from "../Status";
import { graphqlCallFilter, HUB_ZONE, monthRange, writeCallFilter } from "./callFilter";
import type { CallFilterState } from "./callFilter";

const messages = defineMessages({
  en: {
    heading: "Deadlines per month",
    caption: "Funding call deadlines per month, for the calls that match the filters",
    month: "Month",
    calls: "Calls",
    show: "Show the calls of {month}",
    none: "No deadlines to show.",
    partial: "The timeline shows the first {shown} of {total} calls.",
  },
  el: {
    heading: "Προθεσμίες ανά μήνα",
    caption: "Προθεσμίες προσκλήσεων χρηματοδότησης ανά μήνα, για τις προσκλήσεις που ταιριάζουν στα φίλτρα",
    month: "Μήνας",
    calls: "Προσκλήσεις",
    show: "Εμφάνιση των προσκλήσεων του μήνα {month}",
    none: "Δεν υπάρχουν προθεσμίες για εμφάνιση.",
    partial: "Το χρονολόγιο δείχνει τις πρώτες {shown} από {total} προσκλήσεις.",
  },
});

const LIMIT = 100;

const DEADLINES = `query Deadlines($filter: FundingCallFilter) {
  fundingCalls(first: ${LIMIT}, filter: $filter) { totalCount edges { node { id deadline } } }
}`;

interface DeadlineData {
  fundingCalls: { totalCount: number; edges: { node: { id: string; deadline: string } }[] };
}

/** "yyyy-mm" of a moment, in Thessaloniki's time zone. */
function monthKey(iso: string): string {
  const parts = new Intl.DateTimeFormat("en-CA", { year: "numeric", month: "2-digit", timeZone: HUB_ZONE })
    .formatToParts(new Date(iso));
  const year = parts.find((part) => part.type === "year")?.value ?? "0000";
  const month = parts.find((part) => part.type === "month")?.value ?? "01";
  return `${year}-${month}`;
}

export function DeadlineTimeline({ filter }: { filter: CallFilterState }) {
  const t = useMessages(messages);
  const { data, error, loading, reload } = useQuery<DeadlineData>(DEADLINES, {
    filter: graphqlCallFilter(filter),
  });
  return (
    <section aria-labelledby="timeline" className="timeline-section">
      <h2 id="timeline">{t("heading")}</h2>
      {loading ? (
        <Loading />
      ) : error ? (
        <ErrorNotice error={error} onRetry={reload} />
      ) : !data || data.fundingCalls.edges.length === 0 ? (
        <Empty>{t("none")}</Empty>
      ) : (
        <MonthTable filter={filter} data={data} />
      )}
    </section>
  );
}

function MonthTable({ filter, data }: { filter: CallFilterState; data: DeadlineData }) {
  const t = useMessages(messages);
  const fmt = useFormats();
  const monthName = new Intl.DateTimeFormat(fmt.locale, { month: "long", year: "numeric", timeZone: "UTC" });
  const counts = new Map<string, number>();
  for (const { node } of data.fundingCalls.edges) {
    const key = monthKey(node.deadline);
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  const months = [...counts.entries()].sort(([a], [b]) => a.localeCompare(b));
  const most = Math.max(...counts.values());
  return (
    <>
      <table className="timeline">
        <caption className="visually-hidden">{t("caption")}</caption>
        <thead>
          <tr>
            <th scope="col">{t("month")}</th>
            <th scope="col">{t("calls")}</th>
          </tr>
        </thead>
        <tbody>
          {months.map(([key, count]) => {
            const name = monthName.format(new Date(`${key}-15T12:00:00Z`));
            const params = new URLSearchParams(writeCallFilter({ ...filter, ...monthRange(key) }));
            return (
              <tr key={key}>
                <th scope="row">
                  <Link to={`/calls?${params.toString()}`} aria-label={t("show", { month: name })}>
                    {name}
                  </Link>
                </th>
                <td>
                  <span className="bar-cell">
                    <span className="bar" style={{ width: `${(count / most) * 100}%` }} aria-hidden="true" />
                    <span className="bar-value">{fmt.number(count)}</span>
                  </span>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      {data.fundingCalls.totalCount > data.fundingCalls.edges.length ? (
        <p className="meta">
          {t("partial", {
            shown: fmt.number(data.fundingCalls.edges.length),
            total: fmt.number(data.fundingCalls.totalCount),
          })}
        </p>
      ) : null}
    </>
  );
}
