"""What the graph says about candidates, as matching's `Facts`.

Fills matching's `GraphEvidence` the way the evaluation fills it from CSV files: past
participations (popularity) and past work under the same family of call topics, from the
participations held in memory (`hub.suggestions.participations`), with the projects, networks
and programmes a candidate shares with the asker; a call's eligibility terms.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date, datetime
from typing import Any

from hub.suggestions.participations import NOTHING_SHARED, Participations
from matching.evidence import CallTerms, Facts
from matching.features import (
    DESTINATION_DEPTH,
    PARTNER_PROGRAMME_DEPTH,
    topic_family,
)


def organisation_facts(
    nodes: Mapping[str, Mapping[str, Any]],
    participations: Participations,
    *,
    topic: str | None = None,
    asker: str | None = None,
) -> dict[str, Facts]:
    """Facts of candidate organisations; with a call's `topic`, their past work under the
    same programme part and destination (the depths the consortium ranking was tuned with);
    with an `asker`, the projects, networks and programmes they share with it."""
    programme = topic_family(topic, PARTNER_PROGRAMME_DEPTH) if topic else None
    destination = topic_family(topic, DESTINATION_DEPTH) if topic else None
    shared_with = participations.shared_with(asker) if asker else None
    facts = {}
    for node_id, node in nodes.items():
        families = (
            participations.families(node_id, (PARTNER_PROGRAMME_DEPTH, DESTINATION_DEPTH))
            if topic
            else None
        )
        shared = shared_with(node_id) if shared_with else NOTHING_SHARED
        facts[node_id] = Facts(
            name=str(node.get("name") or ""),
            kind=node.get("kind"),
            country=node.get("country"),
            city=node.get("city"),
            popularity=max(int(node.get("participations") or 0), participations.count(node_id)),
            programme_participations=families[programme] if families and programme else 0,
            programme=programme,
            destination_participations=families[destination] if families and destination else 0,
            destination=destination,
            co_participations=shared.projects,
            shared_networks=shared.networks,
            shared_programmes=shared.programmes,
        )
    return facts


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
