"""Reading every row of a statement a page at a time, keyed by an ordered column.

The graph client parses each reply on the event loop: a large result read as one reply holds
the loop, the same rows read a page at a time let requests run in between.
"""

from __future__ import annotations

from collections.abc import AsyncGenerator, Mapping
from typing import Any

from graph import GraphEngine, Row, Statement


async def pages(
    graph: GraphEngine,
    statement: Statement,
    key: str,
    *,
    page: int,
    params: Mapping[str, Any] | None = None,
) -> AsyncGenerator[list[Row], None]:
    """The rows of a statement paged by `$after` and `$limit` over the column `key`, a page at
    a time (the last is shorter than `page`, possibly empty)."""
    after = ""
    while True:
        rows = await graph.run(statement, {**(params or {}), "after": after, "limit": page})
        yield rows
        if len(rows) < page:
            return
        after = max(str(row[key]) for row in rows)


async def every_row(
    graph: GraphEngine,
    statement: Statement,
    key: str,
    *,
    page: int,
    params: Mapping[str, Any] | None = None,
) -> list[Row]:
    """Every row of a statement paged by `$after` and `$limit` over the column `key`."""
    return [
        row async for rows in pages(graph, statement, key, page=page, params=params) for row in rows
    ]
