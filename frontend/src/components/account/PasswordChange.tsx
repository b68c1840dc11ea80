import { useState } from "react";
import type { FormEvent } from "react";

import { defineMessages, useMessages } from "../../i18n";
import { ErrorNotice, MutationErrors } from "../Status";
import { fieldError, TextField } from "../TextField";
import { useMutation } from "./useMutation";

const messages = defineMessages({
  en: {
    title: "Change password",
    current: "Current password",
    next: "New password",
    hint: "At least 10 characters. Your other sessions will be signed out.",
    submit: "Change password",
    done: "Your password is changed.",
  },
  el: {
    title: "Αλλαγή κωδικού",
    current: "Τρέχων κωδικός",
    next: "Νέος κωδικός",
    hint: "Τουλάχιστον 10 χαρακτήρες. Οι άλλες συνεδρίες σας θα αποσυνδεθούν.",
    submit: "Αλλαγή κωδικού",
    done: "Ο κωδικός σας άλλαξε.",
  },
});

const CHANGE = `mutation ChangePassword($current: String!, $next: String!) {
  changePassword(currentPassword: $current, newPassword: $next) { ok errors { code field message } }
}`;

export function PasswordChange() {
  const t = useMessages(messages);
  const change = useMutation<{ ok: boolean; errors: [] }>(CHANGE, "changePassword");
  const [current, setCurrent] = useState("");
  const [next, setNext] = useState("");
  const [done, setDone] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setDone(false);
    if (await change.run({ current, next })) {
      setDone(true);
      setCurrent("");
      setNext("");
    }
  }

  return (
    <section className="panel" aria-labelledby="password-title">
      <h2 id="password-title">{t("title")}</h2>
      <form className="stack" onSubmit={submit} noValidate>
        <MutationErrors
          errors={change.errors}
          labels={{ currentPassword: t("current"), newPassword: t("next") }}
        />
        {change.failure ? <ErrorNotice error={change.failure} /> : null}
        <TextField
          label={t("current")}
          type="password"
          autoComplete="current-password"
          value={current}
          error={fieldError(change.errors, "currentPassword")}
          onChange={(event) => setCurrent(event.target.value)}
        />
        <TextField
          label={t("next")}
          hint={t("hint")}
          type="password"
          autoComplete="new-password"
          value={next}
          error={fieldError(change.errors, "newPassword")}
          onChange={(event) => setNext(event.target.value)}
        />
        <div>
          <button type="submit" disabled={change.working}>
            {t("submit")}
          </button>
        </div>
        {done ? (
          <p className="status success" role="status">
            {t("done")}
          </p>
        ) : null}
      </form>
    </section>
  );
}
