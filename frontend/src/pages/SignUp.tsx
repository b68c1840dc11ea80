// Create an account (with a private profile); a verification e-mail follows.
import { useState } from "react";
import type { FormEvent } from "react";
import { Link, useNavigate } from "react-router-dom";

import { ApiError, gql } from "../api";
import type { MutationError } from "../api";
import { Page } from "../components/Page";
import { ErrorNotice, MutationErrors } from "../components/Status";
import { fieldError, TextField } from "../components/TextField";
import { defineMessages, useMessages } from "../i18n";
import { useSession } from "../session";

const messages = defineMessages({
  en: {
    title: "Sign up",
    intro:
      "An account lets you keep a profile, join challenges, post pilot projects and ask for introductions. Your profile stays private until you make it public.",
    name: "Your name",
    email: "E-mail address",
    password: "Password",
    passwordHint: "At least 10 characters.",
    roles: "I am a…",
    RESEARCHER: "researcher",
    FOUNDER: "startup founder",
    MENTOR: "mentor",
    OFFICIAL: "public official",
    submit: "Create my account",
    working: "Creating…",
    haveAccount: "Already have an account?",
    signIn: "Sign in",
  },
  el: {
    title: "Εγγραφή",
    intro:
      "Με λογαριασμό κρατάτε προφίλ, συμμετέχετε σε διαγωνισμούς, δημοσιεύετε πιλοτικά έργα και ζητάτε γνωριμίες. Το προφίλ σας μένει ιδιωτικό μέχρι να το κάνετε δημόσιο.",
    name: "Το όνομά σας",
    email: "Διεύθυνση e-mail",
    password: "Κωδικός πρόσβασης",
    passwordHint: "Τουλάχιστον 10 χαρακτήρες.",
    roles: "Είμαι…",
    RESEARCHER: "ερευνητής/ερευνήτρια",
    FOUNDER: "ιδρυτής/ιδρύτρια startup",
    MENTOR: "μέντορας",
    OFFICIAL: "στέλεχος δημόσιου φορέα",
    submit: "Δημιουργία λογαριασμού",
    working: "Δημιουργία…",
    haveAccount: "Έχετε ήδη λογαριασμό;",
    signIn: "Σύνδεση",
  },
});

const PERSON_ROLES = ["RESEARCHER", "FOUNDER", "MENTOR", "OFFICIAL"] as const;
type PersonRole = (typeof PERSON_ROLES)[number];

const SIGN_UP = `mutation SignUp($input: SignUpInput!) {
  signUp(input: $input) { account { id } errors { code field message } }
}`;

export function SignUp() {
  const t = useMessages(messages);
  const navigate = useNavigate();
  const { refresh } = useSession();
  const [name, setName] = useState("");
  const [email, setEmail] = useState("");
  const [password, setPassword] = useState("");
  const [roles, setRoles] = useState<PersonRole[]>(["RESEARCHER"]);
  const [errors, setErrors] = useState<MutationError[]>([]);
  const [failure, setFailure] = useState<ApiError | null>(null);
  const [working, setWorking] = useState(false);

  function toggle(role: PersonRole) {
    setRoles((chosen) =>
      chosen.includes(role) ? chosen.filter((r) => r !== role) : [...chosen, role],
    );
  }

  async function signUp(event: FormEvent) {
    event.preventDefault();
    setWorking(true);
    setFailure(null);
    try {
      const data = await gql<{ signUp: { errors: MutationError[] } }>(SIGN_UP, {
        input: { name, email, password, roles },
      });
      setErrors(data.signUp.errors);
      if (data.signUp.errors.length === 0) {
        await refresh();
        navigate("/account?welcome=1");
      }
    } catch (error) {
      setFailure(error as ApiError);
    } finally {
      setWorking(false);
    }
  }

  const labels = { name: t("name"), email: t("email"), password: t("password"), roles: t("roles") };
  return (
    <Page title={t("title")} intro={<p>{t("intro")}</p>}>
      <form className="stack" onSubmit={signUp} noValidate>
        <MutationErrors errors={errors} labels={labels} />
        {failure ? <ErrorNotice error={failure} /> : null}
        <TextField
          label={t("name")}
          autoComplete="name"
          required
          value={name}
          error={fieldError(errors, "name")}
          onChange={(event) => setName(event.target.value)}
        />
        <TextField
          label={t("email")}
          type="email"
          autoComplete="email"
          required
          value={email}
          error={fieldError(errors, "email")}
          onChange={(event) => setEmail(event.target.value)}
        />
        <TextField
          label={t("password")}
          hint={t("passwordHint")}
          type="password"
          autoComplete="new-password"
          required
          minLength={10}
          value={password}
          error={fieldError(errors, "password")}
          onChange={(event) => setPassword(event.target.value)}
        />
        <fieldset>
          <legend>{t("roles")}</legend>
          <div className="checks">
            {PERSON_ROLES.map((role) => (
              <label key={role}>
                <input
                  type="checkbox"
                  checked={roles.includes(role)}
                  onChange={() => toggle(role)}
                />
                {t(role)}
              </label>
            ))}
          </div>
        </fieldset>
        <div>
          <button type="submit" disabled={working}>
            {working ? t("working") : t("submit")}
          </button>
        </div>
      </form>
      <p>
        {t("haveAccount")} <Link to="/sign-in">{t("signIn")}</Link>
      </p>
    </Page>
  );
}
