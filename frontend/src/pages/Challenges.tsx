// Open-data challenges: the current ones with their phase and next date, past ones by year,
// the winners across years, and (for those allowed to) a form for a new challenge.
import { useState } from "react";

import { ChallengeList, useChallengeSummaries } from "../components/challenges/ChallengeList";
import { NewChallengeForm } from "../components/challenges/NewChallengeForm";
import { WinnersTable } from "../components/challenges/WinnersTable";
import { Page } from "../components/Page";
import { defineMessages, useMessages } from "../i18n";
import { isAdmin, useSession } from "../session";
import "../challenges.css";

const messages = defineMessages({
  en: {
    title: "Open-data challenges",
    intro:
      "Contests where teams build apps and services on the city's open data. Take part in a current one, or see who won before.",
    newChallenge: "New challenge",
    open: "Create a challenge",
    close: "Close the form",
    newIntro: "A new challenge starts as a draft that only its organisers see, until they publish it.",
  },
  el: {
    title: "Διαγωνισμοί ανοιχτών δεδομένων",
    intro:
      "Διαγωνισμοί όπου ομάδες φτιάχνουν εφαρμογές και υπηρεσίες με τα ανοιχτά δεδομένα της πόλης. Συμμετάσχετε σε έναν τρέχοντα ή δείτε ποιοι κέρδισαν παλαιότερα.",
    newChallenge: "Νέος διαγωνισμός",
    open: "Δημιουργία διαγωνισμού",
    close: "Κλείσιμο της φόρμας",
    newIntro: "Ένας νέος διαγωνισμός ξεκινά ως πρόχειρο που βλέπουν μόνο οι διοργανωτές του, μέχρι να τον δημοσιεύσουν.",
  },
});

export function Challenges() {
  const t = useMessages(messages);
  const { account } = useSession();
  const state = useChallengeSummaries();
  const [creating, setCreating] = useState(false);
  // Creating needs membership of the organising organisation (or the administrator role).
  const mayCreate = isAdmin(account) || (account?.organisations.length ?? 0) > 0;
  const years = [...new Set(state.summaries.map((item) => item.year))].sort((a, b) => b - a);
  const themes = [...new Set(state.summaries.flatMap((item) => item.themes))].sort();
  return (
    <Page title={t("title")} intro={<p>{t("intro")}</p>}>
      {mayCreate ? (
        <section aria-labelledby="new-challenge" className="new-challenge">
          <h2 id="new-challenge">{t("newChallenge")}</h2>
          <p>{t("newIntro")}</p>
          <button
            type="button"
            className="secondary"
            aria-expanded={creating}
            aria-controls="new-challenge-form"
            onClick={() => setCreating((value) => !value)}
          >
            {creating ? t("close") : t("open")}
          </button>
          <div id="new-challenge-form" hidden={!creating}>
            {creating ? <NewChallengeForm /> : null}
          </div>
        </section>
      ) : null}
      <ChallengeList state={state} />
      <WinnersTable years={years} themes={themes} />
    </Page>
  );
}
