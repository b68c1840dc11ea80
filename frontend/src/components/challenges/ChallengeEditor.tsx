// The organisers change a challenge: its schedule (dates still ahead), rules, eligibility
// and prizes for the first three places. A refusal names the field and says why.
import { useState } from "react";
import type { FormEvent } from "react";

import { defineMessages, useMessages } from "../../i18n";
import { ActionStatus } from "./ActionStatus";
import { ERROR_FIELDS } from "./common";
import type { ChallengeDetails, ChallengeError, Prize } from "./common";
import { Field } from "../Field";
import { useAction } from "./useAction";
import { TIME_ZONES, zonedIso, zonedLocal } from "./zonedTime";

const messages = defineMessages({
  en: {
    heading: "Change the challenge",
    intro: "Dates of phases already reached stay as they are; a moved date must lie ahead.",
    schedule: "Schedule",
    timezone: "Time zone",
    registrationOpens: "Registration opens",
    submissionOpens: "Submissions open",
    submissionDeadline: "Submission deadline",
    judgingEnds: "Judging ends (optional)",
    texts: "Rules and eligibility",
    rulesEl: "Rules in Greek",
    rulesEn: "Rules in English",
    eligibilityEl: "Who may take part, in Greek",
    eligibilityEn: "Who may take part, in English",
    prizes: "Prizes",
    place: "Place {rank}",
    amount: "Amount in euros (place {rank})",
    amountHint: "Leave empty for a prize in kind.",
    descriptionEl: "Description in Greek (place {rank})",
    descriptionEn: "Description in English (place {rank})",
    save: "Save the changes",
    saved: "The challenge is saved.",
    needDate: "Give this date and time.",
    badAmount: "Place {rank}: give a whole amount in euros, or leave it empty.",
  },
  el: {
    heading: "Αλλαγές στον διαγωνισμό",
    intro: "Οι ημερομηνίες φάσεων που έχουν ήδη φτάσει δεν αλλάζουν· μια νέα ημερομηνία πρέπει να είναι στο μέλλον.",
    schedule: "Χρονοδιάγραμμα",
    timezone: "Ζώνη ώρας",
    registrationOpens: "Έναρξη εγγραφών",
    submissionOpens: "Έναρξη υποβολών",
    submissionDeadline: "Προθεσμία υποβολής",
    judgingEnds: "Λήξη αξιολόγησης (προαιρετικό)",
    texts: "Κανόνες και δικαίωμα συμμετοχής",
    rulesEl: "Κανόνες στα ελληνικά",
    rulesEn: "Κανόνες στα αγγλικά",
    eligibilityEl: "Ποιοι μπορούν να συμμετάσχουν, στα ελληνικά",
    eligibilityEn: "Ποιοι μπορούν να συμμετάσχουν, στα αγγλικά",
    prizes: "Βραβεία",
    place: "{rank}η θέση",
    amount: "Ποσό σε ευρώ ({rank}η θέση)",
    amountHint: "Αφήστε το κενό για βραβείο σε είδος.",
    descriptionEl: "Περιγραφή στα ελληνικά ({rank}η θέση)",
    descriptionEn: "Περιγραφή στα αγγλικά ({rank}η θέση)",
    save: "Αποθήκευση αλλαγών",
    saved: "Ο διαγωνισμός αποθηκεύτηκε.",
    needDate: "Δώστε αυτή την ημερομηνία και ώρα.",
    badAmount: "{rank}η θέση: δώστε ακέραιο ποσό σε ευρώ ή αφήστε το κενό.",
  },
});

type DateKey = "registrationOpens" | "submissionOpens" | "submissionDeadline" | "judgingEnds";
const DATE_KEYS: DateKey[] = ["registrationOpens", "submissionOpens", "submissionDeadline", "judgingEnds"];
const SERVER_NAMES: Record<DateKey, string> = {
  registrationOpens: "registration_opens",
  submissionOpens: "submission_opens",
  submissionDeadline: "submission_deadline",
  judgingEnds: "judging_ends",
};
const PLACES = [1, 2, 3];

const UPDATE = `mutation UpdateChallenge($id: ID!, $input: ChallengePatch!) {
  updateChallenge(id: $id, input: $input) { challenge { id } ${ERROR_FIELDS} }
}`;

interface PrizeRow {
  amount: string;
  el: string;
  en: string;
}

function prizeRows(prizes: Prize[]): PrizeRow[] {
  return PLACES.map((rank) => {
    const prize = prizes.find((item) => item.rank === rank);
    return {
      amount: prize?.kind === "MONEY" && prize.amount !== null ? String(prize.amount) : "",
      el: prize?.description?.el ?? "",
      en: prize?.description?.en ?? "",
    };
  });
}

export function ChallengeEditor({ details, onSaved }: { details: ChallengeDetails; onSaved: () => void }) {
  const t = useMessages(messages);
  const action = useAction();
  const zone = details.schedule?.timezone ?? "Europe/Athens";
  const [timezone, setTimezone] = useState(zone);
  // The schedule is sent only when changed: reached dates must stay exactly as stored.
  const [scheduleChanged, setScheduleChanged] = useState(false);
  const [dates, setDates] = useState<Record<DateKey, string>>(() => ({
    registrationOpens: zonedLocal(details.schedule?.registrationOpens, zone),
    submissionOpens: zonedLocal(details.schedule?.submissionOpens, zone),
    submissionDeadline: zonedLocal(details.schedule?.submissionDeadline, zone),
    judgingEnds: zonedLocal(details.schedule?.judgingEnds, zone),
  }));
  const [texts, setTexts] = useState({
    rulesEl: details.rules?.el ?? "",
    rulesEn: details.rules?.en ?? "",
    eligibilityEl: details.eligibility?.el ?? "",
    eligibilityEn: details.eligibility?.en ?? "",
  });
  const [prizes, setPrizes] = useState<PrizeRow[]>(() => prizeRows(details.prizes));
  const [saved, setSaved] = useState(false);
  const labels: Record<string, string> = {
    timezone: t("timezone"),
    ...Object.fromEntries(DATE_KEYS.flatMap((key) => [[key, t(key)], [SERVER_NAMES[key], t(key)]])),
  };
  const problem = (key: DateKey) =>
    action.errors.find((error) => {
      const last = (error.field ?? "").split(".").pop();
      return last === key || last === SERVER_NAMES[key];
    })?.message ?? null;
  const setPrize = (index: number, patch: Partial<PrizeRow>) =>
    setPrizes((current) => current.map((row, i) => (i === index ? { ...row, ...patch } : row)));

  async function save(event: FormEvent) {
    event.preventDefault();
    setSaved(false);
    const problems: ChallengeError[] = [];
    for (const key of scheduleChanged ? DATE_KEYS.slice(0, 3) : [])
      if (!zonedIso(dates[key], timezone)) problems.push({ code: "REQUIRED", field: key, message: t("needDate") });
    const chosenPrizes = prizes.flatMap((row, index): Record<string, unknown>[] => {
      const rank = index + 1;
      const described = row.el.trim() || row.en.trim();
      const description = described ? { el: row.el.trim() || null, en: row.en.trim() || null } : null;
      if (row.amount.trim()) {
        const amount = Number(row.amount);
        if (!Number.isInteger(amount) || amount < 1) {
          problems.push({ code: "INVALID", field: null, message: t("badAmount", { rank }) });
          return [];
        }
        return [{ kind: "MONEY", rank, amount, currency: "EUR", description }];
      }
      return description ? [{ kind: "IN_KIND", rank, description }] : [];
    });
    if (problems.length > 0) {
      action.setErrors(problems);
      return;
    }
    const localized = (el: string, en: string) =>
      el.trim() || en.trim() ? { el: el.trim() || null, en: en.trim() || null } : null;
    const schedule = {
      timezone,
      registrationOpens: zonedIso(dates.registrationOpens, timezone),
      submissionOpens: zonedIso(dates.submissionOpens, timezone),
      submissionDeadline: zonedIso(dates.submissionDeadline, timezone),
      judgingEnds: zonedIso(dates.judgingEnds, timezone),
    };
    const input = {
      ...(scheduleChanged ? { schedule } : {}),
      rules: localized(texts.rulesEl, texts.rulesEn),
      eligibility: localized(texts.eligibilityEl, texts.eligibilityEn),
      prizes: chosenPrizes,
    };
    if (await action.run(UPDATE, { id: details.id, input }, "updateChallenge")) {
      setSaved(true);
      setScheduleChanged(false);
      onSaved();
    }
  }

  return (
    <section aria-labelledby="organise-edit" className="panel">
      <h2 id="organise-edit">{t("heading")}</h2>
      <p className="hint">{t("intro")}</p>
      <form className="stack challenge-form" noValidate onSubmit={(event) => void save(event)}>
        <ActionStatus action={action} labels={labels} done={saved ? t("saved") : null} />
        <fieldset>
          <legend>{t("schedule")}</legend>
          <Field label={t("timezone")}>
            {(control) => (
              <select
                {...control}
                value={timezone}
                onChange={(e) => {
                  setTimezone(e.target.value);
                  setScheduleChanged(true);
                }}
              >
                {[...new Set([zone, ...TIME_ZONES])].map((name) => (
                  <option key={name} value={name}>
                    {name}
                  </option>
                ))}
              </select>
            )}
          </Field>
          {DATE_KEYS.map((key) => (
            <Field key={key} label={t(key)} error={problem(key)}>
              {(control) => (
                <input
                  {...control}
                  type="datetime-local"
                  value={dates[key]}
                  onChange={(e) => {
                    setDates((current) => ({ ...current, [key]: e.target.value }));
                    setScheduleChanged(true);
                  }}
                />
              )}
            </Field>
          ))}
        </fieldset>
        <fieldset>
          <legend>{t("texts")}</legend>
          {(["rulesEl", "rulesEn", "eligibilityEl", "eligibilityEn"] as const).map((key) => (
            <Field key={key} label={t(key)}>
              {(control) => (
                <textarea
                  {...control}
                  lang={key.endsWith("El") ? "el" : "en"}
                  value={texts[key]}
                  onChange={(e) => setTexts((current) => ({ ...current, [key]: e.target.value }))}
                />
              )}
            </Field>
          ))}
        </fieldset>
        <fieldset>
          <legend>{t("prizes")}</legend>
          {prizes.map((row, index) => {
            const rank = index + 1;
            return (
              <div key={rank} className="prize-row">
                <h3>{t("place", { rank })}</h3>
                <Field label={t("amount", { rank })} hint={t("amountHint")}>
                  {(control) => (
                    <input
                      {...control}
                      type="number"
                      min={1}
                      step={1}
                      value={row.amount}
                      onChange={(e) => setPrize(index, { amount: e.target.value })}
                    />
                  )}
                </Field>
                <Field label={t("descriptionEl", { rank })}>
                  {(control) => (
                    <input {...control} lang="el" value={row.el} onChange={(e) => setPrize(index, { el: e.target.value })} />
                  )}
                </Field>
                <Field label={t("descriptionEn", { rank })}>
                  {(control) => (
                    <input {...control} lang="en" value={row.en} onChange={(e) => setPrize(index, { en: e.target.value })} />
                  )}
                </Field>
              </div>
            );
          })}
        </fieldset>
        <div>
          <button type="submit" disabled={action.busy}>
            {t("save")}
          </button>
        </div>
      </form>
    </section>
  );
}
