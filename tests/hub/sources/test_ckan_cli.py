"""`hub import ckan` as a person runs it: a saved response, twice, then a wrong file."""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

SAVED = Path(__file__).parent / "ckan"


@pytest.fixture
def data_dir() -> Iterator[Path]:
    # Not pytest's tmp_path: a unix socket path must stay short.
    with tempfile.TemporaryDirectory(prefix="hubckan-") as name:
        yield Path(name)


def hub(data_dir: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "hub", *args],
        env={**os.environ, "HUB_DATA_DIR": str(data_dir), "HUB_LOG_LEVEL": "warning"},
        capture_output=True,
        text=True,
        timeout=180,
    )


def test_import_ckan_reports_created_then_unchanged_and_explains_a_bad_source(
    data_dir: Path,
) -> None:
    files = [str(SAVED / "package_search_0.json"), str(SAVED / "package_search_broken.json")]
    first = hub(data_dir, "import", "ckan", *files)
    assert first.returncode == 0, first.stderr
    assert "package_search_broken.json:item 1: id: a package needs its CKAN id" in first.stdout
    assert "Dataset: created 2, updated 0, unchanged 0, rejected 2" in first.stdout
    second = hub(data_dir, "import", "ckan", *files)
    assert "Dataset: created 0, updated 0, unchanged 2, rejected 2" in second.stdout
    missing = hub(data_dir, "import", "ckan", str(SAVED / "nothing.json"))
    assert missing.returncode == 1
    message = " ".join(missing.stderr.split())  # rich wraps long lines
    assert "nothing.json is not a file: give a saved CKAN API response or a URL" in message
