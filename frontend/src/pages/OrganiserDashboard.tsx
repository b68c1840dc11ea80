// The organisers' dashboard of one challenge: phase and next moves, schedule, rubric,
// judges and conflicts of interest, judging progress, ranking, awards and the winners'
// follow-up.
import { useState } from "react";
import { Link, useParams } from "react-router-dom";

import { AwardsForm } from "../components/challenges/AwardsForm";
import { ChallengeEditor } from "../components/challenges/ChallengeEditor";
import { ChallengeOverview } from "../components/challenges/ChallengeOverview";
import {
  challengePath,
  DETAILS_FIELDS,
  NotAllowed,
  RANKED_FIELDS,
  WINNER_FIELDS,
} from "../components/challenges/common";
import type { ChallengeDetails, PathStep, RankedEntry, Winner } from "../components/challenges/common";
import { FollowUpPanel } from "../components/challenges/FollowUpPanel";
import { JudgePanel } from "../components/challenges/JudgePanel";
import type { Conflict, JudgeProgress, ListedSubmission } from "../components/challenges/JudgePanel";
import { PhaseControl } from "../components/challenges/PhaseControl";
import { RankingPanel } from "../components/challenges/RankingPanel";
import { RubricEditor } from "../components/challenges/RubricEditor";
import { TEAMS_FIELDS } from "../components/challenges/TeamList";
import type { ChallengeTeam } from "../components/challenges/TeamList";
import { Page } from "../components/Page";
import { Empty, ErrorNotice, Loading } from "../components/Status";
import { defineMessages, useFormats, useMessages } from "../i18n";
import { hasChallengeRole, useSession } from "../session";
import { useQuery } from "../useQuery";
import "../challenges.css";

const messages = defineMessages({
  en: {
    title: "Organiser dashboard",
    titleOf: "Organiser dashboard: {name}",
    organisers: "organisers",
    missing: "There is no challenge at this address.",
    view: "Public page",
    submissions: "Submissions",
    noSubmissions: "No team has submitted yet.",
    submissionsCaption: "Every submission, oldest first",
    submission: "Submission",
    team: "Team",
    version: "Version",
    changed: "Last changed",
    judge: "Judge console",
  },
  el: {
    title: "Πίνακας διοργανωτή",
    titleOf: "Πίνακας διοργανωτή: {name}",
    organisers: "διοργανωτές",
    missing: "Δεν υπάρχει διαγωνισμός σε αυτή τη διεύθυνση.",
    view: "Δημόσια σελίδα",
    submissions: "Υποβολές",
    noSubmissions: "Καμία ομάδα δεν έχει υποβάλει ακόμη.",
    submissionsCaption: "Όλες οι υποβολές, πρώτα οι παλαιότερες",
    submission: "Υποβολή",
    team: "Ομάδα",
    version: "Έκδοση",
    changed: "Τελευταία αλλαγή",
    judge: "Κονσόλα κριτή",
  },
});

const DASHBOARD = `query Dashboard($id: ID!, $normalise: Boolean!) {
  challengeDetails(id: $id) { ${DETAILS_FIELDS} }
  challenge(id: $id) { organisers { id name } }
  challengeTeams(challengeId: $id) { ${TEAMS_FIELDS} }
  challengeSubmissions(challengeId: $id) { id teamId title version updatedAt }
  judgingProgress(challengeId: $id) { judgeId name assigned scored }
  judgeConflicts(challengeId: $id) { judgeId teamId path { label id name relation } }
  challengeRanking(challengeId: $id, normalise: $normalise) { ${RANKED_FIELDS} }
  challengeWinners(challengeId: $id) { ${WINNER_FIELDS} }
}`;

interface Answer {
  challengeDetails: ChallengeDetails | null;
  challenge: { organisers: { id: string; name: string }[] } | null;
  challengeTeams: ChallengeTeam[];
  challengeSubmissions: (ListedSubmission & { version: number; updatedAt: string })[];
  judgingProgress: JudgeProgress[];
  judgeConflicts: (Conflict & { path: PathStep[] })[];
  challengeRanking: RankedEntry[];
  challengeWinners: Winner[];
}

export function OrganiserDashboard() {
  const t = useMessages(messages);
  const { account, loading } = useSession();
  const id = useParams().id ?? "";
  if (loading) {
    return (
      <Page title={t("title")}>
        <Loading />
      </Page>
    );
  }
  if (!account || !hasChallengeRole(account, id, "ORGANISER")) {
    return (
      <Page title={t("title")}>
        <NotAllowed role={t("organisers")} signedIn={account !== null} challengeId={id} />
      </Page>
    );
  }
  return <Dashboard id={id} />;
}

function Dashboard({ id }: { id: string }) {
  const t = useMessages(messages);
  const { text, date } = useFormats();
  const { account } = useSession();
  const [normalise, setNormalise] = useState(false);
  const { data, error, loading, reload } = useQuery<Answer>(DASHBOARD, { id, normalise });
  if (!data) {
    return (
      <Page title={t("title")}>
        {loading ? <Loading /> : null}
        {error ? <ErrorNotice error={error} onRetry={reload} /> : null}
      </Page>
    );
  }
  const details = data.challengeDetails;
  if (!details) {
    return (
      <Page title={t("title")}>
        <p>{t("missing")}</p>
      </Page>
    );
  }
  const teamName = new Map(data.challengeTeams.map((team) => [team.id, team.name]));
  const awarded = details.phase === "AWARDED" || details.phase === "ARCHIVED";
  const judges = account?.challenges.some((grant) => grant.challengeId === id && grant.roles.includes("JUDGE"));
  return (
    <Page
      title={t("titleOf", { name: text(details.title) })}
      actions={
        <>
          <Link className="button secondary" to={challengePath(id)}>
            {t("view")}
          </Link>{" "}
          {judges ? (
            <Link className="button secondary" to={challengePath(id, "/judge")}>
              {t("judge")}
            </Link>
          ) : null}
        </>
      }
    >
      {error ? <ErrorNotice error={error} onRetry={reload} /> : null}
      <PhaseControl details={details} onMoved={reload} />
      <ChallengeOverview details={details} organisers={data.challenge?.organisers ?? []} />
      {details.phase === "ARCHIVED" ? null : <ChallengeEditor key={`editor-${details.phase}`} details={details} onSaved={reload} />}
      <RubricEditor key={`rubric-${details.phase}`} details={details} onSaved={reload} />
      <section aria-labelledby="organise-submissions" className="panel">
        <h2 id="organise-submissions">{t("submissions")}</h2>
        {data.challengeSubmissions.length === 0 ? (
          <Empty>{t("noSubmissions")}</Empty>
        ) : (
          <table>
            <caption>{t("submissionsCaption")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("submission")}</th>
                <th scope="col">{t("team")}</th>
                <th scope="col">{t("version")}</th>
                <th scope="col">{t("changed")}</th>
              </tr>
            </thead>
            <tbody>
              {data.challengeSubmissions.map((submission) => (
                <tr key={submission.id}>
                  <td>{submission.title}</td>
                  <td>{teamName.get(submission.teamId) ?? ""}</td>
                  <td>{submission.version}</td>
                  <td>{date(submission.updatedAt, true)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
      <JudgePanel
        details={details}
        progress={data.judgingProgress}
        conflicts={data.judgeConflicts}
        submissions={data.challengeSubmissions}
        teams={data.challengeTeams}
        onChanged={reload}
      />
      <RankingPanel ranking={data.challengeRanking} normalise={normalise} onNormalise={setNormalise} />
      <AwardsForm
        key={`awards-${details.phase}-${data.challengeRanking.length}`}
        challengeId={id}
        phase={details.phase}
        teams={data.challengeTeams}
        ranking={data.challengeRanking}
        winners={data.challengeWinners}
        onRecorded={reload}
      />
      {awarded ? <FollowUpPanel challengeId={id} /> : null}
    </Page>
  );
}
