// The open datasets a challenge features, with licence, formats and freshness.
import { defineMessages, useFormats, useMessages } from "../../i18n";
import { useQuery } from "../../useQuery";
import { Empty, ErrorNotice, Loading } from "../Status";

const messages = defineMessages({
  en: {
    heading: "Open datasets",
    none: "The organisers have not featured datasets yet.",
    publisher: "Publisher: {name}",
    licence: "Licence: {name}",
    formats: "Formats",
    fresh: "Fresh",
    current: "Current",
    stale: "Stale",
    age: "changed {days} days ago",
    used: "used by {count} submissions",
    source: "Open the dataset",
  },
  el: {
    heading: "Ανοιχτά σύνολα δεδομένων",
    none: "Οι διοργανωτές δεν έχουν προτείνει ακόμη σύνολα δεδομένων.",
    publisher: "Φορέας: {name}",
    licence: "Άδεια: {name}",
    formats: "Μορφές",
    fresh: "Πρόσφατο",
    current: "Επίκαιρο",
    stale: "Παλαιό",
    age: "άλλαξε πριν από {days} ημέρες",
    used: "χρησιμοποιείται σε {count} υποβολές",
    source: "Άνοιγμα του συνόλου δεδομένων",
  },
});

export interface Dataset {
  id: string;
  title: string;
  notes: string | null;
  publisher: string | null;
  licenseTitle: string | null;
  formats: string[];
  sourceUrl: string | null;
  freshness: string | null;
  ageDays: number | null;
  usedBySubmissions: number | null;
}

export const DATASETS = `query ChallengeDatasets($id: ID!) {
  challengeDatasets(challengeId: $id) {
    id title notes publisher licenseTitle formats sourceUrl freshness ageDays usedBySubmissions
  }
}`;

const TONE: Record<string, string> = { fresh: "ok", current: "", stale: "warn" };

export function DatasetList({ challengeId }: { challengeId: string }) {
  const t = useMessages(messages);
  const { number } = useFormats();
  const { data, error, loading, reload } = useQuery<{ challengeDatasets: Dataset[] }>(DATASETS, {
    id: challengeId,
  });
  return (
    <section aria-labelledby="challenge-datasets">
      <h2 id="challenge-datasets">{t("heading")}</h2>
      {loading ? <Loading /> : null}
      {error ? <ErrorNotice error={error} onRetry={reload} /> : null}
      {data && data.challengeDatasets.length === 0 ? <Empty>{t("none")}</Empty> : null}
      {data && data.challengeDatasets.length > 0 ? (
        <ul className="cards">
          {data.challengeDatasets.map((dataset) => (
            <li key={dataset.id} className="card">
              <h3>{dataset.title}</h3>
              {dataset.freshness ? (
                <p className="meta">
                  <span className={`badge ${TONE[dataset.freshness] ?? ""}`}>
                    {dataset.freshness === "fresh" || dataset.freshness === "current" || dataset.freshness === "stale"
                      ? t(dataset.freshness)
                      : dataset.freshness}
                  </span>{" "}
                  {dataset.ageDays !== null ? t("age", { days: number(dataset.ageDays) }) : null}
                </p>
              ) : null}
              {dataset.publisher ? <p className="meta">{t("publisher", { name: dataset.publisher })}</p> : null}
              {dataset.licenseTitle ? <p className="meta">{t("licence", { name: dataset.licenseTitle })}</p> : null}
              {dataset.formats.length > 0 ? (
                <ul className="tags" aria-label={t("formats")}>
                  {dataset.formats.map((format) => (
                    <li key={format}>{format}</li>
                  ))}
                </ul>
              ) : null}
              {dataset.usedBySubmissions ? (
                <p className="meta">{t("used", { count: number(dataset.usedBySubmissions) })}</p>
              ) : null}
              {dataset.sourceUrl ? (
                <p>
                  <a href={dataset.sourceUrl}>
                    {t("source")}
                    <span className="visually-hidden">: {dataset.title}</span>
                  </a>
                </p>
              ) : null}
            </li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}
