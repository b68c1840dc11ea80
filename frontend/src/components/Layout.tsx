// Skip link, site header with navigation, language switch and account, then the page.
import { NavLink, Outlet, useNavigate } from "react-router-dom";

import { defineMessages, LANGS, useLanguage, useMessages } from "../i18n";
import { useSession } from "../session";

const messages = defineMessages({
  en: {
    skip: "Skip to content",
    site: "Thessaloniki innovation hub",
    nav: "Main",
    home: "Search",
    calls: "Funding calls",
    challenges: "Challenges",
    pilots: "Pilot projects",
    explorer: "Explorer",
    analytics: "Analytics",
    language: "Language",
    signIn: "Sign in",
    signUp: "Sign up",
    account: "My account",
    signOut: "Sign out",
    footer: "An open-source hub for Thessaloniki's innovation ecosystem, with OK!Thess.",
    api: "GraphQL API",
  },
  el: {
    skip: "Μετάβαση στο περιεχόμενο",
    site: "Κόμβος καινοτομίας Θεσσαλονίκης",
    nav: "Κύρια",
    home: "Αναζήτηση",
    calls: "Προσκλήσεις χρηματοδότησης",
    challenges: "Διαγωνισμοί",
    pilots: "Πιλοτικά έργα",
    explorer: "Εξερεύνηση",
    analytics: "Στατιστικά",
    language: "Γλώσσα",
    signIn: "Σύνδεση",
    signUp: "Εγγραφή",
    account: "Ο λογαριασμός μου",
    signOut: "Αποσύνδεση",
    footer: "Ένας κόμβος ανοικτού κώδικα για το οικοσύστημα καινοτομίας της Θεσσαλονίκης, με το OK!Thess.",
    api: "GraphQL API",
  },
});

const LANGUAGE_NAMES = { el: "Ελληνικά", en: "English" } as const;

export function Layout() {
  const t = useMessages(messages);
  const { lang, setLang } = useLanguage();
  const { account, signOut } = useSession();
  const navigate = useNavigate();
  const links = [
    ["/", t("home")],
    ["/calls", t("calls")],
    ["/challenges", t("challenges")],
    ["/pilots", t("pilots")],
    ["/explorer", t("explorer")],
    ["/analytics", t("analytics")],
  ] as const;
  return (
    <>
      <a className="skip-link" href="#main">
        {t("skip")}
      </a>
      <header className="site-header">
        <NavLink to="/" className="brand">
          {t("site")}
        </NavLink>
        <nav aria-label={t("nav")}>
          <ul>
            {links.map(([to, label]) => (
              <li key={to}>
                <NavLink to={to} end={to === "/"}>
                  {label}
                </NavLink>
              </li>
            ))}
          </ul>
        </nav>
        <div className="site-tools">
          <div role="group" aria-label={t("language")} className="language-switch">
            {LANGS.map((code) => (
              <button
                key={code}
                type="button"
                lang={code}
                aria-pressed={lang === code}
                onClick={() => setLang(code)}
              >
                {LANGUAGE_NAMES[code]}
              </button>
            ))}
          </div>
          {account ? (
            <>
              <NavLink to="/account">{t("account")}</NavLink>
              <button
                type="button"
                onClick={() => {
                  void signOut().then(() => navigate("/"));
                }}
              >
                {t("signOut")}
              </button>
            </>
          ) : (
            <>
              <NavLink to="/sign-in">{t("signIn")}</NavLink>
              <NavLink to="/sign-up">{t("signUp")}</NavLink>
            </>
          )}
        </div>
      </header>
      <main id="main" tabIndex={-1}>
        <Outlet />
      </main>
      <footer className="site-footer">
        <p>{t("footer")}</p>
        <p>
          <a href="/graphql">{t("api")}</a>
        </p>
      </footer>
    </>
  );
}
