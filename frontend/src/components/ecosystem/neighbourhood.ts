// An organisation's neighbourhood as a graph: the organisation, its networks, programmes,
// projects and people, and (capped) the other organisations in each of them.
import type { Localized } from "../../i18n";

export type NodeType = "Organisation" | "Network" | "Programme" | "Project" | "Person" | "Other";

export interface GraphNode {
  id: string;
  type: NodeType;
  name: string;
  /** The organisation kind, for organisations. */
  kind?: string;
}

export interface GraphLink {
  source: string;
  target: string;
}

interface OrganisationRef {
  id: string;
  name: string;
  kind: string;
}

export interface NeighbourhoodData {
  id: string;
  name: string;
  kind: string;
  networks: { network: { id: string; name: string; members: { organisation: OrganisationRef }[] } }[];
  programmes: { programme: { id: string; name: string; participants: { organisation: OrganisationRef }[] } }[];
  runsProgrammes: { programme: { id: string; name: string; participants: { organisation: OrganisationRef }[] } }[];
  projects: {
    project: {
      id: string;
      acronym: string | null;
      title: Localized | null;
      participants: { organisation: OrganisationRef }[];
    };
  }[];
  people: { role: string | null; person: { id: string; name: string } }[];
}

export const NEIGHBOURHOOD_QUERY = `query Neighbourhood($id: ID!) {
  organisation(id: $id) {
    id name kind
    networks { network { id name members { organisation { id name kind } } } }
    programmes { programme { id name participants { organisation { id name kind } } } }
    runsProgrammes { programme { id name participants { organisation { id name kind } } } }
    projects { project { id acronym title { el en } participants { organisation { id name kind } } } }
    people { role person { id name } }
  }
}`;

/** A group of the neighbourhood: a network, programme or project and who else is in it. */
export interface Group {
  node: GraphNode;
  /** The other organisations shown (at most MEMBERS_PER_GROUP). */
  members: GraphNode[];
  /** How many other organisations it has in all. */
  total: number;
}

export interface Neighbourhood {
  centre: GraphNode;
  networks: Group[];
  programmes: Group[];
  projects: Group[];
  people: GraphNode[];
  nodes: GraphNode[];
  links: GraphLink[];
  /** True when some members were left out to keep the drawing readable. */
  capped: boolean;
}

export const MAX_NODES = 60;
export const MEMBERS_PER_GROUP = 5;

export function buildNeighbourhood(data: NeighbourhoodData, projectName: (title: Localized | null) => string): Neighbourhood {
  const centre: GraphNode = { id: data.id, type: "Organisation", name: data.name, kind: data.kind };
  const nodes = new Map<string, GraphNode>([[centre.id, centre]]);
  const links: GraphLink[] = [];
  let capped = false;

  const add = (node: GraphNode): boolean => {
    if (nodes.has(node.id)) return true;
    if (nodes.size >= MAX_NODES) return false;
    nodes.set(node.id, node);
    return true;
  };

  const group = (hub: GraphNode, organisations: OrganisationRef[]): Group | null => {
    if (!add(hub)) {
      capped = true;
      return null;
    }
    links.push({ source: centre.id, target: hub.id });
    const others = organisations.filter((organisation) => organisation.id !== centre.id);
    const members: GraphNode[] = [];
    for (const organisation of others.slice(0, MEMBERS_PER_GROUP)) {
      const node: GraphNode = { id: organisation.id, type: "Organisation", name: organisation.name, kind: organisation.kind };
      if (!add(node)) break;
      members.push(nodes.get(node.id) ?? node);
      links.push({ source: hub.id, target: node.id });
    }
    if (members.length < others.length) capped = true;
    return { node: hub, members, total: others.length };
  };

  const present = <T,>(items: (T | null)[]): T[] => items.filter((item): item is T => item !== null);

  const networks = present(
    data.networks.map(({ network }) =>
      group(
        { id: network.id, type: "Network", name: network.name },
        network.members.map((member) => member.organisation),
      ),
    ),
  );
  const programmeSeen = new Set<string>();
  const programmes = present(
    [...data.runsProgrammes, ...data.programmes]
      .filter(({ programme }) => !programmeSeen.has(programme.id) && programmeSeen.add(programme.id))
      .map(({ programme }) =>
        group(
          { id: programme.id, type: "Programme", name: programme.name },
          programme.participants.map((participant) => participant.organisation),
        ),
      ),
  );
  const projects = present(
    data.projects.map(({ project }) =>
      group(
        { id: project.id, type: "Project", name: project.acronym || projectName(project.title) },
        project.participants.map((participant) => participant.organisation),
      ),
    ),
  );
  const people: GraphNode[] = [];
  for (const { person } of data.people) {
    const node: GraphNode = { id: person.id, type: "Person", name: person.name };
    if (!add(node)) {
      capped = true;
      break;
    }
    people.push(node);
    links.push({ source: node.id, target: centre.id });
  }
  return { centre, networks, programmes, projects, people, nodes: [...nodes.values()], links, capped };
}
