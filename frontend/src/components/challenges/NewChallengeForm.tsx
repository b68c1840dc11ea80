// A new challenge (a draft its creator organises): bilingual title and description,
// organiser, schedule in a chosen time zone, team size, themes and skills sought.
import { useState } from "react";
import type { FormEvent } from "react";
import { useNavigate } from "react-router-dom";

import { ApiError, gql } from "../../api";
import { defineMessages, useMessages } from "../../i18n";
import { useSession } from "../../session";
import { ErrorNotice } from "../Status";
import { challengePath, ERROR_FIELDS, Refusals } from "./common";
import type { ChallengeError } from "./common";
import { Field, wordList } from "../Field";
import { OrganisationChoice } from "./OrganisationChoice";
import { TIME_ZONES, zonedIso } from "./zonedTime";

const messages = defineMessages({
  en: {
    legendText: "What the challenge asks",
    title: "Title",
    titleEl: "Title in Greek",
    titleEn: "Title in English",
    titleHint: "Give it in Greek, English or both.",
    descriptionEl: "Description in Greek",
    descriptionEn: "Description in English",
    legendSchedule: "Schedule",
    timezone: "Time zone",
    timezoneHint: "The dates below are wall-clock times in this zone.",
    registrationOpens: "Registration opens",
    submissionOpens: "Submissions open",
    submissionDeadline: "Submission deadline",
    judgingEnds: "Judging ends (optional)",
    legendTeams: "Teams",
    maxTeamSize: "Largest team size",
    themes: "Themes",
    skillsSought: "Skills sought",
    listHint: "Separate them with commas, e.g. GIS, UX.",
    create: "Create the draft",
    creating: "Creating…",
    needTitle: "Give the title in Greek, English or both.",
    needOrganiser: "Choose the organisation that runs it.",
    needDate: "Give this date and time.",
    badSize: "Give a whole number from 1 to 20.",
    organiser: "Organising organisation",
    schedule: "Schedule",
  },
  el: {
    legendText: "Τι ζητά ο διαγωνισμός",
    title: "Τίτλος",
    titleEl: "Τίτλος στα ελληνικά",
    titleEn: "Τίτλος στα αγγλικά",
    titleHint: "Δώστε τον στα ελληνικά, στα αγγλικά ή και στα δύο.",
    descriptionEl: "Περιγραφή στα ελληνικά",
    descriptionEn: "Περιγραφή στα αγγλικά",
    legendSchedule: "Χρονοδιάγραμμα",
    timezone: "Ζώνη ώρας",
    timezoneHint: "Οι παρακάτω ημερομηνίες είναι τοπικές ώρες αυτής της ζώνης.",
    registrationOpens: "Έναρξη εγγραφών",
    submissionOpens: "Έναρξη υποβολών",
    submissionDeadline: "Προθεσμία υποβολής",
    judgingEnds: "Λήξη αξιολόγησης (προαιρετικό)",
    legendTeams: "Ομάδες",
    maxTeamSize: "Μέγιστο μέγεθος ομάδας",
    themes: "Θεματικές",
    skillsSought: "Ζητούμενες δεξιότητες",
    listHint: "Χωρίστε τις με κόμματα, π.χ. GIS, UX.",
    create: "Δημιουργία προσχεδίου",
    creating: "Δημιουργία…",
    needTitle: "Δώστε τον τίτλο στα ελληνικά, στα αγγλικά ή και στα δύο.",
    needOrganiser: "Επιλέξτε τον φορέα που τον διοργανώνει.",
    needDate: "Δώστε αυτή την ημερομηνία και ώρα.",
    badSize: "Δώστε έναν ακέραιο από 1 έως 20.",
    organiser: "Διοργανωτής φορέας",
    schedule: "Χρονοδιάγραμμα",
  },
});

type DateKey = "registrationOpens" | "submissionOpens" | "submissionDeadline" | "judgingEnds";
const DATE_KEYS: DateKey[] = ["registrationOpens", "submissionOpens", "submissionDeadline", "judgingEnds"];
const SERVER_NAMES: Record<string, DateKey> = {
  registration_opens: "registrationOpens",
  submission_opens: "submissionOpens",
  submission_deadline: "submissionDeadline",
  judging_ends: "judgingEnds",
};

const CREATE = `mutation CreateChallenge($input: ChallengeInput!) {
  createChallenge(input: $input) { challenge { id } ${ERROR_FIELDS} }
}`;

interface Draft {
  titleEl: string;
  titleEn: string;
  descriptionEl: string;
  descriptionEn: string;
  organiser: string;
  timezone: string;
  dates: Record<DateKey, string>;
  maxTeamSize: string;
  themes: string;
  skillsSought: string;
}

const EMPTY: Draft = {
  titleEl: "",
  titleEn: "",
  descriptionEl: "",
  descriptionEn: "",
  organiser: "",
  timezone: "Europe/Athens",
  dates: { registrationOpens: "", submissionOpens: "", submissionDeadline: "", judgingEnds: "" },
  maxTeamSize: "5",
  themes: "",
  skillsSought: "",
};

export function NewChallengeForm() {
  const t = useMessages(messages);
  const navigate = useNavigate();
  const { refresh } = useSession();
  const [draft, setDraft] = useState<Draft>(EMPTY);
  const [problems, setProblems] = useState<ChallengeError[]>([]);
  const [failure, setFailure] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const set = (patch: Partial<Draft>) => setDraft((current) => ({ ...current, ...patch }));
  const setDate = (key: DateKey, value: string) =>
    setDraft((current) => ({ ...current, dates: { ...current.dates, [key]: value } }));
  const labels: Record<string, string> = {
    title: t("title"),
    organisers: t("organiser"),
    organiserIds: t("organiser"),
    schedule: t("schedule"),
    timezone: t("timezone"),
    max_team_size: t("maxTeamSize"),
    maxTeamSize: t("maxTeamSize"),
    ...Object.fromEntries(Object.entries(SERVER_NAMES).map(([server, key]) => [server, t(key)])),
    ...Object.fromEntries(DATE_KEYS.map((key) => [key, t(key)])),
  };
  const problemOf = (...fields: string[]) =>
    problems.find((problem) => fields.some((field) => (problem.field ?? "").split(".").pop() === field))
      ?.message ?? null;

  function check(): ChallengeError[] {
    const found: ChallengeError[] = [];
    if (!draft.titleEl.trim() && !draft.titleEn.trim())
      found.push({ code: "REQUIRED", field: "title", message: t("needTitle") });
    if (!draft.organiser) found.push({ code: "REQUIRED", field: "organisers", message: t("needOrganiser") });
    for (const key of DATE_KEYS.slice(0, 3))
      if (!zonedIso(draft.dates[key], draft.timezone))
        found.push({ code: "REQUIRED", field: key, message: t("needDate") });
    const size = Number(draft.maxTeamSize);
    if (!Number.isInteger(size) || size < 1 || size > 20)
      found.push({ code: "INVALID", field: "maxTeamSize", message: t("badSize") });
    return found;
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    const found = check();
    setProblems(found);
    setFailure(null);
    if (found.length > 0) return;
    const at = (key: DateKey) => zonedIso(draft.dates[key], draft.timezone);
    const localized = (el: string, en: string) =>
      el.trim() || en.trim() ? { el: el.trim() || null, en: en.trim() || null } : null;
    setBusy(true);
    try {
      const data = await gql<{
        createChallenge: { challenge: { id: string } | null; errors: ChallengeError[] };
      }>(CREATE, {
        input: {
          title: localized(draft.titleEl, draft.titleEn),
          description: localized(draft.descriptionEl, draft.descriptionEn),
          organiserIds: [draft.organiser],
          schedule: {
            timezone: draft.timezone,
            registrationOpens: at("registrationOpens"),
            submissionOpens: at("submissionOpens"),
            submissionDeadline: at("submissionDeadline"),
            judgingEnds: at("judgingEnds"),
          },
          maxTeamSize: Number(draft.maxTeamSize),
          themes: wordList(draft.themes),
          skillsSought: wordList(draft.skillsSought),
        },
      });
      const { challenge, errors } = data.createChallenge;
      if (challenge) {
        await refresh();
        navigate(challengePath(challenge.id, "/organise"));
        return;
      }
      setProblems(errors);
    } catch (error) {
      setFailure(error instanceof ApiError ? error : new ApiError(String(error), "ERROR", 0));
    } finally {
      setBusy(false);
    }
  }

  return (
    <form className="stack challenge-form" noValidate onSubmit={(event) => void submit(event)}>
      <Refusals errors={problems} labels={labels} />
      {failure ? <ErrorNotice error={failure} /> : null}
      <fieldset>
        <legend>{t("legendText")}</legend>
        <Field label={t("titleEl")} hint={t("titleHint")} error={problemOf("title", "el")}>
          {(control) => (
            <input {...control} lang="el" value={draft.titleEl} onChange={(e) => set({ titleEl: e.target.value })} />
          )}
        </Field>
        <Field label={t("titleEn")} error={problemOf("title", "en")}>
          {(control) => (
            <input {...control} lang="en" value={draft.titleEn} onChange={(e) => set({ titleEn: e.target.value })} />
          )}
        </Field>
        <Field label={t("descriptionEl")}>
          {(control) => (
            <textarea
              {...control}
              lang="el"
              value={draft.descriptionEl}
              onChange={(e) => set({ descriptionEl: e.target.value })}
            />
          )}
        </Field>
        <Field label={t("descriptionEn")}>
          {(control) => (
            <textarea
              {...control}
              lang="en"
              value={draft.descriptionEn}
              onChange={(e) => set({ descriptionEn: e.target.value })}
            />
          )}
        </Field>
        <OrganisationChoice
          value={draft.organiser}
          onChange={(organiser) => set({ organiser })}
          invalid={problemOf("organisers", "organiserIds") !== null}
          errorId="new-challenge-organiser-problem"
        />
        {problemOf("organisers", "organiserIds") ? (
          <span id="new-challenge-organiser-problem" className="field-error">
            {problemOf("organisers", "organiserIds")}
          </span>
        ) : null}
      </fieldset>
      <fieldset>
        <legend>{t("legendSchedule")}</legend>
        <Field label={t("timezone")} hint={t("timezoneHint")} error={problemOf("timezone")}>
          {(control) => (
            <select {...control} value={draft.timezone} onChange={(e) => set({ timezone: e.target.value })}>
              {TIME_ZONES.map((zone) => (
                <option key={zone} value={zone}>
                  {zone}
                </option>
              ))}
            </select>
          )}
        </Field>
        {DATE_KEYS.map((key) => (
          <Field
            key={key}
            label={t(key)}
            error={problemOf(key, Object.keys(SERVER_NAMES).find((name) => SERVER_NAMES[name] === key) ?? key)}
          >
            {(control) => (
              <input
                {...control}
                type="datetime-local"
                value={draft.dates[key]}
                onChange={(e) => setDate(key, e.target.value)}
              />
            )}
          </Field>
        ))}
      </fieldset>
      <fieldset>
        <legend>{t("legendTeams")}</legend>
        <Field label={t("maxTeamSize")} error={problemOf("maxTeamSize", "max_team_size")}>
          {(control) => (
            <input
              {...control}
              type="number"
              min={1}
              max={20}
              value={draft.maxTeamSize}
              onChange={(e) => set({ maxTeamSize: e.target.value })}
            />
          )}
        </Field>
        <Field label={t("themes")} hint={t("listHint")}>
          {(control) => <input {...control} value={draft.themes} onChange={(e) => set({ themes: e.target.value })} />}
        </Field>
        <Field label={t("skillsSought")} hint={t("listHint")}>
          {(control) => (
            <input {...control} value={draft.skillsSought} onChange={(e) => set({ skillsSought: e.target.value })} />
          )}
        </Field>
      </fieldset>
      <div>
        <button type="submit" disabled={busy}>
          {busy ? t("creating") : t("create")}
        </button>
      </div>
    </form>
  );
}
