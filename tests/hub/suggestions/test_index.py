"""The in-memory index follows the graph, reading only the nodes whose stamps changed."""

from __future__ import annotations

from graph import Statement
from graph.falkordb_engine import FalkorDBEngine
from hub.graph_schema import HUB_SCHEMA
from hub.suggestions.index import MatchIndex

STAMP = "2026-11-26T04:00:00.000+00:00"
CREATE = Statement(
    "test_index_create",
    "UNWIND $names AS name CREATE (:Organisation {id: name, name: name, updated_at: $at})",
    write=True,
)
RENAME = Statement(
    "test_index_rename",
    "MATCH (n:Organisation {id: $id}) SET n.name = $name, n.updated_at = $at",
    write=True,
)


async def test_a_refresh_reads_only_the_nodes_whose_stamps_changed(
    graph: FalkorDBEngine,
) -> None:
    await graph.ensure_schema(HUB_SCHEMA)
    await graph.run(CREATE, {"names": ["a", "b", "c"], "at": STAMP})
    index = MatchIndex(384, refresh_interval=0.0)
    loaded = await index.of(graph, "Organisation")
    assert sorted(loaded.nodes) == ["a", "b", "c"]

    before = graph.round_trips
    await index.of(graph, "Organisation")
    # all three share the newest stamp, yet only their stamps and the count are read
    assert graph.round_trips - before == 2

    await graph.run(RENAME, {"id": "c", "name": "Port Labs", "at": "2026-11-26T04:00:01+00:00"})
    refreshed = await index.of(graph, "Organisation")
    assert refreshed.nodes["c"]["name"] == "Port Labs"
    assert refreshed.nodes["b"]["name"] == "b"
    assert [hit.id for hit in refreshed.lexical_hits("port", limit=5)] == ["c"]
