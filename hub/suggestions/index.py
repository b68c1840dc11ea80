"""In-memory search indexes mirroring the graph: exact vectors and BM25, per label.

Each process keeps its own copy, loaded a page at a time on first use and then refreshed with
the nodes changed (`updated_at`) or re-embedded (`embedded_at`) since the last refresh, at most
once per `refresh_interval`; deleted nodes are noticed by a changed count. So a suggestion sees
a write at most `refresh_interval` late, and never pays a full reload after the first.
"""

from __future__ import annotations

import asyncio
import time
from collections import Counter
from collections.abc import Collection
from dataclasses import dataclass, field
from typing import Any

from graph import GraphEngine, Statement
from hub.suggestions import evidence
from hub.suggestions.store import EMBEDDED_LABELS, unpack
from matching.documents import node_text
from matching.lexical import LexicalHit, LexicalIndex
from matching.vectors import VectorHit, VectorIndex

PAGE = 2000
ACTIONS_INTERVAL = 60.0
NODE = "n {.*, search_text: null, sort_key: null} AS node"


@dataclass(frozen=True)
class IndexStatements:
    page: Statement
    changed: Statement
    count: Statement
    ids: Statement


def _statements(label: str) -> IndexStatements:
    lower = label.lower()
    return IndexStatements(
        page=Statement(
            name=f"index_page_{lower}",
            cypher=f"MATCH (n:{label}) WHERE n.id > $after RETURN {NODE} "
            "ORDER BY n.id LIMIT $limit",
            example={"after": "", "limit": 10},
        ),
        changed=Statement(
            name=f"index_changed_{lower}",
            cypher=f"MATCH (n:{label}) WHERE n.updated_at >= $since OR n.embedded_at >= $since "
            f"RETURN {NODE}",
            example={"since": "2026-01-01T00:00:00+00:00"},
        ),
        count=Statement(
            name=f"index_count_{lower}", cypher=f"MATCH (n:{label}) RETURN count(n) AS total"
        ),
        ids=Statement(name=f"index_ids_{lower}", cypher=f"MATCH (n:{label}) RETURN n.id AS id"),
    )


STATEMENTS = {label: _statements(label) for label in EMBEDDED_LABELS}


@dataclass
class LabelIndex:
    """The searchable copy of one label's nodes."""

    label: str
    dimensions: int
    vectors: VectorIndex = field(init=False)
    lexical: LexicalIndex = field(default_factory=LexicalIndex)
    nodes: dict[str, dict[str, Any]] = field(default_factory=dict)
    watermark: str = ""
    loaded: bool = False

    def __post_init__(self) -> None:
        self.vectors = VectorIndex(self.dimensions)

    def put(self, node: dict[str, Any]) -> None:
        node_id = str(node["id"])
        encoded = node.pop("embedding", None)
        self.nodes[node_id] = node
        self.lexical.add(node_id, node_text(self.label, node))
        vector = unpack(encoded) if isinstance(encoded, str) else None
        if vector is not None and vector.shape == (self.dimensions,):
            self.vectors.add([node_id], vector.reshape(1, -1))
        else:
            self.vectors.remove(node_id)
        for stamp in (node.get("updated_at"), node.get("embedded_at")):
            if isinstance(stamp, str) and stamp > self.watermark:
                self.watermark = stamp

    def drop(self, node_id: str) -> None:
        self.nodes.pop(node_id, None)
        self.lexical.remove(node_id)
        self.vectors.remove(node_id)

    def semantic(
        self, query: Any, *, limit: int, allowed: Collection[str] | None = None
    ) -> list[VectorHit]:
        return self.vectors.search(query, limit=limit, allowed=allowed)

    def lexical_hits(
        self, text: str, *, limit: int | None, allowed: Collection[str] | None = None
    ) -> list[LexicalHit]:
        return self.lexical.search(text, limit=limit, allowed=allowed)


class MatchIndex:
    """The indexes of every embedded label, kept in step with the graph."""

    def __init__(self, dimensions: int, *, refresh_interval: float = 1.0) -> None:
        self.dimensions = dimensions
        self.refresh_interval = refresh_interval
        self._labels = {label: LabelIndex(label, dimensions) for label in EMBEDDED_LABELS}
        self._refreshed: dict[str, float] = {}
        self._locks = {label: asyncio.Lock() for label in EMBEDDED_LABELS}
        self._actions: Counter[str] = Counter()
        self._actions_at = -1e9
        self._experienced: list[str] = []
        self._experienced_version: tuple[str, int] | None = None

    async def action_popularity(self, graph: GraphEngine) -> Counter[str]:
        """Past projects per call action; recounted at most once a minute."""
        if time.monotonic() - self._actions_at >= ACTIONS_INTERVAL:
            self._actions = await evidence.action_popularity(graph)
            self._actions_at = time.monotonic()
        return self._actions

    async def most_experienced(
        self, graph: GraphEngine, count: int, allowed: Collection[str] | None = None
    ) -> list[str]:
        """The organisations with the most past participations (a consortium's usual core)."""
        index = await self.of(graph, "Organisation")
        version = (index.watermark, len(index.nodes))
        if self._experienced_version != version:
            # Sorted once per change of the index, not once per request.
            self._experienced = [
                node_id
                for participations, node_id in sorted(
                    (
                        (int(node.get("participations") or 0), node_id)
                        for node_id, node in index.nodes.items()
                    ),
                    reverse=True,
                )
                if participations > 0
            ]
            self._experienced_version = version
        chosen = (node_id for node_id in self._experienced if allowed is None or node_id in allowed)
        return [node_id for _, node_id in zip(range(count), chosen, strict=False)]

    async def of(self, graph: GraphEngine, label: str) -> LabelIndex:
        """The label's index, brought up to date if it was last refreshed long enough ago."""
        index = self._labels[label]
        if time.monotonic() - self._refreshed.get(label, -1e9) < self.refresh_interval:
            return index
        async with self._locks[label]:
            if time.monotonic() - self._refreshed.get(label, -1e9) >= self.refresh_interval:
                await self._refresh(graph, index)
                self._refreshed[label] = time.monotonic()
        return index

    async def _refresh(self, graph: GraphEngine, index: LabelIndex) -> None:
        statements = STATEMENTS[index.label]
        if not index.loaded:
            after = ""
            while True:
                rows = await graph.run(statements.page, {"after": after, "limit": PAGE})
                for row in rows:
                    index.put(dict(row["node"]))
                if len(rows) < PAGE:
                    break
                after = str(rows[-1]["node"]["id"])
            index.loaded = True
            return
        for row in await graph.run(statements.changed, {"since": index.watermark}):
            index.put(dict(row["node"]))
        total = int((await graph.run(statements.count))[0]["total"])
        if total != len(index.nodes):
            present = {str(row["id"]) for row in await graph.run(statements.ids)}
            for node_id in set(index.nodes) - present:
                index.drop(node_id)
