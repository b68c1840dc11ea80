"""The `hub` command line as a person runs it: seed once, then status."""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest


@pytest.fixture
def data_dir() -> Iterator[Path]:
    with tempfile.TemporaryDirectory(prefix="hubcli-") as name:
        yield Path(name)


def hub(data_dir: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "HUB_DATA_DIR": str(data_dir), "HUB_LOG_LEVEL": "warning"}
    return subprocess.run(
        [sys.executable, "-m", "hub", *args], env=env, capture_output=True, text=True, timeout=600
    )


def test_seed_if_empty_seeds_once_and_status_reports_it(data_dir: Path) -> None:
    first = hub(data_dir, "seed", "--if-empty")
    assert first.returncode == 0, first.stderr
    assert first.stdout.startswith("seeded the demo ecosystem:")
    assert "organisations" in first.stdout

    second = hub(data_dir, "seed", "--if-empty")
    assert second.returncode == 0, second.stderr
    assert "nothing to seed" in second.stdout

    status = hub(data_dir, "status")
    assert status.returncode == 0, status.stderr
    assert "graph engine: falkordb" in status.stdout
    assert "Organisation:" in status.stdout
    assert "demo seed: seeded" in status.stdout
    # The seed embeds what it wrote: ready to match without a worker.
    assert "Organisation without an embedding: 0" in status.stdout, status.stdout
    assert "worker: not running" in status.stdout


def test_an_unusable_setting_is_a_one_line_error(data_dir: Path) -> None:
    env = {**os.environ, "HUB_DATA_DIR": str(data_dir), "HUB_GRAPH_URL": "mysql://x"}
    result = subprocess.run(
        [sys.executable, "-m", "hub", "status"], env=env, capture_output=True, text=True
    )
    assert result.returncode == 1
    assert "HUB_GRAPH_URL" in result.stderr
    assert "Traceback" not in result.stderr
