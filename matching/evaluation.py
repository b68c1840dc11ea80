"""The dev evaluation, in memory (no graph): hub ranking against baselines on real consortia.

    python -m matching.evaluation /work/shared/data [--cache var/matching-cache]

Builds the dev protocol (`matching.protocol`), indexes the organisation profiles and the
call texts lexically and semantically (embeddings cached on disk by content hash), then ranks
for both tasks with the hub's ranking and with the baselines (popularity, BM25, TF-IDF, and
the embedding cosine alone), overall and for the Greek slice. Ranking functions get plain
candidates and evidence, as they do in the hub.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path

import numpy as np

from matching.baselines import (
    BASELINE_METHODS,
    CALLS_TASK,
    DEPTH,
    PARTNERS_TASK,
    Row,
    score_calls,
    score_partners,
    summary,
    table,
    top_rows,
)
from matching.corpus import DevCorpus, Progress, build_corpus, quiet
from matching.embeddings import FloatArray
from matching.evidence import Facts, GraphEvidence
from matching.features import (
    CALL_PROGRAMME_DEPTH,
    DESTINATION_DEPTH,
    PARTNER_PROGRAMME_DEPTH,
    topic_family,
)
from matching.ranking import DEFAULT_WEIGHTS, Candidate, Use, Weights, rank

POOL = 300
"""Candidates taken from the top of each signal's list (task A)."""


# -- task A: call -> partners ---------------------------------------------------------------
METHODS = ("hub", *BASELINE_METHODS, "minilm")


def partner_rankings(
    prep: DevCorpus, method: str, weights: Weights | None = None, pool: int = POOL
) -> list[list[str]]:
    """One ranking of organisations per call->partners query."""
    if method in BASELINE_METHODS:
        return prep.baselines.partners(method)
    rankings: list[list[str]] = []
    for number, query in enumerate(prep.split.partner_queries):
        if method == "minilm":
            rows = top_rows(prep.org_vectors @ prep.call_vectors[prep.call_row(query.topic)], DEPTH)
        else:
            semantic, lexical = prep.partner_signals(number)
            rows = np.array(_hub_partners(prep, query.topic, semantic, lexical, weights, pool))
        rankings.append([prep.org_ids[row] for row in rows])
    return rankings


def _family_counts(prep: DevCorpus, topic: str, depth: int) -> FloatArray:
    counts = np.zeros(len(prep.org_ids), dtype=np.float32)
    for org, count in prep.history.family_members(topic, depth).items():
        row = prep.org_row(org)
        if row < len(prep.org_ids) and prep.org_ids[row] == org:
            counts[row] = count
    return counts


def _hub_partners(
    prep: DevCorpus,
    topic: str,
    semantic: FloatArray,
    lexical: FloatArray,
    weights: Weights | None,
    pool: int,
) -> list[int]:
    programme = _family_counts(prep, topic, PARTNER_PROGRAMME_DEPTH)
    destination = _family_counts(prep, topic, DESTINATION_DEPTH)
    signals = (semantic, lexical, prep.popularity, programme, destination)
    rows = np.unique(np.concatenate([top_rows(signal, pool) for signal in signals]))
    facts: dict[str, Facts] = {}
    candidates: list[Candidate] = []
    for row in rows.tolist():
        org = prep.org_ids[row]
        facts[org] = replace(
            prep.org_facts[row],
            programme_participations=int(programme[row]),
            programme=topic_family(topic, PARTNER_PROGRAMME_DEPTH),
            destination_participations=int(destination[row]),
            destination=topic_family(topic, DESTINATION_DEPTH),
        )
        candidates.append(Candidate(org, float(semantic[row]), float(lexical[row])))
    evidence = GraphEvidence(facts=facts, co_participation=prep.history.co_participation())
    ranked = rank(candidates, evidence, use=Use.CONSORTIUM, weights=weights, limit=DEPTH)
    return [prep.org_row(item.id) for item in ranked]


# -- task B: organisation -> call -----------------------------------------------------------
def call_rankings(prep: DevCorpus, method: str, weights: Weights | None = None) -> list[list[str]]:
    """One ranking of calls (topics with text) per organisation->call query."""
    if method in BASELINE_METHODS:
        return prep.baselines.calls(method)
    rankings: list[list[str]] = []
    for number, query in enumerate(prep.split.call_queries):
        if method == "minilm":
            org_vector = prep.org_vectors[prep.org_row(query.organisation_id)]
            rows = top_rows(prep.call_vectors @ org_vector, DEPTH)
        else:
            semantic, lexical = prep.call_signals(number)
            rows = np.array(_hub_calls(prep, query.organisation_id, semantic, lexical, weights))
        rankings.append([prep.call_ids[row] for row in rows])
    return rankings


def _hub_calls(
    prep: DevCorpus,
    organisation: str,
    semantic: FloatArray,
    lexical: FloatArray,
    weights: Weights | None,
) -> list[int]:
    facts: dict[str, Facts] = {}
    candidates: list[Candidate] = []
    history = prep.history
    for call, sem, lex in zip(prep.call_ids, semantic.tolist(), lexical.tolist(), strict=True):
        facts[call] = Facts(
            name=prep.split.calls[call].title,
            popularity=history.action_popularity(call),
            programme_participations=history.in_family(organisation, call, CALL_PROGRAMME_DEPTH),
            programme=topic_family(call, CALL_PROGRAMME_DEPTH),
            destination_participations=history.in_family(organisation, call, DESTINATION_DEPTH),
            destination=topic_family(call, DESTINATION_DEPTH),
        )
        candidates.append(Candidate(call, sem, lex))
    evidence = GraphEvidence(facts=facts)
    ranked = rank(candidates, evidence, use=Use.CALLS, weights=weights, limit=DEPTH)
    return [prep.call_row(item.id) for item in ranked]


# -- report ---------------------------------------------------------------------------------
def run(prep: DevCorpus, progress: Progress = quiet) -> list[Row]:
    rows: list[Row] = []
    for method in METHODS:
        started = time.perf_counter()
        weights = DEFAULT_WEIGHTS[Use.CONSORTIUM] if method == "hub" else None
        overall, greek = score_partners(prep.split, partner_rankings(prep, method, weights))
        rows.append(Row(PARTNERS_TASK, method, overall, greek))
        progress(f"{PARTNERS_TASK}, {method}: {time.perf_counter() - started:.1f} s")
    for method in METHODS:
        started = time.perf_counter()
        weights = DEFAULT_WEIGHTS[Use.CALLS] if method == "hub" else None
        overall, greek = score_calls(prep.split, call_rankings(prep, method, weights))
        rows.append(Row(CALLS_TASK, method, overall, greek))
        progress(f"{CALLS_TASK}, {method}: {time.perf_counter() - started:.1f} s")
    return rows


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m matching.evaluation",
        description=__doc__,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("data", type=Path, help="folder holding cordis-he/ and ft-portal/")
    parser.add_argument(
        "--cache",
        type=Path,
        default=Path("var/matching-cache"),
        help="folder for cached embeddings (default: var/matching-cache)",
    )
    args = parser.parse_args(argv)

    def progress(message: str) -> None:
        print(message, file=sys.stderr, flush=True)

    started = time.perf_counter()
    try:
        prep = build_corpus(args.data, args.cache, progress)
    except Exception as exc:
        print(f"evaluation failed: {exc}", file=sys.stderr)
        return 1
    rows = run(prep, progress)
    print(table(rows))
    print(f"dev split, {time.perf_counter() - started:.0f} s: {summary(rows)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
