"""Closeness kept as an array: read by id, its best entries, blends."""

from __future__ import annotations

import numpy as np
import pytest

from hub.suggestions.closeness import Closeness

IDS = ["a", "b", "c", "d"]
ROWS = {node_id: row for row, node_id in enumerate(IDS)}


def closeness(*scores: float, extra: dict[str, float] | None = None) -> Closeness:
    return Closeness(IDS, np.array(scores, dtype=np.float32), ROWS, extra or {})


def test_reads_by_id_like_a_mapping() -> None:
    scores = closeness(0.1, 0.9, 0.5, 0.3, extra={"e": 0.7})
    assert scores["b"] == pytest.approx(0.9) and scores["e"] == pytest.approx(0.7)
    assert scores.get("z", 0.0) == 0.0
    assert list(scores) == ["a", "b", "c", "d", "e"] and len(scores) == 5


def test_scores_of_many_ids_at_once_even_with_no_pooled_scores() -> None:
    scores = closeness(0.1, 0.9, 0.5, 0.3, extra={"e": 0.7})
    assert scores.scores_of(["b", "e", "z", "a"]) == pytest.approx([0.9, 0.7, 0.0, 0.1])
    # Nodes present, none of their sentences embedded yet (an import under way).
    unpooled = Closeness([], np.zeros(0, dtype=np.float32), {}, {"e": 0.7})
    assert unpooled.scores_of(["e", "z"]) == pytest.approx([0.7, 0.0])
    assert unpooled.scores_of([]) == []


def test_top_is_best_first_with_the_extra_ids_and_only_allowed_ones() -> None:
    scores = closeness(0.1, 0.9, 0.5, 0.3, extra={"e": 0.7})
    assert scores.top(3) == ["b", "e", "c"]
    assert scores.top(10) == ["b", "e", "c", "d", "a"]
    assert scores.top(2, allowed={"a", "d", "e", "z"}) == ["e", "d"]
    assert scores.top(5, allowed=set()) == []


def test_blend_mixes_two_closenesses_of_the_same_ids() -> None:
    text = closeness(0.2, 0.8, 0.4, 0.0, extra={"e": 1.0})
    title = closeness(0.6, 0.0, 0.4, 1.0)
    mixed = text.blend(title, 0.5)
    assert [round(mixed[node_id], 3) for node_id in ["a", "b", "c", "d", "e"]] == [
        0.4,
        0.4,
        0.4,
        0.5,
        0.5,
    ]
    with pytest.raises(ValueError):
        text.blend(Closeness(["x"], np.zeros(1, dtype=np.float32), {"x": 0}), 0.5)
