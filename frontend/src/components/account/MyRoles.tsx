// The organisations and challenges this account holds a role in, with their names and the
// pages each role opens (the judge console, the organiser dashboard).
import { Link } from "react-router-dom";

import { defineMessages, useFormats, useMessages } from "../../i18n";
import type { Account } from "../../session";
import { useQuery } from "../../useQuery";
import { Empty } from "../Status";

const messages = defineMessages({
  en: {
    title: "My roles",
    none: "No organisation or challenge roles yet.",
    admin: "Administrator of the hub",
    researcher: "Researcher: you may post pilot projects",
    OWNER: "owner",
    MEMBER: "member",
    ORGANISER: "organiser",
    JUDGE: "judge",
    judge: "Judge console",
    organise: "Organiser dashboard",
  },
  el: {
    title: "Οι ρόλοι μου",
    none: "Κανένας ρόλος σε οργανισμό ή διαγωνισμό ακόμη.",
    admin: "Διαχειριστής του κόμβου",
    researcher: "Ερευνητής: μπορείτε να δημοσιεύετε πιλοτικά έργα",
    OWNER: "ιδιοκτήτης",
    MEMBER: "μέλος",
    ORGANISER: "διοργανωτής",
    JUDGE: "κριτής",
    judge: "Κονσόλα κριτή",
    organise: "Πίνακας διοργανωτή",
  },
});

type Named = Record<string, { id: string; name?: string; title?: { el: string | null; en: string | null } } | null>;

function namesQuery(account: Account): string {
  const organisations = account.organisations.map(
    (grant, index) => `o${index}: organisation(id: ${JSON.stringify(grant.organisationId)}) { id name }`,
  );
  const challenges = account.challenges.map(
    (grant, index) => `c${index}: challenge(id: ${JSON.stringify(grant.challengeId)}) { id title { el en } }`,
  );
  return `query RoleNames { __typename ${[...organisations, ...challenges].join(" ")} }`;
}

export function MyRoles({ account }: { account: Account }) {
  const t = useMessages(messages);
  const formats = useFormats();
  const names = useQuery<Named>(namesQuery(account));
  const data = names.data ?? {};
  const hasAny = account.organisations.length + account.challenges.length > 0;
  return (
    <section className="panel" aria-labelledby="roles-title">
      <h2 id="roles-title">{t("title")}</h2>
      <ul>
        {account.roles.includes("ADMIN") ? <li>{t("admin")}</li> : null}
        {account.roles.includes("RESEARCHER") ? <li>{t("researcher")}</li> : null}
        {account.organisations.map((grant, index) => (
          <li key={grant.organisationId}>
            <Link to={`/organisations/${encodeURIComponent(grant.organisationId)}`}>
              {data[`o${index}`]?.name ?? grant.organisationId}
            </Link>{" "}
            ({grant.roles.map((role) => t(role)).join(", ")})
          </li>
        ))}
        {account.challenges.map((grant, index) => {
          const id = encodeURIComponent(grant.challengeId);
          return (
            <li key={grant.challengeId}>
              <Link to={`/challenges/${id}`}>
                {formats.text(data[`c${index}`]?.title) || grant.challengeId}
              </Link>{" "}
              ({grant.roles.map((role) => t(role)).join(", ")})
              {grant.roles.includes("JUDGE") ? (
                <>
                  {" · "}
                  <Link to={`/challenges/${id}/judge`}>{t("judge")}</Link>
                </>
              ) : null}
              {grant.roles.includes("ORGANISER") ? (
                <>
                  {" · "}
                  <Link to={`/challenges/${id}/organise`}>{t("organise")}</Link>
                </>
              ) : null}
            </li>
          );
        })}
      </ul>
      {!hasAny ? <Empty>{t("none")}</Empty> : null}
    </section>
  );
}
