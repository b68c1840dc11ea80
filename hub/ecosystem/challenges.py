"""Past open-data challenges: organisers, teams, members and awards (read-only history).

The demo seed writes each challenge with `write_challenge`, one statement per challenge;
the contest lifecycle (submissions, judging) is the `challenges` package's later concern.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import UTC, datetime
from typing import Annotated, Any

from pydantic import Field, model_validator

from graph import GraphEngine, Statement
from hub.ecosystem import entities
from hub.ecosystem.errors import FieldIssue, NotFound, ValidationFailed
from hub.ecosystem.fields import Input, Localized, Name, Tag, Tags, Title, Year, or_none, validate
from hub.ecosystem.ids import new_id
from hub.ecosystem.relations import define_relation
from hub.ecosystem.text import fold, search_text

CHALLENGE = entities.define_kind(
    "Challenge",
    # Drafts of the `challenges` lifecycle are not public; past challenges have no phase.
    where=(
        "($text IS NULL OR n.search_text CONTAINS $text) AND ($year IS NULL OR n.year = $year) "
        "AND (n.phase IS NULL OR n.phase <> 'draft')"
    ),
    filter_example={"text": "x", "year": 2024},
)
TEAM = entities.define_kind("Team")
AWARD = entities.define_kind("Award")

ORGANISES = define_relation("ORGANISES", "Organisation", "Challenge")
ENTERED = define_relation("ENTERED", "Team", "Challenge")
TEAM_MEMBER = define_relation("TEAM_MEMBER", "Person", "Team")
TEAM_ORGANISATION = define_relation("TEAM_ORGANISATION", "Organisation", "Team")
WON = define_relation("WON", "Team", "Award")
AWARD_OF = define_relation("AWARD_OF", "Award", "Challenge")

MAX_WINNERS = 100
Key = Annotated[Tag, Field(pattern=r"^[^/\s]+$")]


class TeamSeed(Input):
    key: Key
    name: Name
    members: list[str] = Field(default_factory=list, description="Person node ids.")
    organisations: list[str] = Field(default_factory=list, description="Organisation node ids.")


class AwardSeed(Input):
    team: Key = Field(description="The key of a team of the same challenge.")
    rank: int = Field(ge=1, le=3)
    prize: Localized | None = None


class ChallengeSeed(Input):
    """One past challenge as the seed data gives it, with node ids already resolved."""

    key: Key
    title: Title
    description: Localized | None = None
    year: Year
    themes: Tags = Field(default_factory=list)
    organiser: str | None = Field(default=None, description="Organisation node id.")
    teams: list[TeamSeed] = Field(default_factory=list)
    awards: list[AwardSeed] = Field(default_factory=list)

    @model_validator(mode="after")
    def _awards_name_teams(self) -> ChallengeSeed:
        keys = [team.key for team in self.teams]
        if len(set(keys)) != len(keys):
            raise ValueError("team keys must be distinct within a challenge")
        unknown = sorted({award.team for award in self.awards} - set(keys))
        if unknown:
            raise ValueError(f"awards name teams that are not in the challenge: {unknown}")
        return self


# Node ids the seed refers to, with the label each must carry; checked before writing.
REFERENCED = Statement(
    name="challenge_references",
    cypher=(
        "UNWIND $organisations AS key MATCH (n:Organisation {id: key}) "
        "RETURN 'Organisation' AS label, n.id AS id "
        "UNION ALL "
        "UNWIND $people AS key MATCH (n:Person {id: key}) RETURN 'Person' AS label, n.id AS id"
    ),
    example={"organisations": [new_id()], "people": [new_id()]},
)

# One challenge with its teams, awards and links, in one statement (FalkorDB has no
# multi-statement transactions). MERGE on keys keeps ids stable when the seed runs again.
WRITE_CHALLENGE = Statement(
    name="write_challenge",
    cypher=(
        "MERGE (c:Entity:Challenge {key: $challenge.key}) "
        "ON CREATE SET c.id = $challenge.id, c.created_at = $now "
        "SET c += $challenge.props, c.updated_at = $now "
        "FOREACH (team IN $teams | "
        "MERGE (t:Entity:Team {key: team.key}) "
        "ON CREATE SET t.id = team.id, t.created_at = $now "
        "SET t += team.props, t.updated_at = $now "
        "MERGE (t)-[:ENTERED]->(c)) "
        "WITH c "
        "OPTIONAL MATCH (o:Organisation) WHERE o.id IN $organisers "
        "WITH c, collect(o) AS organisers "
        "FOREACH (o IN organisers | MERGE (o)-[:ORGANISES]->(c)) "
        "WITH c "
        "OPTIONAL MATCH (t:Team)-[:ENTERED]->(c) "
        "WITH c, collect(t) AS teams "
        "OPTIONAL MATCH (p:Person) WHERE p.id IN $people "
        "WITH c, teams, collect(p) AS people "
        "OPTIONAL MATCH (o:Organisation) WHERE o.id IN $organisations "
        "WITH c, teams, people, collect(o) AS organisations "
        "FOREACH (m IN $members | "
        "FOREACH (t IN [x IN teams WHERE x.key = m.team] | "
        "FOREACH (p IN [y IN people WHERE y.id = m.person] | "
        "MERGE (p)-[:TEAM_MEMBER]->(t)))) "
        "FOREACH (m IN $team_organisations | "
        "FOREACH (t IN [x IN teams WHERE x.key = m.team] | "
        "FOREACH (o IN [y IN organisations WHERE y.id = m.organisation] | "
        "MERGE (o)-[:TEAM_ORGANISATION]->(t)))) "
        "FOREACH (award IN $awards | "
        "FOREACH (t IN [x IN teams WHERE x.key = award.team] | "
        "MERGE (a:Entity:Award {key: award.key}) "
        "ON CREATE SET a.id = award.id, a.created_at = $now "
        "SET a += award.props, a.updated_at = $now "
        "MERGE (t)-[:WON]->(a) "
        "MERGE (a)-[:AWARD_OF]->(c))) "
        "RETURN c {.*} AS node"
    ),
    example={
        "challenge": {"key": "c", "id": new_id(), "props": {"year": 2024}},
        "now": "2026-01-01T00:00:00.000+00:00",
        "teams": [{"key": "c/t", "id": new_id(), "props": {"name": "T"}}],
        "organisers": [new_id()],
        "people": [new_id()],
        "organisations": [new_id()],
        "members": [{"team": "c/t", "person": new_id()}],
        "team_organisations": [{"team": "c/t", "organisation": new_id()}],
        "awards": [{"key": "c/t/1", "id": new_id(), "team": "c/t", "props": {"rank": 1}}],
    },
    write=True,
)

PAST_WINNERS = Statement(
    name="past_winners",
    cypher=(
        "MATCH (a:Award)-[:AWARD_OF]->(c:Challenge) WHERE c.year <= $year "
        "RETURN a {.*} AS node ORDER BY c.year DESC, c.sort_key, a.rank, a.sort_key, a.id "
        "LIMIT $limit"
    ),
    example={"year": 2026, "limit": 20},
)


def challenge_properties(seed: ChallengeSeed) -> dict[str, Any]:
    description = seed.description or Localized()
    title_el, title_en = or_none(seed.title.el), or_none(seed.title.en)
    return {
        "title_el": title_el,
        "title_en": title_en,
        "description_el": or_none(description.el),
        "description_en": or_none(description.en),
        "year": seed.year,
        "themes": seed.themes,
        "sort_key": f"{seed.year}-{fold(title_en or title_el or '')}",
        "search_text": search_text(
            title_el, title_en, description.el, description.en, seed.themes, str(seed.year)
        ),
    }


def write_parameters(
    seed: ChallengeSeed, *, marks: Mapping[str, Any] | None = None, now: str | None = None
) -> dict[str, Any]:
    """The parameters of WRITE_CHALLENGE; team and award keys are prefixed by the challenge's.

    `marks` are extra properties on every node written (the seed's `demo: true`).
    """
    extra = dict(marks or {})

    def team_key(key: str) -> str:
        return f"{seed.key}/{key}"

    return {
        "challenge": {
            "key": seed.key,
            "id": new_id(),
            "props": {**challenge_properties(seed), **extra},
        },
        "now": now or entities.now_iso(),
        "teams": [
            {
                "key": team_key(team.key),
                "id": new_id(),
                "props": {
                    "name": team.name,
                    "sort_key": fold(team.name),
                    "search_text": search_text(team.name),
                    **extra,
                },
            }
            for team in seed.teams
        ],
        "organisers": [seed.organiser] if seed.organiser else [],
        "people": sorted({person for team in seed.teams for person in team.members}),
        "organisations": sorted({org for team in seed.teams for org in team.organisations}),
        "members": [
            {"team": team_key(team.key), "person": person}
            for team in seed.teams
            for person in team.members
        ],
        "team_organisations": [
            {"team": team_key(team.key), "organisation": organisation}
            for team in seed.teams
            for organisation in team.organisations
        ],
        "awards": [
            {
                "key": f"{team_key(award.team)}/{award.rank}",
                "id": new_id(),
                "team": team_key(award.team),
                "props": {
                    "rank": award.rank,
                    "prize_el": or_none((award.prize or Localized()).el),
                    "prize_en": or_none((award.prize or Localized()).en),
                    "sort_key": f"{award.rank}",
                    "search_text": "",
                    **extra,
                },
            }
            for award in seed.awards
        ],
    }


def parse_seed(data: Mapping[str, Any]) -> ChallengeSeed:
    """A seed from JSON-shaped data (ids resolved); errors name `challenge.<field>`."""
    return validate(ChallengeSeed, data, prefix="challenge")


async def write_challenge(
    graph: GraphEngine, challenge: ChallengeSeed, *, marks: Mapping[str, Any] | None = None
) -> dict[str, Any]:
    """Write (or rewrite) one challenge with its teams, awards and links; return its node.

    Every organisation and person id is checked first: an unknown one is NOT_FOUND (with
    the seed field naming it) and nothing is written. `marks` (e.g. `{"demo": True}`) are
    set on the challenge, its teams and its awards.
    """
    params = write_parameters(challenge, marks=marks)
    await _check_references(graph, challenge, params)
    rows = await graph.run(WRITE_CHALLENGE, params)
    return dict(rows[0]["node"])


async def _check_references(
    graph: GraphEngine, seed: ChallengeSeed, params: dict[str, Any]
) -> None:
    organisations = sorted({*params["organisers"], *params["organisations"]})
    rows = await graph.run(REFERENCED, {"organisations": organisations, "people": params["people"]})
    found = {(row["label"], row["id"]) for row in rows}
    if seed.organiser and ("Organisation", seed.organiser) not in found:
        raise NotFound("no organisation has this id", "organiser")
    for t, team in enumerate(seed.teams):
        for m, person in enumerate(team.members):
            if ("Person", person) not in found:
                raise NotFound("no person has this id", f"teams[{t}].members[{m}]")
        for o, organisation in enumerate(team.organisations):
            if ("Organisation", organisation) not in found:
                raise NotFound("no organisation has this id", f"teams[{t}].organisations[{o}]")


def filters(*, text: str | None = None, year: int | None = None) -> dict[str, Any]:
    return {"text": fold(text) or None if text else None, "year": year}


async def past_winners(
    graph: GraphEngine, *, first: int = 20, now: datetime | None = None
) -> list[dict[str, Any]]:
    """Awards of challenges up to this year, newest challenge first, then by rank."""
    if not 0 <= first <= MAX_WINNERS:
        raise ValidationFailed([FieldIssue("first", f"must be between 0 and {MAX_WINNERS}")])
    year = (now or datetime.now(UTC)).year
    rows = await graph.run(PAST_WINNERS, {"year": year, "limit": first})
    return [dict(row["node"]) for row in rows]
