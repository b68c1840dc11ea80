// Personal API tokens: create one (its secret shown once), list, revoke.
import { useState } from "react";
import type { FormEvent } from "react";

import { useFormats, defineMessages, useMessages } from "../../i18n";
import { ErrorNotice, MutationErrors, Empty } from "../Status";
import { fieldError, TextField } from "../TextField";
import { useMutation } from "./useMutation";

const messages = defineMessages({
  en: {
    title: "API tokens",
    intro: "Scripts can use the hub's GraphQL API with a token: send it as Authorization: Bearer <token>.",
    none: "You have no API tokens.",
    name: "Token name",
    scopes: "What it may do",
    READ: "read",
    WRITE: "write",
    create: "Create token",
    secret: "Copy this token now; it will not be shown again:",
    revoke: "Revoke {name}",
    created: "created {date}",
    caption: "Your API tokens",
    colName: "Name",
    colScopes: "Scopes",
    colCreated: "Created",
    colAction: "Action",
  },
  el: {
    title: "Κλειδιά API",
    intro: "Σενάρια μπορούν να χρησιμοποιούν το GraphQL API του κόμβου με ένα κλειδί: στείλτε το ως Authorization: Bearer <κλειδί>.",
    none: "Δεν έχετε κλειδιά API.",
    name: "Όνομα κλειδιού",
    scopes: "Τι επιτρέπει",
    READ: "ανάγνωση",
    WRITE: "εγγραφή",
    create: "Δημιουργία κλειδιού",
    secret: "Αντιγράψτε το κλειδί τώρα· δεν θα εμφανιστεί ξανά:",
    revoke: "Ανάκληση {name}",
    created: "δημιουργήθηκε {date}",
    caption: "Τα κλειδιά API σας",
    colName: "Όνομα",
    colScopes: "Δικαιώματα",
    colCreated: "Δημιουργία",
    colAction: "Ενέργεια",
  },
});

export interface ApiToken {
  id: string;
  name: string;
  scopes: ("READ" | "WRITE")[];
  createdAt: string;
}

const CREATE = `mutation CreateToken($name: String!, $scopes: [TokenScope!]!) {
  createApiToken(name: $name, scopes: $scopes) { secret token { id } errors { code field message } }
}`;
const REVOKE = `mutation RevokeToken($id: ID!) { revokeApiToken(id: $id) { ok errors { code field message } } }`;

export function ApiTokens({ tokens, onChange }: { tokens: ApiToken[]; onChange: () => void }) {
  const t = useMessages(messages);
  const formats = useFormats();
  const create = useMutation<{ secret: string; errors: [] }>(CREATE, "createApiToken");
  const revoke = useMutation<{ ok: boolean; errors: [] }>(REVOKE, "revokeApiToken");
  const [name, setName] = useState("");
  const [write, setWrite] = useState(false);
  const [secret, setSecret] = useState<string | null>(null);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const made = await create.run({ name, scopes: write ? ["READ", "WRITE"] : ["READ"] });
    if (made) {
      setSecret(made.secret);
      setName("");
      onChange();
    }
  }

  return (
    <section className="panel" aria-labelledby="tokens-title">
      <h2 id="tokens-title">{t("title")}</h2>
      <p>{t("intro")}</p>
      {tokens.length === 0 ? (
        <Empty>{t("none")}</Empty>
      ) : (
        <table>
          <caption className="visually-hidden">{t("caption")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("colName")}</th>
              <th scope="col">{t("colScopes")}</th>
              <th scope="col">{t("colCreated")}</th>
              <th scope="col">{t("colAction")}</th>
            </tr>
          </thead>
          <tbody>
            {tokens.map((token) => (
              <tr key={token.id}>
                <td>{token.name}</td>
                <td>{token.scopes.map((scope) => t(scope)).join(", ")}</td>
                <td>{formats.date(token.createdAt)}</td>
                <td>
                  <button
                    type="button"
                    className="secondary"
                    onClick={() => {
                      void revoke.run({ id: token.id }).then((ok) => ok && onChange());
                    }}
                  >
                    {t("revoke", { name: token.name })}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <MutationErrors errors={revoke.errors} />
      <form className="stack" onSubmit={submit} noValidate>
        <MutationErrors errors={create.errors} labels={{ name: t("name"), scopes: t("scopes") }} />
        {create.failure ? <ErrorNotice error={create.failure} /> : null}
        <TextField
          label={t("name")}
          value={name}
          error={fieldError(create.errors, "name")}
          onChange={(event) => setName(event.target.value)}
        />
        <fieldset>
          <legend>{t("scopes")}</legend>
          <div className="checks">
            <label>
              <input type="checkbox" checked disabled />
              {t("READ")}
            </label>
            <label>
              <input type="checkbox" checked={write} onChange={() => setWrite(!write)} />
              {t("WRITE")}
            </label>
          </div>
        </fieldset>
        <div>
          <button type="submit" disabled={create.working}>
            {t("create")}
          </button>
        </div>
      </form>
      {secret ? (
        <div className="status success" role="status">
          <p>{t("secret")}</p>
          <code className="secret">{secret}</code>
        </div>
      ) : null}
    </section>
  );
}
