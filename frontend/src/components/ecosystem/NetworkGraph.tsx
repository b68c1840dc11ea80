// A force-directed drawing of nodes and links (d3-force computes the layout once, React draws
// it as SVG). Organisations are buttons (Enter re-centres on them), people are links to their
// profiles; path nodes and links are drawn thicker and dashed, so colour is not the only cue.
import { forceCenter, forceCollide, forceLink, forceManyBody, forceSimulation } from "d3-force";
import type { SimulationLinkDatum, SimulationNodeDatum } from "d3-force";
import { useMemo } from "react";
import type { KeyboardEvent } from "react";

import type { GraphLink, GraphNode } from "./neighbourhood";

export interface DrawnNode extends GraphNode {
  centre?: boolean;
  onPath?: boolean;
}

export interface DrawnLink extends GraphLink {
  onPath?: boolean;
}

interface Placed extends SimulationNodeDatum {
  id: string;
}

const TICKS = 300;
const MARGIN = 90;

function layout(nodes: DrawnNode[], links: DrawnLink[], centreId: string | undefined) {
  const placed: Placed[] = nodes.map((node) =>
    node.id === centreId ? { id: node.id, fx: 0, fy: 0 } : { id: node.id },
  );
  const known = new Set(nodes.map((node) => node.id));
  const springs: SimulationLinkDatum<Placed>[] = links
    .filter((link) => known.has(link.source) && known.has(link.target))
    .map((link) => ({ source: link.source, target: link.target }));
  const simulation = forceSimulation(placed)
    .force("link", forceLink<Placed, SimulationLinkDatum<Placed>>(springs).id((node) => node.id).distance(70))
    .force("charge", forceManyBody().strength(-220))
    .force("collide", forceCollide(22))
    .force("center", forceCenter(0, 0))
    .stop();
  simulation.tick(TICKS);
  return new Map(placed.map((node) => [node.id, { x: node.x ?? 0, y: node.y ?? 0 }]));
}

function Shape({ node }: { node: DrawnNode }) {
  const size = node.centre ? 16 : node.type === "Organisation" ? 10 : 12;
  switch (node.type) {
    case "Network":
      return <rect className="node-shape" x={-size} y={-size} width={size * 2} height={size * 2} rx={3} />;
    case "Programme":
      return <polygon className="node-shape" points={`0,${-size - 2} ${size + 2},0 0,${size + 2} ${-size - 2},0`} />;
    case "Project":
      return <polygon className="node-shape" points={`0,${-size - 2} ${size + 2},${size} ${-size - 2},${size}`} />;
    case "Person":
      return <circle className="node-shape" r={7} />;
    default:
      return <circle className="node-shape" r={size} />;
  }
}

function activateOn(event: KeyboardEvent, keys: string[], action: () => void) {
  if (keys.includes(event.key)) {
    event.preventDefault();
    action();
  }
}

export function NetworkGraph({
  nodes,
  links,
  label,
  nodeLabel,
  onOrganisation,
  onPerson,
}: {
  nodes: DrawnNode[];
  links: DrawnLink[];
  /** The accessible name of the whole drawing. */
  label: string;
  /** The accessible name of an interactive node (what pressing it does). */
  nodeLabel: (node: DrawnNode) => string;
  onOrganisation: (node: DrawnNode) => void;
  onPerson: (node: DrawnNode) => void;
}) {
  const centreId = nodes.find((node) => node.centre)?.id;
  const positions = useMemo(() => layout(nodes, links, centreId), [nodes, links, centreId]);
  const points = [...positions.values()];
  const minX = Math.min(0, ...points.map((point) => point.x)) - MARGIN;
  const maxX = Math.max(0, ...points.map((point) => point.x)) + MARGIN;
  const minY = Math.min(0, ...points.map((point) => point.y)) - MARGIN / 2;
  const maxY = Math.max(0, ...points.map((point) => point.y)) + MARGIN / 2;
  // Path links last, so that they are drawn over the others.
  const ordered = [...links].sort((a, b) => Number(Boolean(a.onPath)) - Number(Boolean(b.onPath)));
  return (
    <svg
      className="network-graph"
      role="group"
      aria-label={label}
      viewBox={`${minX} ${minY} ${maxX - minX} ${maxY - minY}`}
      preserveAspectRatio="xMidYMid meet"
    >
      <g aria-hidden="true">
        {ordered.map((link) => {
          const from = positions.get(link.source);
          const to = positions.get(link.target);
          if (!from || !to) return null;
          return (
            <line
              key={`${link.source}>${link.target}`}
              className={link.onPath ? "link on-path" : "link"}
              x1={from.x}
              y1={from.y}
              x2={to.x}
              y2={to.y}
            />
          );
        })}
      </g>
      {nodes.map((node) => {
        const at = positions.get(node.id);
        if (!at) return null;
        const classes = [
          "node",
          `node-${node.type.toLowerCase()}`,
          node.centre ? "centre" : "",
          node.onPath ? "on-path" : "",
        ].join(" ");
        const major = node.centre || node.onPath || node.type !== "Organisation";
        const content = (
          <>
            <title>{node.name}</title>
            <Shape node={node} />
            <text className={major ? "node-label" : "node-label minor"} y={node.centre ? 30 : 24} textAnchor="middle">
              {node.name}
            </text>
          </>
        );
        const transform = `translate(${at.x} ${at.y})`;
        if (node.type === "Organisation" && !node.centre) {
          return (
            <g
              key={node.id}
              className={classes}
              transform={transform}
              role="button"
              tabIndex={0}
              aria-label={nodeLabel(node)}
              onClick={() => onOrganisation(node)}
              onKeyDown={(event) => activateOn(event, ["Enter", " "], () => onOrganisation(node))}
            >
              {content}
            </g>
          );
        }
        if (node.type === "Person") {
          return (
            <g
              key={node.id}
              className={classes}
              transform={transform}
              role="link"
              tabIndex={0}
              aria-label={nodeLabel(node)}
              onClick={() => onPerson(node)}
              onKeyDown={(event) => activateOn(event, ["Enter"], () => onPerson(node))}
            >
              {content}
            </g>
          );
        }
        return (
          <g key={node.id} className={classes} transform={transform} aria-hidden="true">
            {content}
          </g>
        );
      })}
    </svg>
  );
}
