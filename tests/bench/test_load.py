"""The load benchmark's short form: 4 users for about 10 s against a real `hub serve`."""

from __future__ import annotations

import importlib
import sys
from pathlib import Path
from types import ModuleType

import pytest

BENCH = Path(__file__).resolve().parents[2] / "bench"


@pytest.fixture(scope="module")
def load() -> ModuleType:
    """bench/load.py as the benchmark runs it (its helpers import as top-level `_hub`)."""
    if str(BENCH) not in sys.path:
        sys.path.insert(0, str(BENCH))
    return importlib.import_module("load")


def test_four_users_for_ten_seconds_lose_and_duplicate_no_write(load: ModuleType) -> None:
    report = load.run(users=4, seconds=10.0, embed=False)
    failures = {
        name: figures["first_errors"]
        for name, figures in report.operations.items()
        if figures["errors"]
    }
    assert report.errors == 0, failures
    assert all(figures["requests"] > 0 for figures in report.operations.values())
    assert report.acknowledged_creates > 0 and report.acknowledged_updates > 0
    assert report.lost == [] and report.duplicated == [] and report.stale == []
