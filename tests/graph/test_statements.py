"""Contract tests: every statement runs on the embedded engine, and every Neo4j-dialect
statement passes Neo4j's own Cypher linter with zero diagnostics."""

from __future__ import annotations

import os

import pytest

from graph import GraphEngine, StatementFailed
from graph.neo4j_engine import Neo4jEngine
from graph.schema import falkordb_indexes
from hub.graph_schema import HUB_SCHEMA
from tests.graph.neo4j_linter import lint_neo4j
from tests.graph.statements import falkordb_statements, neo4j_statements, shared_statements

SCHEMA_NAMES = {index.statement.name for index in falkordb_indexes(HUB_SCHEMA)}


def test_the_product_has_many_statements_and_unique_names() -> None:
    statements = shared_statements()
    assert len(statements) > 60
    assert "create_organisation" in statements
    assert "shortest_path_6" in statements


async def test_every_statement_runs_on_the_embedded_engine(graph: GraphEngine) -> None:
    failures = {}
    for name, statement in sorted(falkordb_statements().items()):
        if name in SCHEMA_NAMES:
            continue  # already run by the fixture's ensure_schema; a rerun says "indexed"
        try:
            await graph.run(statement, statement.example)
        except StatementFailed as exc:
            failures[name] = str(exc)
    assert failures == {}


def test_every_neo4j_statement_passes_the_neo4j_linter() -> None:
    statements = neo4j_statements()
    diagnostics = lint_neo4j(
        [(name, s.text("neo4j"), dict(s.example)) for name, s in sorted(statements.items())]
    )
    assert {name: found for name, found in diagnostics.items() if found} == {}
    assert set(diagnostics) == set(statements)


def test_the_linter_catches_falkordb_only_cypher() -> None:
    diagnostics = lint_neo4j(
        [
            (
                "falkordb_vector",
                "CALL db.idx.vector.queryNodes('Organisation', 'embedding', 10, vecf32($v)) "
                "YIELD node RETURN node",
                {"v": [0.1]},
            )
        ]
    )
    assert diagnostics["falkordb_vector"]


NEO4J_URI = os.environ.get("HUB_TEST_NEO4J_URI")


@pytest.mark.skipif(NEO4J_URI is None, reason="set HUB_TEST_NEO4J_URI to run on a real Neo4j")
async def test_every_statement_runs_on_neo4j() -> None:
    assert NEO4J_URI is not None
    engine = Neo4jEngine(
        NEO4J_URI,
        os.environ.get("HUB_TEST_NEO4J_USER", "neo4j"),
        os.environ.get("HUB_TEST_NEO4J_PASSWORD", ""),
        os.environ.get("HUB_TEST_NEO4J_DATABASE", "neo4j"),
    )
    try:
        await engine.clear()
        await engine.ensure_schema(HUB_SCHEMA)
        for statement in shared_statements().values():
            await engine.run(statement, statement.example)
    finally:
        await engine.clear()
        await engine.close()
