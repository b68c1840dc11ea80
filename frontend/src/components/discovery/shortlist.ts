// A consortium shortlist per funding call, kept in this browser (localStorage), and its CSV.
import { useCallback, useEffect, useState } from "react";

import type { OrganisationSummary } from "./types";

export interface ShortlistEntry extends OrganisationSummary {
  /** The reason the hub gave when it suggested the organisation. */
  explanation: string;
}

const PREFIX = "hub.consortium.";

function load(callId: string): ShortlistEntry[] {
  try {
    const stored: unknown = JSON.parse(window.localStorage.getItem(PREFIX + callId) ?? "[]");
    return Array.isArray(stored) ? (stored as ShortlistEntry[]).filter((entry) => typeof entry?.id === "string") : [];
  } catch {
    return [];
  }
}

export interface Shortlist {
  entries: ShortlistEntry[];
  has: (id: string) => boolean;
  add: (entry: ShortlistEntry) => void;
  remove: (id: string) => void;
  clear: () => void;
}

export function useShortlist(callId: string): Shortlist {
  const [entries, setEntries] = useState<ShortlistEntry[]>(() => load(callId));
  useEffect(() => setEntries(load(callId)), [callId]);
  const save = useCallback(
    (next: ShortlistEntry[]) => {
      window.localStorage.setItem(PREFIX + callId, JSON.stringify(next));
      setEntries(next);
    },
    [callId],
  );
  return {
    entries,
    has: (id) => entries.some((entry) => entry.id === id),
    add: (entry) => {
      if (!entries.some((e) => e.id === entry.id)) save([...entries, entry]);
    },
    remove: (id) => save(entries.filter((entry) => entry.id !== id)),
    clear: () => save([]),
  };
}

function csvCell(value: string): string {
  return /[",\n\r]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/** RFC 4180 CSV (CRLF line ends) with a header row. */
export function toCsv(header: string[], rows: string[][]): string {
  return [header, ...rows].map((row) => row.map(csvCell).join(",")).join("\r\n") + "\r\n";
}

/** Offers `text` as a file download named `filename`. */
export function download(filename: string, text: string): void {
  // A byte-order mark so that spreadsheet programs read the Greek as UTF-8.
  const blob = new Blob(["\ufeff", text], { type: "text/csv;charset=utf-8" });
  const url = URL.createObjectURL(blob);
  const link = document.createElement("a");
  link.href = url;
  link.download = filename;
  document.body.appendChild(link);
  link.click();
  link.remove();
  window.setTimeout(() => URL.revokeObjectURL(url), 1000);
}
