"""Creating, updating and moving challenges on the embedded graph."""

from __future__ import annotations

import pytest

from challenges import challenge
from challenges.advance import advance_due_phases
from challenges.challenge_fields import prizes_of
from challenges.errors import Invalid, InvalidTransition, NotFound
from challenges.ids import new_id
from graph import GraphEngine
from tests.challenges.factories import (
    AFTER_DEADLINE,
    BEFORE,
    DURING_REGISTRATION,
    DURING_SUBMISSION,
    challenge_input,
    node,
    open_challenge,
)


async def test_a_challenge_is_created_as_a_draft_with_its_organisers(graph: GraphEngine) -> None:
    organiser = await node(graph, "Organisation", "Municipality of Thessaloniki")
    created = await challenge.create_challenge(
        graph=graph, data=challenge_input(organiser), now=BEFORE
    )
    stored = await challenge.get_challenge(graph=graph, challenge_id=created["id"])
    assert stored["phase"] == "draft"
    assert stored["organisers"] == [organiser]
    assert stored["year"] == 2027
    assert stored["submission_deadline"] == "2027-03-01T18:00:00+02:00"
    assert stored["submission_deadline_utc"] == "2027-03-01T16:00:00+00:00"
    assert stored["title_el"] == "Ανοιχτά δεδομένα κινητικότητας"
    assert "κινητικοτητασ" in stored["search_text"]
    assert prizes_of(stored)[0] == {
        "kind": "money",
        "rank": 1,
        "amount": 5000,
        "currency": "EUR",
        "description": {"el": None, "en": None},
    }


async def test_bad_input_is_refused_field_by_field_and_nothing_is_written(
    graph: GraphEngine,
) -> None:
    organiser = await node(graph, "Organisation", "Municipality of Thessaloniki")
    data = challenge_input(
        organiser,
        title={"el": " "},
        prizes=[{"kind": "money", "rank": 1, "amount": 100, "currency": "euros"}],
        max_team_size=50,
        website="ftp://example.org",
        colour="red",
    )
    with pytest.raises(Invalid) as caught:
        await challenge.create_challenge(graph=graph, data=data)
    fields = {issue.field: issue.message for issue in caught.value.issues}
    assert fields == {
        "input.colour": "is not a known field",
        "input.title": "must be given in Greek, English or both",
        "input.prizes[0].currency": "must be an ISO 4217 code such as EUR",
        "input.max_team_size": "must be between 1 and 20",
        "input.website": "must be an http:// or https:// address, e.g. https://example.org",
    }
    missing = new_id()
    with pytest.raises(NotFound) as unknown:
        await challenge.create_challenge(
            graph=graph, data=challenge_input(organiser, organisers=[organiser, missing])
        )
    assert unknown.value.field == "input.organisers[1]"


async def test_transitions_follow_the_lifecycle_and_record_their_history(
    graph: GraphEngine,
) -> None:
    created = await open_challenge(graph, until="registration")
    assert created["phase"] == "registration"
    assert [entry.split()[0] for entry in created["phase_history"]] == [
        "draft",
        "published",
        "registration",
    ]
    with pytest.raises(InvalidTransition) as early:
        await challenge.transition(
            graph=graph, challenge_id=created["id"], target="submission", now=DURING_REGISTRATION
        )
    assert early.value.message == "cannot open submissions before 2027-02-01 09:00 Europe/Athens"
    with pytest.raises(Invalid):
        await challenge.transition(graph=graph, challenge_id=created["id"], target="finished")


async def test_an_update_keeps_reached_dates_and_absent_fields(graph: GraphEngine) -> None:
    created = await open_challenge(graph, until="registration")
    updated = await challenge.update_challenge(
        graph=graph,
        challenge_id=created["id"],
        patch={"title": {"en": "Open mobility data 2027"}, "max_team_size": 4},
        now=DURING_REGISTRATION,
    )
    assert updated["title_en"] == "Open mobility data 2027"
    assert "title_el" not in updated  # the title given replaces the whole title
    assert updated["max_team_size"] == 4
    assert updated["themes"] == ["mobility", "open data"]
    schedule = dict(challenge_input("x")["schedule"])
    schedule["registration_opens"] = "2027-01-12T09:00:00+02:00"
    with pytest.raises(Invalid) as caught:
        await challenge.update_challenge(
            graph=graph,
            challenge_id=created["id"],
            patch={"schedule": schedule},
            now=DURING_REGISTRATION,
        )
    assert caught.value.issues[0].field == "input.schedule.registration_opens"
    schedule = dict(challenge_input("x")["schedule"])
    schedule["submission_deadline"] = "2027-03-08T18:00:00+02:00"  # extended
    extended = await challenge.update_challenge(
        graph=graph, challenge_id=created["id"], patch={"schedule": schedule}, now=DURING_SUBMISSION
    )
    assert extended["submission_deadline_utc"] == "2027-03-08T16:00:00+00:00"


async def test_the_scheduled_advance_moves_due_challenges_once(graph: GraphEngine) -> None:
    published = await open_challenge(graph, until="published")
    draft_organiser = await node(graph, "Organisation", "CERTH")
    draft = await challenge.create_challenge(
        graph=graph, data=challenge_input(draft_organiser), now=BEFORE
    )
    assert await advance_due_phases(graph=graph, now=BEFORE) == []
    moved = await advance_due_phases(graph=graph, now=AFTER_DEADLINE)
    assert [(m.challenge, m.source.value, [s.value for s in m.steps]) for m in moved] == [
        (published["id"], "published", ["registration", "submission", "judging"])
    ]
    assert await advance_due_phases(graph=graph, now=AFTER_DEADLINE) == []
    stored = await challenge.get_challenge(graph=graph, challenge_id=published["id"])
    assert stored["phase"] == "judging"
    assert len(stored["phase_history"]) == 5
    untouched = await challenge.get_challenge(graph=graph, challenge_id=draft["id"])
    assert untouched["phase"] == "draft"
