"""Results from score sheets: optional per-judge normalisation and a deterministic ranking.

Each judge's sheet gives a weighted total (0..100, see `rubric`). With `normalise`, every
judge's totals become z-scores over the submissions that judge scored (a lenient and a
strict judge then count alike; a judge whose totals are all equal, or who scored one
submission, contributes 0). A submission's score is the mean over its judges.

Ties are broken, in this order, by:
1. the higher score (compared after rounding to 9 decimals, so float noise is no tie-break);
2. the higher mean score on each criterion, heaviest weight first (equal weights in
   rubric order), scaled to 0..1;
3. more judges having scored it;
4. the earlier first submission (`created_at`);
5. the smaller submission id (a stable last resort).
Submissions no judge scored come last, ordered by 4 and 5. Every rank is distinct;
`decided_by` says which rule separated an entry from the one above it.
"""

from __future__ import annotations

import statistics
from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from challenges.rubric import Criterion, total


@dataclass(frozen=True)
class Sheet:
    judge: str
    submission: str
    scores: Mapping[str, float]


@dataclass(frozen=True)
class Entry:
    submission: str
    team: str
    team_name: str
    created_at: str


@dataclass(frozen=True)
class Ranked:
    rank: int
    submission: str
    team: str
    team_name: str
    score: float | None
    judges: int
    criteria: dict[str, float]  # mean scaled score (0..1) per criterion
    decided_by: str | None


TIE_RULES = ("score", "criteria", "judges", "submitted earlier", "submission id")


def judge_totals(
    rubric: Sequence[Criterion], sheets: Sequence[Sheet]
) -> dict[tuple[str, str], float]:
    return {(sheet.judge, sheet.submission): total(rubric, sheet.scores) for sheet in sheets}


def normalised(totals: Mapping[tuple[str, str], float]) -> dict[tuple[str, str], float]:
    """Each judge's totals as z-scores (population standard deviation) over their sheets."""
    by_judge: dict[str, list[float]] = defaultdict(list)
    for (judge, _), value in totals.items():
        by_judge[judge].append(value)
    result: dict[tuple[str, str], float] = {}
    for (judge, submission), value in totals.items():
        values = by_judge[judge]
        spread = statistics.pstdev(values) if len(values) > 1 else 0.0
        result[(judge, submission)] = (
            0.0 if spread == 0 else (value - statistics.fmean(values)) / spread
        )
    return result


def rank(
    rubric: Sequence[Criterion],
    entries: Sequence[Entry],
    sheets: Sequence[Sheet],
    *,
    normalise: bool = False,
) -> list[Ranked]:
    """Every entry ranked 1..n by the rules above."""
    totals = judge_totals(rubric, sheets)
    if normalise:
        totals = normalised(totals)
    per_submission: dict[str, list[float]] = defaultdict(list)
    for (_, submission), value in totals.items():
        per_submission[submission].append(value)
    criteria: dict[str, dict[str, list[float]]] = defaultdict(lambda: defaultdict(list))
    for sheet in sheets:
        for criterion in rubric:
            criteria[sheet.submission][criterion.key].append(
                criterion.scaled(sheet.scores[criterion.key])
            )
    heaviest = [c.key for c in sorted(rubric, key=lambda c: -c.weight)]  # stable: rubric order

    def facts(entry: Entry) -> tuple[float | None, list[float], int]:
        values = per_submission.get(entry.submission, [])
        score = round(statistics.fmean(values), 9) if values else None
        means = [
            round(statistics.fmean(criteria[entry.submission][key]), 9)
            if criteria[entry.submission][key]
            else 0.0
            for key in heaviest
        ]
        return score, means, len(values)

    def order(entry: Entry) -> tuple[object, ...]:
        score, means, judges = facts(entry)
        return (
            score is None,
            -(score or 0.0),
            [-m for m in means],
            -judges,
            entry.created_at,
            entry.submission,
        )

    ranked: list[Ranked] = []
    previous: tuple[object, ...] | None = None
    for position, entry in enumerate(sorted(entries, key=order), start=1):
        key = order(entry)
        score, means, judges = facts(entry)
        decided = None
        if previous is not None:
            decided = _first_difference(previous, key)
        previous = key
        ranked.append(
            Ranked(
                rank=position,
                submission=entry.submission,
                team=entry.team,
                team_name=entry.team_name,
                score=score,
                judges=judges,
                criteria=dict(zip(heaviest, means, strict=True)),
                decided_by=decided,
            )
        )
    return ranked


def _first_difference(above: tuple[object, ...], below: tuple[object, ...]) -> str:
    # above[0]/below[0] (scored or not) and [1] (score) both belong to the "score" rule
    if above[:2] != below[:2]:
        return TIE_RULES[0]
    for index, rule in enumerate(TIE_RULES[1:], start=2):
        if above[index] != below[index]:
            return rule
    return TIE_RULES[-1]
