// The teams that entered a challenge, with their members (private profiles unnamed).
import { defineMessages, useMessages } from "../../i18n";
import { Empty } from "../Status";

const messages = defineMessages({
  en: {
    heading: "Teams",
    none: "No team has entered yet.",
    members: "{count} members",
    one: "1 member",
    private: "a member with a private profile",
    lead: "lead",
  },
  el: {
    heading: "Ομάδες",
    none: "Δεν έχει δηλώσει συμμετοχή καμία ομάδα ακόμη.",
    members: "{count} μέλη",
    one: "1 μέλος",
    private: "μέλος με ιδιωτικό προφίλ",
    lead: "επικεφαλής",
  },
});

export interface TeamMember {
  personId: string;
  name: string | null;
  role: string;
}

export interface ChallengeTeam {
  id: string;
  name: string;
  members: TeamMember[];
}

export const TEAMS_FIELDS = "id name members { personId name role }";

export function TeamList({ teams }: { teams: ChallengeTeam[] }) {
  const t = useMessages(messages);
  return (
    <section aria-labelledby="challenge-teams">
      <h2 id="challenge-teams">{t("heading")}</h2>
      {teams.length === 0 ? (
        <Empty>{t("none")}</Empty>
      ) : (
        <ul className="cards">
          {teams.map((team) => (
            <li key={team.id} className="card">
              <h3>{team.name}</h3>
              <p className="meta">
                {team.members.length === 1 ? t("one") : t("members", { count: team.members.length })}
              </p>
              <ul className="members">
                {team.members.map((member) => (
                  <li key={member.personId}>
                    {member.name ?? t("private")}
                    {member.role === "lead" ? ` (${t("lead")})` : null}
                  </li>
                ))}
              </ul>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
