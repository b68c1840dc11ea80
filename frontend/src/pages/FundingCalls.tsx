// Funding calls: a filter form whose state lives in the address, the calls a page at a time,
// and a timeline of their deadlines per month.
import { useEffect, useId, useState } from "react";
import type { FormEvent } from "react";
import { Link, useSearchParams } from "react-router-dom";

import { ApiError, gql } from "../api";
import { CallStatusBadge } from "../components/discovery/CallStatusBadge";
import { EMPTY_CALL_FILTER, graphqlCallFilter, readCallFilter, writeCallFilter } from "../components/discovery/callFilter";
import type { CallFilterState } from "../components/discovery/callFilter";
import { DeadlineTimeline } from "../components/discovery/DeadlineTimeline";
import { CALL_STATUSES, useLabels } from "../components/discovery/labels";
import type { CallStatus } from "../components/discovery/labels";
import { LocalText } from "../components/discovery/LocalText";
import { callPath } from "../components/discovery/types";
import { Page } from "../components/Page";
import { Empty, ErrorNotice, Loading } from "../components/Status";
import { defineMessages, useFormats, useMessages } from "../i18n";
import type { Localized } from "../i18n";
import { useQuery } from "../useQuery";
import "../discovery.css";

const messages = defineMessages({
  en: {
    title: "Funding calls",
    intro:
      "Calls for proposals from Horizon Europe, Digital Europe, the EIT, ESPA and more, earliest deadline first. Open and forthcoming calls are shown unless you choose otherwise.",
    filters: "Filter the calls",
    text: "Words",
    textHint: "In the identifier, title, description or topics.",
    programme: "Programme",
    anyProgramme: "Any programme",
    status: "Status",
    statusHint: "None ticked: every status.",
    from: "Deadline from",
    to: "Deadline to",
    apply: "Apply filters",
    clear: "Clear filters",
    badRange: "Deadline to: must be on or after “Deadline from”.",
    results: "Calls",
    count: "{count} calls match",
    countOne: "1 call matches",
    none: "No call matches these filters. Clear some of them to see more.",
    more: "More calls",
    loadingMore: "Loading more calls…",
    shown: "Showing {shown} of {total}.",
    deadlineAt: "Deadline: {date} (Thessaloniki time)",
    budget: "Budget",
    budgetRange: "{min} – {max}",
  },
  el: {
    title: "Προσκλήσεις χρηματοδότησης",
    intro:
      "Προσκλήσεις υποβολής προτάσεων από Ορίζων Ευρώπη, Ψηφιακή Ευρώπη, EIT, ΕΣΠΑ και άλλα, με την πιο κοντινή προθεσμία πρώτα. Εμφανίζονται οι ανοιχτές και οι προσεχείς, εκτός αν επιλέξετε αλλιώς.",
    filters: "Φιλτράρισμα προσκλήσεων",
    text: "Λέξεις",
    textHint: "Στον κωδικό, τον τίτλο, την περιγραφή ή τα θέματα.",
    programme: "Πρόγραμμα",
    anyProgramme: "Οποιοδήποτε πρόγραμμα",
    status: "Κατάσταση",
    statusHint: "Χωρίς επιλογή: όλες οι καταστάσεις.",
    from: "Προθεσμία από",
    to: "Προθεσμία έως",
    apply: "Εφαρμογή φίλτρων",
    clear: "Καθαρισμός φίλτρων",
    badRange: "Προθεσμία έως: πρέπει να είναι ίδια ή μεταγενέστερη της «Προθεσμία από».",
    results: "Προσκλήσεις",
    count: "{count} προσκλήσεις ταιριάζουν",
    countOne: "1 πρόσκληση ταιριάζει",
    none: "Καμία πρόσκληση δεν ταιριάζει με αυτά τα φίλτρα. Καθαρίστε κάποια για να δείτε περισσότερες.",
    more: "Περισσότερες προσκλήσεις",
    loadingMore: "Φόρτωση περισσότερων προσκλήσεων…",
    shown: "Εμφανίζονται {shown} από {total}.",
    deadlineAt: "Προθεσμία: {date} (ώρα Θεσσαλονίκης)",
    budget: "Προϋπολογισμός",
    budgetRange: "{min} – {max}",
  },
});

const PAGE_SIZE = 20;

interface CallRow {
  id: string;
  identifier: string;
  programme: string | null;
  title: Localized;
  deadline: string;
  status: string;
  budgetMin: number | null;
  budgetMax: number | null;
  topics: string[];
}

interface CallPage {
  fundingCalls: {
    totalCount: number;
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
    edges: { node: CallRow }[];
  };
}

const CALLS = `query FundingCalls($filter: FundingCallFilter, $after: String) {
  fundingCalls(first: ${PAGE_SIZE}, after: $after, filter: $filter) {
    totalCount
    pageInfo { hasNextPage endCursor }
    edges { node { id identifier programme title { el en } deadline status budgetMin budgetMax topics } }
  }
}`;

const PROGRAMMES = `query CallProgrammes { fundingCalls(first: 100) { edges { node { id programme } } } }`;

export function FundingCalls() {
  const t = useMessages(messages);
  const [params, setParams] = useSearchParams();
  const filter = readCallFilter(params);
  const key = JSON.stringify(filter);
  return (
    <Page title={t("title")} intro={<p>{t("intro")}</p>}>
      <CallFilterForm key={key} initial={filter} onApply={(next) => setParams(writeCallFilter(next))} />
      <div className="calls-layout">
        <CallList key={key} filter={filter} />
        <DeadlineTimeline filter={filter} />
      </div>
    </Page>
  );
}

function CallFilterForm({
  initial,
  onApply,
}: {
  initial: CallFilterState;
  onApply: (state: CallFilterState) => void;
}) {
  const t = useMessages(messages);
  const labels = useLabels();
  const [state, setState] = useState(initial);
  const [rangeError, setRangeError] = useState(false);
  const programmes = useQuery<{ fundingCalls: { edges: { node: { programme: string | null } }[] } }>(PROGRAMMES);
  const ids = { text: useId(), hint: useId(), programme: useId(), from: useId(), to: useId(), error: useId() };
  const options = [
    ...new Set(
      (programmes.data?.fundingCalls.edges ?? [])
        .map(({ node }) => node.programme)
        .filter((name): name is string => Boolean(name)),
    ),
  ].sort((a, b) => a.localeCompare(b));
  if (state.programme && !options.includes(state.programme)) options.unshift(state.programme);

  const toggle = (status: CallStatus) =>
    setState({
      ...state,
      statuses: state.statuses.includes(status)
        ? state.statuses.filter((s) => s !== status)
        : [...state.statuses, status],
    });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const bad = Boolean(state.from && state.to && state.to < state.from);
    setRangeError(bad);
    if (!bad) onApply(state);
  };
  return (
    <form className="call-filters" onSubmit={submit} noValidate aria-label={t("filters")}>
      <div className="filters">
        <div className="field">
          <label htmlFor={ids.text}>{t("text")}</label>
          <input
            id={ids.text}
            type="search"
            value={state.text}
            onChange={(event) => setState({ ...state, text: event.target.value })}
            aria-describedby={ids.hint}
          />
          <span id={ids.hint} className="hint">
            {t("textHint")}
          </span>
        </div>
        <div className="field">
          <label htmlFor={ids.programme}>{t("programme")}</label>
          <select
            id={ids.programme}
            value={state.programme}
            onChange={(event) => setState({ ...state, programme: event.target.value })}
          >
            <option value="">{t("anyProgramme")}</option>
            {options.map((name) => (
              <option key={name} value={name}>
                {name}
              </option>
            ))}
          </select>
        </div>
        <fieldset className="status-choices">
          <legend>{t("status")}</legend>
          {CALL_STATUSES.map((status) => (
            <label key={status} className="choice">
              <input type="checkbox" checked={state.statuses.includes(status)} onChange={() => toggle(status)} />{" "}
              {labels.status(status)}
            </label>
          ))}
          <span className="hint">{t("statusHint")}</span>
        </fieldset>
        <div className="field">
          <label htmlFor={ids.from}>{t("from")}</label>
          <input
            id={ids.from}
            type="date"
            value={state.from}
            onChange={(event) => setState({ ...state, from: event.target.value })}
          />
        </div>
        <div className="field">
          <label htmlFor={ids.to}>{t("to")}</label>
          <input
            id={ids.to}
            type="date"
            value={state.to}
            onChange={(event) => setState({ ...state, to: event.target.value })}
            aria-invalid={rangeError || undefined}
            aria-describedby={rangeError ? ids.error : undefined}
          />
        </div>
      </div>
      {rangeError ? (
        <p id={ids.error} className="field-error" role="alert">
          {t("badRange")}
        </p>
      ) : null}
      <div className="form-actions">
        <button type="submit">{t("apply")}</button>
        <Link className="button secondary" to="/calls" onClick={() => setState(EMPTY_CALL_FILTER)}>
          {t("clear")}
        </Link>
      </div>
    </form>
  );
}

function CallList({ filter }: { filter: CallFilterState }) {
  const t = useMessages(messages);
  const fmt = useFormats();
  const variables = { filter: graphqlCallFilter(filter), after: null };
  const first = useQuery<CallPage>(CALLS, variables);
  const [more, setMore] = useState<CallRow[]>([]);
  const [cursor, setCursor] = useState<{ hasNextPage: boolean; endCursor: string | null } | null>(null);
  const [loadingMore, setLoadingMore] = useState(false);
  const [moreError, setMoreError] = useState<ApiError | null>(null);
  useEffect(() => {
    if (first.data) setCursor(first.data.fundingCalls.pageInfo);
  }, [first.data]);

  if (first.loading) return <section className="call-results"><Loading /></section>;
  if (first.error) return <section className="call-results"><ErrorNotice error={first.error} onRetry={first.reload} /></section>;
  if (!first.data) return null;
  const total = first.data.fundingCalls.totalCount;
  const rows = [...first.data.fundingCalls.edges.map((edge) => edge.node), ...more];
  const loadMore = async () => {
    if (!cursor?.endCursor) return;
    setLoadingMore(true);
    setMoreError(null);
    try {
      const page = await gql<CallPage>(CALLS, { ...variables, after: cursor.endCursor });
      setMore((before) => [...before, ...page.fundingCalls.edges.map((edge) => edge.node)]);
      setCursor(page.fundingCalls.pageInfo);
    } catch (failure) {
      setMoreError(failure instanceof ApiError ? failure : new ApiError(String(failure), "ERROR", 0));
    } finally {
      setLoadingMore(false);
    }
  };
  return (
    <section aria-labelledby="call-results" className="call-results">
      <h2 id="call-results">{t("results")}</h2>
      <p role="status" className="result-summary">
        {total === 1 ? t("countOne") : t("count", { count: fmt.number(total) })}
      </p>
      {rows.length === 0 ? (
        <Empty>{t("none")}</Empty>
      ) : (
        <ul className="cards call-cards">
          {rows.map((call) => (
            <CallCard key={call.id} call={call} />
          ))}
        </ul>
      )}
      {rows.length > 0 && rows.length < total ? (
        <p className="meta">{t("shown", { shown: fmt.number(rows.length), total: fmt.number(total) })}</p>
      ) : null}
      {moreError ? <ErrorNotice error={moreError} onRetry={() => void loadMore()} /> : null}
      {cursor?.hasNextPage ? (
        <button type="button" onClick={() => void loadMore()} disabled={loadingMore}>
          {loadingMore ? t("loadingMore") : t("more")}
        </button>
      ) : null}
    </section>
  );
}

function CallCard({ call }: { call: CallRow }) {
  const t = useMessages(messages);
  const fmt = useFormats();
  const budget =
    call.budgetMin !== null && call.budgetMax !== null && call.budgetMin !== call.budgetMax
      ? t("budgetRange", { min: fmt.money(call.budgetMin), max: fmt.money(call.budgetMax) })
      : fmt.money(call.budgetMax ?? call.budgetMin);
  return (
    <li className="card">
      <h3>
        <Link to={callPath(call.id)}><LocalText value={call.title} /></Link>
      </h3>
      <p className="meta">
        {call.identifier}
        {call.programme ? ` · ${call.programme}` : ""}
      </p>
      <p>
        <CallStatusBadge status={call.status} /> {t("deadlineAt", { date: fmt.date(call.deadline, true) })}
      </p>
      {budget ? (
        <p className="meta">
          {t("budget")}: {budget}
        </p>
      ) : null}
    </li>
  );
}
