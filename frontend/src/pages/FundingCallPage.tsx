// One funding call: what it funds, for whom, until when, a way into building a consortium,
// and calls like it.
import { Link, useParams } from "react-router-dom";

import { CallMoment } from "../components/discovery/CallMoment";
import { CallStatusBadge } from "../components/discovery/CallStatusBadge";
import { Facts, Tags } from "../components/discovery/Facts";
import { useLabels } from "../components/discovery/labels";
import { LocalText } from "../components/discovery/LocalText";
import { Score } from "../components/discovery/SuggestionList";
import { Explanation } from "../components/discovery/Explanation";
import type { CallSummary, ScorePartsData } from "../components/discovery/types";
import { CALL_SUMMARY, callPath } from "../components/discovery/types";
import { LoadNode } from "../components/discovery/LoadNode";
import { Page } from "../components/Page";
import { Empty, ErrorNotice, Loading } from "../components/Status";
import { defineMessages, useFormats, useMessages } from "../i18n";
import type { Localized } from "../i18n";
import { useQuery } from "../useQuery";
import "../discovery.css";

const messages = defineMessages({
  en: {
    loading: "Loading the call…",
    notFound: "Funding call not found",
    notFoundBody: "There is no funding call at this address. It may have been removed.",
    allCalls: "All funding calls",
    build: "Build a consortium",
    details: "Details",
    identifier: "Topic identifier",
    callIdentifier: "Call",
    programme: "Programme",
    status: "Status",
    opening: "Opens",
    deadline: "Deadline",
    budget: "Budget per grant",
    budgetRange: "{min} to {max}",
    grants: "Expected grants",
    source: "Official page",
    topics: "Topics",
    description: "Description",
    noDescription: "No description.",
    eligibility: "Who may apply",
    kinds: "Kinds of organisation",
    anyKind: "Any kind of organisation",
    countries: "Countries",
    anyCountry: "Any country",
    funded: "Projects funded under this call",
    similar: "Similar calls",
    similarLoading: "Finding similar calls… this may take a few seconds.",
    noSimilar: "No similar calls found.",
    deadlineShort: "Deadline {date}",
  },
  el: {
    loading: "Φόρτωση της πρόσκλησης…",
    notFound: "Η πρόσκληση δεν βρέθηκε",
    notFoundBody: "Δεν υπάρχει πρόσκληση χρηματοδότησης σε αυτή τη διεύθυνση. Ίσως έχει αφαιρεθεί.",
    allCalls: "Όλες οι προσκλήσεις",
    build: "Συγκρότηση κοινοπραξίας",
    details: "Στοιχεία",
    identifier: "Κωδικός θέματος",
    callIdentifier: "Πρόσκληση",
    programme: "Πρόγραμμα",
    status: "Κατάσταση",
    opening: "Ανοίγει",
    deadline: "Προθεσμία",
    budget: "Προϋπολογισμός ανά επιχορήγηση",
    budgetRange: "{min} έως {max}",
    grants: "Αναμενόμενες επιχορηγήσεις",
    source: "Επίσημη σελίδα",
    topics: "Θέματα",
    description: "Περιγραφή",
    noDescription: "Χωρίς περιγραφή.",
    eligibility: "Ποιοι μπορούν να υποβάλουν",
    kinds: "Τύποι οργανισμού",
    anyKind: "Οποιοσδήποτε τύπος οργανισμού",
    countries: "Χώρες",
    anyCountry: "Οποιαδήποτε χώρα",
    funded: "Έργα που χρηματοδοτήθηκαν από αυτή την πρόσκληση",
    similar: "Παρόμοιες προσκλήσεις",
    similarLoading: "Αναζήτηση παρόμοιων προσκλήσεων… μπορεί να πάρει λίγα δευτερόλεπτα.",
    noSimilar: "Δεν βρέθηκαν παρόμοιες προσκλήσεις.",
    deadlineShort: "Προθεσμία {date}",
  },
});

interface CallDetails {
  id: string;
  identifier: string;
  callIdentifier: string | null;
  programme: string | null;
  title: Localized;
  description: Localized | null;
  openingDate: string | null;
  deadline: string;
  timezone: string | null;
  budgetMin: number | null;
  budgetMax: number | null;
  expectedGrants: number | null;
  eligibleKinds: string[];
  eligibleCountries: string[];
  sourceUrl: string | null;
  topics: string[];
  status: string;
  fundedProjects: { id: string; acronym: string | null; title: Localized | null }[];
}

const CALL = `query FundingCall($id: ID!) {
  fundingCall(id: $id) {
    id identifier callIdentifier programme title { el en } description { el en }
    openingDate deadline timezone budgetMin budgetMax expectedGrants
    eligibleKinds eligibleCountries sourceUrl topics status
    fundedProjects { id acronym title { el en } }
  }
}`;

export function FundingCallPage() {
  const t = useMessages(messages);
  const id = useParams().id ?? "";
  return (
    <LoadNode<CallDetails>
      query={CALL}
      id={id}
      field="fundingCall"
      back="/calls"
      texts={{
        loading: t("loading"),
        notFound: t("notFound"),
        notFoundBody: t("notFoundBody"),
        back: t("allCalls"),
      }}
      render={(call) => <CallView call={call} />}
    />
  );
}

function CallView({ call }: { call: CallDetails }) {
  const t = useMessages(messages);
  const fmt = useFormats();
  const labels = useLabels();
  const budget =
    call.budgetMin !== null && call.budgetMax !== null && call.budgetMin !== call.budgetMax
      ? t("budgetRange", { min: fmt.money(call.budgetMin), max: fmt.money(call.budgetMax) })
      : fmt.money(call.budgetMax ?? call.budgetMin);
  return (
    <Page
      title={fmt.text(call.title)}
      intro={
        <p>
          <CallStatusBadge status={call.status} /> {call.identifier}
          {call.programme ? ` · ${call.programme}` : ""}
        </p>
      }
      actions={
        <Link className="button" to={`${callPath(call.id)}/consortium`}>
          {t("build")}
        </Link>
      }
    >
      <section aria-labelledby="details">
        <h2 id="details">{t("details")}</h2>
        <Facts
          items={[
            [t("identifier"), call.identifier],
            [t("callIdentifier"), call.callIdentifier],
            [t("programme"), call.programme],
            [t("status"), <CallStatusBadge key="status" status={call.status} />],
            [t("opening"), call.openingDate ? <CallMoment iso={call.openingDate} zone={call.timezone} /> : null],
            [t("deadline"), <CallMoment key="deadline" iso={call.deadline} zone={call.timezone} />],
            [t("budget"), budget],
            [t("grants"), call.expectedGrants !== null ? fmt.number(call.expectedGrants) : null],
            [
              t("source"),
              call.sourceUrl ? (
                <a href={call.sourceUrl} rel="noopener noreferrer">
                  {call.sourceUrl}
                </a>
              ) : null,
            ],
          ]}
        />
        {call.topics.length > 0 ? (
          <>
            <h3>{t("topics")}</h3>
            <Tags values={call.topics} label={t("topics")} />
          </>
        ) : null}
      </section>
      <section aria-labelledby="description">
        <h2 id="description">{t("description")}</h2>
        <p className="prose">{call.description && fmt.text(call.description) ? <LocalText value={call.description} /> : t("noDescription")}</p>
      </section>
      <section aria-labelledby="eligibility">
        <h2 id="eligibility">{t("eligibility")}</h2>
        <Facts
          items={[
            [
              t("kinds"),
              call.eligibleKinds.length > 0 ? call.eligibleKinds.map(labels.kind).join(", ") : t("anyKind"),
            ],
            [
              t("countries"),
              call.eligibleCountries.length > 0
                ? call.eligibleCountries.map(labels.country).join(", ")
                : t("anyCountry"),
            ],
          ]}
        />
      </section>
      {call.fundedProjects.length > 0 ? (
        <section aria-labelledby="funded">
          <h2 id="funded">{t("funded")}</h2>
          <ul className="plain">
            {call.fundedProjects.map((project) => (
              <li key={project.id}>
                {project.acronym ? <strong>{project.acronym}</strong> : null}
                {project.acronym && project.title ? " – " : null}
                <LocalText value={project.title} />
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      <SimilarCalls id={call.id} />
    </Page>
  );
}

interface SimilarData {
  similar: {
    items: { fundingCall: CallSummary | null; score: number; parts: ScorePartsData; explanation: string }[];
  };
}

const SIMILAR = `query SimilarCalls($id: ID!) {
  similar(id: $id, first: 6) {
    items { fundingCall { ${CALL_SUMMARY} } score parts { semantic lexical graph prior } explanation }
  }
}`;

function SimilarCalls({ id }: { id: string }) {
  const t = useMessages(messages);
  const fmt = useFormats();
  const { data, error, loading, reload } = useQuery<SimilarData>(SIMILAR, { id });
  const items = (data?.similar.items ?? []).filter((item) => item.fundingCall !== null);
  return (
    <section aria-labelledby="similar">
      <h2 id="similar">{t("similar")}</h2>
      {loading ? (
        <Loading label={t("similarLoading")} />
      ) : error ? (
        <ErrorNotice error={error} onRetry={reload} />
      ) : items.length === 0 ? (
        <Empty>{t("noSimilar")}</Empty>
      ) : (
        <ol className="cards suggestions">
          {items.map(({ fundingCall, score, parts, explanation }) =>
            fundingCall ? (
              <li key={fundingCall.id} className="card suggestion">
                <h3>
                  <Link to={callPath(fundingCall.id)}><LocalText value={fundingCall.title} /></Link>
                </h3>
                <p className="meta">
                  <CallStatusBadge status={fundingCall.status} /> {fundingCall.identifier} ·{" "}
                  {t("deadlineShort", { date: fmt.date(fundingCall.deadline) })}
                </p>
                <Score score={score} parts={parts} />
                <Explanation text={explanation} />
              </li>
            ) : null,
          )}
        </ol>
      )}
    </section>
  );
}
