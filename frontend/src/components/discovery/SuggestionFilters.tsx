// Narrowing suggestions: kinds of organisation, a country and, for calls, closed ones too.
import { useId } from "react";

import { defineMessages, useMessages } from "../../i18n";
import { COUNTRY_CODES, ORGANISATION_KINDS, useLabels } from "./labels";

const messages = defineMessages({
  en: {
    kinds: "Kinds of organisation",
    country: "Country",
    anyCountry: "Any country",
    includeClosed: "Include closed calls",
    clear: "Clear filters",
    active: "{count} active",
  },
  el: {
    kinds: "Τύποι οργανισμού",
    country: "Χώρα",
    anyCountry: "Οποιαδήποτε χώρα",
    includeClosed: "Να περιλαμβάνονται και οι κλειστές προσκλήσεις",
    clear: "Καθαρισμός φίλτρων",
    active: "ενεργά: {count}",
  },
});

export interface SuggestionFilterState {
  kinds: string[];
  country: string;
  includeClosed: boolean;
}

export const NO_FILTER: SuggestionFilterState = { kinds: [], country: "", includeClosed: false };

/** The GraphQL filter (SuggestedPartnerFilter or SuggestedCallFilter) for a state; null for none. */
export function partnerFilter(state: SuggestionFilterState): Record<string, unknown> | null {
  if (state.kinds.length === 0 && !state.country) return null;
  return {
    ...(state.kinds.length > 0 ? { kinds: state.kinds } : {}),
    ...(state.country ? { countries: [state.country] } : {}),
  };
}

export function callFilter(state: SuggestionFilterState): Record<string, unknown> {
  return { ...partnerFilter(state), includeClosed: state.includeClosed };
}

export function SuggestionFilters({
  value,
  onChange,
  legend,
  withClosed = false,
}: {
  value: SuggestionFilterState;
  onChange: (next: SuggestionFilterState) => void;
  legend: string;
  withClosed?: boolean;
}) {
  const t = useMessages(messages);
  const labels = useLabels();
  const countryId = useId();
  const closedId = useId();
  const toggleKind = (kind: string) =>
    onChange({
      ...value,
      kinds: value.kinds.includes(kind) ? value.kinds.filter((k) => k !== kind) : [...value.kinds, kind],
    });
  const active = value.kinds.length + (value.country ? 1 : 0) + (value.includeClosed ? 1 : 0);
  const countries = [...COUNTRY_CODES].sort((a, b) => labels.country(a).localeCompare(labels.country(b)));
  return (
    <details className="suggestion-filters">
      <summary>
        {legend}
        {active > 0 ? ` (${t("active", { count: active })})` : ""}
      </summary>
      <fieldset className="kind-choices">
        <legend>{t("kinds")}</legend>
        {ORGANISATION_KINDS.map((kind) => (
          <label key={kind} className="choice">
            <input type="checkbox" checked={value.kinds.includes(kind)} onChange={() => toggleKind(kind)} />{" "}
            {labels.kind(kind)}
          </label>
        ))}
      </fieldset>
      <div className="filter-row">
        <div className="field">
          <label htmlFor={countryId}>{t("country")}</label>
          <select id={countryId} value={value.country} onChange={(event) => onChange({ ...value, country: event.target.value })}>
            <option value="">{t("anyCountry")}</option>
            {countries.map((code) => (
              <option key={code} value={code}>
                {labels.country(code)}
              </option>
            ))}
          </select>
        </div>
        {withClosed ? (
          <div className="choice">
            <input
              id={closedId}
              type="checkbox"
              checked={value.includeClosed}
              onChange={(event) => onChange({ ...value, includeClosed: event.target.checked })}
            />{" "}
            <label htmlFor={closedId}>{t("includeClosed")}</label>
          </div>
        ) : null}
        <button type="button" className="secondary" onClick={() => onChange(NO_FILTER)}>
          {t("clear")}
        </button>
      </div>
    </details>
  );
}
