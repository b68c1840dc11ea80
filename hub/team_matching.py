"""Open teams suggested to a person: the challenges' tag baseline, re-ranked by matching.

`challenges.team_needs.suggest_teams` ranks open teams by the sought skills a person's
tags fill. Here each team's needs (its skill gaps, and its submission's title and summary
when it has one) are compared with the person's profile (skills and bio) by meaning (the
embedding model's cosine) and by shared words (analysed stems, Greek and English): a
relevance between 0 and 1 that is added to the number of gaps filled. Filled gaps still
come first; relevance orders the teams that fill as many, before size and name.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

import numpy as np

from challenges import submissions, team_needs
from challenges.team_needs import TeamSuggestion
from graph import GraphEngine
from hub.ecosystem import entities
from hub.ecosystem.people import PERSON
from hub.suggestions.service import Matcher
from matching.text import analyse

SEMANTIC_WEIGHT = 0.5
LEXICAL_WEIGHT = 0.5


def person_text(node: Mapping[str, Any]) -> str:
    skills = ", ".join(node.get("skills") or [])
    parts = [skills, node.get("bio_en") or "", node.get("bio_el") or ""]
    return ". ".join(part for part in parts if part)


def team_text(suggestion: TeamSuggestion, entry: Mapping[str, Any] | None) -> str:
    parts = [", ".join(suggestion.needs.gaps)]
    if entry is not None:
        parts += [str(entry.get("title") or ""), str(entry.get("summary") or "")]
    return ". ".join(part for part in parts if part)


def lexical_overlap(query: str, document: str) -> float:
    """The share of the document's distinct stems the query shares (0 when empty)."""
    wanted = set(analyse(document))
    return len(wanted & set(analyse(query))) / len(wanted) if wanted else 0.0


async def relevance(matcher: Matcher, query: str, documents: Sequence[str]) -> list[float]:
    """How well `query` meets each document, between 0 and 1: meaning and shared words."""
    return (await relevances(matcher, [query], documents))[0]


async def relevances(
    matcher: Matcher, queries: Sequence[str], documents: Sequence[str]
) -> list[list[float]]:
    """`relevance` of every query to every document, each distinct text encoded once."""
    texts = list(dict.fromkeys(t for t in [*queries, *documents] if t.strip()))
    vectors = await matcher.embedder.encode(texts) if texts else None
    row = {text: i for i, text in enumerate(texts)}
    found = []
    for query in queries:
        scores = []
        for document in documents:
            if vectors is None or not query.strip() or not document.strip():
                scores.append(0.0)
                continue
            cosine = float(np.dot(vectors[row[query]], vectors[row[document]]))
            scores.append(
                SEMANTIC_WEIGHT * max(0.0, cosine)
                + LEXICAL_WEIGHT * lexical_overlap(query, document)
            )
        found.append(scores)
    return found


async def suggest_teams(
    *, graph: GraphEngine, matcher: Matcher | None, challenge_id: str, person_id: str
) -> list[TeamSuggestion]:
    """Open teams for the person, best first (the baseline order without a matcher)."""
    found = await team_needs.suggest_teams(
        graph=graph, challenge_id=challenge_id, person_id=person_id
    )
    if matcher is None or len(found) < 2:
        return found
    person = (await entities.get_many(graph, PERSON, [person_id])).get(person_id) or {}
    entries = {
        str(entry["team"]): entry
        for entry in await submissions.submissions_of(graph=graph, challenge_id=challenge_id)
    }
    texts = [team_text(s, entries.get(s.needs.team)) for s in found]
    scores = await relevance(matcher, person_text(person), texts)
    order = sorted(
        range(len(found)),
        key=lambda i: (
            -(len(found[i].fills) + scores[i]),
            found[i].needs.size,
            found[i].needs.name,
            found[i].needs.team,
        ),
    )
    return [found[i] for i in order]
