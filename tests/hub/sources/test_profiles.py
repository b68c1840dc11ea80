"""An imported organisation's profile keeps what all its projects were about."""

from __future__ import annotations

from hub.sources.profiles import profile_text


def test_an_organisation_with_hundreds_of_projects_keeps_every_topic_and_field() -> None:
    titles = [
        f"Research and innovation action number {n} on a distinct subject" for n in range(300)
    ]
    fields = [f"field of science {n}" for n in range(40)]
    text = profile_text(topic_titles=titles, fields_of_science=fields)
    assert len(text) > 15_000
    assert all(title in text for title in titles)
    assert all(field in text for field in fields)


def test_a_bound_keeps_the_most_frequent_topics() -> None:
    titles = ["Rare topic", "Frequent topic", "Frequent topic", "Frequent topic"]
    text = profile_text(topic_titles=titles, fields_of_science=[], limit=20)
    assert "Frequent topic" in text
    assert "Rare topic" not in text
