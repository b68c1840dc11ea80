"""An exact in-process vector index: normalised float32 rows, top-k by dot product.

An exact scan is cheap at this size (23k x 384 in a few milliseconds on two cores) and, unlike
FalkorDB's HNSW index, needs nothing from the graph server. Vectors are added, replaced and
removed by id; a query may be restricted to an allowed set of ids.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

FloatArray = npt.NDArray[np.float32]

_INITIAL_CAPACITY = 1024


class VectorIndexError(ValueError):
    """A vector of the wrong shape was given to the index."""


@dataclass(frozen=True, slots=True)
class VectorHit:
    id: str
    score: float


def normalise(vectors: npt.ArrayLike) -> FloatArray:
    """Rows scaled to unit length (zero rows stay zero), as float32."""
    array = np.atleast_2d(np.asarray(vectors, dtype=np.float32))
    norms = np.linalg.norm(array, axis=1, keepdims=True)
    result: FloatArray = np.divide(array, norms, out=np.zeros_like(array), where=norms > 0)
    return result


class VectorIndex:
    def __init__(self, dimensions: int) -> None:
        self.dimensions = dimensions
        self._matrix = np.zeros((_INITIAL_CAPACITY, dimensions), dtype=np.float32)
        self._live = np.zeros(_INITIAL_CAPACITY, dtype=bool)
        self._ids: list[str | None] = []
        self._rows: dict[str, int] = {}
        self._free: list[int] = []

    def __len__(self) -> int:
        return len(self._rows)

    def __contains__(self, doc_id: object) -> bool:
        return doc_id in self._rows

    def add(self, ids: Sequence[str], vectors: npt.ArrayLike) -> None:
        """Add or replace vectors by id (they are normalised here)."""
        matrix = normalise(vectors)
        if matrix.shape != (len(ids), self.dimensions):
            raise VectorIndexError(
                f"expected {len(ids)} vectors of {self.dimensions} dimensions, "
                f"got an array of shape {matrix.shape}"
            )
        for doc_id, vector in zip(ids, matrix, strict=True):
            row = self._rows.get(doc_id)
            if row is None:
                row = self._free.pop() if self._free else self._append_row()
                self._rows[doc_id] = row
                self._ids[row] = doc_id
            self._matrix[row] = vector
            self._live[row] = True

    def remove(self, doc_id: str) -> bool:
        row = self._rows.pop(doc_id, None)
        if row is None:
            return False
        self._matrix[row] = 0.0
        self._live[row] = False
        self._ids[row] = None
        self._free.append(row)
        return True

    def vector(self, doc_id: str) -> FloatArray | None:
        row = self._rows.get(doc_id)
        return None if row is None else self._matrix[row].copy()

    def scores(self, query: npt.ArrayLike) -> dict[str, float]:
        """Cosine of the query with every stored vector."""
        values = self._scan(query)
        return {doc_id: float(values[row]) for doc_id, row in self._rows.items()}

    def search(
        self, query: npt.ArrayLike, *, limit: int = 10, allowed: Collection[str] | None = None
    ) -> list[VectorHit]:
        """The `limit` nearest vectors by cosine, best first (exact)."""
        values = self._scan(query)
        live = self._live[: len(self._ids)].copy()
        if allowed is not None:
            mask = np.zeros_like(live)
            mask[[self._rows[doc_id] for doc_id in allowed if doc_id in self._rows]] = True
            live &= mask
        candidates = np.flatnonzero(live)
        if candidates.size > limit > 0:
            top = np.argpartition(-values[candidates], limit - 1)[:limit]
            candidates = candidates[top]
        ordered = candidates[np.argsort(-values[candidates], kind="stable")][: max(limit, 0)]
        return [VectorHit(str(self._ids[row]), float(values[row])) for row in ordered]

    def _scan(self, query: npt.ArrayLike) -> FloatArray:
        vector = normalise(query)
        if vector.shape != (1, self.dimensions):
            raise VectorIndexError(
                f"expected one query vector of {self.dimensions} dimensions, "
                f"got an array of shape {vector.shape}"
            )
        result: FloatArray = self._matrix[: len(self._ids)] @ vector[0]
        return result

    def _append_row(self) -> int:
        row = len(self._ids)
        if row == self._matrix.shape[0]:
            grown = np.zeros((row * 2, self.dimensions), dtype=np.float32)
            grown[:row] = self._matrix
            self._matrix = grown
            live = np.zeros(row * 2, dtype=bool)
            live[:row] = self._live
            self._live = live
        self._ids.append(None)
        return row
