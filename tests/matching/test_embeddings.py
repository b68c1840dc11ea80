"""The real default model (all-MiniLM-L6-v2 from the offline package): matching quality."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from matching.embeddings import (
    EmbeddingError,
    SentenceTransformerEmbedder,
    default_model_path,
)
from matching.lexical import LexicalIndex
from matching.ranking import Candidate, partners
from matching.vectors import VectorIndex

DOCUMENTS = {
    "hydrogen": "Fuel cell and hydrogen refuelling technology for heavy-duty trucks and buses",
    "opendata": "Πλατφόρμα ανοικτών δεδομένων του Δήμου Θεσσαλονίκης για τις συγκοινωνίες",
    "health": "Clinical decision support and electronic health records for hospitals",
    "farming": "Precision agriculture with drones and soil sensors for olive groves",
    "tourism": "Cultural heritage and tourism services for museums and visitors",
}


@pytest.fixture(scope="module")
def embedder() -> SentenceTransformerEmbedder:
    return SentenceTransformerEmbedder()


@pytest.fixture(scope="module")
async def index(embedder: SentenceTransformerEmbedder) -> VectorIndex:
    built = VectorIndex(embedder.dimensions)
    built.add(list(DOCUMENTS), await embedder.encode(list(DOCUMENTS.values())))
    return built


def test_default_model_ships_in_a_package() -> None:
    assert (default_model_path() / "config.json").exists()


async def test_vectors_are_normalised_float32(embedder: SentenceTransformerEmbedder) -> None:
    vectors = await embedder.encode(["open data", "hydrogen"])
    assert vectors.shape == (2, embedder.dimensions) == (2, 384)
    assert vectors.dtype == np.float32
    assert np.allclose(np.linalg.norm(vectors, axis=1), 1.0, atol=1e-5)
    assert (await embedder.encode([])).shape == (0, 384)


async def test_a_sensible_english_query_ranks_the_right_document_first(
    embedder: SentenceTransformerEmbedder, index: VectorIndex
) -> None:
    query = await embedder.encode(["zero-emission lorries powered by hydrogen"])
    assert index.search(query[0], limit=1)[0].id == "hydrogen"
    query = await embedder.encode(["hospital software for doctors"])
    assert index.search(query[0], limit=1)[0].id == "health"


async def test_fusion_lets_a_greek_query_find_the_greek_document(
    embedder: SentenceTransformerEmbedder, index: VectorIndex
) -> None:
    query = "ανοικτά δεδομένα για τη συγκοινωνία στη Θεσσαλονίκη"
    lexical = LexicalIndex()
    lexical.add_many(DOCUMENTS.items())
    hits = {hit.id: hit for hit in lexical.search(query, limit=None)}
    semantic = index.scores((await embedder.encode([query]))[0])
    candidates = [
        Candidate(
            doc,
            semantic=semantic[doc],
            lexical=hits[doc].score if doc in hits else 0.0,
            terms=hits[doc].terms if doc in hits else (),
        )
        for doc in DOCUMENTS
    ]
    assert partners(candidates)[0].id == "opendata"


def test_a_missing_model_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(EmbeddingError, match="cannot load"):
        SentenceTransformerEmbedder(tmp_path / "no-model")
