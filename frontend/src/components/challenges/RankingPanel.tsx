// The ranking so far (organisers), with or without z-score normalisation of each judge.
import { useId } from "react";

import { defineMessages, useFormats, useMessages } from "../../i18n";
import { Empty } from "../Status";
import type { RankedEntry } from "./common";

const messages = defineMessages({
  en: {
    heading: "Ranking so far",
    normalise: "Normalise each judge's scores (z-scores)",
    normaliseHint: "Evens out judges who score harshly or generously.",
    caption: "Submissions by their weighted score",
    rank: "Rank",
    team: "Team",
    score: "Score",
    judges: "Judges",
    decidedBy: "Tie broken by",
    none: "No submission is ranked yet: it needs a rubric and scores.",
    noScore: "not scored",
    score_rule: "the score",
    criteria: "the heaviest criteria",
    judges_rule: "more judges",
    "submitted earlier": "the earlier submission",
    "submission id": "the submission id",
  },
  el: {
    heading: "Κατάταξη έως τώρα",
    normalise: "Κανονικοποίηση των βαθμολογιών κάθε κριτή (z-scores)",
    normaliseHint: "Εξισορροπεί κριτές που βαθμολογούν αυστηρά ή επιεικώς.",
    caption: "Υποβολές με βάση τη σταθμισμένη βαθμολογία",
    rank: "Θέση",
    team: "Ομάδα",
    score: "Βαθμολογία",
    judges: "Κριτές",
    decidedBy: "Η ισοβαθμία λύθηκε με",
    none: "Καμία υποβολή δεν έχει καταταχθεί ακόμη: χρειάζονται κριτήρια και βαθμολογίες.",
    noScore: "χωρίς βαθμολογία",
    score_rule: "τη βαθμολογία",
    criteria: "τα βαρύτερα κριτήρια",
    judges_rule: "περισσότερους κριτές",
    "submitted earlier": "την προγενέστερη υποβολή",
    "submission id": "τον κωδικό της υποβολής",
  },
});

export function RankingPanel({
  ranking,
  normalise,
  onNormalise,
}: {
  ranking: RankedEntry[];
  normalise: boolean;
  onNormalise: (value: boolean) => void;
}) {
  const t = useMessages(messages);
  const { number } = useFormats();
  const toggleId = useId();
  const tieRule = (rule: string | null) => {
    const key = rule === "score" ? "score_rule" : rule === "judges" ? "judges_rule" : rule;
    return key === "score_rule" || key === "criteria" || key === "judges_rule" || key === "submitted earlier" || key === "submission id"
      ? t(key)
      : (rule ?? "");
  };
  return (
    <section aria-labelledby="organise-ranking" className="panel">
      <h2 id="organise-ranking">{t("heading")}</h2>
      <div className="check-field">
        <input
          id={toggleId}
          type="checkbox"
          checked={normalise}
          aria-describedby={`${toggleId}-hint`}
          onChange={(event) => onNormalise(event.target.checked)}
        />{" "}
        <label htmlFor={toggleId} className="inline-label">
          {t("normalise")}
        </label>
        <p id={`${toggleId}-hint`} className="hint">
          {t("normaliseHint")}
        </p>
      </div>
      {ranking.length === 0 ? (
        <Empty>{t("none")}</Empty>
      ) : (
        <table>
          <caption>{t("caption")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("rank")}</th>
              <th scope="col">{t("team")}</th>
              <th scope="col">{t("score")}</th>
              <th scope="col">{t("judges")}</th>
              <th scope="col">{t("decidedBy")}</th>
            </tr>
          </thead>
          <tbody>
            {ranking.map((entry) => (
              <tr key={entry.submissionId}>
                <td>{entry.rank}</td>
                <td>{entry.teamName}</td>
                <td>{entry.score === null ? t("noScore") : number(entry.score, 2)}</td>
                <td>{entry.judges}</td>
                <td>{tieRule(entry.decidedBy)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
