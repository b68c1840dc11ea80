"""Every property the hub matches nodes on has an index on a label of the pattern."""

from __future__ import annotations

import re

from hub.graph_schema import HUB_SCHEMA
from tests.graph.statements import shared_statements

# `(n:Label {prop: ...})` and `(n:Entity:Label {prop: ...})` in MATCH and MERGE patterns.
PATTERN = re.compile(r"\(\w*((?::\w+)+) \{(\w+):")
UNINDEXED = {("SeedMarker", "name")}  # one node, read once per start


def test_every_matched_property_is_indexed() -> None:
    indexed = {*HUB_SCHEMA.unique, *HUB_SCHEMA.lookup, *UNINDEXED}
    missing = {
        (name, labels, prop)
        for name, statement in shared_statements().items()
        for labels, prop in PATTERN.findall(statement.cypher)
        if not any((label, prop) in indexed for label in labels.strip(":").split(":"))
    }
    assert missing == set()


def test_lookups_used_by_filters_and_the_challenge_writer_are_indexed() -> None:
    lookup = set(HUB_SCHEMA.lookup)
    assert ("FundingCall", "programme_key") in lookup
    assert ("FundingCall", "programme") not in lookup
    assert {("Challenge", "key"), ("Team", "key"), ("Award", "key")} <= lookup
    assert ("Challenge", "sort_key") in lookup
