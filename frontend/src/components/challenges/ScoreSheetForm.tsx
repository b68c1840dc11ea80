// One assigned submission and the judge's scores for it: a number per rubric criterion
// within its range (its weight shown), and a comment only the organisers read.
import { useState } from "react";
import type { FormEvent } from "react";

import { defineMessages, useFormats, useMessages } from "../../i18n";
import { ActionStatus } from "./ActionStatus";
import { ERROR_FIELDS, useMoment } from "./common";
import type { Criterion, Submission } from "./common";
import { Field } from "../Field";
import { useAction } from "./useAction";

const messages = defineMessages({
  en: {
    scores: "Scores",
    range: "from {min} to {max}, weight {weight}",
    comment: "Comment for the organisers",
    commentHint: "Only the organisers read it; the team never sees it.",
    save: "Save the scores",
    saved: "Scores saved.",
    scoredAt: "Scored {date}",
    notScored: "Not scored yet",
    notJudging: "Scores can be given while the challenge is in judging.",
    outOfRange: "Give a number from {min} to {max}.",
    links: "Links",
    repository: "Source code",
    demo: "Demo",
    video: "Video",
    unknown: "Submission {id}",
  },
  el: {
    scores: "Βαθμολογίες",
    range: "από {min} έως {max}, βάρος {weight}",
    comment: "Σχόλιο για τους διοργανωτές",
    commentHint: "Το διαβάζουν μόνο οι διοργανωτές· η ομάδα δεν το βλέπει ποτέ.",
    save: "Αποθήκευση βαθμολογιών",
    saved: "Οι βαθμολογίες αποθηκεύτηκαν.",
    scoredAt: "Βαθμολογήθηκε {date}",
    notScored: "Δεν έχει βαθμολογηθεί ακόμη",
    notJudging: "Βαθμολογίες δίνονται όσο ο διαγωνισμός βρίσκεται σε αξιολόγηση.",
    outOfRange: "Δώστε έναν αριθμό από {min} έως {max}.",
    links: "Σύνδεσμοι",
    repository: "Πηγαίος κώδικας",
    demo: "Επίδειξη",
    video: "Βίντεο",
    unknown: "Υποβολή {id}",
  },
});

export interface ScoreSheet {
  submissionId: string;
  scores: Record<string, number> | null;
  comment: string | null;
  scoredAt: string | null;
}

const SCORE = `mutation Score($id: ID!, $scores: JSON!, $comment: String) {
  scoreSubmission(submissionId: $id, scores: $scores, comment: $comment) { ok ${ERROR_FIELDS} }
}`;

export function ScoreSheetForm({
  sheet,
  submission,
  rubric,
  judging,
  timezone,
  onSaved,
}: {
  sheet: ScoreSheet;
  submission: Submission | undefined;
  rubric: Criterion[];
  judging: boolean;
  timezone?: string;
  onSaved: () => void;
}) {
  const t = useMessages(messages);
  const { number } = useFormats();
  const moment = useMoment();
  const action = useAction();
  const [values, setValues] = useState<Record<string, string>>(() =>
    Object.fromEntries(rubric.map((criterion) => [criterion.key, sheet.scores?.[criterion.key]?.toString() ?? ""])),
  );
  const [comment, setComment] = useState(sheet.comment ?? "");
  const [saved, setSaved] = useState(false);
  const title = submission?.title ?? t("unknown", { id: sheet.submissionId });
  const headingId = `sheet-${sheet.submissionId.replace(/[^A-Za-z0-9_-]/g, "")}`;
  const problem = (key: string) => action.errors.find((error) => (error.field ?? "").split(".").pop() === key)?.message ?? null;

  async function save(event: FormEvent) {
    event.preventDefault();
    setSaved(false);
    const outside = rubric.filter((criterion) => {
      const value = Number(values[criterion.key]);
      return values[criterion.key] === "" || Number.isNaN(value) || value < criterion.minimum || value > criterion.maximum;
    });
    if (outside.length > 0) {
      action.setErrors(
        outside.map((criterion) => ({
          code: "INVALID",
          field: criterion.key,
          message: t("outOfRange", { min: criterion.minimum, max: criterion.maximum }),
        })),
      );
      return;
    }
    const scores = Object.fromEntries(rubric.map((criterion) => [criterion.key, Number(values[criterion.key])]));
    if (await action.run(SCORE, { id: sheet.submissionId, scores, comment: comment.trim() || null }, "scoreSubmission")) {
      setSaved(true);
      onSaved();
    }
  }

  const links = submission
    ? ([
        [t("repository"), submission.repositoryUrl],
        [t("demo"), submission.demoUrl],
        [t("video"), submission.videoUrl],
      ].filter((pair) => Boolean(pair[1])) as [string, string][])
    : [];
  const labels = Object.fromEntries(rubric.map((criterion) => [criterion.key, criterion.name]));
  return (
    <section className="score-sheet" aria-labelledby={headingId}>
      <h3 id={headingId}>{title}</h3>
      <p className="meta">
        {sheet.scoredAt ? t("scoredAt", { date: moment(sheet.scoredAt, timezone) }) : t("notScored")}
      </p>
      {submission ? <p className="challenge-text">{submission.summary}</p> : null}
      {links.length > 0 ? (
        <ul aria-label={t("links")}>
          {links.map(([label, href]) => (
            <li key={label}>
              <a href={href}>
                {label}
                <span className="visually-hidden">: {title}</span>
              </a>
            </li>
          ))}
        </ul>
      ) : null}
      {judging ? (
        <form className="stack" noValidate onSubmit={(event) => void save(event)}>
          <ActionStatus action={action} labels={labels} done={saved ? t("saved") : null} />
          <fieldset>
            <legend>{t("scores")}</legend>
            {rubric.map((criterion) => (
              <Field
                key={criterion.key}
                label={criterion.name}
                hint={t("range", {
                  min: number(criterion.minimum),
                  max: number(criterion.maximum),
                  weight: number(criterion.weight, 2),
                })}
                error={problem(criterion.key)}
              >
                {(control) => (
                  <input
                    {...control}
                    type="number"
                    inputMode="decimal"
                    min={criterion.minimum}
                    max={criterion.maximum}
                    step="0.5"
                    value={values[criterion.key]}
                    onChange={(event) => setValues((current) => ({ ...current, [criterion.key]: event.target.value }))}
                  />
                )}
              </Field>
            ))}
          </fieldset>
          <Field label={t("comment")} hint={t("commentHint")}>
            {(control) => <textarea {...control} value={comment} onChange={(event) => setComment(event.target.value)} />}
          </Field>
          <div>
            <button type="submit" disabled={action.busy}>
              {t("save")}
              <span className="visually-hidden">: {title}</span>
            </button>
          </div>
        </form>
      ) : (
        <p>{t("notJudging")}</p>
      )}
    </section>
  );
}
