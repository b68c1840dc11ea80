"""The follow-up pack of an awarded challenge: where each winning team could go next.

For every winner (`challenges.awards.winners`): the OK!Thess programmes (programmes the
organisation named OK!Thess runs; those still running or to come first) and the mentors
(public profiles that consented to show their mentoring, who mentor in an OK!Thess
programme or call themselves mentors), each ranked by how well it meets the team's text
(its submission's title and summary, the challenge's title and themes, the skills it
sought); partners and funding calls suggested through matching from the same text; and
the onboarding status the organisers track (referred, accepted, in programme, funded).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from challenges import awards, challenge, submissions
from graph import GraphEngine, Statement
from hub.ecosystem.ids import new_id
from hub.ecosystem.text import fold
from hub.suggestions import service
from hub.suggestions.service import Matcher, Suggestion
from hub.team_matching import person_text, relevances

OKTHESS = "OK!Thess"
PROGRAMMES = 3
MENTORS = 5
PARTNERS = 5
FUNDING_CALLS = 5

OKTHESS_PROGRAMMES = Statement(
    name="followup_okthess_programmes",
    cypher=(
        "MATCH (o:Organisation {sort_key: $runner})-[:RUNS]->(p:Programme) "
        "RETURN DISTINCT p {.*} AS programme ORDER BY programme.sort_key, programme.id"
    ),
    example={"runner": "ok!thess"},
)
MENTOR_PROFILES = Statement(
    name="followup_mentors",
    cypher=(
        "MATCH (m:Person) WHERE m.is_public = true "
        "AND (m.public_fields IS NULL OR 'MENTORING' IN m.public_fields) "
        "OPTIONAL MATCH (m)-[:MENTORS]->(p:Programme)<-[:RUNS]-(:Organisation {sort_key: $runner}) "
        "WITH m, collect(p.name) AS programmes "
        "WHERE size(programmes) > 0 OR 'MENTOR' IN coalesce(m.roles, []) "
        "RETURN m {.*} AS person, programmes ORDER BY m.sort_key, m.id"
    ),
    example={"runner": "ok!thess"},
)
TEAM_ORGANISATIONS = Statement(
    name="followup_team_organisations",
    cypher=(
        "UNWIND $teams AS key MATCH (o:Organisation)-[:TEAM_ORGANISATION]->(t:Team {id: key}) "
        "RETURN key AS team, o.id AS organisation"
    ),
    example={"teams": [new_id()]},
)


@dataclass(frozen=True)
class Pick:
    """A node the pack suggests, and how well it meets the team's text (0 to 1)."""

    node: dict[str, Any]
    relevance: float


@dataclass(frozen=True)
class FollowUpPack:
    winner: dict[str, Any]
    """The row of `challenges.awards.winners`: award, team, rank, onboarding status."""
    text: str
    programmes: list[Pick]
    mentors: list[Pick]
    partners: list[Suggestion]
    funding_calls: list[Suggestion]


def team_text(entry: Mapping[str, Any] | None, details: Mapping[str, Any]) -> str:
    parts = []
    if entry is not None:
        parts += [str(entry.get("title") or ""), str(entry.get("summary") or "")]
    parts += [
        str(details.get("title_en") or ""),
        str(details.get("title_el") or ""),
        ", ".join(details.get("themes") or []),
        ", ".join(details.get("skills_sought") or []),
    ]
    return ". ".join(part for part in parts if part)


def programme_text(node: Mapping[str, Any]) -> str:
    parts = [node.get("name"), node.get("description_en"), node.get("description_el")]
    return ". ".join(str(part) for part in parts if part)


def consented_text(node: Mapping[str, Any]) -> str:
    """A mentor's skills and bio, as far as the person consented to show them."""
    consented = node.get("public_fields")
    shown = {
        key: value
        for key, value in node.items()
        if consented is None
        or (key == "skills" and "SKILLS" in consented)
        or (key.startswith("bio_") and "BIO" in consented)
    }
    return person_text(shown)


async def follow_up(
    *, graph: GraphEngine, matcher: Matcher, challenge_id: str, now: datetime
) -> list[FollowUpPack]:
    """A pack per winning team of the challenge, first place first (empty before awards)."""
    details = await challenge.get_challenge(graph=graph, challenge_id=challenge_id)
    won = await awards.winners(graph=graph, challenge_id=challenge_id)
    if not won:
        return []
    entries = {
        str(e["team"]): e
        for e in await submissions.submissions_of(graph=graph, challenge_id=challenge_id)
    }
    runner = fold(OKTHESS)
    rows = await graph.run(OKTHESS_PROGRAMMES, {"runner": runner})
    programmes = [dict(r["programme"]) for r in rows]
    mentors = [dict(r["person"]) for r in await graph.run(MENTOR_PROFILES, {"runner": runner})]
    own: dict[str, set[str]] = {}
    for row in await graph.run(TEAM_ORGANISATIONS, {"teams": [str(w["team"]) for w in won]}):
        own.setdefault(str(row["team"]), set()).add(str(row["organisation"]))
    today = now.date().isoformat()
    texts = [team_text(entries.get(str(w["team"])), details) for w in won]
    programme_scores = await relevances(matcher, texts, [programme_text(p) for p in programmes])
    mentor_scores = await relevances(matcher, texts, [consented_text(m) for m in mentors])
    packs = []
    for winner, text, to_programmes, to_mentors in zip(
        won, texts, programme_scores, mentor_scores, strict=True
    ):
        team = str(winner["team"])
        picked = [Pick(p, score) for p, score in zip(programmes, to_programmes, strict=True)]
        # programmes still running or to come first, then the closest to the team's work
        picked.sort(key=lambda p: (str(p.node.get("ends_on") or "9999") < today, -p.relevance))
        guides = [Pick(m, score) for m, score in zip(mentors, to_mentors, strict=True)]
        guides.sort(key=lambda p: -p.relevance)
        partners = await service.suggest_partners(matcher, text=text, first=PARTNERS + 5)
        calls = await service.suggest_funding_calls(
            matcher, text=text, first=FUNDING_CALLS, now=now
        )
        packs.append(
            FollowUpPack(
                winner=dict(winner),
                text=text,
                programmes=picked[:PROGRAMMES],
                mentors=guides[:MENTORS],
                partners=[p for p in partners if str(p.node["id"]) not in own.get(team, set())][
                    :PARTNERS
                ],
                funding_calls=calls,
            )
        )
    return packs
