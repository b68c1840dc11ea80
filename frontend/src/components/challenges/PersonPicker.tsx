// Find a person with a public profile by name and choose them.
import { useId, useState } from "react";

import { defineMessages, useMessages } from "../../i18n";
import { useQuery } from "../../useQuery";
import { ErrorNotice } from "../Status";

const messages = defineMessages({
  en: {
    search: "Find a person by name or skill",
    hint: "Only people with a public profile can be found. Type at least two letters.",
    choose: "Person",
    pick: "Choose a person",
    none: "Nobody found",
  },
  el: {
    search: "Αναζήτηση προσώπου με όνομα ή δεξιότητα",
    hint: "Βρίσκονται μόνο πρόσωπα με δημόσιο προφίλ. Πληκτρολογήστε τουλάχιστον δύο γράμματα.",
    choose: "Πρόσωπο",
    pick: "Επιλέξτε πρόσωπο",
    none: "Δεν βρέθηκε κανείς",
  },
});

const PEOPLE = `query FindPeople($text: String!) {
  people(first: 20, filter: { text: $text }) { edges { node { id name } } }
}`;

export interface Chosen {
  id: string;
  name: string;
}

export function PersonPicker({
  value,
  onChange,
  error,
}: {
  value: Chosen | null;
  onChange: (person: Chosen | null) => void;
  error?: string | null;
}) {
  const t = useMessages(messages);
  const [text, setText] = useState("");
  const searchId = useId();
  const selectId = useId();
  const query = text.trim();
  const found = useQuery<{ people: { edges: { node: Chosen }[] } }>(PEOPLE, { text: query }, query.length < 2);
  const options = new Map<string, string>();
  if (value) options.set(value.id, value.name);
  for (const edge of found.data?.people.edges ?? []) options.set(edge.node.id, edge.node.name);
  const searched = query.length >= 2 && found.data !== null && !found.loading;
  return (
    <>
      <div className="field">
        <label htmlFor={searchId}>{t("search")}</label>
        <span id={`${searchId}-hint`} className="hint">
          {t("hint")}
        </span>
        <input
          id={searchId}
          type="search"
          value={text}
          aria-describedby={`${searchId}-hint`}
          onChange={(event) => setText(event.target.value)}
        />
      </div>
      <div className="field">
        <label htmlFor={selectId}>{t("choose")}</label>
        <select
          id={selectId}
          value={value?.id ?? ""}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? `${selectId}-error` : undefined}
          onChange={(event) => {
            const id = event.target.value;
            onChange(id ? { id, name: options.get(id) ?? "" } : null);
          }}
        >
          <option value="">{searched && options.size === 0 ? t("none") : t("pick")}</option>
          {[...options].map(([id, name]) => (
            <option key={id} value={id}>
              {name}
            </option>
          ))}
        </select>
        {error ? (
          <span id={`${selectId}-error`} className="field-error">
            {error}
          </span>
        ) : null}
      </div>
      {found.error ? <ErrorNotice error={found.error} onRetry={found.reload} /> : null}
    </>
  );
}
