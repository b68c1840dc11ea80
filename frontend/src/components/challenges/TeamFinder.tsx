// Teams with a free place: those your skills would complete first, then every open team;
// join one that invited you.
import { useState } from "react";

import { defineMessages, useMessages } from "../../i18n";
import { useQuery } from "../../useQuery";
import { Empty, ErrorNotice, Loading } from "../Status";
import { ActionStatus } from "./ActionStatus";
import { ERROR_FIELDS } from "./common";
import { useAction } from "./useAction";

const messages = defineMessages({
  en: {
    suggested: "Teams you would complete",
    suggestedNone: "No open team lacks the skills on your profile.",
    open: "Open teams",
    openNone: "No team has a free place right now.",
    size: "{size} of {max} places taken",
    gaps: "Skills it lacks",
    fills: "You bring",
    join: "Join {name}",
    joinHint: "A member of the team must invite you before you can join.",
    joined: "You joined {name}.",
  },
  el: {
    suggested: "Ομάδες που θα συμπληρώνατε",
    suggestedNone: "Καμία ανοιχτή ομάδα δεν χρειάζεται τις δεξιότητες του προφίλ σας.",
    open: "Ανοιχτές ομάδες",
    openNone: "Καμία ομάδα δεν έχει ελεύθερη θέση αυτή τη στιγμή.",
    size: "{size} από {max} θέσεις καλυμμένες",
    gaps: "Δεξιότητες που λείπουν",
    fills: "Φέρνετε",
    join: "Ένταξη στην ομάδα {name}",
    joinHint: "Κάποιο μέλος της ομάδας πρέπει πρώτα να σας προσκαλέσει.",
    joined: "Μπήκατε στην ομάδα {name}.",
  },
});

interface OpenTeam {
  teamId: string;
  name: string;
  size: number;
  maxSize: number;
  gaps: string[];
  fills: string[];
}

const FIELDS = "teamId name size maxSize gaps fills";
const OPEN_TEAMS = `query OpenTeams($id: ID!) { openTeams(challengeId: $id) { ${FIELDS} } }`;
const SUGGESTED = `query SuggestedTeams($id: ID!) { suggestTeams(challengeId: $id) { ${FIELDS} } }`;
const JOIN = `mutation Join($team: ID!) { joinTeam(teamId: $team) { team { id } ${ERROR_FIELDS} } }`;

export function TeamFinder({ challengeId, onJoined }: { challengeId: string; onJoined: () => void }) {
  const t = useMessages(messages);
  const open = useQuery<{ openTeams: OpenTeam[] }>(OPEN_TEAMS, { id: challengeId });
  const suggested = useQuery<{ suggestTeams: OpenTeam[] }>(SUGGESTED, { id: challengeId });
  return (
    <>
      <h3>{t("suggested")}</h3>
      {suggested.loading ? <Loading /> : null}
      {suggested.error ? <ErrorNotice error={suggested.error} onRetry={suggested.reload} /> : null}
      {suggested.data ? (
        <OpenTeamCards teams={suggested.data.suggestTeams} empty={t("suggestedNone")} onJoined={onJoined} />
      ) : null}
      <h3>{t("open")}</h3>
      {open.loading ? <Loading /> : null}
      {open.error ? <ErrorNotice error={open.error} onRetry={open.reload} /> : null}
      {open.data ? <OpenTeamCards teams={open.data.openTeams} empty={t("openNone")} onJoined={onJoined} /> : null}
    </>
  );
}

function OpenTeamCards({
  teams,
  empty,
  onJoined,
}: {
  teams: OpenTeam[];
  empty: string;
  onJoined: () => void;
}) {
  if (teams.length === 0) return <Empty>{empty}</Empty>;
  return (
    <ul className="cards">
      {teams.map((team) => (
        <OpenTeamCard key={team.teamId} team={team} onJoined={onJoined} />
      ))}
    </ul>
  );
}

function OpenTeamCard({ team, onJoined }: { team: OpenTeam; onJoined: () => void }) {
  const t = useMessages(messages);
  const action = useAction();
  const [joined, setJoined] = useState(false);
  return (
    <li className="card">
      <h4>{team.name}</h4>
      <p className="meta">{t("size", { size: team.size, max: team.maxSize })}</p>
      {team.gaps.length > 0 ? (
        <p>
          {t("gaps")}: {team.gaps.join(", ")}
        </p>
      ) : null}
      {team.fills.length > 0 ? (
        <p>
          <strong>{t("fills")}:</strong> {team.fills.join(", ")}
        </p>
      ) : null}
      <button
        type="button"
        disabled={action.busy || joined}
        onClick={() => {
          void action.run(JOIN, { team: team.teamId }, "joinTeam").then((ok) => {
            if (ok) {
              setJoined(true);
              onJoined();
            }
          });
        }}
      >
        {t("join", { name: team.name })}
      </button>
      <p className="hint">{t("joinHint")}</p>
      <ActionStatus action={action} done={joined ? t("joined", { name: team.name }) : null} />
    </li>
  );
}
