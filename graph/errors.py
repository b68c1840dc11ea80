"""The graph package's errors: driver errors are translated into these, once, where Cypher runs."""

from __future__ import annotations


class GraphError(Exception):
    """Root of every error raised by the graph package."""


class GraphUnavailable(GraphError):
    """The graph database cannot be reached (down, restarting, network)."""


class ConstraintViolation(GraphError):
    """A write broke a uniqueness constraint; nothing of the statement was written."""


class StatementFailed(GraphError):
    """The database refused a statement (syntax, type or runtime error in Cypher)."""


class EmbeddedServerError(GraphError):
    """The embedded FalkorDB server could not be prepared, started or reached."""


class ConfigurationError(GraphError):
    """The graph settings (URL, credentials) are unusable."""
