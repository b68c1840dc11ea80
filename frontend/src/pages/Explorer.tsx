// The ecosystem explorer: an organisation's neighbourhood as an interactive graph and as
// lists, and the shortest path to a second organisation (the address carries both choices:
// /explorer?from=<id>&to=<id>).
import "../ecosystem.css";

import { useEffect, useMemo, useRef } from "react";
import type { ReactNode } from "react";
import { Link, useNavigate, useSearchParams } from "react-router-dom";

import type { ApiError } from "../api";
import { kindName } from "../components/ecosystem/labels";
import { buildNeighbourhood, NEIGHBOURHOOD_QUERY } from "../components/ecosystem/neighbourhood";
import type { Group, Neighbourhood, NeighbourhoodData } from "../components/ecosystem/neighbourhood";
import { NetworkGraph } from "../components/ecosystem/NetworkGraph";
import type { DrawnLink, DrawnNode } from "../components/ecosystem/NetworkGraph";
import { OrganisationPicker } from "../components/ecosystem/OrganisationPicker";
import { PATH_QUERY, pathNodeType, PathSteps, usePathNodeName } from "../components/ecosystem/PathSteps";
import type { FoundPath } from "../components/ecosystem/PathSteps";
import { Page } from "../components/Page";
import { Empty, ErrorNotice, Loading } from "../components/Status";
import { defineMessages, useFormats, useMessages } from "../i18n";
import { useQuery } from "../useQuery";

const DEPTHS = [2, 3, 4, 5, 6];
const DEFAULT_DEPTH = 4;

const STARTERS = `query ExplorerStarters {
  organisations(first: 6, filter: { kinds: [UNIVERSITY, INCUBATOR, PUBLIC_BODY] }) {
    edges { node { id name kind } }
  }
}`;
const NAME = `query ExplorerName($id: ID!) { organisation(id: $id) { id name } }`;

const messages = defineMessages({
  en: {
    title: "Ecosystem explorer",
    intro:
      "See who an organisation is connected with, through networks, programmes, projects and people, and how two organisations are linked.",
    start: "Start from an organisation",
    find: "Find an organisation",
    starters: "Or start from one of these:",
    exploring: "Exploring {name}.",
    profile: "Open the profile of {name}",
    neighbourhood: "Neighbourhood of {name}",
    graph: "Graph of the neighbourhood of {name}; press Enter on an organisation to explore from it",
    graphHint:
      "Tab through the organisations in the drawing and press Enter to explore from one; the same connections follow as lists.",
    capped: "Some connections are left out to keep the drawing readable; the lists say how many organisations each group has in all.",
    legend: "Legend",
    legendOrganisation: "Organisation (circle)",
    legendNetwork: "Network (square)",
    legendProgramme: "Programme (diamond)",
    legendProject: "Project (triangle)",
    legendPerson: "Person (small circle)",
    legendPath: "On the path (thick dashed line)",
    recentre: "Explore from {name} ({kind})",
    personLink: "Profile of {name}",
    lists: "The neighbourhood as lists",
    networks: "Networks",
    programmes: "Programmes",
    projects: "Projects",
    people: "People",
    othersShown: "{shown} of {total} other organisations:",
    noOthers: "No other organisation.",
    alone: "The hub knows no network, programme, project or person of this organisation yet.",
    notFound: "No organisation has this address. Search for one above.",
    path: "Path to another organisation",
    pathIntro: "Choose a second organisation to see the shortest chain of connections between the two.",
    findSecond: "Find a second organisation",
    depth: "At most this many steps",
    pathFrom: "From {from} to {to}: {count} steps.",
    noPath: "No path of at most {depth} steps joins {from} and {to}.",
    same: "Choose a different organisation from the one you are exploring.",
    clearPath: "Clear the second organisation",
    choosing: "Looking up the organisation…",
  },
  el: {
    title: "Εξερεύνηση οικοσυστήματος",
    intro:
      "Δείτε με ποιους συνδέεται ένας οργανισμός, μέσα από δίκτυα, προγράμματα, έργα και πρόσωπα, και πώς συνδέονται δύο οργανισμοί.",
    start: "Ξεκινήστε από έναν οργανισμό",
    find: "Αναζήτηση οργανισμού",
    starters: "Ή ξεκινήστε από έναν από αυτούς:",
    exploring: "Εξερεύνηση: {name}.",
    profile: "Άνοιγμα του προφίλ: {name}",
    neighbourhood: "Η γειτονιά του οργανισμού {name}",
    graph: "Γράφημα της γειτονιάς του οργανισμού {name}· πατήστε Enter σε έναν οργανισμό για να εξερευνήσετε από εκεί",
    graphHint:
      "Μετακινηθείτε με Tab στους οργανισμούς του σχεδίου και πατήστε Enter για να εξερευνήσετε από έναν· οι ίδιες συνδέσεις ακολουθούν ως λίστες.",
    capped: "Ορισμένες συνδέσεις παραλείπονται για να διαβάζεται εύκολα το σχέδιο· οι λίστες λένε πόσους οργανισμούς έχει συνολικά κάθε ομάδα.",
    legend: "Υπόμνημα",
    legendOrganisation: "Οργανισμός (κύκλος)",
    legendNetwork: "Δίκτυο (τετράγωνο)",
    legendProgramme: "Πρόγραμμα (ρόμβος)",
    legendProject: "Έργο (τρίγωνο)",
    legendPerson: "Πρόσωπο (μικρός κύκλος)",
    legendPath: "Στη διαδρομή (χοντρή διακεκομμένη γραμμή)",
    recentre: "Εξερεύνηση από: {name} ({kind})",
    personLink: "Προφίλ: {name}",
    lists: "Η γειτονιά σε λίστες",
    networks: "Δίκτυα",
    programmes: "Προγράμματα",
    projects: "Έργα",
    people: "Πρόσωπα",
    othersShown: "{shown} από {total} άλλους οργανισμούς:",
    noOthers: "Κανένας άλλος οργανισμός.",
    alone: "Ο κόμβος δεν γνωρίζει ακόμη δίκτυο, πρόγραμμα, έργο ή πρόσωπο αυτού του οργανισμού.",
    notFound: "Κανένας οργανισμός δεν έχει αυτή τη διεύθυνση. Αναζητήστε έναν παραπάνω.",
    path: "Διαδρομή προς άλλον οργανισμό",
    pathIntro: "Επιλέξτε δεύτερο οργανισμό για να δείτε τη συντομότερη αλυσίδα συνδέσεων ανάμεσα στους δύο.",
    findSecond: "Αναζήτηση δεύτερου οργανισμού",
    depth: "Το πολύ τόσα βήματα",
    pathFrom: "Από {from} έως {to}: {count} βήματα.",
    noPath: "Καμία διαδρομή έως {depth} βημάτων δεν συνδέει τους {from} και {to}.",
    same: "Επιλέξτε άλλον οργανισμό από αυτόν που εξερευνάτε.",
    clearPath: "Κατάργηση του δεύτερου οργανισμού",
    choosing: "Αναζήτηση του οργανισμού…",
  },
});

type Key = keyof (typeof messages)["en"];

function useExplorerAddress() {
  const [params, setParams] = useSearchParams();
  const from = params.get("from");
  const to = params.get("to");
  const depth = Number(params.get("depth")) || DEFAULT_DEPTH;
  const go = (changes: Record<string, string | null>) =>
    setParams((old) => {
      const next = new URLSearchParams(old);
      for (const [name, value] of Object.entries(changes)) {
        if (value) next.set(name, value);
        else next.delete(name);
      }
      return next;
    });
  return { from, to, depth, go };
}

function explorerHref(from: string, to: string | null): string {
  const params = new URLSearchParams({ from });
  if (to) params.set("to", to);
  return `/explorer?${params.toString()}`;
}

function Starters({ onChoose }: { onChoose: (id: string) => void }) {
  const t = useMessages(messages);
  const { lang } = useFormats();
  const { data } = useQuery<{ organisations: { edges: { node: { id: string; name: string; kind: string } }[] } }>(
    STARTERS,
  );
  const items = data?.organisations.edges.map((edge) => edge.node) ?? [];
  if (items.length === 0) return null;
  return (
    <>
      <p>{t("starters")}</p>
      <ul className="picker-results">
        {items.map((item) => (
          <li key={item.id}>
            <button type="button" className="secondary" onClick={() => onChoose(item.id)}>
              {item.name}
            </button>{" "}
            <span className="meta">{kindName(lang, item.kind)}</span>
          </li>
        ))}
      </ul>
    </>
  );
}

function Legend() {
  const t = useMessages(messages);
  const items: [string, Key][] = [
    ["organisation", "legendOrganisation"],
    ["network", "legendNetwork"],
    ["programme", "legendProgramme"],
    ["project", "legendProject"],
    ["person", "legendPerson"],
    ["path", "legendPath"],
  ];
  return (
    <ul className="graph-legend" aria-label={t("legend")}>
      {items.map(([type, key]) => (
        <li key={type} className={`legend-${type}`}>
          <svg width={28} height={18} viewBox="-14 -9 28 18" aria-hidden="true">
            {type === "organisation" ? <circle r={7} /> : null}
            {type === "network" ? <rect x={-7} y={-7} width={14} height={14} rx={2} /> : null}
            {type === "programme" ? <polygon points="0,-8 8,0 0,8 -8,0" /> : null}
            {type === "project" ? <polygon points="0,-8 8,7 -8,7" /> : null}
            {type === "person" ? <circle r={4.5} /> : null}
            {type === "path" ? <line x1={-13} x2={13} y1={0} y2={0} /> : null}
          </svg>
          {t(key)}
        </li>
      ))}
    </ul>
  );
}

function OrganisationItem({ node, to }: { node: DrawnNode; to: string | null }) {
  const { lang } = useFormats();
  return (
    <li>
      <Link to={explorerHref(node.id, to === node.id ? null : to)}>{node.name}</Link>{" "}
      <span className="meta">{node.kind ? kindName(lang, node.kind) : null}</span>
    </li>
  );
}

function GroupList({ title, groups, to }: { title: string; groups: Group[]; to: string | null }) {
  const t = useMessages(messages);
  const formats = useFormats();
  if (groups.length === 0) return null;
  return (
    <section className="neighbourhood-group">
      <h4>{title}</h4>
      <ul>
        {groups.map((group) => (
          <li key={group.node.id}>
            <strong>{group.node.name}</strong>
            <p className="meta">
              {group.total === 0
                ? t("noOthers")
                : t("othersShown", { shown: formats.number(group.members.length), total: formats.number(group.total) })}
            </p>
            {group.members.length > 0 ? (
              <ul>
                {group.members.map((member) => (
                  <OrganisationItem key={member.id} node={member} to={to} />
                ))}
              </ul>
            ) : null}
          </li>
        ))}
      </ul>
    </section>
  );
}

function NeighbourhoodLists({ hood, to }: { hood: Neighbourhood; to: string | null }) {
  const t = useMessages(messages);
  return (
    <section className="neighbourhood-lists" aria-labelledby="neighbourhood-lists">
      <h3 id="neighbourhood-lists">{t("lists")}</h3>
      <div className="columns">
        <GroupList title={t("networks")} groups={hood.networks} to={to} />
        <GroupList title={t("programmes")} groups={hood.programmes} to={to} />
        <GroupList title={t("projects")} groups={hood.projects} to={to} />
        {hood.people.length > 0 ? (
          <section className="neighbourhood-group">
            <h4>{t("people")}</h4>
            <ul>
              {hood.people.map((person) => (
                <li key={person.id}>
                  <Link to={`/people/${encodeURIComponent(person.id)}`}>{person.name}</Link>
                </li>
              ))}
            </ul>
          </section>
        ) : null}
      </div>
    </section>
  );
}

/** The neighbourhood's nodes and links with the path's added and marked. */
function useDrawing(hood: Neighbourhood | null, path: FoundPath | null) {
  const nameOf = usePathNodeName();
  return useMemo(() => {
    if (!hood) return null;
    const onPath = new Set(path?.nodes.map((node) => node.id) ?? []);
    const nodes: DrawnNode[] = hood.nodes.map((node) => ({
      ...node,
      centre: node.id === hood.centre.id,
      onPath: onPath.has(node.id),
    }));
    const known = new Set(nodes.map((node) => node.id));
    for (const node of path?.nodes ?? []) {
      if (!known.has(node.id)) {
        nodes.push({ id: node.id, type: pathNodeType(node), name: nameOf(node), kind: node.kind, onPath: true });
        known.add(node.id);
      }
    }
    const pathLinks = new Set((path?.relations ?? []).flatMap((r) => [`${r.fromId}>${r.toId}`, `${r.toId}>${r.fromId}`]));
    const links: DrawnLink[] = hood.links.map((link) => ({
      ...link,
      onPath: pathLinks.has(`${link.source}>${link.target}`),
    }));
    const drawn = new Set(links.map((link) => `${link.source}>${link.target}`));
    for (const relation of path?.relations ?? []) {
      const key = `${relation.fromId}>${relation.toId}`;
      const reverse = `${relation.toId}>${relation.fromId}`;
      if (!drawn.has(key) && !drawn.has(reverse)) {
        links.push({ source: relation.fromId, target: relation.toId, onPath: true });
        drawn.add(key);
      }
    }
    return { nodes, links };
  }, [hood, path, nameOf]);
}

function PathResult({
  from,
  to,
  depth,
  fromName,
  path,
  loading,
  error,
  reload,
}: {
  from: string;
  to: string;
  depth: number;
  fromName: string;
  path: FoundPath | null | undefined;
  loading: boolean;
  error: ApiError | null;
  reload: () => void;
}) {
  const t = useMessages(messages);
  const formats = useFormats();
  const nameOf = usePathNodeName();
  const target = useQuery<{ organisation: { id: string; name: string } | null }>(NAME, { id: to });
  const toName = target.data?.organisation?.name ?? "";
  if (from === to) return <p className="status error">{t("same")}</p>;
  if (loading || target.loading) return <Loading />;
  if (error) return <ErrorNotice error={error} onRetry={reload} />;
  if (!path) {
    return (
      <p className="status empty" role="status">
        {t("noPath", { depth: formats.number(depth), from: fromName, to: toName })}
      </p>
    );
  }
  const first = path.nodes[0];
  const last = path.nodes[path.nodes.length - 1];
  return (
    <div className="path-result">
      <h3>
        {t("pathFrom", {
          from: first ? nameOf(first) : fromName,
          to: last ? nameOf(last) : toName,
          count: formats.number(path.length),
        })}
      </h3>
      <PathSteps path={path} />
    </div>
  );
}

function Section({ title, id, children }: { title: ReactNode; id: string; children: ReactNode }) {
  return (
    <section className="explorer-section" aria-labelledby={id}>
      <h2 id={id} tabIndex={-1}>
        {title}
      </h2>
      {children}
    </section>
  );
}

export function Explorer() {
  const t = useMessages(messages);
  const formats = useFormats();
  const navigate = useNavigate();
  const { from, to, depth, go } = useExplorerAddress();
  const hoodQuery = useQuery<{ organisation: NeighbourhoodData | null }>(NEIGHBOURHOOD_QUERY, { id: from }, !from);
  const pathQuery = useQuery<{ path: FoundPath | null }>(
    PATH_QUERY,
    { from, to, depth },
    !from || !to || from === to,
  );
  const organisation = from ? hoodQuery.data?.organisation : null;
  const current = organisation && organisation.id === from ? organisation : null;
  const hood = useMemo(
    () => (current ? buildNeighbourhood(current, (title) => formats.text(title)) : null),
    [current, formats],
  );
  const path = to && pathQuery.data ? pathQuery.data.path : null;
  const drawing = useDrawing(hood, path);

  // After re-centring from the graph or the lists, continue at the new neighbourhood's heading.
  const refocus = useRef(false);
  useEffect(() => {
    if (refocus.current && hood) {
      refocus.current = false;
      document.getElementById("neighbourhood")?.focus();
    }
  }, [hood]);
  const recentre = (id: string) => {
    refocus.current = true;
    go({ from: id, to: to === id ? null : to });
  };

  return (
    <Page title={t("title")} intro={<p>{t("intro")}</p>}>
      <Section title={t("start")} id="explorer-start">
        <OrganisationPicker label={t("find")} onChoose={(chosen) => recentre(chosen.id)} />
        {!from ? <Starters onChoose={recentre} /> : null}
        {current ? (
          <p>
            {t("exploring", { name: current.name })}{" "}
            <Link to={`/organisations/${encodeURIComponent(current.id)}`}>{t("profile", { name: current.name })}</Link>
          </p>
        ) : null}
      </Section>

      {from && current ? (
        <Section title={t("path")} id="explorer-path">
          <p>{t("pathIntro")}</p>
          <div className="filters">
            <div className="field">
              <label htmlFor="path-depth">{t("depth")}</label>
              <select id="path-depth" value={depth} onChange={(event) => go({ depth: event.target.value })}>
                {DEPTHS.map((value) => (
                  <option key={value} value={value}>
                    {formats.number(value)}
                  </option>
                ))}
              </select>
            </div>
            {to ? (
              <button type="button" className="secondary" onClick={() => go({ to: null })}>
                {t("clearPath")}
              </button>
            ) : null}
          </div>
          <OrganisationPicker label={t("findSecond")} onChoose={(chosen) => go({ to: chosen.id })} />
          {to ? (
            <PathResult
              from={from}
              to={to}
              depth={depth}
              fromName={current.name}
              path={pathQuery.data?.path}
              loading={pathQuery.loading}
              error={pathQuery.error}
              reload={pathQuery.reload}
            />
          ) : null}
        </Section>
      ) : null}

      {from ? (
        <Section title={current ? t("neighbourhood", { name: current.name }) : t("choosing")} id="neighbourhood">
          {hoodQuery.loading ? <Loading /> : null}
          {hoodQuery.error ? <ErrorNotice error={hoodQuery.error} onRetry={hoodQuery.reload} /> : null}
          {!hoodQuery.loading && !hoodQuery.error && hoodQuery.data && !current ? <Empty>{t("notFound")}</Empty> : null}
          {!hoodQuery.loading && hood && drawing ? (
            hood.nodes.length === 1 ? (
              <Empty>{t("alone")}</Empty>
            ) : (
              <>
                <p className="meta">{t("graphHint")}</p>
                {hood.capped ? <p className="meta">{t("capped")}</p> : null}
                <Legend />
                <div className="graph-frame">
                  <NetworkGraph
                    nodes={drawing.nodes}
                    links={drawing.links}
                    label={t("graph", { name: hood.centre.name })}
                    nodeLabel={(node) =>
                      node.type === "Person"
                        ? t("personLink", { name: node.name })
                        : t("recentre", { name: node.name, kind: node.kind ? kindName(formats.lang, node.kind) : "" })
                    }
                    onOrganisation={(node) => recentre(node.id)}
                    onPerson={(node) => navigate(`/people/${encodeURIComponent(node.id)}`)}
                  />
                </div>
                <NeighbourhoodLists hood={hood} to={to} />
              </>
            )
          ) : null}
        </Section>
      ) : null}

    </Page>
  );
}
