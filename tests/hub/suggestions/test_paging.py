"""Every row of a statement, read a page at a time."""

from __future__ import annotations

from graph import Statement
from graph.falkordb_engine import FalkorDBEngine
from hub.graph_schema import HUB_SCHEMA
from hub.suggestions.paging import every_row

CREATE = Statement(
    "test_paging_create",
    "UNWIND $names AS name CREATE (:Organisation {id: name, name: name, city: $city})",
    write=True,
)
BY_CITY = Statement(
    "test_paging_by_city",
    "MATCH (n:Organisation) WHERE n.city = $city AND n.id > $after "
    "RETURN n.id AS id ORDER BY n.id LIMIT $limit",
)


async def test_every_row_is_read_a_page_at_a_time(graph: FalkorDBEngine) -> None:
    await graph.ensure_schema(HUB_SCHEMA)
    await graph.run(CREATE, {"names": ["e", "a", "d", "b", "c"], "city": "Thessaloniki"})
    await graph.run(CREATE, {"names": ["z"], "city": "Athens"})
    before = graph.round_trips
    rows = await every_row(graph, BY_CITY, "id", page=2, params={"city": "Thessaloniki"})
    assert [row["id"] for row in rows] == ["a", "b", "c", "d", "e"]
    assert graph.round_trips - before == 3  # pages of 2, 2 and 1
