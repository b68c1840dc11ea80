"""Ranking metrics on binary relevance: Recall@k, reciprocal rank, nDCG@k, and their means."""

from __future__ import annotations

import math
from collections.abc import Collection, Iterable, Sequence
from dataclasses import dataclass


def recall_at(ranked: Sequence[str], truth: Collection[str], k: int) -> float:
    """Share of the truth found in the first k."""
    if not truth:
        return 0.0
    return len(set(ranked[:k]) & set(truth)) / len(truth)


def reciprocal_rank(ranked: Sequence[str], truth: Collection[str]) -> float:
    """1 / the position of the first relevant item (0 when none is ranked)."""
    for position, item in enumerate(ranked, start=1):
        if item in truth:
            return 1.0 / position
    return 0.0


def ndcg_at(ranked: Sequence[str], truth: Collection[str], k: int) -> float:
    """Normalised discounted cumulative gain at k with binary gains."""
    if not truth:
        return 0.0
    gains = sum(1.0 / math.log2(i + 2) for i, item in enumerate(ranked[:k]) if item in truth)
    ideal = sum(1.0 / math.log2(i + 2) for i in range(min(len(truth), k)))
    return gains / ideal


@dataclass(frozen=True, slots=True)
class Metrics:
    queries: int
    recall_10: float
    recall_20: float
    mrr: float
    ndcg_20: float

    @staticmethod
    def mean(results: Iterable[tuple[Sequence[str], Collection[str]]]) -> Metrics:
        """Mean metrics over (ranking, truth) pairs; queries with an empty truth are skipped."""
        rows = [
            (
                recall_at(ranked, truth, 10),
                recall_at(ranked, truth, 20),
                reciprocal_rank(ranked, truth),
                ndcg_at(ranked, truth, 20),
            )
            for ranked, truth in results
            if truth
        ]
        if not rows:
            return Metrics(0, 0.0, 0.0, 0.0, 0.0)
        count = len(rows)
        sums = [sum(column) for column in zip(*rows, strict=True)]
        return Metrics(count, *(value / count for value in sums))
