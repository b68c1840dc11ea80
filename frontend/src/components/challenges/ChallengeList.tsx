// Current challenges (phase and next date) and past challenges grouped by year.
import { Link } from "react-router-dom";

import { defineMessages, useFormats, useMessages } from "../../i18n";
import type { Localized } from "../../i18n";
import { useQuery } from "../../useQuery";
import { Empty, ErrorNotice, Loading } from "../Status";
import { challengePath, nextDeadline, PhaseBadge, useMoment } from "./common";
import type { Phase, Schedule } from "./common";

const messages = defineMessages({
  en: {
    current: "Current challenges",
    past: "Past challenges",
    noCurrent: "No challenge is running right now.",
    noPast: "No past challenges yet.",
    registrationOpens: "Registration opens {date}",
    submissionOpens: "Submissions open {date}",
    submissionDeadline: "Submission deadline {date}",
    judgingEnds: "Judging ends {date}",
    themes: "Themes",
  },
  el: {
    current: "Τρέχοντες διαγωνισμοί",
    past: "Προηγούμενοι διαγωνισμοί",
    noCurrent: "Δεν τρέχει κανένας διαγωνισμός αυτή τη στιγμή.",
    noPast: "Δεν υπάρχουν ακόμη προηγούμενοι διαγωνισμοί.",
    registrationOpens: "Οι εγγραφές ανοίγουν {date}",
    submissionOpens: "Οι υποβολές ανοίγουν {date}",
    submissionDeadline: "Προθεσμία υποβολής {date}",
    judgingEnds: "Η αξιολόγηση λήγει {date}",
    themes: "Θεματικές",
  },
});

interface Listed {
  id: string;
  title: Localized;
  year: number;
  themes: string[];
}

interface Lifecycle {
  id: string;
  phase: Phase;
  schedule: Schedule | null;
}

const LIST = `query ChallengeList {
  challenges(first: 100) { edges { node { id title { el en } year themes } } }
}`;

/** One query for every listed challenge's phase and schedule (drafts come back null). */
function lifecycleQuery(count: number): string {
  const variables = Array.from({ length: count }, (_, i) => `$c${i}: ID!`).join(", ");
  const fields = Array.from(
    { length: count },
    (_, i) =>
      `c${i}: challengeDetails(id: $c${i}) { id phase schedule { timezone registrationOpens submissionOpens submissionDeadline judgingEnds } }`,
  ).join("\n");
  return `query ChallengeLifecycles(${variables}) { ${fields} }`;
}

export interface ChallengeSummary extends Listed {
  phase: Phase;
  schedule: Schedule | null;
}

/** The visible challenges with their phases; `themes` of all of them for the filters. */
export function useChallengeSummaries() {
  const listed = useQuery<{ challenges: { edges: { node: Listed }[] } }>(LIST);
  const nodes = listed.data?.challenges.edges.map((edge) => edge.node) ?? [];
  const variables = Object.fromEntries(nodes.map((node, i) => [`c${i}`, node.id]));
  const lifecycles = useQuery<Record<string, Lifecycle | null>>(
    lifecycleQuery(nodes.length),
    variables,
    nodes.length === 0,
  );
  const byId = new Map(
    Object.values(lifecycles.data ?? {})
      .filter((item): item is Lifecycle => item !== null)
      .map((item) => [item.id, item]),
  );
  const summaries: ChallengeSummary[] = nodes.flatMap((node) => {
    const lifecycle = byId.get(node.id);
    return lifecycle ? [{ ...node, phase: lifecycle.phase, schedule: lifecycle.schedule }] : [];
  });
  const waiting = listed.loading || (nodes.length > 0 && (lifecycles.loading || !lifecycles.data));
  return {
    summaries,
    loading: waiting && !lifecycles.error,
    error: listed.error ?? lifecycles.error,
    reload: () => {
      listed.reload();
      lifecycles.reload();
    },
  };
}

const PAST: readonly Phase[] = ["AWARDED", "ARCHIVED"];

export function ChallengeList({ state }: { state: ReturnType<typeof useChallengeSummaries> }) {
  const t = useMessages(messages);
  const { summaries, loading, error, reload } = state;
  if (loading) return <Loading />;
  if (error) return <ErrorNotice error={error} onRetry={reload} />;
  const current = summaries.filter((item) => !PAST.includes(item.phase));
  const past = summaries.filter((item) => PAST.includes(item.phase));
  const years = [...new Set(past.map((item) => item.year))].sort((a, b) => b - a);
  return (
    <>
      <section aria-labelledby="current-challenges">
        <h2 id="current-challenges">{t("current")}</h2>
        {current.length === 0 ? (
          <Empty>{t("noCurrent")}</Empty>
        ) : (
          <ul className="cards">
            {current.map((item) => (
              <ChallengeCard key={item.id} item={item} level={3} />
            ))}
          </ul>
        )}
      </section>
      <section aria-labelledby="past-challenges">
        <h2 id="past-challenges">{t("past")}</h2>
        {years.length === 0 ? <Empty>{t("noPast")}</Empty> : null}
        {years.map((year) => (
          <section key={year} aria-labelledby={`past-${year}`}>
            <h3 id={`past-${year}`}>{year}</h3>
            <ul className="cards">
              {past
                .filter((item) => item.year === year)
                .map((item) => (
                  <ChallengeCard key={item.id} item={item} level={4} />
                ))}
            </ul>
          </section>
        ))}
      </section>
    </>
  );
}

function ChallengeCard({ item, level }: { item: ChallengeSummary; level: 3 | 4 }) {
  const t = useMessages(messages);
  const { text } = useFormats();
  const moment = useMoment();
  const next = nextDeadline(item.phase, item.schedule);
  const Heading = level === 3 ? "h3" : "h4";
  return (
    <li className="card challenge-card">
      <Heading className="card-title">
        <Link to={challengePath(item.id)}>{text(item.title)}</Link>
      </Heading>
      <p className="meta">
        <PhaseBadge phase={item.phase} />{" "}
        {next ? t(next.what, { date: moment(next.at, item.schedule?.timezone) }) : null}
      </p>
      {item.themes.length > 0 ? (
        <ul className="tags" aria-label={t("themes")}>
          {item.themes.map((theme) => (
            <li key={theme}>{theme}</li>
          ))}
        </ul>
      ) : null}
    </li>
  );
}
