// The organisations the hub suggests for a pilot project, best first, each with its score
// and the hub's reasons in the chosen language; optionally only one kind of organisation.
import { useId, useState } from "react";
import { Link } from "react-router-dom";

import { defineMessages, useFormats, useMessages } from "../../i18n";
import { useQuery } from "../../useQuery";
import { Explanation } from "../discovery/Explanation";
import { Empty, ErrorNotice, Loading } from "../Status";
import { kindName, ORGANISATION_KINDS } from "./labels";

const SUGGEST = `query PilotPartners($id: ID!, $kinds: [OrganisationKind!]) {
  suggestPartners(pilotProjectId: $id, first: 8, filter: { kinds: $kinds }) {
    items { organisation { id name kind city } score explanation }
  }
}`;

interface Suggestion {
  organisation: { id: string; name: string; kind: string; city: string | null };
  score: number;
  explanation: string;
}

const messages = defineMessages({
  en: {
    heading: "Suggested partners for “{title}”",
    kind: "Kind of partner",
    anyKind: "Any kind",
    none: "The hub has no partner to suggest for this pilot yet.",
    score: "Score {score}",
    loading: "Finding partners…",
  },
  el: {
    heading: "Προτεινόμενοι εταίροι για «{title}»",
    kind: "Είδος εταίρου",
    anyKind: "Οποιοδήποτε είδος",
    none: "Ο κόμβος δεν έχει ακόμη εταίρο να προτείνει για αυτό το πιλοτικό.",
    score: "Βαθμολογία {score}",
    loading: "Αναζήτηση εταίρων…",
  },
});

export function SuggestedPartners({ pilotId, title, id }: { pilotId: string; title: string; id: string }) {
  const t = useMessages(messages);
  const formats = useFormats();
  const selectId = useId();
  const [kind, setKind] = useState("");
  const { data, error, loading, reload } = useQuery<{ suggestPartners: { items: Suggestion[] } }>(SUGGEST, {
    id: pilotId,
    kinds: kind ? [kind] : null,
  });
  const items = data?.suggestPartners.items ?? [];
  return (
    <section className="suggested-partners" id={id} aria-label={t("heading", { title })}>
      <h4>{t("heading", { title })}</h4>
      <div className="field">
        <label htmlFor={selectId}>{t("kind")}</label>
        <select id={selectId} value={kind} onChange={(event) => setKind(event.target.value)}>
          <option value="">{t("anyKind")}</option>
          {ORGANISATION_KINDS.map((value) => (
            <option key={value} value={value}>
              {kindName(formats.lang, value)}
            </option>
          ))}
        </select>
      </div>
      {loading ? <Loading label={t("loading")} /> : null}
      {error ? <ErrorNotice error={error} onRetry={reload} /> : null}
      {!loading && !error && items.length === 0 ? <Empty>{t("none")}</Empty> : null}
      {!loading && items.length > 0 ? (
        <ol className="partner-list">
          {items.map((item) => (
            <li key={item.organisation.id}>
              <Link to={`/organisations/${encodeURIComponent(item.organisation.id)}`}>{item.organisation.name}</Link>{" "}
              <span className="meta">
                {kindName(formats.lang, item.organisation.kind)}
                {item.organisation.city ? ` · ${item.organisation.city}` : ""}
              </span>{" "}
              <span className="badge">{t("score", { score: formats.number(item.score, 2) })}</span>
              <Explanation text={item.explanation} />
            </li>
          ))}
        </ol>
      ) : null}
    </section>
  );
}
