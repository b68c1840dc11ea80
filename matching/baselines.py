"""The simple rankers the hub is measured against: popularity, BM25 and TF-IDF.

Built from the dev split alone (no embeddings, no graph), so every evaluation — in memory
(`matching.evaluation`) or through the hub (`hub eval`) — computes them in the same run.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

from matching.embeddings import FloatArray
from matching.features import History, PastProject
from matching.lexical import LexicalIndex, Weighting
from matching.metrics import Metrics
from matching.protocol import DevSplit

BASELINE_METHODS = ("popularity", "bm25", "tfidf")
DEPTH = 20
"""How many results each ranking keeps (enough for Recall@20 and nDCG@20)."""


def top_rows(scores: FloatArray, k: int = DEPTH) -> npt.NDArray[np.intp]:
    """The rows of the `k` highest scores, best first (ties in row order)."""
    k = min(k, scores.size)
    top = np.argpartition(-scores, k - 1)[:k]
    return top[np.argsort(-scores[top], kind="stable")]


@dataclass
class Baselines:
    split: DevSplit
    org_ids: list[str]
    org_index: LexicalIndex
    popularity: FloatArray
    """Past projects of each organisation (rows of `org_ids`)."""
    call_ids: list[str]
    call_index: LexicalIndex
    history: History

    @classmethod
    def build(cls, split: DevSplit) -> Baselines:
        org_ids = sorted(split.profiles)
        call_ids = sorted(split.calls)
        org_index, call_index = LexicalIndex(), LexicalIndex()
        org_index.add_many((org, split.profiles[org]) for org in org_ids)
        call_index.add_many((call, split.calls[call].text) for call in call_ids)
        history = History(PastProject(p.topic, p.participants) for p in split.profile_projects)
        popularity = np.array([history.popularity[org] for org in org_ids], dtype=np.float32)
        return cls(split, org_ids, org_index, popularity, call_ids, call_index, history)

    def partners(self, method: str) -> list[list[str]]:
        """One ranking of organisations per call -> partners query."""
        popular = top_rows(self.popularity)
        rankings: list[list[str]] = []
        for query in self.split.partner_queries:
            if method == "popularity":
                rows = popular
            else:
                rows = top_rows(self.org_index.score_vector(query.text, Weighting(method)))
            rankings.append([self.org_ids[row] for row in rows])
        return rankings

    def calls(self, method: str) -> list[list[str]]:
        """One ranking of calls per organisation -> call query."""
        if method == "popularity":
            actions = [self.history.action_popularity(call) for call in self.call_ids]
            popular = [self.call_ids[row] for row in top_rows(np.array(actions, np.float32))]
            return [popular for _ in self.split.call_queries]
        return [
            [
                self.call_ids[row]
                for row in top_rows(self.call_index.score_vector(query.text, Weighting(method)))
            ]
            for query in self.split.call_queries
        ]


# -- scoring and the report -----------------------------------------------------------------
@dataclass(frozen=True, slots=True)
class Row:
    task: str
    method: str
    overall: Metrics
    greek: Metrics


PARTNERS_TASK = "call -> partners"
CALLS_TASK = "organisation -> call"


def score_partners(split: DevSplit, rankings: Sequence[list[str]]) -> tuple[Metrics, Metrics]:
    queries = split.partner_queries
    overall = Metrics.mean(zip(rankings, (q.truth for q in queries), strict=True))
    greek = Metrics.mean(zip(rankings, (split.greek(q.truth) for q in queries), strict=True))
    return overall, greek


def score_calls(split: DevSplit, rankings: Sequence[list[str]]) -> tuple[Metrics, Metrics]:
    queries = split.call_queries
    overall = Metrics.mean(zip(rankings, (q.truth for q in queries), strict=True))
    greek_truth = (
        q.truth if split.organisations[q.organisation_id].country == "EL" else frozenset()
        for q in queries
    )
    greek = Metrics.mean(zip(rankings, greek_truth, strict=True))
    return overall, greek


def table(rows: Sequence[Row]) -> str:
    header = (
        f"{'task':<21} {'method':<11} {'n':>4} {'R@10':>6} {'R@20':>6} {'MRR':>6} "
        f"{'nDCG20':>6} | {'EL n':>4} {'R@10':>6} {'R@20':>6} {'MRR':>6} {'nDCG20':>6}"
    )
    lines = [header, "-" * len(header)]
    for row in rows:
        o, g = row.overall, row.greek
        lines.append(
            f"{row.task:<21} {row.method:<11} {o.queries:>4} {o.recall_10:>6.3f} "
            f"{o.recall_20:>6.3f} {o.mrr:>6.3f} {o.ndcg_20:>6.3f} | {g.queries:>4} "
            f"{g.recall_10:>6.3f} {g.recall_20:>6.3f} {g.mrr:>6.3f} {g.ndcg_20:>6.3f}"
        )
    return "\n".join(lines)


def summary(rows: Sequence[Row]) -> str:
    """Each task's target metric for the hub against the best baseline, and the Greek slice."""
    parts: list[str] = []
    targets = ((PARTNERS_TASK, "recall_20", "R@20"), (CALLS_TASK, "recall_10", "R@10"))
    for task, metric, label in targets:
        hub = next(r for r in rows if r.task == task and r.method == "hub")
        best = max(
            (r for r in rows if r.task == task and r.method != "hub"),
            key=lambda r: float(getattr(r.overall, metric)),
        )
        value, reference = getattr(hub.overall, metric), getattr(best.overall, metric)
        ratio = value / max(reference, 1e-9)
        parts.append(
            f"{task}: hub {label} {value:.3f} = {ratio:.2f}x best baseline "
            f"({best.method} {reference:.3f}), Greek {getattr(hub.greek, metric):.3f}"
        )
    return "; ".join(parts)
