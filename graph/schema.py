"""Indexes and constraints, declared once and set up idempotently in each engine's syntax."""

from __future__ import annotations

from dataclasses import dataclass

from graph.statement import Statement


@dataclass(frozen=True)
class Schema:
    """What the database must hold before the hub uses it.

    unique: (label, property) pairs whose values are unique (and indexed).
    lookup: (label, property) pairs with a plain lookup index.
    fulltext: (label, properties) full-text indexes.
    vector: (label, property, dimensions) cosine vector indexes.
    """

    unique: tuple[tuple[str, str], ...] = ()
    lookup: tuple[tuple[str, str], ...] = ()
    fulltext: tuple[tuple[str, tuple[str, ...]], ...] = ()
    vector: tuple[tuple[str, str, int], ...] = ()


def fulltext_index_name(label: str) -> str:
    return f"{label.lower()}_fulltext"


def vector_index_name(label: str, prop: str) -> str:
    return f"{label.lower()}_{prop.lower()}_vector"


def neo4j_schema_statements(schema: Schema) -> list[Statement]:
    """Neo4j 5 statements, each idempotent through IF NOT EXISTS."""
    statements: list[Statement] = []
    for label, prop in schema.unique:
        name = f"{label.lower()}_{prop.lower()}_unique"
        statements.append(
            Statement(
                name=f"schema_{name}",
                cypher=f"CREATE CONSTRAINT {name} IF NOT EXISTS "
                f"FOR (n:{label}) REQUIRE n.{prop} IS UNIQUE",
                write=True,
            )
        )
    for label, prop in schema.lookup:
        name = f"{label.lower()}_{prop.lower()}_lookup"
        statements.append(
            Statement(
                name=f"schema_{name}",
                cypher=f"CREATE INDEX {name} IF NOT EXISTS FOR (n:{label}) ON (n.{prop})",
                write=True,
            )
        )
    for label, props in schema.fulltext:
        name = fulltext_index_name(label)
        fields = ", ".join(f"n.{prop}" for prop in props)
        statements.append(
            Statement(
                name=f"schema_{name}",
                cypher=f"CREATE FULLTEXT INDEX {name} IF NOT EXISTS "
                f"FOR (n:{label}) ON EACH [{fields}]",
                write=True,
            )
        )
    for label, prop, dimensions in schema.vector:
        name = vector_index_name(label, prop)
        statements.append(
            Statement(
                name=f"schema_{name}",
                cypher=f"CREATE VECTOR INDEX {name} IF NOT EXISTS FOR (n:{label}) ON n.{prop} "
                f"OPTIONS {{indexConfig: {{`vector.dimensions`: {dimensions}, "
                "`vector.similarity_function`: 'cosine'}}",
                write=True,
            )
        )
    return statements


@dataclass(frozen=True)
class FalkorDBIndex:
    """One FalkorDB index: what `CALL db.indexes()` lists, and the statement creating it."""

    label: str
    properties: tuple[str, ...]
    type: str  # RANGE, FULLTEXT or VECTOR, as db.indexes() names them
    statement: Statement


def falkordb_indexes(schema: Schema) -> list[FalkorDBIndex]:
    """Lookup and full-text indexes; FalkorDB's vector indexes are left out on purpose.

    With a vector index, FalkorDB 4.16.3 segfaulted on the first query after replaying its
    append-only file (measured: 3 to 5 crashes in 8 restarts of the demo graph; none
    without), so vector search on this engine must not rely on one.
    """
    indexes: list[FalkorDBIndex] = []
    for label, prop in (*schema.unique, *schema.lookup):
        statement = Statement(
            name=f"schema_{label.lower()}_{prop.lower()}_index",
            cypher=f"CREATE INDEX FOR (n:{label}) ON (n.{prop})",
            write=True,
        )
        indexes.append(FalkorDBIndex(label, (prop,), "RANGE", statement))
    for label, props in schema.fulltext:
        fields = ", ".join(f"'{prop}'" for prop in props)
        statement = Statement(
            name=f"schema_{fulltext_index_name(label)}",
            cypher=f"CALL db.idx.fulltext.createNodeIndex('{label}', {fields})",
            write=True,
        )
        indexes.append(FalkorDBIndex(label, props, "FULLTEXT", statement))
    return indexes
