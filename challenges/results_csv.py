"""Results as CSV (RFC 4180, UTF-8 with CRLF): one row per ranked submission, no comments."""

from __future__ import annotations

import csv
import io
from collections.abc import Mapping, Sequence

from challenges.ranking import Ranked

COLUMNS = ("rank", "team", "score", "judges", "award_rank", "decided_by", "submission_id")


def results_csv(ranked: Sequence[Ranked], *, awarded: Mapping[str, int] | None = None) -> str:
    """`awarded` maps a team id to the place it was awarded (blank for the others)."""
    places = awarded or {}
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(COLUMNS)
    for entry in ranked:
        writer.writerow(
            [
                entry.rank,
                entry.team_name,
                "" if entry.score is None else f"{entry.score:.3f}",
                entry.judges,
                places.get(entry.team, ""),
                entry.decided_by or "",
                entry.submission,
            ]
        )
    return buffer.getvalue()
