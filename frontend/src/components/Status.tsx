// Loading, failure and empty states, announced to screen readers.
import type { ApiError, MutationError } from "../api";
import { defineMessages, useMessages } from "../i18n";

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

/** The errors a mutation returned, each naming its field. */
export function MutationErrors({ errors }: { errors: MutationError[] }) {
  if (errors.length === 0) return null;
  return (
    <div className="status error" role="alert">
      <ul>
        {errors.map((error, index) => (
          <li key={index}>
            {error.field ? <strong>{error.field}: </strong> : null}
            {error.message}
          </li>
        ))}
      </ul>
    </div>
  );
}

export function Empty({ children }: { children: string }) {
  return <p className="status empty">{children}</p>;
}
