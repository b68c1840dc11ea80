"""The real EU data beside the repository (../shared/data): tests read it, never copy it."""

from __future__ import annotations

from pathlib import Path

DATA = Path(__file__).resolve().parents[2] / "shared" / "data"
CORDIS = DATA / "cordis-he"
PORTAL = DATA / "ft-portal"

if not CORDIS.is_dir() or not PORTAL.is_dir():
    # Not a skip: a suite that quietly skipped its real-data tests would pass for nothing.
    raise FileNotFoundError(
        f"the real data is not at {DATA}; the tests expect the shared folder beside the "
        "repository (../shared/data), as the workplace and CI lay it out"
    )
