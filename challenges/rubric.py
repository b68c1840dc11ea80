"""A judging rubric: weighted criteria with score ranges, set by the organiser (pure).

A judge's total for a submission is the weighted mean of each criterion's score scaled to
0..1 by its range, times 100: so criteria with different ranges (1-5, 0-10) weigh as
their weights say, and every total lies between 0 and 100.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping, Sequence
from dataclasses import asdict, dataclass
from typing import Any

from challenges.validation import Checker

MAX_CRITERIA = 20
_KEY = re.compile(r"^[a-z][a-z0-9_]{0,39}$")


@dataclass(frozen=True)
class Criterion:
    key: str
    name: str
    weight: float
    minimum: int
    maximum: int

    def scaled(self, score: float) -> float:
        return (score - self.minimum) / (self.maximum - self.minimum)


def check_rubric(data: Any, *, prefix: str = "rubric") -> list[Criterion]:
    """Criteria from client data: distinct keys, positive weights, minimum < maximum."""
    checker = Checker(prefix)
    if not isinstance(data, list) or not 1 <= len(data) <= MAX_CRITERIA:
        checker.fail("", f"must be a list of 1 to {MAX_CRITERIA} criteria")
        checker.done()
    criteria: list[Criterion] = []
    seen: set[str] = set()
    for i, item in enumerate(data):
        field = f"[{i}]"
        if not isinstance(item, Mapping):
            checker.fail(field, "must be an object with key, name, weight, minimum, maximum")
            continue
        for extra in sorted(set(item) - {"key", "name", "weight", "minimum", "maximum"}):
            checker.fail(f"{field}.{extra}", "is not a known field")
        key = checker.text(f"{field}.key", item.get("key"), required=True, max_length=40)
        if key is not None and not _KEY.match(key):
            checker.fail(f"{field}.key", "must be lower-case letters, digits and _, e.g. impact")
            key = None
        if key is not None and key in seen:
            checker.fail(f"{field}.key", f"{key!r} is used by another criterion")
        name = checker.text(f"{field}.name", item.get("name"), required=True, max_length=200)
        weight = checker.number(f"{field}.weight", item.get("weight"), minimum=0.01, maximum=100)
        low = checker.integer(
            f"{field}.minimum", item.get("minimum"), minimum=0, maximum=1000, required=True
        )
        high = checker.integer(
            f"{field}.maximum", item.get("maximum"), minimum=1, maximum=1000, required=True
        )
        if low is not None and high is not None and low >= high:
            checker.fail(f"{field}.maximum", "must be greater than minimum")
        if key and name and weight and low is not None and high is not None and low < high:
            seen.add(key)
            criteria.append(Criterion(key, name, weight, low, high))
    checker.done()
    return criteria


def check_scores(
    rubric: Sequence[Criterion], scores: Any, *, prefix: str = "scores"
) -> dict[str, float]:
    """One score per criterion, each within its range; nothing else."""
    checker = Checker(prefix)
    if not isinstance(scores, Mapping):
        checker.fail(
            "", "must give a score for each criterion: " + ", ".join(c.key for c in rubric)
        )
        checker.done()
    known = {criterion.key for criterion in rubric}
    for key in sorted(set(scores) - known):
        checker.fail(str(key), "is not a criterion of this rubric")
    found: dict[str, float] = {}
    for criterion in rubric:
        value = checker.number(
            criterion.key,
            scores.get(criterion.key),
            minimum=criterion.minimum,
            maximum=criterion.maximum,
        )
        if value is not None:
            found[criterion.key] = value
    checker.done()
    return found


def total(rubric: Sequence[Criterion], scores: Mapping[str, float]) -> float:
    """The weighted total, 0..100."""
    weights = sum(criterion.weight for criterion in rubric)
    points = sum(criterion.weight * criterion.scaled(scores[criterion.key]) for criterion in rubric)
    return 100.0 * points / weights


def to_json(rubric: Sequence[Criterion]) -> str:
    return json.dumps([asdict(criterion) for criterion in rubric], sort_keys=True)


def from_json(text: str | None) -> list[Criterion]:
    if not text:
        return []
    return [Criterion(**item) for item in json.loads(text)]
