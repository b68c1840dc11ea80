"""Reading every row of a statement a page at a time, keyed by an ordered column.

The graph client parses each reply on the event loop: a large result read as one reply holds
the loop, the same rows read a page at a time let requests run in between.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from graph import GraphEngine, Row, Statement


async def every_row(
    graph: GraphEngine,
    statement: Statement,
    key: str,
    *,
    page: int,
    params: Mapping[str, Any] | None = None,
) -> list[Row]:
    """Every row of a statement paged by `$after` and `$limit` over the column `key`."""
    found: list[Row] = []
    after = ""
    while True:
        rows = await graph.run(statement, {**(params or {}), "after": after, "limit": page})
        found += rows
        if len(rows) < page:
            return found
        after = max(str(row[key]) for row in rows)
