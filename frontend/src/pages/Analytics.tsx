// The ecosystem in numbers: organisations by kind and sector, collaboration over the years,
// funding deadlines per month and challenge participation, each chart with its table.
import "../ecosystem.css";

import { BarChart } from "../components/ecosystem/BarChart";
import { ChartFigure, EmptyChart } from "../components/ecosystem/ChartFigure";
import { ColumnChart } from "../components/ecosystem/ColumnChart";
import { kindName, sectorName } from "../components/ecosystem/labels";
import { LineChart } from "../components/ecosystem/LineChart";
import { Page } from "../components/Page";
import { Empty, ErrorNotice, Loading } from "../components/Status";
import { defineMessages, useFormats, useMessages } from "../i18n";
import type { Formats, Translate } from "../i18n";
import { useQuery } from "../useQuery";

const STATISTICS = `query EcosystemStatistics {
  ecosystemStatistics {
    organisationsByKind { kind count }
    organisationsBySector { sector count }
    collaborationByYear { year projects organisations coParticipations }
    fundingDeadlinesByMonth { month calls }
    challengeParticipationByYear { year challenges teams participants submissions }
  }
}`;

interface Statistics {
  organisationsByKind: { kind: string; count: number }[];
  organisationsBySector: { sector: string; count: number }[];
  collaborationByYear: { year: number; projects: number; organisations: number; coParticipations: number }[];
  fundingDeadlinesByMonth: { month: string; calls: number }[];
  challengeParticipationByYear: {
    year: number;
    challenges: number;
    teams: number;
    participants: number;
    submissions: number;
  }[];
}

const TOP_SECTORS = 12;

const messages = defineMessages({
  en: {
    title: "Ecosystem analytics",
    intro:
      "How Thessaloniki's innovation ecosystem is made up and how it works together, counted from everything the hub holds.",
    empty: "There is nothing to count yet.",
    noData: "No data yet for this chart.",
    kindTitle: "Organisations by kind",
    kindSummary: "{total} organisations. The most common kind is {kind}, with {count}.",
    kind: "Kind",
    organisations: "Organisations",
    sectorTitle: "Organisations by sector",
    sectorSummary:
      "The {shown} most common of {sectors} sectors; {sector} leads with {count} organisations. An organisation may work in several sectors.",
    sector: "Sector",
    collaborationTitle: "The collaboration network over time",
    collaborationSummary:
      "Funded projects by start year, the organisations in them and the pairs of organisations that worked together. From {first} to {last}: {projects} projects and {pairs} co-participations; the busiest year was {busiest}.",
    year: "Year",
    projects: "Projects",
    coParticipations: "Co-participations",
    deadlinesTitle: "Funding deadlines per month",
    deadlinesSummary:
      "{calls} funding calls close between {first} and {last}; the busiest month is {busiest}, with {count}.",
    month: "Month",
    calls: "Calls",
    challengesTitle: "Challenge participation by year",
    challengesSummary:
      "{challenges} challenges from {first} to {last}, entered by {teams} teams with {participants} participants and {submissions} submissions.",
    challenges: "Challenges",
    teams: "Teams",
    participants: "Participants",
    submissions: "Submissions",
  },
  el: {
    title: "Στατιστικά του οικοσυστήματος",
    intro:
      "Από ποιους αποτελείται το οικοσύστημα καινοτομίας της Θεσσαλονίκης και πώς συνεργάζεται, μετρημένα από όλα όσα κρατά ο κόμβος.",
    empty: "Δεν υπάρχει ακόμη τίποτα να μετρηθεί.",
    noData: "Δεν υπάρχουν ακόμη δεδομένα για αυτό το γράφημα.",
    kindTitle: "Οργανισμοί ανά είδος",
    kindSummary: "{total} οργανισμοί. Το συχνότερο είδος είναι «{kind}», με {count}.",
    kind: "Είδος",
    organisations: "Οργανισμοί",
    sectorTitle: "Οργανισμοί ανά τομέα",
    sectorSummary:
      "Οι {shown} συχνότεροι από {sectors} τομείς· προηγείται ο τομέας «{sector}» με {count} οργανισμούς. Ένας οργανισμός μπορεί να δραστηριοποιείται σε πολλούς τομείς.",
    sector: "Τομέας",
    collaborationTitle: "Το δίκτυο συνεργασίας στον χρόνο",
    collaborationSummary:
      "Χρηματοδοτούμενα έργα ανά έτος έναρξης, οι οργανισμοί τους και τα ζεύγη οργανισμών που συνεργάστηκαν. Από το {first} έως το {last}: {projects} έργα και {pairs} συμμετοχές σε κοινά έργα· η πιο δραστήρια χρονιά ήταν το {busiest}.",
    year: "Έτος",
    projects: "Έργα",
    coParticipations: "Κοινές συμμετοχές",
    deadlinesTitle: "Προθεσμίες χρηματοδότησης ανά μήνα",
    deadlinesSummary:
      "{calls} προσκλήσεις λήγουν από {first} έως {last}· ο πιο φορτωμένος μήνας είναι ο {busiest}, με {count}.",
    month: "Μήνας",
    calls: "Προσκλήσεις",
    challengesTitle: "Συμμετοχή στους διαγωνισμούς ανά έτος",
    challengesSummary:
      "{challenges} διαγωνισμοί από το {first} έως το {last}, με {teams} ομάδες, {participants} συμμετέχοντες και {submissions} υποβολές.",
    challenges: "Διαγωνισμοί",
    teams: "Ομάδες",
    participants: "Συμμετέχοντες",
    submissions: "Υποβολές",
  },
});

type T = Translate<keyof (typeof messages)["en"]>;

function sum(values: number[]): number {
  return values.reduce((total, value) => total + value, 0);
}

function largestBy<Item>(items: Item[], value: (item: Item) => number): Item {
  return items.reduce((best, item) => (value(item) > value(best) ? item : best));
}

/** Every month from the first to the last, those without a deadline as zero. */
function everyMonth(items: Statistics["fundingDeadlinesByMonth"]): Statistics["fundingDeadlinesByMonth"] {
  if (items.length === 0) return items;
  const calls = new Map(items.map((item) => [item.month, item.calls]));
  const [firstYear, firstMonth] = items[0].month.split("-").map(Number);
  const [lastYear, lastMonth] = items[items.length - 1].month.split("-").map(Number);
  const months = [];
  for (let index = firstYear * 12 + firstMonth - 1; index <= lastYear * 12 + lastMonth - 1; index += 1) {
    const month = `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, "0")}`;
    months.push({ month, calls: calls.get(month) ?? 0 });
  }
  return months;
}

/** Every year from the first to the last; a year the hub has nothing for counts zero. */
function everyYear<Item extends { year: number }>(items: Item[], zero: (year: number) => Item): Item[] {
  if (items.length === 0) return items;
  const byYear = new Map(items.map((item) => [item.year, item]));
  const years = [];
  for (let year = items[0].year; year <= items[items.length - 1].year; year += 1) {
    years.push(byYear.get(year) ?? zero(year));
  }
  return years;
}

function monthName(formats: Formats, month: string): string {
  const [year, number] = month.split("-").map(Number);
  return new Intl.DateTimeFormat(formats.locale, { month: "short", year: "numeric", timeZone: "UTC" }).format(
    new Date(Date.UTC(year, number - 1, 1)),
  );
}

function KindsChart({ items, t, formats }: { items: Statistics["organisationsByKind"]; t: T; formats: Formats }) {
  if (items.length === 0) return <EmptyChart title={t("kindTitle")}>{t("noData")}</EmptyChart>;
  const top = items[0];
  const bars = items.map((item) => ({ key: item.kind, label: kindName(formats.lang, item.kind), value: item.count }));
  return (
    <ChartFigure
      title={t("kindTitle")}
      summary={t("kindSummary", {
        total: formats.number(sum(items.map((item) => item.count))),
        kind: kindName(formats.lang, top.kind),
        count: formats.number(top.count),
      })}
      table={{
        columns: [t("kind"), t("organisations")],
        rows: bars.map((bar) => ({ key: bar.key, cells: [bar.label, formats.number(bar.value)] })),
      }}
    >
      {(labelledBy) => <BarChart bars={bars} format={(value) => formats.number(value)} labelledBy={labelledBy} />}
    </ChartFigure>
  );
}

function SectorsChart({
  items,
  t,
  formats,
}: {
  items: Statistics["organisationsBySector"];
  t: T;
  formats: Formats;
}) {
  if (items.length === 0) return <EmptyChart title={t("sectorTitle")}>{t("noData")}</EmptyChart>;
  const all = items.map((item) => ({
    key: item.sector,
    label: sectorName(formats.lang, item.sector),
    value: item.count,
  }));
  const shown = all.slice(0, TOP_SECTORS);
  return (
    <ChartFigure
      title={t("sectorTitle")}
      summary={t("sectorSummary", {
        shown: formats.number(shown.length),
        sectors: formats.number(all.length),
        sector: shown[0].label,
        count: formats.number(shown[0].value),
      })}
      table={{
        columns: [t("sector"), t("organisations")],
        rows: all.map((bar) => ({ key: bar.key, cells: [bar.label, formats.number(bar.value)] })),
      }}
    >
      {(labelledBy) => <BarChart bars={shown} format={(value) => formats.number(value)} labelledBy={labelledBy} />}
    </ChartFigure>
  );
}

function CollaborationChart({
  items,
  t,
  formats,
}: {
  items: Statistics["collaborationByYear"];
  t: T;
  formats: Formats;
}) {
  if (items.length === 0) return <EmptyChart title={t("collaborationTitle")}>{t("noData")}</EmptyChart>;
  const busiest = largestBy(items, (item) => item.coParticipations);
  return (
    <ChartFigure
      title={t("collaborationTitle")}
      summary={t("collaborationSummary", {
        first: String(items[0].year),
        last: String(items[items.length - 1].year),
        projects: formats.number(sum(items.map((item) => item.projects))),
        pairs: formats.number(sum(items.map((item) => item.coParticipations))),
        busiest: String(busiest.year),
      })}
      table={{
        columns: [t("year"), t("projects"), t("organisations"), t("coParticipations")],
        rows: items.map((item) => ({
          key: String(item.year),
          cells: [
            String(item.year),
            formats.number(item.projects),
            formats.number(item.organisations),
            formats.number(item.coParticipations),
          ],
        })),
      }}
    >
      {(labelledBy) => (
        <LineChart
          years={items.map((item) => item.year)}
          series={[
            { key: "projects", label: t("projects"), values: items.map((item) => item.projects) },
            { key: "organisations", label: t("organisations"), values: items.map((item) => item.organisations) },
            { key: "pairs", label: t("coParticipations"), values: items.map((item) => item.coParticipations) },
          ]}
          format={(value) => formats.number(value)}
          labelledBy={labelledBy}
        />
      )}
    </ChartFigure>
  );
}

function DeadlinesChart({
  items,
  t,
  formats,
}: {
  items: Statistics["fundingDeadlinesByMonth"];
  t: T;
  formats: Formats;
}) {
  if (items.length === 0) return <EmptyChart title={t("deadlinesTitle")}>{t("noData")}</EmptyChart>;
  const columns = items.map((item) => ({ key: item.month, label: monthName(formats, item.month), value: item.calls }));
  const busiest = largestBy(columns, (column) => column.value);
  return (
    <ChartFigure
      title={t("deadlinesTitle")}
      summary={t("deadlinesSummary", {
        calls: formats.number(sum(items.map((item) => item.calls))),
        first: columns[0].label,
        last: columns[columns.length - 1].label,
        busiest: busiest.label,
        count: formats.number(busiest.value),
      })}
      table={{
        columns: [t("month"), t("calls")],
        rows: columns.map((column) => ({ key: column.key, cells: [column.label, formats.number(column.value)] })),
      }}
    >
      {(labelledBy) => (
        <ColumnChart columns={columns} format={(value) => formats.number(value)} labelledBy={labelledBy} />
      )}
    </ChartFigure>
  );
}

function ChallengesChart({
  items,
  t,
  formats,
}: {
  items: Statistics["challengeParticipationByYear"];
  t: T;
  formats: Formats;
}) {
  if (items.length === 0) return <EmptyChart title={t("challengesTitle")}>{t("noData")}</EmptyChart>;
  return (
    <ChartFigure
      title={t("challengesTitle")}
      summary={t("challengesSummary", {
        challenges: formats.number(sum(items.map((item) => item.challenges))),
        first: String(items[0].year),
        last: String(items[items.length - 1].year),
        teams: formats.number(sum(items.map((item) => item.teams))),
        participants: formats.number(sum(items.map((item) => item.participants))),
        submissions: formats.number(sum(items.map((item) => item.submissions))),
      })}
      table={{
        columns: [t("year"), t("challenges"), t("teams"), t("participants"), t("submissions")],
        rows: items.map((item) => ({
          key: String(item.year),
          cells: [
            String(item.year),
            formats.number(item.challenges),
            formats.number(item.teams),
            formats.number(item.participants),
            formats.number(item.submissions),
          ],
        })),
      }}
    >
      {(labelledBy) => (
        <LineChart
          years={items.map((item) => item.year)}
          series={[
            { key: "teams", label: t("teams"), values: items.map((item) => item.teams) },
            { key: "participants", label: t("participants"), values: items.map((item) => item.participants) },
            { key: "submissions", label: t("submissions"), values: items.map((item) => item.submissions) },
          ]}
          format={(value) => formats.number(value)}
          labelledBy={labelledBy}
        />
      )}
    </ChartFigure>
  );
}

export function Analytics() {
  const t = useMessages(messages);
  const formats = useFormats();
  const { data, error, loading, reload } = useQuery<{ ecosystemStatistics: Statistics }>(STATISTICS);
  const stats = data?.ecosystemStatistics;
  return (
    <Page title={t("title")} intro={<p>{t("intro")}</p>}>
      {loading && !stats ? <Loading /> : null}
      {error ? <ErrorNotice error={error} onRetry={reload} /> : null}
      {stats ? (
        stats.organisationsByKind.length === 0 ? (
          <Empty>{t("empty")}</Empty>
        ) : (
          <div className="charts">
            <KindsChart items={stats.organisationsByKind} t={t} formats={formats} />
            <SectorsChart items={stats.organisationsBySector} t={t} formats={formats} />
            <CollaborationChart
              items={everyYear(stats.collaborationByYear, (year) => ({
                year,
                projects: 0,
                organisations: 0,
                coParticipations: 0,
              }))}
              t={t}
              formats={formats}
            />
            <DeadlinesChart items={everyMonth(stats.fundingDeadlinesByMonth)} t={t} formats={formats} />
            <ChallengesChart
              items={everyYear(stats.challengeParticipationByYear, (year) => ({
                year,
                challenges: 0,
                teams: 0,
                participants: 0,
                submissions: 0,
              }))}
              t={t}
              formats={formats}
            />
          </div>
        )
      ) : null}
    </Page>
  );
}
