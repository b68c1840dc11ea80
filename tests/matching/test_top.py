"""The best rows of a score array: exact, ties in row order, whether sampled or not."""

from __future__ import annotations

import numpy as np
import pytest

from matching.top import best_rows, first_occurrences


def reference(values: np.ndarray, count: int, above: float = -np.inf) -> list[int]:
    """Sorting everything: by value, best first, then by row."""
    kept = [row for row, value in enumerate(values.tolist()) if value > above]
    return sorted(kept, key=lambda row: (-values[row], row))[:count]


@pytest.mark.parametrize("seed", range(5))
@pytest.mark.parametrize("count", [1, 10, 100, 300])
def test_the_best_of_many_scores_are_those_a_full_sort_gives(seed: int, count: int) -> None:
    rng = np.random.default_rng(seed)
    values = rng.random(23_000).astype(np.float32)
    assert best_rows(values, count).tolist() == reference(values, count)


def test_ties_go_by_row_even_at_the_cut() -> None:
    # Many equal scores (organisations with the same profile) straddle the hundredth place.
    values = np.repeat(np.arange(50, dtype=np.float32), 500)[::-1].copy()
    found = best_rows(values, 100)
    assert found.tolist() == reference(values, 100)
    assert found.tolist() == list(range(100))


def test_rows_not_above_the_floor_or_not_scored_are_never_chosen() -> None:
    values = np.zeros(20_000, dtype=np.float32)
    values[[5, 17, 19_999]] = [0.5, 0.9, 0.1]
    values[[6, 7]] = np.nan
    assert best_rows(values, 100, above=0.0).tolist() == [17, 5, 19_999]
    mostly_unscored = np.full(20_000, np.nan, dtype=np.float32)
    mostly_unscored[[3, 4]] = [0.2, 0.3]
    assert best_rows(mostly_unscored, 10).tolist() == [4, 3]
    assert best_rows(values, 0).tolist() == [] and best_rows(values[:0], 5).tolist() == []


def test_first_occurrences_keep_the_first_place_of_each_row() -> None:
    rows = np.array([4, 2, 4, 7, 2, 1], dtype=np.int64)
    assert first_occurrences(rows).tolist() == [4, 2, 7, 1]
