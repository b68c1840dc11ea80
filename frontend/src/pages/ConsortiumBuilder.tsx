// Building a consortium for a funding call: ranked organisations with reasons, what the
// suggested consortium still lacks, and a shortlist (kept in this browser) with its coverage
// of kinds and countries, downloadable as CSV.
import { useState } from "react";
import { Link, useParams } from "react-router-dom";

import { CallStatusBadge } from "../components/discovery/CallStatusBadge";
import { consortiumRoleOf, MIN_COUNTRIES, REQUIRED_ROLES, useLabels } from "../components/discovery/labels";
import { LocalText } from "../components/discovery/LocalText";
import { download, toCsv, useShortlist } from "../components/discovery/shortlist";
import type { Shortlist } from "../components/discovery/shortlist";
import { NO_FILTER, partnerFilter, SuggestionFilters } from "../components/discovery/SuggestionFilters";
import type { SuggestionFilterState } from "../components/discovery/SuggestionFilters";
import { OrganisationMeta, PartnerSuggestionCard } from "../components/discovery/SuggestionList";
import type { CallSummary, PartnerSuggestionData } from "../components/discovery/types";
import { CALL_SUMMARY, PARTNER_SUGGESTION, callPath, organisationPath } from "../components/discovery/types";
import { LoadNode } from "../components/discovery/LoadNode";
import { Page } from "../components/Page";
import { Empty, ErrorNotice, Loading } from "../components/Status";
import { defineMessages, useFormats, useMessages } from "../i18n";
import { useQuery } from "../useQuery";
import "../discovery.css";

const messages = defineMessages({
  en: {
    title: "Build a consortium",
    titleFor: "Consortium for {call}",
    loading: "Loading the call…",
    notFound: "Funding call not found",
    notFoundBody: "There is no funding call at this address, so no consortium can be built for it.",
    allCalls: "All funding calls",
    back: "Back to the call",
    intro:
      "Organisations ranked for this call, with complementary kinds first. Add the ones you would approach to your shortlist: it stays in this browser.",
    suggestions: "Suggested organisations",
    filters: "Filter the suggestions",
    finding: "Putting a consortium together… the first suggestions may take a few seconds.",
    none: "No organisation matches these filters. Try other kinds or another country.",
    lacks: "What the suggested consortium lacks",
    lacksIntro: "Its top {size} organisations cover:",
    covers: "Covers",
    missingKinds: "Still missing",
    allKinds: "All the usual roles (university, research organisation, company, public body) are covered.",
    moreCountries: "{count} more countries needed (at least {min} in all).",
    oneMoreCountry: "1 more country needed (at least {min} in all).",
    enoughCountries: "Enough countries ({count}).",
    countries: "Countries",
    add: "Add to shortlist",
    addNamed: "Add to shortlist: {name}",
    remove: "Remove from shortlist",
    removeNamed: "Remove from shortlist: {name}",
    shortlist: "Your shortlist",
    shortlistEmpty: "Your shortlist is empty. Add organisations from the suggestions.",
    shortlistCount: "{count} organisations",
    shortlistOne: "1 organisation",
    coverage: "Coverage of the shortlist",
    roleCovered: "covered",
    roleMissing: "missing",
    countryCoverage: "{count} of at least {min} countries",
    download: "Download as CSV",
    clear: "Empty the shortlist",
    csvName: "Name",
    csvKind: "Kind",
    csvRole: "Role in the consortium",
    csvCity: "City",
    csvCountry: "Country",
    csvProfile: "Profile",
    csvWhy: "Why suggested",
  },
  el: {
    title: "Συγκρότηση κοινοπραξίας",
    titleFor: "Κοινοπραξία για {call}",
    loading: "Φόρτωση της πρόσκλησης…",
    notFound: "Η πρόσκληση δεν βρέθηκε",
    notFoundBody: "Δεν υπάρχει πρόσκληση χρηματοδότησης σε αυτή τη διεύθυνση, οπότε δεν μπορεί να συγκροτηθεί κοινοπραξία.",
    allCalls: "Όλες οι προσκλήσεις",
    back: "Επιστροφή στην πρόσκληση",
    intro:
      "Οργανισμοί κατά σειρά καταλληλότητας για την πρόσκληση, με συμπληρωματικούς τύπους πρώτα. Προσθέστε όσους θα προσεγγίζατε στη λίστα σας: μένει σε αυτόν τον φυλλομετρητή.",
    suggestions: "Προτεινόμενοι οργανισμοί",
    filters: "Φιλτράρισμα των προτάσεων",
    finding: "Συγκρότηση κοινοπραξίας… οι πρώτες προτάσεις μπορεί να αργήσουν λίγα δευτερόλεπτα.",
    none: "Κανένας οργανισμός δεν ταιριάζει με αυτά τα φίλτρα. Δοκιμάστε άλλους τύπους ή άλλη χώρα.",
    lacks: "Τι λείπει από την προτεινόμενη κοινοπραξία",
    lacksIntro: "Οι πρώτοι {size} οργανισμοί της καλύπτουν:",
    covers: "Καλύπτει",
    missingKinds: "Λείπουν ακόμη",
    allKinds: "Καλύπτονται όλοι οι συνήθεις ρόλοι (πανεπιστήμιο, ερευνητικός οργανισμός, επιχείρηση, δημόσιος φορέας).",
    moreCountries: "Χρειάζονται {count} ακόμη χώρες (τουλάχιστον {min} συνολικά).",
    oneMoreCountry: "Χρειάζεται 1 ακόμη χώρα (τουλάχιστον {min} συνολικά).",
    enoughCountries: "Αρκετές χώρες ({count}).",
    countries: "Χώρες",
    add: "Προσθήκη στη λίστα",
    addNamed: "Προσθήκη στη λίστα: {name}",
    remove: "Αφαίρεση από τη λίστα",
    removeNamed: "Αφαίρεση από τη λίστα: {name}",
    shortlist: "Η λίστα σας",
    shortlistEmpty: "Η λίστα σας είναι κενή. Προσθέστε οργανισμούς από τις προτάσεις.",
    shortlistCount: "{count} οργανισμοί",
    shortlistOne: "1 οργανισμός",
    coverage: "Κάλυψη της λίστας",
    roleCovered: "καλύπτεται",
    roleMissing: "λείπει",
    countryCoverage: "{count} από τουλάχιστον {min} χώρες",
    download: "Λήψη ως CSV",
    clear: "Άδειασμα της λίστας",
    csvName: "Όνομα",
    csvKind: "Τύπος",
    csvRole: "Ρόλος στην κοινοπραξία",
    csvCity: "Πόλη",
    csvCountry: "Χώρα",
    csvProfile: "Προφίλ",
    csvWhy: "Γιατί προτάθηκε",
  },
});

const CORE_SIZE = 10;

const CALL = `query ConsortiumCall($id: ID!) { fundingCall(id: $id) { ${CALL_SUMMARY} } }`;

const CONSORTIUM = `query Consortium($id: ID!, $filter: SuggestedPartnerFilter) {
  suggestConsortium(fundingCallId: $id, first: 20, filter: $filter) {
    kinds countries missingKinds missingCountries
    items { ${PARTNER_SUGGESTION} }
  }
}`;

interface ConsortiumData {
  suggestConsortium: {
    kinds: string[];
    countries: string[];
    missingKinds: string[];
    missingCountries: number;
    items: PartnerSuggestionData[];
  };
}

export function ConsortiumBuilder() {
  const t = useMessages(messages);
  const id = useParams().id ?? "";
  return (
    <LoadNode<CallSummary>
      query={CALL}
      id={id}
      field="fundingCall"
      back="/calls"
      texts={{
        loading: t("loading"),
        notFound: t("notFound"),
        notFoundBody: t("notFoundBody"),
        back: t("allCalls"),
        failed: t("title"),
      }}
      render={(call) => <Builder call={call} />}
    />
  );
}

function Builder({ call }: { call: CallSummary }) {
  const t = useMessages(messages);
  const shortlist = useShortlist(call.id);
  const [filters, setFilters] = useState<SuggestionFilterState>(NO_FILTER);
  const consortium = useQuery<ConsortiumData>(CONSORTIUM, { id: call.id, filter: partnerFilter(filters) });
  return (
    <Page
      title={t("titleFor", { call: call.identifier })}
      intro={
        <>
          <p>
            <Link to={callPath(call.id)}><LocalText value={call.title} /></Link> <CallStatusBadge status={call.status} />
          </p>
          <p>{t("intro")}</p>
        </>
      }
      actions={
        <Link className="button secondary" to={callPath(call.id)}>
          {t("back")}
        </Link>
      }
    >
      <div className="consortium-layout">
        <div>
          {consortium.data ? <Lacks data={consortium.data} /> : null}
          <section aria-labelledby="consortium-suggestions">
            <h2 id="consortium-suggestions">{t("suggestions")}</h2>
            <SuggestionFilters value={filters} onChange={setFilters} legend={t("filters")} />
            {consortium.loading ? (
              <Loading label={t("finding")} />
            ) : consortium.error ? (
              <ErrorNotice error={consortium.error} onRetry={consortium.reload} />
            ) : consortium.data && consortium.data.suggestConsortium.items.length > 0 ? (
              <ol className="cards suggestions">
                {consortium.data.suggestConsortium.items.map((item) => (
                  <PartnerSuggestionCard key={item.organisation.id} item={item}>
                    <ShortlistToggle item={item} shortlist={shortlist} />
                  </PartnerSuggestionCard>
                ))}
              </ol>
            ) : (
              <Empty>{t("none")}</Empty>
            )}
          </section>
        </div>
        <ShortlistPanel call={call} shortlist={shortlist} />
      </div>
    </Page>
  );
}

function ShortlistToggle({ item, shortlist }: { item: PartnerSuggestionData; shortlist: Shortlist }) {
  const t = useMessages(messages);
  const name = item.organisation.name;
  return shortlist.has(item.organisation.id) ? (
    <button
      type="button"
      className="secondary"
      aria-label={t("removeNamed", { name })}
      onClick={() => shortlist.remove(item.organisation.id)}
    >
      {t("remove")}
    </button>
  ) : (
    <button
      type="button"
      aria-label={t("addNamed", { name })}
      onClick={() => shortlist.add({ ...item.organisation, explanation: item.explanation })}
    >
      {t("add")}
    </button>
  );
}

function Lacks({ data }: { data: ConsortiumData }) {
  const t = useMessages(messages);
  const labels = useLabels();
  const found = data.suggestConsortium;
  return (
    <section aria-labelledby="lacks" className="lacks">
      <h2 id="lacks">{t("lacks")}</h2>
      <p>{t("lacksIntro", { size: CORE_SIZE })}</p>
      <dl className="facts">
        <div>
          <dt>{t("covers")}</dt>
          <dd>{found.kinds.map(labels.consortiumRole).join(", ")}</dd>
        </div>
        <div>
          <dt>{t("missingKinds")}</dt>
          <dd>
            {found.missingKinds.length > 0 ? found.missingKinds.map(labels.consortiumRole).join(", ") : t("allKinds")}
          </dd>
        </div>
        <div>
          <dt>{t("countries")}</dt>
          <dd>
            {found.countries.map(labels.country).join(", ")}
            {". "}
            {found.missingCountries === 0
              ? t("enoughCountries", { count: found.countries.length })
              : found.missingCountries === 1
                ? t("oneMoreCountry", { min: MIN_COUNTRIES })
                : t("moreCountries", { count: found.missingCountries, min: MIN_COUNTRIES })}
          </dd>
        </div>
      </dl>
    </section>
  );
}

function ShortlistPanel({ call, shortlist }: { call: CallSummary; shortlist: Shortlist }) {
  const t = useMessages(messages);
  const labels = useLabels();
  const fmt = useFormats();
  const entries = shortlist.entries;
  const roles = new Set(entries.map((entry) => consortiumRoleOf(entry.kind)));
  const countries = [...new Set(entries.map((entry) => entry.country).filter((c): c is string => Boolean(c)))];
  const downloadCsv = () => {
    const header = [t("csvName"), t("csvKind"), t("csvRole"), t("csvCity"), t("csvCountry"), t("csvProfile"), t("csvWhy")];
    const rows = entries.map((entry) => [
      entry.name,
      labels.kind(entry.kind),
      labels.consortiumRole(consortiumRoleOf(entry.kind)),
      entry.city ?? "",
      entry.country ? labels.country(entry.country) : "",
      window.location.origin + organisationPath(entry.id),
      entry.explanation,
    ]);
    download(`consortium-${call.identifier}.csv`, toCsv(header, rows));
  };
  return (
    <aside aria-labelledby="shortlist" className="shortlist">
      <h2 id="shortlist">{t("shortlist")}</h2>
      {entries.length === 0 ? (
        <Empty>{t("shortlistEmpty")}</Empty>
      ) : (
        <>
          <p className="meta">
            {entries.length === 1 ? t("shortlistOne") : t("shortlistCount", { count: fmt.number(entries.length) })}
          </p>
          <ul className="plain shortlist-entries">
            {entries.map((entry) => (
              <li key={entry.id}>
                <Link to={organisationPath(entry.id)}>{entry.name}</Link>
                <OrganisationMeta organisation={entry} />
                <button
                  type="button"
                  className="secondary small"
                  aria-label={t("removeNamed", { name: entry.name })}
                  onClick={() => shortlist.remove(entry.id)}
                >
                  {t("remove")}
                </button>
              </li>
            ))}
          </ul>
        </>
      )}
      <h3>{t("coverage")}</h3>
      <ul className="plain coverage">
        {REQUIRED_ROLES.map((role) => (
          <li key={role}>
            <span className={`badge ${roles.has(role) ? "ok" : "bad"}`}>
              {roles.has(role) ? `✓ ${t("roleCovered")}` : `✗ ${t("roleMissing")}`}
            </span>{" "}
            {labels.consortiumRole(role)}
          </li>
        ))}
        <li>
          <span className={`badge ${countries.length >= MIN_COUNTRIES ? "ok" : "bad"}`}>
            {countries.length >= MIN_COUNTRIES ? `✓ ${t("roleCovered")}` : `✗ ${t("roleMissing")}`}
          </span>{" "}
          {t("countryCoverage", { count: countries.length, min: MIN_COUNTRIES })}
          {countries.length > 0 ? ` (${countries.map(labels.country).join(", ")})` : ""}
        </li>
      </ul>
      {entries.length > 0 ? (
        <div className="form-actions">
          <button type="button" onClick={downloadCsv}>
            {t("download")}
          </button>
          <button type="button" className="secondary" onClick={shortlist.clear}>
            {t("clear")}
          </button>
        </div>
      ) : null}
    </aside>
  );
}
