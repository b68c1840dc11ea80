"""In-memory search indexes mirroring the graph: exact vectors, sentences and BM25, per label.

Each process keeps its own copy, loaded a page at a time on first use and then refreshed with
the nodes changed (`updated_at`) or re-embedded (`embedded_at`) since the last refresh, at most
once per `refresh_interval`; deleted nodes are noticed by a changed count. So a suggestion sees
a write at most `refresh_interval` late, and never pays a full reload after the first. The
stamps are indexed (`hub.graph_schema`): with nothing changed, a refresh costs two brief reads
(scanning the label's stamps had cost 60 ms for 23k organisations, on every request that came
a second or more after the last). While a bulk write goes on (an import), a request stops
reading stamps once it has found `BULK`, and the rest is listed and read in the background while
requests answer from the copy as it stands, and the next refresh waits in proportion to what
that one cost (`REFRESH_SHARE`): following an import must not take the serving process's time,
nor the import's, nor keep requests waiting.

A refresh applies its nodes a chunk at a time, yielding to the event loop in between, and builds
the scoring matrices in a worker thread, so requests keep flowing while an import writes.
Searches score in worker threads too (`MatchIndex.read`), except a brief search for partners
while no refresh is under way (`MatchIndex.search`); a label's `ReadWriteLock` keeps them from
seeing a refresh half way.
"""

from __future__ import annotations

import asyncio
import logging
import math
import time
from collections.abc import Callable, Collection, Mapping, Sequence
from contextlib import aclosing
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from functools import partial
from typing import Any, TypeVar

import numpy as np

from graph import GraphEngine, Row, Statement
from hub.graph_schema import EMBEDDED_LABELS
from hub.suggestions.closeness import Closeness
from hub.suggestions.evidence import popularity
from hub.suggestions.heap import settled
from hub.suggestions.paging import every_row, pages
from hub.suggestions.participations import ParticipationCache, Participations
from hub.suggestions.readwrite import ReadWriteLock
from hub.suggestions.sentences import sentence_key, stored_vectors
from hub.suggestions.store import embedded_text, parts_of
from hub.suggestions.vectors import unpack
from matching.documents import FIELDS_BY_LABEL, node_text
from matching.embeddings import FloatArray
from matching.lexical import LexicalIndex
from matching.pooling import SentenceIndex
from matching.top import RowArray
from matching.vectors import VectorIndex, normalise

STAMP_MARGIN = timedelta(seconds=10)
"""How long before a refresh began the next one looks again: a write stamped just before it
but committed after it, or by a writer whose clock is a little behind, is still seen; a bulk
write stamped long ago is not read again and again."""
PAGE = 10
"""Nodes read per statement: the graph client parses a reply on the event loop, about 2 ms for
ten CORDIS profiles or calls on an idle machine (4.5-5 ms for 25). While an import takes the
CPU, that work takes ten to twenty times as long: a page of 25 held the loop up to 62 ms."""
STAMP_PAGE = 400
"""Stamps read per statement (three short values a node: about 3 ms of parsing on the loop)."""
CHUNK = 200
"""Nodes applied between two yields to the event loop."""
PARTICIPATIONS_INTERVAL = 60.0
BULK = 200
"""A refresh that read this many changed nodes or more follows a bulk write (an import)."""
REFRESH_SHARE = 0.2
"""The most of a process's time that following a bulk write may take: after a refresh that read
`BULK` nodes or more, the next waits four times as long as it took (or `refresh_interval`)."""
NODE = "n {.*, search_text: null, sort_key: null} AS node"
T = TypeVar("T")
log = logging.getLogger(__name__)


@dataclass(frozen=True)
class IndexStatements:
    stamps: Statement
    by_ids: Statement
    count: Statement
    ids_after: Statement


def _statements(label: str) -> IndexStatements:
    lower = label.lower()
    return IndexStatements(
        stamps=Statement(
            name=f"index_stamps_{lower}",
            # `$after = ''` on the first page: a bare `n.id > $after` made FalkorDB scan the id
            # index over the whole label (20 ms for 23k organisations) instead of the stamps'
            # indexes (0.2 ms when nothing changed)
            cypher=f"MATCH (n:{label}) WHERE (n.updated_at >= $since OR n.embedded_at >= $since) "
            "AND ($after = '' OR n.id > $after) "
            "RETURN n.id AS id, n.updated_at AS updated_at, n.embedded_at AS embedded_at "
            "ORDER BY n.id LIMIT $limit",
            example={"since": "2026-01-01T00:00:00+00:00", "after": "", "limit": 10},
        ),
        by_ids=Statement(
            name=f"index_nodes_{lower}",
            cypher=f"UNWIND $ids AS key MATCH (n:{label} {{id: key}}) RETURN {NODE}",
            example={"ids": ["x"]},
        ),
        count=Statement(
            name=f"index_count_{lower}", cypher=f"MATCH (n:{label}) RETURN count(n) AS total"
        ),
        ids_after=Statement(
            name=f"index_ids_after_{lower}",
            cypher=f"MATCH (n:{label}) WHERE n.id > $after "
            "RETURN n.id AS id ORDER BY n.id LIMIT $limit",
            example={"after": "", "limit": 10},
        ),
    )


STATEMENTS = {label: _statements(label) for label in EMBEDDED_LABELS}


@dataclass
class LabelIndex:
    """The searchable copy of one label's nodes."""

    label: str
    dimensions: int
    vectors: VectorIndex = field(init=False)
    """Each node's own vector (the mean of its sentences)."""
    sentences: SentenceIndex = field(init=False)
    """Each node's sentence vectors, for scoring by its closest sentences."""
    lexical: LexicalIndex = field(default_factory=LexicalIndex)
    nodes: dict[str, dict[str, Any]] = field(default_factory=dict)
    watermark: str = ""
    """The newest stamp seen."""
    since: str = ""
    """The next refresh reads what was stamped from then on: shortly before the last began."""
    loaded: bool = False
    guard: ReadWriteLock = field(default_factory=ReadWriteLock)
    """Held for writing by every change, for reading by every search."""
    version: int = 0
    """Counts the changes: what is derived from the nodes is kept until it moves."""

    def __post_init__(self) -> None:
        self.vectors = VectorIndex(self.dimensions)
        self.sentences = SentenceIndex(self.dimensions)
        self._layout: tuple[RowArray, list[tuple[int, str]]] | None = None
        """The row of each document of the sentence index, and the rows and ids of the
        embedded nodes it lacks (rebuilt after any change)."""

    def sentence_keys(self, node: dict[str, Any]) -> list[str]:
        """The keys of the sentence vectors an embedded node was built from (none if it is not)."""
        model = node.get("embedding_model")
        if not isinstance(model, str) or not node.get("embedding"):
            return []
        return [
            sentence_key(model, part)
            for part in parts_of(self.label, embedded_text(self.label, node))
        ]

    def differs(self, stamps: Mapping[str, Any]) -> bool:
        """Whether a node's stamps (`id`, `updated_at`, `embedded_at`) differ from its copy."""
        known = self.nodes.get(str(stamps["id"]))
        return known is None or any(
            known.get(name) != stamps[name] for name in ("updated_at", "embedded_at")
        )

    def put(self, node: dict[str, Any], keys: list[str]) -> None:
        """Add or replace a node; `keys` are its sentence keys, whose vectors are stored here."""
        self._layout = None
        self.version += 1
        node_id = str(node["id"])
        encoded = node.pop("embedding", None)
        before = self.nodes.get(node_id)
        self.nodes[node_id] = node
        if before is None or _text_changed(self.label, before, node):
            # An embedding written for unchanged text (every node of an import) leaves the
            # words as they were: re-indexing them would rebuild the lexical matrices.
            self.lexical.add(node_id, node_text(self.label, node))
        vector = unpack(encoded) if isinstance(encoded, str) else None
        if vector is not None and vector.shape == (self.dimensions,):
            self.vectors.add([node_id], vector.reshape(1, -1))
        else:
            self.vectors.remove(node_id)
        if keys and not self.sentences.missing(keys):
            self.sentences.add(node_id, keys)
        else:
            self.sentences.remove(node_id)
        for stamp in (node.get("updated_at"), node.get("embedded_at")):
            if isinstance(stamp, str) and stamp > self.watermark:
                self.watermark = stamp

    def drop(self, node_id: str) -> None:
        self._layout = None
        self.version += 1
        self.nodes.pop(node_id, None)
        self.lexical.remove(node_id)
        self.vectors.remove(node_id)
        self.sentences.remove(node_id)

    def prepare(self) -> None:
        """Build the scoring matrices now (off the event loop) rather than on the next search."""
        self.lexical.prepare()
        self.sentences.prepare()
        self._rows_of_vectors()

    @property
    def prepared(self) -> bool:
        """Whether a search would find everything built (nothing changed since `prepare`)."""
        return self.lexical.prepared and self.sentences.prepared and self._layout is not None

    def semantic(self, query: FloatArray) -> Closeness:
        """Closeness in meaning of every embedded node to a query vector, by row: the soft
        maximum over its sentences, or the cosine of its own vector where its sentences are
        unknown."""
        pooled, unpooled = self._rows_of_vectors()
        scores = np.full(len(self.lexical.row_ids), np.nan, dtype=np.float32)
        scores[pooled] = self.sentences.score_vector(query)
        if unpooled:
            unit = normalise(query)[0]
            for row, node_id in unpooled:
                vector = self.vectors.vector(node_id)
                if vector is not None:
                    scores[row] = vector @ unit
        return Closeness(self.lexical.row_ids, scores, self.lexical.rows)

    def _rows_of_vectors(self) -> tuple[RowArray, list[tuple[int, str]]]:
        """The row of each document of the sentence index, and the rows and ids of the
        embedded nodes it lacks."""
        if self._layout is None:
            rows = self.lexical.rows
            pooled = np.array([rows[node_id] for node_id in self.sentences.ids()], dtype=np.int64)
            unpooled = [
                (rows[node_id], node_id)
                for node_id in self.nodes
                if node_id in self.vectors and node_id not in self.sentences
            ]
            self._layout = (pooled, unpooled)
        return self._layout


class MatchIndex:
    """The indexes of every embedded label, kept in step with the graph."""

    def __init__(
        self,
        dimensions: int,
        *,
        refresh_interval: float = 1.0,
        participations_interval: float = PARTICIPATIONS_INTERVAL,
    ) -> None:
        self.dimensions = dimensions
        self.refresh_interval = refresh_interval
        self._labels = {label: LabelIndex(label, dimensions) for label in EMBEDDED_LABELS}
        self._due: dict[str, float] = {}
        """When each label may be refreshed next (monotonic seconds)."""
        self._locks = {label: asyncio.Lock() for label in EMBEDDED_LABELS}
        self._background: set[asyncio.Task[None]] = set()
        """Refreshes reading a bulk write (kept referenced until they end)."""
        self._participations = ParticipationCache(interval=participations_interval)
        self._experienced: list[str] = []
        self._experienced_version: int | None = None
        self._popularity: dict[str, int] = {}
        self._popularity_of: tuple[int, Participations] | None = None
        """The organisations' index version and the participations it was counted from."""

    async def participations(self, graph: GraphEngine) -> Participations:
        """Who took part in which project: read once, then re-read in the background at most
        once per `participations_interval` (a request never waits for it after the first)."""
        return await self._participations.get(graph)

    async def most_experienced(
        self, graph: GraphEngine, count: int, allowed: Collection[str] | None = None
    ) -> list[str]:
        """The organisations with the most past participations (a consortium's usual core)."""
        index = await self.of(graph, "Organisation")
        version = index.version
        if self._experienced_version != version:
            # Sorted once per change of the index, not once per request; in a worker thread
            # under the read guard, as a refresh may be putting nodes in another.
            self._experienced = await self.read(index, partial(_by_experience, index))
            self._experienced_version = version
        chosen = (node_id for node_id in self._experienced if allowed is None or node_id in allowed)
        return [node_id for _, node_id in zip(range(count), chosen, strict=False)]

    async def popularity(self, index: LabelIndex, done: Participations) -> Mapping[str, int]:
        """Each organisation's past participations (`evidence.popularity`) in the
        organisations' `index`, counted again when it or the participations change."""
        known = self._popularity_of
        if known is None or known[0] != index.version or known[1] is not done:
            version = index.version
            self._popularity = await self.read(index, partial(popularity, index.nodes, done))
            self._popularity_of = (version, done)
        return self._popularity

    async def read(self, index: LabelIndex, work: Callable[[], T]) -> T:
        """Run `work` (which reads `index`) in a worker thread, with no refresh under way.

        Funding calls, consortia and similar nodes cost 5-15 ms of CPU on an idle machine; on
        the event loop such searches held it up to 150 ms while an import took the CPU, and a
        request must not hold the loop that long (a search for partners is brief enough to run
        there while the index is still: `search`)."""
        async with index.guard.reading():
            return await asyncio.to_thread(work)

    async def read_on_loop(self, index: LabelIndex, work: Callable[[], T]) -> T:
        """Run `work`, a read of a few entries of `index` (microseconds), on the event loop
        with no refresh under way: handing it to a worker thread would cost more than it."""
        async with index.guard.reading():
            return work()

    async def search(self, index: LabelIndex, work: Callable[[], T]) -> T:
        """Run `work`, a brief search of `index` (a search for partners: 2-4 ms of CPU on an
        idle machine), on the event loop while the index is built and still, else in a worker
        thread. Handed to a worker thread it was served 0.5 ms slower at p50 and 1.2 ms at p95;
        but run on the loop while an import was followed, it rebuilt matrices a refresh had
        changed and waited for the GIL that refreshing threads held, and held the loop up to
        158 ms."""
        if index.prepared and not self._locks[index.label].locked():
            return await self.read_on_loop(index, work)
        return await self.read(index, work)

    async def of(self, graph: GraphEngine, label: str) -> LabelIndex:
        """The label's index, brought up to date if it was last refreshed long enough ago.

        A few changed nodes (someone's edit) are read before answering, so a suggestion sees
        them. `BULK` or more (an import) are read in the background while requests answer from
        the copy as it stands, as do requests that come while any refresh is under way: a
        refresh of an import's thousands of nodes took seconds, and requests that waited for
        it up to 16 s. Only the first load is always waited for."""
        index = self._labels[label]
        if time.monotonic() < self._due.get(label, -math.inf):
            return index
        lock = self._locks[label]
        if lock.locked() and index.loaded:
            return index
        await lock.acquire()
        handed_over = False
        try:
            if time.monotonic() >= self._due.get(label, -math.inf):
                handed_over = await self._refresh(graph, index)
        finally:
            if not handed_over:
                lock.release()
        return index

    async def _refresh(self, graph: GraphEngine, index: LabelIndex) -> bool:
        """Bring the copy up to date, under its label's lock; True when a bulk of changes is
        left to a background task, which releases the lock when it is done."""
        started = time.monotonic()
        began = datetime.now(UTC)
        if not index.loaded:
            await self._load(graph, index)
            self._refreshed(index, began, started, read=0)  # a first load follows no write
            return False
        stamps, complete = await self._stamps(graph, index, most=BULK)
        changed = await asyncio.to_thread(_changed, index, stamps) if complete else None
        if changed is not None and len(changed) < BULK:
            await self._read_changes(graph, index, changed)
            self._refreshed(index, began, started, read=len(changed))
            return False
        task = asyncio.create_task(self._refresh_in_background(graph, index, changed, began))
        self._background.add(task)
        task.add_done_callback(self._background.discard)
        return True

    async def _refresh_in_background(
        self, graph: GraphEngine, index: LabelIndex, changed: list[str] | None, began: datetime
    ) -> None:
        """Read a bulk of changes; `changed` None: list them first (the request that began the
        refresh stopped reading stamps once it had found `BULK`)."""
        started = time.monotonic()
        try:
            if changed is None:
                stamps, _ = await self._stamps(graph, index)
                changed = await asyncio.to_thread(_changed, index, stamps)
            await self._read_changes(graph, index, changed)
            self._refreshed(index, began, started, read=len(changed))
        except Exception:  # the copy stays as it is; the next request tries again
            log.exception("refreshing the %s index failed", index.label)
        finally:
            self._locks[index.label].release()

    def _refreshed(self, index: LabelIndex, began: datetime, started: float, read: int) -> None:
        """Note a refresh that began at `began`: the next reads from shortly before it, and
        waits `refresh_interval`, or in proportion to the refresh after a bulk write."""
        index.since = (began - STAMP_MARGIN).isoformat(timespec="milliseconds")
        pause = self.refresh_interval
        if read >= BULK:
            pause = max(pause, (time.monotonic() - started) * (1.0 / REFRESH_SHARE - 1.0))
        self._due[index.label] = time.monotonic() + pause

    async def _load(self, graph: GraphEngine, index: LabelIndex) -> None:
        """The first load: ids first, a page at a time (23k in one reply took 50-70 ms to parse
        on the loop), then nodes by id (paging the nodes themselves by `ORDER BY id` re-sorts
        the label for every page of ten)."""
        listed = await every_row(graph, STATEMENTS[index.label].ids_after, "id", page=STAMP_PAGE)
        await _read_nodes(graph, index, [str(row["id"]) for row in listed])
        index.loaded = True
        await _prepare(index)

    async def _stamps(
        self, graph: GraphEngine, index: LabelIndex, *, most: float = math.inf
    ) -> tuple[list[Row], bool]:
        """The stamps written since the last refresh, and whether that is all of them: reading
        stops once `most` are found and more remain. Stamps first: what was stamped within the
        margin comes back again, so only the nodes whose stamps differ are read. A page at a
        time: while an import writes, thousands are stamped, and a request that read them all
        before answering waited up to 5 s."""
        found: list[Row] = []
        statement = STATEMENTS[index.label].stamps
        params = {"since": index.since}
        async with aclosing(pages(graph, statement, "id", page=STAMP_PAGE, params=params)) as read:
            async for rows in read:
                found += rows
                if len(found) >= most and len(rows) == STAMP_PAGE:
                    return found, False
        return found, True

    async def _read_changes(
        self, graph: GraphEngine, index: LabelIndex, changed: list[str]
    ) -> None:
        statements = STATEMENTS[index.label]
        await _read_nodes(graph, index, changed)
        # Fewer nodes in the graph than here: some were deleted. (More: some were written after
        # the stamps were read, and are read next time; while an import writes that is every
        # refresh, and listing every id then held the loop.) Ids a page at a time: 23k in one
        # reply take 50-70 ms to parse on the loop.
        total = int((await graph.run(statements.count))[0]["total"])
        deleted: set[str] = set()
        if total < len(index.nodes):
            listed = await every_row(graph, statements.ids_after, "id", page=STAMP_PAGE)
            deleted = set(index.nodes) - {str(row["id"]) for row in listed}
            async with index.guard.writing():
                for node_id in deleted:
                    index.drop(node_id)
        if changed or deleted:
            await _prepare(index)


async def _read_nodes(graph: GraphEngine, index: LabelIndex, ids: Sequence[str]) -> None:
    """Read these nodes into the index, `PAGE` at a time."""
    statement = STATEMENTS[index.label].by_ids
    for start in range(0, len(ids), PAGE):
        rows = await graph.run(statement, {"ids": list(ids[start : start + PAGE])})
        await _apply(graph, index, [dict(row["node"]) for row in rows])


def _text_changed(label: str, before: Mapping[str, Any], after: Mapping[str, Any]) -> bool:
    """Whether any field the label's matching text is made of differs between two copies."""
    return any(before.get(name) != after.get(name) for name in FIELDS_BY_LABEL[label])


def _changed(index: LabelIndex, stamps: Sequence[Mapping[str, Any]]) -> list[str]:
    """The nodes whose stamps differ from the copy (compared off the loop: after an import the
    whole label may come back)."""
    return [str(row["id"]) for row in stamps if index.differs(row)]


async def _prepare(index: LabelIndex) -> None:
    """Build the scoring matrices in a worker thread, settled (`heap.settled`) as the nodes are."""
    async with index.guard.writing():
        await asyncio.to_thread(settled, index.prepare)


async def _apply(graph: GraphEngine, index: LabelIndex, nodes: list[dict[str, Any]]) -> None:
    """Put nodes into the index a chunk at a time, reading the sentence vectors they need.

    Texts are cleaned, split and stemmed in a worker thread: a chunk of long profiles costs
    tens of milliseconds that would otherwise hold up every request. Each chunk is settled
    (`heap.settled`): while an import wrote, a refresh read thousands of nodes, and full
    collections walked what it had put so far (up to 64 ms on the loop)."""
    for start in range(0, len(nodes), CHUNK):
        chunk = nodes[start : start + CHUNK]
        keys = await asyncio.to_thread(_keys_of, index, chunk)
        wanted = index.sentences.missing([key for node_keys in keys for key in node_keys])
        found = await stored_vectors(graph, wanted) if wanted else {}
        async with index.guard.writing():
            await asyncio.to_thread(settled, partial(_put_chunk, index, chunk, keys, found))


def _keys_of(index: LabelIndex, chunk: list[dict[str, Any]]) -> list[list[str]]:
    return [index.sentence_keys(node) for node in chunk]


def _put_chunk(
    index: LabelIndex,
    chunk: list[dict[str, Any]],
    keys: list[list[str]],
    found: dict[str, FloatArray],
) -> None:
    if found:
        index.sentences.add_sentences(list(found), np.stack(list(found.values())))
    for node, node_keys in zip(chunk, keys, strict=True):
        index.put(node, node_keys)


def _by_experience(index: LabelIndex) -> list[str]:
    """The organisations with past participations, the most first."""
    ranked = sorted(
        ((int(node.get("participations") or 0), node_id) for node_id, node in index.nodes.items()),
        reverse=True,
    )
    return [node_id for participations, node_id in ranked if participations > 0]
