from __future__ import annotations

from matching.baselines import Row, summary, table
from matching.metrics import Metrics


def rows() -> list[Row]:
    def metrics(value: float) -> Metrics:
        return Metrics(10, value, value, value, value)

    return [
        Row("call -> partners", "hub", metrics(0.3), metrics(0.25)),
        Row("call -> partners", "tfidf", metrics(0.2), metrics(0.1)),
        Row("organisation -> call", "hub", metrics(0.2), metrics(0.2)),
        Row("organisation -> call", "bm25", metrics(0.1), metrics(0.1)),
    ]


def test_table_has_one_line_per_method() -> None:
    lines = table(rows()).splitlines()
    assert len(lines) == 6 and "R@20" in lines[0]
    assert lines[2].split()[3] == "hub"


def test_summary_gives_the_ratio_to_the_best_baseline() -> None:
    text = summary(rows())
    assert "hub R@20 0.300 = 1.50x best baseline (tfidf 0.200)" in text
    assert "hub R@10 0.200 = 2.00x best baseline (bm25 0.100)" in text
