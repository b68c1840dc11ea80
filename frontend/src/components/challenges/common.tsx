// What the challenge pages share: the lifecycle types and fields, phase names, dates in a
// challenge's own time zone, refusals with their reason (and conflict paths), and the
// sign-in and not-allowed states.
import { useMemo } from "react";
import { Link, useLocation } from "react-router-dom";

import type { MutationError } from "../../api";
import { defineMessages, useFormats, useMessages } from "../../i18n";
import type { Localized } from "../../i18n";

export type Phase =
  | "DRAFT"
  | "PUBLISHED"
  | "REGISTRATION"
  | "SUBMISSION"
  | "JUDGING"
  | "AWARDED"
  | "ARCHIVED";

export interface Schedule {
  timezone: string;
  registrationOpens: string;
  submissionOpens: string;
  submissionDeadline: string;
  judgingEnds: string | null;
}

export interface Prize {
  kind: "MONEY" | "IN_KIND";
  rank: number | null;
  amount: number | null;
  currency: string | null;
  description: Localized | null;
}

export interface Criterion {
  key: string;
  name: string;
  weight: number;
  minimum: number;
  maximum: number;
}

export interface ChallengeDetails {
  id: string;
  phase: Phase;
  title: Localized;
  description: Localized | null;
  rules: Localized | null;
  eligibility: Localized | null;
  themes: string[];
  skillsSought: string[];
  prizes: Prize[];
  schedule: Schedule | null;
  maxTeamSize: number;
  rubric: Criterion[];
  website: string | null;
  phaseHistory: string[];
  organiserIds: string[];
}

export const DETAILS_FIELDS = `
  id phase title { el en } description { el en } rules { el en } eligibility { el en }
  themes skillsSought
  prizes { kind rank amount currency description { el en } }
  schedule { timezone registrationOpens submissionOpens submissionDeadline judgingEnds }
  maxTeamSize rubric { key name weight minimum maximum } website phaseHistory organiserIds
`;

export interface PathStep {
  label: string;
  id: string;
  name: string;
  relation: string | null;
}

export interface ChallengeError extends MutationError {
  path?: PathStep[] | null;
  existingSubmissionId?: string | null;
  currentVersion?: number | null;
}

export const ERROR_FIELDS = "errors { code field message path { label id name relation } }";

export interface Winner {
  awardId: string;
  challengeId: string;
  challengeTitle: Localized;
  year: number;
  teamId: string;
  teamName: string;
  rank: number;
  prize: Localized | null;
  onboardingStatus: string | null;
  programmeId: string | null;
}

export const WINNER_FIELDS = `awardId challengeId challengeTitle { el en } year teamId teamName
  rank prize { el en } onboardingStatus programmeId`;

export interface RankedEntry {
  rank: number;
  submissionId: string;
  teamId: string;
  teamName: string;
  score: number | null;
  judges: number;
  decidedBy: string | null;
}

export const RANKED_FIELDS = "rank submissionId teamId teamName score judges decidedBy";

export interface Submission {
  id: string;
  teamId: string;
  title: string;
  summary: string;
  repositoryUrl: string | null;
  demoUrl: string | null;
  videoUrl: string | null;
  datasetIds: string[];
  version: number;
  createdAt: string;
  updatedAt: string;
}

export const SUBMISSION_FIELDS = `id teamId title summary repositoryUrl demoUrl videoUrl datasetIds
  version createdAt updatedAt`;

const messages = defineMessages({
  en: {
    DRAFT: "Draft",
    PUBLISHED: "Published",
    REGISTRATION: "Registration open",
    SUBMISSION: "Submissions open",
    JUDGING: "Judging",
    AWARDED: "Awarded",
    ARCHIVED: "Archived",
    phase: "Phase",
    signInPrompt: "Sign in to take part: register, form or join a team and submit.",
    signIn: "Sign in",
    signUp: "create an account",
    or: "or",
    notAllowed: "This page is for {role} of this challenge. Your account does not have that role.",
    signInFor: "Sign in as one of the {role} of this challenge to see this page.",
    back: "Back to the challenge",
    via: "via",
    refusedPath: "Connection that makes it a conflict:",
    DEADLINE_PASSED: "The deadline has passed",
    ALREADY_SUBMITTED: "Your team has already submitted",
    ALREADY_IN_TEAM: "Already in a team",
    CONFLICT_OF_INTEREST: "Conflict of interest",
    TEAM_FULL: "The team is full",
    NOT_INVITED: "An invitation is needed first",
    WRONG_PHASE: "Not possible in this phase",
    INVALID_TRANSITION: "This phase change is not allowed",
    VERSION_CONFLICT: "Someone changed it meanwhile",
    NOT_ASSIGNED: "Not assigned to you",
    NOT_A_MEMBER: "Not a member of the team",
    NOT_REGISTERED: "Not registered",
    FORBIDDEN: "Not allowed",
    UNAUTHENTICATED: "Sign in first",
    NO_PROFILE: "This account has no profile to act with",
    REQUIRED: "Required",
    INVALID: "Not valid",
    CONFLICT: "Already taken",
    NOT_FOUND: "Not found",
  },
  el: {
    DRAFT: "Πρόχειρο",
    PUBLISHED: "Δημοσιευμένος",
    REGISTRATION: "Ανοιχτές εγγραφές",
    SUBMISSION: "Ανοιχτές υποβολές",
    JUDGING: "Αξιολόγηση",
    AWARDED: "Βραβεύτηκε",
    ARCHIVED: "Αρχειοθετημένος",
    phase: "Φάση",
    signInPrompt:
      "Συνδεθείτε για να συμμετάσχετε: εγγραφή, δημιουργία ή ένταξη σε ομάδα και υποβολή.",
    signIn: "Σύνδεση",
    signUp: "δημιουργήστε λογαριασμό",
    or: "ή",
    notAllowed:
      "Η σελίδα είναι για {role} αυτού του διαγωνισμού. Ο λογαριασμός σας δεν έχει αυτόν τον ρόλο.",
    signInFor: "Συνδεθείτε ως ένας από τους/τις {role} αυτού του διαγωνισμού για να δείτε τη σελίδα.",
    back: "Επιστροφή στον διαγωνισμό",
    via: "μέσω",
    refusedPath: "Η σύνδεση που δημιουργεί τη σύγκρουση:",
    DEADLINE_PASSED: "Η προθεσμία έχει λήξει",
    ALREADY_SUBMITTED: "Η ομάδα σας έχει ήδη υποβάλει",
    ALREADY_IN_TEAM: "Ήδη σε ομάδα",
    CONFLICT_OF_INTEREST: "Σύγκρουση συμφερόντων",
    TEAM_FULL: "Η ομάδα είναι πλήρης",
    NOT_INVITED: "Χρειάζεται πρώτα πρόσκληση",
    WRONG_PHASE: "Δεν γίνεται σε αυτή τη φάση",
    INVALID_TRANSITION: "Η αλλαγή φάσης δεν επιτρέπεται",
    VERSION_CONFLICT: "Κάποιος το άλλαξε στο μεταξύ",
    NOT_ASSIGNED: "Δεν σας έχει ανατεθεί",
    NOT_A_MEMBER: "Δεν είστε μέλος της ομάδας",
    NOT_REGISTERED: "Δεν έχετε εγγραφεί",
    FORBIDDEN: "Δεν επιτρέπεται",
    UNAUTHENTICATED: "Συνδεθείτε πρώτα",
    NO_PROFILE: "Ο λογαριασμός δεν έχει προφίλ για να ενεργήσει",
    REQUIRED: "Υποχρεωτικό",
    INVALID: "Μη έγκυρο",
    CONFLICT: "Υπάρχει ήδη",
    NOT_FOUND: "Δεν βρέθηκε",
  },
});

type MessageKey = keyof (typeof messages)["en"];

function isKey(value: string): value is MessageKey {
  return value in messages.en;
}

export function usePhaseName(): (phase: Phase) => string {
  const t = useMessages(messages);
  return (phase) => t(phase);
}

const PHASE_TONE: Record<Phase, string> = {
  DRAFT: "",
  PUBLISHED: "",
  REGISTRATION: "ok",
  SUBMISSION: "ok",
  JUDGING: "warn",
  AWARDED: "",
  ARCHIVED: "",
};

export function PhaseBadge({ phase }: { phase: Phase }) {
  const t = useMessages(messages);
  return (
    <span className={`badge phase ${PHASE_TONE[phase]}`}>
      <span className="visually-hidden">{t("phase")}: </span>
      {t(phase)}
    </span>
  );
}

/** A moment in the challenge's own zone, in the chosen locale, naming the zone. */
export function useMoment(): (iso: string | null | undefined, zone?: string) => string {
  const { locale } = useFormats();
  return useMemo(
    () => (iso, zone) => {
      if (!iso) return "";
      const parsed = new Date(iso);
      if (Number.isNaN(parsed.getTime())) return iso;
      const timeZone = zone || "Europe/Athens";
      const text = new Intl.DateTimeFormat(locale, {
        dateStyle: "medium",
        timeStyle: "short",
        timeZone,
      }).format(parsed);
      return `${text} (${timeZone})`;
    },
    [locale],
  );
}

/** The date a challenge waits for next in its phase, if any. */
export function nextDeadline(
  phase: Phase,
  schedule: Schedule | null,
): { what: "registrationOpens" | "submissionOpens" | "submissionDeadline" | "judgingEnds"; at: string } | null {
  if (!schedule) return null;
  switch (phase) {
    case "DRAFT":
    case "PUBLISHED":
      return { what: "registrationOpens", at: schedule.registrationOpens };
    case "REGISTRATION":
      return { what: "submissionOpens", at: schedule.submissionOpens };
    case "SUBMISSION":
      return { what: "submissionDeadline", at: schedule.submissionDeadline };
    case "JUDGING":
      return schedule.judgingEnds ? { what: "judgingEnds", at: schedule.judgingEnds } : null;
    default:
      return null;
  }
}

/** Refusals of a challenge mutation: a sentence in the chosen language, the hub's reason,
 *  the field it names (by its label), and the graph path of a conflict of interest. */
export function Refusals({
  errors,
  labels = {},
}: {
  errors: ChallengeError[];
  labels?: Record<string, string>;
}) {
  const t = useMessages(messages);
  if (errors.length === 0) return null;
  return (
    <div className="status error" role="alert">
      <ul>
        {errors.map((error, index) => {
          const field = error.field ? (labels[error.field] ?? labels[error.field.split(".").pop() ?? ""]) : undefined;
          return (
            <li key={index}>
              {field ? <strong>{field}: </strong> : null}
              {isKey(error.code) ? `${t(error.code)}: ` : null}
              {error.message}
              {error.path && error.path.length > 0 ? (
                <>
                  {" "}
                  {t("refusedPath")} <ConflictPath path={error.path} />
                </>
              ) : null}
            </li>
          );
        })}
      </ul>
    </div>
  );
}

/** A conflict-of-interest path: Person —AFFILIATED_WITH→ Organisation → … */
export function ConflictPath({ path }: { path: PathStep[] }) {
  return (
    <span className="conflict-path">
      {path.map((step, index) => (
        <span key={`${step.id}-${index}`}>
          <span className="path-node">{step.name}</span>
          {step.relation ? <span className="path-relation"> —{relationName(step.relation)}→ </span> : null}
        </span>
      ))}
    </span>
  );
}

function relationName(relation: string): string {
  return relation.toLowerCase().replace(/_/g, " ");
}

export function SignInPrompt() {
  const t = useMessages(messages);
  const location = useLocation();
  const next = encodeURIComponent(location.pathname + location.search);
  return (
    <p className="sign-in-prompt">
      {t("signInPrompt")} <Link to={`/sign-in?next=${next}`}>{t("signIn")}</Link> {t("or")}{" "}
      <Link to={`/sign-up?next=${next}`}>{t("signUp")}</Link>.
    </p>
  );
}

/** Shown instead of a role's page: sign in, or this account lacks the role. */
export function NotAllowed({
  role,
  signedIn,
  challengeId,
}: {
  role: string;
  signedIn: boolean;
  challengeId: string;
}) {
  const t = useMessages(messages);
  const location = useLocation();
  const next = encodeURIComponent(location.pathname);
  return (
    <div className="status notice" role="status">
      {signedIn ? (
        <p>{t("notAllowed", { role })}</p>
      ) : (
        <p>
          {t("signInFor", { role })} <Link to={`/sign-in?next=${next}`}>{t("signIn")}</Link>
        </p>
      )}
      <p>
        <Link to={`/challenges/${encodeURIComponent(challengeId)}`}>{t("back")}</Link>
      </p>
    </div>
  );
}

export function challengePath(id: string, tail = ""): string {
  return `/challenges/${encodeURIComponent(id)}${tail}`;
}
