"""Closeness in meaning of every row of a label's index to one query, kept as an array.

A label holds tens of thousands of nodes and a request needs the scores of a few hundred of
them: turning every score into a dict entry cost more than computing them all. The array has
one entry per row of the label's documents (`LexicalIndex.rows`), NaN where a row has no vector, so
that a request's candidates are found and scored by row (`matching.top`), by meaning and by
words alike.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

from matching.embeddings import FloatArray
from matching.top import RowArray, best_rows


@dataclass(frozen=True)
class Closeness:
    """Scores of the rows of an index (row i is `ids[i]` when in use; NaN: not scored)."""

    ids: Sequence[str]
    scores: FloatArray
    rows: Mapping[str, int]
    """Id -> row (the inverse of `ids`, for the rows in use)."""

    def at(self, rows: RowArray) -> list[float]:
        """The scores of these rows (0 where not scored)."""
        found: npt.NDArray[np.float64] = self.scores[rows].astype(np.float64)
        found[np.isnan(found)] = 0.0
        result: list[float] = found.tolist()
        return result

    def best_rows(self, count: int, allowed: npt.NDArray[np.bool_] | None = None) -> RowArray:
        """The rows of the `count` highest scores (among `allowed` rows when given), best
        first; equal scores in row order."""
        values = self.scores if allowed is None else np.where(allowed, self.scores, np.nan)
        return best_rows(values, count)

    def blend(self, other: Closeness, share: float) -> Closeness:
        """(1 - share) of these scores plus `share` of `other`'s, which scores the same rows."""
        if other.ids is not self.ids and list(other.ids) != list(self.ids):
            raise ValueError("blended closeness must score the same ids in the same order")
        scores: FloatArray = ((1.0 - share) * self.scores + share * other.scores).astype(np.float32)
        return Closeness(self.ids, scores, self.rows)
