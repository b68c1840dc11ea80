// The phase of a challenge and the moves its organisers may make next; a refused move
// shows the lifecycle's reason (e.g. a date not reached yet).
import { defineMessages, useMessages } from "../../i18n";
import { ActionStatus } from "./ActionStatus";
import { DETAILS_FIELDS, ERROR_FIELDS, PhaseBadge, usePhaseName, useMoment } from "./common";
import type { ChallengeDetails, Phase } from "./common";
import { useAction } from "./useAction";

const messages = defineMessages({
  en: {
    heading: "Phase",
    current: "The challenge is now:",
    move: "Move to: {phase}",
    archive: "Archive the challenge",
    awardHint: "The challenge becomes awarded when you record the awards below.",
    finished: "An archived challenge does not change any more.",
    history: "Phase history",
    publishHint: "Publishing shows the challenge to everyone; registration opens on its date.",
  },
  el: {
    heading: "Φάση",
    current: "Ο διαγωνισμός βρίσκεται τώρα σε:",
    move: "Μετάβαση σε: {phase}",
    archive: "Αρχειοθέτηση του διαγωνισμού",
    awardHint: "Ο διαγωνισμός βραβεύεται όταν καταχωρίσετε τα βραβεία παρακάτω.",
    finished: "Ένας αρχειοθετημένος διαγωνισμός δεν αλλάζει πια.",
    history: "Ιστορικό φάσεων",
    publishHint: "Η δημοσίευση κάνει τον διαγωνισμό ορατό σε όλους· οι εγγραφές ανοίγουν στην ημερομηνία τους.",
  },
});

const NEXT: Partial<Record<Phase, Phase>> = {
  DRAFT: "PUBLISHED",
  PUBLISHED: "REGISTRATION",
  REGISTRATION: "SUBMISSION",
  SUBMISSION: "JUDGING",
};
const ARCHIVABLE: Phase[] = ["DRAFT", "AWARDED"];

const MOVE = `mutation Move($id: ID!, $phase: ChallengePhase!) {
  moveChallenge(id: $id, phase: $phase) { challenge { ${DETAILS_FIELDS} } ${ERROR_FIELDS} }
}`;

export function PhaseControl({ details, onMoved }: { details: ChallengeDetails; onMoved: () => void }) {
  const t = useMessages(messages);
  const phaseName = usePhaseName();
  const moment = useMoment();
  const action = useAction();
  const next = NEXT[details.phase];
  async function move(phase: Phase) {
    if (await action.run(MOVE, { id: details.id, phase }, "moveChallenge")) onMoved();
  }
  return (
    <section aria-labelledby="organise-phase" className="panel">
      <h2 id="organise-phase">{t("heading")}</h2>
      <p>
        {t("current")} <PhaseBadge phase={details.phase} />
      </p>
      <ActionStatus action={action} />
      <div className="actions-row">
        {next ? (
          <button type="button" disabled={action.busy} onClick={() => void move(next)}>
            {t("move", { phase: phaseName(next) })}
          </button>
        ) : null}
        {ARCHIVABLE.includes(details.phase) ? (
          <button type="button" className="secondary" disabled={action.busy} onClick={() => void move("ARCHIVED")}>
            {t("archive")}
          </button>
        ) : null}
      </div>
      {details.phase === "DRAFT" ? <p className="hint">{t("publishHint")}</p> : null}
      {details.phase === "JUDGING" ? <p className="hint">{t("awardHint")}</p> : null}
      {details.phase === "ARCHIVED" ? <p className="hint">{t("finished")}</p> : null}
      {details.phaseHistory.length > 0 ? (
        <>
          <h3>{t("history")}</h3>
          <ol className="phase-history">
            {details.phaseHistory.map((entry) => {
              const [phase, at] = entry.split(" ");
              const known = phase.toUpperCase() as Phase;
              return (
                <li key={entry}>
                  {phaseName(known)}: {moment(at, details.schedule?.timezone)}
                </li>
              );
            })}
          </ol>
        </>
      ) : null}
    </section>
  );
}
