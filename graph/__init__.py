"""Graph database access only: one Cypher, two engines (FalkorDB embedded, Neo4j)."""

from graph.engine import GraphEngine, Row
from graph.errors import (
    ConfigurationError,
    ConstraintViolation,
    EmbeddedServerError,
    GraphError,
    GraphUnavailable,
    StatementFailed,
)
from graph.schema import Schema
from graph.statement import Engine, Statement

__all__ = [
    "ConfigurationError",
    "ConstraintViolation",
    "EmbeddedServerError",
    "Engine",
    "GraphEngine",
    "GraphError",
    "GraphUnavailable",
    "Row",
    "Schema",
    "Statement",
    "StatementFailed",
]
