"""Embeddings stored on the nodes: which are stale, encoding them, writing them back.

A node's vector (`embedding`, packed by `hub.suggestions.vectors`) is the normalised mean of
its parts' vectors (its sentences, or a call's whole text: `parts_of`), which are stored once
per distinct part (`hub.suggestions.sentences`) before it. The node keeps the hash of the
text it embodies (`embedding_hash`, which also names how it is embedded, so a change of
either re-embeds), the model (`embedding_model`) and when it was written (`embedded_at`).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from graph import GraphEngine, Statement
from hub.ecosystem.entities import now_iso
from hub.graph_schema import EMBEDDED_LABELS
from hub.sources.report import Progress
from hub.suggestions.sentences import sentence_vectors
from hub.suggestions.vectors import pack
from matching.documents import (
    FIELDS_BY_LABEL,
    WHOLE_TEXT_WORDS,
    content_hash,
    leading_words,
    node_text,
    sentences,
    text_of,
)
from matching.embeddings import Embedder, mean_of_sentences

READ_BATCH = 1000
ENCODE_BATCH = 256

WHOLE_TEXT_LABELS = frozenset({"FundingCall"})
"""Labels embedded as one text (its first words: `matching.documents.leading_words`), not
sentence by sentence: a call's description runs to dozens of long sentences whose mean the
ranking was not tuned on, and encoding them all cost 20 times the time of the whole text."""


NAME_FIELDS = frozenset({"name", "short_name"})
"""Left out of what is embedded: a name says little about what an organisation does, and the
23k names of a CORDIS import, each a sentence of its own, cost more to encode than everything
else in it. Names are still matched by words (the lexical index)."""


def embedded_text(label: str, node: Mapping[str, Any]) -> str:
    """What a node's vector embodies: its matching text without names (the name alone when
    there is nothing else to go by)."""
    meaningful = [name for name in FIELDS_BY_LABEL[label] if name not in NAME_FIELDS]
    return text_of(node, meaningful) or node_text(label, node)


def embedding_hash(label: str, text: str) -> str:
    """The text's hash with how it is embedded: a change of either re-embeds the node."""
    how = f"whole-text-{WHOLE_TEXT_WORDS}-words" if label in WHOLE_TEXT_LABELS else "sentences-1"
    return content_hash(f"{how}\n{text}")


def parts_of(label: str, text: str) -> list[str]:
    """What a node's text is embedded as: its sentences, or the whole text for some labels."""
    if label in WHOLE_TEXT_LABELS:
        return [leading_words(text)]
    return sentences(text) or [text]


@dataclass(frozen=True)
class LabelStatements:
    label: str
    texts: Statement
    write: Statement
    text_by_id: Statement
    missing: Statement


def _statements(label: str) -> LabelStatements:
    fields = ", ".join(f".{name}" for name in FIELDS_BY_LABEL[label])
    lower = label.lower()
    projection = f"n {{.id, {fields}, .embedding_hash, .embedding_model}} AS node"
    return LabelStatements(
        label=label,
        texts=Statement(
            name=f"embedding_texts_{lower}",
            cypher=f"MATCH (n:{label}) WHERE n.id > $after RETURN {projection} "
            "ORDER BY n.id LIMIT $limit",
            example={"after": "", "limit": 10},
        ),
        write=Statement(
            name=f"write_embeddings_{lower}",
            cypher=f"UNWIND $rows AS row MATCH (n:{label} {{id: row.id}}) "
            "SET n.embedding = row.vector, n.embedding_hash = row.hash, "
            "n.embedding_model = $model, n.embedded_at = $at RETURN count(n) AS written",
            example={"rows": [{"id": "x", "vector": "AAAA", "hash": "h"}], "model": "m", "at": "t"},
            write=True,
        ),
        text_by_id=Statement(
            name=f"embedding_text_{lower}",
            cypher=f"UNWIND $ids AS key MATCH (n:{label} {{id: key}}) RETURN {projection}",
            example={"ids": ["x"]},
        ),
        missing=Statement(
            name=f"missing_embeddings_{lower}",
            cypher=f"MATCH (n:{label}) WHERE n.embedding IS NULL RETURN count(n) AS total",
        ),
    )


STATEMENTS = {label: _statements(label) for label in EMBEDDED_LABELS}


async def missing_embeddings(graph: GraphEngine) -> dict[str, int]:
    """Per label, how many nodes have no vector yet (their jobs are queued or failed)."""
    return {
        label: int((await graph.run(statements.missing))[0]["total"])
        for label, statements in STATEMENTS.items()
    }


@dataclass(frozen=True)
class Stale:
    id: str
    text: str
    hash: str


def stale(
    label: str, nodes: Sequence[dict[str, Any]], model: str, *, force: bool = False
) -> list[Stale]:
    """The nodes whose stored vector is missing, from another model, or of another text."""
    found = []
    for node in nodes:
        text = embedded_text(label, node)
        digest = embedding_hash(label, text)
        if force or node.get("embedding_hash") != digest or node.get("embedding_model") != model:
            found.append(Stale(id=str(node["id"]), text=text, hash=digest))
    return found


async def stale_nodes(
    graph: GraphEngine, label: str, model: str, *, force: bool = False
) -> list[Stale]:
    """Every stale node of a label (every node with `force`), read a page at a time."""
    statements = STATEMENTS[label]
    found: list[Stale] = []
    after = ""
    while True:
        rows = await graph.run(statements.texts, {"after": after, "limit": READ_BATCH})
        nodes = [row["node"] for row in rows]
        found.extend(stale(label, nodes, model, force=force))
        if len(nodes) < READ_BATCH:
            return found
        after = str(nodes[-1]["id"])


async def stale_by_id(
    graph: GraphEngine, label: str, ids: Sequence[str], model: str
) -> list[Stale]:
    rows = await graph.run(STATEMENTS[label].text_by_id, {"ids": list(ids)})
    return stale(label, [row["node"] for row in rows], model)


async def embed(
    graph: GraphEngine,
    embedder: Embedder,
    label: str,
    nodes: Sequence[Stale],
    *,
    model: str,
    advance: Callable[[int], None] = lambda _: None,
) -> int:
    """Encode and store the vectors of `nodes`, a batch at a time; the number written.

    Each batch is stamped when it is written, so the indexes that follow the graph by stamps
    (hub.suggestions.index) read back a batch, not a whole run, as the newest."""
    written = 0
    for start in range(0, len(nodes), ENCODE_BATCH):
        batch = nodes[start : start + ENCODE_BATCH]
        split = [parts_of(label, item.text) for item in batch]
        at = now_iso()
        by_sentence = await sentence_vectors(
            graph, embedder, [part for parts in split for part in parts], model=model, at=at
        )
        vectors = mean_of_sentences(split, by_sentence)
        rows = [
            {"id": item.id, "vector": pack(vector), "hash": item.hash}
            for item, vector in zip(batch, vectors, strict=True)
        ]
        result = await graph.run(STATEMENTS[label].write, {"rows": rows, "model": model, "at": at})
        written += int(result[0]["written"]) if result else 0
        advance(len(batch))
    return written


async def embed_stale(
    graph: GraphEngine,
    embedder: Embedder,
    *,
    model: str,
    labels: Sequence[str] = EMBEDDED_LABELS,
    force: bool = False,
    progress: Progress | None = None,
) -> dict[str, int]:
    """Bring every label's vectors up to date (bulk, after an import or a model change)."""
    written: dict[str, int] = {}
    for label in labels:
        nodes = await stale_nodes(graph, label, model, force=force)
        if progress is not None:
            progress.stage(f"embedding {label} ({len(nodes)} stale)", len(nodes))
        written[label] = await embed(
            graph,
            embedder,
            label,
            nodes,
            model=model,
            advance=progress.advance if progress is not None else lambda _: None,
        )
    return written
