"""Sentence vectors, encoded once per distinct sentence and model, kept in the graph.

A document (an organisation's profile, a call's text) is embedded sentence by sentence. Most
sentences recur across documents: the topic titles and fields of science of CORDIS profiles are
shared by thousands of organisations. Each distinct sentence is encoded once and stored as a
`SentenceVector` node keyed by a hash of the model and the text, so an import or a new
organisation only encodes what was never seen, and the in-memory index can score a document by
its closest sentences (`matching.pooling`) rather than by their blurred mean.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Sequence

from graph import GraphEngine, Statement
from hub.suggestions.vectors import pack, unpack
from matching.embeddings import Embedder, FloatArray

LOOKUP_BATCH = 1000
WRITE_BATCH = 500

LOOKUP = Statement(
    name="sentence_vectors_by_key",
    cypher="UNWIND $keys AS key MATCH (s:SentenceVector {key: key}) "
    "RETURN s.key AS key, s.vector AS vector",
    example={"keys": ["0" * 32]},
)
WRITE = Statement(
    name="write_sentence_vectors",
    cypher="UNWIND $rows AS row MERGE (s:SentenceVector {key: row.key}) "
    "ON CREATE SET s.vector = row.vector, s.model = $model, s.created_at = $at "
    "RETURN count(s) AS written",
    example={"rows": [{"key": "0" * 32, "vector": "AAAA"}], "model": "m", "at": "t"},
    write=True,
)


def sentence_key(model: str, sentence: str) -> str:
    """The stable key of a sentence's vector under a model."""
    return hashlib.sha256(f"{model}\n{sentence}".encode()).hexdigest()[:32]


async def stored_vectors(graph: GraphEngine, keys: Iterable[str]) -> dict[str, FloatArray]:
    """The stored vectors of these keys (absent keys are left out)."""
    wanted = list(dict.fromkeys(keys))
    found: dict[str, FloatArray] = {}
    for start in range(0, len(wanted), LOOKUP_BATCH):
        rows = await graph.run(LOOKUP, {"keys": wanted[start : start + LOOKUP_BATCH]})
        found.update((str(row["key"]), unpack(str(row["vector"]))) for row in rows)
    return found


async def sentence_vectors(
    graph: GraphEngine, embedder: Embedder, sentences: Sequence[str], *, model: str, at: str
) -> dict[str, FloatArray]:
    """Sentence -> vector for every distinct sentence: stored ones read, the others encoded
    and stored (before any document that uses them, so a crash in between loses nothing)."""
    keys = {sentence: sentence_key(model, sentence) for sentence in dict.fromkeys(sentences)}
    known = await stored_vectors(graph, keys.values())
    missing = [sentence for sentence, key in keys.items() if key not in known]
    if missing:
        encoded = await embedder.encode(missing)
        rows = [
            {"key": keys[sentence], "vector": pack(vector)}
            for sentence, vector in zip(missing, encoded, strict=True)
        ]
        for start in range(0, len(rows), WRITE_BATCH):
            batch = rows[start : start + WRITE_BATCH]
            await graph.run(WRITE, {"rows": batch, "model": model, "at": at})
        known.update((row["key"], vector) for row, vector in zip(rows, encoded, strict=True))
    return {sentence: known[key] for sentence, key in keys.items()}
