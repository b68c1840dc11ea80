// A call's date and time in the time zone the call states, and in Thessaloniki's when it differs.
import { defineMessages, useFormats, useMessages } from "../../i18n";

const messages = defineMessages({
  en: { local: "{time} in Thessaloniki" },
  el: { local: "{time} ώρα Θεσσαλονίκης" },
});

const HOME_ZONE = "Europe/Athens";

function inZone(iso: string, zone: string, locale: string): string {
  try {
    return new Intl.DateTimeFormat(locale, {
      dateStyle: "full",
      timeStyle: "short",
      timeZone: zone,
    }).format(new Date(iso)) + ` (${zone})`;
  } catch {
    return iso;
  }
}

export function CallMoment({ iso, zone }: { iso: string; zone: string | null }) {
  const t = useMessages(messages);
  const { locale } = useFormats();
  const stated = zone ?? HOME_ZONE;
  const time = <time dateTime={iso}>{inZone(iso, stated, locale)}</time>;
  if (stated === HOME_ZONE) return time;
  const home = new Intl.DateTimeFormat(locale, { timeStyle: "short", dateStyle: "medium", timeZone: HOME_ZONE })
    .format(new Date(iso));
  return (
    <>
      {time}
      <br />
      <span className="meta">{t("local", { time: home })}</span>
    </>
  );
}
