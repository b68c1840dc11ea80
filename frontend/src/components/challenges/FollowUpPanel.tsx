// After the awards: per winning team, where it could go next (OK!Thess programmes and
// mentors, partners and funding calls through matching, each with why) and its onboarding.
import { useId, useState } from "react";
import type { FormEvent } from "react";
import { Link } from "react-router-dom";

import { defineMessages, useFormats, useMessages } from "../../i18n";
import type { Localized } from "../../i18n";
import { useQuery } from "../../useQuery";
import { Empty, ErrorNotice, Loading } from "../Status";
import { ActionStatus } from "./ActionStatus";
import { ERROR_FIELDS, WINNER_FIELDS } from "./common";
import type { Winner } from "./common";
import { Field } from "../Field";
import { useAction } from "./useAction";

const messages = defineMessages({
  en: {
    heading: "Winners' follow-up",
    none: "The follow-up packs appear once the awards are recorded.",
    team: "{rank}. place: {team}",
    programmes: "OK!Thess programmes",
    mentors: "Mentors",
    partners: "Possible partners",
    calls: "Funding calls",
    relevance: "relevance {value}",
    nothing: "Nothing suggested.",
    onboarding: "Onboarding",
    statusNow: "Status now: {status}",
    noStatus: "not started",
    status: "New status",
    programme: "Programme (optional)",
    noProgramme: "No programme",
    note: "Note (optional)",
    save: "Save the status",
    saved: "The onboarding status is saved.",
    referred: "Referred",
    accepted: "Accepted",
    in_programme: "In a programme",
    funded: "Funded",
    deadline: "deadline {date}",
  },
  el: {
    heading: "Συνέχεια για τους νικητές",
    none: "Τα πακέτα συνέχειας εμφανίζονται μετά την καταχώριση των βραβείων.",
    team: "{rank}η θέση: {team}",
    programmes: "Προγράμματα OK!Thess",
    mentors: "Μέντορες",
    partners: "Πιθανοί εταίροι",
    calls: "Προσκλήσεις χρηματοδότησης",
    relevance: "συνάφεια {value}",
    nothing: "Καμία πρόταση.",
    onboarding: "Ένταξη",
    statusNow: "Τρέχουσα κατάσταση: {status}",
    noStatus: "δεν έχει ξεκινήσει",
    status: "Νέα κατάσταση",
    programme: "Πρόγραμμα (προαιρετικό)",
    noProgramme: "Χωρίς πρόγραμμα",
    note: "Σημείωση (προαιρετικό)",
    save: "Αποθήκευση κατάστασης",
    saved: "Η κατάσταση ένταξης αποθηκεύτηκε.",
    referred: "Παραπέμφθηκε",
    accepted: "Έγινε δεκτή",
    in_programme: "Σε πρόγραμμα",
    funded: "Χρηματοδοτήθηκε",
    deadline: "προθεσμία {date}",
  },
});

const STATUSES = ["referred", "accepted", "in_programme", "funded"] as const;
type Status = (typeof STATUSES)[number];

interface Pack {
  winner: Winner;
  programmes: { programme: { id: string; name: string }; relevance: number }[];
  mentors: { person: { id: string; name: string }; relevance: number }[];
  partners: { organisation: { id: string; name: string }; explanation: string }[];
  fundingCalls: {
    fundingCall: { id: string; identifier: string; title: Localized; deadline: string };
    explanation: string;
  }[];
}

const FOLLOW_UP = `query FollowUp($id: ID!) {
  challengeFollowUp(challengeId: $id) {
    winner { ${WINNER_FIELDS} }
    programmes { programme { id name } relevance }
    mentors { person { id name } relevance }
    partners { organisation { id name } explanation }
    fundingCalls { fundingCall { id identifier title { el en } deadline } explanation }
  }
}`;
const ONBOARD = `mutation Onboard($award: ID!, $status: String!, $programme: ID, $note: String) {
  setOnboardingStatus(awardId: $award, status: $status, programmeId: $programme, note: $note) { ok ${ERROR_FIELDS} }
}`;

function isStatus(value: string | null): value is Status {
  return STATUSES.some((status) => status === value);
}

export function FollowUpPanel({ challengeId }: { challengeId: string }) {
  const t = useMessages(messages);
  const { data, error, loading, reload } = useQuery<{ challengeFollowUp: Pack[] }>(FOLLOW_UP, { id: challengeId });
  return (
    <section aria-labelledby="organise-follow-up" className="panel">
      <h2 id="organise-follow-up">{t("heading")}</h2>
      {loading && !data ? <Loading /> : null}
      {error ? <ErrorNotice error={error} onRetry={reload} /> : null}
      {data && data.challengeFollowUp.length === 0 ? <Empty>{t("none")}</Empty> : null}
      {data?.challengeFollowUp.map((pack) => (
        <PackCard key={pack.winner.awardId} pack={pack} onChanged={reload} />
      ))}
    </section>
  );
}

function PackCard({ pack, onChanged }: { pack: Pack; onChanged: () => void }) {
  const t = useMessages(messages);
  const { number, text, date } = useFormats();
  const current = pack.winner.onboardingStatus;
  const headingId = useId();
  return (
    <article className="follow-up" aria-labelledby={headingId}>
      <h3 id={headingId}>{t("team", { rank: pack.winner.rank, team: pack.winner.teamName })}</h3>
      <div className="columns">
        <div>
          <h4>{t("programmes")}</h4>
          {pack.programmes.length === 0 ? <Empty>{t("nothing")}</Empty> : null}
          <ul>
            {pack.programmes.map((item) => (
              <li key={item.programme.id}>
                {item.programme.name} ({t("relevance", { value: number(item.relevance, 2) })})
              </li>
            ))}
          </ul>
          <h4>{t("mentors")}</h4>
          {pack.mentors.length === 0 ? <Empty>{t("nothing")}</Empty> : null}
          <ul>
            {pack.mentors.map((item) => (
              <li key={item.person.id}>
                <Link to={`/people/${encodeURIComponent(item.person.id)}`}>{item.person.name}</Link>
              </li>
            ))}
          </ul>
        </div>
        <div>
          <h4>{t("partners")}</h4>
          {pack.partners.length === 0 ? <Empty>{t("nothing")}</Empty> : null}
          <ul>
            {pack.partners.map((item) => (
              <li key={item.organisation.id}>
                <Link to={`/organisations/${encodeURIComponent(item.organisation.id)}`}>{item.organisation.name}</Link>
                <p className="explanation">{item.explanation}</p>
              </li>
            ))}
          </ul>
          <h4>{t("calls")}</h4>
          {pack.fundingCalls.length === 0 ? <Empty>{t("nothing")}</Empty> : null}
          <ul>
            {pack.fundingCalls.map((item) => (
              <li key={item.fundingCall.id}>
                <Link to={`/calls/${encodeURIComponent(item.fundingCall.id)}`}>
                  {text(item.fundingCall.title) || item.fundingCall.identifier}
                </Link>{" "}
                <span className="meta">({t("deadline", { date: date(item.fundingCall.deadline) })})</span>
                <p className="explanation">{item.explanation}</p>
              </li>
            ))}
          </ul>
        </div>
      </div>
      <h4>{t("onboarding")}</h4>
      <p>{t("statusNow", { status: isStatus(current) ? t(current) : current ?? t("noStatus") })}</p>
      <OnboardingForm pack={pack} onSaved={onChanged} />
    </article>
  );
}

function OnboardingForm({ pack, onSaved }: { pack: Pack; onSaved: () => void }) {
  const t = useMessages(messages);
  const action = useAction();
  const current = pack.winner.onboardingStatus;
  const next = STATUSES.find((status) => !isStatus(current) || STATUSES.indexOf(status) > STATUSES.indexOf(current));
  const [status, setStatus] = useState<string>(next ?? STATUSES[STATUSES.length - 1]);
  const [programme, setProgramme] = useState(pack.winner.programmeId ?? "");
  const [note, setNote] = useState("");
  const [saved, setSaved] = useState(false);
  async function save(event: FormEvent) {
    event.preventDefault();
    setSaved(false);
    const done = await action.run(
      ONBOARD,
      { award: pack.winner.awardId, status, programme: programme || null, note: note.trim() || null },
      "setOnboardingStatus",
    );
    if (done) {
      setSaved(true);
      setNote("");
      onSaved();
    }
  }
  return (
    <form noValidate onSubmit={(event) => void save(event)}>
      <ActionStatus
        action={action}
        done={saved ? t("saved") : null}
        labels={{ status: t("status"), programmeId: t("programme"), note: t("note") }}
      />
      <div className="inline-form">
        <Field label={t("status")}>
          {(control) => (
            <select {...control} value={status} onChange={(event) => setStatus(event.target.value)}>
              {STATUSES.map((value) => (
                <option key={value} value={value}>
                  {t(value)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label={t("programme")}>
          {(control) => (
            <select {...control} value={programme} onChange={(event) => setProgramme(event.target.value)}>
              <option value="">{t("noProgramme")}</option>
              {pack.programmes.map((item) => (
                <option key={item.programme.id} value={item.programme.id}>
                  {item.programme.name}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label={t("note")}>
          {(control) => <input {...control} value={note} onChange={(event) => setNote(event.target.value)} />}
        </Field>
        <button type="submit" disabled={action.busy}>
          {t("save")}
        </button>
      </div>
    </form>
  );
}
