// The "Suggested partners" and "Suggested funding calls" sections of a profile, for an
// organisation or for a profile's own words, each with its filters and states.
import { useState } from "react";

import { defineMessages, useMessages } from "../../i18n";
import { useQuery } from "../../useQuery";
import { Empty, ErrorNotice, Loading } from "../Status";
import { SuggestionFilters, NO_FILTER, callFilter, partnerFilter } from "./SuggestionFilters";
import type { SuggestionFilterState } from "./SuggestionFilters";
import { CallSuggestionList, PartnerSuggestionList } from "./SuggestionList";
import type { CallSuggestionData, PartnerSuggestionData } from "./types";
import { CALL_SUGGESTION, PARTNER_SUGGESTION } from "./types";

const messages = defineMessages({
  en: {
    partners: "Suggested partners",
    partnersIntro: "Organisations whose work is close to this profile, with the reasons for each.",
    partnerFilters: "Filter the suggested partners",
    noPartners: "No organisation matches these filters. Try other kinds or another country.",
    calls: "Suggested funding calls",
    callsIntro: "Calls that fit this profile, whether it may apply, and why.",
    callFilters: "Filter the suggested calls",
    noCalls: "No funding call matches these filters. Try including closed calls or another country.",
    loadingPartners: "Finding partners… the first suggestions may take a few seconds.",
    loadingCalls: "Finding funding calls… the first suggestions may take a few seconds.",
  },
  el: {
    partners: "Προτεινόμενοι συνεργάτες",
    partnersIntro: "Οργανισμοί με δουλειά κοντά σε αυτό το προφίλ, με τους λόγους για τον καθένα.",
    partnerFilters: "Φιλτράρισμα προτεινόμενων συνεργατών",
    noPartners: "Κανένας οργανισμός δεν ταιριάζει με αυτά τα φίλτρα. Δοκιμάστε άλλους τύπους ή άλλη χώρα.",
    calls: "Προτεινόμενες προσκλήσεις χρηματοδότησης",
    callsIntro: "Προσκλήσεις που ταιριάζουν σε αυτό το προφίλ, αν μπορεί να υποβάλει πρόταση, και γιατί.",
    callFilters: "Φιλτράρισμα προτεινόμενων προσκλήσεων",
    noCalls: "Καμία πρόσκληση δεν ταιριάζει με αυτά τα φίλτρα. Δοκιμάστε να συμπεριλάβετε τις κλειστές ή άλλη χώρα.",
    loadingPartners: "Αναζήτηση συνεργατών… οι πρώτες προτάσεις μπορεί να αργήσουν λίγα δευτερόλεπτα.",
    loadingCalls: "Αναζήτηση προσκλήσεων… οι πρώτες προτάσεις μπορεί να αργήσουν λίγα δευτερόλεπτα.",
  },
});

/** Whose suggestions: an organisation's, or those for a text (a person's profile). */
export type SuggestionSource = { organisationId: string } | { text: string };

const SUGGEST_PARTNERS = `query SuggestPartners($organisationId: ID, $text: String, $filter: SuggestedPartnerFilter) {
  suggestPartners(organisationId: $organisationId, text: $text, first: 6, filter: $filter) {
    items { ${PARTNER_SUGGESTION} }
  }
}`;

const SUGGEST_CALLS = `query SuggestCalls($organisationId: ID, $text: String, $filter: SuggestedCallFilter) {
  suggestFundingCalls(organisationId: $organisationId, text: $text, first: 6, filter: $filter) {
    items { ${CALL_SUGGESTION} }
  }
}`;

export function SuggestedPartners({ source }: { source: SuggestionSource }) {
  const t = useMessages(messages);
  const [filters, setFilters] = useState<SuggestionFilterState>(NO_FILTER);
  const { data, error, loading, reload } = useQuery<{ suggestPartners: { items: PartnerSuggestionData[] } }>(
    SUGGEST_PARTNERS,
    { ...source, filter: partnerFilter(filters) },
  );
  return (
    <section aria-labelledby="suggested-partners">
      <h2 id="suggested-partners">{t("partners")}</h2>
      <p className="meta">{t("partnersIntro")}</p>
      <SuggestionFilters value={filters} onChange={setFilters} legend={t("partnerFilters")} />
      {loading ? (
        <Loading label={t("loadingPartners")} />
      ) : error ? (
        <ErrorNotice error={error} onRetry={reload} />
      ) : data && data.suggestPartners.items.length > 0 ? (
        <PartnerSuggestionList items={data.suggestPartners.items} />
      ) : (
        <Empty>{t("noPartners")}</Empty>
      )}
    </section>
  );
}

export function SuggestedCalls({ source }: { source: SuggestionSource }) {
  const t = useMessages(messages);
  const [filters, setFilters] = useState<SuggestionFilterState>(NO_FILTER);
  const { data, error, loading, reload } = useQuery<{ suggestFundingCalls: { items: CallSuggestionData[] } }>(
    SUGGEST_CALLS,
    { ...source, filter: callFilter(filters) },
  );
  return (
    <section aria-labelledby="suggested-calls">
      <h2 id="suggested-calls">{t("calls")}</h2>
      <p className="meta">{t("callsIntro")}</p>
      <SuggestionFilters value={filters} onChange={setFilters} legend={t("callFilters")} withClosed />
      {loading ? (
        <Loading label={t("loadingCalls")} />
      ) : error ? (
        <ErrorNotice error={error} onRetry={reload} />
      ) : data && data.suggestFundingCalls.items.length > 0 ? (
        <CallSuggestionList items={data.suggestFundingCalls.items} />
      ) : (
        <Empty>{t("noCalls")}</Empty>
      )}
    </section>
  );
}
