"""Suggestions: partners, funding calls, consortia and similar nodes, ranked and explained.

Plain async functions over the graph, the in-memory index and the embedder. Candidates come
from the exact vector scan and the BM25 index (and, for consortia, the most experienced
organisations); the graph adds its evidence; matching ranks and explains.
"""

from __future__ import annotations

import asyncio
from collections import OrderedDict
from collections.abc import Callable, Collection, Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from functools import partial
from typing import Any

import numpy as np

from graph import GraphEngine
from hub.ecosystem.errors import FieldIssue, NotFound, ValidationFailed
from hub.suggestions import evidence
from hub.suggestions.closeness import Closeness
from hub.suggestions.evidence import OrganisationFacts
from hub.suggestions.index import LabelIndex, MatchIndex
from hub.suggestions.participations import Participations
from matching import ranking
from matching.corpus import POOLED_SHARE, TITLE_SHARE
from matching.documents import node_text
from matching.embeddings import Embedder, FloatArray
from matching.evidence import Facts, GraphEvidence
from matching.features import (
    CALL_PROGRAMME_DEPTH,
    DESTINATION_DEPTH,
    PARTNER_PROGRAMME_DEPTH,
    topic_family,
)
from matching.lexical import LexicalScores, Weighting
from matching.pooling import soft_max_similarity
from matching.ranking import Candidate, Ranked
from matching.top import first_occurrences
from matching.vectors import normalise

POOL = 300
"""Candidates a consortium is ranked from, by meaning and by words each (tuned on the dev split)."""
PARTNER_POOL = 100
"""Partners are ranked from the nearest this many by meaning and by words each, and as many of
the asker's past partners: a top ten drawn from further down was not seen (bench/partner_pool.py
compares with the consortium's larger pool)."""
MAX_FIRST = 100


RECENT_QUERIES = 1024
"""Query texts whose vectors a process keeps (least recently used first out)."""


@dataclass
class Matcher:
    """What suggestions need, opened once per process."""

    graph: GraphEngine
    index: MatchIndex
    embedder: Embedder
    _recent: OrderedDict[str, FloatArray] = field(default_factory=OrderedDict, repr=False)

    async def encode(self, text: str) -> FloatArray:
        """The vector of a query text, kept for the next request that asks with it (a
        consortium asks with its call's title each time; a search is often asked again while
        paging or filtering): encoding one takes 30-40 ms of CPU."""
        known = self._recent.get(text)
        if known is not None:
            self._recent.move_to_end(text)
            return known
        vector: FloatArray = (await self.embedder.encode([text]))[0]
        self._recent[text] = vector
        if len(self._recent) > RECENT_QUERIES:
            self._recent.popitem(last=False)
        return vector


@dataclass(frozen=True)
class OrganisationFilter:
    kinds: Collection[str] | None = None
    countries: Collection[str] | None = None
    local_first: bool = False


@dataclass(frozen=True)
class CallFilter:
    include_closed: bool = False
    kinds: Collection[str] | None = None
    """The asking organisation's kind must be eligible (the asker's own kind by default)."""
    countries: Collection[str] | None = None
    programmes: Collection[str] | None = None
    budget_min: float | None = None
    budget_max: float | None = None


@dataclass(frozen=True)
class Suggestion:
    node: dict[str, Any]
    ranked: Ranked


@dataclass(frozen=True)
class ConsortiumSuggestion:
    items: list[Suggestion]
    kinds: list[str]
    countries: list[str]
    missing_kinds: list[str]
    missing_countries: int


def _check_first(first: int) -> None:
    if not 1 <= first <= MAX_FIRST:
        raise ValidationFailed([FieldIssue("first", f"must be between 1 and {MAX_FIRST}")])


async def _query_vector(
    matcher: Matcher, index: LabelIndex, node_id: str | None, text: Callable[[], str]
) -> FloatArray:
    """The stored vector of the asking node, else its text (made only then) encoded."""
    if node_id is not None:
        stored = await matcher.index.read_on_loop(index, lambda: index.vectors.vector(node_id))
        if stored is not None:
            return stored
    return await matcher.encode(text())


def _words_scored(index: LabelIndex, node_id: str | None, text: Callable[[], str]) -> LexicalScores:
    """BM25 of a query over the index: the asking node's own terms when it is indexed there,
    else its text (made only then) analysed."""
    found = index.lexical.scored_document(node_id) if node_id is not None else None
    return found if found is not None else index.lexical.scored(text())


def _candidates(
    index: LabelIndex,
    semantic: Closeness,
    lexical: LexicalScores,
    *,
    allowed: Collection[str] | None,
    extra: Sequence[str] = (),
    pool: int = POOL,
) -> list[Candidate]:
    """The nearest in meaning, the best in words, and `extra`, each with both scores (the
    words of those found only by meaning or as `extra` are scored too: a zero would rank them
    below equals found by words). Found by row: by id, it cost three times as much."""
    documents = index.lexical
    mask = documents.mask_of(allowed)
    rows = first_occurrences(
        np.concatenate(
            [
                semantic.best_rows(pool, mask),
                lexical.best_rows(pool, mask),
                documents.rows_of(extra),
            ]
        )
    )
    return [
        Candidate(node_id, semantic=meaning, lexical=words)
        for node_id, meaning, words in zip(
            documents.ids_at(rows), semantic.at(rows), lexical.at(rows), strict=True
        )
    ]


def _allowed_organisations(
    index: LabelIndex, given: OrganisationFilter | None
) -> Collection[str] | None:
    if given is None or (not given.kinds and not given.countries):
        return None
    kinds = set(given.kinds or ())
    countries = set(given.countries or ())
    return {
        node_id
        for node_id, node in index.nodes.items()
        if (not kinds or node.get("kind") in kinds)
        and (not countries or node.get("country") in countries)
    }


def _local_first(
    items: list[Suggestion], city: str | None, country: str | None
) -> list[Suggestion]:
    def closeness(item: Suggestion) -> int:
        if city and item.node.get("city_key") == city:
            return 0
        if country and item.node.get("country") == country:
            return 1
        return 2

    return sorted(items, key=closeness)


async def suggest_partners(
    matcher: Matcher,
    *,
    organisation_id: str | None = None,
    pilot_project_id: str | None = None,
    text: str | None = None,
    first: int = 10,
    filter: OrganisationFilter | None = None,
) -> list[Suggestion]:
    """Partners for an organisation, a researcher's pilot project, or a free text."""
    _check_first(first)
    graph = matcher.graph
    organisations = await matcher.index.of(graph, "Organisation")
    asker: dict[str, Any] | None = None
    exclude: set[str] = set()
    query_id: str | None = None
    query_index = organisations
    query_text: Callable[[], str]
    if organisation_id is not None:
        asker = _node(organisations, organisation_id, "organisationId", "organisation")
        query_id, query_text = organisation_id, partial(node_text, "Organisation", asker)
        exclude.add(organisation_id)
    elif pilot_project_id is not None:
        pilots = await matcher.index.of(graph, "PilotProject")
        pilot = _node(pilots, pilot_project_id, "pilotProjectId", "pilot project")
        query_id, query_text, query_index = (
            pilot_project_id,
            partial(node_text, "PilotProject", pilot),
            pilots,
        )
        if filter is None and pilot.get("partners_sought"):
            filter = OrganisationFilter(kinds=list(pilot["partners_sought"]))
    elif text is not None and text.strip():
        query_text = partial(str, text)
    else:
        raise ValidationFailed(
            [FieldIssue("organisationId", "give organisationId, pilotProjectId or text")]
        )
    vector = await _query_vector(matcher, query_index, query_id, query_text)

    done = await matcher.index.participations(graph)
    popularity = await matcher.index.popularity(organisations, done)
    limit = max(first, 3 * first) if filter is not None and filter.local_first else first

    def suggest() -> list[Suggestion]:
        # One job under the index's read guard: the words each suggestion shares with the
        # query are looked up in the index as the ranking returns it.
        allowed = _allowed_organisations(organisations, filter)
        facts = OrganisationFacts(organisations.nodes, done, popularity, asker=organisation_id)
        past = facts.asker_partners(PARTNER_POOL)
        lexical = _words_scored(organisations, organisation_id, query_text)
        found = _candidates(
            organisations,
            organisations.semantic(vector),
            lexical,
            allowed=allowed,
            extra=[node_id for node_id in past if allowed is None or node_id in allowed],
            pool=PARTNER_POOL,
        )
        candidates = [c for c in found if c.id not in exclude]
        known = GraphEvidence(
            facts=facts,
            counts=facts.counts,
            asker_name=str(asker.get("name")) if asker else "",
            asker_kind=asker.get("kind") if asker else None,
            asker_country=asker.get("country") if asker else None,
        )
        ranked = ranking.partners(candidates, known, limit=limit, shared_terms=lexical.terms)
        return [Suggestion(organisations.nodes[item.id], item) for item in ranked]

    items = await matcher.index.search(organisations, suggest)
    if filter is not None and filter.local_first and asker is not None:
        items = _local_first(items, asker.get("city_key"), asker.get("country"))
    return items[:first]


async def suggest_funding_calls(
    matcher: Matcher,
    *,
    organisation_id: str | None = None,
    text: str | None = None,
    first: int = 10,
    filter: CallFilter | None = None,
    now: datetime | None = None,
) -> list[Suggestion]:
    """Funding calls for an organisation or a text; open and eligible ones unless asked."""
    _check_first(first)
    graph = matcher.graph
    given = filter or CallFilter()
    moment = now or datetime.now(UTC)
    calls = await matcher.index.of(graph, "FundingCall")
    asker: dict[str, Any] | None = None
    families: dict[str, int] = {}
    allowed = await matcher.index.read(calls, lambda: _allowed_calls(calls, given, moment))
    done = await matcher.index.participations(graph)
    if organisation_id is not None:
        organisations = await matcher.index.of(graph, "Organisation")
        asker = _node(organisations, organisation_id, "organisationId", "organisation")
        query_text = node_text("Organisation", asker)
        vector = await _query_vector(
            matcher, organisations, organisation_id, partial(str, query_text)
        )
        own_sentences = await matcher.index.read_on_loop(
            organisations, lambda: organisations.sentences.vectors_of(organisation_id)
        )
        semantic = await matcher.index.read(
            calls, lambda: _profile_closeness(calls, allowed, vector, own_sentences)
        )
        families = dict(done.families(organisation_id, (CALL_PROGRAMME_DEPTH, DESTINATION_DEPTH)))
    elif text is not None and text.strip():
        query_text = text
        text_vector = await matcher.encode(text)
        semantic = await matcher.index.read(calls, lambda: calls.vectors.scores(text_vector))
    else:
        raise ValidationFailed([FieldIssue("organisationId", "give organisationId or text")])
    popularity = done.action_counts
    known = GraphEvidence(
        asker_name=str(asker.get("name")) if asker else "",
        asker_kind=asker.get("kind") if asker else None,
        asker_country=asker.get("country") if asker else None,
        today=None if given.include_closed else moment.date(),
    )

    def suggest() -> list[Suggestion]:
        lexical = calls.lexical.scored(query_text, Weighting.TFIDF)
        candidates: list[Candidate] = []
        facts: dict[str, Facts] = {}
        for call_id, words in zip(allowed, lexical.scores_of(allowed), strict=True):
            node = calls.nodes[call_id]
            identifier = str(node.get("identifier") or "")
            programme = topic_family(identifier, CALL_PROGRAMME_DEPTH) if identifier else None
            destination = topic_family(identifier, DESTINATION_DEPTH) if identifier else None
            candidates.append(
                Candidate(
                    call_id,
                    semantic=float(semantic.get(call_id, 0.0)),
                    lexical=words,
                )
            )
            facts[call_id] = Facts(
                name=_title(node),
                popularity=popularity.get(topic_family(identifier), 0) if identifier else 0,
                programme_participations=families.get(programme, 0) if programme else 0,
                programme=programme,
                destination_participations=families.get(destination, 0) if destination else 0,
                destination=destination,
                call=evidence.call_terms(node),
            )
        ranked = ranking.calls(
            candidates, replace(known, facts=facts), limit=first, shared_terms=lexical.terms
        )
        return [Suggestion(calls.nodes[item.id], item) for item in ranked]

    return await matcher.index.read(calls, suggest)


def _profile_closeness(
    calls: LabelIndex, allowed: Sequence[str], profile: FloatArray, sentences: FloatArray
) -> dict[str, float]:
    """Calls for an organisation: its whole profile's cosine with each call, blended with the
    soft maximum over its sentences (the mix tuned on the dev split, `matching.corpus`)."""
    stored = {
        call_id: vector
        for call_id in allowed
        if (vector := calls.vectors.vector(call_id)) is not None
    }
    if not stored:
        return {}
    ids = list(stored)
    matrix = np.stack(list(stored.values()))
    closeness = matrix @ normalise(profile)[0]
    if sentences.shape[0]:
        pooled = soft_max_similarity(sentences, matrix)
        closeness = (1.0 - POOLED_SHARE) * closeness + POOLED_SHARE * pooled
    return dict(zip(ids, closeness.tolist(), strict=True))


def _allowed_calls(index: LabelIndex, given: CallFilter, moment: datetime) -> list[str]:
    now = moment.astimezone(UTC).isoformat()
    kinds = set(given.kinds or ())
    countries = set(given.countries or ())
    programmes = {value.casefold() for value in given.programmes or ()}
    allowed = []
    for call_id, node in index.nodes.items():
        if not given.include_closed and str(node.get("deadline_utc") or "") < now:
            continue
        eligible_kinds = set(node.get("eligible_kinds") or ())
        if kinds and eligible_kinds and not kinds & eligible_kinds:
            continue
        eligible_countries = set(node.get("eligible_countries") or ())
        if countries and eligible_countries and not countries & eligible_countries:
            continue
        if programmes and str(node.get("programme") or "").casefold() not in programmes:
            continue
        if given.budget_min is not None and (node.get("budget_max") or 0) < given.budget_min:
            continue
        if given.budget_max is not None and (node.get("budget_min") or 0) > given.budget_max:
            continue
        allowed.append(call_id)
    return allowed


async def suggest_consortium(
    matcher: Matcher,
    *,
    funding_call_id: str,
    first: int = 10,
    filter: OrganisationFilter | None = None,
) -> ConsortiumSuggestion:
    """The organisations that could win a call, kinds mixed, and what the consortium lacks."""
    _check_first(first)
    graph = matcher.graph
    calls = await matcher.index.of(graph, "FundingCall")
    call = _node(calls, funding_call_id, "fundingCallId", "funding call")
    organisations = await matcher.index.of(graph, "Organisation")
    query_text = node_text("FundingCall", call)
    vector = await _query_vector(matcher, calls, funding_call_id, partial(str, query_text))
    title = _title(call)
    title_vector = await matcher.encode(title) if title else vector
    allowed = await matcher.index.read(
        organisations, lambda: _allowed_organisations(organisations, filter)
    )
    identifier = str(call.get("identifier") or "")
    done = await matcher.index.participations(graph)
    popularity = await matcher.index.popularity(organisations, done)
    extra = [
        *(await matcher.index.most_experienced(graph, POOL, allowed)),
        *(await asyncio.to_thread(_family_members, done, identifier, allowed)),
    ]

    def suggest() -> ConsortiumSuggestion:
        semantic = organisations.semantic(vector).blend(
            organisations.semantic(title_vector), TITLE_SHARE
        )
        lexical = organisations.lexical.scored(query_text)
        candidates = _candidates(organisations, semantic, lexical, allowed=allowed, extra=extra)
        ids = [c.id for c in candidates]
        facts = OrganisationFacts(organisations.nodes, done, popularity, topic=identifier or None)
        preliminary = ranking.rank(
            candidates,
            GraphEvidence(facts=facts, counts=facts.counts),
            use=ranking.Use.CONSORTIUM,
            weights=replace(
                ranking.DEFAULT_WEIGHTS[ranking.Use.CONSORTIUM], partners=0.0, diversity=0.0
            ),
            limit=2 * ranking.DEFAULT_WEIGHTS[ranking.Use.CONSORTIUM].seeds,
        )
        links = done.among([item.id for item in preliminary], ids)
        chosen = ranking.consortium(
            candidates,
            GraphEvidence(facts=facts, counts=facts.counts, co_participation=links),
            limit=first,
            shared_terms=lexical.terms,
        )
        return ConsortiumSuggestion(
            items=[Suggestion(organisations.nodes[item.id], item) for item in chosen.members],
            kinds=[role.value for role in chosen.roles],
            countries=list(chosen.countries),
            missing_kinds=[role.value for role in chosen.missing_roles],
            missing_countries=chosen.missing_countries,
        )

    return await matcher.index.read(organisations, suggest)


def _family_members(
    done: Participations, identifier: str, allowed: Collection[str] | None
) -> list[str]:
    """The organisations most experienced in the call's programme part and destination."""
    if not identifier:
        return []
    found: list[str] = []
    for depth in (PARTNER_PROGRAMME_DEPTH, DESTINATION_DEPTH):
        found += done.family_members(topic_family(identifier, depth), depth, POOL)
    return [node_id for node_id in found if allowed is None or node_id in allowed]


async def similar(
    matcher: Matcher, *, label: str, node_id: str, first: int = 10
) -> list[Suggestion]:
    """Nodes of the same kind as `node_id` closest in meaning and words."""
    _check_first(first)
    index = await matcher.index.of(matcher.graph, label)
    node = _node(index, node_id, "id", label)
    text = partial(node_text, label, node)
    vector = await _query_vector(matcher, index, node_id, text)

    def suggest() -> list[Suggestion]:
        lexical = _words_scored(index, node_id, text)
        found = _candidates(index, index.semantic(vector), lexical, allowed=None)
        candidates = [c for c in found if c.id != node_id]
        ranked = ranking.similar(
            candidates, GraphEvidence(), limit=first, shared_terms=lexical.terms
        )
        return [Suggestion(index.nodes[item.id], item) for item in ranked]

    return await matcher.index.read(index, suggest)


def _node(index: LabelIndex, node_id: str, field: str, what: str) -> dict[str, Any]:
    node = index.nodes.get(node_id)
    if node is None:
        raise NotFound(f"no {what} has this id", field)
    return node


def _title(node: Mapping[str, Any]) -> str:
    return str(node.get("title_en") or node.get("title_el") or node.get("identifier") or "")
