// The path between two organisations as an ordered list of steps: "A took part in P", ...
import { useCallback } from "react";
import { Link } from "react-router-dom";

import { defineMessages, useFormats, useMessages } from "../../i18n";
import type { Lang, Localized } from "../../i18n";
import type { NodeType } from "./neighbourhood";

export const PATH_QUERY = `query ExplorerPath($from: ID!, $to: ID!, $depth: Int!) {
  path(fromId: $from, toId: $to, maxDepth: $depth) {
    length
    nodes {
      __typename id
      ... on Organisation { name kind }
      ... on Person { name }
      ... on Network { name }
      ... on Programme { name }
      ... on Project { acronym projectTitle: title { el en } }
      ... on FundingCall { identifier callTitle: title { el en } }
      ... on PilotProject { pilotTitle: title { el en } }
      ... on Challenge { challengeTitle: title { el en } }
      ... on Team { name }
      ... on Topic { name }
    }
    relations { type fromId toId }
  }
}`;

export interface PathNode {
  __typename: string;
  id: string;
  name?: string;
  kind?: string;
  acronym?: string | null;
  identifier?: string;
  projectTitle?: Localized | null;
  callTitle?: Localized | null;
  pilotTitle?: Localized | null;
  challengeTitle?: Localized | null;
}

export interface FoundPath {
  length: number;
  nodes: PathNode[];
  relations: { type: string; fromId: string; toId: string }[];
}

const RELATIONS: Record<Lang, Record<string, string>> = {
  en: {
    MEMBER_OF: "is a member of",
    AFFILIATED_WITH: "works with",
    RUNS: "runs",
    PARTICIPATES_IN: "takes part in",
    MENTORS: "mentors in",
    PARTICIPATED_IN: "took part in",
    FUNDED_BY: "was funded by",
    POSTED: "posted",
    HOSTS: "hosts",
    PARTNER_IN: "is a partner in",
    TAGGED: "is about",
    ORGANISES: "organises",
    ENTERED: "entered",
    TEAM_MEMBER: "is a member of the team",
    TEAM_ORGANISATION: "takes part in the team",
    WON: "won",
    AWARD_OF: "is an award of",
    JUDGE_OF: "judges",
    REGISTERED_FOR: "registered for",
  },
  el: {
    MEMBER_OF: "είναι μέλος στο",
    AFFILIATED_WITH: "συνεργάζεται με",
    RUNS: "διοργανώνει",
    PARTICIPATES_IN: "συμμετέχει στο",
    MENTORS: "είναι μέντορας στο",
    PARTICIPATED_IN: "συμμετείχε στο",
    FUNDED_BY: "χρηματοδοτήθηκε από",
    POSTED: "ανάρτησε το",
    HOSTS: "φιλοξενεί το",
    PARTNER_IN: "είναι εταίρος στο",
    TAGGED: "αφορά το",
    ORGANISES: "διοργανώνει",
    ENTERED: "συμμετείχε στο",
    TEAM_MEMBER: "είναι μέλος στην ομάδα",
    TEAM_ORGANISATION: "συμμετέχει στην ομάδα",
    WON: "κέρδισε",
    AWARD_OF: "είναι βραβείο του",
    JUDGE_OF: "κρίνει το",
    REGISTERED_FOR: "δήλωσε συμμετοχή στο",
  },
};

const messages = defineMessages({
  en: {
    hidden: "a person with a private profile",
    award: "an award",
    steps: "The path, step by step",
    network: "network",
    programme: "programme",
    project: "project",
  },
  el: {
    hidden: "ένα πρόσωπο με ιδιωτικό προφίλ",
    award: "ένα βραβείο",
    steps: "Η διαδρομή, βήμα προς βήμα",
    network: "δίκτυο",
    programme: "πρόγραμμα",
    project: "έργο",
  },
});

export function relationPhrase(lang: Lang, type: string): string {
  return RELATIONS[lang][type] ?? type.toLowerCase().replace(/_/g, " ");
}

export function pathNodeType(node: PathNode): NodeType {
  const known: NodeType[] = ["Organisation", "Network", "Programme", "Project", "Person"];
  return known.find((type) => type === node.__typename) ?? "Other";
}

export function usePathNodeName(): (node: PathNode) => string {
  const t = useMessages(messages);
  const formats = useFormats();
  return useCallback(
    (node: PathNode) => {
      if (node.__typename === "HiddenNode") return t("hidden");
      if (node.__typename === "Award") return t("award");
      if (node.__typename === "Project") return node.acronym || formats.text(node.projectTitle);
      if (node.__typename === "FundingCall") return formats.text(node.callTitle) || node.identifier || "";
      return node.name ?? formats.text(node.pilotTitle ?? node.challengeTitle);
    },
    [t, formats],
  );
}

function NodeName({ node, name }: { node: PathNode; name: string }) {
  if (node.__typename === "Organisation") {
    return <Link to={`/organisations/${encodeURIComponent(node.id)}`}>{name}</Link>;
  }
  if (node.__typename === "Person") return <Link to={`/people/${encodeURIComponent(node.id)}`}>{name}</Link>;
  if (node.__typename === "FundingCall") return <Link to={`/calls/${encodeURIComponent(node.id)}`}>{name}</Link>;
  return <strong>{name}</strong>;
}

export function PathSteps({ path }: { path: FoundPath }) {
  const t = useMessages(messages);
  const { lang } = useFormats();
  const nameOf = usePathNodeName();
  const byId = new Map(path.nodes.map((node) => [node.id, node]));
  const typeWord: Record<string, string> = {
    Network: t("network"),
    Programme: t("programme"),
    Project: t("project"),
  };
  return (
    <ol className="path-steps" aria-label={t("steps")}>
      {path.relations.map((relation, index) => {
        const from = byId.get(relation.fromId);
        const to = byId.get(relation.toId);
        if (!from || !to) return null;
        return (
          <li key={index}>
            <NodeName node={from} name={nameOf(from)} />
            {typeWord[from.__typename] ? ` (${typeWord[from.__typename]})` : ""} {relationPhrase(lang, relation.type)}{" "}
            <NodeName node={to} name={nameOf(to)} />
            {typeWord[to.__typename] ? ` (${typeWord[to.__typename]})` : ""}
          </li>
        );
      })}
    </ol>
  );
}
