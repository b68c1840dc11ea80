from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import numpy as np

from matching.embedding_cache import cached_encode
from matching.embeddings import FloatArray


class CountingEmbedder:
    """Deterministic vectors from the text's length; counts what it was asked to encode."""

    model_name = "counting"
    dimensions = 3

    def __init__(self) -> None:
        self.encoded: list[str] = []

    def encode_sync(self, texts: Sequence[str]) -> FloatArray:
        self.encoded.extend(texts)
        rows = [[len(text), 1.0, 0.0] for text in texts]
        return np.asarray(rows, dtype=np.float32)


def test_each_text_is_encoded_once_across_runs(tmp_path: Path) -> None:
    first = CountingEmbedder()
    vectors = cached_encode(first, ["a", "bb", "a"], tmp_path)
    assert first.encoded == ["a", "bb"]
    assert vectors.shape == (3, 3) and vectors[0].tolist() == vectors[2].tolist()
    second = CountingEmbedder()
    again = cached_encode(second, ["bb", "ccc"], tmp_path)
    assert second.encoded == ["ccc"]
    assert again[0].tolist() == vectors[1].tolist()
    assert cached_encode(second, [], tmp_path).shape == (0, 3)
