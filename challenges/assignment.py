"""Balanced judge assignment (pure): each submission gets up to `per_submission` judges.

The most constrained submissions (fewest judges free of conflicts) are served first, the
others in their given order; each takes the judges with the fewest assignments so far
(ties by panel order), never one already assigned to it or blocked by a conflict of
interest. This greedy rule keeps loads within one of each other without conflicts and in
the usual cases with a few; it does not search for an optimum. Deterministic.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Collection, Sequence
from dataclasses import dataclass, field


@dataclass(frozen=True)
class Plan:
    new: list[tuple[str, str]]  # (judge, submission) to add
    load: dict[str, int]  # assignments per judge, existing ones included
    short: dict[str, int] = field(default_factory=dict)  # submission -> judges missing


def plan(
    submissions: Sequence[str],
    judges: Sequence[str],
    *,
    per_submission: int,
    existing: Collection[tuple[str, str]] = (),
    blocked: Collection[tuple[str, str]] = (),
) -> Plan:
    load = Counter({judge: 0 for judge in judges})
    assigned = set(existing)
    for judge, _ in assigned:
        if judge in load:
            load[judge] += 1
    rank = {judge: index for index, judge in enumerate(judges)}
    new: list[tuple[str, str]] = []
    short: dict[str, int] = {}
    position = {submission: index for index, submission in enumerate(submissions)}

    def free(submission: str) -> int:
        return sum(1 for judge in judges if (judge, submission) not in blocked)

    for submission in sorted(submissions, key=lambda s: (free(s), position[s])):
        have = sum(1 for judge in judges if (judge, submission) in assigned)
        need = per_submission - have
        if need <= 0:
            continue
        candidates = sorted(
            (
                judge
                for judge in judges
                if (judge, submission) not in assigned and (judge, submission) not in blocked
            ),
            key=lambda judge: (load[judge], rank[judge]),
        )
        chosen = candidates[:need]
        for judge in chosen:
            load[judge] += 1
            assigned.add((judge, submission))
            new.append((judge, submission))
        if len(chosen) < need:
            short[submission] = need - len(chosen)
    return Plan(new=new, load=dict(load), short=short)
