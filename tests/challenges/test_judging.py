"""Judging on the embedded graph: conflicts of interest with paths, balanced assignment,
scores, progress, results, awards across years and the follow-up status."""

from __future__ import annotations

import pytest

from challenges import awards, challenge, followup, judging, submissions
from challenges.errors import (
    ConflictOfInterest,
    InvalidTransition,
    NotAssigned,
    NotFound,
    WrongPhase,
)
from graph import GraphEngine
from tests.challenges.factories import (
    AFTER_DEADLINE,
    DURING_SUBMISSION,
    link,
    node,
    open_challenge,
    team_with,
)

RUBRIC = [
    {"key": "impact", "name": "Impact", "weight": 2, "minimum": 1, "maximum": 5},
    {"key": "data", "name": "Use of open data", "weight": 1, "minimum": 0, "maximum": 10},
]


async def submitted(graph: GraphEngine, challenge_id: str, name: str) -> tuple[str, str, str]:
    team, lead = await team_with(graph, challenge_id, name)
    entry = await submissions.submit(
        graph=graph,
        team_id=team,
        author_id=lead,
        data={"title": f"{name} app", "summary": "An idea."},
        now=DURING_SUBMISSION,
    )
    return team, lead, str(entry["id"])


async def test_conflicts_of_interest_are_found_with_their_paths(graph: GraphEngine) -> None:
    live = await open_challenge(graph, until="submission")
    team, lead, entry = await submitted(graph, live["id"], "CityFlow")
    certh = await node(graph, "Organisation", "CERTH")
    startup = await node(graph, "Organisation", "CityFlow IKE")
    await link(graph, lead, "AFFILIATED_WITH", startup)
    colleague = await node(graph, "Person", "Colleague of the lead")
    await link(graph, colleague, "AFFILIATED_WITH", startup)
    partner = await node(graph, "Person", "Researcher at a partner")
    await link(graph, partner, "AFFILIATED_WITH", certh)
    project = await node(graph, "Project", "MobiThess")
    await link(graph, certh, "PARTICIPATED_IN", project)
    await link(graph, startup, "PARTICIPATED_IN", project)
    neutral = await node(graph, "Person", "Neutral judge")
    for judge in (colleague, partner, neutral):
        await judging.add_judge(graph=graph, challenge_id=live["id"], person_id=judge)

    with pytest.raises(ConflictOfInterest) as same_org:
        await judging.assign(graph=graph, submission_id=entry, judge_id=colleague)
    assert [(s.label, s.name, s.relation) for s in same_org.value.path] == [
        ("Person", "Colleague of the lead", "AFFILIATED_WITH"),
        ("Organisation", "CityFlow IKE", "AFFILIATED_WITH"),
        ("Person", "CityFlow lead", "TEAM_MEMBER"),
        ("Team", "CityFlow", None),
    ]
    assert same_org.value.code == "CONFLICT_OF_INTEREST"
    assert "Colleague of the lead -AFFILIATED_WITH- CityFlow IKE" in same_org.value.message
    with pytest.raises(ConflictOfInterest) as partnered:
        await judging.assign(graph=graph, submission_id=entry, judge_id=partner)
    assert [s.name for s in partnered.value.path] == [
        "Researcher at a partner",
        "CERTH",
        "MobiThess",
        "CityFlow IKE",
        "CityFlow lead",
        "CityFlow",
    ]
    await judging.assign(graph=graph, submission_id=entry, judge_id=neutral)
    conflicts = await judging.add_judge(graph=graph, challenge_id=live["id"], person_id=lead)
    assert [(t, [s.relation for s in path]) for t, path in conflicts] == [
        (team, ["TEAM_MEMBER", None])
    ]


async def test_a_whole_judging_round_ends_in_awards_and_follow_up(graph: GraphEngine) -> None:
    live = await open_challenge(graph, until="submission")
    await judging.set_rubric(graph=graph, challenge_id=live["id"], criteria=RUBRIC)
    entries = [await submitted(graph, live["id"], name) for name in ("Alpha", "Beta", "Gamma")]
    judges = [await node(graph, "Person", f"Judge {i}") for i in range(3)]
    for judge in judges:
        await judging.add_judge(graph=graph, challenge_id=live["id"], person_id=judge)
    # Judge 0 works where Alpha's lead works: never assigned to Alpha
    employer = await node(graph, "Organisation", "Alpha Labs")
    await link(graph, entries[0][1], "AFFILIATED_WITH", employer)
    await link(graph, judges[0], "AFFILIATED_WITH", employer)
    plan, conflicts = await judging.assign_balanced(
        graph=graph, challenge_id=live["id"], per_submission=2
    )
    assert (judges[0], entries[0][2]) not in plan.new
    assert (judges[0], entries[0][0]) in conflicts
    assert sorted(plan.load.values()) == [2, 2, 2]
    again, _ = await judging.assign_balanced(graph=graph, challenge_id=live["id"], per_submission=2)
    assert again.new == []

    with pytest.raises(WrongPhase):
        await judging.score(
            graph=graph,
            submission_id=entries[1][2],
            judge_id=next(j for j, s in plan.new if s == entries[1][2]),
            scores={"impact": 3, "data": 3},
        )
    await challenge.transition(
        graph=graph, challenge_id=live["id"], target="judging", now=AFTER_DEADLINE
    )
    with pytest.raises(WrongPhase):
        await judging.set_rubric(graph=graph, challenge_id=live["id"], criteria=RUBRIC)
    scores = {"Alpha": (5, 9), "Beta": (4, 10), "Gamma": (2, 2)}
    names = {entry: name for name, (_, _, entry) in zip(scores, entries, strict=True)}
    for judge, entry in plan.new:
        impact, data = scores[names[entry]]
        await judging.score(
            graph=graph,
            submission_id=entry,
            judge_id=judge,
            scores={"impact": impact, "data": data},
            comment=f"private note on {names[entry]}",
        )
    unassigned = next(j for j in judges if (j, entries[0][2]) not in plan.new)
    with pytest.raises(NotAssigned):
        await judging.score(
            graph=graph, submission_id=entries[0][2], judge_id=unassigned, scores={}
        )
    progress = await judging.progress(graph=graph, challenge_id=live["id"])
    assert [(p["assigned"], p["scored"]) for p in progress] == [(2, 2)] * 3
    mine = await judging.assigned_to(graph=graph, challenge_id=live["id"], judge_id=judges[0])
    assert {m["submission"] for m in mine} == {e for j, e in plan.new if j == judges[0]}

    ranked = await judging.results(graph=graph, challenge_id=live["id"])
    assert [r.team_name for r in ranked] == ["Alpha", "Beta", "Gamma"]
    with pytest.raises(NotFound):
        await awards.public_results(graph=graph, challenge_id=live["id"])

    winners = await awards.record_awards(
        graph=graph,
        challenge_id=live["id"],
        placements=[{"team_id": r.team, "rank": r.rank} for r in ranked[:2]],
    )
    assert [(w["team_name"], w["rank"], w["prize_en"]) for w in winners] == [
        ("Alpha", 1, "5.000 EUR"),
        ("Beta", 2, "Six months at OK!Thess"),
    ]
    stored = await challenge.get_challenge(graph=graph, challenge_id=live["id"])
    assert stored["phase"] == "awarded"
    public = await awards.public_results(graph=graph, challenge_id=live["id"])
    assert [r.team_name for r in public] == ["Alpha", "Beta", "Gamma"]
    with pytest.raises(InvalidTransition):
        await awards.record_awards(
            graph=graph, challenge_id=live["id"], placements=[{"team_id": entries[2][0], "rank": 3}]
        )
    since = await awards.winners(graph=graph, since=2027, theme="mobility")
    assert [w["team_name"] for w in since] == ["Alpha", "Beta"]

    award = winners[0]["award"]
    programme = await node(graph, "Programme", "OK!Thess incubation")
    referred = await followup.set_onboarding(
        graph=graph, award_id=award, status="referred", programme_id=programme
    )
    assert referred["onboarding_status"] == "referred"
    await followup.set_onboarding(graph=graph, award_id=award, status="in_programme")
    with pytest.raises(InvalidTransition) as backwards:
        await followup.set_onboarding(graph=graph, award_id=award, status="accepted")
    assert (
        backwards.value.message == "onboarding goes forward only: the team is already in programme"
    )
    followed = await awards.winners(graph=graph, challenge_id=live["id"])
    assert (followed[0]["onboarding_status"], followed[0]["programme"]) == (
        "in_programme",
        programme,
    )
