"""Registration and teams on the embedded graph: invitations, the size limit, leaving."""

from __future__ import annotations

import asyncio

import pytest

from challenges import teams
from challenges.errors import (
    AlreadyInTeam,
    Duplicate,
    InvalidTransition,
    NotAMember,
    NotFound,
    NotInvited,
    TeamFull,
    WrongPhase,
)
from graph import GraphEngine
from tests.challenges.factories import (
    DURING_REGISTRATION,
    node,
    open_challenge,
)


async def test_people_and_organisations_register_only_while_registration_is_open(
    graph: GraphEngine,
) -> None:
    draft = await open_challenge(graph, until="published")
    person = await node(graph, "Person", "Eleni")
    with pytest.raises(WrongPhase) as closed:
        await teams.register(graph=graph, challenge_id=draft["id"], participant_id=person)
    assert "the challenge is in published" in closed.value.message
    live = await open_challenge(graph, until="registration")
    first = await teams.register(
        graph=graph, challenge_id=live["id"], participant_id=person, now=DURING_REGISTRATION
    )
    again = await teams.register(graph=graph, challenge_id=live["id"], participant_id=person)
    assert first == again
    company = await node(graph, "Organisation", "CityFlow")
    await teams.register(
        graph=graph, challenge_id=live["id"], participant_id=company, kind="organisation"
    )
    with pytest.raises(NotFound):
        await teams.register(
            graph=graph, challenge_id=live["id"], participant_id=company, kind="person"
        )


async def test_a_team_grows_by_invitation_up_to_the_size_limit(graph: GraphEngine) -> None:
    live = await open_challenge(graph, until="registration", max_team_size=3)
    lead = await node(graph, "Person", "Eleni")
    team = await teams.create_team(
        graph=graph, challenge_id=live["id"], lead_id=lead, name="Bus Whisperers"
    )
    with pytest.raises(Duplicate):
        other = await node(graph, "Person", "Other")
        await teams.create_team(
            graph=graph, challenge_id=live["id"], lead_id=other, name="bus whisperers"
        )
    with pytest.raises(AlreadyInTeam):
        await teams.create_team(graph=graph, challenge_id=live["id"], lead_id=lead, name="Two")
    people = [await node(graph, "Person", f"P{i}") for i in range(3)]
    with pytest.raises(NotInvited):
        await teams.join(graph=graph, team_id=team["id"], person_id=people[0])
    stranger = await node(graph, "Person", "Stranger")
    with pytest.raises(NotAMember):
        await teams.invite(
            graph=graph, team_id=team["id"], person_id=people[0], invited_by=stranger
        )
    for person in people:
        await teams.invite(graph=graph, team_id=team["id"], person_id=person, invited_by=lead)
    # two invited people join at once for the last two places... only one fits after the first
    joined = await teams.join(graph=graph, team_id=team["id"], person_id=people[0])
    assert joined["size"] == 2
    results = await asyncio.gather(
        teams.join(graph=graph, team_id=team["id"], person_id=people[1]),
        teams.join(graph=graph, team_id=team["id"], person_id=people[2]),
        return_exceptions=True,
    )
    assert sum(isinstance(r, TeamFull) for r in results) == 1
    full = next(r for r in results if isinstance(r, TeamFull))
    assert full.message == "the team is full: this challenge allows at most 3 members"
    members = (await teams.members(graph=graph, team_ids=[team["id"]]))[team["id"]]
    assert len(members) == 3 and members[0]["role"] == "lead"


async def test_members_leave_but_the_lead_only_last(graph: GraphEngine) -> None:
    live = await open_challenge(graph, until="registration")
    lead = await node(graph, "Person", "Eleni")
    member = await node(graph, "Person", "Nikos")
    team = await teams.create_team(graph=graph, challenge_id=live["id"], lead_id=lead, name="T")
    await teams.invite(graph=graph, team_id=team["id"], person_id=member, invited_by=lead)
    await teams.join(graph=graph, team_id=team["id"], person_id=member)
    with pytest.raises(InvalidTransition):
        await teams.leave(graph=graph, team_id=team["id"], person_id=lead)
    assert await teams.leave(graph=graph, team_id=team["id"], person_id=member) == 1
    with pytest.raises(NotAMember):
        await teams.leave(graph=graph, team_id=team["id"], person_id=member)
    assert await teams.leave(graph=graph, team_id=team["id"], person_id=lead) == 0
    # the member who left can now found a team of their own
    own = await teams.create_team(graph=graph, challenge_id=live["id"], lead_id=member, name="N")
    assert own["name"] == "N"
