// Sign in with e-mail and password; then back to the page that sent the visitor here (?next=).
import { useState } from "react";
import type { FormEvent } from "react";
import { Link, useNavigate, useSearchParams } from "react-router-dom";

import { ApiError, gql } from "../api";
import type { MutationError } from "../api";
import { Page } from "../components/Page";
import { ErrorNotice, MutationErrors } from "../components/Status";
import { TextField } from "../components/TextField";
import { defineMessages, useMessages } from "../i18n";
import { useSession } from "../session";

const messages = defineMessages({
  en: {
    title: "Sign in",
    email: "E-mail address",
    password: "Password",
    submit: "Sign in",
    working: "Signing in…",
    noAccount: "No account yet?",
    signUp: "Sign up",
    forgot: "Forgot your password?",
    resetIntro: "We will e-mail you a link to set a new password.",
    sendReset: "E-mail me a reset link",
    resetEmail: "E-mail address of the account",
    resetSent: "If {email} has an account, a reset link is on its way. It works for one hour.",
  },
  el: {
    title: "Σύνδεση",
    email: "Διεύθυνση e-mail",
    password: "Κωδικός πρόσβασης",
    submit: "Σύνδεση",
    working: "Σύνδεση…",
    noAccount: "Δεν έχετε λογαριασμό;",
    signUp: "Εγγραφή",
    forgot: "Ξεχάσατε τον κωδικό σας;",
    resetIntro: "Θα σας στείλουμε με e-mail έναν σύνδεσμο για νέο κωδικό.",
    sendReset: "Στείλτε μου σύνδεσμο επαναφοράς",
    resetEmail: "Διεύθυνση e-mail του λογαριασμού",
    resetSent:
      "Αν το {email} έχει λογαριασμό, ένας σύνδεσμος επαναφοράς έρχεται. Ισχύει για μία ώρα.",
  },
});

const SIGN_IN = `mutation SignIn($email: String!, $password: String!) {
  signIn(email: $email, password: $password) { account { id } errors { code field message } }
}`;
const REQUEST_RESET = `mutation RequestReset($email: String!) {
  requestPasswordReset(email: $email) { ok errors { code field message } }
}`;

/** Only paths of this site: an outside address in ?next= is ignored. */
export function safeNext(next: string | null): string {
  return next && next.startsWith("/") && !next.startsWith("//") ? next : "/account";
}

export function SignIn() {
  const t = useMessages(messages);
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const { refresh } = useSession();
  const [email, setEmail] = useState("");
  const [password, setPassword] = useState("");
  const [errors, setErrors] = useState<MutationError[]>([]);
  const [failure, setFailure] = useState<ApiError | null>(null);
  const [working, setWorking] = useState(false);
  const [resetSent, setResetSent] = useState<string | null>(null);

  async function signIn(event: FormEvent) {
    event.preventDefault();
    setWorking(true);
    setFailure(null);
    try {
      const data = await gql<{ signIn: { errors: MutationError[] } }>(SIGN_IN, { email, password });
      setErrors(data.signIn.errors);
      if (data.signIn.errors.length === 0) {
        await refresh();
        navigate(safeNext(params.get("next")));
      }
    } catch (error) {
      setFailure(error as ApiError);
    } finally {
      setWorking(false);
    }
  }

  async function requestReset(event: FormEvent) {
    event.preventDefault();
    setFailure(null);
    try {
      const data = await gql<{ requestPasswordReset: { errors: MutationError[] } }>(REQUEST_RESET, {
        email,
      });
      setErrors(data.requestPasswordReset.errors);
      if (data.requestPasswordReset.errors.length === 0) setResetSent(email);
    } catch (error) {
      setFailure(error as ApiError);
    }
  }

  return (
    <Page title={t("title")}>
      <form className="stack" onSubmit={signIn} noValidate>
        <MutationErrors errors={errors} />
        {failure ? <ErrorNotice error={failure} /> : null}
        <TextField
          label={t("email")}
          type="email"
          autoComplete="email"
          required
          value={email}
          onChange={(event) => setEmail(event.target.value)}
        />
        <TextField
          label={t("password")}
          type="password"
          autoComplete="current-password"
          required
          value={password}
          onChange={(event) => setPassword(event.target.value)}
        />
        <div>
          <button type="submit" disabled={working}>
            {working ? t("working") : t("submit")}
          </button>
        </div>
      </form>
      <p>
        {t("noAccount")} <Link to="/sign-up">{t("signUp")}</Link>
      </p>
      <details>
        <summary>{t("forgot")}</summary>
        <form className="stack" onSubmit={requestReset}>
          <p>{t("resetIntro")}</p>
          <TextField
            label={t("resetEmail")}
            type="email"
            autoComplete="email"
            required
            value={email}
            onChange={(event) => setEmail(event.target.value)}
          />
          <div>
            <button type="submit" className="secondary">
              {t("sendReset")}
            </button>
          </div>
          {resetSent ? (
            <p className="status success" role="status">
              {t("resetSent", { email: resetSent })}
            </p>
          ) : null}
        </form>
      </details>
    </Page>
  );
}
