"""BM25 and TF-IDF over the real organisation profiles: build time and query latency.

    .venv/bin/python bench/matching_lexical.py [../shared/data]

Queries: 100 real call texts (long) and their titles (short), over the ~17.8k profiles of the
dev protocol. Baseline: TF-IDF cosine on the same matrices.
"""

from __future__ import annotations

import random
import sys
import time
from pathlib import Path

from matching.lexical import LexicalIndex, Weighting
from matching.protocol import load_dev_split

DATA = Path(__file__).resolve().parents[2] / "shared" / "data"


def per_query(index: LexicalIndex, queries: list[str], weighting: Weighting) -> float:
    started = time.perf_counter()
    for query in queries:
        index.search(query, limit=20, weighting=weighting)
    return (time.perf_counter() - started) / len(queries) * 1000


def main() -> None:
    split = load_dev_split(Path(sys.argv[1]) if len(sys.argv) > 1 else DATA)
    index = LexicalIndex()
    started = time.perf_counter()
    index.add_many(split.profiles.items())
    index.search("warm-up")
    built = time.perf_counter() - started
    calls = random.Random(0).sample(sorted(split.calls.values(), key=lambda c: c.identifier), 100)
    print(f"{len(index)} profiles analysed and indexed in {built:.1f} s")
    for label, queries in (
        ("call texts", [c.text for c in calls]),
        ("call titles", [c.title for c in calls]),
    ):
        bm25 = per_query(index, queries, Weighting.BM25)
        tfidf = per_query(index, queries, Weighting.TFIDF)
        print(
            f"{label}: BM25 top-20 with shared terms {bm25:.1f} ms/query, "
            f"TF-IDF {tfidf:.1f} ms/query (ratio {tfidf / bm25:.2f}x)"
        )
    print("lexical index: figures above")


if __name__ == "__main__":
    main()
