"""Graph facts the evaluation derives from past projects, as the hub derives them from the graph.

Topic identifiers carry their programme and destination: `HORIZON-CL5-2024-D2-01-04` is in
programme `HORIZON-CL5` and destination `HORIZON-CL5-D2`; without its year it is the action
`HORIZON-CL5-D2-01-04`, which recurs from one work programme to the next.
"""

from __future__ import annotations

import functools
import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

_YEAR = re.compile(r"^(19|20)\d\d$")
FAMILY_DEPTHS = (1, 2, 3)
CALL_PROGRAMME_DEPTH = 1
"""`HORIZON`: the programme an organisation asking for calls has worked in."""
PARTNER_PROGRAMME_DEPTH = 2
"""`HORIZON-CL5`: the programme part whose past participants a call's consortium draws on."""
DESTINATION_DEPTH = 3
"""`HORIZON-CL5-D2`: the destination, a narrower call family (both uses)."""


@functools.lru_cache(maxsize=1 << 16)
def topic_family(identifier: str, depth: int | None = None) -> str:
    """The identifier without its year, cut to `depth` segments (None: all of them)."""
    parts = [part for part in identifier.upper().split("-") if not _YEAR.match(part)]
    return "-".join(parts if depth is None else parts[:depth])


@dataclass(frozen=True, slots=True)
class PastProject:
    topic: str | None
    participants: tuple[str, ...]


class History:
    """Who took part in which past projects, under which topics."""

    def __init__(self, projects: Iterable[PastProject]) -> None:
        self.popularity: Counter[str] = Counter()
        self.partners: dict[str, Counter[str]] = defaultdict(Counter)
        self.families: dict[str, Counter[str]] = defaultdict(Counter)
        self.members: dict[str, Counter[str]] = defaultdict(Counter)
        self.actions: Counter[str] = Counter()
        for project in projects:
            members = list(dict.fromkeys(project.participants))
            self.popularity.update(members)
            for member in members:
                counter = self.partners[member]
                counter.update(other for other in members if other != member)
            if project.topic:
                self.actions[topic_family(project.topic)] += 1
                keys = {topic_family(project.topic, depth) for depth in FAMILY_DEPTHS}
                for member in members:
                    self.families[member].update(keys)
                for key in keys:
                    self.members[key].update(members)

    def in_family(self, organisation: str, topic: str, depth: int) -> int:
        """Past participations of an organisation under topics of the same family."""
        return self.families.get(organisation, Counter())[topic_family(topic, depth)]

    def family_members(self, topic: str, depth: int) -> Mapping[str, int]:
        """Organisation -> past participations under topics of the same family."""
        return self.members.get(topic_family(topic, depth), Counter())

    def action_popularity(self, topic: str) -> int:
        """Past projects funded under the same action in earlier work programmes."""
        return self.actions[topic_family(topic)]

    def co_participation(self) -> Mapping[str, Mapping[str, int]]:
        return self.partners
