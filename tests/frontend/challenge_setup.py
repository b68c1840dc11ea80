"""Challenges and the people in them, set up over GraphQL for the browser tests.

The hub runs on the real clock (no worker moves phases by itself here), so a challenge is
taken through its phases with real dates: registration and submissions opened in the
past, the deadline a little ahead. Publishing needs the deadline ahead; judging needs it
passed: `wait_until` sleeps until then. Each person acts as themself, over HTTP with
their own session (`Member.gql`), as in tests/hub/api/test_challenge_lifecycle_api.py.
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

import httpx

from tests.frontend.accounts import PASSWORD, SIGN_IN, verified_account
from tests.hub.processes import GQL_HEADERS, HubServe

ERRORS = "errors { code field message }"
CREATE = f"""mutation($input: ChallengeInput!) {{
  createChallenge(input: $input) {{ challenge {{ id }} {ERRORS} }} }}"""
MOVE = f"""mutation($id: ID!, $phase: ChallengePhase!) {{
  moveChallenge(id: $id, phase: $phase) {{ challenge {{ phase }} {ERRORS} }} }}"""
RUBRIC = f"""mutation($id: ID!, $criteria: [CriterionInput!]!) {{
  setChallengeRubric(challengeId: $id, criteria: $criteria) {{ ok {ERRORS} }} }}"""
CREATE_TEAM = f"""mutation($id: ID!, $name: String!) {{
  createTeam(challengeId: $id, name: $name) {{ team {{ id }} {ERRORS} }} }}"""
SUBMIT = f"""mutation($team: ID!, $input: SubmissionInput!) {{
  submit(teamId: $team, input: $input) {{ submission {{ id }} {ERRORS} }} }}"""
ADD_JUDGE = f"""mutation($id: ID!, $person: ID!) {{
  addJudge(challengeId: $id, personId: $person) {{ ok {ERRORS} }} }}"""
ASSIGN = f"""mutation($submission: ID!, $judge: ID!) {{
  assignJudge(submissionId: $submission, judgeId: $judge) {{ ok {ERRORS} }} }}"""
AN_ORGANISATION = "query { organisations(first: 1) { edges { node { id } } } }"

RUBRIC_CRITERIA = [
    {"key": "impact", "name": "Impact", "weight": 2, "minimum": 1, "maximum": 5},
    {"key": "data", "name": "Open data", "weight": 1, "minimum": 0, "maximum": 10},
]


@dataclass
class Member:
    """A verified account signed in over HTTP, acting as its own profile."""

    hub: HubServe
    email: str
    person_id: str
    session: str
    csrf: str

    def gql(self, query: str, **variables: Any) -> dict[str, Any]:
        response = httpx.post(
            f"{self.hub.url}/graphql",
            json={"query": query, "variables": variables},
            headers={
                **GQL_HEADERS,
                "Cookie": f"hub_session={self.session}; hub_csrf={self.csrf}",
                "X-CSRF-Token": self.csrf,
            },
            timeout=60,
        )
        assert response.status_code == 200, response.text
        body: dict[str, Any] = response.json()
        assert "errors" not in body, body
        return body["data"]  # type: ignore[no-any-return]


def member(hub: HubServe, email: str, name: str) -> Member:
    """Sign up, verify and sign in `email` (password PASSWORD)."""
    account = verified_account(hub, email, name)
    signed = httpx.post(
        f"{hub.url}/graphql",
        json={"query": SIGN_IN, "variables": {"email": email, "password": PASSWORD}},
        headers=GQL_HEADERS,
        timeout=60,
    )
    assert signed.json()["data"]["signIn"]["errors"] == [], signed.text
    # The cookies are Secure: a client on plain http would not send them back itself.
    return Member(
        hub=hub,
        email=email,
        person_id=str(account["person"]["id"]),
        session=signed.cookies["hub_session"],
        csrf=signed.cookies["hub_csrf"],
    )


def done(payload: dict[str, Any]) -> dict[str, Any]:
    """The payload of the one mutation in `payload`, asserting it was not refused."""
    (result,) = payload.values()
    assert result["errors"] == [], result
    return result  # type: ignore[no-any-return]


@dataclass
class Running:
    id: str
    deadline: datetime


def running_challenge(hub: HubServe, title: str, *, deadline_in: timedelta) -> Running:
    """A challenge (created by the administrator) open for submissions, with a rubric,
    whose deadline is `deadline_in` from now."""
    now = datetime.now(UTC)
    deadline = now + deadline_in
    organisation = hub.gql(AN_ORGANISATION)["organisations"]["edges"][0]["node"]["id"]
    created = done(
        hub.gql(
            CREATE,
            input={
                "title": {"el": f"{title} (ελληνικά)", "en": title},
                "description": {"el": "Ένας διαγωνισμός δοκιμής.", "en": "A test challenge."},
                "organiserIds": [organisation],
                "themes": ["mobility"],
                "skillsSought": ["GIS"],
                "prizes": [{"kind": "MONEY", "rank": 1, "amount": 2000, "currency": "EUR"}],
                "schedule": {
                    "timezone": "Europe/Athens",
                    "registrationOpens": (now - timedelta(hours=2)).isoformat(),
                    "submissionOpens": (now - timedelta(hours=1)).isoformat(),
                    "submissionDeadline": deadline.isoformat(),
                },
                "maxTeamSize": 4,
            },
        )
    )
    challenge_id = str(created["challenge"]["id"])
    done(hub.gql(RUBRIC, id=challenge_id, criteria=RUBRIC_CRITERIA))
    for phase in ("PUBLISHED", "REGISTRATION", "SUBMISSION"):
        done(hub.gql(MOVE, id=challenge_id, phase=phase))
    return Running(challenge_id, deadline)


def team_of(lead: Member, challenge_id: str, name: str) -> str:
    return str(done(lead.gql(CREATE_TEAM, id=challenge_id, name=name))["team"]["id"])


def submission_of(lead: Member, team_id: str, title: str) -> str:
    sent = lead.gql(
        SUBMIT,
        team=team_id,
        input={"title": title, "summary": "Bus arrival predictions from open transport data."},
    )
    return str(done(sent)["submission"]["id"])


def add_judge(hub: HubServe, challenge_id: str, judge: Member, *submissions: str) -> None:
    """Put `judge` on the panel (as the administrator) and assign them `submissions`."""
    done(hub.gql(ADD_JUDGE, id=challenge_id, person=judge.person_id))
    for submission in submissions:
        done(hub.gql(ASSIGN, submission=submission, judge=judge.person_id))


def move(hub: HubServe, challenge_id: str, phase: str) -> None:
    done(hub.gql(MOVE, id=challenge_id, phase=phase))


def wait_until(moment: datetime) -> None:
    """Sleep until `moment` has passed (a deadline, on the real clock)."""
    left = (moment - datetime.now(UTC)).total_seconds()
    if left > 0:
        time.sleep(left + 0.5)
