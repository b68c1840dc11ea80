// The front door: what the hub is, one search across the whole ecosystem (kept in the
// address as ?q= so back, forward and sharing work), and entry points without a search.
import { useEffect, useId, useState } from "react";
import type { FormEvent } from "react";
import { Link, useSearchParams } from "react-router-dom";

import { CallStatusBadge } from "../components/discovery/CallStatusBadge";
import { LocalText } from "../components/discovery/LocalText";
import { SearchResults } from "../components/discovery/SearchResults";
import type { CallSummary } from "../components/discovery/types";
import { CALL_SUMMARY, callPath } from "../components/discovery/types";
import { Page } from "../components/Page";
import { Empty, ErrorNotice, Loading } from "../components/Status";
import { defineMessages, useFormats, useMessages } from "../i18n";
import type { Localized } from "../i18n";
import { useQuery } from "../useQuery";
import "../discovery.css";

const messages = defineMessages({
  en: {
    title: "Thessaloniki innovation hub",
    intro:
      "One place for Thessaloniki's innovation ecosystem: start-ups, labs, universities, public bodies, networks, funding calls and open-data challenges. Search it, see who could work with whom and why, and build a consortium for a call.",
    searchLabel: "Search the ecosystem",
    searchHint: "Organisations, people, funding calls, pilot projects and challenges, in Greek or English.",
    search: "Search",
    examples: "Try",
    closingSoon: "Funding calls closing soon",
    noOpenCalls: "No funding call is open right now.",
    allCalls: "All funding calls",
    openChallenges: "Challenges you can join",
    noOpenChallenges: "No challenge is running right now; see past challenges and their winners.",
    allChallenges: "All challenges",
    deadline: "Deadline {date}",
    phase: "Phase: {phase}",
    submissionDeadline: "Submissions until {date}",
    moreWays: "More ways in",
    explore: "Explore the ecosystem",
    exploreBody: "See an organisation's neighbourhood and how two organisations are connected.",
    analytics: "The ecosystem in figures",
    analyticsBody: "Organisations by kind and sector, collaborations over time, deadlines per month.",
    pilots: "Pilot projects",
    pilotsBody: "Researchers' pilots looking for test sites and partners.",
    REGISTRATION: "registration open",
    SUBMISSION: "submissions open",
    JUDGING: "judging",
    PUBLISHED: "announced",
    AWARDED: "awarded",
    DRAFT: "draft",
    ARCHIVED: "archived",
  },
  el: {
    title: "Κόμβος καινοτομίας Θεσσαλονίκης",
    intro:
      "Ένα σημείο για το οικοσύστημα καινοτομίας της Θεσσαλονίκης: νεοφυείς επιχειρήσεις, εργαστήρια, πανεπιστήμια, δημόσιοι φορείς, δίκτυα, προσκλήσεις χρηματοδότησης και διαγωνισμοί ανοιχτών δεδομένων. Αναζητήστε, δείτε ποιος θα μπορούσε να συνεργαστεί με ποιον και γιατί, και συγκροτήστε κοινοπραξία για μια πρόσκληση.",
    searchLabel: "Αναζήτηση στο οικοσύστημα",
    searchHint: "Οργανισμοί, άνθρωποι, προσκλήσεις χρηματοδότησης, πιλοτικά έργα και διαγωνισμοί, στα ελληνικά ή στα αγγλικά.",
    search: "Αναζήτηση",
    examples: "Δοκιμάστε",
    closingSoon: "Προσκλήσεις που λήγουν σύντομα",
    noOpenCalls: "Καμία πρόσκληση χρηματοδότησης δεν είναι ανοιχτή αυτή τη στιγμή.",
    allCalls: "Όλες οι προσκλήσεις",
    openChallenges: "Διαγωνισμοί στους οποίους μπορείτε να συμμετάσχετε",
    noOpenChallenges: "Κανένας διαγωνισμός δεν τρέχει αυτή τη στιγμή· δείτε τους προηγούμενους και τους νικητές τους.",
    allChallenges: "Όλοι οι διαγωνισμοί",
    deadline: "Προθεσμία {date}",
    phase: "Φάση: {phase}",
    submissionDeadline: "Υποβολές έως {date}",
    moreWays: "Περισσότεροι τρόποι",
    explore: "Εξερεύνηση του οικοσυστήματος",
    exploreBody: "Δείτε τη γειτονιά ενός οργανισμού και πώς συνδέονται δύο οργανισμοί.",
    analytics: "Το οικοσύστημα σε αριθμούς",
    analyticsBody: "Οργανισμοί ανά τύπο και τομέα, συνεργασίες στον χρόνο, προθεσμίες ανά μήνα.",
    pilots: "Πιλοτικά έργα",
    pilotsBody: "Πιλοτικά έργα ερευνητών που αναζητούν χώρους δοκιμής και εταίρους.",
    REGISTRATION: "ανοιχτές εγγραφές",
    SUBMISSION: "ανοιχτές υποβολές",
    JUDGING: "αξιολόγηση",
    PUBLISHED: "ανακοινώθηκε",
    AWARDED: "απονεμήθηκαν βραβεία",
    DRAFT: "πρόχειρο",
    ARCHIVED: "αρχειοθετήθηκε",
  },
});

const EXAMPLES = {
  en: ["mobility", "open data", "energy", "health"],
  el: ["κινητικότητα", "ανοιχτά δεδομένα", "ενέργεια", "υγεία"],
} as const;

export function Home() {
  const t = useMessages(messages);
  const [params, setParams] = useSearchParams();
  const query = (params.get("q") ?? "").trim();
  return (
    <Page title={t("title")} intro={<p>{t("intro")}</p>}>
      <SearchForm
        query={query}
        onSearch={(text) => setParams(text ? { q: text } : {})}
      />
      {query ? <SearchResults key={query} text={query} /> : <EntryPoints />}
    </Page>
  );
}

function SearchForm({ query, onSearch }: { query: string; onSearch: (text: string) => void }) {
  const t = useMessages(messages);
  const { lang } = useFormats();
  const [text, setText] = useState(query);
  const inputId = useId();
  const hintId = useId();
  // Back and forward change the address: the box follows it.
  useEffect(() => setText(query), [query]);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onSearch(text.trim());
  };
  return (
    <form role="search" className="search-form" onSubmit={submit}>
      <label htmlFor={inputId}>{t("searchLabel")}</label>
      <p id={hintId} className="hint">
        {t("searchHint")}
      </p>
      <div className="search-row">
        <input
          id={inputId}
          type="search"
          name="q"
          value={text}
          onChange={(event) => setText(event.target.value)}
          aria-describedby={hintId}
          autoComplete="off"
        />
        <button type="submit">{t("search")}</button>
      </div>
      <p className="examples">
        {t("examples")}:{" "}
        {EXAMPLES[lang].map((example, index) => (
          <span key={example}>
            {index > 0 ? " · " : null}
            <Link to={`/?q=${encodeURIComponent(example)}`}>{example}</Link>
          </span>
        ))}
      </p>
    </form>
  );
}

interface EntryData {
  fundingCalls: { edges: { node: CallSummary }[] };
  challenges: { edges: { node: { id: string; title: Localized; year: number; awards: { id: string }[] } }[] };
}

const ENTRY_POINTS = `query EntryPoints {
  fundingCalls(first: 5, filter: { status: [OPEN] }) { edges { node { ${CALL_SUMMARY} } } }
  challenges(first: 100) { edges { node { id title { el en } year awards { id } } } }
}`;

function EntryPoints() {
  const t = useMessages(messages);
  const fmt = useFormats();
  const { data, error, loading, reload } = useQuery<EntryData>(ENTRY_POINTS);
  if (loading) return <Loading />;
  if (error) return <ErrorNotice error={error} onRetry={reload} />;
  if (data === null) return null;
  const running = data.challenges.edges.map((edge) => edge.node).filter((node) => node.awards.length === 0);
  return (
    <div className="columns entry-points">
      <section aria-labelledby="closing-soon">
        <h2 id="closing-soon">{t("closingSoon")}</h2>
        {data.fundingCalls.edges.length === 0 ? (
          <Empty>{t("noOpenCalls")}</Empty>
        ) : (
          <ul className="plain results">
            {data.fundingCalls.edges.map(({ node }) => (
              <li key={node.id}>
                <Link to={callPath(node.id)}><LocalText value={node.title} /></Link>
                <p className="meta">
                  <CallStatusBadge status={node.status} /> {node.programme ?? node.identifier} ·{" "}
                  {t("deadline", { date: fmt.date(node.deadline) })}
                </p>
              </li>
            ))}
          </ul>
        )}
        <p>
          <Link to="/calls">{t("allCalls")}</Link>
        </p>
      </section>
      <section aria-labelledby="open-challenges">
        <h2 id="open-challenges">{t("openChallenges")}</h2>
        {running.length === 0 ? (
          <Empty>{t("noOpenChallenges")}</Empty>
        ) : (
          <ul className="plain results">
            {running.map((challenge) => (
              <li key={challenge.id}>
                <Link to={`/challenges/${encodeURIComponent(challenge.id)}`}><LocalText value={challenge.title} /></Link>
                <ChallengeStage id={challenge.id} />
              </li>
            ))}
          </ul>
        )}
        <p>
          <Link to="/challenges">{t("allChallenges")}</Link>
        </p>
      </section>
      <section aria-labelledby="more-ways">
        <h2 id="more-ways">{t("moreWays")}</h2>
        <ul className="plain results">
          <li>
            <Link to="/explorer">{t("explore")}</Link>
            <p className="meta">{t("exploreBody")}</p>
          </li>
          <li>
            <Link to="/analytics">{t("analytics")}</Link>
            <p className="meta">{t("analyticsBody")}</p>
          </li>
          <li>
            <Link to="/pilots">{t("pilots")}</Link>
            <p className="meta">{t("pilotsBody")}</p>
          </li>
        </ul>
      </section>
    </div>
  );
}

type Phase = "DRAFT" | "PUBLISHED" | "REGISTRATION" | "SUBMISSION" | "JUDGING" | "AWARDED" | "ARCHIVED";

const STAGE = `query ChallengeStage($id: ID!) {
  challengeDetails(id: $id) { phase schedule { submissionDeadline } }
}`;

/** Where a running challenge stands: its phase and when submissions close. */
function ChallengeStage({ id }: { id: string }) {
  const t = useMessages(messages);
  const fmt = useFormats();
  const { data } = useQuery<{
    challengeDetails: { phase: Phase; schedule: { submissionDeadline: string } | null } | null;
  }>(STAGE, { id });
  const details = data?.challengeDetails;
  if (!details) return null;
  return (
    <p className="meta">
      {t("phase", { phase: t(details.phase) })}
      {details.schedule
        ? ` · ${t("submissionDeadline", { date: fmt.date(details.schedule.submissionDeadline, true) })}`
        : ""}
    </p>
  );
}
