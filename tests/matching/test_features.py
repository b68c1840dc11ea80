from __future__ import annotations

from matching.features import History, PastProject, topic_family


def test_topic_family_drops_the_year() -> None:
    topic = "HORIZON-CL5-2024-D2-01-04"
    assert topic_family(topic, 1) == "HORIZON"
    assert topic_family(topic, 2) == "HORIZON-CL5"
    assert topic_family(topic, 3) == "HORIZON-CL5-D2"
    assert topic_family(topic) == "HORIZON-CL5-D2-01-04"
    assert topic_family("ERC-2023-STG") == "ERC-STG"


def test_history_counts_participations_partners_and_families() -> None:
    history = History(
        [
            PastProject("HORIZON-CL5-2021-D2-01-01", ("a", "b", "c")),
            PastProject("HORIZON-CL5-2022-D2-01-01", ("a", "b")),
            PastProject("HORIZON-CL4-2022-DIGITAL-01-01", ("a", "a", "d")),
            PastProject(None, ("e",)),
        ]
    )
    assert history.popularity["a"] == 3 and history.popularity["e"] == 1
    assert history.co_participation()["a"]["b"] == 2
    assert "a" not in history.co_participation()["a"]
    call = "HORIZON-CL5-2024-D2-01-09"
    assert history.in_family("b", call, 3) == 2
    assert history.in_family("d", call, 1) == 1 and history.in_family("d", call, 2) == 0
    assert dict(history.family_members(call, 3)) == {"a": 2, "b": 2, "c": 1}
    assert history.action_popularity("HORIZON-CL5-2024-D2-01-01") == 2
