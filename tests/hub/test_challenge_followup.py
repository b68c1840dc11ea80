"""The follow-up pack's texts: what a winning team is matched by, and what a mentor's
consent lets the matching read."""

from __future__ import annotations

from hub.challenge_followup import consented_text, programme_text, team_text


def test_a_team_is_matched_by_its_submission_and_the_challenge() -> None:
    text = team_text(
        {"title": "Next bus", "summary": "Arrival predictions."},
        {
            "title_en": "Mobility 2027",
            "title_el": "Κινητικότητα 2027",
            "themes": ["mobility", "public transport"],
            "skills_sought": ["GIS"],
        },
    )
    assert text == (
        "Next bus. Arrival predictions.. Mobility 2027. Κινητικότητα 2027. "
        "mobility, public transport. GIS"
    )
    assert team_text(None, {"title_en": "Mobility 2027"}) == "Mobility 2027"


def test_a_mentor_is_read_only_as_far_as_they_consented() -> None:
    mentor = {"name": "M", "skills": ["GTFS"], "bio_en": "Transit planner.", "bio_el": None}
    assert consented_text(mentor) == "GTFS. Transit planner."  # no consent list: all shown
    assert consented_text({**mentor, "public_fields": ["SKILLS"]}) == "GTFS"
    assert consented_text({**mentor, "public_fields": ["BIO"]}) == "Transit planner."
    assert consented_text({**mentor, "public_fields": ["MENTORING"]}) == ""


def test_a_programme_is_read_by_its_name_and_description() -> None:
    node = {"name": "Accelerator", "description_en": "Six months.", "description_el": None}
    assert programme_text(node) == "Accelerator. Six months."
