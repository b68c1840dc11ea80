"""Documents as bags of sentence vectors, scored by the soft maximum of their sentences.

An organisation's profile is a list of topic titles and fields; averaging them into one vector
blurs a large organisation into the middle of everything. Scoring each document by a soft
maximum over its sentences (log-sum-exp at temperature 1/beta) rewards the organisation that
worked on something close to the query, however much else it did. Each distinct sentence is
stored once, however many documents share it.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import numpy.typing as npt
from scipy import sparse

from matching.arrays import joined, offsets
from matching.vectors import FloatArray, VectorIndexError, normalise

DEFAULT_BETA = 15.0
_INITIAL_CAPACITY = 1024
_TINY = np.finfo(np.float32).tiny


class SentenceIndex:
    def __init__(self, dimensions: int) -> None:
        self.dimensions = dimensions
        self._vectors = np.zeros((_INITIAL_CAPACITY, dimensions), dtype=np.float32)
        self._sentences: dict[str, int] = {}
        self._documents: dict[str, npt.NDArray[np.int64]] = {}
        self._ids: list[str] = []
        self._membership: sparse.csr_array | None = None

    def __len__(self) -> int:
        return len(self._documents)

    def __contains__(self, doc_id: object) -> bool:
        return doc_id in self._documents

    def missing(self, sentences: Sequence[str]) -> list[str]:
        """The distinct sentences that have no vector yet (what to encode before `add`)."""
        return [s for s in dict.fromkeys(sentences) if s not in self._sentences]

    def add_sentences(self, sentences: Sequence[str], vectors: npt.ArrayLike) -> None:
        """Store sentence vectors (normalised here); known sentences keep their vector."""
        matrix = normalise(vectors)
        if matrix.shape != (len(sentences), self.dimensions):
            raise VectorIndexError(
                f"expected {len(sentences)} vectors of {self.dimensions} dimensions, "
                f"got an array of shape {matrix.shape}"
            )
        for sentence, vector in zip(sentences, matrix, strict=True):
            if sentence in self._sentences:
                continue
            row = len(self._sentences)
            if row == self._vectors.shape[0]:
                grown = np.zeros((row * 2, self.dimensions), dtype=np.float32)
                grown[:row] = self._vectors
                self._vectors = grown
            self._vectors[row] = vector
            self._sentences[sentence] = row

    def add(self, doc_id: str, sentences: Sequence[str]) -> None:
        """Add or replace a document made of sentences whose vectors are already stored."""
        unknown = self.missing(sentences)
        if unknown:
            raise VectorIndexError(
                f"{len(unknown)} sentences of {doc_id!r} have no vector; "
                "encode `missing(...)` and call `add_sentences` first"
            )
        rows = np.array(sorted({self._sentences[s] for s in sentences}), dtype=np.int64)
        if doc_id not in self._documents:
            self._ids.append(doc_id)
        self._documents[doc_id] = rows
        self._membership = None

    def remove(self, doc_id: str) -> bool:
        if self._documents.pop(doc_id, None) is None:
            return False
        self._ids.remove(doc_id)
        self._membership = None
        return True

    @property
    def prepared(self) -> bool:
        """Whether the document-sentence matrix is built (a query now costs no rebuild)."""
        return self._membership is not None

    def prepare(self) -> None:
        """Build the document-sentence matrix now (e.g. in a worker thread), not on next use."""
        self._built()

    def ids(self) -> list[str]:
        """Document ids in the order of `score_vector`."""
        return list(self._ids)

    def score_vector(self, query: npt.ArrayLike, *, beta: float = DEFAULT_BETA) -> FloatArray:
        """Soft maximum over each document's sentences of their cosine with the query."""
        vector = normalise(query)
        if vector.shape != (1, self.dimensions):
            raise VectorIndexError(
                f"expected one query vector of {self.dimensions} dimensions, "
                f"got an array of shape {vector.shape}"
            )
        if not self._sentences:
            return np.zeros(len(self._ids), dtype=np.float32)
        weights = self._vectors[: len(self._sentences)] @ vector[0]
        weights -= 1.0
        weights *= beta
        np.exp(weights, out=weights)
        pooled: FloatArray = self._built() @ weights
        np.maximum(pooled, _TINY, out=pooled)
        np.log(pooled, out=pooled)
        pooled /= beta
        pooled += 1.0
        return pooled

    def vectors_of(self, doc_id: str) -> FloatArray:
        """The sentence vectors of one document (rows), e.g. to use it as a query."""
        rows = self._documents.get(doc_id)
        if rows is None:
            return np.zeros((0, self.dimensions), dtype=np.float32)
        result: FloatArray = self._vectors[rows].copy()
        return result

    def scores(self, query: npt.ArrayLike, *, beta: float = DEFAULT_BETA) -> dict[str, float]:
        return dict(zip(self._ids, self.score_vector(query, beta=beta).tolist(), strict=True))

    def _built(self) -> sparse.csr_array:
        if self._membership is None:
            # Each document's sentence rows are sorted and distinct: the matrix is built
            # row by row as it is stored, with no sorting (see matching.arrays).
            columns = [self._documents[doc_id] for doc_id in self._ids]
            sizes = np.fromiter((rows.size for rows in columns), np.int64, len(columns))
            indices = joined(columns, np.int64)
            self._membership = sparse.csr_array(
                (np.ones(indices.size, dtype=np.float32), indices, offsets(sizes)),
                shape=(len(self._ids), max(len(self._sentences), 1)),
            )
        return self._membership


def soft_max_similarity(
    sentences: npt.ArrayLike, candidates: npt.ArrayLike, *, beta: float = DEFAULT_BETA
) -> FloatArray:
    """For each candidate vector, the soft maximum of its cosine with a document's sentences.

    The other direction of `SentenceIndex.score_vector`: the document (an organisation asking
    for calls) is the query, the candidates (calls) are single vectors.
    """
    query, matrix = normalise(sentences), normalise(candidates)
    if query.shape[0] == 0 or not np.any(query):
        return np.zeros(matrix.shape[0], dtype=np.float32)
    weights = np.exp(beta * (matrix @ query.T - 1.0)).sum(axis=1)
    pooled = np.log(np.maximum(weights, np.finfo(np.float32).tiny)) / beta + 1.0
    result: FloatArray = pooled.astype(np.float32)
    return result
