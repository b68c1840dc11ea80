"""Rubric checks, weighted totals, z-score normalisation, ranking tie-breaks, assignment."""

from __future__ import annotations

import pytest

from challenges.assignment import plan
from challenges.errors import Invalid
from challenges.ranking import Entry, Sheet, normalised, rank
from challenges.rubric import Criterion, check_rubric, check_scores, from_json, to_json, total

RUBRIC = [
    Criterion("impact", "Impact", 3, 1, 5),
    Criterion("data", "Use of open data", 1, 0, 10),
]


def test_a_rubric_names_every_bad_field() -> None:
    with pytest.raises(Invalid) as caught:
        check_rubric(
            [
                {"key": "impact", "name": "Impact", "weight": 2, "minimum": 1, "maximum": 5},
                {"key": "impact", "name": "Again", "weight": 0, "minimum": 5, "maximum": 5},
                {"key": "Bad Key", "name": "", "weight": 1, "minimum": 0, "maximum": 3, "x": 1},
            ]
        )
    fields = {issue.field: issue.message for issue in caught.value.issues}
    assert fields["rubric[1].key"] == "'impact' is used by another criterion"
    assert fields["rubric[1].weight"] == "must be between 0.01 and 100"
    assert fields["rubric[1].maximum"] == "must be greater than minimum"
    assert fields["rubric[2].key"].startswith("must be lower-case letters")
    assert fields["rubric[2].name"] == "is required"
    assert fields["rubric[2].x"] == "is not a known field"


def test_scores_must_cover_the_rubric_within_ranges() -> None:
    with pytest.raises(Invalid) as caught:
        check_scores(RUBRIC, {"impact": 6, "novelty": 3})
    fields = {issue.field: issue.message for issue in caught.value.issues}
    assert fields == {
        "scores.novelty": "is not a criterion of this rubric",
        "scores.impact": "must be between 1 and 5",
        "scores.data": "is required",
    }
    assert check_scores(RUBRIC, {"impact": 5, "data": 0}) == {"impact": 5.0, "data": 0.0}


def test_totals_weigh_criteria_by_weight_not_by_range() -> None:
    assert total(RUBRIC, {"impact": 5, "data": 10}) == 100.0
    assert total(RUBRIC, {"impact": 1, "data": 0}) == 0.0
    assert total(RUBRIC, {"impact": 5, "data": 0}) == 75.0
    assert from_json(to_json(RUBRIC)) == RUBRIC


def entry(name: str, created: str = "2027-02-10T10:00:00+00:00") -> Entry:
    return Entry(submission=f"s-{name}", team=f"t-{name}", team_name=name, created_at=created)


def test_normalisation_makes_a_strict_and_a_lenient_judge_count_alike() -> None:
    totals = {("strict", "a"): 20.0, ("strict", "b"): 40.0, ("lenient", "a"): 90.0,
              ("lenient", "b"): 80.0, ("single", "a"): 55.0}  # fmt: skip
    z = normalised(totals)
    assert z[("strict", "a")] == pytest.approx(-1.0)
    assert z[("strict", "b")] == pytest.approx(1.0)
    assert z[("lenient", "a")] == pytest.approx(1.0)
    assert z[("single", "a")] == 0.0


def test_raw_and_normalised_rankings_differ_when_judges_are_harsh_or_kind() -> None:
    sheets = [
        Sheet("kind", "s-a", {"impact": 5, "data": 10}),
        Sheet("kind", "s-b", {"impact": 4, "data": 8}),
        Sheet("harsh", "s-a", {"impact": 1, "data": 0}),
        Sheet("harsh", "s-b", {"impact": 2, "data": 2}),
        Sheet("harsh", "s-c", {"impact": 1, "data": 1}),
    ]
    entries = [entry("a"), entry("b"), entry("c")]
    raw = rank(RUBRIC, entries, sheets)
    assert [r.team_name for r in raw] == ["a", "b", "c"]
    fair = rank(RUBRIC, entries, sheets, normalise=True)
    assert fair[0].team_name == "b"


def test_ties_are_broken_by_the_documented_rules_in_order() -> None:
    sheets = [
        # a and b: equal totals (61.25); a is better on impact, the heaviest criterion
        Sheet("j1", "s-a", {"impact": 4, "data": 2}),
        Sheet("j1", "s-b", {"impact": 3, "data": 9.5}),
        # c and d: equal in everything but the number of judges
        Sheet("j1", "s-c", {"impact": 3, "data": 5}),
        Sheet("j2", "s-c", {"impact": 3, "data": 5}),
        Sheet("j1", "s-d", {"impact": 3, "data": 5}),
        # e and f: identical single sheets; e submitted earlier
        Sheet("j1", "s-e", {"impact": 2, "data": 5}),
        Sheet("j1", "s-f", {"impact": 2, "data": 5}),
    ]
    entries = [
        entry("f", "2027-02-02T00:00:00+00:00"),
        entry("e", "2027-02-01T00:00:00+00:00"),
        entry("d"),
        entry("c"),
        entry("b"),
        entry("a"),
        entry("unscored"),
    ]
    ranked = rank(RUBRIC, entries, sheets)
    assert total(RUBRIC, {"impact": 4, "data": 2}) == total(RUBRIC, {"impact": 3, "data": 9.5})
    assert [(r.rank, r.team_name, r.decided_by) for r in ranked] == [
        (1, "a", None),
        (2, "b", "criteria"),
        (3, "c", "score"),
        (4, "d", "judges"),
        (5, "e", "score"),
        (6, "f", "submitted earlier"),
        (7, "unscored", "score"),
    ]
    assert ranked[-1].score is None and ranked[-1].judges == 0


def test_assignment_balances_load_and_respects_conflicts() -> None:
    submissions = [f"s{i}" for i in range(6)]
    judges = ["j1", "j2", "j3"]
    result = plan(submissions, judges, per_submission=2)
    assert len(result.new) == 12
    assert result.load == {"j1": 4, "j2": 4, "j3": 4}
    assert all(len({j for j, s in result.new if s == sub}) == 2 for sub in submissions)

    blocked = {("j1", "s0"), ("j2", "s0")}
    constrained = plan(submissions, judges, per_submission=2, blocked=blocked)
    assert {j for j, s in constrained.new if s == "s0"} == {"j3"}
    assert constrained.short == {"s0": 1}
    assert not blocked & set(constrained.new)
    assert max(constrained.load.values()) - min(constrained.load.values()) <= 1

    again = plan(submissions, judges, per_submission=2, existing=result.new)
    assert again.new == [] and again.load == result.load


def test_the_most_constrained_submission_chooses_first_whatever_the_order() -> None:
    judges = ["j1", "j0", "j2"]
    blocked = {("j0", "alpha")}
    for order in (["beta", "gamma", "alpha"], ["alpha", "beta", "gamma"]):
        result = plan(order, judges, per_submission=2, blocked=blocked)
        assert result.load == {"j1": 2, "j0": 2, "j2": 2}
        assert ("j0", "alpha") not in result.new
