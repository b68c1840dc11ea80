from __future__ import annotations

import pytest

from graph import ConfigurationError
from graph.url import parse_graph_url


@pytest.mark.parametrize("url", ["", "embedded", "  embedded "])
def test_embedded(url: str) -> None:
    assert parse_graph_url(url).kind == "embedded"


def test_external_falkordb() -> None:
    target = parse_graph_url("falkordb://graph.local:6380")
    assert (target.kind, target.host, target.port) == ("falkordb", "graph.local", 6380)
    assert parse_graph_url("falkordb://graph.local").port == 6379


@pytest.mark.parametrize(
    "url", ["neo4j://db:7687", "neo4j+s://x.databases.neo4j.io", "bolt://127.0.0.1:7687"]
)
def test_neo4j(url: str) -> None:
    target = parse_graph_url(url)
    assert target.kind == "neo4j" and target.url == url


@pytest.mark.parametrize(
    ("url", "problem"),
    [
        ("mysql://x", "not understood"),
        ("falkordb://:6379", "needs a host"),
        ("falkordb://h:port", "not a number"),
        ("bolt://", "needs a host"),
    ],
)
def test_bad_urls_say_what_is_wrong(url: str, problem: str) -> None:
    with pytest.raises(ConfigurationError, match=problem):
        parse_graph_url(url)
