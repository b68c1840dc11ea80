"""Participations held in memory: counts, shared projects, families, and the background re-read."""

from __future__ import annotations

import asyncio

import pytest

from graph import Statement
from graph.falkordb_engine import FalkorDBEngine
from hub.graph_schema import HUB_SCHEMA
from hub.suggestions import participations
from hub.suggestions.participations import (
    NOTHING_SHARED,
    ParticipationCache,
    Participations,
    Shared,
    most,
)

ROWS = [
    ("p1", "HORIZON-CL5-2022-D2-01-04", ["a", "b", "c"]),
    ("p2", "HORIZON-CL5-2023-D2-01-07", ["a", "b"]),
    ("p3", "HORIZON-CL4-2023-DIGITAL-01-01", ["b", "d"]),
    ("p4", None, ["a", "d"]),
]
LONE_PROJECT = Statement("test_lone_project", "CREATE (:Project {id: 'p0'})", write=True)
JOIN = Statement(
    "test_join",
    "MERGE (o:Organisation {id: $org}) MERGE (w:Network {id: $name, name: $name}) "
    "MERGE (o)-[:MEMBER_OF]->(w) MERGE (g:Programme {id: $programme, name: $programme}) "
    "MERGE (o)-[:PARTICIPATES_IN]->(g)",
    write=True,
)
PARTICIPATE = Statement(
    "test_participate",
    "MERGE (o:Organisation {id: $org}) MERGE (p:Project {id: $project}) "
    "SET p.topic_identifier = $topic MERGE (o)-[:PARTICIPATED_IN {role: $role}]->(p)",
    write=True,
)


def test_counts_and_shared_projects() -> None:
    done = Participations.of_projects(ROWS)
    assert [done.count(org) for org in "abcde"] == [3, 3, 1, 2, 0]
    assert done.partners("a") == {"b": 2, "c": 1, "d": 1} and done.partners("e") == {}
    assert done.partners("c") == {"a": 1, "b": 1}
    repeated = Participations.of_projects([("p", None, ["a", "b", "b"])])
    assert repeated.partners("a") == {"b": 1} and repeated.members["p"] == ("a", "b")
    assert most(done.partners("a"), 5) == ["b", "c", "d"] and most(done.partners("a"), 1) == ["b"]
    assert done.shared_with("a")("d") == Shared(projects=1)
    assert done.shared_with("e")("a") == NOTHING_SHARED
    assert done.among(["a", "b"], ["a", "c", "d"]) == {
        "a": {"b": 2},
        "c": {"a": 1, "b": 1},
        "d": {"a": 1, "b": 1},
    }


def test_topic_families_and_their_most_experienced_members() -> None:
    done = Participations.of_projects(ROWS)
    assert done.families("b", (2, 3)) == {
        "HORIZON-CL5": 2,
        "HORIZON-CL5-D2": 2,
        "HORIZON-CL4": 1,
        "HORIZON-CL4-DIGITAL": 1,
    }
    assert done.family_members("HORIZON-CL5", 2, limit=2) == ["a", "b"]
    assert done.family_members("HORIZON-CL4-DIGITAL", 3, limit=5) == ["b", "d"]
    assert done.family_members("HORIZON-CL6", 2, limit=5) == []
    for organisation in "abcde":
        for family in ("HORIZON-CL5", "HORIZON-CL5-D2", "HORIZON-CL4-DIGITAL", "HORIZON"):
            for depths in ((2, 3), (3,)):
                expected = done.families(organisation, depths)[family]
                assert done.in_family(organisation, family, depths) == expected
    with pytest.raises(ValueError, match="indexed at depths"):
        done.family_members("HORIZON", 1, limit=2)
    assert done.topic_counts["HORIZON-CL5-2022-D2-01-04"] == 1
    assert done.action_counts == {
        "HORIZON-CL5-D2-01-04": 1,
        "HORIZON-CL5-D2-01-07": 1,
        "HORIZON-CL4-DIGITAL-01-01": 1,
    }


async def test_the_cache_reads_the_graph_then_re_reads_in_the_background(
    graph: FalkorDBEngine, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(participations, "PAGE", 2)  # 5 projects, 3 members: paged
    await graph.ensure_schema(HUB_SCHEMA)
    await graph.run(LONE_PROJECT)
    for project, topic, members in ROWS:
        for org in members:
            await graph.run(
                PARTICIPATE, {"org": org, "project": project, "topic": topic, "role": "participant"}
            )
    # a second role in the same project is still one project
    await graph.run(
        PARTICIPATE, {"org": "a", "project": "p1", "topic": ROWS[0][1], "role": "coordinator"}
    )
    for org, network, programme in [
        ("a", "EUREKA", "Digital Europe"),
        ("a", "EIT Digital", "Digital Europe"),
        ("b", "EUREKA", "Digital Europe"),
        ("b", "EIT Digital", "Horizon Europe"),
        ("c", "EIT Digital", "LIFE"),
    ]:
        await graph.run(JOIN, {"org": org, "name": network, "programme": programme})
    cache = ParticipationCache(interval=0.0)
    first = await cache.get(graph)
    assert first.count("a") == 3 and first.partners("a")["b"] == 2
    assert set(first.members) == {"p0", "p1", "p2", "p3", "p4"} and first.members["p0"] == ()
    shared = first.shared_with("a")
    assert shared("b") == Shared(2, ("EIT Digital", "EUREKA"), ("Digital Europe",))
    assert shared("c") == Shared(1, ("EIT Digital",), ())
    assert shared("z") == NOTHING_SHARED

    await graph.run(
        PARTICIPATE, {"org": "e", "project": "p2", "topic": ROWS[1][1], "role": "participant"}
    )
    stale = await cache.get(graph)  # never waits: the old reading, a re-read under way
    assert stale.count("e") == 0
    for _ in range(100):
        await asyncio.sleep(0.02)
        if (await cache.get(graph)).count("e") == 1:
            break
    assert (await cache.get(graph)).partners("a")["e"] == 1
