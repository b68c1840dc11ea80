// Wall-clock times in a named IANA zone <-> ISO 8601 moments with their UTC offset.

export const TIME_ZONES = [
  "Europe/Athens",
  "Europe/Nicosia",
  "Europe/Sofia",
  "Europe/Bucharest",
  "Europe/Istanbul",
  "Europe/Rome",
  "Europe/Berlin",
  "Europe/Brussels",
  "Europe/Paris",
  "Europe/Madrid",
  "Europe/Lisbon",
  "Europe/London",
  "UTC",
];

/** How far `zone` is ahead of UTC at `moment`, in milliseconds. */
function offsetAt(zone: string, moment: number): number {
  const parts = new Intl.DateTimeFormat("en-GB", {
    timeZone: zone,
    hourCycle: "h23",
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
    second: "2-digit",
  }).formatToParts(new Date(moment));
  const value = (type: string) => Number(parts.find((part) => part.type === type)?.value ?? 0);
  const wall = Date.UTC(value("year"), value("month") - 1, value("day"), value("hour"), value("minute"), value("second"));
  return wall - (moment - (moment % 1000));
}

/** `2027-03-01T18:00` in `zone` → `2027-03-01T18:00:00+02:00`; null when not a date. */
export function zonedIso(local: string, zone: string): string | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/.exec(local);
  if (!match) return null;
  const [, year, month, day, hour, minute] = match.map(Number);
  const wall = Date.UTC(year, month - 1, day, hour, minute);
  let moment = wall - offsetAt(zone, wall);
  moment = wall - offsetAt(zone, moment);
  const offset = Math.round(offsetAt(zone, moment) / 60000);
  const sign = offset < 0 ? "-" : "+";
  const hours = String(Math.floor(Math.abs(offset) / 60)).padStart(2, "0");
  const minutes = String(Math.abs(offset) % 60).padStart(2, "0");
  return `${local}:00${sign}${hours}:${minutes}`;
}

/** A moment as the wall-clock `YYYY-MM-DDTHH:mm` of `zone` (for a datetime-local input). */
export function zonedLocal(iso: string | null | undefined, zone: string): string {
  if (!iso) return "";
  const moment = new Date(iso);
  if (Number.isNaN(moment.getTime())) return "";
  const parts = new Intl.DateTimeFormat("en-GB", {
    timeZone: zone,
    hourCycle: "h23",
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
  }).formatToParts(moment);
  const value = (type: string) => parts.find((part) => part.type === type)?.value ?? "";
  return `${value("year")}-${value("month")}-${value("day")}T${value("hour")}:${value("minute")}`;
}
