"""Sentence vectors: each distinct sentence encoded once, kept in the graph, reused."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from graph import Statement
from graph.falkordb_engine import FalkorDBEngine
from hub.graph_schema import HUB_SCHEMA
from hub.suggestions.models import EmbedderHolder
from hub.suggestions.sentences import sentence_key, sentence_vectors, stored_vectors
from hub.suggestions.store import embed, embedded_text, stale
from hub.suggestions.vectors import unpack
from matching.documents import sentences
from matching.embeddings import Embedder, FloatArray

CREATE = Statement("test_create_organisation", "CREATE (n:Organisation) SET n = $node", write=True)
VECTOR = Statement("test_vector", "MATCH (n:Organisation {id: $id}) RETURN n.embedding AS v")


class CountingEmbedder:
    """The real model, counting what it is asked to encode."""

    def __init__(self, inner: Embedder) -> None:
        self.inner = inner
        self.encoded: list[str] = []

    @property
    def dimensions(self) -> int:
        return self.inner.dimensions

    async def encode(self, texts: Sequence[str]) -> FloatArray:
        self.encoded.extend(texts)
        return await self.inner.encode(texts)


async def test_known_sentences_are_read_not_encoded_again(
    graph: FalkorDBEngine, holder: EmbedderHolder
) -> None:
    await graph.ensure_schema(HUB_SCHEMA)
    embedder = CountingEmbedder(holder.get())
    first = await sentence_vectors(
        graph, embedder, ["Hydrogen valleys", "Batteries", "Hydrogen valleys"], model="m", at="t"
    )
    assert embedder.encoded == ["Hydrogen valleys", "Batteries"]
    again = await sentence_vectors(graph, embedder, ["Batteries", "Smart grids"], model="m", at="t")
    assert embedder.encoded[2:] == ["Smart grids"]
    assert np.allclose(again["Batteries"], first["Batteries"])
    other_model = await stored_vectors(graph, [sentence_key("other", "Batteries")])
    assert other_model == {}


async def test_a_node_vector_is_the_mean_of_its_stored_sentences(
    graph: FalkorDBEngine, holder: EmbedderHolder
) -> None:
    await graph.ensure_schema(HUB_SCHEMA)
    node = {
        "id": "o1",
        "name": "Hydrogen valleys",
        "profile_text": "Batteries for cars. Smart grids",
    }
    await graph.run(CREATE, {"node": node})
    embedder = CountingEmbedder(holder.get())
    nodes = stale("Organisation", [node], "m")
    assert await embed(graph, embedder, "Organisation", nodes, model="m") == 1
    texts = sentences(embedded_text("Organisation", node))
    assert texts == ["Batteries for cars.", "Smart grids"]  # the name is matched by words only
    parts = await stored_vectors(graph, [sentence_key("m", text) for text in texts])
    assert len(parts) == 2 and sorted(embedder.encoded) == sorted(texts)
    expected = sum(parts.values())
    rows = await graph.run(VECTOR, {"id": "o1"})
    assert np.allclose(unpack(rows[0]["v"]), expected / np.linalg.norm(expected), atol=1e-5)


def test_a_rename_leaves_the_vector_current_but_a_new_profile_does_not() -> None:
    node = {"id": "o1", "name": "Hydrogen valleys", "profile_text": "Batteries for cars"}
    [current] = stale("Organisation", [node], "m")
    embedded = {**node, "embedding_hash": current.hash, "embedding_model": "m"}
    assert stale("Organisation", [{**embedded, "name": "H2 Valleys SA"}], "m") == []
    changed = stale("Organisation", [{**embedded, "profile_text": "Hydrogen storage"}], "m")
    assert [item.text for item in changed] == ["Hydrogen storage"]


def test_an_organisation_known_only_by_its_name_is_embedded_by_its_name() -> None:
    node = {"id": "o2", "name": "Thessaloniki Port Authority", "short_name": "ThPA"}
    assert embedded_text("Organisation", node) == "Thessaloniki Port Authority. ThPA"
