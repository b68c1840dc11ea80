"""The lifecycle of a challenge as a pure state machine (no I/O).

    draft -> published -> registration -> submission -> judging -> awarded -> archived

A challenge moves one phase forward at a time. Three steps follow the schedule and are
also taken automatically when their date passes (`due_transitions`, used by the cron
job): registration opens at `registration_opens`, submissions at `submission_opens`,
judging at `submission_deadline`. Publishing and awarding are the organiser's decisions;
a draft (withdrawn) or an awarded challenge may be archived. Nothing goes back.
"""

from __future__ import annotations

from datetime import datetime

from challenges.errors import InvalidTransition
from challenges.phases import Phase, Schedule

NEXT = {
    Phase.DRAFT: Phase.PUBLISHED,
    Phase.PUBLISHED: Phase.REGISTRATION,
    Phase.REGISTRATION: Phase.SUBMISSION,
    Phase.SUBMISSION: Phase.JUDGING,
    Phase.JUDGING: Phase.AWARDED,
    Phase.AWARDED: Phase.ARCHIVED,
}
# The steps the schedule drives, and the date (a Schedule attribute) each waits for.
AUTOMATIC = {
    Phase.REGISTRATION: ("registration_opens", "open registration before"),
    Phase.SUBMISSION: ("submission_opens", "open submissions before"),
    Phase.JUDGING: ("submission_deadline", "open judging before the submission deadline"),
}
ARCHIVABLE = frozenset({Phase.DRAFT, Phase.AWARDED})


def refusal(current: Phase, target: Phase, schedule: Schedule | None, now: datetime) -> str | None:
    """Why `current -> target` is not allowed at `now`, or None when it is."""
    if target == current:
        return f"the challenge is already {_state(current)}"
    if current == Phase.ARCHIVED:
        return "an archived challenge cannot change phase"
    if target == Phase.ARCHIVED:
        if current in ARCHIVABLE:
            return None
        return f"cannot archive a challenge in {current.value}: only drafts and awarded ones"
    if target.order < current.order:
        return f"cannot go back from {current.value} to {target.value}"
    if target != NEXT[current]:
        return (
            f"cannot go from {current.value} to {target.value}: "
            f"the next phase is {NEXT[current].value}"
        )
    if target == Phase.PUBLISHED:
        if schedule is None:
            return "cannot publish without a schedule (time zone and phase dates)"
        if now >= schedule.submission_deadline:
            deadline = schedule.shown(schedule.submission_deadline)
            return f"cannot publish: the submission deadline {deadline} has passed"
        return None
    if target in AUTOMATIC:
        if schedule is None:
            return f"cannot move to {target.value} without a schedule"
        attribute, wording = AUTOMATIC[target]
        opens: datetime = getattr(schedule, attribute)
        if now < opens:
            return f"cannot {wording} {schedule.shown(opens)}"
    return None


def check_transition(
    current: Phase, target: Phase, schedule: Schedule | None, now: datetime
) -> None:
    """Raise InvalidTransition with the reason unless `current -> target` is allowed now."""
    reason = refusal(current, target, schedule, now)
    if reason is not None:
        raise InvalidTransition(reason, "phase")


def due_transitions(current: Phase, schedule: Schedule | None, now: datetime) -> list[Phase]:
    """The phases the schedule has reached since `current`, in order (empty if none).

    A published challenge whose registration and submission dates both passed while
    nothing ran is due for both steps: `[registration, submission]`.
    """
    steps: list[Phase] = []
    phase = current
    while phase in NEXT and NEXT[phase] in AUTOMATIC and phase != Phase.DRAFT:
        target = NEXT[phase]
        if refusal(phase, target, schedule, now) is not None:
            break
        steps.append(target)
        phase = target
    return steps


def accepts_registrations(phase: Phase) -> bool:
    return phase in (Phase.REGISTRATION, Phase.SUBMISSION)


def _state(phase: Phase) -> str:
    return (
        phase.value
        if phase in (Phase.DRAFT, Phase.PUBLISHED, Phase.AWARDED, Phase.ARCHIVED)
        else f"in {phase.value}"
    )
