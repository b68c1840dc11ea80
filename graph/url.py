"""Which graph database a `HUB_GRAPH_URL` names."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal
from urllib.parse import urlsplit

from graph.errors import ConfigurationError

NEO4J_SCHEMES = frozenset({"neo4j", "neo4j+s", "neo4j+ssc", "bolt", "bolt+s", "bolt+ssc"})


@dataclass(frozen=True)
class GraphTarget:
    kind: Literal["embedded", "falkordb", "neo4j"]
    url: str = ""
    host: str = ""
    port: int = 0


def parse_graph_url(url: str) -> GraphTarget:
    """`embedded` (or empty), `falkordb://host:port` or a Neo4j driver URI."""
    text = url.strip()
    if text in ("", "embedded"):
        return GraphTarget(kind="embedded")
    parts = urlsplit(text)
    if parts.scheme == "falkordb":
        try:
            port = parts.port or 6379
        except ValueError as exc:
            raise ConfigurationError(f"HUB_GRAPH_URL {text!r}: the port is not a number") from exc
        if not parts.hostname:
            raise ConfigurationError(f"HUB_GRAPH_URL {text!r}: falkordb:// needs a host")
        return GraphTarget(kind="falkordb", url=text, host=parts.hostname, port=port)
    if parts.scheme in NEO4J_SCHEMES:
        if not parts.hostname:
            raise ConfigurationError(f"HUB_GRAPH_URL {text!r}: a Neo4j URI needs a host")
        return GraphTarget(kind="neo4j", url=text)
    raise ConfigurationError(
        f"HUB_GRAPH_URL {text!r} is not understood: use 'embedded', 'falkordb://host:port', "
        "or a Neo4j URI (neo4j://, neo4j+s://, bolt://)"
    )
