"""Cypher statements as named constants, shared by both engines unless a dialect overrides them."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Literal

Engine = Literal["falkordb", "neo4j"]


@dataclass(frozen=True)
class Statement:
    """One Cypher statement.

    `example` holds parameters of the right shape: the Neo4j linter declares them and the
    contract tests run the statement with them. A statement whose text differs between the
    engines sets `falkordb` to the FalkorDB text; `cypher` is then the Neo4j text.
    """

    name: str
    cypher: str
    example: Mapping[str, object] = field(default_factory=dict)
    write: bool = False
    falkordb: str | None = None

    def text(self, engine: Engine) -> str:
        if engine == "falkordb" and self.falkordb is not None:
            return self.falkordb
        return self.cypher
