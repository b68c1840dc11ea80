"""A whole challenge through GraphQL over HTTP on the real app (the real schema, the HTTP
guard, signed-in accounts) and the embedded graph: create, publish, six teams,
submissions (one late, refused with the deadline named), three judges (one refused for a
conflict of interest, with the path), scores, awards, public results and the winners'
follow-up pack. Each person acts as themself: a team, a judge, an organiser, the public.
"""

from __future__ import annotations

from contextlib import AsyncExitStack
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest

from graph.embedded import EmbeddedServer
from graph.falkordb_engine import FalkorDBEngine
from hub.api import challenge_common
from hub.ecosystem import crud, funding_calls, organisations, people, programmes
from hub.ecosystem.ids import from_global_id
from hub.suggestions.models import EmbedderHolder
from hub.suggestions.store import embed_stale
from tests.challenges.factories import (
    AFTER_DEADLINE,
    BEFORE,
    DEADLINE,
    DURING_REGISTRATION,
    DURING_SUBMISSION,
    REGISTRATION,
    SUBMISSIONS,
    link,
)
from tests.hub.api.challenge_app import Client, browser, running_app, sign_in

ERRORS = "errors { code field message path { label name relation } }"
TEAMS = ("Alpha", "Beta", "Gamma", "Delta", "Epsilon", "Zeta")
SUBMIT = """mutation($team: ID!, $input: SubmissionInput!) {
    submit(teamId: $team, input: $input) {
        submission { id version } errors { code field message existingSubmissionId } } }"""
EDIT = """mutation($id: ID!, $version: Int!, $input: SubmissionInput!) {
    editSubmission(id: $id, version: $version, input: $input) {
        submission { title version } errors { code field message } } }"""
MOVE = f"""mutation($id: ID!, $phase: ChallengePhase!) {{ moveChallenge(id: $id, phase: $phase)
    {{ challenge {{ phase }} {ERRORS} }} }}"""
FOLLOW_UP = """query($c: ID!) { challengeFollowUp(challengeId: $c) {
    winner { teamName rank onboardingStatus }
    programmes { programme { name } relevance }
    mentors { person { name } }
    partners { organisation { name } }
    fundingCalls { fundingCall { identifier } } } }"""


async def ecosystem(graph: FalkorDBEngine, holder: EmbedderHolder) -> dict[str, str]:
    """OK!Thess with two running programmes and a mentor, possible partners and funding
    calls, all embedded: what the follow-up pack draws on."""

    async def make(resource: crud.Resource[Any], data: dict[str, Any]) -> str:
        return str((await crud.create(graph, resource, data))["id"])

    ids = {
        "okthess": await make(
            organisations.ORGANISATIONS,
            {"name": "OK!Thess", "kind": "INCUBATOR", "city": "Θεσσαλονίκη"},
        ),
        "mobility programme": await make(
            programmes.PROGRAMMES,
            {
                "name": "OK!Thess Smart Mobility Accelerator",
                "description": {
                    "en": "Six months of acceleration for start-ups in urban mobility, public "
                    "transport, traffic data and route planning."
                },
                "starts_on": "2027-04-01",
                "ends_on": "2027-12-15",
            },
        ),
        "food programme": await make(
            programmes.PROGRAMMES,
            {
                "name": "OK!Thess Agrifood Lab",
                "description": {
                    "en": "A cohort for olive oil producers, wineries and food exporters."
                },
                "starts_on": "2027-04-01",
                "ends_on": "2027-12-15",
            },
        ),
        "mentor": await make(
            people.PEOPLE,
            {
                "name": "Maria Mentor",
                "roles": ["MENTOR"],
                "is_public": True,
                "skills": ["public transport", "GTFS", "mobility data"],
            },
        ),
        "private mentor": await make(
            people.PEOPLE,
            {"name": "Private Mentor", "roles": ["MENTOR"], "skills": ["public transport"]},
        ),
        "transit partner": await make(
            organisations.ORGANISATIONS,
            {
                "name": "Thessaloniki Transit Analytics",
                "kind": "STARTUP",
                "description": {
                    "en": "Real-time bus arrival prediction and public transport data "
                    "analytics for cities."
                },
            },
        ),
        "olive partner": await make(
            organisations.ORGANISATIONS,
            {
                "name": "Halkidiki Olive Exporters",
                "kind": "SME",
                "description": {"en": "Exports olive oil and table olives to Europe."},
            },
        ),
        "mobility call": await make(
            funding_calls.FUNDING_CALLS,
            {
                "identifier": "HORIZON-CL5-2027-D6-01",
                "title": {"en": "Data-driven urban mobility and public transport services"},
                "deadline": "2028-01-15T17:00:00+01:00",
            },
        ),
        "farming call": await make(
            funding_calls.FUNDING_CALLS,
            {
                "identifier": "HORIZON-CL6-2027-FARM-01",
                "title": {"en": "Robotics for olive groves and vineyards"},
                "deadline": "2028-01-15T17:00:00+01:00",
            },
        ),
    }
    await link(graph, ids["okthess"], "RUNS", ids["mobility programme"])
    await link(graph, ids["okthess"], "RUNS", ids["food programme"])
    await link(graph, ids["mentor"], "MENTORS", ids["mobility programme"])
    await link(graph, ids["private mentor"], "MENTORS", ids["mobility programme"])
    await embed_stale(graph, holder.get(), model=holder.model_id)
    return ids


async def test_a_challenge_from_call_for_ideas_to_award_over_http(
    graph: FalkorDBEngine,
    embedded_server: EmbeddedServer,
    holder: EmbedderHolder,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    def at(moment: datetime) -> None:
        monkeypatch.setattr(challenge_common, "clock", lambda: moment)

    await ecosystem(graph, holder)
    async with (
        running_app(graph, embedded_server, holder, tmp_path) as app,
        AsyncExitStack() as stack,
    ):

        async def signed_in(email: str, name: str) -> Client:
            client = await stack.enter_async_context(browser(app))
            return await sign_in(client, graph, email, name)

        public = await stack.enter_async_context(browser(app))
        organiser = await signed_in("organiser@thessaloniki.gr", "Olga Organiser")
        alpha_member = await signed_in("member@example.org", "Alpha member")
        municipality = (
            await organiser(
                'mutation { createOrganisation(input: {name: "Municipality of Thessaloniki", '
                "kind: PUBLIC_BODY}) { organisation { id } errors { code } } }"
            )
        )["createOrganisation"]["organisation"]["id"]

        # the organiser (a member of the municipality, which organises it) creates a draft
        at(BEFORE)
        created = (
            await organiser(
                f"""mutation($input: ChallengeInput!) {{ createChallenge(input: $input) {{
                    challenge {{ id phase schedule {{ submissionDeadline timezone }} }}
                    {ERRORS} }} }}""",
                input={
                    "title": {"el": "Κινητικότητα 2027", "en": "Mobility 2027"},
                    "organiserIds": [municipality],
                    "themes": ["mobility", "public transport"],
                    "skillsSought": ["GIS", "UX"],
                    "prizes": [
                        {"kind": "MONEY", "rank": 1, "amount": 5000, "currency": "EUR"},
                        {
                            "kind": "IN_KIND",
                            "rank": 2,
                            "description": {"en": "OK!Thess incubation"},
                        },
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
        )["createChallenge"]
        assert created["errors"] == []
        assert created["challenge"]["phase"] == "DRAFT"
        assert created["challenge"]["schedule"] == {
            "submissionDeadline": "2027-03-01T18:00:00+02:00",
            "timezone": "Europe/Athens",
        }
        challenge_id = created["challenge"]["id"]
        details = (
            "query($id: ID!) { challengeDetails(id: $id) { phase } challenge(id: $id) { year } }"
        )
        # a draft is the organisers' business: the public sees nothing of it
        assert await public(details, id=challenge_id) == {
            "challengeDetails": None,
            "challenge": None,
        }
        assert (await organiser(details, id=challenge_id))["challengeDetails"] == {"phase": "DRAFT"}
        assert (await public.http.get(f"/challenges/{challenge_id}.jsonld")).status_code == 404
        # only its organisers move it
        refused = (await alpha_member(MOVE, id=challenge_id, phase="PUBLISHED"))["moveChallenge"]
        assert [e["code"] for e in refused["errors"]] == ["FORBIDDEN"]
        assert [
            e["code"]
            for e in (await public(MOVE, id=challenge_id, phase="PUBLISHED"))["moveChallenge"][
                "errors"
            ]
        ] == ["UNAUTHENTICATED"]
        moved = await organiser(MOVE, id=challenge_id, phase="PUBLISHED")
        assert moved["moveChallenge"]["errors"] == []
        early = (await organiser(MOVE, id=challenge_id, phase="REGISTRATION"))["moveChallenge"]
        assert early["errors"][0]["message"] == (
            "cannot open registration before 2027-01-10 09:00 Europe/Athens"
        )
        assert (await public(details, id=challenge_id))["challengeDetails"] == {
            "phase": "PUBLISHED"
        }
        jsonld = await public.http.get(f"/challenges/{challenge_id}.jsonld")
        assert jsonld.status_code == 200
        assert jsonld.headers["content-type"].startswith("application/ld+json")
        assert jsonld.json()["organizer"][0]["name"] == "Municipality of Thessaloniki"
        at(DURING_REGISTRATION)
        await organiser(MOVE, id=challenge_id, phase="REGISTRATION")

        # six teams, each created by its signed-in lead, who leads it
        leads: dict[str, Client] = {}
        team_ids: dict[str, str] = {}
        for name in TEAMS:
            lead = await signed_in(f"{name.lower()}@example.org", f"{name} lead")
            leads[name] = lead
            made = (
                await lead(
                    f"""mutation($c: ID!, $name: String!) {{
                        createTeam(challengeId: $c, name: $name) {{
                            team {{ id name members {{ name role personId }} }} {ERRORS} }} }}""",
                    c=challenge_id,
                    name=name,
                )
            )["createTeam"]
            assert made["errors"] == []
            assert made["team"]["members"] == [
                {"name": f"{name} lead", "role": "lead", "personId": lead.person_id}
            ]
            team_ids[name] = made["team"]["id"]
        # Alpha's lead invites a member, who joins; nobody else can invite into Alpha
        invite = f"""mutation($t: ID!, $p: ID!) {{ inviteToTeam(teamId: $t, personId: $p) {{
            ok {ERRORS} }} }}"""
        outsider = await leads["Beta"](invite, t=team_ids["Alpha"], p=alpha_member.person_id)
        assert [e["code"] for e in outsider["inviteToTeam"]["errors"]] == ["FORBIDDEN"]
        invited = await leads["Alpha"](invite, t=team_ids["Alpha"], p=alpha_member.person_id)
        assert invited["inviteToTeam"]["errors"] == []
        joined = await alpha_member(
            f"mutation($t: ID!) {{ joinTeam(teamId: $t) {{ team {{ members {{ role }} }} "
            f"{ERRORS} }} }}",
            t=team_ids["Alpha"],
        )
        assert joined["joinTeam"]["team"]["members"] == [{"role": "lead"}, {"role": "member"}]
        # private profiles: the public sees the teams, not the names; the organiser does
        listing = "query($c: ID!) { challengeTeams(challengeId: $c) { name members { name } } }"
        before = graph.round_trips
        seen = (await public(listing, c=challenge_id))["challengeTeams"]
        assert graph.round_trips - before == 2  # the teams, then all their members at once
        assert [t["name"] for t in seen] == sorted(TEAMS)
        assert {m["name"] for t in seen for m in t["members"]} == {None}
        by_organiser = (await organiser(listing, c=challenge_id))["challengeTeams"]
        assert by_organiser[0]["members"] == [{"name": "Alpha lead"}, {"name": "Alpha member"}]

        at(DURING_SUBMISSION)
        await organiser(MOVE, id=challenge_id, phase="SUBMISSION")
        rubric = await organiser(
            f"""mutation($c: ID!, $criteria: [CriterionInput!]!) {{
                setChallengeRubric(challengeId: $c, criteria: $criteria) {{ ok {ERRORS} }} }}""",
            c=challenge_id,
            criteria=[
                {"key": "impact", "name": "Impact", "weight": 2, "minimum": 1, "maximum": 5},
                {"key": "data", "name": "Open data", "weight": 1, "minimum": 0, "maximum": 10},
            ],
        )
        assert rubric["setChallengeRubric"]["ok"]

        submission_ids: dict[str, str] = {}
        for name in TEAMS[:5]:
            sent = (
                await leads[name](
                    SUBMIT,
                    team=team_ids[name],
                    input={
                        "title": f"{name} app",
                        "summary": "Bus arrival predictions from open public transport data.",
                    },
                )
            )["submit"]
            assert sent["errors"] == []
            submission_ids[name] = sent["submission"]["id"]
        again = (
            await alpha_member(
                SUBMIT, team=team_ids["Alpha"], input={"title": "Again", "summary": "x"}
            )
        )["submit"]
        assert again["errors"][0]["code"] == "ALREADY_SUBMITTED"
        assert again["errors"][0]["existingSubmissionId"] == submission_ids["Alpha"]
        # a team cannot touch another team's submission, nor submit for it
        foreign = await leads["Beta"](
            EDIT, id=submission_ids["Alpha"], version=1, input={"title": "Taken over"}
        )
        assert [e["code"] for e in foreign["editSubmission"]["errors"]] == ["FORBIDDEN"]
        for_other = await leads["Beta"](
            SUBMIT, team=team_ids["Zeta"], input={"title": "x", "summary": "y"}
        )
        assert [e["code"] for e in for_other["submit"]["errors"]] == ["FORBIDDEN"]
        # its own member edits it; a stale version is a conflict, never a silent loss
        edited = await alpha_member(
            EDIT,
            id=submission_ids["Alpha"],
            version=1,
            input={
                "title": "Alpha: next bus",
                "summary": "Bus arrival predictions from open GTFS data of public transport.",
            },
        )
        assert edited["editSubmission"] == {
            "submission": {"title": "Alpha: next bus", "version": 2},
            "errors": [],
        }
        stale = await leads["Alpha"](
            EDIT, id=submission_ids["Alpha"], version=1, input={"title": "Lost?"}
        )
        assert [e["code"] for e in stale["editSubmission"]["errors"]] == ["VERSION_CONFLICT"]
        # a team sees its own submission only
        mine = "query($c: ID!) { challengeSubmissions(challengeId: $c) { title } }"
        assert (await leads["Beta"](mine, c=challenge_id))["challengeSubmissions"] == [
            {"title": "Beta app"}
        ]
        assert (await public(mine, c=challenge_id))["challengeSubmissions"] == []
        assert len((await organiser(mine, c=challenge_id))["challengeSubmissions"]) == 5

        at(AFTER_DEADLINE)
        late = (
            await leads["Zeta"](
                SUBMIT, team=team_ids["Zeta"], input={"title": "Zeta app", "summary": "Late."}
            )
        )["submit"]
        assert late == {
            "submission": None,
            "errors": [
                {
                    "code": "DEADLINE_PASSED",
                    "field": "teamId",
                    "message": (
                        "too late: the submission deadline 2027-03-01 18:00 Europe/Athens "
                        "has passed"
                    ),
                    "existingSubmissionId": None,
                }
            ],
        }

        # three judges; the third works where Alpha's lead works
        judges = [await signed_in(f"judge{i}@example.org", f"Judge {i}") for i in range(3)]
        employer = str(
            (
                await crud.create(
                    graph, organisations.ORGANISATIONS, {"name": "Alpha Analytics", "kind": "SME"}
                )
            )["id"]
        )
        await link(graph, _node_id(leads["Alpha"]), "AFFILIATED_WITH", employer)
        await link(graph, _node_id(judges[2]), "AFFILIATED_WITH", employer)
        add_judge = f"""mutation($c: ID!, $p: ID!) {{ addJudge(challengeId: $c, personId: $p) {{
            ok conflicts {{ teamId }} {ERRORS} }} }}"""
        by_judge = await judges[0](add_judge, c=challenge_id, p=judges[0].person_id)
        assert [e["code"] for e in by_judge["addJudge"]["errors"]] == ["FORBIDDEN"]
        for judge in judges:
            added = (await organiser(add_judge, c=challenge_id, p=judge.person_id))["addJudge"]
            assert added["ok"], added
        assert added["conflicts"] == [{"teamId": team_ids["Alpha"]}]
        refused_judge = (
            await organiser(
                f"""mutation($s: ID!, $j: ID!) {{ assignJudge(submissionId: $s, judgeId: $j) {{
                    ok {ERRORS} }} }}""",
                s=submission_ids["Alpha"],
                j=judges[2].person_id,
            )
        )["assignJudge"]
        assert refused_judge["ok"] is False
        (error,) = refused_judge["errors"]
        assert error["code"] == "CONFLICT_OF_INTEREST"
        assert error["message"].startswith("conflict of interest: ")
        assert [(p["label"], p["name"], p["relation"]) for p in error["path"]] == [
            ("Person", "Judge 2", "AFFILIATED_WITH"),
            ("Organisation", "Alpha Analytics", "AFFILIATED_WITH"),
            ("Person", "Alpha lead", "TEAM_MEMBER"),
            ("Team", "Alpha", None),
        ]
        conflicts = (
            "query($c: ID!) { judgeConflicts(challengeId: $c) { judgeId teamId path { name } } }"
        )
        assert (await organiser(conflicts, c=challenge_id))["judgeConflicts"] == [
            {
                "judgeId": judges[2].person_id,
                "teamId": team_ids["Alpha"],
                "path": [
                    {"name": "Judge 2"},
                    {"name": "Alpha Analytics"},
                    {"name": "Alpha lead"},
                    {"name": "Alpha"},
                ],
            }
        ]
        assert await judges[2].error_codes(conflicts, c=challenge_id) == ["FORBIDDEN"]
        assigned = (
            await organiser(
                """mutation($c: ID!) { assignJudges(challengeId: $c, perSubmission: 2) {
                    assigned shortSubmissionIds conflicts { teamId } errors { code } } }""",
                c=challenge_id,
            )
        )["assignJudges"]
        assert assigned["assigned"] == 10
        assert assigned["shortSubmissionIds"] == []

        await organiser(MOVE, id=challenge_id, phase="JUDGING")
        points = {
            "Alpha": (5, 9),
            "Beta": (4, 10),
            "Gamma": (3, 4),
            "Delta": (2, 8),
            "Epsilon": (1, 1),
        }
        by_submission = {sid: name for name, sid in submission_ids.items()}
        score = f"""mutation($s: ID!, $scores: JSON!) {{ scoreSubmission(submissionId: $s,
            scores: $scores, comment: "private to the organisers") {{ ok {ERRORS} }} }}"""
        assignments = (
            "query($c: ID!, $j: ID) { judgeAssignments(challengeId: $c, judgeId: $j) "
            "{ submissionId } }"
        )
        for judge in judges:
            sheets = (await judge(assignments, c=challenge_id))["judgeAssignments"]
            # a judge sees the submissions assigned to them, and nothing else
            visible = (await judge(mine, c=challenge_id))["challengeSubmissions"]
            assert len(visible) == len(sheets) > 0
            other = judges[(judges.index(judge) + 1) % 3].person_id
            assert await judge.error_codes(assignments, c=challenge_id, j=other) == ["FORBIDDEN"]
            for sheet in sheets:
                impact, data = points[by_submission[sheet["submissionId"]]]
                scored = await judge(
                    score, s=sheet["submissionId"], scores={"impact": impact, "data": data}
                )
                assert scored["scoreSubmission"]["ok"], scored
            unassigned = next(
                s for s in submission_ids.values() if s not in {x["submissionId"] for x in sheets}
            )
            not_mine = await judge(score, s=unassigned, scores={"impact": 1, "data": 1})
            assert [e["code"] for e in not_mine["scoreSubmission"]["errors"]] == ["NOT_ASSIGNED"]
        # a team member is no judge
        as_team = await leads["Beta"](score, s=submission_ids["Beta"], scores={"impact": 5})
        assert [e["code"] for e in as_team["scoreSubmission"]["errors"]] == ["FORBIDDEN"]
        # the comments are for the organisers
        sheets_query = "query($c: ID!) { challengeScoreSheets(challengeId: $c) { comment } }"
        every = (await organiser(sheets_query, c=challenge_id))["challengeScoreSheets"]
        assert [s["comment"] for s in every] == ["private to the organisers"] * 10
        assert await judges[0].error_codes(sheets_query, c=challenge_id) == ["FORBIDDEN"]
        progress = "query($c: ID!) { judgingProgress(challengeId: $c) { assigned scored } }"
        assert sorted(
            (p["assigned"], p["scored"])
            for p in (await organiser(progress, c=challenge_id))["judgingProgress"]
        ) == [(3, 3), (3, 3), (4, 4)]
        assert await judges[0].error_codes(progress, c=challenge_id) == ["FORBIDDEN"]
        ranking = "query($c: ID!) { challengeRanking(challengeId: $c) { rank teamName teamId } }"
        assert await public.error_codes(ranking, c=challenge_id) == ["UNAUTHENTICATED"]
        ranked = (await organiser(ranking, c=challenge_id))["challengeRanking"]
        assert [r["teamName"] for r in ranked] == ["Alpha", "Beta", "Gamma", "Delta", "Epsilon"]
        results = "query($c: ID!) { challengeResults(challengeId: $c) { rank teamName } }"
        assert (await public(results, c=challenge_id))["challengeResults"] == []
        csv_url = f"/challenges/{challenge_id}/results.csv"
        assert (await public.http.get(csv_url)).status_code == 404

        awarded = (
            await organiser(
                f"""mutation($c: ID!, $p: [PlacementInput!]!) {{
                    recordAwards(challengeId: $c, placements: $p) {{
                        winners {{ awardId teamName rank prize {{ en }} }} {ERRORS} }} }}""",
                c=challenge_id,
                p=[{"teamId": r["teamId"], "rank": r["rank"]} for r in ranked[:2]],
            )
        )["recordAwards"]
        winners = awarded["winners"]
        assert [(w["teamName"], w["rank"], w["prize"]["en"]) for w in winners] == [
            ("Alpha", 1, "5.000 EUR"),
            ("Beta", 2, "OK!Thess incubation"),
        ]
        # public results, as GraphQL and as CSV over HTTP
        public_results = (await public(results, c=challenge_id))["challengeResults"]
        assert [r["teamName"] for r in public_results][:2] == ["Alpha", "Beta"]
        csv_response = await public.http.get(csv_url)
        assert csv_response.status_code == 200
        assert csv_response.headers["content-type"].startswith("text/csv")
        assert csv_response.text.splitlines()[1].startswith("1,Alpha,")

        # the follow-up pack: for the organisers, each winner with where it could go next
        assert await public.error_codes(FOLLOW_UP, c=challenge_id) == ["UNAUTHENTICATED"]
        assert await leads["Alpha"].error_codes(FOLLOW_UP, c=challenge_id) == ["FORBIDDEN"]
        packs = (await organiser(FOLLOW_UP, c=challenge_id))["challengeFollowUp"]
        assert [(p["winner"]["teamName"], p["winner"]["rank"]) for p in packs] == [
            ("Alpha", 1),
            ("Beta", 2),
        ]
        alpha = packs[0]
        assert alpha["winner"]["onboardingStatus"] is None
        assert [p["programme"]["name"] for p in alpha["programmes"]] == [
            "OK!Thess Smart Mobility Accelerator",
            "OK!Thess Agrifood Lab",
        ]
        assert alpha["programmes"][0]["relevance"] > alpha["programmes"][1]["relevance"]
        # a mentor with a private profile is never suggested
        assert alpha["mentors"] == [{"person": {"name": "Maria Mentor"}}]
        assert alpha["partners"][0]["organisation"]["name"] == "Thessaloniki Transit Analytics"
        assert alpha["fundingCalls"][0]["fundingCall"]["identifier"] == "HORIZON-CL5-2027-D6-01"
        # the organiser tracks the onboarding; a team cannot set it
        onboarding = f"""mutation($a: ID!, $s: String!) {{
            setOnboardingStatus(awardId: $a, status: $s) {{ ok {ERRORS} }} }}"""
        by_team = await leads["Alpha"](onboarding, a=winners[0]["awardId"], s="accepted")
        assert [e["code"] for e in by_team["setOnboardingStatus"]["errors"]] == ["FORBIDDEN"]
        for status in ("referred", "accepted"):
            done = await organiser(onboarding, a=winners[0]["awardId"], s=status)
            assert done["setOnboardingStatus"]["ok"], done
        packs = (await organiser(FOLLOW_UP, c=challenge_id))["challengeFollowUp"]
        assert packs[0]["winner"]["onboardingStatus"] == "accepted"
        past = "query { challengeWinners(since: 2027) { teamName onboardingStatus year } }"
        assert (await public(past))["challengeWinners"] == [
            {"teamName": "Alpha", "onboardingStatus": "accepted", "year": 2027},
            {"teamName": "Beta", "onboardingStatus": None, "year": 2027},
        ]


def _node_id(client: Client) -> str:
    assert client.person_id is not None
    return from_global_id(client.person_id)[1]
