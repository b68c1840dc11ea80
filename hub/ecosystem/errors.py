"""Expected outcomes of the ecosystem services, each with a stable code for clients."""

from __future__ import annotations

from dataclasses import dataclass


class HubError(Exception):
    """Root of the hub's expected errors; each maps to a typed GraphQL error with `code`."""

    code = "ERROR"

    def __init__(self, message: str, field: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.field = field


class NotFound(HubError):
    code = "NOT_FOUND"


class Conflict(HubError):
    """The write would duplicate something unique (a PIC, a call identifier)."""

    code = "CONFLICT"


@dataclass(frozen=True)
class FieldIssue:
    field: str
    message: str
    code: str = "INVALID"


class ValidationFailed(HubError):
    code = "INVALID"

    def __init__(self, issues: list[FieldIssue]) -> None:
        summary = "; ".join(f"{issue.field}: {issue.message}" for issue in issues)
        super().__init__(summary, issues[0].field if issues else None)
        self.issues = issues
