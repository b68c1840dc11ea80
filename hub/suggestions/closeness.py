"""Closeness in meaning of every indexed node to one query, kept as an array.

A label holds tens of thousands of nodes and a request needs the scores of a few hundred of
them: turning every score into a dict entry cost more than computing them all. The array is
read by id on demand, and its best entries are found with `argpartition`.
"""

from __future__ import annotations

from collections.abc import Collection, Iterator, Mapping, Sequence
from dataclasses import dataclass, field

import numpy as np

from matching.embeddings import FloatArray


@dataclass(frozen=True)
class Closeness(Mapping[str, float]):
    """Scores of `ids` (row i of `scores` is `ids[i]`), plus a few `extra` scored one by one."""

    ids: Sequence[str]
    scores: FloatArray
    rows: Mapping[str, int]
    """Id -> row in `scores` (the inverse of `ids`)."""
    extra: Mapping[str, float] = field(default_factory=dict)

    def __getitem__(self, node_id: str) -> float:
        row = self.rows.get(node_id)
        if row is not None:
            return float(self.scores[row])
        return self.extra[node_id]

    def __iter__(self) -> Iterator[str]:
        yield from self.ids
        yield from (node_id for node_id in self.extra if node_id not in self.rows)

    def __len__(self) -> int:
        return len(self.ids) + sum(1 for node_id in self.extra if node_id not in self.rows)

    def scores_of(self, node_ids: Sequence[str]) -> list[float]:
        """The scores of many ids at once (0 for an id not scored)."""
        rows = np.array([self.rows.get(node_id, -1) for node_id in node_ids], dtype=np.intp)
        known = rows >= 0
        found = np.zeros(rows.size, dtype=np.float64)
        found[known] = self.scores[rows[known]]
        return [
            score if row >= 0 else self.extra.get(node_id, 0.0)
            for node_id, row, score in zip(node_ids, rows.tolist(), found.tolist(), strict=True)
        ]

    def top(self, count: int, allowed: Collection[str] | None = None) -> list[str]:
        """The ids of the `count` highest scores (among `allowed` ones when given), best first;
        equal scores keep row order."""
        values = self.scores
        if allowed is not None:
            mask = np.zeros(len(self.ids), dtype=bool)
            mask[[row for node_id in allowed if (row := self.rows.get(node_id)) is not None]] = True
            values = np.where(mask, values, -np.inf)
        chosen = np.flatnonzero(np.isfinite(values)) if allowed is not None else None
        pool = chosen if chosen is not None else np.arange(len(values))
        if pool.size > count:
            pool = pool[np.argpartition(-values[pool], count - 1)[:count]]
        best = [(float(values[row]), self.ids[int(row)]) for row in pool]
        best += [
            (score, node_id)
            for node_id, score in self.extra.items()
            if node_id not in self.rows and (allowed is None or node_id in allowed)
        ]
        best.sort(key=lambda item: -item[0])  # stable
        return [node_id for _, node_id in best[:count]]

    def blend(self, other: Closeness, share: float) -> Closeness:
        """(1 - share) of these scores plus `share` of `other`'s, which scores the same ids."""
        if other.ids is not self.ids and list(other.ids) != list(self.ids):
            raise ValueError("blended closeness must score the same ids in the same order")
        scores: FloatArray = ((1.0 - share) * self.scores + share * other.scores).astype(np.float32)
        extra = {
            node_id: (1.0 - share) * score + share * other.extra.get(node_id, 0.0)
            for node_id, score in self.extra.items()
        }
        return Closeness(self.ids, scores, self.rows, extra)
