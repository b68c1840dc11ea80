"""Submissions: one per team and challenge, edited in versions until the deadline.

Graph: `(:Team)-[:SUBMITTED]->(:Submission)-[:SUBMITTED_TO]->(:Challenge)`,
`(:Submission)-[:USES_DATASET]->(:Dataset)` and, for every version (the first included),
`(:Submission)-[:HAS_VERSION]->(:SubmissionVersion {version, title, summary, links,
datasets, by, at})`. `Submission.key` (`<challenge id>/<team id>`) is unique, so a second
submission of a team cannot exist even if two requests race.

Creating and editing are each one statement whose WHERE holds every rule: the author is a
member of the team, the challenge is in `submission` and its deadline (compared in UTC)
is ahead, and, for an edit, the version the author read is still the current one. An
edit from a stale version therefore changes nothing and gets VERSION_CONFLICT; the
client reloads and applies its change again. When a statement writes nothing, a read
finds out why and the error names the deadline, the existing submission or the version.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime
from typing import Any

from challenges.challenge import now_utc
from challenges.cypher import lock
from challenges.errors import (
    AlreadySubmitted,
    DeadlinePassed,
    NotAMember,
    NotFound,
    VersionConflict,
    WrongPhase,
)
from challenges.ids import new_id
from challenges.phases import Phase, shown, utc_iso
from challenges.text import fold, search_text
from challenges.validation import Checker
from graph import ConstraintViolation, GraphEngine, Statement

LINKS = ("repository", "demo", "video")
FIELDS = ("title", "summary", "links", "datasets")
MAX_DATASETS = 50
_A, _B, _C = new_id(), new_id(), new_id()
_NOW = "2027-01-01T00:00:00+00:00"
_LINK_DATASETS = (
    "WITH s OPTIONAL MATCH (d:Dataset) WHERE d.id IN $datasets "
    "WITH s, collect(d) AS found FOREACH (d IN found | MERGE (s)-[:USES_DATASET]->(d)) "
)

CREATE_SUBMISSION = Statement(
    name="challenge_submission_create",
    cypher=(
        f"MATCH (t:Team {{id: $team}}) {lock('t')}"
        "WITH t MATCH (by:Person {id: $by})-[:TEAM_MEMBER]->(t)-[:ENTERED]->(c:Challenge) "
        "WHERE c.phase = 'submission' AND $now < c.submission_deadline_utc "
        "OPTIONAL MATCH (t)-[:SUBMITTED]->(old:Submission)-[:SUBMITTED_TO]->(c) "
        "WITH t, c, count(old) AS existing WHERE existing = 0 "
        "CREATE (t)-[:SUBMITTED]->(s:Entity:Submission)-[:SUBMITTED_TO]->(c) "
        "SET s = $props, s.key = c.id + '/' + t.id "
        "CREATE (s)-[:HAS_VERSION]->(v:SubmissionVersion) SET v = $snapshot "
        f"{_LINK_DATASETS}"
        "RETURN s {.*} AS node"
    ),
    example={
        "by": _A,
        "team": _B,
        "now": _NOW,
        "props": {"id": _C, "title": "T", "version": 1},
        "snapshot": {"version": 1, "title": "T"},
        "datasets": [],
    },
    write=True,
)
EDIT_SUBMISSION = Statement(
    name="challenge_submission_edit",
    cypher=(
        f"MATCH (s:Submission {{id: $id}}) {lock('s')}"
        "WITH s MATCH (by:Person {id: $by})-[:TEAM_MEMBER]->(t:Team)-[:SUBMITTED]->(s)"
        "-[:SUBMITTED_TO]->(c:Challenge) "
        "WHERE c.phase = 'submission' AND $now < c.submission_deadline_utc "
        "AND s.version = $version "
        "SET s += $props "
        "CREATE (s)-[:HAS_VERSION]->(v:SubmissionVersion) SET v = $snapshot "
        "WITH s OPTIONAL MATCH (s)-[old:USES_DATASET]->(:Dataset) DELETE old "
        "WITH DISTINCT s "
        f"{_LINK_DATASETS}"
        "RETURN s {.*} AS node"
    ),
    example={
        "by": _A,
        "id": _C,
        "now": _NOW,
        "version": 1,
        "props": {"title": "T2", "version": 2},
        "snapshot": {"version": 2, "title": "T2"},
        "datasets": [],
    },
    write=True,
)
# What stands in the way of a team's submission: to explain a refusal.
SUBMISSION_STATE = Statement(
    name="challenge_submission_state",
    cypher=(
        "MATCH (t:Team {id: $team})-[:ENTERED]->(c:Challenge) "
        "OPTIONAL MATCH (by:Person {id: $by})-[m:TEAM_MEMBER]->(t) "
        "OPTIONAL MATCH (t)-[:SUBMITTED]->(old:Submission)-[:SUBMITTED_TO]->(c) "
        "RETURN c.phase AS phase, c.submission_opens AS opens, "
        "c.submission_deadline AS deadline, c.timezone AS timezone, m IS NOT NULL AS member, "
        "old.id AS existing, old.title AS existing_title, old.created_at AS existing_at "
        "LIMIT 1"
    ),
    example={"team": _B, "by": _A},
)
EDIT_STATE = Statement(
    name="challenge_submission_edit_state",
    cypher=(
        "MATCH (t:Team)-[:SUBMITTED]->(s:Submission {id: $id})-[:SUBMITTED_TO]->(c:Challenge) "
        "OPTIONAL MATCH (by:Person {id: $by})-[m:TEAM_MEMBER]->(t) "
        "RETURN c.phase AS phase, c.submission_opens AS opens, "
        "c.submission_deadline AS deadline, c.timezone AS timezone, m IS NOT NULL AS member, "
        "s.version AS version LIMIT 1"
    ),
    example={"id": _C, "by": _A},
)
FOUND_DATASETS = Statement(
    name="challenge_found_datasets",
    cypher="UNWIND $ids AS id MATCH (d:Dataset {id: id}) RETURN d.id AS id",
    example={"ids": [_A]},
)
GET_SUBMISSIONS = Statement(
    name="challenge_submissions_get",
    cypher=(
        "UNWIND $ids AS key MATCH (t:Team)-[:SUBMITTED]->(s:Submission {id: key})"
        "-[:SUBMITTED_TO]->(c:Challenge) "
        "OPTIONAL MATCH (s)-[:USES_DATASET]->(d:Dataset) "
        "RETURN s {.*} AS node, t.id AS team, c.id AS challenge, collect(d.id) AS datasets"
    ),
    example={"ids": [_C]},
)
CHALLENGE_SUBMISSIONS = Statement(
    name="challenge_submissions_of",
    cypher=(
        "MATCH (t:Team)-[:SUBMITTED]->(s:Submission)-[:SUBMITTED_TO]->(c:Challenge {id: $id}) "
        "OPTIONAL MATCH (s)-[:USES_DATASET]->(d:Dataset) "
        "RETURN s {.*} AS node, t.id AS team, t.name AS team_name, c.id AS challenge, "
        "s.created_at AS created_at, s.id AS id, collect(d.id) AS datasets ORDER BY created_at, id"
    ),
    example={"id": _A},
)
VERSIONS = Statement(
    name="challenge_submission_versions",
    cypher=(
        "MATCH (s:Submission {id: $id})-[:HAS_VERSION]->(v:SubmissionVersion) "
        "RETURN v {.*} AS version ORDER BY v.version"
    ),
    example={"id": _C},
)


def check_fields(data: Mapping[str, Any], *, prefix: str = "input") -> dict[str, Any]:
    """Validated submission content: title, summary, links, dataset ids."""
    checker = Checker(prefix)
    if not isinstance(data, Mapping):
        checker.fail("", "must be an object")
        checker.done()
    checker.unknown(data, FIELDS)
    title = checker.text("title", data.get("title"), required=True, max_length=200)
    summary = checker.text("summary", data.get("summary"), required=True, max_length=5000)
    links = data.get("links") or {}
    if not isinstance(links, Mapping):
        checker.fail("links", f"must be an object with {', '.join(LINKS)}")
        links = {}
    for key in sorted(set(links) - set(LINKS)):
        checker.fail(f"links.{key}", f"is not a known link: use {', '.join(LINKS)}")
    urls = {name: checker.url(f"links.{name}", links.get(name)) for name in LINKS}
    datasets = checker.node_ids("datasets", data.get("datasets"), max_items=MAX_DATASETS)
    checker.done()
    return {"title": title, "summary": summary, "links": urls, "datasets": datasets}


def _properties(fields: Mapping[str, Any]) -> dict[str, Any]:
    links = fields["links"]
    return {
        "title": fields["title"],
        "summary": fields["summary"],
        "repository_url": links["repository"],
        "demo_url": links["demo"],
        "video_url": links["video"],
        "sort_key": fold(fields["title"]),
        "search_text": search_text(fields["title"], fields["summary"]),
    }


def _snapshot(fields: Mapping[str, Any], version: int, by: str, at: str) -> dict[str, Any]:
    links = fields["links"]
    snapshot = {
        "version": version,
        "title": fields["title"],
        "summary": fields["summary"],
        "repository_url": links["repository"],
        "demo_url": links["demo"],
        "video_url": links["video"],
        "datasets": fields["datasets"],
        "by": by,
        "at": at,
    }
    return {key: value for key, value in snapshot.items() if value is not None}


async def submit(
    *,
    graph: GraphEngine,
    team_id: str,
    author_id: str,
    data: Mapping[str, Any],
    now: datetime | None = None,
) -> dict[str, Any]:
    """The team's submission (version 1), by one of its members, before the deadline."""
    checker = Checker()
    team = checker.node_id("teamId", team_id)
    author = checker.node_id("authorId", author_id)
    checker.done()
    fields = check_fields(data)
    await _check_datasets(graph, fields["datasets"])
    stamp = utc_iso(now_utc(now))
    props = {
        **{k: v for k, v in _properties(fields).items() if v is not None},
        "id": new_id(),
        "version": 1,
        "created_at": stamp,
        "updated_at": stamp,
        "submitted_by": author,
    }
    params = {
        "by": author,
        "team": team,
        "now": stamp,
        "props": props,
        "snapshot": _snapshot(fields, 1, str(author), stamp),
        "datasets": fields["datasets"],
    }
    try:
        rows = await graph.run(CREATE_SUBMISSION, params)
    except ConstraintViolation:
        rows = []  # a concurrent submission of the same team won: explained below
    if rows:
        return dict(rows[0]["node"])
    state = await graph.run(SUBMISSION_STATE, {"team": team, "by": author})
    if not state:
        raise NotFound("no team has this id", "teamId")
    found = state[0]
    if not found["member"]:
        raise NotAMember("only a member of the team can submit for it", "authorId")
    _refuse_closed(found, now_utc(now))
    if found["existing"] is not None:
        raise AlreadySubmitted(
            f"this team already submitted {found['existing_title']!r} "
            f"(submission {found['existing']}, {found['existing_at']}): edit it instead",
            str(found["existing"]),
        )
    raise WrongPhase("the submission could not be recorded; try again", "teamId")


async def edit(
    *,
    graph: GraphEngine,
    submission_id: str,
    author_id: str,
    version: int,
    patch: Mapping[str, Any],
    now: datetime | None = None,
) -> dict[str, Any]:
    """Apply a change made from `version`; it becomes version + 1. Refused after the deadline.

    Fields absent from `patch` keep their value; a null link clears it.
    """
    checker = Checker()
    submission = checker.node_id("submissionId", submission_id)
    author = checker.node_id("authorId", author_id)
    expected = checker.integer("version", version, minimum=1, maximum=1_000_000, required=True)
    checker.done()
    assert submission is not None and author is not None and expected is not None
    current = await get_submission(graph=graph, submission_id=submission)
    links: Any = {name: current.get(f"{name}_url") for name in LINKS}
    if "links" in patch:
        links = (
            {**links, **patch["links"]} if isinstance(patch["links"], Mapping) else patch["links"]
        )
    merged = {
        "title": current.get("title"),
        "summary": current.get("summary"),
        "datasets": current["datasets"],
        **patch,
        "links": links,
    }
    fields = check_fields(merged)
    await _check_datasets(graph, fields["datasets"])
    stamp = utc_iso(now_utc(now))
    new_version = expected + 1
    props = {**_properties(fields), "version": new_version, "updated_at": stamp}
    params = {
        "by": author,
        "id": submission,
        "now": stamp,
        "version": expected,
        "props": props,
        "snapshot": _snapshot(fields, new_version, author, stamp),
        "datasets": fields["datasets"],
    }
    rows = await graph.run(EDIT_SUBMISSION, params)
    if rows:
        return dict(rows[0]["node"])
    state = await graph.run(EDIT_STATE, {"id": submission, "by": author})
    if not state:
        raise NotFound("no submission has this id", "submissionId")
    found = state[0]
    if not found["member"]:
        raise NotAMember("only members of the team that submitted it can edit it", "authorId")
    _refuse_closed(found, now_utc(now), locked=True)
    raise VersionConflict(
        f"the submission changed meanwhile: you edited version {expected}, it is now at "
        f"version {found['version']}; reload it and apply your change again",
        int(found["version"]),
    )


def _refuse_closed(state: Mapping[str, Any], now: datetime, *, locked: bool = False) -> None:
    zone = str(state["timezone"] or "UTC")
    phase = Phase(state["phase"]) if state["phase"] else Phase.ARCHIVED
    deadline = datetime.fromisoformat(state["deadline"]) if state["deadline"] else None
    if deadline is not None and now >= deadline:
        what = "the submission is locked" if locked else "too late"
        raise DeadlinePassed(
            f"{what}: the submission deadline {shown(deadline, zone)} has passed", "teamId"
        )
    if phase != Phase.SUBMISSION:
        opens = datetime.fromisoformat(state["opens"]) if state["opens"] else None
        when = f"; submissions open on {shown(opens, zone)}" if opens and now < opens else ""
        raise WrongPhase(
            f"submissions are not open: the challenge is in {phase.value}{when}", "teamId"
        )


async def _check_datasets(graph: GraphEngine, datasets: list[str]) -> None:
    if not datasets:
        return
    found = {row["id"] for row in await graph.run(FOUND_DATASETS, {"ids": datasets})}
    for i, dataset in enumerate(datasets):
        if dataset not in found:
            raise NotFound("no dataset has this id", f"input.datasets[{i}]")


async def get_submission(*, graph: GraphEngine, submission_id: str) -> dict[str, Any]:
    """A submission with `team`, `challenge` and `datasets` (ids) added."""
    rows = await graph.run(GET_SUBMISSIONS, {"ids": [submission_id]})
    if not rows:
        raise NotFound("no submission has this id", "submissionId")
    row = rows[0]
    return {
        **dict(row["node"]),
        "team": row["team"],
        "challenge": row["challenge"],
        "datasets": sorted(row["datasets"]),
    }


async def submissions_of(*, graph: GraphEngine, challenge_id: str) -> list[dict[str, Any]]:
    """A challenge's submissions, oldest first, with team id and name and dataset ids."""
    rows = await graph.run(CHALLENGE_SUBMISSIONS, {"id": challenge_id})
    return [
        {
            **dict(row["node"]),
            "team": row["team"],
            "team_name": row["team_name"],
            "challenge": row["challenge"],
            "datasets": sorted(row["datasets"]),
        }
        for row in rows
    ]


async def versions(*, graph: GraphEngine, submission_id: str) -> list[dict[str, Any]]:
    """Every version of a submission, the first first."""
    rows = await graph.run(VERSIONS, {"id": submission_id})
    return [dict(row["version"]) for row in rows]
