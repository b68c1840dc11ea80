// Names of the hub's enumerations (organisation kinds, pilot statuses, sectors) in both languages.
import type { Lang } from "../../i18n";
import { KIND_NAMES } from "../../organisationKinds";
import type { OrganisationKind } from "../../organisationKinds";

export { ORGANISATION_KINDS } from "../../organisationKinds";

export const PILOT_STATUSES = ["DRAFT", "OPEN", "IN_PROGRESS", "COMPLETED"] as const;
export type PilotStatus = (typeof PILOT_STATUSES)[number];

const STATUS_NAMES: Record<Lang, Record<PilotStatus, string>> = {
  en: { DRAFT: "Draft", OPEN: "Open", IN_PROGRESS: "In progress", COMPLETED: "Completed" },
  el: { DRAFT: "Πρόχειρο", OPEN: "Ανοικτό", IN_PROGRESS: "Σε εξέλιξη", COMPLETED: "Ολοκληρωμένο" },
};

const SECTOR_NAMES: Record<Lang, Record<string, string>> = {
  en: {
    ict: "ICT",
    agrifood: "Agrifood",
    "smart-city": "Smart city",
    ai: "Artificial intelligence",
    mobility: "Mobility",
    environment: "Environment",
    energy: "Energy",
    health: "Health",
    manufacturing: "Manufacturing",
    education: "Education",
    culture: "Culture",
    tourism: "Tourism",
    construction: "Construction",
    "open-data": "Open data",
    logistics: "Logistics",
    fintech: "Fintech",
    water: "Water",
    space: "Space",
    "blue-economy": "Blue economy",
    gaming: "Gaming",
  },
  el: {
    ict: "ΤΠΕ",
    agrifood: "Αγροδιατροφή",
    "smart-city": "Έξυπνη πόλη",
    ai: "Τεχνητή νοημοσύνη",
    mobility: "Κινητικότητα",
    environment: "Περιβάλλον",
    energy: "Ενέργεια",
    health: "Υγεία",
    manufacturing: "Μεταποίηση",
    education: "Εκπαίδευση",
    culture: "Πολιτισμός",
    tourism: "Τουρισμός",
    construction: "Κατασκευές",
    "open-data": "Ανοικτά δεδομένα",
    logistics: "Εφοδιαστική",
    fintech: "Χρηματοοικονομική τεχνολογία",
    water: "Νερό",
    space: "Διάστημα",
    "blue-economy": "Γαλάζια οικονομία",
    gaming: "Παιχνίδια",
  },
};

export function kindName(lang: Lang, kind: string): string {
  return KIND_NAMES[lang][kind as OrganisationKind] ?? kind;
}

export function statusName(lang: Lang, status: string): string {
  return STATUS_NAMES[lang][status as PilotStatus] ?? status;
}

/** A sector tag as people read it; unknown tags keep their own spelling. */
export function sectorName(lang: Lang, sector: string): string {
  return SECTOR_NAMES[lang][sector] ?? sector.replace(/-/g, " ");
}
