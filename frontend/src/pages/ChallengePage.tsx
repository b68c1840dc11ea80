// One challenge: what it asks, its schedule, prizes, datasets and teams; taking part for
// signed-in people; the results once awarded; links to the judges' and organisers' pages.
import { Link, useParams } from "react-router-dom";

import { ChallengeOverview } from "../components/challenges/ChallengeOverview";
import { challengePath, DETAILS_FIELDS, PhaseBadge } from "../components/challenges/common";
import type { ChallengeDetails } from "../components/challenges/common";
import { DatasetList } from "../components/challenges/DatasetList";
import { Participation } from "../components/challenges/Participation";
import { ResultsSection } from "../components/challenges/ResultsSection";
import { TEAMS_FIELDS, TeamList } from "../components/challenges/TeamList";
import type { ChallengeTeam } from "../components/challenges/TeamList";
import { Page } from "../components/Page";
import { ErrorNotice, Loading } from "../components/Status";
import { defineMessages, useFormats, useMessages } from "../i18n";
import { hasChallengeRole, useSession } from "../session";
import { useQuery } from "../useQuery";
import "../challenges.css";

const messages = defineMessages({
  en: {
    loadingTitle: "Challenge",
    missing: "No such challenge",
    missingText: "There is no public challenge at this address. It may be a draft, or the link may be wrong.",
    all: "All challenges",
    judge: "Judge console",
    organise: "Organiser dashboard",
  },
  el: {
    loadingTitle: "Διαγωνισμός",
    missing: "Δεν υπάρχει τέτοιος διαγωνισμός",
    missingText:
      "Δεν υπάρχει δημόσιος διαγωνισμός σε αυτή τη διεύθυνση. Μπορεί να είναι πρόχειρο ή ο σύνδεσμος να είναι λάθος.",
    all: "Όλοι οι διαγωνισμοί",
    judge: "Κονσόλα κριτή",
    organise: "Πίνακας διοργανωτή",
  },
});

const CHALLENGE = `query ChallengePage($id: ID!) {
  challengeDetails(id: $id) { ${DETAILS_FIELDS} }
  challenge(id: $id) { organisers { id name } }
  challengeTeams(challengeId: $id) { ${TEAMS_FIELDS} }
}`;

interface Answer {
  challengeDetails: ChallengeDetails | null;
  challenge: { organisers: { id: string; name: string }[] } | null;
  challengeTeams: ChallengeTeam[];
}

export function ChallengePage() {
  const t = useMessages(messages);
  const { text } = useFormats();
  const { account } = useSession();
  const id = useParams().id ?? "";
  const { data, error, loading, reload } = useQuery<Answer>(CHALLENGE, { id });
  if (!data && loading) {
    return (
      <Page title={t("loadingTitle")}>
        <Loading />
      </Page>
    );
  }
  if (error || !data) {
    return <Page title={t("loadingTitle")}>{error ? <ErrorNotice error={error} onRetry={reload} /> : null}</Page>;
  }
  const details = data.challengeDetails;
  if (!details) {
    return (
      <Page title={t("missing")}>
        <p>{t("missingText")}</p>
        <p>
          <Link to="/challenges">{t("all")}</Link>
        </p>
      </Page>
    );
  }
  const judges = account !== null && hasChallengeRole(account, details.id, "JUDGE");
  const organises = account !== null && hasChallengeRole(account, details.id, "ORGANISER");
  const awarded = details.phase === "AWARDED" || details.phase === "ARCHIVED";
  return (
    <Page
      title={text(details.title)}
      intro={
        <p>
          <PhaseBadge phase={details.phase} />
        </p>
      }
      actions={
        judges || organises ? (
          <>
            {judges ? (
              <Link className="button secondary" to={challengePath(details.id, "/judge")}>
                {t("judge")}
              </Link>
            ) : null}{" "}
            {organises ? (
              <Link className="button secondary" to={challengePath(details.id, "/organise")}>
                {t("organise")}
              </Link>
            ) : null}
          </>
        ) : null
      }
    >
      {awarded ? <ResultsSection challengeId={details.id} /> : null}
      <ChallengeOverview details={details} organisers={data.challenge?.organisers ?? []} />
      <Participation details={details} teams={data.challengeTeams} onTeamsChanged={reload} />
      <DatasetList challengeId={details.id} />
      <TeamList teams={data.challengeTeams} />
    </Page>
  );
}
