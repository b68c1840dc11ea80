// A judge's console: the submissions assigned to them, the rubric to score each against,
// their saved scores, and how far along they are.
import { Link, useParams } from "react-router-dom";

import { challengePath, DETAILS_FIELDS, NotAllowed, SUBMISSION_FIELDS } from "../components/challenges/common";
import type { ChallengeDetails, Submission } from "../components/challenges/common";
import { ScoreSheetForm } from "../components/challenges/ScoreSheetForm";
import type { ScoreSheet } from "../components/challenges/ScoreSheetForm";
import { Page } from "../components/Page";
import { Empty, ErrorNotice, Loading } from "../components/Status";
import { defineMessages, useFormats, useMessages } from "../i18n";
import { hasChallengeRole, useSession } from "../session";
import { useQuery } from "../useQuery";
import "../challenges.css";

const messages = defineMessages({
  en: {
    title: "Judge console",
    titleOf: "Judge console: {name}",
    judges: "judges",
    noProfile: "Your account has no profile to judge with.",
    progress: "Your progress",
    progressLine: "{scored} of {assigned} submissions scored",
    rubric: "Rubric",
    criterion: "Criterion",
    weight: "Weight",
    range: "Range",
    rubricCaption: "What each submission is scored on",
    assigned: "Assigned submissions",
    none: "No submission is assigned to you yet. The organisers assign them during submission and judging.",
    noRubric: "The organisers have not set a rubric yet.",
    back: "Back to the challenge",
  },
  el: {
    title: "Κονσόλα κριτή",
    titleOf: "Κονσόλα κριτή: {name}",
    judges: "κριτές",
    noProfile: "Ο λογαριασμός σας δεν έχει προφίλ για να κρίνει.",
    progress: "Η πρόοδός σας",
    progressLine: "{scored} από {assigned} υποβολές βαθμολογημένες",
    rubric: "Κριτήρια αξιολόγησης",
    criterion: "Κριτήριο",
    weight: "Βάρος",
    range: "Εύρος",
    rubricCaption: "Τα κριτήρια με τα οποία βαθμολογείται κάθε υποβολή",
    assigned: "Υποβολές που σας ανατέθηκαν",
    none: "Δεν σας έχει ανατεθεί ακόμη καμία υποβολή. Οι διοργανωτές τις αναθέτουν κατά τις υποβολές και την αξιολόγηση.",
    noRubric: "Οι διοργανωτές δεν έχουν ορίσει ακόμη κριτήρια.",
    back: "Επιστροφή στον διαγωνισμό",
  },
});

const CONSOLE = `query JudgeConsole($id: ID!) {
  challengeDetails(id: $id) { ${DETAILS_FIELDS} }
  judgeAssignments(challengeId: $id) { submissionId scores comment scoredAt }
  challengeSubmissions(challengeId: $id) { ${SUBMISSION_FIELDS} }
}`;

interface Answer {
  challengeDetails: ChallengeDetails | null;
  judgeAssignments: ScoreSheet[];
  challengeSubmissions: Submission[];
}

export function JudgeConsole() {
  const t = useMessages(messages);
  const { account, loading: sessionLoading } = useSession();
  const id = useParams().id ?? "";
  const allowed = account !== null && hasChallengeRole(account, id, "JUDGE") && account.person !== null;
  if (sessionLoading) {
    return (
      <Page title={t("title")}>
        <Loading />
      </Page>
    );
  }
  if (!account || !hasChallengeRole(account, id, "JUDGE")) {
    return (
      <Page title={t("title")}>
        <NotAllowed role={t("judges")} signedIn={account !== null} challengeId={id} />
      </Page>
    );
  }
  if (!allowed) {
    return (
      <Page title={t("title")}>
        <p>{t("noProfile")}</p>
        <p>
          <Link to={challengePath(id)}>{t("back")}</Link>
        </p>
      </Page>
    );
  }
  return <Console id={id} />;
}

function Console({ id }: { id: string }) {
  const t = useMessages(messages);
  const { text, number } = useFormats();
  const { data, error, loading, reload } = useQuery<Answer>(CONSOLE, { id });
  if (!data) {
    return (
      <Page title={t("title")}>
        {loading ? <Loading /> : null}
        {error ? <ErrorNotice error={error} onRetry={reload} /> : null}
      </Page>
    );
  }
  const details = data.challengeDetails;
  const sheets = data.judgeAssignments;
  const scored = sheets.filter((sheet) => sheet.scoredAt).length;
  const byId = new Map(data.challengeSubmissions.map((submission) => [submission.id, submission]));
  return (
    <Page
      title={details ? t("titleOf", { name: text(details.title) }) : t("title")}
      actions={
        <Link className="button secondary" to={challengePath(id)}>
          {t("back")}
        </Link>
      }
    >
      {error ? <ErrorNotice error={error} onRetry={reload} /> : null}
      <section aria-labelledby="judge-progress">
        <h2 id="judge-progress">{t("progress")}</h2>
        <p className="progress-line" id="judge-progress-line">
          {t("progressLine", { scored: number(scored), assigned: number(sheets.length) })}
        </p>
        <progress max={Math.max(sheets.length, 1)} value={scored} aria-labelledby="judge-progress-line" />
      </section>
      <section aria-labelledby="judge-rubric">
        <h2 id="judge-rubric">{t("rubric")}</h2>
        {details && details.rubric.length > 0 ? (
          <table>
            <caption>{t("rubricCaption")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("criterion")}</th>
                <th scope="col">{t("weight")}</th>
                <th scope="col">{t("range")}</th>
              </tr>
            </thead>
            <tbody>
              {details.rubric.map((criterion) => (
                <tr key={criterion.key}>
                  <td>{criterion.name}</td>
                  <td>{number(criterion.weight, 2)}</td>
                  <td>
                    {number(criterion.minimum)}–{number(criterion.maximum)}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        ) : (
          <Empty>{t("noRubric")}</Empty>
        )}
      </section>
      <section aria-labelledby="judge-assigned">
        <h2 id="judge-assigned">{t("assigned")}</h2>
        {sheets.length === 0 ? <Empty>{t("none")}</Empty> : null}
        {details
          ? sheets.map((sheet) => (
              <ScoreSheetForm
                key={sheet.submissionId}
                sheet={sheet}
                submission={byId.get(sheet.submissionId)}
                rubric={details.rubric}
                judging={details.phase === "JUDGING"}
                timezone={details.schedule?.timezone}
                onSaved={reload}
              />
            ))
          : null}
      </section>
    </Page>
  );
}
