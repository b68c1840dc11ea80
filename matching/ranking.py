"""Hybrid ranking: meaning, shared words, the graph and a popularity prior, fused and explained.

Inputs are plain data: candidates with their semantic score (cosine) and lexical score (BM25)
and the graph's evidence. Scores are made comparable per query (lexical and the prior divided
by their maximum), weighted by use, and re-ranked with what the top candidates share: partners
of partners for consortia, a mix of kinds at the top. The lexical part carries Greek, which the
English-only embedding model cannot read.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Callable, Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from enum import StrEnum
from functools import partial

import numpy as np
import numpy.typing as npt

from matching.evidence import CountArray, GraphEvidence, Role, role_of
from matching.explain import eligibility_problems, explain

FloatArray = npt.NDArray[np.float64]
SharedTerms = Callable[[Sequence[str]], Sequence[tuple[str, ...]]]
"""The words each of some candidates shares with the query: asked only for the candidates a
ranking returns, where computing them for every candidate would cost more than the ranking."""


class Use(StrEnum):
    PARTNERS = "partners"
    CALLS = "calls"
    CONSORTIUM = "consortium"
    SIMILAR = "similar"


@dataclass(slots=True)
class Candidate:
    """One candidate of a ranking (not frozen, like `Facts`: a request builds hundreds)."""

    id: str
    semantic: float = 0.0
    lexical: float = 0.0
    terms: tuple[str, ...] = ()
    """Words the query and the candidate share (from the lexical index), unless the ranking is
    given `SharedTerms` to look them up."""


@dataclass(frozen=True, slots=True)
class Weights:
    semantic: float = 1.0
    lexical: float = 0.5
    prior: float = 0.3
    asker: float = 0.1
    """Past co-participation with the asker."""
    partners: float = 0.0
    """Co-participation with the other top candidates (partners of partners)."""
    networks: float = 0.05
    programme: float = 0.0
    """Past work in the query's programme or cluster."""
    destination: float = 0.0
    """Past work in the query's destination (a narrower call family)."""
    seeds: int = 20
    """How many top candidates count as 'the others' for partners of partners."""
    diversity: float = 0.0
    """Penalty for a kind already frequent above (consortium)."""
    diverse_top: int = 10


DEFAULT_WEIGHTS: Mapping[Use, Weights] = {
    # CALLS and CONSORTIUM are tuned on the dev split of real consortia
    # (`python -m matching.evaluation`); PARTNERS follows CONSORTIUM, adding past work with
    # the asker and shared networks, which the CORDIS data cannot measure.
    Use.PARTNERS: Weights(
        semantic=1.6, lexical=0.8, prior=0.3, asker=0.1, networks=0.05, programme=0.2
    ),
    Use.CALLS: Weights(
        semantic=1.18, lexical=1.11, prior=0.42, asker=0.0, programme=0.38, destination=0.24
    ),
    Use.CONSORTIUM: Weights(
        semantic=1.62,
        lexical=0.77,
        prior=0.29,
        asker=0.0,
        programme=0.38,
        destination=0.05,
        partners=0.05,
        seeds=20,
        diversity=0.05,
    ),
    Use.SIMILAR: Weights(semantic=1.0, lexical=0.5, prior=0.0, asker=0.0, networks=0.0),
}


@dataclass(frozen=True, slots=True)
class Ranked:
    id: str
    score: float
    semantic: float
    lexical: float
    graph: float
    prior: float
    explanation: str
    eligible: bool = True


@dataclass(frozen=True, slots=True)
class Consortium:
    members: list[Ranked]
    roles: tuple[Role, ...]
    countries: tuple[str, ...]
    missing_roles: tuple[Role, ...]
    missing_countries: int
    """How many more countries the consortium needs to reach MIN_COUNTRIES."""


REQUIRED_ROLES = (Role.ACADEMIA, Role.RESEARCH, Role.INDUSTRY, Role.PUBLIC)
MIN_COUNTRIES = 3


@dataclass(slots=True)
class _Scores:
    """The weighted parts of every candidate of a pool, one array each, in pool order."""

    semantic: FloatArray
    lexical: FloatArray
    prior: FloatArray
    graph: FloatArray
    partners: dict[int, tuple[str, int]] = field(default_factory=dict)
    """Pool position -> the top candidate it worked with most, and in how many projects."""

    def total(self) -> FloatArray:
        result: FloatArray = self.semantic + self.lexical + self.prior + self.graph
        return result


def rank(
    candidates: Iterable[Candidate],
    evidence: GraphEvidence | None = None,
    *,
    use: Use,
    weights: Weights | None = None,
    limit: int | None = 20,
    exclude: Collection[str] = (),
    shared_terms: SharedTerms | None = None,
) -> list[Ranked]:
    """The candidates best for a use, best first, each with its score parts and explanation
    (its shared words from `shared_terms` when given, else from the candidate).

    Every candidate is scored from its counts; the facts and words of those returned only are
    read, for their explanations (and the kinds of the top, when kinds are mixed)."""
    evidence = evidence or GraphEvidence()
    weights = weights or DEFAULT_WEIGHTS[use]
    pool = [c for c in candidates if c.id not in exclude]
    if not pool:
        return []
    scores = _score(pool, evidence, weights)
    if weights.partners > 0.0:
        _add_partners_of_partners(pool, scores, evidence, weights)
    total = scores.total()
    order: list[int] = np.argsort(-total, kind="stable").tolist()
    if weights.diversity > 0.0:
        order = _diversify(order, total, pool, evidence, weights)
    chosen = _eligible_first(order, pool, evidence, limit)
    ids = [pool[position].id for position, _ in chosen]
    words = shared_terms(ids) if shared_terms else [pool[p].terms for p, _ in chosen]
    return [
        _ranked(pool[position], position, scores, problems, evidence, terms)
        for (position, problems), terms in zip(chosen, words, strict=True)
    ]


partners = partial(rank, use=Use.PARTNERS)
"""Partners for an organisation, a pilot project or a free text."""
calls = partial(rank, use=Use.CALLS)
"""Funding calls for an organisation or a text (ineligible ones last, with the reason)."""
similar = partial(rank, use=Use.SIMILAR)
"""Nodes like a given one (by meaning and shared words)."""


def consortium(
    candidates: Iterable[Candidate],
    evidence: GraphEvidence | None = None,
    *,
    weights: Weights | None = None,
    limit: int = 20,
    size: int = 10,
    exclude: Collection[str] = (),
    shared_terms: SharedTerms | None = None,
) -> Consortium:
    """A consortium for a funding call: complementary kinds at the top, and what it lacks.

    `size` is how many of the top members are taken as the consortium when saying which
    roles (university, research organisation, company, public body) and countries it lacks.
    """
    evidence = evidence or GraphEvidence()
    members = rank(
        candidates,
        evidence,
        use=Use.CONSORTIUM,
        weights=weights,
        limit=limit,
        exclude=exclude,
        shared_terms=shared_terms,
    )
    core = members[:size]
    roles = tuple(dict.fromkeys(role_of(evidence.of(m.id).kind) for m in core))
    countries = tuple(
        dict.fromkeys(c for m in core if (c := evidence.of(m.id).country) is not None)
    )
    return Consortium(
        members=members,
        roles=roles,
        countries=countries,
        missing_roles=tuple(role for role in REQUIRED_ROLES if role not in roles),
        missing_countries=max(0, MIN_COUNTRIES - len(countries)),
    )


# -- scoring --------------------------------------------------------------------------------
def _score(pool: list[Candidate], evidence: GraphEvidence, weights: Weights) -> _Scores:
    counts = evidence.counts_of([c.id for c in pool])
    semantic = np.fromiter((c.semantic for c in pool), dtype=np.float64, count=len(pool))
    lexical = np.fromiter((c.lexical for c in pool), dtype=np.float64, count=len(pool))
    graph = (
        weights.asker * _log_share(counts.co_participations)
        + weights.networks * _share(counts.shared_networks.astype(np.float64))
        + weights.programme * _log_share(counts.programme_participations)
        + weights.destination * _log_share(counts.destination_participations)
    )
    return _Scores(
        semantic=weights.semantic * np.maximum(semantic, 0.0),
        lexical=weights.lexical * _share(lexical),
        prior=weights.prior * _log_share(counts.popularity),
        graph=graph,
    )


def _add_partners_of_partners(
    pool: list[Candidate], scores: _Scores, evidence: GraphEvidence, weights: Weights
) -> None:
    """Raise candidates that worked with the other top candidates: consortia repeat."""
    order = np.argsort(-scores.total(), kind="stable")[: weights.seeds].tolist()
    seeds = {pool[position].id: 1.0 / (1.0 + index) for index, position in enumerate(order)}
    raw = np.zeros(len(pool), dtype=np.float64)
    for position, candidate in enumerate(pool):
        links = evidence.co_participation.get(candidate.id)
        if not links:
            continue
        total = 0.0
        for other, projects in links.items():
            seed = seeds.get(other)
            if seed is None or other == candidate.id or projects <= 0:
                continue
            total += seed * math.log1p(projects)
            if projects > scores.partners.get(position, ("", 0))[1]:
                scores.partners[position] = (other, projects)
        raw[position] = total
    top = float(raw.max())
    if top <= 0.0:
        return
    scores.graph = scores.graph + weights.partners * raw / top


def _diversify(
    order: list[int],
    total: FloatArray,
    pool: list[Candidate],
    evidence: GraphEvidence,
    weights: Weights,
) -> list[int]:
    """Greedy re-ranking of the top: each pick pays for the kinds already picked above it."""
    head = order[: max(weights.diverse_top * 3, weights.diverse_top)]
    tail = order[len(head) :]
    role = {position: role_of(evidence.of(pool[position].id).kind) for position in head}
    picked: list[int] = []
    roles: Counter[Role] = Counter()
    while head and len(picked) < weights.diverse_top:
        best = max(head, key=lambda p: total[p] - weights.diversity * roles[role[p]])
        head.remove(best)
        picked.append(best)
        roles[role[best]] += 1
    return picked + head + tail


def _eligible_first(
    order: list[int], pool: list[Candidate], evidence: GraphEvidence, limit: int | None
) -> list[tuple[int, list[str]]]:
    """The first `limit` of `order` with eligible candidates before the others, each with
    its eligibility problems (read only as far down the order as needed)."""
    eligible: list[tuple[int, list[str]]] = []
    ineligible: list[tuple[int, list[str]]] = []
    for position in order:
        if limit is not None and len(eligible) >= limit:
            break
        problems = eligibility_problems(evidence.of(pool[position].id), evidence)
        (ineligible if problems else eligible).append((position, problems))
    chosen = eligible + ineligible
    return chosen if limit is None else chosen[:limit]


def _ranked(
    candidate: Candidate,
    position: int,
    scores: _Scores,
    problems: list[str],
    evidence: GraphEvidence,
    terms: tuple[str, ...],
) -> Ranked:
    partner, partner_projects = scores.partners.get(position, (None, 0))
    partner_name = evidence.of(partner).name or partner if partner else None
    semantic, lexical = float(scores.semantic[position]), float(scores.lexical[position])
    prior, graph = float(scores.prior[position]), float(scores.graph[position])
    return Ranked(
        id=candidate.id,
        score=semantic + lexical + prior + graph,
        semantic=semantic,
        lexical=lexical,
        graph=graph,
        prior=prior,
        explanation=explain(
            candidate.semantic,
            terms,
            evidence.of(candidate.id),
            evidence,
            partner=(partner_name, partner_projects) if partner_name else None,
            problems=problems,
        ),
        eligible=not problems,
    )


def _share(values: FloatArray) -> FloatArray:
    """Values as shares of the largest in the pool (0 when the largest is 0)."""
    top = float(values.max())
    if top <= 0.0:
        return np.zeros(values.size, dtype=np.float64)
    result: FloatArray = values / top
    return result


def _log_share(counts: CountArray) -> FloatArray:
    """Counts as shares of the largest in the pool, both on a log scale."""
    top = int(counts.max())
    if top <= 0:
        return np.zeros(counts.size, dtype=np.float64)
    result: FloatArray = np.log1p(counts) / math.log1p(top)
    return result


def with_weights(use: Use, **changes: float | int) -> Weights:
    """The default weights of a use with some changed (for tuning and experiments)."""
    return replace(DEFAULT_WEIGHTS[use], **changes)  # type: ignore[arg-type]
