"""The lifecycle state machine and the schedule, without storage."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest

from challenges.errors import Invalid, InvalidTransition
from challenges.lifecycle import check_transition, due_transitions, refusal
from challenges.phases import Phase, Schedule, check_schedule, schedule_of, shown
from challenges.validation import Checker

ATHENS = ZoneInfo("Europe/Athens")
SCHEDULE = Schedule(
    timezone="Europe/Athens",
    registration_opens=datetime(2027, 1, 10, 9, 0, tzinfo=ATHENS),
    submission_opens=datetime(2027, 2, 1, 9, 0, tzinfo=ATHENS),
    submission_deadline=datetime(2027, 3, 1, 18, 0, tzinfo=ATHENS),
    judging_ends=datetime(2027, 3, 20, 18, 0, tzinfo=ATHENS),
)


def at(text: str) -> datetime:
    return datetime.fromisoformat(text)


def test_judging_cannot_open_before_the_deadline_and_the_reason_names_it_in_local_time() -> None:
    with pytest.raises(InvalidTransition) as caught:
        check_transition(Phase.SUBMISSION, Phase.JUDGING, SCHEDULE, at("2027-03-01T15:59:59+00:00"))
    assert caught.value.message == (
        "cannot open judging before the submission deadline 2027-03-01 18:00 Europe/Athens"
    )
    assert caught.value.code == "INVALID_TRANSITION"
    check_transition(Phase.SUBMISSION, Phase.JUDGING, SCHEDULE, at("2027-03-01T16:00:00+00:00"))


@pytest.mark.parametrize(
    ("current", "target", "reason"),
    [
        (Phase.SUBMISSION, Phase.REGISTRATION, "cannot go back from submission to registration"),
        (Phase.PUBLISHED, Phase.JUDGING, "the next phase is registration"),
        (Phase.JUDGING, Phase.ARCHIVED, "cannot archive a challenge in judging"),
        (Phase.ARCHIVED, Phase.DRAFT, "an archived challenge cannot change phase"),
        (Phase.JUDGING, Phase.JUDGING, "already in judging"),
        (Phase.PUBLISHED, Phase.REGISTRATION, "cannot open registration before 2027-01-10 09:00"),
    ],
)
def test_illegal_transitions_say_why(current: Phase, target: Phase, reason: str) -> None:
    found = refusal(current, target, SCHEDULE, at("2027-01-01T00:00:00+00:00"))
    assert found is not None and reason in found


def test_publishing_needs_a_schedule_whose_deadline_is_ahead() -> None:
    early = at("2026-12-01T00:00:00+00:00")
    assert refusal(Phase.DRAFT, Phase.PUBLISHED, None, early) == (
        "cannot publish without a schedule (time zone and phase dates)"
    )
    assert refusal(Phase.DRAFT, Phase.PUBLISHED, SCHEDULE, early) is None
    late = refusal(Phase.DRAFT, Phase.PUBLISHED, SCHEDULE, at("2027-04-01T00:00:00+00:00"))
    assert (
        late == "cannot publish: the submission deadline 2027-03-01 18:00 Europe/Athens has passed"
    )
    assert refusal(Phase.DRAFT, Phase.ARCHIVED, None, early) is None


def test_due_transitions_follow_the_dates_and_never_publish_a_draft() -> None:
    assert due_transitions(Phase.PUBLISHED, SCHEDULE, at("2027-01-05T00:00:00+00:00")) == []
    assert due_transitions(Phase.PUBLISHED, SCHEDULE, at("2027-01-10T07:00:00+00:00")) == [
        Phase.REGISTRATION
    ]
    assert due_transitions(Phase.PUBLISHED, SCHEDULE, at("2027-03-02T00:00:00+00:00")) == [
        Phase.REGISTRATION,
        Phase.SUBMISSION,
        Phase.JUDGING,
    ]
    assert due_transitions(Phase.DRAFT, SCHEDULE, at("2027-03-02T00:00:00+00:00")) == []
    assert due_transitions(Phase.JUDGING, SCHEDULE, at("2028-01-01T00:00:00+00:00")) == []
    assert due_transitions(Phase.PUBLISHED, None, at("2028-01-01T00:00:00+00:00")) == []


def test_a_schedule_is_checked_field_by_field() -> None:
    checker = Checker("input")
    check_schedule(
        checker,
        {
            "timezone": "Europe/Thessaloniki",
            "registration_opens": "2027-01-10T09:00:00",
            "submission_opens": "2027-02-01T09:00:00+02:00",
            "submission_deadline": "2027-01-01T09:00:00+02:00",
            "colour": "blue",
        },
    )
    with pytest.raises(Invalid) as caught:
        checker.done()
    fields = {issue.field: issue.message for issue in caught.value.issues}
    assert fields == {
        "input.schedule.colour": "is not a known field",
        "input.schedule.timezone": "must be an IANA time zone such as Europe/Athens",
        "input.schedule.registration_opens": (
            "must include a UTC offset, e.g. 2027-03-01T18:00:00+02:00"
        ),
        "input.schedule.submission_deadline": "must be after submission_opens",
    }


def test_a_schedule_round_trips_through_its_properties_in_its_zone() -> None:
    props = SCHEDULE.properties()
    assert props["submission_deadline"] == "2027-03-01T18:00:00+02:00"
    assert props["submission_deadline_utc"] == "2027-03-01T16:00:00+00:00"
    assert props["year"] == 2027
    assert schedule_of(props) == SCHEDULE
    # summer time: the offset follows the zone's rules on that date
    assert (
        shown(at("2027-07-01T09:00:00+00:00"), "Europe/Athens") == "2027-07-01 12:00 Europe/Athens"
    )
