"""An in-process lexical index: BM25 ranking and TF-IDF cosine over analysed documents.

Documents are added (or replaced) and removed by id; the sparse matrices are rebuilt lazily,
on the first query after a change, from each document's stored term counts (no re-analysis).
A query costs one slice of the term columns it uses, a few milliseconds for 25k documents.
Each hit carries the query words it shares with the document, for explanations.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass
from enum import StrEnum

import numpy as np
import numpy.typing as npt
from scipy import sparse

from matching.arrays import joined
from matching.text import counted_terms
from matching.top import RowArray, best_rows

FloatArray = npt.NDArray[np.float32]


class Weighting(StrEnum):
    BM25 = "bm25"
    TFIDF = "tfidf"


@dataclass(frozen=True, slots=True)
class LexicalHit:
    id: str
    score: float
    terms: tuple[str, ...]
    """Query words found in the document, the most telling first."""


@dataclass(frozen=True, slots=True)
class _Query:
    columns: npt.NDArray[np.int64]
    counts: FloatArray
    words: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class _Matrices:
    bm25: sparse.csc_array
    tfidf: sparse.csc_array
    bm25_idf: FloatArray
    tfidf_idf: FloatArray
    lengths: FloatArray
    """Each row's number of terms."""
    average: float
    """The average number of terms of a document."""


class LexicalIndex:
    """BM25 (Okapi, with Lucene's non-negative idf) and TF-IDF cosine over the same documents."""

    def __init__(self, *, k1: float = 1.2, b: float = 0.75) -> None:
        self.k1 = k1
        self.b = b
        self._vocabulary: dict[str, int] = {}
        self._ids: list[str] = []
        self._rows: dict[str, int] = {}
        self._documents: list[tuple[npt.NDArray[np.int64], FloatArray] | None] = []
        self._words: list[tuple[str, ...]] = []
        """Each row's words, one per column of its entry: a document asked about as a query
        shows them as a parsed text would (the first word seen of each stem)."""
        self._word_forms: dict[str, str] = {}
        """One copy of each distinct word, shared by every row that has it."""
        self._free: list[int] = []
        self._matrices: _Matrices | None = None

    def __len__(self) -> int:
        return len(self._rows)

    def __contains__(self, doc_id: object) -> bool:
        return doc_id in self._rows

    # -- changes --------------------------------------------------------------------------
    def add(self, doc_id: str, text: str) -> None:
        """Index a document, replacing the one with the same id."""
        counts: Counter[str] = Counter()
        first_words: dict[str, str] = {}
        for term, count in counted_terms(text):
            counts[term.stem] += count
            first_words.setdefault(term.stem, term.word)
        forms = self._word_forms
        words = tuple(forms.setdefault(word, word) for word in first_words.values())
        columns = np.fromiter(
            (self._vocabulary.setdefault(stem, len(self._vocabulary)) for stem in counts),
            dtype=np.int64,
            count=len(counts),
        )
        entry = (columns, np.fromiter(counts.values(), dtype=np.float32, count=len(counts)))
        row = self._rows.get(doc_id)
        if row is None:
            row = self._free.pop() if self._free else len(self._ids)
            if row == len(self._ids):
                self._ids.append(doc_id)
                self._documents.append(entry)
                self._words.append(words)
            self._rows[doc_id] = row
        self._ids[row] = doc_id
        self._documents[row] = entry
        self._words[row] = words
        self._matrices = None

    def add_many(self, documents: Iterable[tuple[str, str]]) -> None:
        for doc_id, text in documents:
            self.add(doc_id, text)

    def remove(self, doc_id: str) -> bool:
        """Forget a document; False when it was not indexed."""
        row = self._rows.pop(doc_id, None)
        if row is None:
            return False
        self._documents[row] = None
        self._words[row] = ()
        self._free.append(row)
        self._matrices = None
        return True

    # -- queries --------------------------------------------------------------------------
    @property
    def rows(self) -> Mapping[str, int]:
        """Each document's row: its entry in every array of scores."""
        return self._rows

    @property
    def row_ids(self) -> Sequence[str]:
        """The document of each row. A free row keeps the id it last held: it scores 0 and is
        in no `rows` entry."""
        return self._ids

    def rows_of(self, doc_ids: Iterable[str]) -> RowArray:
        """The rows of these documents, in order (documents not indexed left out)."""
        rows = self._rows
        return np.fromiter(
            (row for doc_id in doc_ids if (row := rows.get(doc_id)) is not None), np.int64
        )

    def ids_at(self, rows: RowArray) -> list[str]:
        ids = self._ids
        return [ids[row] for row in rows.tolist()]

    def mask_of(self, doc_ids: Collection[str] | None) -> npt.NDArray[np.bool_] | None:
        """Which rows hold one of these documents (None: no restriction)."""
        if doc_ids is None:
            return None
        mask = np.zeros(len(self._ids), dtype=bool)
        mask[self.rows_of(doc_ids)] = True
        return mask

    @property
    def prepared(self) -> bool:
        """Whether the scoring matrices are built (a query now costs no rebuild)."""
        return self._matrices is not None

    def prepare(self) -> None:
        """Build the scoring matrices now (e.g. in a worker thread) instead of on next use."""
        self._built()

    def score_vector(self, query: str, weighting: Weighting = Weighting.BM25) -> FloatArray:
        """Scores of every row for a query (0 for free rows and documents without a match)."""
        return self.scored(query, weighting).scores

    def scored(self, query: str, weighting: Weighting = Weighting.BM25) -> LexicalScores:
        """A query scored over every document once: its best hits, any document's score, and
        the words a document shares with it, looked up only for the documents asked about."""
        return self._scored(self._parse(query), weighting)

    def scored_document(
        self, doc_id: str, weighting: Weighting = Weighting.BM25
    ) -> LexicalScores | None:
        """`scored` with an indexed document's own text as the query (an organisation asking
        for partners), from the terms analysed when it was added: a 2,000-word profile took
        2-3 ms to analyse again. None when the document is not indexed."""
        row = self._rows.get(doc_id)
        entry = self._documents[row] if row is not None else None
        if row is None or entry is None:
            return None
        return self._scored(_Query(entry[0], entry[1], self._words[row]), weighting)

    def _scored(self, parsed: _Query, weighting: Weighting) -> LexicalScores:
        matrices = self._built()
        if parsed.columns.size == 0:
            return LexicalScores(self, parsed, np.zeros(len(self._ids), dtype=np.float32))
        if weighting is Weighting.BM25:
            bm25 = matrices.bm25[:, parsed.columns]
            weights = matrices.bm25_idf[parsed.columns] * parsed.counts
            return LexicalScores(self, parsed, np.asarray(bm25 @ weights, dtype=np.float32))
        query_weights = (1.0 + np.log(parsed.counts)) * matrices.tfidf_idf[parsed.columns]
        query_weights /= max(float(np.linalg.norm(query_weights)), 1e-12)
        scores = matrices.tfidf[:, parsed.columns] @ query_weights
        return LexicalScores(self, parsed, np.asarray(scores, dtype=np.float32))

    def search(
        self,
        query: str,
        *,
        limit: int | None = 10,
        allowed: Collection[str] | None = None,
        weighting: Weighting = Weighting.BM25,
    ) -> list[LexicalHit]:
        """The best documents for a query (only `allowed` ids when given), with shared words."""
        scored = self.scored(query, weighting)
        best = scored.best(limit, allowed)
        shared = scored.terms([doc_id for doc_id, _ in best])
        return [
            LexicalHit(doc_id, score, words)
            for (doc_id, score), words in zip(best, shared, strict=True)
        ]

    # -- internals ------------------------------------------------------------------------
    def _parse(self, query: str) -> _Query:
        vocabulary = self._vocabulary
        counts: dict[int, int] = {}
        words: dict[int, str] = {}
        for term, count in counted_terms(query):
            column = vocabulary.get(term.stem)
            if column is None:
                continue
            if column in counts:
                counts[column] += count
            else:
                counts[column] = count
                words[column] = term.word
        return _Query(
            columns=np.fromiter(counts, dtype=np.int64, count=len(counts)),
            counts=np.fromiter(counts.values(), dtype=np.float32, count=len(counts)),
            words=tuple(words.values()),
        )

    def _bm25(self, tf: FloatArray, lengths: FloatArray | np.float32, average: float) -> FloatArray:
        """BM25's saturated term frequency of terms counted `tf` times in documents of
        `lengths` terms (in float32 throughout, as the matrices hold it)."""
        norm = self.k1 * (1.0 - self.b + self.b * lengths / average)
        return np.asarray(tf * (self.k1 + 1.0) / (tf + norm), dtype=np.float32)

    def _built(self) -> _Matrices:
        if self._matrices is None:
            self._matrices = self._build()
        return self._matrices

    def _build(self) -> _Matrices:
        rows = len(self._ids)
        vocabulary = len(self._vocabulary)
        entries = [(row, entry) for row, entry in enumerate(self._documents) if entry is not None]
        sizes = np.fromiter((entry[0].size for _, entry in entries), np.int64, len(entries))
        r = np.repeat(np.fromiter((row for row, _ in entries), np.int64, len(entries)), sizes)
        c = joined([entry[0] for _, entry in entries], np.int64)
        tf = joined([entry[1] for _, entry in entries], np.float32)
        lengths = np.bincount(r, weights=tf, minlength=rows).astype(np.float32)
        documents = max(len(self._rows), 1)
        df = np.bincount(c, minlength=vocabulary).astype(np.float32)
        average = float(lengths.sum()) / documents or 1.0
        bm25 = self._bm25(tf, lengths[r], average)
        bm25_idf = np.log1p((documents - df + 0.5) / (df + 0.5)).astype(np.float32)
        tfidf_idf = (np.log((1.0 + documents) / (1.0 + df)) + 1.0).astype(np.float32)
        tfidf = (1.0 + np.log(tf)) * tfidf_idf[c]
        row_norms = np.sqrt(np.bincount(r, weights=tfidf * tfidf, minlength=rows))
        tfidf = tfidf / np.maximum(row_norms[r], 1e-12)
        shape = (rows, vocabulary)
        return _Matrices(
            bm25=sparse.csc_array((bm25.astype(np.float32), (r, c)), shape=shape),
            tfidf=sparse.csc_array((tfidf.astype(np.float32), (r, c)), shape=shape),
            bm25_idf=bm25_idf,
            tfidf_idf=tfidf_idf,
            lengths=lengths,
            average=average,
        )


class LexicalScores:
    """One query's scores over every row of a `LexicalIndex` (as it was when scored)."""

    def __init__(self, index: LexicalIndex, parsed: _Query, scores: FloatArray) -> None:
        self.scores = scores
        self._index = index
        self._parsed = parsed

    def scores_of(self, doc_ids: Sequence[str]) -> list[float]:
        """The scores of many documents at once (0 for an unknown document)."""
        rows = np.array([self._index._rows.get(doc_id, -1) for doc_id in doc_ids], dtype=np.intp)
        known = rows >= 0
        found = np.zeros(rows.size, dtype=np.float64)
        found[known] = self.scores[rows[known]]
        scores: list[float] = found.tolist()
        return scores

    def at(self, rows: RowArray) -> list[float]:
        """The scores of these rows."""
        scores: list[float] = self.scores[rows].astype(np.float64).tolist()
        return scores

    def best_rows(self, limit: int, allowed: npt.NDArray[np.bool_] | None = None) -> RowArray:
        """The rows of the `limit` best matching documents (among `allowed` rows when given),
        best first; equal scores in row order."""
        scores = self.scores if allowed is None else np.where(allowed, self.scores, 0.0)
        return best_rows(scores, limit, above=0.0)

    def best(
        self, limit: int | None, allowed: Collection[str] | None = None
    ) -> list[tuple[str, float]]:
        """The matching documents (only `allowed` ids when given) and their scores, best first;
        all of them when `limit` is None."""
        index = self._index
        found = self.best_rows(self.scores.size if limit is None else limit, index.mask_of(allowed))
        return list(zip(index.ids_at(found), self.at(found), strict=True))

    def terms(self, doc_ids: Sequence[str]) -> list[tuple[str, ...]]:
        """For each document, the query words it contains, by their BM25 contribution (ties in
        the query's order). Read from each document's own term counts: a few documents are
        asked about, and a long query (an organisation's whole profile) has a thousand words."""
        query = self._parsed.columns
        if query.size == 0:
            return [() for _ in doc_ids]
        index = self._index
        matrices = index._built()
        by_column = np.argsort(query, kind="stable")
        sorted_query = query[by_column]
        words = self._parsed.words
        found: list[tuple[str, ...]] = []
        for doc_id in doc_ids:
            row = index._rows.get(doc_id)
            entry = index._documents[row] if row is not None else None
            if row is None or entry is None:
                found.append(())
                continue
            columns, counts = entry
            at = np.minimum(np.searchsorted(sorted_query, columns), sorted_query.size - 1)
            shared = sorted_query[at] == columns
            tf = index._bm25(counts[shared], matrices.lengths[row], matrices.average)
            weights = tf * matrices.bm25_idf[columns[shared]]
            positions = by_column[at[shared]]
            order = np.lexsort((positions, -weights))
            telling = positions[order[weights[order] > 0.0]]
            found.append(tuple(words[position] for position in telling.tolist()))
        return found
