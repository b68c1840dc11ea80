"""What the graph says about candidates, as matching's `Facts`.

Fills matching's `GraphEvidence` the way the evaluation fills it from CSV files: past
participations (popularity) and past work under the same family of call topics, from the
participations held in memory (`hub.suggestions.participations`); the networks and
programmes a candidate shares with the asker, asked of the graph; a call's eligibility terms.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence
from datetime import date, datetime
from typing import Any

from graph import GraphEngine, Statement
from hub.suggestions.participations import Participations
from matching.evidence import CallTerms, Facts
from matching.features import (
    DESTINATION_DEPTH,
    PARTNER_PROGRAMME_DEPTH,
    topic_family,
)

_X = "00000000-0000-4000-8000-000000000000"

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


def organisation_facts(
    nodes: Mapping[str, Mapping[str, Any]],
    participations: Participations,
    *,
    topic: str | None = None,
) -> dict[str, Facts]:
    """Facts of candidate organisations; with a call's `topic`, their past work under the
    same programme part and destination (the depths the consortium ranking was tuned with)."""
    programme = topic_family(topic, PARTNER_PROGRAMME_DEPTH) if topic else None
    destination = topic_family(topic, DESTINATION_DEPTH) if topic else None
    facts = {}
    for node_id, node in nodes.items():
        families = (
            participations.families(node_id, (PARTNER_PROGRAMME_DEPTH, DESTINATION_DEPTH))
            if topic
            else Counter[str]()
        )
        facts[node_id] = Facts(
            name=str(node.get("name") or ""),
            kind=node.get("kind"),
            country=node.get("country"),
            city=node.get("city"),
            popularity=max(int(node.get("participations") or 0), participations.count(node_id)),
            programme_participations=families[programme] if programme else 0,
            programme=programme,
            destination_participations=families[destination] if destination else 0,
            destination=destination,
        )
    return facts


async def shared_memberships(
    graph: GraphEngine, asker: str, ids: Sequence[str]
) -> tuple[dict[str, tuple[str, ...]], dict[str, tuple[str, ...]]]:
    """Per candidate: the networks and the programmes it shares with the asker."""
    params = {"asker": asker, "ids": list(ids)}
    networks = {
        row["id"]: tuple(sorted(row["names"])) for row in await graph.run(SHARED_NETWORKS, params)
    }
    programmes = {
        row["id"]: tuple(sorted(row["names"])) for row in await graph.run(SHARED_PROGRAMMES, params)
    }
    return networks, programmes


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
