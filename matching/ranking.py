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
from dataclasses import dataclass, replace
from enum import StrEnum
from functools import partial

from matching.evidence import Facts, GraphEvidence, Role, role_of
from matching.explain import eligibility_problems, explain

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
class _Scored:
    candidate: Candidate
    facts: Facts
    semantic: float
    lexical: float
    prior: float
    graph: float
    partner: str | None = None
    partner_projects: int = 0

    @property
    def score(self) -> float:
        return self.semantic + self.lexical + self.prior + self.graph


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
    (its shared words from `shared_terms` when given, else from the candidate)."""
    evidence = evidence or GraphEvidence()
    weights = weights or DEFAULT_WEIGHTS[use]
    pool = [c for c in candidates if c.id not in exclude]
    if not pool:
        return []
    scored = _score(pool, evidence, weights)
    if weights.partners > 0.0:
        _add_partners_of_partners(scored, evidence, weights)
    scored.sort(key=lambda s: -s.score)
    if weights.diversity > 0.0:
        scored = _diversify(scored, weights)
    problems = [eligibility_problems(s.facts, evidence) for s in scored]
    order = [i for i, p in enumerate(problems) if not p] + [i for i, p in enumerate(problems) if p]
    if limit is not None:
        order = order[:limit]
    chosen = [scored[i].candidate for i in order]
    words = shared_terms([c.id for c in chosen]) if shared_terms else [c.terms for c in chosen]
    return [
        _ranked(scored[i], problems[i], evidence, terms)
        for i, terms in zip(order, words, strict=True)
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
def _score(pool: list[Candidate], evidence: GraphEvidence, weights: Weights) -> list[_Scored]:
    facts = [evidence.of(c.id) for c in pool]
    lexical = _Share(max((c.lexical for c in pool), default=0.0))
    popularity = _LogShare(max((f.popularity for f in facts), default=0))
    asker = _LogShare(max((f.co_participations for f in facts), default=0))
    networks = _Share(max((len(f.shared_networks) for f in facts), default=0))
    programme = _LogShare(max((f.programme_participations for f in facts), default=0))
    destination = _LogShare(max((f.destination_participations for f in facts), default=0))
    scored: list[_Scored] = []
    for candidate, fact in zip(pool, facts, strict=True):
        graph = (
            weights.asker * asker(fact.co_participations)
            + weights.networks * networks(len(fact.shared_networks))
            + weights.programme * programme(fact.programme_participations)
            + weights.destination * destination(fact.destination_participations)
        )
        scored.append(
            _Scored(
                candidate=candidate,
                facts=fact,
                semantic=weights.semantic * max(candidate.semantic, 0.0),
                lexical=weights.lexical * lexical(candidate.lexical),
                prior=weights.prior * popularity(fact.popularity),
                graph=graph,
            )
        )
    return scored


def _add_partners_of_partners(
    scored: list[_Scored], evidence: GraphEvidence, weights: Weights
) -> None:
    """Raise candidates that worked with the other top candidates: consortia repeat."""
    order = sorted(scored, key=lambda s: -s.score)
    seeds = {s.candidate.id: 1.0 / (1.0 + index) for index, s in enumerate(order[: weights.seeds])}
    raw: dict[str, float] = {}
    best: dict[str, tuple[str, int]] = {}
    for item in scored:
        links = evidence.co_participation.get(item.candidate.id, {})
        total = 0.0
        for other, projects in links.items():
            seed = seeds.get(other)
            if seed is None or other == item.candidate.id or projects <= 0:
                continue
            total += seed * math.log1p(projects)
            if projects > best.get(item.candidate.id, ("", 0))[1]:
                best[item.candidate.id] = (other, projects)
        raw[item.candidate.id] = total
    top = max(raw.values(), default=0.0)
    if top <= 0.0:
        return
    for item in scored:
        item.graph += weights.partners * raw[item.candidate.id] / top
        partner = best.get(item.candidate.id)
        if partner is not None:
            item.partner, item.partner_projects = partner


def _diversify(scored: list[_Scored], weights: Weights) -> list[_Scored]:
    """Greedy re-ranking of the top: each pick pays for the kinds already picked above it."""
    head = scored[: max(weights.diverse_top * 3, weights.diverse_top)]
    tail = scored[len(head) :]
    picked: list[_Scored] = []
    roles: Counter[Role] = Counter()
    while head and len(picked) < weights.diverse_top:
        best = max(
            head,
            key=lambda s: s.score - weights.diversity * roles[role_of(s.facts.kind)],
        )
        head.remove(best)
        picked.append(best)
        roles[role_of(best.facts.kind)] += 1
    return picked + sorted(head, key=lambda s: -s.score) + tail


def _ranked(
    item: _Scored, problems: list[str], evidence: GraphEvidence, terms: tuple[str, ...]
) -> Ranked:
    partner_name = evidence.of(item.partner).name or item.partner if item.partner else None
    return Ranked(
        id=item.candidate.id,
        score=item.score,
        semantic=item.semantic,
        lexical=item.lexical,
        graph=item.graph,
        prior=item.prior,
        explanation=explain(
            item.candidate.semantic,
            terms,
            item.facts,
            evidence,
            partner=(partner_name, item.partner_projects) if partner_name else None,
            problems=problems,
        ),
        eligible=not problems,
    )


class _Share:
    """A value as a share of the largest in the pool (0 when the largest is 0)."""

    __slots__ = ("top",)

    def __init__(self, top: float) -> None:
        self.top = top

    def __call__(self, value: float) -> float:
        return value / self.top if self.top > 0 else 0.0


class _LogShare:
    """A count as a share of the largest in the pool, both on a log scale: the largest's
    logarithm taken once for the hundreds of candidates of a request."""

    __slots__ = ("log_top",)

    def __init__(self, top: int) -> None:
        self.log_top = math.log1p(top) if top > 0 else 0.0

    def __call__(self, value: int) -> float:
        return math.log1p(value) / self.log_top if self.log_top > 0 else 0.0


def with_weights(use: Use, **changes: float | int) -> Weights:
    """The default weights of a use with some changed (for tuning and experiments)."""
    return replace(DEFAULT_WEIGHTS[use], **changes)  # type: ignore[arg-type]
