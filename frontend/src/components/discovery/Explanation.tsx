// Why a suggestion was made, one reason a line, in the chosen language.
import { defineMessages, useFormats, useMessages } from "../../i18n";
import type { Reason } from "./explanation";
import { PROBLEMS, readExplanation } from "./explanation";
import { useLabels } from "./labels";

const messages = defineMessages({
  en: {
    why: "Why",
    terms: "Shared terms:",
    meaning: "Close in meaning (similarity {value})",
    coParticipated: "Worked with {name} in {projects}",
    coParticipatedSuggested: "Worked with {name} (also suggested) in {projects}",
    network: "Both members of {name}",
    programme: "Both took part in {name}",
    projectsIn: "{projects} in {where}",
    experience: "Took part in {projects} in all",
    openUntil: "Open until {date}",
    kindEligible: "{value} organisations are eligible",
    countryEligible: "Organisations from {value} are eligible",
    budget: "Budget up to {amount}",
    deadlinePassed: "Not eligible: the deadline passed on {date}",
    kindNotEligible: "Not eligible: {value} is not among the eligible kinds ({allowed})",
    countryNotEligible: "Not eligible: {value} is not among the eligible countries",
    noReason: "No specific reason beyond the overall score",
    oneProject: "1 project",
    projects: "{count} projects",
  },
  el: {
    why: "Γιατί",
    terms: "Κοινοί όροι:",
    meaning: "Κοντινό νόημα (ομοιότητα {value})",
    coParticipated: "Συνεργάστηκε με {name} σε {projects}",
    coParticipatedSuggested: "Συνεργάστηκε με {name} (επίσης προτεινόμενο) σε {projects}",
    network: "Και οι δύο μέλη του δικτύου {name}",
    programme: "Και οι δύο συμμετείχαν στο {name}",
    projectsIn: "{projects} στο {where}",
    experience: "Συμμετοχή σε {projects} συνολικά",
    openUntil: "Ανοιχτή έως {date}",
    kindEligible: "Επιλέξιμος τύπος: {value}",
    countryEligible: "Επιλέξιμη χώρα: {value}",
    budget: "Προϋπολογισμός έως {amount}",
    deadlinePassed: "Μη επιλέξιμη: η προθεσμία έληξε στις {date}",
    kindNotEligible: "Μη επιλέξιμη: ο τύπος {value} δεν είναι στους επιλέξιμους ({allowed})",
    countryNotEligible: "Μη επιλέξιμη: η χώρα {value} δεν είναι στις επιλέξιμες",
    noReason: "Κανένας ειδικός λόγος πέρα από τη συνολική βαθμολογία",
    oneProject: "1 έργο",
    projects: "{count} έργα",
  },
});

function ReasonText({ reason }: { reason: Reason }) {
  const t = useMessages(messages);
  const fmt = useFormats();
  const labels = useLabels();
  const projects = (count: number) => (count === 1 ? t("oneProject") : t("projects", { count: fmt.number(count) }));
  switch (reason.kind) {
    case "terms":
      return (
        <>
          {t("terms")}{" "}
          {reason.terms.map((term, index) => (
            <span key={term}>
              {index > 0 ? ", " : null}
              <mark className="term">{term}</mark>
            </span>
          ))}
        </>
      );
    case "meaning":
      return <>{t("meaning", { value: fmt.number(reason.similarity, 2) })}</>;
    case "coParticipated":
      return (
        <>
          {t(reason.alsoSuggested ? "coParticipatedSuggested" : "coParticipated", {
            name: reason.name,
            projects: projects(reason.projects),
          })}
        </>
      );
    case "network":
      return <>{t("network", { name: reason.name })}</>;
    case "programme":
      return <>{t("programme", { name: reason.name })}</>;
    case "projectsIn":
      return <>{t("projectsIn", { projects: projects(reason.projects), where: reason.where })}</>;
    case "experience":
      return <>{t("experience", { projects: projects(reason.projects) })}</>;
    case "openUntil":
      return <>{t("openUntil", { date: fmt.date(reason.date) })}</>;
    case "kindEligible":
      return <>{t("kindEligible", { value: labels.kind(reason.value) })}</>;
    case "countryEligible":
      return <>{t("countryEligible", { value: labels.country(reason.value) })}</>;
    case "budget":
      return <>{t("budget", { amount: fmt.money(reason.amount) })}</>;
    case "deadlinePassed":
      return <>{t("deadlinePassed", { date: fmt.date(reason.date) })}</>;
    case "kindNotEligible":
      return (
        <>
          {t("kindNotEligible", {
            value: labels.kind(reason.value),
            allowed: reason.allowed.map(labels.kind).join(", "),
          })}
        </>
      );
    case "countryNotEligible":
      return <>{t("countryNotEligible", { value: labels.country(reason.value) })}</>;
    case "noReason":
      return <>{t("noReason")}</>;
    case "text":
      return <span lang="en">{reason.text}</span>;
  }
}

export function Explanation({ text }: { text: string }) {
  const t = useMessages(messages);
  const reasons = readExplanation(text);
  return (
    <div className="explanation">
      <strong>{t("why")}</strong>
      <ul>
        {reasons.map((reason, index) => (
          <li key={index} className={PROBLEMS.has(reason.kind) ? "problem" : undefined}>
            <ReasonText reason={reason} />
          </li>
        ))}
      </ul>
    </div>
  );
}
