// Administrators give and take roles: organisers and judges of a challenge, owners and
// members of an organisation, researchers and other administrators.
import { useState } from "react";
import type { FormEvent } from "react";

import { defineMessages, useFormats, useMessages } from "../../i18n";
import { useQuery } from "../../useQuery";
import { ErrorNotice, MutationErrors } from "../Status";
import { fieldError, TextField } from "../TextField";
import { useMutation } from "./useMutation";

const messages = defineMessages({
  en: {
    title: "Give or take a role",
    intro: "The person needs an account. Organisation and challenge roles apply to one of them.",
    email: "Their e-mail address",
    role: "Role",
    ADMIN: "administrator",
    RESEARCHER: "researcher (may post pilot projects)",
    ORGANISATION_OWNER: "owner of an organisation",
    ORGANISATION_MEMBER: "member of an organisation",
    CHALLENGE_ORGANISER: "organiser of a challenge",
    CHALLENGE_JUDGE: "judge of a challenge",
    organisationSearch: "Find the organisation",
    organisation: "Organisation",
    challenge: "Challenge",
    choose: "Choose…",
    grant: "Give the role",
    revoke: "Take the role away",
    granted: "{email} now has the role.",
    revoked: "{email} no longer has the role.",
  },
  el: {
    title: "Ανάθεση ή αφαίρεση ρόλου",
    intro: "Το πρόσωπο χρειάζεται λογαριασμό. Οι ρόλοι οργανισμού και διαγωνισμού αφορούν έναν από αυτούς.",
    email: "Η διεύθυνση e-mail του",
    role: "Ρόλος",
    ADMIN: "διαχειριστής",
    RESEARCHER: "ερευνητής (δημοσιεύει πιλοτικά έργα)",
    ORGANISATION_OWNER: "ιδιοκτήτης οργανισμού",
    ORGANISATION_MEMBER: "μέλος οργανισμού",
    CHALLENGE_ORGANISER: "διοργανωτής διαγωνισμού",
    CHALLENGE_JUDGE: "κριτής διαγωνισμού",
    organisationSearch: "Αναζήτηση οργανισμού",
    organisation: "Οργανισμός",
    challenge: "Διαγωνισμός",
    choose: "Επιλέξτε…",
    grant: "Ανάθεση ρόλου",
    revoke: "Αφαίρεση ρόλου",
    granted: "Το {email} έχει πλέον τον ρόλο.",
    revoked: "Το {email} δεν έχει πλέον τον ρόλο.",
  },
});

const ROLES = [
  "CHALLENGE_ORGANISER",
  "CHALLENGE_JUDGE",
  "ORGANISATION_OWNER",
  "ORGANISATION_MEMBER",
  "RESEARCHER",
  "ADMIN",
] as const;
type Role = (typeof ROLES)[number];

const GRANT = `mutation Grant($input: RoleInput!) { grantRole(input: $input) { ok errors { code field message } } }`;
const REVOKE = `mutation Revoke($input: RoleInput!) { revokeRole(input: $input) { ok errors { code field message } } }`;
const ORGANISATIONS = `query RoleOrganisations($text: String) {
  organisations(first: 20, filter: { text: $text }) { edges { node { id name city } } }
}`;
const CHALLENGES = `query RoleChallenges { challenges(first: 100) { edges { node { id year title { el en } } } } }`;

interface Named {
  id: string;
  name?: string;
  city?: string | null;
  year?: number;
  title?: { el: string | null; en: string | null };
}
type Edges = { edges: { node: Named }[] };

export function RoleAdmin() {
  const t = useMessages(messages);
  const formats = useFormats();
  const grant = useMutation<{ ok: boolean; errors: [] }>(GRANT, "grantRole");
  const revoke = useMutation<{ ok: boolean; errors: [] }>(REVOKE, "revokeRole");
  const [email, setEmail] = useState("");
  const [role, setRole] = useState<Role>("CHALLENGE_ORGANISER");
  const [search, setSearch] = useState("");
  const [targetId, setTargetId] = useState("");
  const [done, setDone] = useState<string | null>(null);
  const forOrganisation = role.startsWith("ORGANISATION_");
  const forChallenge = role.startsWith("CHALLENGE_");
  const organisations = useQuery<{ organisations: Edges }>(
    ORGANISATIONS,
    { text: search || null },
    !forOrganisation,
  );
  const challenges = useQuery<{ challenges: Edges }>(CHALLENGES, {}, !forChallenge);
  const options: Named[] = forOrganisation
    ? (organisations.data?.organisations.edges.map((edge) => edge.node) ?? [])
    : (challenges.data?.challenges.edges.map((edge) => edge.node) ?? []);

  async function change(event: FormEvent, give: boolean) {
    event.preventDefault();
    setDone(null);
    const input = { email, role, targetId: forOrganisation || forChallenge ? targetId || null : null };
    const result = await (give ? grant : revoke).run({ input });
    if (result) setDone(t(give ? "granted" : "revoked", { email }));
  }

  const errors = [...grant.errors, ...revoke.errors];
  return (
    <section className="panel" aria-labelledby="role-admin-title">
      <h2 id="role-admin-title">{t("title")}</h2>
      <p>{t("intro")}</p>
      <form className="stack" onSubmit={(event) => void change(event, true)} noValidate>
        <MutationErrors errors={errors} labels={{ email: t("email"), role: t("role"), targetId: t(forOrganisation ? "organisation" : "challenge") }} />
        {grant.failure ? <ErrorNotice error={grant.failure} /> : null}
        {revoke.failure ? <ErrorNotice error={revoke.failure} /> : null}
        <TextField
          label={t("email")}
          type="email"
          value={email}
          error={fieldError(errors, "email")}
          onChange={(event) => setEmail(event.target.value)}
        />
        <div className="field">
          <label htmlFor="role-admin-role">{t("role")}</label>
          <select
            id="role-admin-role"
            value={role}
            onChange={(event) => {
              setRole(event.target.value as Role);
              setTargetId("");
            }}
          >
            {ROLES.map((name) => (
              <option key={name} value={name}>
                {t(name)}
              </option>
            ))}
          </select>
        </div>
        {forOrganisation ? (
          <TextField
            label={t("organisationSearch")}
            type="search"
            value={search}
            onChange={(event) => setSearch(event.target.value)}
          />
        ) : null}
        {forOrganisation || forChallenge ? (
          <div className="field">
            <label htmlFor="role-admin-target">{t(forOrganisation ? "organisation" : "challenge")}</label>
            <select id="role-admin-target" value={targetId} onChange={(event) => setTargetId(event.target.value)}>
              <option value="">{t("choose")}</option>
              {options.map((option) => (
                <option key={option.id} value={option.id}>
                  {option.name
                    ? `${option.name}${option.city ? ` (${option.city})` : ""}`
                    : `${formats.text(option.title)} (${option.year ?? ""})`}
                </option>
              ))}
            </select>
          </div>
        ) : null}
        <div>
          <button type="submit" disabled={grant.working}>
            {t("grant")}
          </button>{" "}
          <button
            type="button"
            className="secondary"
            disabled={revoke.working}
            onClick={(event) => void change(event, false)}
          >
            {t("revoke")}
          </button>
        </div>
        {done ? (
          <p className="status success" role="status">
            {done}
          </p>
        ) : null}
      </form>
    </section>
  );
}
