// Record the winners (first to third place): the challenge becomes awarded and its
// results public.
import { useId, useState } from "react";
import type { FormEvent } from "react";

import { defineMessages, useFormats, useMessages } from "../../i18n";
import { ActionStatus } from "./ActionStatus";
import { ERROR_FIELDS, WINNER_FIELDS } from "./common";
import type { ChallengeError, RankedEntry, Winner } from "./common";
import type { ChallengeTeam } from "./TeamList";
import { useAction } from "./useAction";

const messages = defineMessages({
  en: {
    heading: "Awards",
    intro: "Choose the winning teams; the ranking so far is filled in. The results become public.",
    place: "{rank}. place",
    nobody: "Nobody",
    record: "Record the awards",
    recorded: "The awards are recorded and the results are public.",
    needFirst: "Choose the team in first place.",
    twice: "A team can win only one place.",
    winners: "Winners",
    notYet: "Awards are recorded once the challenge is in judging.",
  },
  el: {
    heading: "Απονομή βραβείων",
    intro: "Επιλέξτε τις νικήτριες ομάδες· έχει συμπληρωθεί η κατάταξη έως τώρα. Τα αποτελέσματα γίνονται δημόσια.",
    place: "{rank}η θέση",
    nobody: "Καμία",
    record: "Καταχώριση βραβείων",
    recorded: "Τα βραβεία καταχωρίστηκαν και τα αποτελέσματα είναι δημόσια.",
    needFirst: "Επιλέξτε την ομάδα της πρώτης θέσης.",
    twice: "Μια ομάδα μπορεί να κερδίσει μόνο μία θέση.",
    winners: "Νικητές",
    notYet: "Τα βραβεία καταχωρίζονται όταν ο διαγωνισμός βρίσκεται σε αξιολόγηση.",
  },
});

const RECORD = `mutation RecordAwards($id: ID!, $placements: [PlacementInput!]!) {
  recordAwards(challengeId: $id, placements: $placements) { winners { ${WINNER_FIELDS} } ${ERROR_FIELDS} }
}`;
const PLACES = [1, 2, 3];

export function AwardsForm({
  challengeId,
  phase,
  teams,
  ranking,
  winners,
  onRecorded,
}: {
  challengeId: string;
  phase: string;
  teams: ChallengeTeam[];
  ranking: RankedEntry[];
  winners: Winner[];
  onRecorded: () => void;
}) {
  const t = useMessages(messages);
  const { text } = useFormats();
  const action = useAction();
  const baseId = useId();
  const [choice, setChoice] = useState<string[]>(() => PLACES.map((_, i) => ranking[i]?.teamId ?? ""));
  const [done, setDone] = useState(false);

  async function record(event: FormEvent) {
    event.preventDefault();
    const chosen = choice.filter(Boolean);
    const problems: ChallengeError[] = [];
    if (!choice[0]) problems.push({ code: "REQUIRED", field: null, message: t("needFirst") });
    if (new Set(chosen).size !== chosen.length) problems.push({ code: "INVALID", field: null, message: t("twice") });
    if (problems.length > 0) {
      action.setErrors(problems);
      return;
    }
    const placements = choice.flatMap((teamId, index) => (teamId ? [{ teamId, rank: index + 1 }] : []));
    if (await action.run(RECORD, { id: challengeId, placements }, "recordAwards")) {
      setDone(true);
      onRecorded();
    }
  }

  return (
    <section aria-labelledby="organise-awards" className="panel">
      <h2 id="organise-awards">{t("heading")}</h2>
      {done ? (
        <p className="status success" role="status">
          {t("recorded")}
        </p>
      ) : null}
      {winners.length > 0 ? (
        <>
          <h3>{t("winners")}</h3>
          <ol className="winners">
            {winners.map((winner) => (
              <li key={winner.awardId}>
                <strong>{t("place", { rank: winner.rank })}:</strong> {winner.teamName}
                {text(winner.prize) ? ` · ${text(winner.prize)}` : null}
              </li>
            ))}
          </ol>
        </>
      ) : phase === "JUDGING" ? (
        <form className="stack" noValidate onSubmit={(event) => void record(event)}>
          <p>{t("intro")}</p>
          <ActionStatus action={action} />
          {PLACES.map((rank, index) => (
            <div className="field" key={rank}>
              <label htmlFor={`${baseId}-${rank}`}>{t("place", { rank })}</label>
              <select
                id={`${baseId}-${rank}`}
                value={choice[index]}
                onChange={(event) =>
                  setChoice((current) => current.map((value, i) => (i === index ? event.target.value : value)))
                }
              >
                <option value="">{t("nobody")}</option>
                {teams.map((team) => (
                  <option key={team.id} value={team.id}>
                    {team.name}
                  </option>
                ))}
              </select>
            </div>
          ))}
          <div>
            <button type="submit" disabled={action.busy}>
              {t("record")}
            </button>
          </div>
        </form>
      ) : (
        <p className="hint">{t("notYet")}</p>
      )}
    </section>
  );
}
