// A public profile: who the person is and works with, partners and funding calls that fit
// their profile, and (signed in) a double opt-in introduction.
import { Link, useParams } from "react-router-dom";

import { Facts, Tags } from "../components/discovery/Facts";
import { IntroductionRequest } from "../components/discovery/IntroductionRequest";
import { useLabels } from "../components/discovery/labels";
import { LocalText } from "../components/discovery/LocalText";
import { SuggestedCalls, SuggestedPartners } from "../components/discovery/SuggestionSections";
import { organisationPath } from "../components/discovery/types";
import { LoadNode } from "../components/discovery/LoadNode";
import { Page } from "../components/Page";
import { defineMessages, useMessages } from "../i18n";
import type { Localized } from "../i18n";
import "../discovery.css";

const messages = defineMessages({
  en: {
    loading: "Loading the profile…",
    notFound: "Profile not found",
    notFoundBody:
      "There is no public profile at this address: the person may have kept their profile private, or it was removed.",
    search: "Search the ecosystem",
    about: "About",
    roles: "Roles",
    website: "Website",
    skills: "Skills",
    noSkills: "No skills listed.",
    affiliations: "Works with",
    noAffiliations: "No affiliations shown.",
    mentoring: "Mentors in",
    noText: "This profile has no bio or skills yet, so there is nothing to base suggestions on.",
  },
  el: {
    loading: "Φόρτωση του προφίλ…",
    notFound: "Το προφίλ δεν βρέθηκε",
    notFoundBody:
      "Δεν υπάρχει δημόσιο προφίλ σε αυτή τη διεύθυνση: ίσως το πρόσωπο κράτησε το προφίλ του ιδιωτικό ή αυτό αφαιρέθηκε.",
    search: "Αναζήτηση στο οικοσύστημα",
    about: "Σχετικά",
    roles: "Ρόλοι",
    website: "Ιστότοπος",
    skills: "Δεξιότητες",
    noSkills: "Δεν έχουν καταγραφεί δεξιότητες.",
    affiliations: "Συνεργάζεται με",
    noAffiliations: "Δεν εμφανίζονται συνεργασίες.",
    mentoring: "Μέντορας στα",
    noText: "Το προφίλ δεν έχει ακόμη βιογραφικό ή δεξιότητες, οπότε δεν υπάρχει βάση για προτάσεις.",
  },
});

interface PersonProfile {
  id: string;
  name: string;
  roles: string[];
  bio: Localized | null;
  skills: string[];
  website: string | null;
  affiliations: { organisation: { id: string; name: string }; role: string | null }[];
  mentoring: { id: string; name: string }[];
}

const PERSON = `query Person($id: ID!) {
  person(id: $id) {
    id name roles bio { el en } skills website
    affiliations { organisation { id name } role }
    mentoring { id name }
  }
}`;

export function PersonPage() {
  const t = useMessages(messages);
  const id = useParams().id ?? "";
  return (
    <LoadNode<PersonProfile>
      query={PERSON}
      id={id}
      field="person"
      back="/"
      texts={{
        loading: t("loading"),
        notFound: t("notFound"),
        notFoundBody: t("notFoundBody"),
        back: t("search"),
      }}
      render={(person) => <PersonProfileView person={person} />}
    />
  );
}

/** The words suggestions are matched against: the bio in both languages and the skills. */
function profileText(person: PersonProfile): string {
  return [person.bio?.en, person.bio?.el, person.skills.join(", ")].filter(Boolean).join("\n").trim();
}

function PersonProfileView({ person }: { person: PersonProfile }) {
  const t = useMessages(messages);
  const labels = useLabels();
  const text = profileText(person);
  return (
    <Page title={person.name} intro={person.bio ? <p><LocalText value={person.bio} /></p> : undefined}>
      <section aria-labelledby="about">
        <h2 id="about">{t("about")}</h2>
        <Facts
          items={[
            [t("roles"), person.roles.map(labels.personRole).join(", ")],
            [
              t("website"),
              person.website ? (
                <a href={person.website} rel="noopener noreferrer">
                  {person.website}
                </a>
              ) : null,
            ],
            [
              t("affiliations"),
              person.affiliations.length > 0 ? (
                <ul className="plain">
                  {person.affiliations.map(({ organisation, role }) => (
                    <li key={organisation.id}>
                      <Link to={organisationPath(organisation.id)}>{organisation.name}</Link>
                      {role ? <span className="meta"> · {role}</span> : null}
                    </li>
                  ))}
                </ul>
              ) : (
                t("noAffiliations")
              ),
            ],
            [
              t("mentoring"),
              person.mentoring.length > 0 ? person.mentoring.map((programme) => programme.name).join(", ") : null,
            ],
          ]}
        />
        <h3>{t("skills")}</h3>
        {person.skills.length > 0 ? (
          <Tags values={person.skills} label={t("skills")} />
        ) : (
          <p className="meta">{t("noSkills")}</p>
        )}
      </section>
      <IntroductionRequest personId={person.id} name={person.name} />
      {text ? (
        <>
          <SuggestedPartners source={{ text }} />
          <SuggestedCalls source={{ text }} />
        </>
      ) : (
        <p className="meta">{t("noText")}</p>
      )}
    </Page>
  );
}
