import { Link } from "react-router-dom";

import { Page } from "../components/Page";
import { defineMessages, useMessages } from "../i18n";

const messages = defineMessages({
  en: { title: "Page not found", body: "There is no page at this address.", home: "Go to the search" },
  el: { title: "Η σελίδα δεν βρέθηκε", body: "Δεν υπάρχει σελίδα σε αυτή τη διεύθυνση.", home: "Μετάβαση στην αναζήτηση" },
});

export function NotFound() {
  const t = useMessages(messages);
  return (
    <Page title={t("title")}>
      <p>{t("body")}</p>
      <p>
        <Link to="/">{t("home")}</Link>
      </p>
    </Page>
  );
}
