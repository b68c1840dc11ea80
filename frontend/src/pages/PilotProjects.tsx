// Researchers' pilot projects, grouped by status or filtered (words, status, partner kind, kept
// in the address), each with the partners the hub suggests; researchers post new ones here.
import "../ecosystem.css";

import { useState } from "react";
import type { FormEvent } from "react";
import { Link, useSearchParams } from "react-router-dom";

import { kindName, ORGANISATION_KINDS, PILOT_STATUSES, statusName } from "../components/ecosystem/labels";
import { PILOT_FIELDS, PilotCard } from "../components/ecosystem/PilotCard";
import type { Pilot } from "../components/ecosystem/PilotCard";
import { PilotForm } from "../components/ecosystem/PilotForm";
import { Page } from "../components/Page";
import { Empty, ErrorNotice, Loading } from "../components/Status";
import { defineMessages, useFormats, useMessages } from "../i18n";
import { isAdmin, useSession } from "../session";
import { useQuery } from "../useQuery";

const PAGE_SIZE = 100;
// The order of the groups: what still needs partners first.
const GROUP_ORDER = ["OPEN", "IN_PROGRESS", "DRAFT", "COMPLETED"] as const;

const POSTING_ID = "post-pilot";

const PILOTS = `query PilotBoard($first: Int!, $filter: PilotProjectFilter) {
  pilotProjects(first: $first, filter: $filter) {
    totalCount
    edges { node { ${PILOT_FIELDS} } }
  }
}`;

const messages = defineMessages({
  en: {
    title: "Pilot projects",
    intro:
      "Researchers and labs looking for a place to test an idea and partners to test it with: startups, labs, municipal departments and test sites.",
    filters: "Filter the pilot projects",
    words: "Words",
    search: "Search",
    status: "Status",
    anyStatus: "Any status",
    kind: "Seeks partners of kind",
    anyKind: "Any kind",
    clear: "Clear the filters",
    post: "Post a pilot project",
    count: "{count} pilot projects",
    partial: "Showing the first {shown} of {count} pilot projects; narrow the filters to see the others.",
    none: "No pilot project matches these filters.",
    signIn: "Sign in",
    signInToPost: "as a researcher to post a pilot project.",
    needRole:
      "Posting pilot projects is for researchers. Ask the hub's administrators to give your account the researcher role.",
  },
  el: {
    title: "Πιλοτικά έργα",
    intro:
      "Ερευνητές και εργαστήρια που αναζητούν χώρο για να δοκιμάσουν μια ιδέα και εταίρους για τη δοκιμή: νεοφυείς επιχειρήσεις, εργαστήρια, δημοτικές υπηρεσίες και χώρους δοκιμών.",
    filters: "Φιλτράρισμα των πιλοτικών έργων",
    words: "Λέξεις",
    search: "Αναζήτηση",
    status: "Κατάσταση",
    anyStatus: "Οποιαδήποτε κατάσταση",
    kind: "Αναζητά εταίρους του είδους",
    anyKind: "Οποιοδήποτε είδος",
    clear: "Καθαρισμός φίλτρων",
    post: "Ανάρτηση πιλοτικού έργου",
    count: "{count} πιλοτικά έργα",
    partial: "Εμφανίζονται τα πρώτα {shown} από {count} πιλοτικά έργα· περιορίστε τα φίλτρα για να δείτε τα υπόλοιπα.",
    none: "Κανένα πιλοτικό έργο δεν ταιριάζει με αυτά τα φίλτρα.",
    signIn: "Συνδεθείτε",
    signInToPost: "ως ερευνητής για να αναρτήσετε πιλοτικό έργο.",
    needRole:
      "Η ανάρτηση πιλοτικών έργων είναι για ερευνητές. Ζητήστε από τους διαχειριστές του κόμβου να δώσουν στον λογαριασμό σας τον ρόλο του ερευνητή.",
  },
});

function Filters() {
  const t = useMessages(messages);
  const { lang } = useFormats();
  const [params, setParams] = useSearchParams();
  const [words, setWords] = useState(params.get("q") ?? "");
  const change = (name: string, value: string) =>
    setParams(
      (old) => {
        const next = new URLSearchParams(old);
        if (value) next.set(name, value);
        else next.delete(name);
        return next;
      },
      { replace: true },
    );
  const submit = (event: FormEvent) => {
    event.preventDefault();
    change("q", words.trim());
  };
  return (
    <form className="filters" role="search" aria-label={t("filters")} onSubmit={submit}>
      <div className="field">
        <label htmlFor="pilot-words">{t("words")}</label>
        <input id="pilot-words" type="search" value={words} onChange={(event) => setWords(event.target.value)} />
      </div>
      <button type="submit">{t("search")}</button>
      <div className="field">
        <label htmlFor="pilot-status">{t("status")}</label>
        <select id="pilot-status" value={params.get("status") ?? ""} onChange={(event) => change("status", event.target.value)}>
          <option value="">{t("anyStatus")}</option>
          {PILOT_STATUSES.map((status) => (
            <option key={status} value={status}>
              {statusName(lang, status)}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor="pilot-kind">{t("kind")}</label>
        <select id="pilot-kind" value={params.get("kind") ?? ""} onChange={(event) => change("kind", event.target.value)}>
          <option value="">{t("anyKind")}</option>
          {ORGANISATION_KINDS.map((kind) => (
            <option key={kind} value={kind}>
              {kindName(lang, kind)}
            </option>
          ))}
        </select>
      </div>
      {params.size > 0 ? (
        <button
          type="button"
          className="secondary"
          onClick={() => {
            setWords("");
            setParams(new URLSearchParams(), { replace: true });
          }}
        >
          {t("clear")}
        </button>
      ) : null}
    </form>
  );
}

function PostingArea({ onPosted }: { onPosted: () => void }) {
  const t = useMessages(messages);
  const { account, loading } = useSession();
  if (loading) return null;
  if (!account) {
    return (
      <p className="pilot-posting-note" id={POSTING_ID}>
        <Link to="/sign-in">{t("signIn")}</Link> {t("signInToPost")}
      </p>
    );
  }
  if (!isAdmin(account) && !account.roles.includes("RESEARCHER")) {
    return (
      <p className="pilot-posting-note" id={POSTING_ID}>
        {t("needRole")}
      </p>
    );
  }
  return <PilotForm id={POSTING_ID} onPosted={onPosted} />;
}

function Groups({ pilots }: { pilots: Pilot[] }) {
  const { lang } = useFormats();
  return (
    <>
      {GROUP_ORDER.map((status) => {
        const group = pilots.filter((pilot) => pilot.status === status);
        if (group.length === 0) return null;
        return (
          <section key={status} aria-labelledby={`pilots-${status}`}>
            <h2 id={`pilots-${status}`}>
              {statusName(lang, status)} <span className="meta">({group.length})</span>
            </h2>
            <ul className="cards pilot-cards">
              {group.map((pilot) => (
                <PilotCard key={pilot.id} pilot={pilot} />
              ))}
            </ul>
          </section>
        );
      })}
    </>
  );
}

export function PilotProjects() {
  const t = useMessages(messages);
  const formats = useFormats();
  const [params] = useSearchParams();
  const status = params.get("status");
  const filter = {
    text: params.get("q") || null,
    status: status ? [status] : null,
    partnerKind: params.get("kind") || null,
  };
  const { data, error, loading, reload } = useQuery<{
    pilotProjects: { totalCount: number; edges: { node: Pilot }[] };
  }>(PILOTS, { first: PAGE_SIZE, filter });
  const pilots = data?.pilotProjects.edges.map((edge) => edge.node) ?? [];
  const total = data?.pilotProjects.totalCount ?? 0;
  return (
    <Page
      title={t("title")}
      intro={<p>{t("intro")}</p>}
      actions={
        <a className="button secondary" href={`#${POSTING_ID}`}>
          {t("post")}
        </a>
      }
    >
      <Filters />
      {loading ? <Loading /> : null}
      {error ? <ErrorNotice error={error} onRetry={reload} /> : null}
      {data && !loading ? (
        <>
          <p className="meta" role="status">
            {total > pilots.length
              ? t("partial", { shown: formats.number(pilots.length), count: formats.number(total) })
              : t("count", { count: formats.number(total) })}
          </p>
          {pilots.length === 0 ? <Empty>{t("none")}</Empty> : <Groups pilots={pilots} />}
        </>
      ) : null}
      <PostingArea onPosted={reload} />
    </Page>
  );
}
