// Results of one search across the ecosystem, grouped by what they are, with counts.
import { useState } from "react";
import type { ReactNode } from "react";
import { Link } from "react-router-dom";

import { defineMessages, useFormats, useMessages } from "../../i18n";
import type { Localized } from "../../i18n";
import { useQuery } from "../../useQuery";
import { Empty, ErrorNotice, Loading } from "../Status";
import { CallStatusBadge } from "./CallStatusBadge";
import { useLabels } from "./labels";
import { LocalText } from "./LocalText";
import { OrganisationMeta } from "./SuggestionList";
import type { CallSummary, OrganisationSummary } from "./types";
import { CALL_SUMMARY, ORGANISATION_SUMMARY, callPath, organisationPath } from "./types";

const messages = defineMessages({
  en: {
    searching: "Searching…",
    summary: "{count} results for “{text}”",
    nothing: "Nothing matches “{text}”. Try fewer or other words, in Greek or English.",
    organisations: "Organisations",
    people: "People",
    calls: "Funding calls",
    pilots: "Pilot projects",
    challenges: "Challenges",
    count: "{shown} of {total}",
    showAll: "Show all {total} ({group})",
    allCalls: "Open the {total} calls in the funding calls list",
    deadline: "deadline {date}",
  },
  el: {
    searching: "Αναζήτηση…",
    summary: "{count} αποτελέσματα για «{text}»",
    nothing: "Τίποτα δεν ταιριάζει με «{text}». Δοκιμάστε λιγότερες ή άλλες λέξεις, στα ελληνικά ή στα αγγλικά.",
    organisations: "Οργανισμοί",
    people: "Άνθρωποι",
    calls: "Προσκλήσεις χρηματοδότησης",
    pilots: "Πιλοτικά έργα",
    challenges: "Διαγωνισμοί",
    count: "{shown} από {total}",
    showAll: "Εμφάνιση όλων των {total} ({group})",
    allCalls: "Άνοιγμα των {total} προσκλήσεων στη λίστα προσκλήσεων",
    deadline: "προθεσμία {date}",
  },
});

const FEW = 6;
const MANY = 100;

interface Connection<T> {
  totalCount: number;
  edges: { node: T }[];
}

interface SearchData {
  organisationHits: Connection<OrganisationSummary>;
  personHits: Connection<{ id: string; name: string; roles: string[] }>;
  callHits: Connection<CallSummary>;
  pilotHits: Connection<{ id: string; title: Localized; status: string }>;
  challengeHits: Connection<{ id: string; title: Localized; year: number }>;
}

type Group = "organisations" | "people" | "calls" | "pilots" | "challenges";

const SEARCH = `query Search($text: String!, $organisations: Int!, $people: Int!, $calls: Int!, $pilots: Int!, $challenges: Int!) {
  organisationHits: organisations(first: $organisations, filter: { text: $text }) {
    totalCount edges { node { ${ORGANISATION_SUMMARY} } }
  }
  personHits: people(first: $people, filter: { text: $text }) {
    totalCount edges { node { id name roles } }
  }
  callHits: fundingCalls(first: $calls, filter: { text: $text }) {
    totalCount edges { node { ${CALL_SUMMARY} } }
  }
  pilotHits: pilotProjects(first: $pilots, filter: { text: $text }) {
    totalCount edges { node { id title { el en } status } }
  }
  challengeHits: challenges(first: $challenges, filter: { text: $text }) {
    totalCount edges { node { id title { el en } year } }
  }
}`;

export function SearchResults({ text }: { text: string }) {
  const t = useMessages(messages);
  const fmt = useFormats();
  const labels = useLabels();
  const [expanded, setExpanded] = useState<Group[]>([]);
  const size = (group: Group) => (expanded.includes(group) ? MANY : FEW);
  const { data, error, loading, reload } = useQuery<SearchData>(SEARCH, {
    text,
    organisations: size("organisations"),
    people: size("people"),
    calls: size("calls"),
    pilots: size("pilots"),
    challenges: size("challenges"),
  });
  if (loading && data === null) return <Loading label={t("searching")} />;
  if (error) return <ErrorNotice error={error} onRetry={reload} />;
  if (data === null) return null;
  const total =
    data.organisationHits.totalCount +
    data.personHits.totalCount +
    data.callHits.totalCount +
    data.pilotHits.totalCount +
    data.challengeHits.totalCount;
  if (total === 0) return <Empty>{t("nothing", { text })}</Empty>;
  const more = (group: Group, connection: Connection<unknown>) =>
    connection.totalCount > connection.edges.length && !expanded.includes(group) ? (
      <button type="button" className="secondary" onClick={() => setExpanded([...expanded, group])}>
        {t("showAll", { total: fmt.number(connection.totalCount), group: t(group) })}
      </button>
    ) : null;
  return (
    <div className="search-results" aria-busy={loading}>
      <p role="status" className="result-summary">
        {t("summary", { count: fmt.number(total), text })}
      </p>
      <ResultGroup
        id="organisations"
        title={t("organisations")}
        connection={data.organisationHits}
        more={more("organisations", data.organisationHits)}
      >
        {data.organisationHits.edges.map(({ node }) => (
          <li key={node.id}>
            <Link to={organisationPath(node.id)}>{node.name}</Link>
            <OrganisationMeta organisation={node} />
          </li>
        ))}
      </ResultGroup>
      <ResultGroup
        id="people"
        title={t("people")}
        connection={data.personHits}
        more={more("people", data.personHits)}
      >
        {data.personHits.edges.map(({ node }) => (
          <li key={node.id}>
            <Link to={`/people/${encodeURIComponent(node.id)}`}>{node.name}</Link>
            <p className="meta">{node.roles.map(labels.personRole).join(", ")}</p>
          </li>
        ))}
      </ResultGroup>
      <ResultGroup
        id="calls"
        title={t("calls")}
        connection={data.callHits}
        more={
          data.callHits.totalCount > data.callHits.edges.length ? (
            <Link to={`/calls?q=${encodeURIComponent(text)}`}>
              {t("allCalls", { total: fmt.number(data.callHits.totalCount) })}
            </Link>
          ) : null
        }
      >
        {data.callHits.edges.map(({ node }) => (
          <li key={node.id}>
            <Link to={callPath(node.id)}><LocalText value={node.title} /></Link>
            <p className="meta">
              <CallStatusBadge status={node.status} /> {node.identifier} ·{" "}
              {t("deadline", { date: fmt.date(node.deadline) })}
            </p>
          </li>
        ))}
      </ResultGroup>
      <ResultGroup
        id="pilots"
        title={t("pilots")}
        connection={data.pilotHits}
        more={more("pilots", data.pilotHits)}
      >
        {data.pilotHits.edges.map(({ node }) => (
          <li key={node.id}>
            <Link to="/pilots"><LocalText value={node.title} /></Link>
          </li>
        ))}
      </ResultGroup>
      <ResultGroup
        id="challenges"
        title={t("challenges")}
        connection={data.challengeHits}
        more={more("challenges", data.challengeHits)}
      >
        {data.challengeHits.edges.map(({ node }) => (
          <li key={node.id}>
            <Link to={`/challenges/${encodeURIComponent(node.id)}`}><LocalText value={node.title} /></Link>
            <p className="meta">{node.year}</p>
          </li>
        ))}
      </ResultGroup>
    </div>
  );
}

function ResultGroup({
  id,
  title,
  connection,
  more,
  children,
}: {
  id: string;
  title: string;
  connection: Connection<unknown>;
  more: ReactNode;
  children: ReactNode;
}) {
  const t = useMessages(messages);
  const fmt = useFormats();
  if (connection.totalCount === 0) return null;
  return (
    <section aria-labelledby={`results-${id}`} className="result-group">
      <h2 id={`results-${id}`}>
        {title}{" "}
        <span className="count">
          ({t("count", { shown: fmt.number(connection.edges.length), total: fmt.number(connection.totalCount) })})
        </span>
      </h2>
      <ul className="plain results">{children}</ul>
      {more}
    </section>
  );
}
