"""What the graph knows about candidates, as plain data: the input of graph-aware ranking.

Whoever builds it (the hub from Cypher results, the evaluation from CSV files) fills the same
structures, so ranking never knows where candidates and evidence came from.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum

import numpy as np
import numpy.typing as npt

CountArray = npt.NDArray[np.int64]


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


@dataclass(frozen=True, slots=True)
class Counts:
    """The counts ranking weighs, one array per fact, for a pool of candidates in its order."""

    popularity: CountArray
    co_participations: CountArray
    shared_networks: CountArray
    """How many networks each candidate shares with the asker."""
    programme_participations: CountArray
    destination_participations: CountArray

    @classmethod
    def of_facts(cls, facts: Sequence[Facts]) -> Counts:
        def column(read: Callable[[Facts], int]) -> CountArray:
            return np.fromiter((read(f) for f in facts), dtype=np.int64, count=len(facts))

        return cls(
            popularity=column(lambda f: f.popularity),
            co_participations=column(lambda f: f.co_participations),
            shared_networks=column(lambda f: len(f.shared_networks)),
            programme_participations=column(lambda f: f.programme_participations),
            destination_participations=column(lambda f: f.destination_participations),
        )


CountsOf = Callable[[Sequence[str]], Counts]
"""The counts of many candidates at once, without building their facts."""


@dataclass(frozen=True)
class GraphEvidence:
    """Facts per candidate, co-participation among candidates and who is asking.

    `facts` may build each candidate's facts when first asked for, with `counts` giving what
    ranking weighs for the whole pool: ranking then builds the facts of the candidates it
    returns only (a few of the hundreds it scores)."""

    facts: Mapping[str, Facts] = field(default_factory=dict)
    counts: CountsOf | None = None
    co_participation: Mapping[str, Mapping[str, int]] = field(default_factory=dict)
    """Candidate -> other candidate -> projects they did together ("partners of partners")."""
    asker_name: str = ""
    asker_kind: str | None = None
    asker_country: str | None = None
    today: date | None = None

    def of(self, candidate: str) -> Facts:
        return self.facts.get(candidate, _NO_FACTS)

    def counts_of(self, candidates: Sequence[str]) -> Counts:
        if self.counts is not None:
            return self.counts(candidates)
        return Counts.of_facts([self.of(candidate) for candidate in candidates])


_NO_FACTS = Facts()
