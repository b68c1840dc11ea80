"""The dev corpus in memory: profiles and calls indexed lexically and semantically.

Built once from the real files (`matching.protocol`), with embeddings cached on disk by content
hash, so the evaluation (and any tuning on the dev split) ranks without touching a graph.
"""

from __future__ import annotations

import time
from bisect import bisect_left
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from matching.baselines import Baselines
from matching.documents import leading_words, sentences
from matching.embedding_cache import cached_encode
from matching.embeddings import FloatArray, SentenceTransformerEmbedder, mean_of_sentences
from matching.evidence import Facts
from matching.features import History
from matching.lexical import LexicalIndex, Weighting
from matching.pooling import SentenceIndex, soft_max_similarity
from matching.protocol import DevSplit, load_dev_split

TITLE_SHARE = 0.5
"""Task A: weight of the call title (against its full text) in the pooled semantic score."""
POOLED_SHARE = 0.15
"""Task B: weight of pooled sentence similarity (against the mean profile vector)."""

Progress = Callable[[str], None]


def quiet(_: str) -> None:
    return None


@dataclass
class DevCorpus:
    """Everything both tasks rank from: indexes, vectors and the history of past projects."""

    split: DevSplit
    org_ids: list[str]
    org_vectors: FloatArray
    """Mean of each profile's sentence vectors (the MiniLM baseline's document vectors)."""
    org_sentences: SentenceIndex
    org_index: LexicalIndex
    org_facts: list[Facts]
    popularity: FloatArray
    call_ids: list[str]
    call_vectors: FloatArray
    title_vectors: FloatArray
    call_index: LexicalIndex
    history: History
    baselines: Baselines
    signals: dict[tuple[str, int], tuple[FloatArray, FloatArray]] = field(default_factory=dict)
    """(task, query number) -> (semantic, lexical) scores of every candidate, computed once."""

    def call_row(self, call: str) -> int:
        return bisect_left(self.call_ids, call)

    def org_row(self, org: str) -> int:
        return bisect_left(self.org_ids, org)

    def partner_signals(self, number: int) -> tuple[FloatArray, FloatArray]:
        """Organisations for a call: pooled sentence similarity (text and title), BM25."""
        key = ("partners", number)
        if key not in self.signals:
            query = self.split.partner_queries[number]
            row = self.call_row(query.topic)
            by_text = self.org_sentences.score_vector(self.call_vectors[row])
            by_title = self.org_sentences.score_vector(self.title_vectors[row])
            semantic = (1.0 - TITLE_SHARE) * by_text + TITLE_SHARE * by_title
            self.signals[key] = (semantic, self.org_index.score_vector(query.text))
        return self.signals[key]

    def call_signals(self, number: int) -> tuple[FloatArray, FloatArray]:
        """Calls for an organisation: profile cosine and pooled sentences, TF-IDF cosine."""
        key = ("calls", number)
        if key not in self.signals:
            query = self.split.call_queries[number]
            org = query.organisation_id
            profile = self.call_vectors @ self.org_vectors[self.org_row(org)]
            pooled = soft_max_similarity(self.org_sentences.vectors_of(org), self.call_vectors)
            semantic = (1.0 - POOLED_SHARE) * profile + POOLED_SHARE * pooled
            lexical = self.call_index.score_vector(query.text, Weighting.TFIDF)
            self.signals[key] = (semantic, lexical)
        return self.signals[key]


def build_corpus(data_dir: Path, cache: Path, progress: Progress = quiet) -> DevCorpus:
    """Read the protocol and build every index and feature both tasks need."""
    started = time.perf_counter()
    split = load_dev_split(data_dir)
    progress(
        f"protocol: {len(split.profiles)} profiles, {len(split.calls)} calls with text, "
        f"{len(split.partner_queries)} call->partners queries, "
        f"{len(split.call_queries)} organisation->call queries "
        f"({time.perf_counter() - started:.0f} s)"
    )
    baselines = Baselines.build(split)
    org_ids, call_ids, history = baselines.org_ids, baselines.call_ids, baselines.history
    progress(f"lexical indexes built ({time.perf_counter() - started:.0f} s)")
    embedder = SentenceTransformerEmbedder()

    def report(done: int, total: int) -> None:
        progress(f"  encoded {done}/{total} new texts")

    split_sentences = [sentences(split.profiles[org]) or [split.profiles[org]] for org in org_ids]
    distinct = list(dict.fromkeys(s for parts in split_sentences for s in parts))
    sentence_vectors = cached_encode(embedder, distinct, cache, progress=report)
    org_sentences = SentenceIndex(embedder.dimensions)
    org_sentences.add_sentences(distinct, sentence_vectors)
    for org, parts in zip(org_ids, split_sentences, strict=True):
        org_sentences.add(org, parts)
    by_sentence = dict(zip(distinct, sentence_vectors, strict=True))
    org_vectors = mean_of_sentences(split_sentences, by_sentence)
    call_vectors = cached_encode(
        embedder,
        [leading_words(split.calls[call].text) for call in call_ids],
        cache,
        progress=report,
    )
    title_vectors = cached_encode(
        embedder, [split.calls[call].title for call in call_ids], cache, progress=report
    )
    progress(f"embeddings ready ({time.perf_counter() - started:.0f} s)")
    org_facts = [
        Facts(
            name=split.organisations[org].name,
            kind=split.organisations[org].kind,
            country=split.organisations[org].country,
            city=split.organisations[org].city,
            popularity=history.popularity[org],
        )
        for org in org_ids
    ]
    return DevCorpus(
        split=split,
        org_ids=org_ids,
        org_vectors=org_vectors,
        org_sentences=org_sentences,
        org_index=baselines.org_index,
        org_facts=org_facts,
        popularity=baselines.popularity,
        call_ids=call_ids,
        call_vectors=call_vectors,
        title_vectors=title_vectors,
        call_index=baselines.call_index,
        history=history,
        baselines=baselines,
    )
