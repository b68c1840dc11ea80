"""Load the demo ecosystem (hub/demo/data/*.json) through the same validated services.

Every node written is marked `demo: true`. A marker node records a complete seed, so
`--if-empty` can tell an empty graph (seed), a seeded one (skip), a graph with other data
(skip) and a seed that was interrupted (remove the partial demo data, seed again).
"""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import datetime, time, timedelta
from enum import StrEnum
from importlib import resources
from typing import Any
from zoneinfo import ZoneInfo

from challenges import challenge, judging
from challenges.advance import advance_due_phases
from graph import GraphEngine, Statement
from hub.ecosystem import (
    challenges,
    crud,
    funding_calls,
    networks,
    organisations,
    people,
    pilot_projects,
    programmes,
    projects,
    relations,
)
from hub.ecosystem.entities import now_iso

DEMO = {"demo": True}
FILES = (
    "organisations",
    "people",
    "networks",
    "programmes",
    "funding_calls",
    "pilot_projects",
    "projects",
    "challenges",
    "open_challenges",
)

COUNT_ENTITIES = Statement(
    name="count_entities", cypher="MATCH (n:Entity) RETURN count(n) AS total"
)
COUNT_DEMO = Statement(
    name="count_demo_entities",
    cypher="MATCH (n:Entity) WHERE n.demo = true RETURN count(n) AS total",
)
SEED_MARKER = Statement(
    name="demo_seed_marker",
    cypher="MATCH (m:SeedMarker {name: 'demo'}) RETURN m.completed_at AS at",
)
MARK_SEEDED = Statement(
    name="mark_demo_seeded",
    cypher="MERGE (m:SeedMarker {name: 'demo'}) SET m.completed_at = $at RETURN m.name AS name",
    example={"at": "2026-11-25T00:00:00+00:00"},
    write=True,
)
REMOVE_DEMO = Statement(
    name="remove_demo_entities",
    cypher="MATCH (n:Entity) WHERE n.demo = true WITH n LIMIT 1000 DETACH DELETE n "
    "RETURN count(*) AS removed",
    write=True,
)
REMOVE_MARKER = Statement(
    name="remove_demo_marker",
    cypher="MATCH (m:SeedMarker {name: 'demo'}) DETACH DELETE m RETURN count(*) AS removed",
    write=True,
)


class SeedState(StrEnum):
    EMPTY = "empty"
    SEEDED = "seeded"
    PARTIAL = "partial"
    OTHER_DATA = "other data"


@dataclass
class SeedReport:
    created: dict[str, int] = field(default_factory=dict)
    links: int = 0

    def summary(self) -> str:
        parts = ", ".join(
            f"{count} {name.replace('_', ' ')}" for name, count in self.created.items()
        )
        return f"seeded the demo ecosystem: {parts}, {self.links} relations"


def load_demo_data() -> dict[str, list[dict[str, Any]]]:
    folder = resources.files("hub.demo").joinpath("data")
    return {name: json.loads(folder.joinpath(f"{name}.json").read_text("utf-8")) for name in FILES}


def record_count(data: Mapping[str, list[dict[str, Any]]]) -> int:
    return sum(len(records) for records in data.values())


async def seed_state(graph: GraphEngine) -> SeedState:
    if await graph.run(SEED_MARKER):
        return SeedState.SEEDED
    demo = (await graph.run(COUNT_DEMO))[0]["total"]
    if demo:
        return SeedState.PARTIAL
    total = (await graph.run(COUNT_ENTITIES))[0]["total"]
    return SeedState.EMPTY if total == 0 else SeedState.OTHER_DATA


async def remove_demo(graph: GraphEngine) -> int:
    removed = 0
    while True:
        batch = int((await graph.run(REMOVE_DEMO))[0]["removed"])
        removed += batch
        if batch == 0:
            break
    await graph.run(REMOVE_MARKER)
    return removed


async def seed(
    graph: GraphEngine,
    data: Mapping[str, list[dict[str, Any]]],
    *,
    advance: Callable[[int], None] = lambda _: None,
) -> SeedReport:
    """Write every demo record; `advance(n)` reports progress in records."""
    report = SeedReport()
    ids: dict[str, dict[str, str]] = {name: {} for name in FILES}

    async def create_all(name: str, resource: crud.Resource[Any], fields: tuple[str, ...]) -> None:
        for record in data[name]:
            values = {key: record[key] for key in fields if record.get(key) is not None}
            node = await crud.create(graph, resource, values, marks=DEMO)
            ids[name][record["key"]] = node["id"]
            advance(1)
        report.created[name] = len(data[name])

    async def link(
        relation: relations.Relation, source: str, target: str, props: Mapping[str, Any] | None
    ) -> None:
        await relations.link(graph, relation, source, target, props)
        report.links += 1

    await create_all("organisations", organisations.ORGANISATIONS, ORGANISATION_FIELDS)
    org = ids["organisations"]
    await create_all("people", people.PEOPLE, PERSON_FIELDS)
    person = ids["people"]
    for record in data["people"]:
        for affiliation in record.get("affiliations", []):
            await link(
                relations.AFFILIATED_WITH,
                person[record["key"]],
                org[affiliation["organisation"]],
                {"role": affiliation.get("role")},
            )
    await create_all("networks", networks.NETWORKS, NETWORK_FIELDS)
    for record in data["networks"]:
        for member in record.get("members", []):
            await link(
                relations.MEMBER_OF,
                org[member["organisation"]],
                ids["networks"][record["key"]],
                {"since": member.get("since")},
            )
    await create_all("programmes", programmes.PROGRAMMES, PROGRAMME_FIELDS)
    for record in data["programmes"]:
        programme_id = ids["programmes"][record["key"]]
        await link(relations.RUNS, org[record["run_by"]], programme_id, None)
        for participant in record.get("participants", []):
            await link(
                relations.PARTICIPATES_IN,
                org[participant["organisation"]],
                programme_id,
                {"cohort": participant.get("cohort")},
            )
        for mentor in record.get("mentors", []):
            await link(relations.MENTORS, person[mentor], programme_id, None)
    await create_all("funding_calls", funding_calls.FUNDING_CALLS, CALL_FIELDS)
    await create_all("pilot_projects", pilot_projects.PILOT_PROJECTS, PILOT_FIELDS)
    for record in data["pilot_projects"]:
        pilot_id = ids["pilot_projects"][record["key"]]
        await link(relations.POSTED, person[record["posted_by"]], pilot_id, None)
        await link(relations.HOSTS, org[record["organisation"]], pilot_id, None)
        for partner in record.get("partners", []):
            await link(relations.PARTNER_IN, org[partner], pilot_id, None)
    await create_all("projects", projects.PROJECTS, PROJECT_FIELDS)
    for record in data["projects"]:
        project_id = ids["projects"][record["key"]]
        if record.get("funding_call"):
            await link(
                relations.FUNDED_BY, project_id, ids["funding_calls"][record["funding_call"]], None
            )
        for participant in record.get("participants", []):
            await link(
                relations.PARTICIPATED_IN,
                org[participant["organisation"]],
                project_id,
                {"role": participant["role"]},
            )
    for record in data["challenges"]:
        await challenges.write_challenge(graph, challenge_seed(record, org, person), marks=DEMO)
        advance(1)
    report.created["challenges"] = len(data["challenges"])
    for record in data.get("open_challenges", []):
        await open_challenge(graph, record, org)
        advance(1)
    report.created["open challenges"] = len(data.get("open_challenges", []))
    await graph.run(MARK_SEEDED, {"at": now_iso()})
    return report


async def open_challenge(
    graph: GraphEngine, record: Mapping[str, Any], org: Mapping[str, str]
) -> dict[str, Any]:
    """A running challenge, its dates counted in days from today (registration opens at
    09:00, the deadline is at 18:00, in its zone); published, then taken through the phases
    its dates have reached, as the worker would."""
    zone = ZoneInfo(record["timezone"])
    today = datetime.now(zone).date()

    def day(offset: int, hour: int) -> str:
        moment = datetime.combine(today + timedelta(days=offset), time(hour), tzinfo=zone)
        return moment.isoformat()

    days = record["schedule_days"]
    data = {
        **{key: record[key] for key in OPEN_CHALLENGE_FIELDS if key in record},
        "organisers": [org[record["organiser"]]],
        "schedule": {
            "timezone": record["timezone"],
            "registration_opens": day(days["registration_opens"], 9),
            "submission_opens": day(days["submission_opens"], 9),
            "submission_deadline": day(days["submission_deadline"], 18),
            "judging_ends": day(days["judging_ends"], 18),
        },
    }
    created = await challenge.create_challenge(graph=graph, data=data, marks=DEMO)
    await judging.set_rubric(graph=graph, challenge_id=created["id"], criteria=record["rubric"])
    await challenge.transition(graph=graph, challenge_id=created["id"], target="published")
    await advance_due_phases(graph=graph)
    return created


def challenge_seed(
    record: Mapping[str, Any], org: Mapping[str, str], person: Mapping[str, str]
) -> challenges.ChallengeSeed:
    teams = [
        {
            **team,
            "members": [person[key] for key in team.get("members", [])],
            "organisations": [org[key] for key in team.get("organisations", [])],
        }
        for team in record["teams"]
    ]
    return challenges.ChallengeSeed.model_validate(
        {**record, "organiser": org[record["organiser"]], "teams": teams}
    )


ORGANISATION_FIELDS = (
    "name", "short_name", "kind", "description", "sectors", "capabilities_offered",
    "capabilities_needed", "city", "country", "latitude", "longitude", "website", "pic",
    "vat_number",
)  # fmt: skip
PERSON_FIELDS = ("name", "roles", "bio", "skills", "email", "is_public")
NETWORK_FIELDS = ("name", "kind", "description", "website")
PROGRAMME_FIELDS = ("name", "description", "starts_on", "ends_on")
CALL_FIELDS = (
    "identifier", "call_identifier", "programme", "title", "description", "opening_date",
    "deadline", "timezone", "budget_min", "budget_max", "expected_grants", "eligible_kinds",
    "eligible_countries", "source_url", "topics",
)  # fmt: skip
OPEN_CHALLENGE_FIELDS = (
    "title", "description", "rules", "eligibility", "themes", "prizes", "max_team_size",
)  # fmt: skip
PILOT_FIELDS = ("title", "problem", "test_site", "partners_sought", "status", "topics")
PROJECT_FIELDS = ("acronym", "title", "start_date", "end_date", "topics")
