// The public face of a challenge: what it asks, its rules and eligibility, schedule,
// prizes, themes and skills sought, organisers.
import { Link } from "react-router-dom";

import { defineMessages, useFormats, useMessages } from "../../i18n";
import { Empty } from "../Status";
import { useMoment } from "./common";
import type { ChallengeDetails, Prize } from "./common";

const messages = defineMessages({
  en: {
    about: "About the challenge",
    rules: "Rules",
    eligibility: "Who may take part",
    schedule: "Schedule",
    noSchedule: "The organisers have not set the dates yet.",
    registrationOpens: "Registration opens",
    submissionOpens: "Submissions open",
    submissionDeadline: "Submission deadline",
    judgingEnds: "Judging ends",
    prizes: "Prizes",
    noPrizes: "No prizes announced yet.",
    place: "Place {rank}",
    prize: "Prize",
    themes: "Themes",
    skills: "Skills sought",
    organisers: "Organised by",
    teamSize: "Teams of up to {size} people.",
    website: "Challenge website",
  },
  el: {
    about: "Σχετικά με τον διαγωνισμό",
    rules: "Κανόνες",
    eligibility: "Ποιοι μπορούν να συμμετάσχουν",
    schedule: "Χρονοδιάγραμμα",
    noSchedule: "Οι διοργανωτές δεν έχουν ορίσει ακόμη τις ημερομηνίες.",
    registrationOpens: "Έναρξη εγγραφών",
    submissionOpens: "Έναρξη υποβολών",
    submissionDeadline: "Προθεσμία υποβολής",
    judgingEnds: "Λήξη αξιολόγησης",
    prizes: "Βραβεία",
    noPrizes: "Δεν έχουν ανακοινωθεί ακόμη βραβεία.",
    place: "{rank}η θέση",
    prize: "Βραβείο",
    themes: "Θεματικές",
    skills: "Ζητούμενες δεξιότητες",
    organisers: "Διοργάνωση",
    teamSize: "Ομάδες έως {size} ατόμων.",
    website: "Ιστότοπος του διαγωνισμού",
  },
});

export function ChallengeOverview({
  details,
  organisers,
}: {
  details: ChallengeDetails;
  organisers: { id: string; name: string }[];
}) {
  const t = useMessages(messages);
  const { text } = useFormats();
  const moment = useMoment();
  const schedule = details.schedule;
  return (
    <div className="columns">
      <section aria-labelledby="challenge-about">
        <h2 id="challenge-about">{t("about")}</h2>
        <p className="challenge-text">{text(details.description)}</p>
        {details.maxTeamSize > 0 ? <p>{t("teamSize", { size: details.maxTeamSize })}</p> : null}
        {organisers.length > 0 ? (
          <p>
            {t("organisers")}:{" "}
            {organisers.map((organiser, index) => (
              <span key={organiser.id}>
                {index > 0 ? ", " : null}
                <Link to={`/organisations/${encodeURIComponent(organiser.id)}`}>{organiser.name}</Link>
              </span>
            ))}
          </p>
        ) : null}
        {details.website ? (
          <p>
            <a href={details.website}>{t("website")}</a>
          </p>
        ) : null}
        <TagList label={t("themes")} items={details.themes} />
        <TagList label={t("skills")} items={details.skillsSought} />
        {text(details.rules) ? (
          <>
            <h3>{t("rules")}</h3>
            <p className="challenge-text">{text(details.rules)}</p>
          </>
        ) : null}
        {text(details.eligibility) ? (
          <>
            <h3>{t("eligibility")}</h3>
            <p className="challenge-text">{text(details.eligibility)}</p>
          </>
        ) : null}
      </section>
      <div>
        <section aria-labelledby="challenge-schedule">
          <h2 id="challenge-schedule">{t("schedule")}</h2>
          {schedule ? (
            <dl className="schedule-list">
              <dt>{t("registrationOpens")}</dt>
              <dd>{moment(schedule.registrationOpens, schedule.timezone)}</dd>
              <dt>{t("submissionOpens")}</dt>
              <dd>{moment(schedule.submissionOpens, schedule.timezone)}</dd>
              <dt>{t("submissionDeadline")}</dt>
              <dd>{moment(schedule.submissionDeadline, schedule.timezone)}</dd>
              {schedule.judgingEnds ? (
                <>
                  <dt>{t("judgingEnds")}</dt>
                  <dd>{moment(schedule.judgingEnds, schedule.timezone)}</dd>
                </>
              ) : null}
            </dl>
          ) : (
            <Empty>{t("noSchedule")}</Empty>
          )}
        </section>
        <section aria-labelledby="challenge-prizes">
          <h2 id="challenge-prizes">{t("prizes")}</h2>
          {details.prizes.length === 0 ? (
            <Empty>{t("noPrizes")}</Empty>
          ) : (
            <ul className="prize-list">
              {details.prizes.map((prize, index) => (
                <li key={index}>
                  <strong>{prize.rank ? t("place", { rank: prize.rank }) : t("prize")}:</strong>{" "}
                  <PrizeText prize={prize} />
                </li>
              ))}
            </ul>
          )}
        </section>
      </div>
    </div>
  );
}

function TagList({ label, items }: { label: string; items: string[] }) {
  if (items.length === 0) return null;
  return (
    <>
      <h3>{label}</h3>
      <ul className="tags" aria-label={label}>
        {items.map((item) => (
          <li key={item}>{item}</li>
        ))}
      </ul>
    </>
  );
}

function PrizeText({ prize }: { prize: Prize }) {
  const { locale, text } = useFormats();
  if (prize.kind === "MONEY" && prize.amount !== null) {
    const amount = new Intl.NumberFormat(locale, {
      style: "currency",
      currency: prize.currency || "EUR",
      maximumFractionDigits: 0,
    }).format(prize.amount);
    const described = text(prize.description);
    return <>{described ? `${amount} · ${described}` : amount}</>;
  }
  return <>{text(prize.description)}</>;
}
