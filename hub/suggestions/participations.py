"""Who took part in which project, held in memory: the graph evidence every suggestion needs.

Popularity, past work under a call's programme and destination, projects shared with the asker
and among candidates all come from the same (organisation)-[:PARTICIPATED_IN]->(project)
edges. Asking the graph for them per request cost hundreds of milliseconds for a few hundred
candidates (an experienced organisation brings thousands of past topics); the whole relation is
small (80k edges for all of CORDIS Horizon Europe), so it is read whole, a page of projects at
a time, and re-read in the background at most once per `interval`: a new participation shows in
suggestions within that time.
"""

from __future__ import annotations

import asyncio
import heapq
import logging
import time
from collections import Counter
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import partial

from graph import GraphEngine, Statement
from hub.suggestions.heap import settled
from hub.suggestions.paging import every_row
from matching.features import DESTINATION_DEPTH, PARTNER_PROGRAMME_DEPTH, topic_family

log = logging.getLogger(__name__)

FAMILY_DEPTHS = (PARTNER_PROGRAMME_DEPTH, DESTINATION_DEPTH)
"""The depths of topic families indexed with each reading: a consortium's candidates are
ranked by their past work in the call's programme part and destination."""
PAGE = 200
"""Projects read per statement: the graph client parses each reply on the event loop, and 500
projects with their members held it up to 50 ms while an import shared the CPU."""
PROJECTS = Statement(
    name="participations_by_project",
    cypher="MATCH (p:Project) WHERE p.id > $after WITH p ORDER BY p.id LIMIT $limit "
    "OPTIONAL MATCH (o:Organisation)-[:PARTICIPATED_IN]->(p) "
    "RETURN p.id AS project, p.topic_identifier AS topic, collect(DISTINCT o.id) AS members",
    example={"after": "", "limit": 10},
)


def _memberships(relation: str, label: str) -> Statement:
    """Each organisation's names of the `label` nodes it is linked to by `relation`, paged."""
    return Statement(
        name=f"participations_{label.lower()}s",
        cypher=f"MATCH (o:Organisation)-[:{relation}]->(x:{label}) WHERE o.id > $after "
        "WITH o, collect(DISTINCT x.name) AS names ORDER BY o.id LIMIT $limit "
        "RETURN o.id AS id, names",
        example={"after": "", "limit": 10},
    )


NETWORKS = _memberships("MEMBER_OF", "Network")
PROGRAMMES = _memberships("PARTICIPATES_IN", "Programme")


@dataclass(frozen=True, slots=True)
class Shared:
    """What another organisation shares with an asker."""

    projects: int = 0
    networks: tuple[str, ...] = ()
    programmes: tuple[str, ...] = ()


NOTHING_SHARED = Shared()


@dataclass(frozen=True)
class Participations:
    """One reading of the participation edges."""

    members: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    """Project id -> the organisations that took part in it."""
    project_topics: Mapping[str, str] = field(default_factory=dict)
    """Project id -> its call topic identifier (projects without one are left out)."""
    projects: Mapping[str, frozenset[str]] = field(default_factory=dict)
    """Organisation id -> ids of the projects it took part in."""
    topics: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    """Organisation id -> the call topic identifier of each of its projects that has one."""
    topic_counts: Counter[str] = field(default_factory=Counter)
    """Call topic identifier -> projects funded under it."""
    action_counts: Counter[str] = field(default_factory=Counter)
    """Call action (topic identifier without its year) -> projects funded under it."""
    networks: Mapping[str, frozenset[str]] = field(default_factory=dict)
    """Organisation id -> names of the networks it is a member of."""
    programmes: Mapping[str, frozenset[str]] = field(default_factory=dict)
    """Organisation id -> names of the programmes it takes part in."""
    in_families: Mapping[tuple[int, str], Counter[str]] = field(default_factory=dict)
    """(depth, topic family at that depth) -> organisation id -> its projects in the family,
    at the depths a consortium is ranked by (`FAMILY_DEPTHS`)."""

    @classmethod
    def of_projects(
        cls,
        rows: Iterable[tuple[str, str | None, Sequence[str]]],
        *,
        networks: Mapping[str, frozenset[str]] | None = None,
        programmes: Mapping[str, frozenset[str]] | None = None,
    ) -> Participations:
        """From (project id, topic identifier or None, member organisation ids) rows, and each
        organisation's networks and programmes by name."""
        members: dict[str, tuple[str, ...]] = {}
        project_topics: dict[str, str] = {}
        projects: dict[str, set[str]] = {}
        topics: dict[str, list[str]] = {}
        for project, topic, who in rows:
            members[project] = tuple(dict.fromkeys(who))
            if topic:
                project_topics[project] = topic
            for member in who:
                projects.setdefault(member, set()).add(project)
                if topic:
                    topics.setdefault(member, []).append(topic)
        topic_counts = Counter(project_topics.values())
        in_families: dict[tuple[int, str], Counter[str]] = {}
        for project, topic in project_topics.items():
            for depth in FAMILY_DEPTHS:
                key = (depth, topic_family(topic, depth))
                in_families.setdefault(key, Counter()).update(members[project])
        action_counts: Counter[str] = Counter()
        for topic, count in topic_counts.items():
            action_counts[topic_family(topic)] += count
        return cls(
            members=members,
            project_topics=project_topics,
            projects={org: frozenset(done) for org, done in projects.items()},
            topics={org: tuple(found) for org, found in topics.items()},
            topic_counts=topic_counts,
            action_counts=action_counts,
            networks=networks or {},
            programmes=programmes or {},
            in_families=in_families,
        )

    def count(self, organisation: str) -> int:
        return len(self.projects.get(organisation, ()))

    def shared_with(self, asker: str) -> Callable[[str], Shared]:
        """What each other organisation shares with `asker`: the asker's links are read once
        for the hundreds of candidates of a request."""
        projects = self.projects.get(asker, frozenset())
        networks = self.networks.get(asker, frozenset())
        programmes = self.programmes.get(asker, frozenset())
        if not (projects or networks or programmes):
            return _nothing_shared

        def of(other: str) -> Shared:
            theirs = self.projects.get(other)
            return Shared(
                projects=len(projects & theirs) if projects and theirs else 0,
                networks=_common(networks, self.networks.get(other)),
                programmes=_common(programmes, self.programmes.get(other)),
            )

        return of

    def partners(self, organisation: str) -> Counter[str]:
        """Each organisation this one did projects with -> how many."""
        counts = self._partner_counts(organisation)
        counts.pop(organisation, None)
        return counts

    def among(self, seeds: Sequence[str], candidates: Iterable[str]) -> dict[str, dict[str, int]]:
        """Candidate -> seed -> projects they did together (partners of partners): each
        seed's partners counted once, then looked up (hundreds of candidates, tens of seeds)."""
        wanted = set(candidates)
        found: dict[str, dict[str, int]] = {}
        for seed in dict.fromkeys(seeds):
            for candidate, done in self._partner_counts(seed).items():
                if candidate != seed and candidate in wanted:
                    found.setdefault(candidate, {})[seed] = done
        return found

    def families(self, organisation: str, depths: Iterable[int]) -> Counter[str]:
        """Past projects per topic family, at each of `depths` segments."""
        chosen = tuple(depths)
        return Counter(
            topic_family(topic, depth)
            for topic in self.topics.get(organisation, ())
            for depth in chosen
        )

    def in_family(self, organisation: str, family: str, depths: Sequence[int]) -> int:
        """Past projects of the organisation whose topic is in `family` at any of `depths`
        (as `families(organisation, depths)[family]`, read from the index)."""
        return sum(self._in_family(depth, family).get(organisation, 0) for depth in depths)

    def family_members(self, family: str, depth: int, limit: int) -> list[str]:
        """The organisations with the most past projects in a topic family, most first (ties
        by id)."""
        return most(self._in_family(depth, family), limit)

    def _partner_counts(self, organisation: str) -> Counter[str]:
        """Each organisation the given one took part with -> how many projects (itself
        included, once per project)."""
        counts: Counter[str] = Counter()
        for project in self.projects.get(organisation, ()):
            counts.update(self.members.get(project, ()))
        return counts

    def _in_family(self, depth: int, family: str) -> Mapping[str, int]:
        if depth not in FAMILY_DEPTHS:
            raise ValueError(f"topic families are indexed at depths {FAMILY_DEPTHS}, not {depth}")
        return self.in_families.get((depth, family), {})


def most(counts: Mapping[str, int], limit: int) -> list[str]:
    """The `limit` ids with the highest counts, highest first (ties by id)."""
    ranked = heapq.nsmallest(limit, counts.items(), key=lambda item: (-item[1], item[0]))
    return [node_id for node_id, _ in ranked]


def _common(mine: frozenset[str], theirs: frozenset[str] | None) -> tuple[str, ...]:
    """The names both have, sorted."""
    return tuple(sorted(mine & theirs)) if mine and theirs else ()


def _nothing_shared(other: str) -> Shared:
    return NOTHING_SHARED


class ParticipationCache:
    """The latest `Participations`, re-read in the background once it is `interval` old."""

    def __init__(self, *, interval: float = 60.0) -> None:
        self.interval = interval
        self._current: Participations | None = None
        self._read_at = -1e9
        self._lock = asyncio.Lock()
        self._refresh: asyncio.Task[None] | None = None

    async def get(self, graph: GraphEngine) -> Participations:
        """The current reading: the first call waits for it, later ones never do."""
        if self._current is None:
            async with self._lock:
                if self._current is None:
                    await self._read(graph)
        elif time.monotonic() - self._read_at >= self.interval and not self._refreshing():
            self._refresh = asyncio.create_task(self._read_in_background(graph))
        assert self._current is not None
        return self._current

    def _refreshing(self) -> bool:
        return self._refresh is not None and not self._refresh.done()

    async def _read_in_background(self, graph: GraphEngine) -> None:
        try:
            await self._read(graph)
        except Exception:  # the last reading stays in use; the next interval tries again
            log.exception("re-reading participations failed")

    async def _read(self, graph: GraphEngine) -> None:
        self._read_at = time.monotonic()
        projects = [
            (str(row["project"]), row["topic"], row["members"])
            for row in await every_row(graph, PROJECTS, "project", page=PAGE)
        ]
        networks = {
            str(row["id"]): frozenset(row["names"])
            for row in await every_row(graph, NETWORKS, "id", page=PAGE)
        }
        programmes = {
            str(row["id"]): frozenset(row["names"])
            for row in await every_row(graph, PROGRAMMES, "id", page=PAGE)
        }
        self._current = await asyncio.to_thread(
            settled,
            partial(Participations.of_projects, projects, networks=networks, programmes=programmes),
        )
