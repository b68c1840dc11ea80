"""Synthetic organisations for the 100k benchmarks, written through the importer's own code.

Each synthetic organisation copies a real CORDIS one: its columns (kind, city, country...) go
through the importer's mapping and validation (`cordis_organisations.organisation_records`),
with a new PIC and a numbered name, and keep the real one's projects (profile text and
participations). Nodes and links are written with `writer.write_nodes` and
`writer.write_participations`, as `hub import cordis` does. Their vectors are the real one's
plus Gaussian noise (cosine about 0.9 with it), stored with the embedder's own statement and
the content hash of each node's text, so no 100k-text embedding run is needed and the nodes
count as embedded (`hub status`, `hub reembed` see them as up to date).
"""

from __future__ import annotations

import random
import time
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
from _hub import CORDIS, say

from graph import GraphEngine, Statement
from hub.ecosystem.entities import now_iso
from hub.sources import cordis, writer
from hub.sources.cordis_organisations import Participation, organisation_records
from hub.sources.report import ImportReport, NoProgress
from hub.suggestions import store
from hub.suggestions.vectors import pack, unpack
from matching.documents import sentences
from matching.embeddings import Embedder

ORGANISATION_PICS = Statement(
    name="bench_organisation_pics",
    cypher="MATCH (n:Organisation) RETURN n.id AS id, n.pic AS pic",
)
NOISE = 0.025  # per dimension: |noise| ~ 0.49 for 384 dimensions, cosine ~ 0.9 with the source
WRITE_BATCH = store.ENCODE_BATCH


class SayProgress:
    """An import's stages and steps, said on stderr every few seconds."""

    def __init__(self) -> None:
        self.description = ""
        self.total: int | None = None
        self.done = 0
        self.said = 0.0

    def stage(self, description: str, total: int | None) -> None:
        self.description, self.total, self.done = description, total, 0
        say(f"  {description} ({total if total is not None else '?'})")

    def advance(self, steps: int) -> None:
        self.done += steps
        if time.monotonic() - self.said > 5:
            self.said = time.monotonic()
            say(f"  {self.description}: {self.done}/{self.total}")


@dataclass(frozen=True)
class Added:
    organisations: int
    participations: int
    seconds: float


def _columns(props: dict[str, object], pic: str, name: str) -> tuple[str, ...]:
    """The CORDIS columns (cordis_organisations.COLUMNS order) of a mapped organisation."""

    def text(key: str) -> str:
        value = props.get(key)
        return "" if value is None else str(value)

    latitude, longitude = props.get("latitude"), props.get("longitude")
    geolocation = f"{latitude},{longitude}" if latitude is not None else ""
    return (
        pic,
        name,
        text("short_name"),
        text("activity_type"),
        "True" if props.get("kind") == "SME" else "False",
        text("city"),
        text("country"),
        geolocation,
        text("website"),
        text("vat_number"),
    )


async def add_organisations(
    graph: GraphEngine, count: int, *, model_id: str, seed: int = 0, links: bool = True
) -> Added:
    """Write `count` synthetic organisations (with their participations when `links`)."""
    started = time.monotonic()
    rng = np.random.default_rng(seed)
    say("reading the CORDIS files for the organisations to copy")
    report = ImportReport()
    sources, _, participations = cordis.read_cordis(
        cordis.locate(CORDIS), None, report, NoProgress()
    )
    projects_of: dict[str, list[tuple[int, str]]] = defaultdict(list)
    for pic, project, role in participations:
        projects_of[pic].append((int(project), role))
    profiles = {
        tuple(sorted({pid for pid, _ in projects_of[record.key]})): str(
            record.props.get("profile_text") or ""
        )
        for record in sources
    }
    taken = {record.key for record in sources}
    pics = {str(row["id"]): str(row["pic"]) for row in await graph.run(ORGANISATION_PICS)}
    vectors = await stored_vectors(graph, "Organisation")
    by_pic = {pics[node_id]: vector for node_id, vector in vectors.items() if node_id in pics}
    order = [record for record in sources if record.key in by_pic]  # copy what is embedded
    random.Random(seed).shuffle(order)
    copies: list[Participation] = []
    source_of: dict[str, str] = {}
    next_pic = 100_000_000
    for number in range(count):
        source = order[number % len(order)]
        while str(next_pic) in taken:
            next_pic += 1
        pic = str(next_pic)
        next_pic += 1
        source_of[pic] = source.key
        name = f"{source.props['name']} (copy {number // len(order) + 1})"
        columns = _columns(source.props, pic, name[:200])
        for line, (pid, role) in enumerate(projects_of[source.key]):
            copies.append(Participation(line, pic, pid, role, "", columns))
    records = organisation_records(
        copies,
        lambda pids: profiles.get(tuple(pids), ""),
        report=report,
        file_name="synthetic",
    )
    say(f"{len(records)} synthetic organisations mapped ({len(report.rejections)} rejected rows)")
    progress = SayProgress()
    await writer.write_nodes(
        graph, writer.ORGANISATIONS, records, report=report, progress=progress, batch_size=500
    )
    links_written = 0
    if links:
        rows = [(item.pic, str(item.project), item.role) for item in copies]
        await writer.write_participations(
            graph, rows, report=report, progress=progress, batch_size=500
        )
        links_written = len(rows)
    await _write_vectors(graph, source_of, by_pic, model_id=model_id, rng=rng)
    return Added(len(records), links_written, time.monotonic() - started)


async def _write_vectors(
    graph: GraphEngine,
    source_of: dict[str, str],
    by_pic: dict[str, np.ndarray],
    *,
    model_id: str,
    rng: np.random.Generator,
) -> None:
    """Perturbed copies of the sources' stored vectors, with each copy's own text hash."""
    pics = {str(row["id"]): str(row["pic"]) for row in await graph.run(ORGANISATION_PICS)}
    stale = [
        item
        for item in await store.stale_nodes(graph, "Organisation", model_id)
        if pics.get(item.id) in source_of
    ]
    progress = SayProgress()
    progress.stage("writing synthetic vectors", len(stale))
    at = now_iso()
    for start in range(0, len(stale), WRITE_BATCH):
        batch = stale[start : start + WRITE_BATCH]
        rows = []
        for item in batch:
            base = by_pic[source_of[pics[item.id]]]
            vector = base + rng.normal(0.0, NOISE, base.shape).astype(np.float32)
            vector /= np.linalg.norm(vector)
            rows.append({"id": item.id, "vector": pack(vector), "hash": item.hash})
        await graph.run(
            store.STATEMENTS["Organisation"].write, {"rows": rows, "model": model_id, "at": at}
        )
        progress.advance(len(batch))


async def fill_missing_vectors(
    graph: GraphEngine,
    label: str,
    *,
    model_id: str,
    embedder: Embedder,
    fallback: str | None = None,
    seed: int = 0,
) -> tuple[int, int, str]:
    """Give each node of `label` still without a vector (an import cut short in its
    embedding stage) a perturbed copy of a vector the import did store for that label,
    else for the `fallback` label, else the vector of its first sentence:
    (stored, filled, how)."""
    vectors = await stored_vectors(graph, label)
    missing = [
        item for item in await store.stale_nodes(graph, label, model_id) if item.id not in vectors
    ]
    if not missing:
        return len(vectors), 0, ""
    rng = np.random.default_rng(seed)
    pool = list(vectors.values())
    how = "perturbed copies of those"
    if not pool and fallback is not None:
        pool = list((await stored_vectors(graph, fallback)).values())
        how = f"perturbed copies of the {fallback} vectors"
    if not pool:
        how = "the vectors of their first sentences"
    progress = SayProgress()
    progress.stage(f"filling {label} vectors with {how}", len(missing))
    at = now_iso()
    for start in range(0, len(missing), WRITE_BATCH):
        batch = missing[start : start + WRITE_BATCH]
        if pool:
            chosen = np.stack([pool[int(rng.integers(len(pool)))] for _ in batch])
            found = chosen + rng.normal(0.0, NOISE, chosen.shape).astype(np.float32)
            found /= np.linalg.norm(found, axis=1, keepdims=True)
        else:
            firsts = [(sentences(item.text) or [item.text])[0] for item in batch]
            found = await embedder.encode(firsts)
        rows = [
            {"id": item.id, "vector": pack(vector), "hash": item.hash}
            for item, vector in zip(batch, found, strict=True)
        ]
        await graph.run(store.STATEMENTS[label].write, {"rows": rows, "model": model_id, "at": at})
        progress.advance(len(batch))
    return len(vectors), len(missing), how


def _vectors_statement(label: str) -> Statement:
    return Statement(
        name=f"bench_vectors_{label.lower()}",
        cypher=f"MATCH (n:{label}) WHERE n.id > $after AND n.embedding IS NOT NULL "
        "RETURN n.id AS id, n.embedding AS embedding ORDER BY n.id LIMIT $limit",
    )


async def stored_vectors(graph: GraphEngine, label: str, page: int = 5000) -> dict[str, np.ndarray]:
    """Every stored vector of a label, by node id, decoded as the hub stores them."""
    statement = _vectors_statement(label)
    found: dict[str, np.ndarray] = {}
    after = ""
    while True:
        rows = await graph.run(statement, {"after": after, "limit": page})
        for row in rows:
            found[str(row["id"])] = unpack(str(row["embedding"]))
        if len(rows) < page:
            return found
        after = str(rows[-1]["id"])


def as_matrix(vectors: dict[str, np.ndarray]) -> tuple[list[str], np.ndarray]:
    ids = sorted(vectors)
    matrix = np.stack([vectors[node_id] for node_id in ids]).astype(np.float32)
    matrix /= np.maximum(np.linalg.norm(matrix, axis=1, keepdims=True), 1e-12)
    return ids, matrix


def sample(items: Sequence[str], count: int, seed: int = 0) -> list[str]:
    rng = random.Random(seed)
    if count <= len(items):
        return rng.sample(list(items), count)
    return [rng.choice(list(items)) for _ in range(count)]
