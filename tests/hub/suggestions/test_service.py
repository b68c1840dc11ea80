"""The matcher's own state: the vectors of recent query texts."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import pytest

from graph.falkordb_engine import FalkorDBEngine
from hub.suggestions import service
from hub.suggestions.index import MatchIndex
from hub.suggestions.models import EmbedderHolder
from matching.embeddings import FloatArray


async def test_a_query_text_is_encoded_once_while_it_is_recent(
    demo_graph: FalkorDBEngine, holder: EmbedderHolder, monkeypatch: pytest.MonkeyPatch
) -> None:
    embedder = holder.get()
    encoded: list[list[str]] = []
    real = embedder.encode

    async def counted(texts: Sequence[str]) -> FloatArray:
        encoded.append(list(texts))
        return await real(texts)

    monkeypatch.setattr(embedder, "encode", counted)
    monkeypatch.setattr(service, "RECENT_QUERIES", 2)
    matcher = service.Matcher(demo_graph, MatchIndex(embedder.dimensions), embedder)
    first = await matcher.encode("smart mobility")
    assert np.array_equal(await matcher.encode("smart mobility"), first)
    await matcher.encode("open data")
    await matcher.encode("smart mobility")  # used last: kept
    await matcher.encode("air quality")  # the third text: "open data" goes
    await matcher.encode("open data")
    assert encoded == [["smart mobility"], ["open data"], ["air quality"], ["open data"]]
