"""Organisation facts built on demand, and their counts for a whole pool without them."""

from __future__ import annotations

import pytest

from hub.suggestions.evidence import OrganisationFacts, popularity
from hub.suggestions.participations import Participations
from matching.evidence import Counts

DONE = Participations.of_projects(
    [
        ("p1", "HORIZON-CL5-2022-D2-01-04", ["a", "b", "c"]),
        ("p2", "HORIZON-CL5-2023-D2-01-07", ["a", "b"]),
        ("p3", "HORIZON-CL4-2023-DIGITAL-01-01", ["b", "d"]),
    ],
    networks={"a": frozenset({"EIT", "ECSEL"}), "c": frozenset({"EIT"})},
    programmes={"a": frozenset({"OK!Thess"}), "c": frozenset({"OK!Thess"})},
)
NODES = {
    "a": {"name": "A", "kind": "HES", "country": "EL"},
    "b": {"name": "B", "kind": "PRC", "country": "DE", "participations": 9},
    "c": {"name": "C", "kind": "PUB", "country": "EL", "city": "Thessaloniki"},
    "d": {"name": "D", "kind": "REC", "country": "FR"},
}
POPULARITY = popularity(NODES, DONE)


def test_popularity_is_the_larger_of_the_declared_and_the_counted_participations() -> None:
    assert POPULARITY == {"a": 2, "b": 9, "c": 1, "d": 1}


def test_the_counts_of_a_pool_are_those_of_its_facts() -> None:
    facts = OrganisationFacts(NODES, DONE, POPULARITY, topic="HORIZON-CL5-2024-D2-01-01", asker="a")
    pool = ["b", "c", "d"]
    counts = facts.counts(pool)
    expected = Counts.of_facts([facts[node_id] for node_id in pool])
    for name in Counts.__slots__:
        assert getattr(counts, name).tolist() == getattr(expected, name).tolist(), name
    assert counts.popularity.tolist() == [9, 1, 1]
    assert counts.co_participations.tolist() == [2, 1, 0]
    assert counts.shared_networks.tolist() == [0, 1, 0]
    assert counts.programme_participations.tolist() == [2, 1, 0]
    assert counts.destination_participations.tolist() == [2, 1, 0]
    assert facts["c"].shared_programmes == ("OK!Thess",)
    assert facts["c"].city == "Thessaloniki"


def test_facts_are_built_only_when_asked_for_and_once() -> None:
    facts = OrganisationFacts(NODES, DONE, POPULARITY, asker="a")
    facts.counts(list(NODES))
    assert facts._built == {}
    first = facts["b"]
    assert facts["b"] is first and list(facts._built) == ["b"]
    assert (first.co_participations, first.programme_participations) == (2, 0)
    assert len(facts) == 4 and set(facts) == set(NODES)
    with pytest.raises(KeyError):
        facts["nobody"]


def test_the_askers_partners_most_first_and_no_counts_without_an_asker_or_topic() -> None:
    assert OrganisationFacts(NODES, DONE, POPULARITY, asker="a").asker_partners(5) == ["b", "c"]
    facts = OrganisationFacts(NODES, DONE, POPULARITY)
    counts = facts.counts(["a", "b"])
    assert counts.popularity.tolist() == [2, 9] and facts.asker_partners(5) == []
    for name in ("co_participations", "shared_networks", "programme_participations"):
        assert getattr(counts, name).tolist() == [0, 0], name
