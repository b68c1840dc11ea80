"""Judging: the rubric, the panel, assignments (balanced, free of conflicts), scores.

Graph: `Challenge.rubric` (JSON text, see `rubric`), `(:Person)-[:JUDGE_OF {at}]->
(:Challenge)` for the panel, `(:Person)-[:ASSIGNED {at, scores, comment, scored_at}]->
(:Submission)` for each assignment and its score sheet (`scores` is JSON text; the
comment is private to the organisers). A judge reads and scores only what is assigned.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from datetime import datetime
from typing import Any

from challenges import assignment, ranking
from challenges.challenge import get_challenge, now_utc
from challenges.conflicts import describe, find_conflicts
from challenges.cypher import lock
from challenges.errors import (
    ConflictOfInterest,
    NotAMember,
    NotAssigned,
    NotFound,
    PathStep,
    WrongPhase,
)
from challenges.ids import new_id
from challenges.phases import Phase, phase_of, utc_iso
from challenges.rubric import Criterion, check_rubric, check_scores, from_json, to_json
from challenges.submissions import submissions_of
from challenges.teams import teams_of
from challenges.validation import Checker, check_id
from graph import GraphEngine, Statement

MAX_JUDGES_PER_SUBMISSION = 10
RUBRIC_OPEN = (Phase.DRAFT, Phase.PUBLISHED, Phase.REGISTRATION, Phase.SUBMISSION)
_A, _B = new_id(), new_id()
_NOW = "2027-01-01T00:00:00+00:00"

SET_RUBRIC = Statement(
    name="challenge_set_rubric",
    cypher=(
        "MATCH (c:Challenge {id: $id}) WHERE c.phase IN $open "
        "SET c.rubric = $rubric, c.updated_at = $now RETURN c {.*} AS node"
    ),
    example={"id": _A, "open": ["draft"], "rubric": "[]", "now": _NOW},
    write=True,
)
ADD_JUDGE = Statement(
    name="challenge_add_judge",
    cypher=(
        "MATCH (c:Challenge {id: $challenge}) MATCH (p:Person {id: $person}) "
        "MERGE (p)-[r:JUDGE_OF]->(c) ON CREATE SET r.at = $now RETURN r.at AS at"
    ),
    example={"challenge": _A, "person": _B, "now": _NOW},
    write=True,
)
PANEL = Statement(
    name="challenge_panel",
    cypher=(
        "MATCH (p:Person)-[r:JUDGE_OF]->(c:Challenge {id: $challenge}) "
        "RETURN p.id AS judge, p.name AS name, r.at AS at ORDER BY r.at, p.id"
    ),
    example={"challenge": _A},
)
ASSIGN = Statement(
    name="challenge_assign_judges",
    cypher=(
        "UNWIND $pairs AS pair "
        f"MATCH (s:Submission {{id: pair.submission}}) {lock('s')}"
        "WITH s, pair MATCH (p:Person {id: pair.judge})-[:JUDGE_OF]->(c:Challenge) "
        "MATCH (s)-[:SUBMITTED_TO]->(c) "
        "WHERE c.phase IN ['submission', 'judging'] "
        "MERGE (p)-[a:ASSIGNED]->(s) ON CREATE SET a.at = $now "
        "RETURN p.id AS judge, s.id AS submission"
    ),
    example={"pairs": [{"judge": _B, "submission": _A}], "now": _NOW},
    write=True,
)
ASSIGNMENTS = Statement(
    name="challenge_assignments",
    cypher=(
        "MATCH (p:Person)-[a:ASSIGNED]->(s:Submission)-[:SUBMITTED_TO]->"
        "(c:Challenge {id: $challenge}) "
        "MATCH (t:Team)-[:SUBMITTED]->(s) "
        "RETURN p.id AS judge, p.name AS name, s.id AS submission, t.id AS team, "
        "a.scores AS scores, a.comment AS comment, a.scored_at AS scored_at "
        "ORDER BY judge, submission"
    ),
    example={"challenge": _A},
)
SCORE = Statement(
    name="challenge_score",
    cypher=(
        "MATCH (p:Person {id: $judge})-[a:ASSIGNED]->(s:Submission {id: $submission})"
        "-[:SUBMITTED_TO]->(c:Challenge) WHERE c.phase = 'judging' "
        "SET a.scores = $scores, a.comment = $comment, a.scored_at = $now "
        "RETURN s.id AS submission"
    ),
    example={"judge": _B, "submission": _A, "scores": "{}", "comment": None, "now": _NOW},
    write=True,
)
SCORE_STATE = Statement(
    name="challenge_score_state",
    cypher=(
        "MATCH (s:Submission {id: $submission})-[:SUBMITTED_TO]->(c:Challenge) "
        "OPTIONAL MATCH (p:Person {id: $judge})-[a:ASSIGNED]->(s) "
        "RETURN c.id AS challenge, c.phase AS phase, c.rubric AS rubric, "
        "a IS NOT NULL AS assigned"
    ),
    example={"judge": _B, "submission": _A},
)


async def set_rubric(
    *, graph: GraphEngine, challenge_id: str, criteria: Any, now: datetime | None = None
) -> list[Criterion]:
    """The organiser's rubric; it can change until judging opens."""
    rubric = check_rubric(criteria)
    challenge = await get_challenge(graph=graph, challenge_id=challenge_id)
    params = {
        "id": challenge["id"],
        "open": [phase.value for phase in RUBRIC_OPEN],
        "rubric": to_json(rubric),
        "now": utc_iso(now_utc(now)),
    }
    if not await graph.run(SET_RUBRIC, params):
        raise WrongPhase(
            f"the rubric is fixed once judging opens (the challenge is in "
            f"{phase_of(challenge).value})",
            "challengeId",
        )
    return rubric


async def add_judge(
    *, graph: GraphEngine, challenge_id: str, person_id: str, now: datetime | None = None
) -> list[tuple[str, list[PathStep]]]:
    """Put a person on the panel; returns the teams they conflict with (and the paths).

    Conflicts do not keep anyone off the panel: they only block those teams' submissions
    (see `assign`, `assign_balanced`).
    """
    challenge = await get_challenge(graph=graph, challenge_id=challenge_id)
    person = check_id("personId", person_id)
    if phase_of(challenge) in (Phase.AWARDED, Phase.ARCHIVED):
        raise WrongPhase("judging is over for this challenge", "challengeId")
    params = {"challenge": challenge["id"], "person": person, "now": utc_iso(now_utc(now))}
    if not await graph.run(ADD_JUDGE, params):
        raise NotFound("no person has this id", "personId")
    teams = [team["id"] for team in await teams_of(graph=graph, challenge_id=challenge["id"])]
    conflicts = await find_conflicts(graph=graph, judges=[person], teams=teams)
    return [(team, path) for (_, team), path in sorted(conflicts.items())]


async def panel(*, graph: GraphEngine, challenge_id: str) -> list[dict[str, Any]]:
    rows = await graph.run(PANEL, {"challenge": check_id("challengeId", challenge_id)})
    return [dict(row) for row in rows]


async def assign(
    *, graph: GraphEngine, submission_id: str, judge_id: str, now: datetime | None = None
) -> None:
    """Assign one judge of the panel to a submission; refused with the path on a conflict."""
    submission = check_id("submissionId", submission_id)
    judge = check_id("judgeId", judge_id)
    rows = await graph.run(SCORE_STATE, {"judge": judge, "submission": submission})
    if not rows:
        raise NotFound("no submission has this id", "submissionId")
    team = await _team_of(graph, rows[0]["challenge"], submission)
    conflicts = await find_conflicts(graph=graph, judges=[judge], teams=[team])
    if (judge, team) in conflicts:
        path = conflicts[(judge, team)]
        raise ConflictOfInterest(f"conflict of interest: {describe(path)}", path)
    pairs = [{"judge": judge, "submission": submission}]
    if not await graph.run(ASSIGN, {"pairs": pairs, "now": utc_iso(now_utc(now))}):
        in_panel = {
            row["judge"] for row in await panel(graph=graph, challenge_id=rows[0]["challenge"])
        }
        if judge not in in_panel:
            raise NotAMember("this person is not on the challenge's panel of judges", "judgeId")
        raise WrongPhase("judges are assigned during submission and judging", "submissionId")


async def assign_balanced(
    *,
    graph: GraphEngine,
    challenge_id: str,
    per_submission: int,
    now: datetime | None = None,
) -> tuple[assignment.Plan, dict[tuple[str, str], list[PathStep]]]:
    """Give every submission `per_submission` judges of the panel, loads balanced.

    Returns the plan written (new pairs, loads, submissions left short of judges) and the
    conflicts that kept a judge from a submission's team (judge, team) -> path.
    """
    checker = Checker()
    checker.integer(
        "perSubmission", per_submission, minimum=1, maximum=MAX_JUDGES_PER_SUBMISSION, required=True
    )
    checker.done()
    challenge = await get_challenge(graph=graph, challenge_id=challenge_id)
    if phase_of(challenge) not in (Phase.SUBMISSION, Phase.JUDGING):
        raise WrongPhase("judges are assigned during submission and judging", "challengeId")
    judges = [row["judge"] for row in await panel(graph=graph, challenge_id=challenge["id"])]
    entries = await submissions_of(graph=graph, challenge_id=challenge["id"])
    team_of = {entry["id"]: entry["team"] for entry in entries}
    conflicts = await find_conflicts(
        graph=graph, judges=judges, teams=sorted(set(team_of.values()))
    )
    blocked = {
        (judge, submission)
        for submission, team in team_of.items()
        for judge in judges
        if (judge, team) in conflicts
    }
    existing = {
        (row["judge"], row["submission"]) for row in await _assignment_rows(graph, challenge["id"])
    }
    planned = assignment.plan(
        [entry["id"] for entry in entries],
        judges,
        per_submission=per_submission,
        existing=existing,
        blocked=blocked,
    )
    if planned.new:
        pairs = [{"judge": judge, "submission": submission} for judge, submission in planned.new]
        await graph.run(ASSIGN, {"pairs": pairs, "now": utc_iso(now_utc(now))})
    return planned, conflicts


async def score(
    *,
    graph: GraphEngine,
    submission_id: str,
    judge_id: str,
    scores: Mapping[str, Any],
    comment: str | None = None,
    now: datetime | None = None,
) -> dict[str, float]:
    """A judge's score sheet for an assigned submission (again: replaces it), in judging."""
    checker = Checker()
    submission = checker.node_id("submissionId", submission_id)
    judge = checker.node_id("judgeId", judge_id)
    note = checker.text("comment", comment, max_length=5000)
    checker.done()
    rows = await graph.run(SCORE_STATE, {"judge": judge, "submission": submission})
    if not rows:
        raise NotFound("no submission has this id", "submissionId")
    state = rows[0]
    if not state["assigned"]:
        raise NotAssigned("this submission is not assigned to this judge", "submissionId")
    if state["phase"] != Phase.JUDGING.value:
        raise WrongPhase(f"scores are given during judging; the challenge is in {state['phase']}")
    rubric = from_json(state["rubric"])
    if not rubric:
        raise WrongPhase("the organiser has not set a rubric for this challenge", "scores")
    found = check_scores(rubric, scores)
    params = {
        "judge": judge,
        "submission": submission,
        "scores": json.dumps(found, sort_keys=True),
        "comment": note,
        "now": utc_iso(now_utc(now)),
    }
    if not await graph.run(SCORE, params):
        raise WrongPhase("judging closed meanwhile", "submissionId")
    return found


async def assigned_to(
    *, graph: GraphEngine, challenge_id: str, judge_id: str
) -> list[dict[str, Any]]:
    """What one judge may see: their assignments, with their own scores and comment."""
    judge = check_id("judgeId", judge_id)
    rows = await _assignment_rows(graph, check_id("challengeId", challenge_id))
    return [_sheet(row) for row in rows if row["judge"] == judge]


async def progress(*, graph: GraphEngine, challenge_id: str) -> list[dict[str, Any]]:
    """Per judge of the panel: assigned and scored counts, in panel order."""
    challenge = check_id("challengeId", challenge_id)
    counts: dict[str, dict[str, Any]] = {
        row["judge"]: {"judge": row["judge"], "name": row["name"], "assigned": 0, "scored": 0}
        for row in await panel(graph=graph, challenge_id=challenge)
    }
    for row in await _assignment_rows(graph, challenge):
        entry = counts.setdefault(
            row["judge"], {"judge": row["judge"], "name": row["name"], "assigned": 0, "scored": 0}
        )
        entry["assigned"] += 1
        entry["scored"] += row["scores"] is not None
    return list(counts.values())


async def sheets(*, graph: GraphEngine, challenge_id: str) -> list[dict[str, Any]]:
    """Every score sheet with its private comment: for the organisers only."""
    return [
        _sheet(row) for row in await _assignment_rows(graph, check_id("challengeId", challenge_id))
    ]


async def results(
    *, graph: GraphEngine, challenge_id: str, normalise: bool = False
) -> list[ranking.Ranked]:
    """The ranking from every score sheet so far (see `ranking` for the tie-breaks)."""
    challenge = await get_challenge(graph=graph, challenge_id=challenge_id)
    rubric = from_json(challenge.get("rubric"))
    if not rubric:
        raise WrongPhase("the organiser has not set a rubric for this challenge", "challengeId")
    entries = [
        ranking.Entry(
            submission=entry["id"],
            team=entry["team"],
            team_name=entry["team_name"],
            created_at=entry["created_at"],
        )
        for entry in await submissions_of(graph=graph, challenge_id=challenge["id"])
    ]
    scored = [
        ranking.Sheet(row["judge"], row["submission"], json.loads(row["scores"]))
        for row in await _assignment_rows(graph, challenge["id"])
        if row["scores"] is not None
    ]
    return ranking.rank(rubric, entries, scored, normalise=normalise)


async def _assignment_rows(graph: GraphEngine, challenge: str) -> list[dict[str, Any]]:
    return [dict(row) for row in await graph.run(ASSIGNMENTS, {"challenge": challenge})]


async def _team_of(graph: GraphEngine, challenge: str, submission: str) -> str:
    for entry in await submissions_of(graph=graph, challenge_id=challenge):
        if entry["id"] == submission:
            return str(entry["team"])
    raise NotFound("no submission has this id", "submissionId")


def _sheet(row: Mapping[str, Any]) -> dict[str, Any]:
    return {
        "judge": row["judge"],
        "submission": row["submission"],
        "team": row["team"],
        "scores": json.loads(row["scores"]) if row["scores"] else None,
        "comment": row["comment"],
        "scored_at": row["scored_at"],
    }
