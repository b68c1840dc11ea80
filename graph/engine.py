"""The one small interface both graph engines implement."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Protocol

from graph.schema import Schema
from graph.statement import Engine, Statement

Row = dict[str, Any]


class GraphEngine(Protocol):
    """A connected graph database.

    `run` sends one statement (one atomic unit on both engines) and returns its rows as plain
    dicts. Reads go to `ro_query` / read routing, writes to the writer. `round_trips` counts
    statements sent, so tests can prove that batching holds.
    """

    name: Engine
    round_trips: int

    async def run(
        self, statement: Statement, params: Mapping[str, Any] | None = None
    ) -> list[Row]: ...

    async def ping(self) -> None: ...

    async def ensure_schema(self, schema: Schema) -> None: ...

    async def clear(self) -> None: ...

    async def close(self) -> None: ...
