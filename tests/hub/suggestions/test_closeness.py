"""Closeness kept as an array by row: read by row, its best rows, blends."""

from __future__ import annotations

import math

import numpy as np
import pytest

from hub.suggestions.closeness import Closeness

IDS = ["a", "b", "c", "d", "e"]
ROWS = {node_id: row for row, node_id in enumerate(IDS)}
NOT_SCORED = math.nan


def closeness(*scores: float) -> Closeness:
    return Closeness(IDS, np.array(scores, dtype=np.float32), ROWS)


def rows(*values: int) -> np.ndarray:
    return np.array(values, dtype=np.int64)


def test_reads_scores_by_row_with_zero_for_a_row_not_scored() -> None:
    scores = closeness(0.1, 0.9, NOT_SCORED, 0.3, 0.7)
    assert scores.at(rows(1, 2, 4, 0)) == pytest.approx([0.9, 0.0, 0.7, 0.1])
    assert scores.at(rows()) == []


def test_best_rows_are_best_first_only_scored_and_allowed_ones() -> None:
    scores = closeness(0.1, 0.9, 0.5, NOT_SCORED, 0.7)
    assert scores.best_rows(3).tolist() == [1, 4, 2]
    assert scores.best_rows(10).tolist() == [1, 4, 2, 0]
    allowed = np.array([True, False, False, True, True])
    assert scores.best_rows(2, allowed).tolist() == [4, 0]
    assert scores.best_rows(5, np.zeros(5, dtype=bool)).tolist() == []


def test_blend_mixes_two_closenesses_of_the_same_rows() -> None:
    text = closeness(0.2, 0.8, 0.4, 0.0, NOT_SCORED)
    title = closeness(0.6, 0.0, 0.4, 1.0, NOT_SCORED)
    mixed = text.blend(title, 0.5)
    assert mixed.at(rows(0, 1, 2, 3, 4)) == pytest.approx([0.4, 0.4, 0.4, 0.5, 0.0])
    assert mixed.best_rows(5).tolist() == [3, 0, 1, 2]  # equal scores in row order
    with pytest.raises(ValueError):
        text.blend(Closeness(["x"], np.zeros(1, dtype=np.float32), {"x": 0}), 0.5)
