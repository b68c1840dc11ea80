"""The in-memory index follows the graph, reading only the nodes whose stamps changed."""

from __future__ import annotations

import asyncio
import threading
from datetime import UTC, datetime, timedelta

import pytest

import hub.suggestions.index as index_module
from graph import Statement
from graph.falkordb_engine import FalkorDBEngine
from hub.graph_schema import HUB_SCHEMA
from hub.suggestions.index import BULK, STATEMENTS, LabelIndex, MatchIndex


def stamp(after_seconds: float = 0.0) -> str:
    """A stamp as writers make them (now_iso), `after_seconds` from now."""
    moment = datetime.now(UTC) + timedelta(seconds=after_seconds)
    return moment.isoformat(timespec="milliseconds")


CREATE = Statement(
    "test_index_create",
    "UNWIND $names AS name CREATE (:Organisation {id: name, name: name, updated_at: $at})",
    write=True,
)
DELETE = Statement(
    "test_index_delete",
    "UNWIND $names AS name MATCH (n:Organisation {id: name}) DETACH DELETE n",
    write=True,
)
RENAME = Statement(
    "test_index_rename",
    "MATCH (n:Organisation {id: $id}) SET n.name = $name, n.updated_at = $at",
    write=True,
)


async def loaded_with_one(graph: FalkorDBEngine) -> MatchIndex:
    """An index refreshed on every request, loaded with one organisation, `first`."""
    await graph.ensure_schema(HUB_SCHEMA)
    await graph.run(CREATE, {"names": ["first"], "at": stamp()})
    index = MatchIndex(384, refresh_interval=0.0)
    await index.of(graph, "Organisation")
    return index


async def test_a_refresh_reads_only_the_nodes_whose_stamps_changed(
    graph: FalkorDBEngine,
) -> None:
    await graph.ensure_schema(HUB_SCHEMA)
    await graph.run(CREATE, {"names": ["a", "b", "c"], "at": stamp()})
    index = MatchIndex(384, refresh_interval=0.0)
    loaded = await index.of(graph, "Organisation")
    assert sorted(loaded.nodes) == ["a", "b", "c"]

    before = graph.round_trips
    await index.of(graph, "Organisation")
    # all three share the newest stamp, yet only their stamps and the count are read
    assert graph.round_trips - before == 2

    await graph.run(RENAME, {"id": "c", "name": "Port Labs", "at": stamp(1.0)})
    refreshed = await index.of(graph, "Organisation")
    assert refreshed.nodes["c"]["name"] == "Port Labs"
    assert refreshed.nodes["b"]["name"] == "b"
    assert [hit.id for hit in refreshed.lexical.search("port", limit=5)] == ["c"]


async def test_a_bulk_write_stamped_before_the_margin_is_not_read_again(
    graph: FalkorDBEngine,
) -> None:
    await graph.ensure_schema(HUB_SCHEMA)
    await graph.run(CREATE, {"names": ["old-1", "old-2"], "at": stamp(-60.0)})
    await graph.run(CREATE, {"names": ["new"], "at": stamp()})
    index = MatchIndex(384, refresh_interval=0.0)
    loaded = await index.of(graph, "Organisation")
    assert sorted(loaded.nodes) == ["new", "old-1", "old-2"]
    again = await graph.run(
        STATEMENTS["Organisation"].stamps, {"since": loaded.since, "after": "", "limit": 10}
    )
    assert [row["id"] for row in again] == ["new"]  # within the margin: looked at once more


async def test_a_bulk_write_is_read_in_the_background_and_the_next_refresh_waits(
    graph: FalkorDBEngine,
) -> None:
    index = await loaded_with_one(graph)

    await graph.run(CREATE, {"names": ["one-more"], "at": stamp()})
    assert "one-more" in (await index.of(graph, "Organisation")).nodes  # a small change: read now

    bulk = [f"bulk-{number}" for number in range(BULK)]
    await graph.run(CREATE, {"names": bulk, "at": stamp()})
    answered = await index.of(graph, "Organisation")  # at once, from the copy as it stands
    assert not set(bulk) & set(answered.nodes)
    async with index._locks["Organisation"]:  # the background refresh has ended
        assert set(bulk) <= set(answered.nodes)
    await graph.run(CREATE, {"names": ["late"], "at": stamp()})
    before = graph.round_trips
    put_off = await index.of(graph, "Organisation")
    # the refresh that read a page is followed by a pause of four times its cost
    assert graph.round_trips == before
    assert "late" not in put_off.nodes
    seen = False
    for _ in range(100):  # once the pause is over, it is read
        await asyncio.sleep(0.1)
        seen = "late" in (await index.of(graph, "Organisation")).nodes
        if seen:
            break
    assert seen


async def test_changes_are_listed_a_page_of_stamps_at_a_time(
    graph: FalkorDBEngine, monkeypatch: pytest.MonkeyPatch
) -> None:
    index = await loaded_with_one(graph)
    monkeypatch.setattr(index_module, "STAMP_PAGE", 2)
    names = [f"later-{number}" for number in range(4)]
    await graph.run(CREATE, {"names": names, "at": stamp(1.0)})
    before = graph.round_trips
    refreshed = await index.of(graph, "Organisation")
    assert set(names) <= set(refreshed.nodes)
    # five stamped (the first, within the margin, and four later): pages of 2, 2 and 1,
    # then the changed nodes and the count
    assert graph.round_trips - before == 5


async def test_deleted_nodes_leave_the_index_and_nodes_not_yet_read_wait_for_their_stamps(
    graph: FalkorDBEngine, monkeypatch: pytest.MonkeyPatch
) -> None:
    await graph.ensure_schema(HUB_SCHEMA)
    await graph.run(CREATE, {"names": ["keep", "gone-1", "gone-2"], "at": stamp()})
    index = MatchIndex(384, refresh_interval=0.0)
    loaded = await index.of(graph, "Organisation")
    assert {hit.id for hit in loaded.lexical.search("gone", limit=5)} == {"gone-1", "gone-2"}

    # Written with a stamp the refresh does not look at: counted, but not read, and its count
    # alone does not make the refresh list every id (an import writes while refreshes run).
    await graph.run(CREATE, {"names": ["unseen"], "at": stamp(-60.0)})
    before = graph.round_trips
    refreshed = await index.of(graph, "Organisation")
    assert graph.round_trips - before == 2  # the stamps and the count
    assert "unseen" not in refreshed.nodes

    monkeypatch.setattr(index_module, "STAMP_PAGE", 2)
    await graph.run(DELETE, {"names": ["gone-1", "gone-2"]})
    before = graph.round_trips
    refreshed = await index.of(graph, "Organisation")
    assert sorted(refreshed.nodes) == ["keep"]
    assert refreshed.lexical.search("gone", limit=5) == []
    # the stamps, the count, then the ids two at a time (keep, unseen; then none)
    assert graph.round_trips - before == 4


async def test_the_first_load_lists_ids_and_reads_nodes_a_page_at_a_time(
    graph: FalkorDBEngine, monkeypatch: pytest.MonkeyPatch
) -> None:
    await graph.ensure_schema(HUB_SCHEMA)
    names = [f"org-{number}" for number in range(5)]
    await graph.run(CREATE, {"names": names, "at": stamp()})
    monkeypatch.setattr(index_module, "STAMP_PAGE", 2)
    monkeypatch.setattr(index_module, "PAGE", 3)
    before = graph.round_trips
    loaded = await MatchIndex(384, refresh_interval=0.0).of(graph, "Organisation")
    assert sorted(loaded.nodes) == names
    # ids two at a time (2, 2, 1), then the nodes three at a time (3, 2): no reply holds a
    # whole label
    assert graph.round_trips - before == 5


def test_an_embedding_of_unchanged_text_keeps_the_lexical_matrices() -> None:
    index = LabelIndex("Organisation", 4)
    node = {"id": "a", "name": "Port Labs", "description_en": "harbour logistics sensors"}
    index.put(dict(node), [])
    index.prepare()
    built = index.lexical._built()

    index.put({**node, "embedded_at": stamp(), "embedding": None}, [])
    index.prepare()
    assert index.lexical._built() is built  # the words are the same: nothing rebuilt

    index.put({**node, "description_en": "solar roofs"}, [])
    assert [hit.id for hit in index.lexical.search("solar", limit=5)] == ["a"]
    assert index.lexical.search("harbour", limit=5) == []


async def test_while_one_request_refreshes_the_others_answer_from_the_copy(
    graph: FalkorDBEngine,
) -> None:
    await graph.ensure_schema(HUB_SCHEMA)
    await graph.run(CREATE, {"names": ["a"], "at": stamp()})
    index = MatchIndex(384, refresh_interval=0.0)
    lock = index._locks["Organisation"]

    async with lock:  # the first load under way: nothing to answer from yet, so wait for it
        waiting = asyncio.create_task(index.of(graph, "Organisation"))
        await asyncio.sleep(0.05)
        assert not waiting.done()
    assert sorted((await waiting).nodes) == ["a"]

    await graph.run(CREATE, {"names": ["b"], "at": stamp(1.0)})
    async with lock:  # a refresh under way: answered at once, a refresh behind
        copy = await asyncio.wait_for(index.of(graph, "Organisation"), timeout=1.0)
        assert sorted(copy.nodes) == ["a"]
    assert sorted((await index.of(graph, "Organisation")).nodes) == ["a", "b"]


async def test_a_failed_background_refresh_is_tried_again_by_the_next_request(
    graph: FalkorDBEngine, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    index = await loaded_with_one(graph)
    bulk = [f"bulk-{number}" for number in range(BULK)]
    await graph.run(CREATE, {"names": bulk, "at": stamp()})

    async def unavailable(*args: object) -> None:
        raise ConnectionError("graph went away")

    with monkeypatch.context() as patched:
        patched.setattr(index, "_read_changes", unavailable)
        await index.of(graph, "Organisation")
        async with index._locks["Organisation"]:  # released although the refresh failed
            pass
    assert "refreshing the Organisation index failed" in caplog.text
    await index.of(graph, "Organisation")
    async with index._locks["Organisation"]:
        assert set(bulk) <= set(index._labels["Organisation"].nodes)


async def test_a_brief_search_runs_on_the_loop_only_while_the_index_is_built_and_still() -> None:
    matches = MatchIndex(4)
    index = matches._labels["Organisation"]
    index.put({"id": "a", "name": "Port Labs", "description_en": "harbour sensors"}, [])
    loop_thread = threading.get_ident()

    async def where() -> str:
        thread = await matches.search(index, threading.get_ident)
        return "loop" if thread == loop_thread else "worker"

    assert not index.prepared and await where() == "worker"  # matrices to build: not here
    index.prepare()
    assert index.prepared and await where() == "loop"
    async with matches._locks["Organisation"]:  # a refresh under way
        assert await where() == "worker"
    index.put({"id": "b", "name": "Solar Roofs"}, [])
    assert await where() == "worker"


async def test_a_request_stops_reading_stamps_once_it_has_found_a_bulk(
    graph: FalkorDBEngine, monkeypatch: pytest.MonkeyPatch
) -> None:
    index = await loaded_with_one(graph)
    monkeypatch.setattr(index_module, "STAMP_PAGE", 2)
    monkeypatch.setattr(index_module, "BULK", 3)
    names = [f"bulk-{number}" for number in range(6)]
    await graph.run(CREATE, {"names": names, "at": stamp(1.0)})
    before = graph.round_trips
    answered = await index.of(graph, "Organisation")
    # seven stamped (the first, within the margin, and six more): two pages of two make a
    # bulk, and the request answers from the copy as it stands
    assert graph.round_trips - before == 2
    assert not set(names) & set(answered.nodes)
    async with index._locks["Organisation"]:  # the background refresh listed and read the rest
        assert set(names) <= set(answered.nodes)


async def test_the_stamps_of_every_embedded_label_are_indexed(graph: FalkorDBEngine) -> None:
    await graph.ensure_schema(HUB_SCHEMA)
    listed = await graph._graph.query("CALL db.indexes() YIELD label, types RETURN label, types")
    ranged = {
        (label, prop)
        for label, types in listed.result_set
        for prop, kinds in types.items()
        if "RANGE" in kinds
    }
    wanted = {(label, prop) for label in STATEMENTS for prop in ("updated_at", "embedded_at")}
    assert wanted <= ranged
