"""What an import did: per kind created/updated/unchanged, the rejected rows, and progress."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import Protocol

from hub.ecosystem.errors import HubError, ValidationFailed


class SourceError(HubError):
    """A source cannot be imported at all: a missing or unreadable file or folder."""

    code = "SOURCE_UNUSABLE"


@dataclass(frozen=True)
class Rejection:
    """One row left out: its file, where in it (a line number or `item N`), and why.

    `kind` is the node kind the row would have fed; `reason` groups rejections in the
    summary (a field name such as `activityType`, or `columns`, `json`...).
    """

    file: str
    where: str
    kind: str
    reason: str
    message: str

    def __str__(self) -> str:
        return f"{self.file}:{self.where}: {self.message}"


@dataclass
class Tally:
    created: int = 0
    updated: int = 0
    unchanged: int = 0


@dataclass
class ImportReport:
    """Counts per node kind (and relationship type), and every rejected row."""

    tallies: dict[str, Tally] = field(default_factory=dict)
    rejections: list[Rejection] = field(default_factory=list)
    seconds: float = 0.0

    def tally(self, kind: str) -> Tally:
        return self.tallies.setdefault(kind, Tally())

    def reject(self, rejection: Rejection) -> None:
        self.rejections.append(rejection)

    def rejected(self, kind: str) -> list[Rejection]:
        return [rejection for rejection in self.rejections if rejection.kind == kind]

    def summary(self) -> str:
        """One line: per kind `created N, updated N, unchanged N, rejected N (reasons)`."""
        kinds = list(self.tallies)
        kinds += sorted({r.kind for r in self.rejections} - set(kinds))
        parts = []
        for kind in kinds:
            tally = self.tallies.get(kind, Tally())
            text = (
                f"{kind}: created {tally.created}, updated {tally.updated}, "
                f"unchanged {tally.unchanged}"
            )
            if kind.isupper():  # a relationship type: never updated, never rejected by itself
                text = f"{kind}: created {tally.created}, unchanged {tally.unchanged}"
            else:
                rejected = self.rejected(kind)
                text += f", rejected {len(rejected)}"
                if rejected:
                    reasons = Counter(rejection.reason for rejection in rejected)
                    text += " (" + ", ".join(f"{r} {n}" for r, n in reasons.most_common()) + ")"
            parts.append(text)
        return "; ".join(parts) + f" in {self.seconds:.1f} s"


class Progress(Protocol):
    """Where a long import is: a stage (with a total when known) and steps within it."""

    def stage(self, description: str, total: int | None) -> None: ...

    def advance(self, steps: int) -> None: ...


class NoProgress:
    def stage(self, description: str, total: int | None) -> None:
        pass

    def advance(self, steps: int) -> None:
        pass


def problem_of(exc: ValidationFailed) -> tuple[str, str]:
    """A validation failure as a rejection's (reason, message): field names without `input.`."""
    fields = [issue.field.removeprefix("input.").removeprefix("input") for issue in exc.issues]
    message = "; ".join(
        f"{name}: {issue.message}" if name else issue.message
        for name, issue in zip(fields, exc.issues, strict=True)
    )
    return (fields[0] if fields and fields[0] else "input"), message
