// Results once a challenge is awarded: its winners with their prizes, the public ranking,
// and the ranking as a CSV file.
import { defineMessages, useFormats, useMessages } from "../../i18n";
import { useQuery } from "../../useQuery";
import { ErrorNotice, Loading } from "../Status";
import { RANKED_FIELDS, WINNER_FIELDS } from "./common";
import type { RankedEntry, Winner } from "./common";

const messages = defineMessages({
  en: {
    heading: "Results",
    winners: "Winners",
    place: "{rank}. place",
    ranking: "Final ranking",
    caption: "Every submission by its judges' weighted score",
    rank: "Rank",
    team: "Team",
    score: "Score (out of 100)",
    judges: "Judges",
    csv: "Download the results (CSV)",
    noScore: "not scored",
  },
  el: {
    heading: "Αποτελέσματα",
    winners: "Νικητές",
    place: "{rank}η θέση",
    ranking: "Τελική κατάταξη",
    caption: "Όλες οι υποβολές με τη σταθμισμένη βαθμολογία των κριτών",
    rank: "Θέση",
    team: "Ομάδα",
    score: "Βαθμολογία (στα 100)",
    judges: "Κριτές",
    csv: "Λήψη των αποτελεσμάτων (CSV)",
    noScore: "χωρίς βαθμολογία",
  },
});

const RESULTS = `query ChallengeResults($id: ID!) {
  challengeWinners(challengeId: $id) { ${WINNER_FIELDS} }
  challengeResults(challengeId: $id) { ${RANKED_FIELDS} }
}`;

export function ResultsSection({ challengeId }: { challengeId: string }) {
  const t = useMessages(messages);
  const { text, number } = useFormats();
  const { data, error, loading, reload } = useQuery<{
    challengeWinners: Winner[];
    challengeResults: RankedEntry[];
  }>(RESULTS, { id: challengeId });
  if (loading) return <Loading />;
  if (error) return <ErrorNotice error={error} onRetry={reload} />;
  if (!data || (data.challengeWinners.length === 0 && data.challengeResults.length === 0)) return null;
  return (
    <section aria-labelledby="challenge-results" className="panel">
      <h2 id="challenge-results">{t("heading")}</h2>
      {data.challengeWinners.length > 0 ? (
        <>
          <h3>{t("winners")}</h3>
          <ol className="winners">
            {data.challengeWinners.map((winner) => (
              <li key={winner.awardId}>
                <strong>{t("place", { rank: winner.rank })}:</strong> {winner.teamName}
                {text(winner.prize) ? ` · ${text(winner.prize)}` : null}
              </li>
            ))}
          </ol>
        </>
      ) : null}
      {data.challengeResults.length > 0 ? (
        <>
          <h3>{t("ranking")}</h3>
          <table>
            <caption>{t("caption")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("rank")}</th>
                <th scope="col">{t("team")}</th>
                <th scope="col">{t("score")}</th>
                <th scope="col">{t("judges")}</th>
              </tr>
            </thead>
            <tbody>
              {data.challengeResults.map((entry) => (
                <tr key={entry.submissionId}>
                  <td>{entry.rank}</td>
                  <td>{entry.teamName}</td>
                  <td>{entry.score === null ? t("noScore") : number(entry.score, 1)}</td>
                  <td>{entry.judges}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <p>
            <a href={`/challenges/${encodeURIComponent(challengeId)}/results.csv`} download>
              {t("csv")}
            </a>
          </p>
        </>
      ) : null}
    </section>
  );
}
