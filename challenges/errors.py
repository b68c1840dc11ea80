"""Expected outcomes of the challenge services: one root, a stable `code`, a `field`.

The GraphQL layer maps every `ChallengeError` to a typed error `{code field message}`;
anything else is unexpected.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass


class ChallengeError(Exception):
    """Root of the package's expected errors."""

    code = "CHALLENGE_ERROR"

    def __init__(self, message: str, field: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.field = field


@dataclass(frozen=True)
class FieldIssue:
    field: str
    message: str
    code: str = "INVALID"


class Invalid(ChallengeError):
    """One or more inputs are not acceptable; each issue names its field."""

    code = "INVALID"

    def __init__(self, issues: Sequence[FieldIssue]) -> None:
        listed = list(issues)
        summary = "; ".join(f"{issue.field}: {issue.message}" for issue in listed)
        super().__init__(summary, listed[0].field if listed else None)
        self.issues = listed


class NotFound(ChallengeError):
    code = "NOT_FOUND"


class InvalidTransition(ChallengeError):
    """The lifecycle refuses a phase change; the message says why."""

    code = "INVALID_TRANSITION"


class WrongPhase(ChallengeError):
    """The action is not open in the challenge's current phase."""

    code = "WRONG_PHASE"


class DeadlinePassed(ChallengeError):
    code = "DEADLINE_PASSED"


class AlreadySubmitted(ChallengeError):
    code = "ALREADY_SUBMITTED"

    def __init__(self, message: str, submission_id: str) -> None:
        super().__init__(message, "teamId")
        self.submission_id = submission_id


class VersionConflict(ChallengeError):
    """A concurrent edit came first: the client must reload and apply its change again."""

    code = "VERSION_CONFLICT"

    def __init__(self, message: str, current_version: int) -> None:
        super().__init__(message, "version")
        self.current_version = current_version


class Duplicate(ChallengeError):
    code = "CONFLICT"


class NotRegistered(ChallengeError):
    code = "NOT_REGISTERED"


class AlreadyInTeam(ChallengeError):
    code = "ALREADY_IN_TEAM"


class NotInvited(ChallengeError):
    code = "NOT_INVITED"


class TeamFull(ChallengeError):
    code = "TEAM_FULL"


class NotAMember(ChallengeError):
    code = "NOT_A_MEMBER"


class NotAssigned(ChallengeError):
    """A judge acted on a submission not assigned to them."""

    code = "NOT_ASSIGNED"


@dataclass(frozen=True)
class PathStep:
    """One node of a conflict-of-interest path, and the relation leading to the next one."""

    label: str
    id: str
    name: str
    relation: str | None  # None on the last node


class ConflictOfInterest(ChallengeError):
    """The judge is connected to the team in the graph; `path` shows how."""

    code = "CONFLICT_OF_INTEREST"

    def __init__(self, message: str, path: Sequence[PathStep]) -> None:
        super().__init__(message, "judgeId")
        self.path = list(path)
