// An organisation's profile: who it is, its ties in the ecosystem, and suggested partners
// and funding calls with the reasons for each.
import { Link, useParams } from "react-router-dom";

import { Facts, Tags } from "../components/discovery/Facts";
import { useLabels } from "../components/discovery/labels";
import { LocalText } from "../components/discovery/LocalText";
import { SuggestedCalls, SuggestedPartners } from "../components/discovery/SuggestionSections";
import { callPath } from "../components/discovery/types";
import { LoadNode } from "../components/discovery/LoadNode";
import { Page } from "../components/Page";
import { defineMessages, useFormats, useMessages } from "../i18n";
import type { Localized } from "../i18n";
import { useSession } from "../session";
import "../discovery.css";

const messages = defineMessages({
  en: {
    loading: "Loading the organisation…",
    notFound: "Organisation not found",
    notFoundBody: "There is no organisation at this address. It may have been removed.",
    search: "Search the ecosystem",
    explore: "Explore its network",
    about: "About",
    kind: "Kind",
    place: "Location",
    website: "Website",
    pic: "PIC (EU participant code)",
    shortName: "Short name",
    sectors: "Sectors",
    offered: "Capabilities offered",
    needed: "Capabilities needed",
    none: "None listed.",
    ties: "Networks and programmes",
    networks: "Networks",
    since: "since {year}",
    programmes: "Programmes",
    runs: "Runs",
    cohort: "cohort {cohort}",
    noTies: "No networks or programmes recorded.",
    people: "People",
    noPeople: "No one affiliated with it has a public profile.",
    projects: "Funded projects",
    noProjects: "No funded projects recorded.",
    projectsCaption: "Funded projects and its role in each",
    project: "Project",
    role: "Role",
    period: "Period",
    call: "Call",
    owner: "You are an owner of this organisation on the hub.",
    member: "You are a member of this organisation on the hub.",
  },
  el: {
    loading: "Φόρτωση του οργανισμού…",
    notFound: "Ο οργανισμός δεν βρέθηκε",
    notFoundBody: "Δεν υπάρχει οργανισμός σε αυτή τη διεύθυνση. Ίσως έχει αφαιρεθεί.",
    search: "Αναζήτηση στο οικοσύστημα",
    explore: "Εξερεύνηση του δικτύου του",
    about: "Σχετικά",
    kind: "Τύπος",
    place: "Τοποθεσία",
    website: "Ιστότοπος",
    pic: "PIC (κωδικός συμμετέχοντα ΕΕ)",
    shortName: "Σύντομο όνομα",
    sectors: "Τομείς",
    offered: "Δυνατότητες που προσφέρει",
    needed: "Δυνατότητες που χρειάζεται",
    none: "Δεν έχουν καταγραφεί.",
    ties: "Δίκτυα και προγράμματα",
    networks: "Δίκτυα",
    since: "από το {year}",
    programmes: "Προγράμματα",
    runs: "Διοργανώνει",
    cohort: "κύκλος {cohort}",
    noTies: "Δεν έχουν καταγραφεί δίκτυα ή προγράμματα.",
    people: "Άνθρωποι",
    noPeople: "Κανείς από όσους συνδέονται μαζί του δεν έχει δημόσιο προφίλ.",
    projects: "Χρηματοδοτούμενα έργα",
    noProjects: "Δεν έχουν καταγραφεί χρηματοδοτούμενα έργα.",
    projectsCaption: "Χρηματοδοτούμενα έργα και ο ρόλος του στο καθένα",
    project: "Έργο",
    role: "Ρόλος",
    period: "Περίοδος",
    call: "Πρόσκληση",
    owner: "Είστε ιδιοκτήτης αυτού του οργανισμού στον κόμβο.",
    member: "Είστε μέλος αυτού του οργανισμού στον κόμβο.",
  },
});

interface ProgrammeTie {
  programme: { id: string; name: string };
  cohort: string | null;
}

interface OrganisationProfile {
  id: string;
  name: string;
  shortName: string | null;
  kind: string;
  description: Localized | null;
  sectors: string[];
  capabilitiesOffered: string[];
  capabilitiesNeeded: string[];
  city: string | null;
  country: string | null;
  website: string | null;
  pic: string | null;
  networks: { network: { id: string; name: string }; since: number | null }[];
  programmes: ProgrammeTie[];
  runsProgrammes: ProgrammeTie[];
  people: { person: { id: string; name: string }; role: string | null }[];
  projects: {
    project: {
      id: string;
      acronym: string | null;
      title: Localized | null;
      programme: string | null;
      startDate: string | null;
      endDate: string | null;
      fundingCall: { id: string; identifier: string } | null;
    };
    role: string | null;
  }[];
}

const ORGANISATION = `query Organisation($id: ID!) {
  organisation(id: $id) {
    id name shortName kind description { el en } sectors capabilitiesOffered capabilitiesNeeded
    city country website pic
    networks { network { id name } since }
    programmes { programme { id name } cohort }
    runsProgrammes { programme { id name } cohort }
    people { person { id name } role }
    projects {
      role
      project { id acronym title { el en } programme startDate endDate fundingCall { id identifier } }
    }
  }
}`;

export function OrganisationPage() {
  const t = useMessages(messages);
  const id = useParams().id ?? "";
  return (
    <LoadNode<OrganisationProfile>
      query={ORGANISATION}
      id={id}
      field="organisation"
      back="/"
      texts={{
        loading: t("loading"),
        notFound: t("notFound"),
        notFoundBody: t("notFoundBody"),
        back: t("search"),
      }}
      render={(organisation) => <OrganisationProfileView organisation={organisation} />}
    />
  );
}

function OrganisationProfileView({ organisation }: { organisation: OrganisationProfile }) {
  const t = useMessages(messages);
  const labels = useLabels();
  const place = [organisation.city, organisation.country ? labels.country(organisation.country) : null]
    .filter(Boolean)
    .join(", ");
  return (
    <Page
      title={organisation.name}
      intro={organisation.description ? <p><LocalText value={organisation.description} /></p> : undefined}
      actions={
        <Link className="button secondary" to={`/explorer?from=${encodeURIComponent(organisation.id)}`}>
          {t("explore")}
        </Link>
      }
    >
      <YourPart organisationId={organisation.id} />
      <section aria-labelledby="about">
        <h2 id="about">{t("about")}</h2>
        <Facts
          items={[
            [t("kind"), labels.kind(organisation.kind)],
            [t("shortName"), organisation.shortName],
            [t("place"), place],
            [
              t("website"),
              organisation.website ? (
                <a href={organisation.website} rel="noopener noreferrer">
                  {organisation.website}
                </a>
              ) : null,
            ],
            [t("pic"), organisation.pic],
          ]}
        />
        <div className="columns">
          <TagBlock title={t("sectors")} values={organisation.sectors} />
          <TagBlock title={t("offered")} values={organisation.capabilitiesOffered} />
          <TagBlock title={t("needed")} values={organisation.capabilitiesNeeded} />
        </div>
      </section>
      <Ties organisation={organisation} />
      <People organisation={organisation} />
      <Projects organisation={organisation} />
      <SuggestedPartners source={{ organisationId: organisation.id }} />
      <SuggestedCalls source={{ organisationId: organisation.id }} />
    </Page>
  );
}

/** For a signed-in owner or member: their part in the organisation. */
function YourPart({ organisationId }: { organisationId: string }) {
  const t = useMessages(messages);
  const { account } = useSession();
  const grant = account?.organisations.find((given) => given.organisationId === organisationId);
  if (!grant) return null;
  return <p className="status success">{grant.roles.includes("OWNER") ? t("owner") : t("member")}</p>;
}

function TagBlock({ title, values }: { title: string; values: string[] }) {
  const t = useMessages(messages);
  return (
    <div>
      <h3>{title}</h3>
      {values.length > 0 ? <Tags values={values} label={title} /> : <p className="meta">{t("none")}</p>}
    </div>
  );
}

function Ties({ organisation }: { organisation: OrganisationProfile }) {
  const t = useMessages(messages);
  const programme = (tie: ProgrammeTie) =>
    tie.cohort ? `${tie.programme.name} (${t("cohort", { cohort: tie.cohort })})` : tie.programme.name;
  const empty =
    organisation.networks.length + organisation.programmes.length + organisation.runsProgrammes.length === 0;
  return (
    <section aria-labelledby="ties">
      <h2 id="ties">{t("ties")}</h2>
      {empty ? <p className="meta">{t("noTies")}</p> : null}
      <Facts
        items={[
          [
            t("networks"),
            organisation.networks.length > 0 ? (
              <ul className="plain">
                {organisation.networks.map(({ network, since }) => (
                  <li key={network.id}>
                    {network.name}
                    {since ? ` (${t("since", { year: since })})` : ""}
                  </li>
                ))}
              </ul>
            ) : null,
          ],
          [
            t("programmes"),
            organisation.programmes.length > 0 ? (
              <ul className="plain">
                {organisation.programmes.map((tie) => (
                  <li key={`${tie.programme.id}-${tie.cohort ?? ""}`}>{programme(tie)}</li>
                ))}
              </ul>
            ) : null,
          ],
          [
            t("runs"),
            organisation.runsProgrammes.length > 0 ? (
              <ul className="plain">
                {organisation.runsProgrammes.map((tie) => (
                  <li key={tie.programme.id}>{tie.programme.name}</li>
                ))}
              </ul>
            ) : null,
          ],
        ]}
      />
    </section>
  );
}

function People({ organisation }: { organisation: OrganisationProfile }) {
  const t = useMessages(messages);
  return (
    <section aria-labelledby="people">
      <h2 id="people">{t("people")}</h2>
      {organisation.people.length === 0 ? (
        <p className="meta">{t("noPeople")}</p>
      ) : (
        <ul className="plain people">
          {organisation.people.map(({ person, role }) => (
            <li key={person.id}>
              <Link to={`/people/${encodeURIComponent(person.id)}`}>{person.name}</Link>
              {role ? <span className="meta"> · {role}</span> : null}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function Projects({ organisation }: { organisation: OrganisationProfile }) {
  const t = useMessages(messages);
  const fmt = useFormats();
  const labels = useLabels();
  return (
    <section aria-labelledby="projects">
      <h2 id="projects">{t("projects")}</h2>
      {organisation.projects.length === 0 ? (
        <p className="meta">{t("noProjects")}</p>
      ) : (
        <table>
          <caption className="visually-hidden">{t("projectsCaption")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("project")}</th>
              <th scope="col">{t("role")}</th>
              <th scope="col">{t("period")}</th>
              <th scope="col">{t("call")}</th>
            </tr>
          </thead>
          <tbody>
            {organisation.projects.map(({ project, role }) => (
              <tr key={project.id}>
                <td>
                  {project.acronym ? <strong>{project.acronym}</strong> : null}
                  {project.acronym && project.title ? " – " : null}
                  <LocalText value={project.title} />
                  {project.programme ? <span className="meta"> · {project.programme}</span> : null}
                </td>
                <td>{role ? labels.projectRole(role) : ""}</td>
                <td>
                  {[fmt.date(project.startDate), fmt.date(project.endDate)].filter(Boolean).join(" – ")}
                </td>
                <td>
                  {project.fundingCall ? (
                    <Link to={callPath(project.fundingCall.id)}>{project.fundingCall.identifier}</Link>
                  ) : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
