"""What the graph says about candidates, gathered in a few batched statements.

Fills matching's `GraphEvidence` the way the evaluation fills it from CSV files: past
participations (popularity), co-participation with the asker and among the top candidates
(partners of partners), shared networks and programmes, past work under the same family of
call topics, and a call's eligibility terms.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from datetime import date, datetime
from typing import Any

from graph import GraphEngine, Statement
from matching.evidence import CallTerms, Facts
from matching.features import (
    DESTINATION_DEPTH,
    PARTNER_PROGRAMME_DEPTH,
    topic_family,
)

_X = "00000000-0000-4000-8000-000000000000"

PARTICIPATIONS = Statement(
    name="evidence_participations",
    cypher="UNWIND $ids AS key MATCH (o:Organisation {id: key}) "
    "OPTIONAL MATCH (o)-[:PARTICIPATED_IN]->(p:Project) "
    "RETURN key, count(p) AS projects, collect(p.topic_identifier) AS topics",
    example={"ids": [_X]},
)
WITH_ASKER = Statement(
    name="evidence_co_participation_with_asker",
    cypher="MATCH (a:Organisation {id: $asker})-[:PARTICIPATED_IN]->(p:Project) "
    "MATCH (p)<-[:PARTICIPATED_IN]-(o:Organisation) WHERE o.id IN $ids AND o.id <> $asker "
    "RETURN o.id AS id, count(p) AS projects",
    example={"asker": _X, "ids": [_X]},
)
SHARED_NETWORKS = Statement(
    name="evidence_shared_networks",
    cypher="MATCH (a:Organisation {id: $asker})-[:MEMBER_OF]->(w:Network) "
    "MATCH (w)<-[:MEMBER_OF]-(o:Organisation) WHERE o.id IN $ids "
    "RETURN o.id AS id, collect(w.name) AS names",
    example={"asker": _X, "ids": [_X]},
)
SHARED_PROGRAMMES = Statement(
    name="evidence_shared_programmes",
    cypher="MATCH (a:Organisation {id: $asker})-[:PARTICIPATES_IN]->(g:Programme) "
    "MATCH (g)<-[:PARTICIPATES_IN]-(o:Organisation) WHERE o.id IN $ids "
    "RETURN o.id AS id, collect(g.name) AS names",
    example={"asker": _X, "ids": [_X]},
)
AMONG_CANDIDATES = Statement(
    name="evidence_co_participation_among_candidates",
    cypher="UNWIND $seeds AS seed MATCH (s:Organisation {id: seed})-[:PARTICIPATED_IN]->"
    "(p:Project) MATCH (p)<-[:PARTICIPATED_IN]-(o:Organisation) "
    "WHERE o.id IN $ids AND o.id <> seed RETURN o.id AS id, seed, count(p) AS projects",
    example={"seeds": [_X], "ids": [_X]},
)
FAMILY_MEMBERS = Statement(
    name="evidence_family_members",
    cypher="MATCH (p:Project) WHERE p.topic_identifier IN $topics "
    "MATCH (o:Organisation)-[:PARTICIPATED_IN]->(p) "
    "RETURN o.id AS id, count(p) AS projects ORDER BY projects DESC, id LIMIT $limit",
    example={"topics": ["HORIZON-CL5-2024-D2-01-04"], "limit": 10},
)
TOPIC_COUNTS = Statement(
    name="evidence_topic_counts",
    cypher="MATCH (p:Project) WHERE p.topic_identifier IS NOT NULL "
    "RETURN p.topic_identifier AS topic, count(p) AS projects",
)


def organisation_facts(
    nodes: Mapping[str, Mapping[str, Any]],
    participations: Mapping[str, tuple[int, list[str]]],
    *,
    topic: str | None = None,
) -> dict[str, Facts]:
    """Facts of candidate organisations; with a call's `topic`, their past work under the
    same programme part and destination (the depths the consortium ranking was tuned with)."""
    programme = topic_family(topic, PARTNER_PROGRAMME_DEPTH) if topic else None
    destination = topic_family(topic, DESTINATION_DEPTH) if topic else None
    facts = {}
    for node_id, node in nodes.items():
        projects, topics = participations.get(node_id, (0, []))
        families = family_counts(topics, (PARTNER_PROGRAMME_DEPTH, DESTINATION_DEPTH))
        facts[node_id] = Facts(
            name=str(node.get("name") or ""),
            kind=node.get("kind"),
            country=node.get("country"),
            city=node.get("city"),
            popularity=max(int(node.get("participations") or 0), projects),
            programme_participations=families[programme] if programme else 0,
            programme=programme,
            destination_participations=families[destination] if destination else 0,
            destination=destination,
        )
    return facts


async def participations(
    graph: GraphEngine, ids: Sequence[str]
) -> dict[str, tuple[int, list[str]]]:
    rows = await graph.run(PARTICIPATIONS, {"ids": list(ids)})
    return {row["key"]: (int(row["projects"]), list(row["topics"] or [])) for row in rows}


async def asker_links(
    graph: GraphEngine, asker: str, ids: Sequence[str]
) -> tuple[dict[str, int], dict[str, tuple[str, ...]], dict[str, tuple[str, ...]]]:
    """Per candidate: projects shared with the asker, and shared networks and programmes."""
    params = {"asker": asker, "ids": list(ids)}
    projects = {row["id"]: int(row["projects"]) for row in await graph.run(WITH_ASKER, params)}
    networks = {
        row["id"]: tuple(sorted(row["names"])) for row in await graph.run(SHARED_NETWORKS, params)
    }
    programmes = {
        row["id"]: tuple(sorted(row["names"])) for row in await graph.run(SHARED_PROGRAMMES, params)
    }
    return projects, networks, programmes


async def among_candidates(
    graph: GraphEngine, seeds: Sequence[str], ids: Sequence[str]
) -> dict[str, dict[str, int]]:
    """Candidate -> seed candidate -> projects done together."""
    found: dict[str, dict[str, int]] = {}
    rows = await graph.run(AMONG_CANDIDATES, {"seeds": list(seeds), "ids": list(ids)})
    for row in rows:
        found.setdefault(row["id"], {})[row["seed"]] = int(row["projects"])
    return found


async def family_members(graph: GraphEngine, topics: Sequence[str], limit: int) -> list[str]:
    """The organisations with the most past projects under these topics, most first."""
    if not topics:
        return []
    rows = await graph.run(FAMILY_MEMBERS, {"topics": list(topics), "limit": limit})
    return [str(row["id"]) for row in rows]


async def topic_counts(graph: GraphEngine) -> Counter[str]:
    """Past projects per call topic identifier."""
    return Counter(
        {str(row["topic"]): int(row["projects"]) for row in await graph.run(TOPIC_COUNTS)}
    )


def action_popularity(topics: Mapping[str, int]) -> Counter[str]:
    """Past projects per call action (topic identifier without its year)."""
    counts: Counter[str] = Counter()
    for topic, projects in topics.items():
        counts[topic_family(topic)] += projects
    return counts


def family_counts(topics: Iterable[str], depths: Iterable[int]) -> Counter[str]:
    """Past projects per topic family, at each of `depths` segments."""
    chosen = tuple(depths)
    return Counter(topic_family(topic, depth) for topic in topics if topic for depth in chosen)


def call_terms(node: Mapping[str, Any]) -> CallTerms:
    deadline = node.get("deadline_utc")
    return CallTerms(
        deadline=_date(deadline) if isinstance(deadline, str) else None,
        eligible_kinds=frozenset(node.get("eligible_kinds") or ()),
        eligible_countries=frozenset(node.get("eligible_countries") or ()),
        budget_min=node.get("budget_min"),
        budget_max=node.get("budget_max"),
    )


def _date(text: str) -> date | None:
    try:
        return datetime.fromisoformat(text).date()
    except ValueError:
        return None
