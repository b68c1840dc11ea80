"""The dev protocol on the real data in ../shared/data."""

from __future__ import annotations

import pytest

from matching import protocol
from matching.protocol import DEV_FIRST, DEV_LAST, PROFILE_LAST, load_dev_split
from tests.shared_data import DATA


@pytest.fixture(scope="module")
def split() -> protocol.DevSplit:
    return load_dev_split(DATA)


def test_yields_a_non_trivial_dev_query_set(split: protocol.DevSplit) -> None:
    assert len(split.partner_queries) > 400
    assert len(split.call_queries) > 200
    assert len(split.profiles) > 15_000 and len(split.calls) > 1000
    for query in split.partner_queries:
        assert DEV_FIRST <= query.project_id <= DEV_LAST
        assert len(query.truth) >= 2 and query.truth <= split.profiles.keys()
        assert query.topic in split.calls and query.text
    greek = [q for q in split.partner_queries if split.greek(q.truth)]
    assert len(greek) > 100


def test_never_keeps_a_project_of_the_reserved_test_split(split: protocol.DevSplit) -> None:
    assert max(p.id for p in split.profile_projects) <= PROFILE_LAST
    assert all(DEV_FIRST <= p.id <= DEV_LAST for p in split.dev_projects)


def test_reads_no_test_rows(monkeypatch: pytest.MonkeyPatch) -> None:
    seen: list[int] = []
    allowed = protocol._allowed

    def spy(project_id: str) -> int | None:
        number = allowed(project_id)
        if number is not None:
            seen.append(number)
        return number

    monkeypatch.setattr(protocol, "_allowed", spy)
    _, projects = protocol.read_projects(DATA)
    assert seen and max(seen) <= DEV_LAST
    assert max(projects) <= DEV_LAST


def test_profiles_are_the_importer_texts(split: protocol.DevSplit) -> None:
    auth = next(o for o in split.organisations.values() if "ARISTOTELIO" in o.name.upper())
    profile = split.profiles[auth.id]
    assert profile.startswith(auth.name)
    assert len(profile) > 1000
