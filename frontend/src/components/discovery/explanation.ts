// The hub explains each suggestion in one English sentence of reasons joined by "; "
// (matching/explain.py). Each reason has a fixed form, so it is read back here into
// structured reasons that can be said in either language; an unknown form stays as text.

export type Reason =
  | { kind: "terms"; terms: string[] }
  | { kind: "meaning"; similarity: number }
  | { kind: "coParticipated"; name: string; alsoSuggested: boolean; projects: number }
  | { kind: "network"; name: string }
  | { kind: "programme"; name: string }
  | { kind: "projectsIn"; projects: number; where: string }
  | { kind: "experience"; projects: number }
  | { kind: "openUntil"; date: string }
  | { kind: "kindEligible"; value: string }
  | { kind: "countryEligible"; value: string }
  | { kind: "budget"; amount: number }
  | { kind: "deadlinePassed"; date: string }
  | { kind: "kindNotEligible"; value: string; allowed: string[] }
  | { kind: "countryNotEligible"; value: string }
  | { kind: "noReason" }
  | { kind: "text"; text: string };

/** Reasons that say why the asker cannot apply. */
export const PROBLEMS: ReadonlySet<Reason["kind"]> = new Set([
  "deadlinePassed",
  "kindNotEligible",
  "countryNotEligible",
]);

const COUNTRY_CODE = /^[A-Z]{2}$/;

type Reader = (match: RegExpMatchArray) => Reason;

const FORMS: [RegExp, Reader][] = [
  [/^shared terms: (.+)$/, (m) => ({ kind: "terms", terms: m[1].split(", ").filter(Boolean) })],
  [/^close in meaning \(similarity (-?[\d.]+)\)$/, (m) => ({ kind: "meaning", similarity: Number(m[1]) })],
  [
    /^co-participated with (.+?)( \(also suggested\))? in (\d+) projects?$/,
    (m) => ({ kind: "coParticipated", name: m[1], alsoSuggested: Boolean(m[2]), projects: Number(m[3]) }),
  ],
  [/^both members of (.+)$/, (m) => ({ kind: "network", name: m[1] })],
  [/^took part in (\d+) projects? in all$/, (m) => ({ kind: "experience", projects: Number(m[1]) })],
  [/^both in (.+)$/, (m) => ({ kind: "programme", name: m[1] })],
  [/^(\d+) projects? in (.+)$/, (m) => ({ kind: "projectsIn", projects: Number(m[1]), where: m[2] })],
  [/^open until (\d{4}-\d{2}-\d{2})$/, (m) => ({ kind: "openUntil", date: m[1] })],
  [/^budget up to €([\d,.]+)$/, (m) => ({ kind: "budget", amount: Number(m[1].replace(/,/g, "")) })],
  [/^the deadline passed on (\d{4}-\d{2}-\d{2})$/, (m) => ({ kind: "deadlinePassed", date: m[1] })],
  [
    /^(\S+) is not among the eligible kinds \((.*)\)$/,
    (m) => ({ kind: "kindNotEligible", value: m[1], allowed: m[2].split(", ").filter(Boolean) }),
  ],
  [/^(\S+) is not among the eligible countries$/, (m) => ({ kind: "countryNotEligible", value: m[1] })],
  [
    /^(\S+) is eligible$/,
    (m) =>
      COUNTRY_CODE.test(m[1])
        ? { kind: "countryEligible", value: m[1] }
        : { kind: "kindEligible", value: m[1] },
  ],
  [/^no specific reason beyond the overall score$/, () => ({ kind: "noReason" })],
];

const NOT_ELIGIBLE = "not eligible: ";

function readOne(clause: string): Reason {
  for (const [form, read] of FORMS) {
    const match = clause.match(form);
    if (match) return read(match);
  }
  return { kind: "text", text: clause };
}

export function readExplanation(explanation: string): Reason[] {
  return explanation
    .split("; ")
    .map((clause) => clause.trim())
    .filter(Boolean)
    .map((clause) => readOne(clause.startsWith(NOT_ELIGIBLE) ? clause.slice(NOT_ELIGIBLE.length) : clause));
}
