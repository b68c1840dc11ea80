from __future__ import annotations

import math

import pytest

from matching.metrics import Metrics, ndcg_at, recall_at, reciprocal_rank


def test_recall_at_k() -> None:
    assert recall_at(["a", "b", "c"], {"a", "c", "z"}, 2) == pytest.approx(1 / 3)
    assert recall_at(["a", "b", "c"], {"a", "c", "z"}, 3) == pytest.approx(2 / 3)
    assert recall_at(["a"], set(), 10) == 0.0


def test_reciprocal_rank() -> None:
    assert reciprocal_rank(["x", "y", "a"], {"a"}) == pytest.approx(1 / 3)
    assert reciprocal_rank(["x"], {"a"}) == 0.0


def test_ndcg() -> None:
    assert ndcg_at(["a", "b"], {"a", "b"}, 20) == pytest.approx(1.0)
    expected = (1 / math.log2(3)) / (1 + 1 / math.log2(3))
    assert ndcg_at(["x", "a"], {"a", "b"}, 20) == pytest.approx(expected)
    assert ndcg_at(["x", "a"], {"a"}, 1) == 0.0


def test_mean_skips_empty_truths() -> None:
    metrics = Metrics.mean([(["a", "b"], {"a"}), (["x"], {"y"}), (["a"], set())])
    assert metrics.queries == 2
    assert metrics.recall_10 == pytest.approx(0.5)
    assert metrics.mrr == pytest.approx(0.5)
    assert Metrics.mean([]).queries == 0
