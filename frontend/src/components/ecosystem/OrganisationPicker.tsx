// Find an organisation by words and choose it from the results.
import { useId, useState } from "react";
import type { FormEvent } from "react";

import { defineMessages, useFormats, useMessages } from "../../i18n";
import { useQuery } from "../../useQuery";
import { Empty, ErrorNotice, Loading } from "../Status";
import { kindName } from "./labels";

const FIND = `query FindOrganisations($text: String!) {
  organisations(first: 8, filter: { text: $text }) {
    totalCount
    edges { node { id name kind city } }
  }
}`;

interface Found {
  id: string;
  name: string;
  kind: string;
  city: string | null;
}

const messages = defineMessages({
  en: {
    search: "Search",
    results: "Organisations matching “{words}”",
    none: "No organisation matches these words.",
    more: "{shown} of {count} shown; add words to narrow the search.",
    choose: "Choose",
  },
  el: {
    search: "Αναζήτηση",
    results: "Οργανισμοί που ταιριάζουν με «{words}»",
    none: "Κανένας οργανισμός δεν ταιριάζει με αυτές τις λέξεις.",
    more: "Εμφανίζονται {shown} από {count}· προσθέστε λέξεις για να περιορίσετε την αναζήτηση.",
    choose: "Επιλογή",
  },
});

export function OrganisationPicker({
  label,
  onChoose,
}: {
  label: string;
  onChoose: (organisation: Found) => void;
}) {
  const t = useMessages(messages);
  const formats = useFormats();
  const inputId = useId();
  const resultsId = useId();
  const [typed, setTyped] = useState("");
  const [words, setWords] = useState("");
  const { data, error, loading, reload } = useQuery<{
    organisations: { totalCount: number; edges: { node: Found }[] };
  }>(FIND, { text: words }, words === "");
  const found = data?.organisations.edges.map((edge) => edge.node) ?? [];

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setWords(typed.trim());
  };

  return (
    <div className="organisation-picker">
      <form className="filters" role="search" aria-label={label} onSubmit={submit}>
        <div className="field">
          <label htmlFor={inputId}>{label}</label>
          <input id={inputId} type="search" value={typed} onChange={(event) => setTyped(event.target.value)} />
        </div>
        <button type="submit">{t("search")}</button>
      </form>
      {words && loading ? <Loading /> : null}
      {error ? <ErrorNotice error={error} onRetry={reload} /> : null}
      {words && data && !loading ? (
        found.length === 0 ? (
          <Empty>{t("none")}</Empty>
        ) : (
          <div>
            <p className="meta" id={resultsId}>
              {t("results", { words })}
              {data.organisations.totalCount > found.length
                ? ` · ${t("more", { shown: formats.number(found.length), count: formats.number(data.organisations.totalCount) })}`
                : ""}
            </p>
            <ul className="picker-results" aria-labelledby={resultsId}>
              {found.map((organisation) => (
                <li key={organisation.id}>
                  <button
                    type="button"
                    className="secondary"
                    onClick={() => {
                      onChoose(organisation);
                      setWords("");
                      setTyped("");
                    }}
                  >
                    <span className="visually-hidden">{t("choose")}: </span>
                    {organisation.name}
                  </button>{" "}
                  <span className="meta">
                    {kindName(formats.lang, organisation.kind)}
                    {organisation.city ? ` · ${organisation.city}` : ""}
                  </span>
                </li>
              ))}
            </ul>
          </div>
        )
      ) : null}
    </div>
  );
}
