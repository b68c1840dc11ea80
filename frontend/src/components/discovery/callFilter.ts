// The funding-call filter as it lives in the address (?q=&programme=&status=&from=&to=),
// and as the GraphQL FundingCallFilter it stands for.
import { CALL_STATUSES } from "./labels";
import type { CallStatus } from "./labels";

export interface CallFilterState {
  text: string;
  programme: string;
  statuses: CallStatus[];
  /** yyyy-mm-dd or "" */
  from: string;
  /** yyyy-mm-dd or "" */
  to: string;
}

/** Without a status in the address: the calls one can still apply to. */
export const DEFAULT_STATUSES: readonly CallStatus[] = ["OPEN", "FORTHCOMING"];
/** The address's word for "every status, closed ones too". */
const ANY_STATUS = "any";

export const EMPTY_CALL_FILTER: CallFilterState = {
  text: "",
  programme: "",
  statuses: [...DEFAULT_STATUSES],
  from: "",
  to: "",
};

const DAY = /^\d{4}-\d{2}-\d{2}$/;

export function readCallFilter(params: URLSearchParams): CallFilterState {
  const day = (name: string) => {
    const value = params.get(name) ?? "";
    return DAY.test(value) ? value : "";
  };
  return {
    text: params.get("q") ?? "",
    programme: params.get("programme") ?? "",
    statuses: readStatuses(params.get("status")),
    from: day("from"),
    to: day("to"),
  };
}

function readStatuses(value: string | null): CallStatus[] {
  if (value === null) return [...DEFAULT_STATUSES];
  if (value === ANY_STATUS) return [];
  const statuses = value
    .split(",")
    .filter((status): status is CallStatus => (CALL_STATUSES as readonly string[]).includes(status));
  return statuses.length > 0 ? statuses : [...DEFAULT_STATUSES];
}

export function writeCallFilter(state: CallFilterState): Record<string, string> {
  const params: Record<string, string> = {};
  if (state.text.trim()) params.q = state.text.trim();
  if (state.programme) params.programme = state.programme;
  const isDefault =
    state.statuses.length === DEFAULT_STATUSES.length &&
    DEFAULT_STATUSES.every((status) => state.statuses.includes(status));
  if (!isDefault) params.status = state.statuses.length > 0 ? state.statuses.join(",") : ANY_STATUS;
  if (state.from) params.from = state.from;
  if (state.to) params.to = state.to;
  return params;
}

/** Days are Thessaloniki's days, as in the deadline timeline. */
export const HUB_ZONE = "Europe/Athens";

/** `day` (yyyy-mm-dd) at `time` in Thessaloniki, with the UTC offset of that day there. */
function hubMoment(day: string, time: string): string {
  const noon = new Date(`${day}T12:00:00Z`);
  const offset =
    new Intl.DateTimeFormat("en-US", { timeZone: HUB_ZONE, timeZoneName: "longOffset" })
      .formatToParts(noon)
      .find((part) => part.type === "timeZoneName")
      ?.value.replace("GMT", "") || "+00:00";
  return `${day}T${time}${offset}`;
}

/** Start of the `from` day and end of the `to` day, in Thessaloniki. */
export function graphqlCallFilter(state: CallFilterState): Record<string, unknown> {
  return {
    text: state.text.trim() || null,
    programme: state.programme || null,
    status: state.statuses.length > 0 ? state.statuses : null,
    deadlineFrom: state.from ? hubMoment(state.from, "00:00:00") : null,
    deadlineTo: state.to ? hubMoment(state.to, "23:59:59") : null,
  };
}

/** The first and last day (yyyy-mm-dd) of the month of `key` ("yyyy-mm"). */
export function monthRange(key: string): { from: string; to: string } {
  const [year, month] = key.split("-").map(Number);
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return { from: `${key}-01`, to: `${key}-${String(last).padStart(2, "0")}` };
}
