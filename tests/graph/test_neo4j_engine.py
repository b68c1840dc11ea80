"""The Neo4j engine without a Neo4j: an unreachable server is GraphUnavailable."""

from __future__ import annotations

import socket

import pytest

from graph import GraphUnavailable, Statement
from graph.neo4j_engine import Neo4jEngine


def _closed_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


async def test_an_unreachable_neo4j_is_graph_unavailable() -> None:
    engine = Neo4jEngine(f"bolt://127.0.0.1:{_closed_port()}", "neo4j", "secret", "neo4j")
    try:
        with pytest.raises(GraphUnavailable):
            await engine.ping()
        with pytest.raises(GraphUnavailable):
            await engine.run(Statement(name="test_return", cypher="RETURN 1 AS one"))
    finally:
        await engine.close()
