// Which organisation runs a new challenge: one the account belongs to, or (administrators)
// any organisation found by name.
import { useId, useState } from "react";

import { defineMessages, useMessages } from "../../i18n";
import { isAdmin, useSession } from "../../session";
import { useQuery } from "../../useQuery";
import { ErrorNotice } from "../Status";

const messages = defineMessages({
  en: {
    organiser: "Organising organisation",
    choose: "Choose an organisation",
    search: "Find an organisation by name",
    searchHint: "Type at least two letters, then choose it in the list.",
  },
  el: {
    organiser: "Διοργανωτής φορέας",
    choose: "Επιλέξτε φορέα",
    search: "Αναζήτηση φορέα με το όνομα",
    searchHint: "Πληκτρολογήστε τουλάχιστον δύο γράμματα και επιλέξτε τον από τη λίστα.",
  },
});

interface Named {
  id: string;
  name: string;
}

function ownQuery(count: number): string {
  const variables = Array.from({ length: count }, (_, i) => `$o${i}: ID!`).join(", ");
  const fields = Array.from({ length: count }, (_, i) => `o${i}: organisation(id: $o${i}) { id name }`);
  return `query OwnOrganisations(${variables}) { ${fields.join(" ")} }`;
}

const SEARCH = `query FindOrganisations($text: String!) {
  organisations(first: 20, filter: { text: $text }) { edges { node { id name } } }
}`;

export function OrganisationChoice({
  value,
  onChange,
  invalid,
  errorId,
}: {
  value: string;
  onChange: (id: string) => void;
  invalid: boolean;
  errorId: string;
}) {
  const t = useMessages(messages);
  const { account } = useSession();
  const admin = isAdmin(account);
  const [text, setText] = useState("");
  // The chosen organisation stays a choice while the search text changes.
  const [picked, setPicked] = useState<Named | null>(null);
  const selectId = useId();
  const searchId = useId();
  const own = account?.organisations.map((grant) => grant.organisationId) ?? [];
  const ownNames = useQuery<Record<string, Named | null>>(
    ownQuery(own.length),
    Object.fromEntries(own.map((id, i) => [`o${i}`, id])),
    own.length === 0,
  );
  const found = useQuery<{ organisations: { edges: { node: Named }[] } }>(
    SEARCH,
    { text: text.trim() },
    !admin || text.trim().length < 2,
  );
  const options = new Map<string, string>();
  if (picked) options.set(picked.id, picked.name);
  for (const item of Object.values(ownNames.data ?? {})) if (item) options.set(item.id, item.name);
  for (const edge of found.data?.organisations.edges ?? []) options.set(edge.node.id, edge.node.name);
  return (
    <>
      {admin ? (
        <div className="field">
          <label htmlFor={searchId}>{t("search")}</label>
          <span className="hint" id={`${searchId}-hint`}>
            {t("searchHint")}
          </span>
          <input
            id={searchId}
            type="search"
            value={text}
            aria-describedby={`${searchId}-hint`}
            onChange={(event) => setText(event.target.value)}
          />
        </div>
      ) : null}
      <div className="field">
        <label htmlFor={selectId}>{t("organiser")}</label>
        <select
          id={selectId}
          value={value}
          aria-invalid={invalid || undefined}
          aria-describedby={invalid ? errorId : undefined}
          onChange={(event) => {
            const id = event.target.value;
            setPicked(id ? { id, name: options.get(id) ?? "" } : null);
            onChange(id);
          }}
        >
          <option value="">{t("choose")}</option>
          {[...options].map(([id, name]) => (
            <option key={id} value={id}>
              {name}
            </option>
          ))}
        </select>
      </div>
      {ownNames.error ? <ErrorNotice error={ownNames.error} onRetry={ownNames.reload} /> : null}
      {found.error ? <ErrorNotice error={found.error} onRetry={found.reload} /> : null}
    </>
  );
}
