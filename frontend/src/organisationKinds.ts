// The hub's organisation kinds and their names in both languages (one list for every page).
import { defineMessages } from "./i18n";

export const ORGANISATION_KINDS = [
  "STARTUP",
  "SME",
  "LARGE_COMPANY",
  "UNIVERSITY",
  "RESEARCH_LAB",
  "PUBLIC_BODY",
  "INCUBATOR",
  "INVESTOR",
  "EU_NETWORK",
  "NGO",
] as const;
export type OrganisationKind = (typeof ORGANISATION_KINDS)[number];

export const KIND_NAMES = defineMessages({
  en: {
    STARTUP: "Startup",
    SME: "SME",
    LARGE_COMPANY: "Large company",
    UNIVERSITY: "University",
    RESEARCH_LAB: "Research lab",
    PUBLIC_BODY: "Public body",
    INCUBATOR: "Incubator",
    INVESTOR: "Investor",
    EU_NETWORK: "EU network",
    NGO: "NGO",
  },
  el: {
    STARTUP: "Νεοφυής επιχείρηση",
    SME: "ΜμΕ",
    LARGE_COMPANY: "Μεγάλη επιχείρηση",
    UNIVERSITY: "Πανεπιστήμιο",
    RESEARCH_LAB: "Ερευνητικό εργαστήριο",
    PUBLIC_BODY: "Δημόσιος φορέας",
    INCUBATOR: "Θερμοκοιτίδα",
    INVESTOR: "Επενδυτής",
    EU_NETWORK: "Ευρωπαϊκό δίκτυο",
    NGO: "ΜΚΟ",
  },
});
