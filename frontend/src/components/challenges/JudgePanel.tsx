// The panel of judges: add a judge (their conflicts of interest come back at once), assign
// one judge to a submission, or give every submission N judges, balanced; each judge's
// progress; and every conflict of interest with the graph path that makes it one.
import { useId, useState } from "react";
import type { FormEvent } from "react";

import { defineMessages, useFormats, useMessages } from "../../i18n";
import { Empty } from "../Status";
import { ActionStatus } from "./ActionStatus";
import { ConflictPath, ERROR_FIELDS } from "./common";
import type { ChallengeDetails, PathStep } from "./common";
import { Field } from "../Field";
import { PersonPicker } from "./PersonPicker";
import type { Chosen } from "./PersonPicker";
import type { ChallengeTeam } from "./TeamList";
import { useAction } from "./useAction";

const messages = defineMessages({
  en: {
    heading: "Judges",
    progressCaption: "Each judge's assigned and scored submissions",
    judge: "Judge",
    assigned: "Assigned",
    scored: "Scored",
    noJudges: "No judge is on the panel yet.",
    add: "Add a judge",
    addButton: "Add to the panel",
    added: "{name} is on the panel.",
    addedConflicts: "{name} is on the panel, but has a conflict of interest with: {teams}.",
    needPerson: "Choose the person to add.",
    assignOne: "Assign a judge to a submission",
    submission: "Submission",
    chooseSubmission: "Choose a submission",
    chooseJudge: "Choose a judge",
    assign: "Assign",
    assignedOne: "The judge is assigned.",
    needBoth: "Choose both a submission and a judge.",
    balance: "Assign judges to every submission, balanced",
    perSubmission: "Judges per submission",
    perSubmissionHint: "Judges with a conflict of interest are left out.",
    balanceButton: "Assign",
    balanced: "{count} new assignments made.",
    short: "Submissions still short of judges: {titles}.",
    badCount: "Give a whole number from 1 to 10.",
    notNow: "Judges are assigned during the submission and judging phases.",
    conflicts: "Conflicts of interest",
    noConflicts: "No judge has a conflict of interest with a team.",
    conflictLine: "{judge} and team {team}",
    unknownJudge: "a judge",
  },
  el: {
    heading: "Κριτές",
    progressCaption: "Οι υποβολές που ανατέθηκαν και βαθμολόγησε κάθε κριτής",
    judge: "Κριτής",
    assigned: "Ανατέθηκαν",
    scored: "Βαθμολογήθηκαν",
    noJudges: "Δεν υπάρχει ακόμη κριτής στην επιτροπή.",
    add: "Προσθήκη κριτή",
    addButton: "Προσθήκη στην επιτροπή",
    added: "Το πρόσωπο {name} είναι πλέον στην επιτροπή.",
    addedConflicts: "Το πρόσωπο {name} είναι στην επιτροπή, αλλά έχει σύγκρουση συμφερόντων με: {teams}.",
    needPerson: "Επιλέξτε το πρόσωπο που θα προσθέσετε.",
    assignOne: "Ανάθεση κριτή σε υποβολή",
    submission: "Υποβολή",
    chooseSubmission: "Επιλέξτε υποβολή",
    chooseJudge: "Επιλέξτε κριτή",
    assign: "Ανάθεση",
    assignedOne: "Ο κριτής ανατέθηκε.",
    needBoth: "Επιλέξτε και υποβολή και κριτή.",
    balance: "Ισόρροπη ανάθεση κριτών σε όλες τις υποβολές",
    perSubmission: "Κριτές ανά υποβολή",
    perSubmissionHint: "Κριτές με σύγκρουση συμφερόντων εξαιρούνται.",
    balanceButton: "Ανάθεση",
    balanced: "Έγιναν {count} νέες αναθέσεις.",
    short: "Υποβολές που χρειάζονται ακόμη κριτές: {titles}.",
    badCount: "Δώστε έναν ακέραιο από 1 έως 10.",
    notNow: "Οι κριτές ανατίθενται κατά τις φάσεις υποβολών και αξιολόγησης.",
    conflicts: "Συγκρούσεις συμφερόντων",
    noConflicts: "Κανένας κριτής δεν έχει σύγκρουση συμφερόντων με ομάδα.",
    conflictLine: "{judge} και ομάδα {team}",
    unknownJudge: "ένας κριτής",
  },
});

export interface JudgeProgress {
  judgeId: string;
  name: string | null;
  assigned: number;
  scored: number;
}

export interface Conflict {
  judgeId: string;
  teamId: string;
  path: PathStep[];
}

export interface ListedSubmission {
  id: string;
  teamId: string;
  title: string;
}

const ADD = `mutation AddJudge($id: ID!, $person: ID!) {
  addJudge(challengeId: $id, personId: $person) { ok conflicts { teamId } ${ERROR_FIELDS} }
}`;
const ASSIGN = `mutation AssignJudge($submission: ID!, $judge: ID!) {
  assignJudge(submissionId: $submission, judgeId: $judge) { ok ${ERROR_FIELDS} }
}`;
const BALANCE = `mutation AssignJudges($id: ID!, $count: Int!) {
  assignJudges(challengeId: $id, perSubmission: $count) { assigned shortSubmissionIds ${ERROR_FIELDS} }
}`;

const ASSIGNING = ["SUBMISSION", "JUDGING"];

export function JudgePanel({
  details,
  progress,
  conflicts,
  submissions,
  teams,
  onChanged,
}: {
  details: ChallengeDetails;
  progress: JudgeProgress[];
  conflicts: Conflict[];
  submissions: ListedSubmission[];
  teams: ChallengeTeam[];
  onChanged: () => void;
}) {
  const t = useMessages(messages);
  const { number } = useFormats();
  const teamName = new Map(teams.map((team) => [team.id, team.name]));
  const judgeName = new Map(progress.map((judge) => [judge.judgeId, judge.name ?? t("unknownJudge")]));
  const closed = details.phase === "AWARDED" || details.phase === "ARCHIVED";
  return (
    <section aria-labelledby="organise-judges" className="panel">
      <h2 id="organise-judges">{t("heading")}</h2>
      {progress.length === 0 ? (
        <Empty>{t("noJudges")}</Empty>
      ) : (
        <table>
          <caption>{t("progressCaption")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("judge")}</th>
              <th scope="col">{t("assigned")}</th>
              <th scope="col">{t("scored")}</th>
            </tr>
          </thead>
          <tbody>
            {progress.map((judge) => (
              <tr key={judge.judgeId}>
                <td>{judge.name ?? t("unknownJudge")}</td>
                <td>{number(judge.assigned)}</td>
                <td>{number(judge.scored)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {closed ? null : <AddJudgeForm challengeId={details.id} teamName={teamName} onAdded={onChanged} />}
      {ASSIGNING.includes(details.phase) ? (
        <>
          <AssignForm submissions={submissions} progress={progress} teamName={teamName} onAssigned={onChanged} />
          <BalanceForm challengeId={details.id} submissions={submissions} onAssigned={onChanged} />
        </>
      ) : closed ? null : (
        <p className="hint">{t("notNow")}</p>
      )}
      <h3>{t("conflicts")}</h3>
      {conflicts.length === 0 ? (
        <Empty>{t("noConflicts")}</Empty>
      ) : (
        <ul className="conflicts">
          {conflicts.map((conflict) => (
            <li key={`${conflict.judgeId}-${conflict.teamId}`}>
              <strong>
                {t("conflictLine", {
                  judge: judgeName.get(conflict.judgeId) ?? conflict.path[0]?.name ?? t("unknownJudge"),
                  team: teamName.get(conflict.teamId) ?? conflict.path[conflict.path.length - 1]?.name ?? "",
                })}
                :
              </strong>{" "}
              <ConflictPath path={conflict.path} />
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function AddJudgeForm({
  challengeId,
  teamName,
  onAdded,
}: {
  challengeId: string;
  teamName: Map<string, string>;
  onAdded: () => void;
}) {
  const t = useMessages(messages);
  const action = useAction();
  const [person, setPerson] = useState<Chosen | null>(null);
  const [done, setDone] = useState<string | null>(null);
  async function add(event: FormEvent) {
    event.preventDefault();
    setDone(null);
    if (!person) {
      action.setErrors([{ code: "REQUIRED", field: "personId", message: t("needPerson") }]);
      return;
    }
    const payload = await action.run<{ errors: []; conflicts: { teamId: string }[] }>(
      ADD,
      { id: challengeId, person: person.id },
      "addJudge",
    );
    if (payload) {
      const teams = payload.conflicts.map((conflict) => teamName.get(conflict.teamId) ?? conflict.teamId);
      setDone(
        teams.length > 0
          ? t("addedConflicts", { name: person.name, teams: teams.join(", ") })
          : t("added", { name: person.name }),
      );
      setPerson(null);
      onAdded();
    }
  }
  return (
    <form className="stack" noValidate onSubmit={(event) => void add(event)}>
      <h3>{t("add")}</h3>
      <ActionStatus action={action} done={done} />
      <PersonPicker
        value={person}
        onChange={setPerson}
        error={action.errors.find((error) => error.field === "personId")?.message ?? null}
      />
      <div>
        <button type="submit" disabled={action.busy}>
          {t("addButton")}
        </button>
      </div>
    </form>
  );
}

function AssignForm({
  submissions,
  progress,
  teamName,
  onAssigned,
}: {
  submissions: ListedSubmission[];
  progress: JudgeProgress[];
  teamName: Map<string, string>;
  onAssigned: () => void;
}) {
  const t = useMessages(messages);
  const action = useAction();
  const [submission, setSubmission] = useState("");
  const [judge, setJudge] = useState("");
  const [done, setDone] = useState(false);
  const submissionId = useId();
  const judgeId = useId();
  async function assign(event: FormEvent) {
    event.preventDefault();
    setDone(false);
    if (!submission || !judge) {
      action.setErrors([{ code: "REQUIRED", field: null, message: t("needBoth") }]);
      return;
    }
    if (await action.run(ASSIGN, { submission, judge }, "assignJudge")) {
      setDone(true);
      onAssigned();
    }
  }
  return (
    <form noValidate onSubmit={(event) => void assign(event)}>
      <h3>{t("assignOne")}</h3>
      <ActionStatus action={action} done={done ? t("assignedOne") : null} />
      <div className="inline-form">
        <div className="field">
          <label htmlFor={submissionId}>{t("submission")}</label>
          <select id={submissionId} value={submission} onChange={(e) => setSubmission(e.target.value)}>
            <option value="">{t("chooseSubmission")}</option>
            {submissions.map((item) => (
              <option key={item.id} value={item.id}>
                {item.title} ({teamName.get(item.teamId) ?? ""})
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={judgeId}>{t("judge")}</label>
          <select id={judgeId} value={judge} onChange={(e) => setJudge(e.target.value)}>
            <option value="">{t("chooseJudge")}</option>
            {progress.map((item) => (
              <option key={item.judgeId} value={item.judgeId}>
                {item.name ?? item.judgeId}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" disabled={action.busy}>
          {t("assign")}
        </button>
      </div>
    </form>
  );
}

function BalanceForm({
  challengeId,
  submissions,
  onAssigned,
}: {
  challengeId: string;
  submissions: ListedSubmission[];
  onAssigned: () => void;
}) {
  const t = useMessages(messages);
  const action = useAction();
  const [count, setCount] = useState("2");
  const [done, setDone] = useState<string | null>(null);
  const problem = action.errors.find((error) => error.field === "perSubmission")?.message ?? null;
  async function balance(event: FormEvent) {
    event.preventDefault();
    setDone(null);
    const wanted = Number(count);
    if (!Number.isInteger(wanted) || wanted < 1 || wanted > 10) {
      action.setErrors([{ code: "INVALID", field: "perSubmission", message: t("badCount") }]);
      return;
    }
    const payload = await action.run<{ errors: []; assigned: number; shortSubmissionIds: string[] }>(
      BALANCE,
      { id: challengeId, count: wanted },
      "assignJudges",
    );
    if (payload) {
      const titles = payload.shortSubmissionIds.map((id) => submissions.find((item) => item.id === id)?.title ?? id);
      setDone(
        [t("balanced", { count: payload.assigned }), titles.length > 0 ? t("short", { titles: titles.join(", ") }) : ""]
          .filter(Boolean)
          .join(" "),
      );
      onAssigned();
    }
  }
  return (
    <form noValidate onSubmit={(event) => void balance(event)}>
      <h3>{t("balance")}</h3>
      <ActionStatus action={action} done={done} labels={{ perSubmission: t("perSubmission") }} />
      <div className="inline-form">
        <Field label={t("perSubmission")} hint={t("perSubmissionHint")} error={problem}>
          {(control) => (
            <input {...control} type="number" min={1} max={10} value={count} onChange={(e) => setCount(e.target.value)} />
          )}
        </Field>
        <button type="submit" disabled={action.busy}>
          {t("balanceButton")}
        </button>
      </div>
    </form>
  );
}
