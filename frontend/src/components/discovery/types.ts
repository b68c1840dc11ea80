// The shapes (and GraphQL selections) of the suggestions and calls the discovery pages show.
import type { Localized } from "../../i18n";

export interface ScorePartsData {
  semantic: number;
  lexical: number;
  graph: number;
  prior: number;
}

export interface OrganisationSummary {
  id: string;
  name: string;
  kind: string;
  city: string | null;
  country: string | null;
}

export interface CallSummary {
  id: string;
  identifier: string;
  programme: string | null;
  title: Localized;
  deadline: string;
  status: string;
}

export interface PartnerSuggestionData {
  organisation: OrganisationSummary;
  score: number;
  parts: ScorePartsData;
  explanation: string;
}

export interface CallSuggestionData {
  fundingCall: CallSummary;
  score: number;
  parts: ScorePartsData;
  explanation: string;
  eligible: boolean;
}

export const ORGANISATION_SUMMARY = "id name kind city country";
export const CALL_SUMMARY = "id identifier programme title { el en } deadline status";
const PARTS = "parts { semantic lexical graph prior }";
export const PARTNER_SUGGESTION = `organisation { ${ORGANISATION_SUMMARY} } score ${PARTS} explanation`;
export const CALL_SUGGESTION = `fundingCall { ${CALL_SUMMARY} } score ${PARTS} explanation eligible`;

export function organisationPath(id: string): string {
  return `/organisations/${encodeURIComponent(id)}`;
}

export function callPath(id: string): string {
  return `/calls/${encodeURIComponent(id)}`;
}

/** Whether a failed lookup only means that nothing is at this address. */
export function isNotFound(error: { code: string } | null): boolean {
  return error !== null && ["NOT_FOUND", "INVALID_ID", "WRONG_TYPE"].includes(error.code);
}
