from __future__ import annotations

import numpy as np
import pytest

from matching.vectors import VectorIndex, VectorIndexError, normalise


def random_index(count: int, dimensions: int = 16) -> tuple[VectorIndex, np.ndarray]:
    rng = np.random.default_rng(7)
    vectors = rng.standard_normal((count, dimensions)).astype(np.float32)
    index = VectorIndex(dimensions)
    index.add([str(i) for i in range(count)], vectors)
    return index, normalise(vectors)


def test_exact_top_k_matches_a_full_sort() -> None:
    index, vectors = random_index(3000)
    query = vectors[5] + 0.1
    expected = np.argsort(-(vectors @ normalise(query)[0]))[:10]
    assert [hit.id for hit in index.search(query, limit=10)] == [str(i) for i in expected]
    assert index.search(vectors[42], limit=1)[0].id == "42"
    assert index.search(vectors[42], limit=1)[0].score == pytest.approx(1.0, abs=1e-5)


def test_update_remove_and_reuse_rows() -> None:
    index, vectors = random_index(100)
    index.add(["7"], vectors[8:9])
    assert {hit.id for hit in index.search(vectors[8], limit=2)} == {"7", "8"}
    assert index.remove("8") and not index.remove("8")
    assert "8" not in index and len(index) == 99
    assert index.search(vectors[8], limit=1)[0].id == "7"
    index.add(["new"], vectors[3:4])
    assert len(index) == 100
    assert {hit.id for hit in index.search(vectors[3], limit=2)} == {"3", "new"}


def test_allowed_mask_and_growth() -> None:
    index, vectors = random_index(2500)  # past the initial capacity
    hits = index.search(vectors[0], limit=5, allowed={"10", "20", "missing"})
    assert {hit.id for hit in hits} == {"10", "20"}
    assert index.vector("2499") is not None and index.vector("nope") is None


def test_wrong_shapes_are_refused() -> None:
    index = VectorIndex(4)
    with pytest.raises(VectorIndexError):
        index.add(["a"], np.ones((1, 3)))
    with pytest.raises(VectorIndexError):
        index.search(np.ones(5))


def test_zero_vectors_stay_zero() -> None:
    assert not normalise(np.zeros((2, 3))).any()
