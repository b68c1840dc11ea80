"""A whole challenge through the challenge GraphQL surface on the embedded graph: create,
publish, six teams, submissions (one late), judges (one refused for a conflict), scores,
awards, results and the winners' follow-up."""

from __future__ import annotations

from datetime import datetime
from typing import Any

import pytest
import strawberry
from strawberry.tools import merge_types

from graph import GraphEngine
from hub.api import challenge_common
from hub.api.challenge_mutations import ChallengeLifecycleMutation
from hub.api.challenge_queries import ChallengeLifecycleQuery
from hub.api.context import Context, Loaders
from hub.ecosystem.ids import to_global_id
from tests.challenges.factories import (
    AFTER_DEADLINE,
    BEFORE,
    DEADLINE,
    DURING_REGISTRATION,
    DURING_SUBMISSION,
    REGISTRATION,
    SUBMISSIONS,
    link,
    node,
)

SCHEMA = strawberry.Schema(
    query=merge_types("Query", (ChallengeLifecycleQuery,)),
    mutation=merge_types("Mutation", (ChallengeLifecycleMutation,)),
)
ERRORS = "errors { code field message path { label name relation } }"


class Client:
    def __init__(self, graph: GraphEngine, monkeypatch: pytest.MonkeyPatch) -> None:
        self.graph = graph
        self.monkeypatch = monkeypatch

    def at(self, moment: datetime) -> None:
        self.monkeypatch.setattr(challenge_common, "clock", lambda: moment)

    async def __call__(self, query: str, **variables: Any) -> dict[str, Any]:
        context = Context(graph=self.graph, loaders=Loaders(self.graph))
        result = await SCHEMA.execute(query, variable_values=variables, context_value=context)
        assert result.errors is None, result.errors
        assert result.data is not None
        return result.data


def gid(type_name: str, node_id: str) -> str:
    return to_global_id(type_name, node_id)


async def test_a_challenge_from_call_for_ideas_to_award(
    graph: GraphEngine, monkeypatch: pytest.MonkeyPatch
) -> None:
    gql = Client(graph, monkeypatch)
    municipality = await node(graph, "Organisation", "Municipality of Thessaloniki")
    gql.at(BEFORE)
    created = await gql(
        f"""mutation($input: ChallengeInput!) {{ createChallenge(input: $input) {{
            challenge {{ id phase maxTeamSize schedule {{ submissionDeadline timezone }}
                        prizes {{ kind amount currency }} }} {ERRORS} }} }}""",
        input={
            "title": {"el": "Κινητικότητα 2027", "en": "Mobility 2027"},
            "organiserIds": [gid("Organisation", municipality)],
            "themes": ["mobility"],
            "skillsSought": ["GIS", "UX"],
            "prizes": [
                {"kind": "MONEY", "rank": 1, "amount": 5000, "currency": "EUR"},
                {"kind": "IN_KIND", "rank": 2, "description": {"en": "OK!Thess incubation"}},
            ],
            "schedule": {
                "timezone": "Europe/Athens",
                "registrationOpens": REGISTRATION.isoformat(),
                "submissionOpens": SUBMISSIONS.isoformat(),
                "submissionDeadline": DEADLINE.isoformat(),
            },
            "maxTeamSize": 4,
        },
    )
    payload = created["createChallenge"]
    assert payload["errors"] == []
    details = payload["challenge"]
    assert details["phase"] == "DRAFT"
    assert details["schedule"] == {
        "submissionDeadline": "2027-03-01T18:00:00+02:00",
        "timezone": "Europe/Athens",
    }
    challenge_id = details["id"]
    move = f"""mutation($id: ID!, $phase: ChallengePhase!) {{ moveChallenge(id: $id, phase: $phase)
        {{ challenge {{ phase }} {ERRORS} }} }}"""
    assert (await gql(move, id=challenge_id, phase="PUBLISHED"))["moveChallenge"]["errors"] == []
    early = (await gql(move, id=challenge_id, phase="REGISTRATION"))["moveChallenge"]
    assert early["errors"][0]["message"] == (
        "cannot open registration before 2027-01-10 09:00 Europe/Athens"
    )
    gql.at(DURING_REGISTRATION)
    await gql(move, id=challenge_id, phase="REGISTRATION")

    leads: dict[str, str] = {}
    team_ids: dict[str, str] = {}
    for name in ("Alpha", "Beta", "Gamma", "Delta", "Epsilon", "Zeta"):
        leads[name] = await node(graph, "Person", f"{name} lead")
        made = await gql(
            f"""mutation($c: ID!, $lead: ID!, $name: String!) {{
                createTeam(challengeId: $c, leadId: $lead, name: $name) {{
                    team {{ id name members {{ role }} }} {ERRORS} }} }}""",
            c=challenge_id,
            lead=gid("Person", leads[name]),
            name=name,
        )
        assert made["createTeam"]["team"]["members"] == [{"role": "lead"}]
        team_ids[name] = made["createTeam"]["team"]["id"]
    before = graph.round_trips
    listed = await gql(
        "query($c: ID!) { challengeTeams(challengeId: $c) { name members { name role } } }",
        c=challenge_id,
    )
    assert graph.round_trips - before == 2  # the teams, then all their members at once
    assert [t["name"] for t in listed["challengeTeams"]] == sorted(team_ids)
    assert listed["challengeTeams"][0]["members"] == [{"name": "Alpha lead", "role": "lead"}]
    designer = await node(graph, "Person", "Designer", skills=["ux"])
    suggested = await gql(
        "query($c: ID!, $p: ID!) { suggestTeams(challengeId: $c, personId: $p) "
        "{ name size maxSize gaps fills } }",
        c=challenge_id,
        p=gid("Person", designer),
    )
    assert suggested["suggestTeams"][0] == {
        "name": "Alpha",
        "size": 1,
        "maxSize": 4,
        "gaps": ["GIS", "UX"],
        "fills": ["UX"],
    }
    gql.at(DURING_SUBMISSION)
    await gql(move, id=challenge_id, phase="SUBMISSION")
    rubric = await gql(
        f"""mutation($c: ID!, $criteria: [CriterionInput!]!) {{
            setChallengeRubric(challengeId: $c, criteria: $criteria) {{ ok {ERRORS} }} }}""",
        c=challenge_id,
        criteria=[
            {"key": "impact", "name": "Impact", "weight": 2, "minimum": 1, "maximum": 5},
            {"key": "data", "name": "Open data", "weight": 1, "minimum": 0, "maximum": 10},
        ],
    )
    assert rubric["setChallengeRubric"]["ok"]

    submit = """mutation($team: ID!, $author: ID!, $input: SubmissionInput!) {
        submit(teamId: $team, authorId: $author, input: $input) {
            submission { id version }
            errors { code field message existingSubmissionId } } }"""
    submission_ids: dict[str, str] = {}
    for name in ("Alpha", "Beta", "Gamma", "Delta", "Epsilon"):
        sent = await gql(
            submit,
            team=team_ids[name],
            author=gid("Person", leads[name]),
            input={"title": f"{name} app", "summary": "An idea for the city."},
        )
        submission_ids[name] = sent["submit"]["submission"]["id"]
    again = await gql(
        submit,
        team=team_ids["Alpha"],
        author=gid("Person", leads["Alpha"]),
        input={"title": "Alpha again", "summary": "x"},
    )
    assert again["submit"]["errors"][0]["code"] == "ALREADY_SUBMITTED"
    assert again["submit"]["errors"][0]["existingSubmissionId"] == submission_ids["Alpha"]
    gql.at(AFTER_DEADLINE)
    late = await gql(
        submit,
        team=team_ids["Zeta"],
        author=gid("Person", leads["Zeta"]),
        input={"title": "Zeta app", "summary": "Too late."},
    )
    assert late["submit"]["submission"] is None
    assert late["submit"]["errors"] == [
        {
            "code": "DEADLINE_PASSED",
            "field": "teamId",
            "message": (
                "too late: the submission deadline 2027-03-01 18:00 Europe/Athens has passed"
            ),
            "existingSubmissionId": None,
        }
    ]

    # three judges; the third works where Alpha's lead works
    judges = [await node(graph, "Person", f"Judge {i}") for i in range(3)]
    employer = await node(graph, "Organisation", "Alpha Analytics")
    await link(graph, leads["Alpha"], "AFFILIATED_WITH", employer)
    await link(graph, judges[2], "AFFILIATED_WITH", employer)
    for judge in judges:
        added = await gql(
            f"""mutation($c: ID!, $p: ID!) {{ addJudge(challengeId: $c, personId: $p) {{
                ok conflicts {{ teamId }} {ERRORS} }} }}""",
            c=challenge_id,
            p=gid("Person", judge),
        )
        assert added["addJudge"]["ok"]
    assert added["addJudge"]["conflicts"] == [{"teamId": team_ids["Alpha"]}]
    refused = await gql(
        f"""mutation($s: ID!, $j: ID!) {{ assignJudge(submissionId: $s, judgeId: $j) {{
            ok {ERRORS} }} }}""",
        s=submission_ids["Alpha"],
        j=gid("Person", judges[2]),
    )
    error = refused["assignJudge"]["errors"][0]
    assert error["code"] == "CONFLICT_OF_INTEREST"
    assert [(p["label"], p["name"], p["relation"]) for p in error["path"]] == [
        ("Person", "Judge 2", "AFFILIATED_WITH"),
        ("Organisation", "Alpha Analytics", "AFFILIATED_WITH"),
        ("Person", "Alpha lead", "TEAM_MEMBER"),
        ("Team", "Alpha", None),
    ]
    assigned = await gql(
        """mutation($c: ID!) { assignJudges(challengeId: $c, perSubmission: 2) {
            assigned shortSubmissionIds conflicts { teamId } errors { code message } } }""",
        c=challenge_id,
    )
    assert assigned["assignJudges"]["assigned"] == 10
    assert assigned["assignJudges"]["shortSubmissionIds"] == []

    await gql(move, id=challenge_id, phase="JUDGING")
    points = {"Alpha": (5, 9), "Beta": (4, 10), "Gamma": (3, 4), "Delta": (2, 8), "Epsilon": (1, 1)}
    by_submission = {sid: name for name, sid in submission_ids.items()}
    for judge in judges:
        mine = await gql(
            """query($c: ID!, $j: ID!) { judgeAssignments(challengeId: $c, judgeId: $j) {
                submissionId scores } }""",
            c=challenge_id,
            j=gid("Person", judge),
        )
        for sheet in mine["judgeAssignments"]:
            impact, data = points[by_submission[sheet["submissionId"]]]
            scored = await gql(
                f"""mutation($s: ID!, $j: ID!, $scores: JSON!) {{
                    scoreSubmission(submissionId: $s, judgeId: $j, scores: $scores,
                        comment: "private") {{ ok {ERRORS} }} }}""",
                s=sheet["submissionId"],
                j=gid("Person", judge),
                scores={"impact": impact, "data": data},
            )
            assert scored["scoreSubmission"]["ok"], scored
    progress = await gql(
        "query($c: ID!) { judgingProgress(challengeId: $c) { assigned scored } }", c=challenge_id
    )
    assert sorted((p["assigned"], p["scored"]) for p in progress["judgingProgress"]) == [
        (3, 3),
        (3, 3),
        (4, 4),
    ]
    results_query = "query($c: ID!) { challengeResults(challengeId: $c) { rank teamName } }"
    assert (await gql(results_query, c=challenge_id))["challengeResults"] == []  # not yet public
    ranking = await gql(
        "query($c: ID!) { challengeRanking(challengeId: $c) { rank teamName teamId } }",
        c=challenge_id,
    )
    ranked = ranking["challengeRanking"]
    assert [r["teamName"] for r in ranked] == ["Alpha", "Beta", "Gamma", "Delta", "Epsilon"]

    awarded = await gql(
        f"""mutation($c: ID!, $p: [PlacementInput!]!) {{
            recordAwards(challengeId: $c, placements: $p) {{
                winners {{ awardId teamName rank prize {{ en }} }} {ERRORS} }} }}""",
        c=challenge_id,
        p=[{"teamId": r["teamId"], "rank": r["rank"]} for r in ranked[:2]],
    )
    winners = awarded["recordAwards"]["winners"]
    assert [(w["teamName"], w["rank"], w["prize"]["en"]) for w in winners] == [
        ("Alpha", 1, "5.000 EUR"),
        ("Beta", 2, "OK!Thess incubation"),
    ]
    public = await gql(results_query, c=challenge_id)
    assert [r["teamName"] for r in public["challengeResults"]][:2] == ["Alpha", "Beta"]
    csv_text = await gql("query($c: ID!) { challengeResultsCsv(challengeId: $c) }", c=challenge_id)
    assert csv_text["challengeResultsCsv"].splitlines()[1].startswith("1,Alpha,")

    programme = await node(graph, "Programme", "OK!Thess acceleration")
    followed = await gql(
        f"""mutation($a: ID!, $p: ID!) {{ setOnboardingStatus(awardId: $a, status: "referred",
            programmeId: $p) {{ ok {ERRORS} }} }}""",
        a=winners[0]["awardId"],
        p=gid("Programme", programme),
    )
    assert followed["setOnboardingStatus"]["ok"]
    past = await gql("query { challengeWinners(since: 2027) { teamName onboardingStatus year } }")
    assert past["challengeWinners"] == [
        {"teamName": "Alpha", "onboardingStatus": "referred", "year": 2027},
        {"teamName": "Beta", "onboardingStatus": None, "year": 2027},
    ]
    jsonld = await gql("query($c: ID!) { challengeJsonLd(challengeId: $c) }", c=challenge_id)
    assert jsonld["challengeJsonLd"]["organizer"][0]["name"] == "Municipality of Thessaloniki"
