"""Helpers for the importer tests: the real data folders, a second graph, graph dumps."""

from __future__ import annotations

import gzip
import itertools
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import pytest
import pytest_asyncio

from graph import GraphEngine, Statement
from graph.embedded import EmbeddedServer
from graph.falkordb_engine import FalkorDBEngine
from hub.graph_schema import HUB_SCHEMA
from tests.shared_data import CORDIS, PORTAL

TOPIC_FILES = sorted((PORTAL / "topics-2023-2024").glob("output_query-*.csv.gz"))
CALLS_JSON = PORTAL / "calls-2026.json.gz"
# The first projects (by id): 862 projects, 1,738 rows of organization.csv, 776 organisations.
SMALL_SLICE = 101_050_000

# Ids and timestamps differ between any two runs; so may a vector's last float bits with
# another batch make-up. The text it embodies (embedding_hash) and the model must agree.
IGNORED = {"id", "created_at", "updated_at", "embedding", "embedded_at"}
NATURAL_KEYS = {"Organisation": "pic", "Project": "identifier", "FundingCall": "identifier"}
ALL_NODES = Statement(
    name="test_all_nodes",
    cypher="MATCH (n:Entity) RETURN labels(n) AS labels, properties(n) AS props",
)
ALL_RELATIONSHIPS = Statement(
    name="test_all_relationships",
    cypher="MATCH (a:Entity)-[r]->(b:Entity) RETURN labels(a) AS a_labels,"
    " coalesce(a.pic, a.identifier, a.key) AS a, type(r) AS type, properties(r) AS props,"
    " labels(b) AS b_labels, coalesce(b.pic, b.identifier, b.key) AS b",
)

_names = itertools.count()


@pytest_asyncio.fixture
async def other_graph(embedded_server: EmbeddedServer) -> AsyncIterator[FalkorDBEngine]:
    """A second fresh graph on the test server, to compare two imports."""
    engine = FalkorDBEngine.over_unix_socket(
        str(embedded_server.socket_path), f"sources{next(_names)}"
    )
    await engine.ensure_schema(HUB_SCHEMA)
    yield engine
    await engine.clear()
    await engine.close()


def _label(labels: list[str]) -> str:
    return next(label for label in labels if label != "Entity")


def _key(labels: list[str], props: dict[str, Any]) -> tuple[str, str]:
    label = _label(labels)
    return label, str(props["key" if label == "Topic" else NATURAL_KEYS[label]])


def _plain(props: dict[str, Any]) -> dict[str, Any]:
    return {key: value for key, value in props.items() if key not in IGNORED}


async def dump(graph: GraphEngine) -> dict[str, Any]:
    """Every node and relationship by natural keys, without ids and timestamps."""
    nodes = {}
    for row in await graph.run(ALL_NODES):
        nodes[_key(row["labels"], row["props"])] = _plain(row["props"])
    relationships = sorted(
        (
            (_label(row["a_labels"]), row["a"]),
            row["type"],
            (_label(row["b_labels"]), row["b"]),
            sorted(row["props"].items()),
        )
        for row in await graph.run(ALL_RELATIONSHIPS)
    )
    return {"nodes": nodes, "relationships": relationships}


def write_csv(path: Path, header: list[str], rows: list[list[str]], *, delimiter: str) -> Path:
    """A CSV file as the sources write them (every field quoted), gzipped for `.gz`."""
    lines = [delimiter.join(f'"{value}"' for value in row) for row in [header, *rows]]
    text = "\n".join(lines) + "\n"
    if path.suffix == ".gz":
        path.write_bytes(gzip.compress(text.encode("utf-8")))
    else:
        path.write_text(text, encoding="utf-8")
    return path


def cordis_subset(target: Path, last_project: int) -> Path:
    """The real CORDIS files cut to the rows of projects up to `last_project` (line by
    line: no CORDIS field spans lines), for tests that need a small folder fast."""
    target.mkdir(parents=True, exist_ok=True)
    for source in sorted(CORDIS.glob("*.csv.gz")):
        with gzip.open(source, "rt", encoding="utf-8", newline="") as handle:
            header, *lines = handle.read().splitlines(keepends=True)
        kept = [line for line in lines if int(line.split(";", 1)[0].strip('"')) <= last_project]
        (target / source.name).write_bytes(gzip.compress("".join([header, *kept]).encode()))
    return target


@pytest.fixture(scope="session")
def small_cordis(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The real files' rows of the projects up to 101,056,000 (2 of them funded by topics
    in the 2023-24 exports)."""
    return cordis_subset(tmp_path_factory.mktemp("cordis"), 101_056_000)
