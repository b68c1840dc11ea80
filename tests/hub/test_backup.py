"""`hub backup` of a live embedded graph and `hub restore`: back exactly to the backup point."""

from __future__ import annotations

import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from graph import Statement
from graph.falkordb_engine import FalkorDBEngine
from tests.hub.processes import HubServe, hub_cli

NODES = Statement(
    name="test_backup_nodes", cypher="MATCH (n) RETURN labels(n) AS labels, properties(n) AS p"
)
RELATIONS = Statement(
    name="test_backup_relations",
    cypher="MATCH (a)-[r]->(b) RETURN a.id AS a, type(r) AS type, properties(r) AS p, b.id AS b",
)


@pytest.fixture
def data_dir() -> Iterator[Path]:
    with tempfile.TemporaryDirectory(prefix="hubbak-") as name:
        yield Path(name)


async def contents(data_dir: Path) -> dict[str, Any]:
    """Every node and relation of the hub's graph, exactly (ids and timestamps included)."""
    graph = FalkorDBEngine.over_unix_socket(str(data_dir / "falkordb" / "falkordb.sock"), "hub")
    try:
        nodes = sorted(
            repr((sorted(row["labels"]), sorted(row["p"].items())))
            for row in await graph.run(NODES)
        )
        relations = sorted(
            repr((row["a"], row["type"], sorted(row["p"].items()), row["b"]))
            for row in await graph.run(RELATIONS)
        )
    finally:
        await graph.close()
    return {"nodes": nodes, "relations": relations}


def _names(hub: HubServe) -> set[str]:
    listed = hub.gql("{ organisations(first: 100) { edges { node { name } } } }")
    return {edge["node"]["name"] for edge in listed["organisations"]["edges"]}


async def test_a_live_backup_restored_gives_exactly_the_graph_of_the_backup_point(
    data_dir: Path, tmp_path: Path
) -> None:
    snapshot = tmp_path / "backups" / "hub.rdb"
    hub = HubServe(data_dir)
    hub.start()
    try:
        hub.sign_in_as_admin()
        kept = [hub.create_organisation(f"Kept {index}", city="Θεσσαλονίκη") for index in range(10)]
        at_backup = await contents(data_dir)
        assert len(at_backup["nodes"]) >= 10

        backed = hub_cli(data_dir, "backup", str(snapshot))  # while `hub serve` runs
        assert backed.returncode == 0, backed.stderr
        assert backed.stdout.startswith(f"backed up to {snapshot}")

        for index in range(5):
            hub.create_organisation(f"Later {index}")
        hub.gql(
            """mutation($id: ID!) { updateOrganisation(id: $id, input: {name: "Renamed"})
               { errors { code } } }""",
            id=kept[0],
        )
        hub.gql("mutation($id: ID!) { deleteOrganisation(id: $id) { deletedId } }", id=kept[1])
        after_backup = _names(hub)
        assert "Renamed" in after_backup and "Kept 1" not in after_backup

        refused = hub_cli(data_dir, "restore", str(snapshot))
        assert refused.returncode == 1
        assert "in use by another hub process" in refused.stderr
        assert "Traceback" not in refused.stderr
        assert _names(hub) == after_backup  # nothing was touched
    finally:
        hub.stop()

    not_a_backup = tmp_path / "notes.txt"
    not_a_backup.write_text("not a snapshot")
    wrong = hub_cli(data_dir, "restore", str(not_a_backup))
    assert wrong.returncode == 1 and "is not a backup written by `hub backup`" in wrong.stderr

    restored = hub_cli(data_dir, "restore", str(snapshot))
    assert restored.returncode == 0, restored.stderr
    assert restored.stdout.startswith(f"restored from {snapshot}")
    assert f"{len(at_backup['nodes'])} nodes in the graph" in restored.stdout

    hub.start()  # from the append-only file the restore wrote
    try:
        assert await contents(data_dir) == at_backup
        assert _names(hub) == {f"Kept {index}" for index in range(10)}
        hub.create_organisation("After restore")  # the restored graph takes writes
        assert "After restore" in _names(hub)
    finally:
        hub.stop()
