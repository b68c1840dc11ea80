// Loading, failure and empty states, announced to screen readers.
import type { ApiError, MutationError } from "../api";
import { defineMessages, useLanguage, useMessages } from "../i18n";
import type { Lang } from "../i18n";

const messages = defineMessages({
  en: {
    loading: "Loading…",
    failed: "Something went wrong: {message}",
    retry: "Try again",
    network: "The hub cannot be reached. Check your connection and try again.",
    forbidden: "You are not allowed to see this. Sign in with an account that may.",
    busy: "Too many requests just now. Wait a moment and try again.",
    unavailable: "The hub is briefly unavailable. Try again in a moment.",
  },
  el: {
    loading: "Φόρτωση…",
    failed: "Κάτι πήγε στραβά: {message}",
    retry: "Δοκιμάστε ξανά",
    network: "Ο κόμβος δεν είναι προσβάσιμος. Ελέγξτε τη σύνδεσή σας και δοκιμάστε ξανά.",
    forbidden: "Δεν επιτρέπεται να το δείτε. Συνδεθείτε με λογαριασμό που έχει πρόσβαση.",
    busy: "Πάρα πολλά αιτήματα αυτή τη στιγμή. Περιμένετε λίγο και δοκιμάστε ξανά.",
    unavailable: "Ο κόμβος δεν είναι διαθέσιμος για λίγο. Δοκιμάστε ξανά σε λίγο.",
  },
});

export function Loading({ label }: { label?: string }) {
  const t = useMessages(messages);
  return (
    <p className="status loading" role="status">
      {label ?? t("loading")}
    </p>
  );
}

export function ErrorNotice({ error, onRetry }: { error: ApiError; onRetry?: () => void }) {
  const t = useMessages(messages);
  const text =
    error.code === "NETWORK"
      ? t("network")
      : error.code === "FORBIDDEN" || error.code === "UNAUTHENTICATED"
        ? t("forbidden")
        : error.status === 429
          ? t("busy")
          : error.status === 503
            ? t("unavailable")
            : t("failed", { message: error.message });
  return (
    <div className="status error" role="alert">
      <p>{text}</p>
      {onRetry ? (
        <button type="button" onClick={onRetry}>
          {t("retry")}
        </button>
      ) : null}
    </div>
  );
}

// The hub's messages are English; in Greek the known codes get a Greek sentence and the
// hub's own detail follows in brackets, so nothing specific (a deadline, a limit) is lost.
const GREEK_CODES: Record<string, string> = {
  REQUIRED: "Υποχρεωτικό πεδίο",
  INVALID: "Μη έγκυρη τιμή",
  INVALID_ID: "Μη έγκυρο αναγνωριστικό",
  INVALID_CREDENTIALS: "Λάθος e-mail ή κωδικός πρόσβασης",
  INVALID_TOKEN: "Ο σύνδεσμος ή το κλειδί δεν ισχύει πια",
  CONFLICT: "Υπάρχει ήδη",
  NOT_FOUND: "Δεν βρέθηκε",
  UNAUTHENTICATED: "Χρειάζεται σύνδεση",
  FORBIDDEN: "Δεν επιτρέπεται",
  CSRF_FAILED: "Η συνεδρία έληξε· ανανεώστε τη σελίδα",
  RATE_LIMITED: "Πάρα πολλά αιτήματα· δοκιμάστε σε λίγο",
  VERSION_CONFLICT: "Κάποιος άλλος το άλλαξε στο μεταξύ· ανανεώστε και δοκιμάστε ξανά",
  WRONG_PHASE: "Δεν επιτρέπεται σε αυτή τη φάση του διαγωνισμού",
  INVALID_TRANSITION: "Η αλλαγή φάσης δεν επιτρέπεται",
  TEAM_FULL: "Η ομάδα είναι πλήρης",
  NOT_REGISTERED: "Δεν έχετε εγγραφεί στον διαγωνισμό",
  NOT_A_MEMBER: "Δεν είστε μέλος της ομάδας",
  NOT_INVITED: "Δεν έχετε πρόσκληση",
  NOT_ASSIGNED: "Δεν σας έχει ανατεθεί",
};

export function errorText(error: MutationError, lang: Lang): string {
  const greek = lang === "el" ? GREEK_CODES[error.code] : undefined;
  return greek ? `${greek} (${error.message})` : error.message;
}

/** The errors a mutation returned, each naming its field (by its label when `labels` has it). */
export function MutationErrors({
  errors,
  labels = {},
}: {
  errors: MutationError[];
  labels?: Record<string, string>;
}) {
  const { lang } = useLanguage();
  if (errors.length === 0) return null;
  return (
    <div className="status error" role="alert">
      <ul>
        {errors.map((error, index) => {
          const field = error.field ? (labels[error.field.split(".").pop() ?? ""] ?? error.field) : null;
          return (
            <li key={index}>
              {field ? <strong>{field}: </strong> : null}
              {errorText(error, lang)}
            </li>
          );
        })}
      </ul>
    </div>
  );
}

export function Empty({ children }: { children: string }) {
  return <p className="status empty">{children}</p>;
}
