"""What the graph knows about candidates, as plain data: the input of graph-aware ranking.

Whoever builds it (the hub from Cypher results, the evaluation from CSV files) fills the same
structures, so ranking never knows where candidates and evidence came from.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum


class Role(StrEnum):
    """The part an organisation plays in a consortium, from its kind."""

    ACADEMIA = "university"
    RESEARCH = "research organisation"
    INDUSTRY = "company"
    PUBLIC = "public body"
    OTHER = "other organisation"


ROLES_BY_KIND: Mapping[str, Role] = {
    "UNIVERSITY": Role.ACADEMIA,
    "HES": Role.ACADEMIA,
    "RESEARCH_LAB": Role.RESEARCH,
    "REC": Role.RESEARCH,
    "STARTUP": Role.INDUSTRY,
    "SME": Role.INDUSTRY,
    "LARGE_COMPANY": Role.INDUSTRY,
    "PRC": Role.INDUSTRY,
    "PUBLIC_BODY": Role.PUBLIC,
    "PUB": Role.PUBLIC,
}


def role_of(kind: str | None) -> Role:
    return ROLES_BY_KIND.get(kind or "", Role.OTHER)


@dataclass(frozen=True, slots=True)
class CallTerms:
    """Eligibility facts of a funding call."""

    deadline: date | None = None
    eligible_kinds: frozenset[str] = frozenset()
    eligible_countries: frozenset[str] = frozenset()
    budget_min: float | None = None
    budget_max: float | None = None


@dataclass(slots=True)
class Facts:
    """What the graph says about one candidate (an organisation, a call, a pilot...).

    Not frozen, like `Candidate`: a request builds hundreds, and a frozen dataclass's
    constructor costs three times as much (5 against 1.7 microseconds)."""

    name: str = ""
    kind: str | None = None
    country: str | None = None
    city: str | None = None
    popularity: int = 0
    """Past participations in funded projects (or projects funded under a call's topic)."""
    co_participations: int = 0
    """Projects the candidate shared with the asker."""
    shared_networks: tuple[str, ...] = ()
    shared_programmes: tuple[str, ...] = ()
    programme_participations: int = 0
    """Past participations in the programme or cluster of the query (e.g. HORIZON-CL5)."""
    programme: str | None = None
    """That programme's name, for explanations."""
    destination_participations: int = 0
    """Past participations in the query's narrower destination or call family."""
    destination: str | None = None
    call: CallTerms | None = None


@dataclass(frozen=True)
class GraphEvidence:
    """Facts per candidate, co-participation among candidates and who is asking."""

    facts: Mapping[str, Facts] = field(default_factory=dict)
    co_participation: Mapping[str, Mapping[str, int]] = field(default_factory=dict)
    """Candidate -> other candidate -> projects they did together ("partners of partners")."""
    asker_name: str = ""
    asker_kind: str | None = None
    asker_country: str | None = None
    today: date | None = None

    def of(self, candidate: str) -> Facts:
        return self.facts.get(candidate, _NO_FACTS)


_NO_FACTS = Facts()
