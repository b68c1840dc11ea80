"""Many small arrays joined a chunk at a time give what one concatenation gives."""

from __future__ import annotations

import numpy as np

from matching.arrays import JOIN_CHUNK, joined, offsets


def test_arrays_are_joined_end_to_end_across_chunks() -> None:
    rng = np.random.default_rng(0)
    arrays = [rng.integers(0, 100, size) for size in rng.integers(0, 5, 2 * JOIN_CHUNK + 7)]
    result = joined(arrays, np.int64)
    assert result.dtype == np.int64
    assert np.array_equal(result, np.concatenate(arrays))


def test_joining_nothing_gives_an_empty_array_of_the_type() -> None:
    result = joined([], np.float32)
    assert result.dtype == np.float32
    assert result.size == 0


def test_offsets_are_where_each_part_starts_and_the_total() -> None:
    assert offsets(np.array([2, 0, 3], dtype=np.int64)).tolist() == [0, 2, 2, 5]
    assert offsets(np.zeros(0, dtype=np.int64)).tolist() == [0]
