// Names of the API's enumerations and codes in the chosen language: organisation kinds,
// call statuses, person roles, consortium roles, project roles and countries.
import { useCallback, useMemo } from "react";

import { defineMessages, useFormats, useMessages } from "../../i18n";
import { KIND_NAMES } from "../../organisationKinds";

export { ORGANISATION_KINDS } from "../../organisationKinds";
export type { OrganisationKind } from "../../organisationKinds";

export const CALL_STATUSES = ["OPEN", "FORTHCOMING", "CLOSED"] as const;
export type CallStatus = (typeof CALL_STATUSES)[number];

/** EU members and the other countries the hub's organisations come from, as EU codes. */
export const COUNTRY_CODES = [
  "AT", "BE", "BG", "CY", "CZ", "DE", "DK", "EE", "EL", "ES", "FI", "FR", "HR", "HU",
  "IE", "IT", "LT", "LU", "LV", "MT", "NL", "PL", "PT", "RO", "SE", "SI", "SK",
  "AL", "CH", "IS", "MK", "NO", "RS", "TR", "UK",
] as const;

const statusMessages = defineMessages({
  en: { OPEN: "Open", FORTHCOMING: "Forthcoming", CLOSED: "Closed" },
  el: { OPEN: "Ανοιχτή", FORTHCOMING: "Προσεχής", CLOSED: "Κλειστή" },
});

const personRoleMessages = defineMessages({
  en: { RESEARCHER: "Researcher", MENTOR: "Mentor", FOUNDER: "Founder", OFFICIAL: "Public official" },
  el: { RESEARCHER: "Ερευνητής/τρια", MENTOR: "Μέντορας", FOUNDER: "Ιδρυτής/τρια", OFFICIAL: "Στέλεχος δημόσιου φορέα" },
});

/** The consortium roles `suggestConsortium` names (in English words). */
const consortiumRoleMessages = defineMessages({
  en: {
    university: "university",
    "research organisation": "research organisation",
    company: "company",
    "public body": "public body",
    "other organisation": "other organisation",
  },
  el: {
    university: "πανεπιστήμιο",
    "research organisation": "ερευνητικός οργανισμός",
    company: "επιχείρηση",
    "public body": "δημόσιος φορέας",
    "other organisation": "άλλος οργανισμός",
  },
});

const projectRoleMessages = defineMessages({
  en: {
    coordinator: "coordinator",
    participant: "participant",
    associatedPartner: "associated partner",
    thirdParty: "third party",
  },
  el: {
    coordinator: "συντονιστής",
    participant: "εταίρος",
    associatedPartner: "συνδεδεμένος εταίρος",
    thirdParty: "τρίτο μέρος",
  },
});

/** The consortium role of an organisation kind, as the hub's ranking assigns it. */
export type ConsortiumRole = keyof (typeof consortiumRoleMessages)["en"];
export const REQUIRED_ROLES: readonly ConsortiumRole[] = [
  "university",
  "research organisation",
  "company",
  "public body",
];
export const MIN_COUNTRIES = 3;

export function consortiumRoleOf(kind: string): ConsortiumRole {
  switch (kind) {
    case "UNIVERSITY":
      return "university";
    case "RESEARCH_LAB":
      return "research organisation";
    case "STARTUP":
    case "SME":
    case "LARGE_COMPANY":
      return "company";
    case "PUBLIC_BODY":
      return "public body";
    default:
      return "other organisation";
  }
}

function lookup<K extends string>(translate: (key: K) => string, keys: object) {
  return (value: string): string => (value in keys ? translate(value as K) : value);
}

export interface Labels {
  kind: (kind: string) => string;
  status: (status: string) => string;
  personRole: (role: string) => string;
  consortiumRole: (role: string) => string;
  projectRole: (role: string) => string;
  country: (code: string) => string;
}

export function useLabels(): Labels {
  const kind = useMessages(KIND_NAMES);
  const status = useMessages(statusMessages);
  const personRole = useMessages(personRoleMessages);
  const consortiumRole = useMessages(consortiumRoleMessages);
  const projectRole = useMessages(projectRoleMessages);
  const country = useCountryName();
  return useMemo(
    () => ({
      kind: lookup(kind, KIND_NAMES.en),
      status: lookup(status, statusMessages.en),
      personRole: lookup(personRole, personRoleMessages.en),
      consortiumRole: lookup(consortiumRole, consortiumRoleMessages.en),
      projectRole: lookup(projectRole, projectRoleMessages.en),
      country,
    }),
    [kind, status, personRole, consortiumRole, projectRole, country],
  );
}

/** EU country codes (EL for Greece, UK) as country names in the chosen locale. */
export function useCountryName(): (code: string) => string {
  const { locale } = useFormats();
  const names = useMemo(() => new Intl.DisplayNames([locale], { type: "region" }), [locale]);
  return useCallback(
    (code: string) => {
      const iso = code === "EL" ? "GR" : code === "UK" ? "GB" : code;
      try {
        return names.of(iso) ?? code;
      } catch {
        return code;
      }
    },
    [names],
  );
}
