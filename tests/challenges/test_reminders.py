"""Reminders before deadlines: due windows, each reminder sent once, a failed one again."""

from __future__ import annotations

from datetime import timedelta

from challenges import challenge, judging, reminders, submissions
from challenges.reminders import Reminder, due_label
from graph import GraphEngine
from tests.challenges.factories import (
    AFTER_DEADLINE,
    DEADLINE,
    DURING_SUBMISSION,
    give_email,
    node,
    open_challenge,
    team_with,
)


def test_the_nearest_window_decides_which_reminder_is_due() -> None:
    assert due_label(DEADLINE, DEADLINE - timedelta(days=8)) is None
    assert due_label(DEADLINE, DEADLINE - timedelta(days=7)) == "7d"
    assert due_label(DEADLINE, DEADLINE - timedelta(hours=23)) == "1d"
    assert due_label(DEADLINE, DEADLINE) is None


class Outbox:
    def __init__(self, failing: str | None = None) -> None:
        self.sent: list[Reminder] = []
        self.failing = failing

    async def __call__(self, reminder: Reminder) -> None:
        if reminder.to == self.failing:
            raise OSError("mail server unreachable")
        self.sent.append(reminder)


async def test_team_members_are_reminded_once_per_window(graph: GraphEngine) -> None:
    live = await open_challenge(graph, until="submission")
    team, lead = await team_with(graph, live["id"], "Bus Whisperers")
    await give_email(graph, lead, "lead@example.org")
    other_team, other_lead = await team_with(graph, live["id"], "Quiet Ones")
    await give_email(graph, other_lead, "quiet@example.org")
    await submissions.submit(
        graph=graph,
        team_id=team,
        author_id=lead,
        data={"title": "Alerts", "summary": "x"},
        now=DURING_SUBMISSION,
    )
    week_before = DEADLINE - timedelta(days=3)
    outbox = Outbox(failing="quiet@example.org")
    assert await reminders.send_reminders(graph=graph, send=outbox, now=week_before) == (1, 1)
    (sent,) = outbox.sent
    assert sent.to == "lead@example.org"
    assert (
        sent.subject == "Submissions for Open mobility data close on 2027-03-01 18:00 Europe/Athens"
    )
    assert "has submitted (version 1)" in sent.text and "έκδοση 1" in sent.text

    outbox.failing = None  # the failed one is still due; the sent one is not sent again
    assert await reminders.send_reminders(graph=graph, send=outbox, now=week_before) == (1, 0)
    assert outbox.sent[-1].to == "quiet@example.org"
    assert "has not submitted yet" in outbox.sent[-1].text
    assert await reminders.send_reminders(graph=graph, send=outbox, now=week_before) == (0, 0)

    day_before = DEADLINE - timedelta(hours=20)
    assert await reminders.send_reminders(graph=graph, send=outbox, now=day_before) == (2, 0)
    assert await reminders.send_reminders(graph=graph, send=outbox, now=AFTER_DEADLINE) == (0, 0)
    assert other_team != team


async def test_judges_with_unscored_work_are_reminded_before_judging_ends(
    graph: GraphEngine,
) -> None:
    schedule = {
        "timezone": "Europe/Athens",
        "registration_opens": "2027-01-10T09:00:00+02:00",
        "submission_opens": "2027-02-01T09:00:00+02:00",
        "submission_deadline": DEADLINE.isoformat(),
        "judging_ends": "2027-03-20T18:00:00+02:00",
    }
    live = await open_challenge(graph, until="submission", schedule=schedule)
    team, lead = await team_with(graph, live["id"], "Alpha")
    entry = await submissions.submit(
        graph=graph,
        team_id=team,
        author_id=lead,
        data={"title": "A", "summary": "x"},
        now=DURING_SUBMISSION,
    )
    judge = await node(graph, "Person", "Judge", email="judge@example.org")
    await judging.add_judge(graph=graph, challenge_id=live["id"], person_id=judge)
    await judging.assign(graph=graph, submission_id=entry["id"], judge_id=judge)
    await challenge.transition(
        graph=graph, challenge_id=live["id"], target="judging", now=AFTER_DEADLINE
    )
    outbox = Outbox()
    when = challenge.now_utc(AFTER_DEADLINE + timedelta(days=14))
    assert await reminders.send_reminders(graph=graph, send=outbox, now=when) == (1, 0)
    assert outbox.sent[0].subject == (
        "Judging of Open mobility data ends on 2027-03-20 18:00 Europe/Athens: 1 still to score"
    )
