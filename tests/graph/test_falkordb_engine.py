"""The FalkorDB engine on the real embedded server: rows, errors, schema, availability."""

from __future__ import annotations

import pytest

from graph import ConstraintViolation, GraphUnavailable, Statement, StatementFailed
from graph.falkordb_engine import FalkorDBEngine
from hub.graph_schema import HUB_SCHEMA

CREATE = Statement(
    name="test_create",
    cypher="CREATE (n:Entity:Probe {id: $id, tags: $tags, meta: $meta}) "
    "RETURN n {.*} AS node, labels(n) AS labels",
    write=True,
)
READ = Statement(name="test_read_probe", cypher="MATCH (n:Probe) RETURN n.id AS id ORDER BY id")
BROKEN = Statement(name="test_broken", cypher="MATCH (n:Probe RETURN n")
WRITE_IN_READ = Statement(name="test_write_in_read", cypher="CREATE (n:Probe {id: 'x'})")


async def test_rows_are_plain_dicts_and_lists(graph: FalkorDBEngine) -> None:
    rows = await graph.run(CREATE, {"id": "a", "tags": ["x", "ψ"], "meta": None})
    assert rows == [{"node": {"id": "a", "tags": ["x", "ψ"]}, "labels": ["Entity", "Probe"]}]
    assert type(rows[0]["node"]) is dict


MANY = Statement(
    name="test_many_rows",
    cypher="UNWIND range(1, $count) AS i RETURN i AS number, {square: i * i, word: 'ψ'} AS map, "
    "range(1, $width) AS numbers",
)


@pytest.mark.parametrize(("count", "width"), [(3, 3), (1000, 3), (2, 1000)])
async def test_small_and_large_results_come_back_alike(
    graph: FalkorDBEngine, count: int, width: int
) -> None:
    # A large result (many rows, or a long list in a cell) is unwrapped in a worker thread.
    rows = await graph.run(MANY, {"count": count, "width": width})
    assert len(rows) == count
    assert rows[-1] == {
        "number": count,
        "map": {"square": count * count, "word": "ψ"},
        "numbers": list(range(1, width + 1)),
    }
    assert type(rows[-1]["map"]) is dict and type(rows[-1]["numbers"]) is list


async def test_a_duplicate_id_is_a_constraint_violation_and_writes_nothing(
    graph: FalkorDBEngine,
) -> None:
    await graph.run(CREATE, {"id": "a", "tags": [], "meta": None})
    with pytest.raises(ConstraintViolation):
        await graph.run(CREATE, {"id": "a", "tags": [], "meta": None})
    assert await graph.run(READ) == [{"id": "a"}]


async def test_a_broken_statement_names_itself(graph: FalkorDBEngine) -> None:
    with pytest.raises(StatementFailed, match="test_broken"):
        await graph.run(BROKEN)


async def test_a_read_statement_cannot_write(graph: FalkorDBEngine) -> None:
    with pytest.raises(StatementFailed):
        await graph.run(WRITE_IN_READ)
    assert await graph.run(READ) == []


@pytest.mark.parametrize(
    ("value", "problem"),
    [
        ("nul\x00byte", "NUL"),
        ("\ud800", "not valid Unicode"),
        (2**64, "64-bit"),
        (float("nan"), "NaN"),
        ({"bad key": 1}, "plain name"),
    ],
)
async def test_values_no_engine_stores_faithfully_are_refused(
    graph: FalkorDBEngine, value: object, problem: str
) -> None:
    with pytest.raises(StatementFailed, match=problem):
        await graph.run(CREATE, {"id": "a", "tags": [], "meta": value})
    assert await graph.run(READ) == []


async def test_schema_set_up_is_idempotent(graph: FalkorDBEngine) -> None:
    await graph.ensure_schema(HUB_SCHEMA)
    await graph.ensure_schema(HUB_SCHEMA)
    indexes = await graph.run(Statement(name="test_indexes", cypher="CALL db.indexes()"))
    labels = {row["label"] for row in indexes}
    assert {"Entity", "Organisation", "FundingCall", "Topic"} <= labels


async def test_an_unreachable_server_is_graph_unavailable() -> None:
    engine = FalkorDBEngine.over_unix_socket("/nonexistent/hub.sock", "hub")
    try:
        with pytest.raises(GraphUnavailable):
            await engine.ping()
        with pytest.raises(GraphUnavailable):
            await engine.run(READ)
    finally:
        await engine.close()
