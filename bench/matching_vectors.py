"""Exact vector scan: top-20 latency for 23k and 100k x 384 float32 vectors.

    .venv/bin/python bench/matching_vectors.py

Baseline: the same scan followed by a full sort of every score (what argpartition avoids).
Recall against an exact full sort is 1.0 by construction (the scan is exact); checked anyway.
"""

from __future__ import annotations

import time

import numpy as np

from matching.vectors import VectorIndex, normalise

DIMENSIONS = 384
QUERIES = 200
LIMIT = 20


def main() -> None:
    rng = np.random.default_rng(0)
    for count in (23_000, 100_000):
        vectors = rng.standard_normal((count, DIMENSIONS)).astype(np.float32)
        index = VectorIndex(DIMENSIONS)
        started = time.perf_counter()
        index.add([str(i) for i in range(count)], vectors)
        load = time.perf_counter() - started
        queries = rng.standard_normal((QUERIES, DIMENSIONS)).astype(np.float32)
        index.search(queries[0], limit=LIMIT)
        started = time.perf_counter()
        hits = [index.search(query, limit=LIMIT) for query in queries]
        scan = (time.perf_counter() - started) / QUERIES
        matrix = normalise(vectors)
        started = time.perf_counter()
        exact = [np.argsort(-(matrix @ normalise(q)[0]))[:LIMIT] for q in queries]
        baseline = (time.perf_counter() - started) / QUERIES
        recall = np.mean(
            [
                len({h.id for h in found} & {str(i) for i in truth}) / LIMIT
                for found, truth in zip(hits, exact, strict=True)
            ]
        )
        print(
            f"{count:>7} x {DIMENSIONS}: top-{LIMIT} {scan * 1000:.2f} ms/query "
            f"(full sort {baseline * 1000:.2f} ms, ratio {baseline / scan:.2f}x), "
            f"recall@{LIMIT} vs exact {recall:.3f}, loaded in {load:.2f} s"
        )
    print("exact in-process scan: summary above, one line per size")


if __name__ == "__main__":
    main()
