// A team's submission: submit it, see it, edit it (each edit a new version); refusals such
// as a passed deadline or a teammate's earlier submission are shown with their reason.
import { useState } from "react";
import type { FormEvent } from "react";

import { defineMessages, useFormats, useMessages } from "../../i18n";
import { useQuery } from "../../useQuery";
import { ErrorNotice, Loading } from "../Status";
import { ActionStatus } from "./ActionStatus";
import { ERROR_FIELDS, SUBMISSION_FIELDS, useMoment } from "./common";
import type { ChallengeDetails, Submission } from "./common";
import { DATASETS } from "./DatasetList";
import type { Dataset } from "./DatasetList";
import { Field } from "../Field";
import { useAction } from "./useAction";

const messages = defineMessages({
  en: {
    heading: "Your team's submission",
    notYet: "Your team has not submitted yet.",
    opensOn: "Submissions open on {date}.",
    submitHeading: "Submit your entry",
    editHeading: "Edit your entry",
    title: "Title",
    summary: "Summary",
    summaryHint: "What you built, for whom, and which open data it uses.",
    repository: "Source code address",
    demo: "Demo address",
    video: "Video address",
    linkHint: "An https:// address (optional).",
    datasets: "Datasets used",
    submit: "Submit",
    save: "Save a new version",
    edit: "Edit the submission",
    cancel: "Cancel",
    submitted: "Your submission is in.",
    saved: "Saved as version {version}.",
    version: "Version {version}, last changed {date}",
    showExisting: "Show your team's submission",
    reload: "Load the latest version",
    needTitle: "Give your entry a title.",
    needSummary: "Describe your entry in a few sentences.",
    links: "Links",
  },
  el: {
    heading: "Η υποβολή της ομάδας σας",
    notYet: "Η ομάδα σας δεν έχει υποβάλει ακόμη.",
    opensOn: "Οι υποβολές ανοίγουν {date}.",
    submitHeading: "Υποβολή συμμετοχής",
    editHeading: "Επεξεργασία συμμετοχής",
    title: "Τίτλος",
    summary: "Περίληψη",
    summaryHint: "Τι φτιάξατε, για ποιους, και ποια ανοιχτά δεδομένα χρησιμοποιεί.",
    repository: "Διεύθυνση πηγαίου κώδικα",
    demo: "Διεύθυνση επίδειξης",
    video: "Διεύθυνση βίντεο",
    linkHint: "Μια διεύθυνση https:// (προαιρετικό).",
    datasets: "Σύνολα δεδομένων που χρησιμοποιήθηκαν",
    submit: "Υποβολή",
    save: "Αποθήκευση νέας έκδοσης",
    edit: "Επεξεργασία της υποβολής",
    cancel: "Ακύρωση",
    submitted: "Η υποβολή σας καταχωρίστηκε.",
    saved: "Αποθηκεύτηκε ως έκδοση {version}.",
    version: "Έκδοση {version}, τελευταία αλλαγή {date}",
    showExisting: "Εμφάνιση της υποβολής της ομάδας σας",
    reload: "Φόρτωση της τελευταίας έκδοσης",
    needTitle: "Δώστε τίτλο στη συμμετοχή σας.",
    needSummary: "Περιγράψτε τη συμμετοχή σας σε λίγες προτάσεις.",
    links: "Σύνδεσμοι",
  },
});

const SUBMISSIONS = `query TeamSubmissions($id: ID!) { challengeSubmissions(challengeId: $id) { ${SUBMISSION_FIELDS} } }`;
const SUBMIT = `mutation Submit($team: ID!, $input: SubmissionInput!) {
  submit(teamId: $team, input: $input) { submission { ${SUBMISSION_FIELDS} } ${ERROR_FIELDS} } }`;
const EDIT = `mutation Edit($id: ID!, $version: Int!, $input: SubmissionInput!) {
  editSubmission(id: $id, version: $version, input: $input) { submission { ${SUBMISSION_FIELDS} } ${ERROR_FIELDS} } }`;

export function SubmissionPanel({ details, teamId }: { details: ChallengeDetails; teamId: string }) {
  const t = useMessages(messages);
  const moment = useMoment();
  const { data, error, loading, reload } = useQuery<{ challengeSubmissions: Submission[] }>(SUBMISSIONS, {
    id: details.id,
  });
  const [editing, setEditing] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  if (loading && !data) return <Loading />;
  if (error) return <ErrorNotice error={error} onRetry={reload} />;
  const mine = data?.challengeSubmissions.find((submission) => submission.teamId === teamId) ?? null;
  const accepting = details.phase === "SUBMISSION";
  return (
    <div className="submission">
      <h3>{t("heading")}</h3>
      {notice ? (
        <p className="status success" role="status">
          {notice}
        </p>
      ) : null}
      {mine ? (
        <SubmissionView submission={mine} timezone={details.schedule?.timezone} />
      ) : (
        <p>{t("notYet")}</p>
      )}
      {details.phase === "REGISTRATION" && details.schedule ? (
        <p>{t("opensOn", { date: moment(details.schedule.submissionOpens, details.schedule.timezone) })}</p>
      ) : null}
      {accepting && mine && !editing ? (
        <button type="button" className="secondary" onClick={() => setEditing(true)}>
          {t("edit")}
        </button>
      ) : null}
      {accepting && (!mine || editing) ? (
        <SubmissionForm
          challengeId={details.id}
          teamId={teamId}
          existing={mine}
          onCancel={mine ? () => setEditing(false) : undefined}
          onSaved={(saved) => {
            setEditing(false);
            setNotice(mine ? t("saved", { version: saved.version }) : t("submitted"));
            reload();
          }}
          onStale={() => {
            setEditing(false);
            reload();
          }}
        />
      ) : null}
    </div>
  );
}

function SubmissionView({ submission, timezone }: { submission: Submission; timezone?: string }) {
  const t = useMessages(messages);
  const moment = useMoment();
  const links = [
    [t("repository"), submission.repositoryUrl],
    [t("demo"), submission.demoUrl],
    [t("video"), submission.videoUrl],
  ].filter((pair): pair is [string, string] => Boolean(pair[1]));
  return (
    <article className="card submission-view" aria-label={submission.title}>
      <h4>{submission.title}</h4>
      <p className="meta">{t("version", { version: submission.version, date: moment(submission.updatedAt, timezone) })}</p>
      <p className="challenge-text">{submission.summary}</p>
      {links.length > 0 ? (
        <ul aria-label={t("links")}>
          {links.map(([label, href]) => (
            <li key={label}>
              {label}: <a href={href}>{href}</a>
            </li>
          ))}
        </ul>
      ) : null}
    </article>
  );
}

interface Draft {
  title: string;
  summary: string;
  repository: string;
  demo: string;
  video: string;
  datasetIds: string[];
}

function draftOf(submission: Submission | null): Draft {
  return {
    title: submission?.title ?? "",
    summary: submission?.summary ?? "",
    repository: submission?.repositoryUrl ?? "",
    demo: submission?.demoUrl ?? "",
    video: submission?.videoUrl ?? "",
    datasetIds: submission?.datasetIds ?? [],
  };
}

function SubmissionForm({
  challengeId,
  teamId,
  existing,
  onSaved,
  onCancel,
  onStale,
}: {
  challengeId: string;
  teamId: string;
  existing: Submission | null;
  onSaved: (submission: Submission) => void;
  onCancel?: () => void;
  onStale: () => void;
}) {
  const t = useMessages(messages);
  const { number } = useFormats();
  const action = useAction();
  const [draft, setDraft] = useState<Draft>(() => draftOf(existing));
  const datasets = useQuery<{ challengeDatasets: Dataset[] }>(DATASETS, { id: challengeId });
  const set = (patch: Partial<Draft>) => setDraft((current) => ({ ...current, ...patch }));
  const labels = {
    title: t("title"),
    summary: t("summary"),
    repository: t("repository"),
    demo: t("demo"),
    video: t("video"),
    teamId: t("heading"),
  };
  const problem = (field: string) =>
    action.errors.find((error) => (error.field ?? "").split(".").pop() === field)?.message ?? null;
  const staleCodes = ["ALREADY_SUBMITTED", "VERSION_CONFLICT"];
  const stale = action.errors.some((error) => staleCodes.includes(error.code));

  async function submit(event: FormEvent) {
    event.preventDefault();
    const missing = [
      ...(draft.title.trim() ? [] : [{ code: "REQUIRED", field: "title", message: t("needTitle") }]),
      ...(draft.summary.trim() ? [] : [{ code: "REQUIRED", field: "summary", message: t("needSummary") }]),
    ];
    if (missing.length > 0) {
      action.setErrors(missing);
      return;
    }
    const input = {
      title: draft.title.trim(),
      summary: draft.summary.trim(),
      links: {
        repository: draft.repository.trim() || null,
        demo: draft.demo.trim() || null,
        video: draft.video.trim() || null,
      },
      datasetIds: draft.datasetIds,
    };
    const payload = existing
      ? await action.run<{ errors: []; submission: Submission }>(
          EDIT,
          { id: existing.id, version: existing.version, input },
          "editSubmission",
        )
      : await action.run<{ errors: []; submission: Submission }>(SUBMIT, { team: teamId, input }, "submit");
    if (payload) onSaved(payload.submission);
  }

  return (
    <form className="stack" noValidate onSubmit={(event) => void submit(event)}>
      <h4>{existing ? t("editHeading") : t("submitHeading")}</h4>
      <ActionStatus action={action} labels={labels} />
      {stale ? (
        <div>
          <button type="button" className="secondary" onClick={onStale}>
            {existing ? t("reload") : t("showExisting")}
          </button>
        </div>
      ) : null}
      <Field label={t("title")} error={problem("title")}>
        {(control) => <input {...control} value={draft.title} onChange={(e) => set({ title: e.target.value })} />}
      </Field>
      <Field label={t("summary")} hint={t("summaryHint")} error={problem("summary")}>
        {(control) => (
          <textarea {...control} value={draft.summary} onChange={(e) => set({ summary: e.target.value })} />
        )}
      </Field>
      {(["repository", "demo", "video"] as const).map((key) => (
        <Field key={key} label={t(key)} hint={t("linkHint")} error={problem(key)}>
          {(control) => (
            <input {...control} type="url" value={draft[key]} onChange={(e) => set({ [key]: e.target.value })} />
          )}
        </Field>
      ))}
      {datasets.data && datasets.data.challengeDatasets.length > 0 ? (
        <fieldset>
          <legend>{t("datasets")}</legend>
          {datasets.data.challengeDatasets.map((dataset) => (
            <label key={dataset.id} className="check">
              <input
                type="checkbox"
                checked={draft.datasetIds.includes(dataset.id)}
                onChange={(e) =>
                  set({
                    datasetIds: e.target.checked
                      ? [...draft.datasetIds, dataset.id]
                      : draft.datasetIds.filter((id) => id !== dataset.id),
                  })
                }
              />{" "}
              {dataset.title}
              {dataset.usedBySubmissions ? ` (${number(dataset.usedBySubmissions)})` : null}
            </label>
          ))}
        </fieldset>
      ) : null}
      <div className="actions-row">
        <button type="submit" disabled={action.busy}>
          {existing ? t("save") : t("submit")}
        </button>
        {onCancel ? (
          <button type="button" className="secondary" onClick={onCancel}>
            {t("cancel")}
          </button>
        ) : null}
      </div>
    </form>
  );
}
