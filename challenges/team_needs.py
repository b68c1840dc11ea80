"""What teams still need: the skills a challenge seeks that no member brings (gaps), and
which open teams a person would complete.

A plain, explainable baseline on skill tags (folded: case and accents do not matter);
the hub may re-rank these candidates with matching (embeddings of the texts).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from challenges.challenge_fields import DEFAULT_TEAM_SIZE
from challenges.ids import new_id
from challenges.text import fold
from challenges.validation import check_id
from graph import GraphEngine, Statement

OPEN_TEAMS = Statement(
    name="challenge_open_teams",
    cypher=(
        "MATCH (t:Team)-[:ENTERED]->(c:Challenge {id: $challenge}) "
        "OPTIONAL MATCH (m:Person)-[:TEAM_MEMBER]->(t) "
        "WITH c, t, count(m) AS size, collect(m.skills) AS skills, collect(m.id) AS members "
        "WHERE size < coalesce(c.max_team_size, $default_size) "
        "RETURN t.id AS team, t.name AS name, size, skills, members, "
        "coalesce(c.max_team_size, $default_size) AS max_size, c.skills_sought AS sought "
        "ORDER BY name, team"
    ),
    example={"challenge": new_id(), "default_size": DEFAULT_TEAM_SIZE},
)
PERSON_SKILLS = Statement(
    name="challenge_person_skills",
    cypher="MATCH (p:Person {id: $person}) RETURN p.skills AS skills",
    example={"person": new_id()},
)


@dataclass(frozen=True)
class TeamNeeds:
    team: str
    name: str
    size: int
    max_size: int
    gaps: list[str]  # sought skills no member has, as the challenge spells them


@dataclass(frozen=True)
class TeamSuggestion:
    needs: TeamNeeds
    fills: list[str]  # the gaps the person's skills fill


def gaps(sought: Iterable[str], have: Iterable[str]) -> list[str]:
    """The sought skills nobody has, in the challenge's order and spelling."""
    present = {fold(skill) for skill in have}
    return [skill for skill in sought if fold(skill) not in present]


def fills(person_skills: Iterable[str], missing: Sequence[str]) -> list[str]:
    mine = {fold(skill) for skill in person_skills}
    return [skill for skill in missing if fold(skill) in mine]


async def open_teams(*, graph: GraphEngine, challenge_id: str) -> list[TeamNeeds]:
    """Teams with a free place, each with the skills it still lacks."""
    rows = await graph.run(
        OPEN_TEAMS,
        {"challenge": check_id("challengeId", challenge_id), "default_size": DEFAULT_TEAM_SIZE},
    )
    return [_needs(row)[0] for row in rows]


def _needs(row: Mapping[str, Any]) -> tuple[TeamNeeds, list[str]]:
    """A row of OPEN_TEAMS as the team's needs, and its members' ids."""
    skills = [skill for group in row["skills"] or [] for skill in (group or [])]
    needs = TeamNeeds(
        team=str(row["team"]),
        name=str(row["name"]),
        size=int(row["size"]),
        max_size=int(row["max_size"]),
        gaps=gaps(list(row["sought"] or []), skills),
    )
    return needs, [str(member) for member in row["members"] or []]


async def suggest_teams(
    *, graph: GraphEngine, challenge_id: str, person_id: str
) -> list[TeamSuggestion]:
    """Open teams the person is not in, best first: most gaps filled, then the smaller
    team (it needs people more), then the name."""
    person = check_id("personId", person_id)
    rows = await graph.run(PERSON_SKILLS, {"person": person})
    skills = list(rows[0]["skills"] or []) if rows else []
    found = await graph.run(
        OPEN_TEAMS,
        {"challenge": check_id("challengeId", challenge_id), "default_size": DEFAULT_TEAM_SIZE},
    )
    suggestions = []
    for row in found:
        needs, members = _needs(row)
        if person in members:
            continue
        suggestions.append(TeamSuggestion(needs, fills(skills, needs.gaps)))
    suggestions.sort(key=lambda s: (-len(s.fills), s.needs.size, s.needs.name, s.needs.team))
    return suggestions
