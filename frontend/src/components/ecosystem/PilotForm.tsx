// A researcher posts a pilot project: checked here first (each message names its field),
// then by the hub, whose field errors are shown the same way; the poster is linked to it.
import { useId, useState } from "react";
import type { FormEvent } from "react";

import { gql } from "../../api";
import type { ApiError, MutationError } from "../../api";
import { defineMessages, useFormats, useMessages } from "../../i18n";
import { useSession } from "../../session";
import { ErrorNotice } from "../Status";
import { kindName, ORGANISATION_KINDS, PILOT_STATUSES, statusName } from "./labels";

const CREATE = `mutation PostPilot($input: CreatePilotProjectInput!) {
  createPilotProject(input: $input) { pilotProject { id } errors { code field message } }
}`;
const LINK_POSTER = `mutation LinkPoster($person: ID!, $pilot: ID!) {
  link(relation: POSTED, fromId: $person, toId: $pilot) { ok errors { code field message } }
}`;

const SHORT_TEXT = 300;
const TAG = 100;

type Field = "titleEn" | "titleEl" | "problemEn" | "problemEl" | "testSite" | "partnersSought" | "status" | "topics";

const messages = defineMessages({
  en: {
    heading: "Post a pilot project",
    intro: "Describe the pilot in English, Greek or both; the hub then suggests partners for it.",
    titleEn: "Title in English",
    titleEl: "Title in Greek",
    titleHint: "Give the title in at least one of the two languages.",
    problemEn: "Problem it tests, in English",
    problemEl: "Problem it tests, in Greek",
    testSite: "Test site",
    testSiteHint: "The kind of site the pilot needs, e.g. a metro station (at most 300 characters).",
    partnersSought: "Partners sought",
    status: "Status",
    topics: "Topics",
    topicsHint: "Separated by commas, e.g. mobility, IoT.",
    submit: "Post the pilot project",
    posting: "Posting…",
    fix: "Please correct the following:",
    titleMissing: "give the title in English, Greek or both.",
    tooLong: "at most {max} characters.",
    topicTooLong: "each topic at most {max} characters.",
    posted: "Your pilot project “{title}” is on the board.",
  },
  el: {
    heading: "Ανάρτηση πιλοτικού έργου",
    intro: "Περιγράψτε το πιλοτικό στα αγγλικά, στα ελληνικά ή και στα δύο· ο κόμβος θα προτείνει εταίρους.",
    titleEn: "Τίτλος στα αγγλικά",
    titleEl: "Τίτλος στα ελληνικά",
    titleHint: "Δώστε τον τίτλο σε μία τουλάχιστον από τις δύο γλώσσες.",
    problemEn: "Πρόβλημα που δοκιμάζει, στα αγγλικά",
    problemEl: "Πρόβλημα που δοκιμάζει, στα ελληνικά",
    testSite: "Χώρος δοκιμής",
    testSiteHint: "Το είδος του χώρου που χρειάζεται, π.χ. ένας σταθμός μετρό (έως 300 χαρακτήρες).",
    partnersSought: "Εταίροι που αναζητούνται",
    status: "Κατάσταση",
    topics: "Θέματα",
    topicsHint: "Χωρισμένα με κόμματα, π.χ. κινητικότητα, IoT.",
    submit: "Ανάρτηση του πιλοτικού έργου",
    posting: "Ανάρτηση…",
    fix: "Διορθώστε τα εξής:",
    titleMissing: "δώστε τον τίτλο στα αγγλικά, στα ελληνικά ή και στα δύο.",
    tooLong: "έως {max} χαρακτήρες.",
    topicTooLong: "κάθε θέμα έως {max} χαρακτήρες.",
    posted: "Το πιλοτικό σας έργο «{title}» είναι στον πίνακα.",
  },
});

/** The form field a hub error names (`input.title`, `input.problem.el`, `input.topics.0`...). */
function fieldOf(path: string | null | undefined): Field | null {
  const parts = (path ?? "").split(".");
  if (parts[0] === "input") parts.shift();
  const [name, sub] = parts;
  if (name === "title") return sub === "el" ? "titleEl" : "titleEn";
  if (name === "problem") return sub === "el" ? "problemEl" : "problemEn";
  if (name === "testSite" || name === "partnersSought" || name === "status" || name === "topics") return name;
  return null;
}

function topicsOf(text: string): string[] {
  return text
    .split(",")
    .map((topic) => topic.trim())
    .filter((topic) => topic.length > 0);
}

export function PilotForm({ id: sectionId, onPosted }: { id: string; onPosted: (id: string) => void }) {
  const t = useMessages(messages);
  const formats = useFormats();
  const { account } = useSession();
  const prefix = useId();
  const [values, setValues] = useState({
    titleEn: "",
    titleEl: "",
    problemEn: "",
    problemEl: "",
    testSite: "",
    status: "OPEN",
    topics: "",
  });
  const [kinds, setKinds] = useState<string[]>([]);
  const [errors, setErrors] = useState<Partial<Record<Field, string>>>({});
  const [other, setOther] = useState<string[]>([]);
  const [failure, setFailure] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const [posted, setPosted] = useState<string | null>(null);

  const id = (field: Field) => `${prefix}-${field}`;
  const set = (field: keyof typeof values) => (value: string) => setValues((old) => ({ ...old, [field]: value }));

  function check(): Partial<Record<Field, string>> {
    const found: Partial<Record<Field, string>> = {};
    if (!values.titleEn.trim() && !values.titleEl.trim()) found.titleEn = t("titleMissing");
    if (values.testSite.trim().length > SHORT_TEXT) found.testSite = t("tooLong", { max: SHORT_TEXT });
    if (topicsOf(values.topics).some((topic) => topic.length > TAG)) found.topics = t("topicTooLong", { max: TAG });
    return found;
  }

  function showHubErrors(found: MutationError[]) {
    const byField: Partial<Record<Field, string>> = {};
    const unplaced: string[] = [];
    for (const error of found) {
      const field = fieldOf(error.field);
      if (field) byField[field] = error.message;
      else unplaced.push(error.message);
    }
    setErrors(byField);
    setOther(unplaced);
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    setPosted(null);
    setFailure(null);
    setOther([]);
    const found = check();
    setErrors(found);
    if (Object.keys(found).length > 0) {
      const first = Object.keys(found)[0] as Field;
      document.getElementById(id(first))?.focus();
      return;
    }
    setBusy(true);
    try {
      const input = {
        title: { en: values.titleEn.trim() || null, el: values.titleEl.trim() || null },
        problem: { en: values.problemEn.trim() || null, el: values.problemEl.trim() || null },
        testSite: values.testSite.trim() || null,
        partnersSought: kinds,
        status: values.status,
        topics: topicsOf(values.topics),
      };
      const created = await gql<{
        createPilotProject: { pilotProject: { id: string } | null; errors: MutationError[] };
      }>(CREATE, { input });
      const pilot = created.createPilotProject.pilotProject;
      if (!pilot) {
        showHubErrors(created.createPilotProject.errors);
        return;
      }
      if (account?.person) {
        const linked = await gql<{ link: { errors: MutationError[] } }>(LINK_POSTER, {
          person: account.person.id,
          pilot: pilot.id,
        });
        setOther(linked.link.errors.map((error) => error.message));
      }
      setPosted(values.titleEn.trim() || values.titleEl.trim());
      setValues({ titleEn: "", titleEl: "", problemEn: "", problemEl: "", testSite: "", status: "OPEN", topics: "" });
      setKinds([]);
      onPosted(pilot.id);
    } catch (caught) {
      setFailure(caught as ApiError);
    } finally {
      setBusy(false);
    }
  }

  const listed = (Object.entries(errors) as [Field, string][]).filter(([, message]) => message);
  const described = (field: Field, hint?: string) =>
    [hint ? `${id(field)}-hint` : null, errors[field] ? `${id(field)}-error` : null].filter(Boolean).join(" ") ||
    undefined;
  const fieldError = (field: Field) =>
    errors[field] ? (
      <span className="field-error" id={`${id(field)}-error`}>
        {t(field)}: {errors[field]}
      </span>
    ) : null;

  return (
    <section className="pilot-form" id={sectionId} tabIndex={-1} aria-labelledby={`${prefix}-heading`}>
      <h2 id={`${prefix}-heading`}>{t("heading")}</h2>
      <p>{t("intro")}</p>
      {posted ? (
        <p className="status success" role="status">
          {t("posted", { title: posted })}
        </p>
      ) : null}
      {listed.length > 0 || other.length > 0 ? (
        <div className="status error" role="alert">
          <p>{t("fix")}</p>
          <ul>
            {listed.map(([field, message]) => (
              <li key={field}>
                <a href={`#${id(field)}`}>
                  {t(field)}: {message}
                </a>
              </li>
            ))}
            {other.map((message) => (
              <li key={message}>{message}</li>
            ))}
          </ul>
        </div>
      ) : null}
      {failure ? <ErrorNotice error={failure} /> : null}
      <form className="stack" noValidate onSubmit={(event) => void submit(event)}>
        <p className="hint" id={`${id("titleEn")}-hint`}>
          {t("titleHint")}
        </p>
        {(["titleEn", "titleEl"] as const).map((field) => (
          <div className="field" key={field}>
            <label htmlFor={id(field)}>{t(field)}</label>
            <input
              id={id(field)}
              lang={field === "titleEl" ? "el" : "en"}
              value={values[field]}
              aria-invalid={errors[field] || (field === "titleEl" && errors.titleEn) ? true : undefined}
              aria-describedby={described(field, field === "titleEn" ? "hint" : undefined)}
              onChange={(event) => set(field)(event.target.value)}
            />
            {fieldError(field)}
          </div>
        ))}
        {(["problemEn", "problemEl"] as const).map((field) => (
          <div className="field" key={field}>
            <label htmlFor={id(field)}>{t(field)}</label>
            <textarea
              id={id(field)}
              lang={field === "problemEl" ? "el" : "en"}
              value={values[field]}
              aria-invalid={errors[field] ? true : undefined}
              aria-describedby={described(field)}
              onChange={(event) => set(field)(event.target.value)}
            />
            {fieldError(field)}
          </div>
        ))}
        <div className="field">
          <label htmlFor={id("testSite")}>{t("testSite")}</label>
          <span className="hint" id={`${id("testSite")}-hint`}>
            {t("testSiteHint")}
          </span>
          <input
            id={id("testSite")}
            value={values.testSite}
            aria-invalid={errors.testSite ? true : undefined}
            aria-describedby={described("testSite", "hint")}
            onChange={(event) => set("testSite")(event.target.value)}
          />
          {fieldError("testSite")}
        </div>
        <fieldset id={id("partnersSought")} tabIndex={-1}>
          <legend>{t("partnersSought")}</legend>
          <div className="checkbox-grid">
            {ORGANISATION_KINDS.map((kind) => (
              <label key={kind} className="checkbox">
                <input
                  type="checkbox"
                  checked={kinds.includes(kind)}
                  onChange={(event) =>
                    setKinds((old) => (event.target.checked ? [...old, kind] : old.filter((item) => item !== kind)))
                  }
                />{" "}
                {kindName(formats.lang, kind)}
              </label>
            ))}
          </div>
          {fieldError("partnersSought")}
        </fieldset>
        <div className="field">
          <label htmlFor={id("status")}>{t("status")}</label>
          <select id={id("status")} value={values.status} onChange={(event) => set("status")(event.target.value)}>
            {PILOT_STATUSES.map((status) => (
              <option key={status} value={status}>
                {statusName(formats.lang, status)}
              </option>
            ))}
          </select>
          {fieldError("status")}
        </div>
        <div className="field">
          <label htmlFor={id("topics")}>{t("topics")}</label>
          <span className="hint" id={`${id("topics")}-hint`}>
            {t("topicsHint")}
          </span>
          <input
            id={id("topics")}
            value={values.topics}
            aria-invalid={errors.topics ? true : undefined}
            aria-describedby={described("topics", "hint")}
            onChange={(event) => set("topics")(event.target.value)}
          />
          {fieldError("topics")}
        </div>
        <div>
          <button type="submit" disabled={busy}>
            {busy ? t("posting") : t("submit")}
          </button>
        </div>
      </form>
    </section>
  );
}
