import { useLabels } from "./labels";

const TONE: Record<string, string> = { OPEN: "ok", FORTHCOMING: "warn", CLOSED: "bad" };

/** A call's status as a badge whose word (not only its colour) tells the status. */
export function CallStatusBadge({ status }: { status: string }) {
  const labels = useLabels();
  return <span className={`badge ${TONE[status] ?? ""}`}>{labels.status(status)}</span>;
}
