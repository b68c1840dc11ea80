// The signed-in person's own page: address verification, roles, profile and consent,
// introductions, API tokens, password, and their data.
import { useState } from "react";
import { Link, useSearchParams } from "react-router-dom";

import { ApiTokens } from "../components/account/ApiTokens";
import type { ApiToken } from "../components/account/ApiTokens";
import { Introductions } from "../components/account/Introductions";
import type { Introduction } from "../components/account/Introductions";
import { MyData } from "../components/account/MyData";
import { MyRoles } from "../components/account/MyRoles";
import { PasswordChange } from "../components/account/PasswordChange";
import { RoleAdmin } from "../components/account/RoleAdmin";
import { ProfileEditor } from "../components/account/ProfileEditor";
import type { OwnProfile } from "../components/account/ProfileEditor";
import { useMutation } from "../components/account/useMutation";
import { Page } from "../components/Page";
import { ErrorNotice, Loading, MutationErrors } from "../components/Status";
import { defineMessages, useMessages } from "../i18n";
import { ACCOUNT_FIELDS, isAdmin, useSession } from "../session";
import type { Account } from "../session";
import { useQuery } from "../useQuery";

const messages = defineMessages({
  en: {
    title: "My account",
    signedOut: "Sign in to see your account.",
    signIn: "Sign in",
    welcome: "Welcome! Your account is ready.",
    unverified: "Your e-mail address {email} is not confirmed yet: open the link we sent you. Until then you can look around but not change anything.",
    resend: "Send the link again",
    resent: "A new confirmation link is on its way to {email}.",
    verified: "Signed in as {email} (confirmed).",
  },
  el: {
    title: "Ο λογαριασμός μου",
    signedOut: "Συνδεθείτε για να δείτε τον λογαριασμό σας.",
    signIn: "Σύνδεση",
    welcome: "Καλώς ήρθατε! Ο λογαριασμός σας είναι έτοιμος.",
    unverified: "Η διεύθυνση {email} δεν έχει επιβεβαιωθεί ακόμη: ανοίξτε τον σύνδεσμο που σας στείλαμε. Ως τότε μπορείτε να περιηγηθείτε αλλά όχι να αλλάξετε κάτι.",
    resend: "Αποστολή του συνδέσμου ξανά",
    resent: "Ένας νέος σύνδεσμος επιβεβαίωσης έρχεται στο {email}.",
    verified: "Συνδεδεμένος/η ως {email} (επιβεβαιωμένο).",
  },
});

const ACCOUNT_PAGE = `query AccountPage {
  me {
    ${ACCOUNT_FIELDS}
    person { id name isPublic publicFields bio { el en } skills website }
    introductions { id fromPersonId toPersonId message status createdAt contact { name email } }
    apiTokens { id name scopes createdAt }
  }
}`;
const RESEND = `mutation Resend { requestEmailVerification { ok errors { code field message } } }`;

interface AccountDetails extends Omit<Account, "person"> {
  person: OwnProfile | null;
  introductions: Introduction[];
  apiTokens: ApiToken[];
}

export function AccountPage() {
  const t = useMessages(messages);
  const [params] = useSearchParams();
  const session = useSession();
  const details = useQuery<{ me: AccountDetails | null }>(ACCOUNT_PAGE, {}, session.account === null);
  const resend = useMutation<{ ok: boolean; errors: [] }>(RESEND, "requestEmailVerification");
  const [resent, setResent] = useState(false);

  if (session.loading) return <Page title={t("title")}><Loading /></Page>;
  if (session.account === null) {
    return (
      <Page title={t("title")}>
        <p>{t("signedOut")}</p>
        <p>
          <Link className="button" to="/sign-in?next=/account">
            {t("signIn")}
          </Link>
        </p>
      </Page>
    );
  }
  const me = details.data?.me;
  return (
    <Page title={t("title")}>
      {params.get("welcome") ? (
        <p className="status success" role="status">
          {t("welcome")}
        </p>
      ) : null}
      {details.error ? <ErrorNotice error={details.error} onRetry={details.reload} /> : null}
      {me === undefined || me === null ? (
        details.loading ? <Loading /> : null
      ) : (
        <>
          {me.emailVerified ? (
            <p>{t("verified", { email: me.email })}</p>
          ) : (
            <div className="status error" role="status">
              <p>{t("unverified", { email: me.email })}</p>
              <MutationErrors errors={resend.errors} />
              <button
                type="button"
                onClick={() => {
                  void resend.run({}).then((ok) => setResent(ok !== null));
                }}
              >
                {t("resend")}
              </button>
              {resent ? <p>{t("resent", { email: me.email })}</p> : null}
            </div>
          )}
          <MyRoles account={session.account} />
          {isAdmin(session.account) ? <RoleAdmin /> : null}
          {me.person ? (
            <ProfileEditor
              key={me.person.id}
              profile={me.person}
              onSaved={() => {
                details.reload();
                void session.refresh();
              }}
            />
          ) : null}
          <Introductions
            introductions={me.introductions}
            personId={me.person?.id ?? null}
            onChange={details.reload}
          />
          <ApiTokens tokens={me.apiTokens} onChange={details.reload} />
          <PasswordChange />
          {me.person ? <MyData personId={me.person.id} /> : null}
        </>
      )}
    </Page>
  );
}
