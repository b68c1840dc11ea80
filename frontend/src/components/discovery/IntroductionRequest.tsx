// "Ask for an introduction": double opt-in, so the other person sees the message and decides;
// contact addresses are shared only once they accept.
import { useId, useState } from "react";
import type { FormEvent, ReactNode } from "react";
import { Link } from "react-router-dom";

import { ApiError, gql } from "../../api";
import type { MutationError } from "../../api";
import { defineMessages, useMessages } from "../../i18n";
import { useSession } from "../../session";
import { ErrorNotice, MutationErrors } from "../Status";

const MAX_MESSAGE = 2000;

const messages = defineMessages({
  en: {
    heading: "Ask for an introduction",
    explain:
      "{name} sees your message and decides. Only if they accept do you both see each other's contact address.",
    signIn: "Sign in to ask for an introduction",
    verify: "Confirm your e-mail address first (see My account) to ask for introductions.",
    noProfile: "Your account has no profile to be introduced with.",
    message: "Message (optional)",
    hint: "Say who you are and why you would like to meet; at most {max} characters.",
    tooLong: "Message: at most {max} characters, you wrote {count}.",
    send: "Ask for an introduction",
    sending: "Sending…",
    sent: "Your request was sent to {name}. You will see their answer under My account.",
    pending: "You already asked {name} for an introduction; wait for their answer.",
    gone: "This profile is no longer public, so no introduction can be asked.",
    yours: "This is your own profile; you change what it shows, and answer introductions, under",
    account: "My account",
  },
  el: {
    heading: "Αίτημα γνωριμίας",
    explain:
      "Ο/Η {name} βλέπει το μήνυμά σας και αποφασίζει. Μόνο αν δεχτεί, βλέπετε και οι δύο τη διεύθυνση επικοινωνίας του άλλου.",
    signIn: "Συνδεθείτε για να ζητήσετε γνωριμία",
    verify: "Επιβεβαιώστε πρώτα τη διεύθυνση e-mail σας (δείτε «Ο λογαριασμός μου») για να ζητάτε γνωριμίες.",
    noProfile: "Ο λογαριασμός σας δεν έχει προφίλ με το οποίο να γίνει η γνωριμία.",
    message: "Μήνυμα (προαιρετικό)",
    hint: "Πείτε ποιος/ποια είστε και γιατί θέλετε να γνωριστείτε· έως {max} χαρακτήρες.",
    tooLong: "Μήνυμα: έως {max} χαρακτήρες, γράψατε {count}.",
    send: "Αίτημα γνωριμίας",
    sending: "Αποστολή…",
    sent: "Το αίτημά σας στάλθηκε στον/στην {name}. Θα δείτε την απάντηση στο «Ο λογαριασμός μου».",
    pending: "Έχετε ήδη ζητήσει γνωριμία από τον/την {name}· περιμένετε την απάντηση.",
    gone: "Αυτό το προφίλ δεν είναι πια δημόσιο, οπότε δεν μπορεί να ζητηθεί γνωριμία.",
    yours: "Αυτό είναι το δικό σας προφίλ· αλλάζετε τι δείχνει, και απαντάτε σε αιτήματα γνωριμίας, στο",
    account: "Ο λογαριασμός μου",
  },
});

const REQUEST = `mutation RequestIntroduction($personId: ID!, $message: String) {
  requestIntroduction(personId: $personId, message: $message) {
    introduction { id status }
    errors { code field message }
  }
}`;

type Outcome =
  | { state: "idle" }
  | { state: "sending" }
  | { state: "sent" }
  | { state: "refused"; errors: MutationError[] }
  | { state: "failed"; error: ApiError };

export function IntroductionRequest({ personId, name }: { personId: string; name: string }) {
  const t = useMessages(messages);
  const { account, loading } = useSession();
  const [message, setMessage] = useState("");
  const [outcome, setOutcome] = useState<Outcome>({ state: "idle" });
  const [invalid, setInvalid] = useState<string | null>(null);
  const fieldId = useId();
  const hintId = useId();
  const errorId = useId();

  if (loading) return null;
  if (account === null) {
    return (
      <Section title={t("heading")}>
        <p>
          <Link to="/sign-in">{t("signIn")}</Link>
        </p>
      </Section>
    );
  }
  if (account.person?.id === personId) {
    return (
      <p className="status success">
        {t("yours")} <Link to="/account">{t("account")}</Link>
      </p>
    );
  }
  if (!account.emailVerified || account.person === null) {
    return (
      <Section title={t("heading")}>
        <p className="meta">{account.person === null ? t("noProfile") : t("verify")}</p>
      </Section>
    );
  }

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (message.length > MAX_MESSAGE) {
      setInvalid(t("tooLong", { max: MAX_MESSAGE, count: message.length }));
      return;
    }
    setInvalid(null);
    setOutcome({ state: "sending" });
    try {
      const data = await gql<{ requestIntroduction: { errors: MutationError[] } }>(REQUEST, {
        personId,
        message: message.trim() || null,
      });
      const errors = data.requestIntroduction.errors;
      setOutcome(errors.length === 0 ? { state: "sent" } : { state: "refused", errors });
    } catch (failure) {
      setOutcome({
        state: "failed",
        error: failure instanceof ApiError ? failure : new ApiError(String(failure), "ERROR", 0),
      });
    }
  };

  if (outcome.state === "sent") {
    return (
      <Section title={t("heading")}>
        <p className="status success" role="status">
          {t("sent", { name })}
        </p>
      </Section>
    );
  }
  return (
    <Section title={t("heading")}>
      <p>{t("explain", { name })}</p>
      <form className="stack" onSubmit={(event) => void submit(event)} noValidate>
        <div className="field">
          <label htmlFor={fieldId}>{t("message")}</label>
          <span id={hintId} className="hint">
            {t("hint", { max: MAX_MESSAGE })}
          </span>
          <textarea
            id={fieldId}
            value={message}
            onChange={(event) => setMessage(event.target.value)}
            aria-describedby={invalid ? `${hintId} ${errorId}` : hintId}
            aria-invalid={invalid ? true : undefined}
          />
          {invalid ? (
            <p id={errorId} className="field-error" role="alert">
              {invalid}
            </p>
          ) : null}
        </div>
        <p>
          <button type="submit" disabled={outcome.state === "sending"}>
            {outcome.state === "sending" ? t("sending") : t("send")}
          </button>
        </p>
      </form>
      {outcome.state === "refused" ? <Refusal errors={outcome.errors} name={name} /> : null}
      {outcome.state === "failed" ? <ErrorNotice error={outcome.error} /> : null}
    </Section>
  );
}

function Refusal({ errors, name }: { errors: MutationError[]; name: string }) {
  const t = useMessages(messages);
  const codes = errors.map((error) => error.code);
  if (codes.includes("CONFLICT")) {
    return (
      <p className="status error" role="alert">
        {t("pending", { name })}
      </p>
    );
  }
  if (codes.includes("NOT_FOUND")) {
    return (
      <p className="status error" role="alert">
        {t("gone")}
      </p>
    );
  }
  return <MutationErrors errors={errors} />;
}

function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <section aria-labelledby="introduction" className="introduction">
      <h2 id="introduction">{title}</h2>
      {children}
    </section>
  );
}
