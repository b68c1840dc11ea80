"""What the graph says about candidates, as matching's `Facts`.

Fills matching's `GraphEvidence` the way the evaluation fills it from CSV files: past
participations (popularity) and past work under the same family of call topics, from the
participations held in memory (`hub.suggestions.participations`), with the projects, networks
and programmes a candidate shares with the asker; a call's eligibility terms.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Iterator, Mapping, Sequence
from datetime import date, datetime
from typing import Any

import numpy as np

from hub.suggestions.participations import NOTHING_SHARED, Participations, most
from matching.evidence import CallTerms, CountArray, Counts, Facts
from matching.features import (
    DESTINATION_DEPTH,
    PARTNER_PROGRAMME_DEPTH,
    topic_family,
)


class OrganisationFacts(Mapping[str, Facts]):
    """Facts of candidate organisations, each built when first asked for, and the counts
    ranking weighs for a whole pool (`counts`), read without building them.

    With a call's `topic`, their past work under the same programme part and destination (the
    depths the consortium ranking was tuned with); with an `asker`, the projects, networks and
    programmes they share with it."""

    def __init__(
        self,
        nodes: Mapping[str, Mapping[str, Any]],
        participations: Participations,
        popularity: Mapping[str, int],
        *,
        topic: str | None = None,
        asker: str | None = None,
    ) -> None:
        self._nodes = nodes
        self._participations = participations
        self._popularity = popularity
        self._programme = topic_family(topic, PARTNER_PROGRAMME_DEPTH) if topic else None
        self._destination = topic_family(topic, DESTINATION_DEPTH) if topic else None
        self._shared_with = participations.shared_with(asker) if asker else None
        self._asker_partners: Counter[str] = participations.partners(asker) if asker else Counter()
        self._asker_networks = participations.networks.get(asker, frozenset()) if asker else None
        self._built: dict[str, Facts] = {}

    def __getitem__(self, node_id: str) -> Facts:
        facts = self._built.get(node_id)
        if facts is None:
            facts = self._build(node_id, self._nodes[node_id])
            self._built[node_id] = facts
        return facts

    def __iter__(self) -> Iterator[str]:
        return iter(self._nodes)

    def __len__(self) -> int:
        return len(self._nodes)

    def asker_partners(self, limit: int) -> list[str]:
        """Those the asker did the most projects with, most first (ties by id)."""
        return most(self._asker_partners, limit)

    def counts(self, node_ids: Sequence[str]) -> Counts:
        """Read from the participations id by id, with none of the facts built: a pool has
        hundreds of candidates, and what the asker shares was counted once (`partners`)."""
        size = len(node_ids)
        partners = self._asker_partners
        networks, mine = self._participations.networks, self._asker_networks
        nothing = np.zeros(size, dtype=np.int64)
        families = [self._family_counts(node_id) for node_id in node_ids] if self._programme else []
        return Counts(
            popularity=_column((self._popularity.get(node_id, 0) for node_id in node_ids), size),
            co_participations=(
                _column((partners.get(node_id, 0) for node_id in node_ids), size)
                if partners
                else nothing
            ),
            shared_networks=(
                _column(
                    (
                        len(mine & theirs) if (theirs := networks.get(node_id)) else 0
                        for node_id in node_ids
                    ),
                    size,
                )
                if mine
                else nothing
            ),
            programme_participations=(
                _column((programme for programme, _ in families), size) if families else nothing
            ),
            destination_participations=(
                _column((destination for _, destination in families), size) if families else nothing
            ),
        )

    def _build(self, node_id: str, node: Mapping[str, Any]) -> Facts:
        shared = self._shared_with(node_id) if self._shared_with else NOTHING_SHARED
        programme, destination = self._family_counts(node_id)
        return Facts(
            name=str(node.get("name") or ""),
            kind=node.get("kind"),
            country=node.get("country"),
            city=node.get("city"),
            popularity=self._popularity.get(node_id, 0),
            programme_participations=programme,
            programme=self._programme,
            destination_participations=destination,
            destination=self._destination,
            co_participations=shared.projects,
            shared_networks=shared.networks,
            shared_programmes=shared.programmes,
        )

    def _family_counts(self, node_id: str) -> tuple[int, int]:
        """Past projects in the topic's programme part and destination (0, 0 with no topic)."""
        if self._programme is None or self._destination is None:
            return 0, 0
        depths = (PARTNER_PROGRAMME_DEPTH, DESTINATION_DEPTH)
        done = self._participations
        return (
            done.in_family(node_id, self._programme, depths),
            done.in_family(node_id, self._destination, depths),
        )


def popularity(
    nodes: Mapping[str, Mapping[str, Any]], participations: Participations
) -> dict[str, int]:
    """Each organisation's past participations: as its node says, or as counted in the
    participations if more. Read once per change of either (`MatchIndex.popularity`): reading
    the nodes of a request's hundreds of candidates cost half a millisecond."""
    return {
        node_id: max(int(node.get("participations") or 0), participations.count(node_id))
        for node_id, node in nodes.items()
    }


def _column(values: Iterable[int], size: int) -> CountArray:
    return np.fromiter(values, dtype=np.int64, count=size)


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
