// Suggested partners and funding calls: each with its score, the parts of the score and
// the reasons, readable in the chosen language.
import type { ReactNode } from "react";
import { Link } from "react-router-dom";

import { defineMessages, useFormats, useMessages } from "../../i18n";
import { CallStatusBadge } from "./CallStatusBadge";
import { Explanation } from "./Explanation";
import { useLabels } from "./labels";
import { LocalText } from "./LocalText";
import type { CallSuggestionData, OrganisationSummary, PartnerSuggestionData, ScorePartsData } from "./types";
import { callPath, organisationPath } from "./types";

const messages = defineMessages({
  en: {
    score: "Score",
    parts: "How the score is made up",
    semantic: "meaning",
    lexical: "shared words",
    graph: "connections",
    prior: "experience",
    eligible: "Eligible",
    notEligible: "Not eligible",
    deadline: "Deadline {date}",
  },
  el: {
    score: "Βαθμολογία",
    parts: "Από τι αποτελείται η βαθμολογία",
    semantic: "νόημα",
    lexical: "κοινές λέξεις",
    graph: "διασυνδέσεις",
    prior: "εμπειρία",
    eligible: "Επιλέξιμη",
    notEligible: "Μη επιλέξιμη",
    deadline: "Προθεσμία {date}",
  },
});

const PART_KEYS = ["semantic", "lexical", "graph", "prior"] as const;

export function Score({ score, parts }: { score: number; parts: ScorePartsData }) {
  const t = useMessages(messages);
  const fmt = useFormats();
  return (
    <div className="score">
      <p className="score-total">
        {t("score")}: <strong>{fmt.number(score, 2)}</strong>
      </p>
      <p className="visually-hidden">{t("parts")}</p>
      <dl className="score-parts">
        {PART_KEYS.map((key) => (
          <div key={key}>
            <dt>{t(key)}</dt>
            <dd>{fmt.number(parts[key], 2)}</dd>
          </div>
        ))}
      </dl>
    </div>
  );
}

export function OrganisationMeta({ organisation }: { organisation: OrganisationSummary }) {
  const labels = useLabels();
  const place = [organisation.city, organisation.country ? labels.country(organisation.country) : null]
    .filter(Boolean)
    .join(", ");
  return (
    <p className="meta">
      {labels.kind(organisation.kind)}
      {place ? ` · ${place}` : ""}
    </p>
  );
}

export function PartnerSuggestionCard({
  item,
  children,
}: {
  item: PartnerSuggestionData;
  children?: ReactNode;
}) {
  return (
    <li className="card suggestion">
      <h3>
        <Link to={organisationPath(item.organisation.id)}>{item.organisation.name}</Link>
      </h3>
      <OrganisationMeta organisation={item.organisation} />
      <Score score={item.score} parts={item.parts} />
      <Explanation text={item.explanation} />
      {children}
    </li>
  );
}

export function PartnerSuggestionList({ items }: { items: PartnerSuggestionData[] }) {
  return (
    <ol className="cards suggestions">
      {items.map((item) => (
        <PartnerSuggestionCard key={item.organisation.id} item={item} />
      ))}
    </ol>
  );
}

export function CallSuggestionList({ items }: { items: CallSuggestionData[] }) {
  const t = useMessages(messages);
  const fmt = useFormats();
  return (
    <ol className="cards suggestions">
      {items.map((item) => (
        <li key={item.fundingCall.id} className="card suggestion">
          <h3>
            <Link to={callPath(item.fundingCall.id)}><LocalText value={item.fundingCall.title} /></Link>
          </h3>
          <p className="meta">
            {item.fundingCall.identifier}
            {item.fundingCall.programme ? ` · ${item.fundingCall.programme}` : ""}
          </p>
          <p className="meta">
            <CallStatusBadge status={item.fundingCall.status} />{" "}
            <span className={`badge ${item.eligible ? "ok" : "bad"}`}>
              {item.eligible ? t("eligible") : t("notEligible")}
            </span>{" "}
            {t("deadline", { date: fmt.date(item.fundingCall.deadline) })}
          </p>
          <Score score={item.score} parts={item.parts} />
          <Explanation text={item.explanation} />
        </li>
      ))}
    </ol>
  );
}
