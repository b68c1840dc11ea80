// Winners across years (challengeWinners), filtered by year and theme.
import { useId, useState } from "react";
import { Link } from "react-router-dom";

import { defineMessages, useFormats, useMessages } from "../../i18n";
import { useQuery } from "../../useQuery";
import { Empty, ErrorNotice, Loading } from "../Status";
import { challengePath, WINNER_FIELDS } from "./common";
import type { Winner } from "./common";

const messages = defineMessages({
  en: {
    heading: "Past winners",
    filters: "Filter the winners",
    year: "Year",
    theme: "Theme",
    any: "All",
    caption: "Winning teams, newest challenge first",
    challenge: "Challenge",
    place: "Place",
    team: "Team",
    prize: "Prize",
    none: "No winners match these filters.",
    rank: "{rank}.",
  },
  el: {
    heading: "Νικητές προηγούμενων ετών",
    filters: "Φιλτράρισμα νικητών",
    year: "Έτος",
    theme: "Θεματική",
    any: "Όλα",
    caption: "Νικήτριες ομάδες, πρώτα ο νεότερος διαγωνισμός",
    challenge: "Διαγωνισμός",
    place: "Θέση",
    team: "Ομάδα",
    prize: "Βραβείο",
    none: "Κανένας νικητής δεν ταιριάζει με αυτά τα φίλτρα.",
    rank: "{rank}η",
  },
});

const WINNERS = `query Winners($since: Int, $until: Int, $theme: String) {
  challengeWinners(since: $since, until: $until, theme: $theme, first: 100) { ${WINNER_FIELDS} }
}`;

export function WinnersTable({ years, themes }: { years: number[]; themes: string[] }) {
  const t = useMessages(messages);
  const { text, number } = useFormats();
  const [year, setYear] = useState("");
  const [theme, setTheme] = useState("");
  const yearId = useId();
  const themeId = useId();
  const chosenYear = year ? Number(year) : null;
  const { data, error, loading, reload } = useQuery<{ challengeWinners: Winner[] }>(WINNERS, {
    since: chosenYear,
    until: chosenYear,
    theme: theme || null,
  });
  return (
    <section aria-labelledby="past-winners">
      <h2 id="past-winners">{t("heading")}</h2>
      <form className="filters" aria-label={t("filters")} onSubmit={(event) => event.preventDefault()}>
        <div className="field">
          <label htmlFor={yearId}>{t("year")}</label>
          <select id={yearId} value={year} onChange={(event) => setYear(event.target.value)}>
            <option value="">{t("any")}</option>
            {years.map((value) => (
              <option key={value} value={value}>
                {value}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={themeId}>{t("theme")}</label>
          <select id={themeId} value={theme} onChange={(event) => setTheme(event.target.value)}>
            <option value="">{t("any")}</option>
            {themes.map((value) => (
              <option key={value} value={value}>
                {value}
              </option>
            ))}
          </select>
        </div>
      </form>
      {loading ? <Loading /> : null}
      {error ? <ErrorNotice error={error} onRetry={reload} /> : null}
      {data && !loading ? (
        data.challengeWinners.length === 0 ? (
          <Empty>{t("none")}</Empty>
        ) : (
          <table>
            <caption>{t("caption")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("year")}</th>
                <th scope="col">{t("challenge")}</th>
                <th scope="col">{t("place")}</th>
                <th scope="col">{t("team")}</th>
                <th scope="col">{t("prize")}</th>
              </tr>
            </thead>
            <tbody>
              {data.challengeWinners.map((winner) => (
                <tr key={winner.awardId}>
                  <td>{winner.year}</td>
                  <td>
                    <Link to={challengePath(winner.challengeId)}>{text(winner.challengeTitle)}</Link>
                  </td>
                  <td>{t("rank", { rank: number(winner.rank) })}</td>
                  <td>{winner.teamName}</td>
                  <td>{text(winner.prize)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )
      ) : null}
    </section>
  );
}
