from __future__ import annotations

import pytest

from matching.documents import (
    WHOLE_TEXT_WORDS,
    clean,
    content_hash,
    cordis_profile_text,
    funding_call_text,
    leading_words,
    node_text,
    organisation_text,
    pilot_project_text,
    sentences,
)


def test_organisation_text_uses_every_matching_field() -> None:
    node = {
        "name": "Aristotle University of Thessaloniki",
        "short_name": "AUTH",
        "description_el": "Το μεγαλύτερο πανεπιστήμιο της Ελλάδας.",
        "description_en": None,
        "sectors": ["education", "research"],
        "capabilities_offered": [],
        "topics": ["smart cities"],
        "profile_text": "Digital twins for cities",
        "city": "Thessaloniki",
    }
    assert organisation_text(node) == (
        "Aristotle University of Thessaloniki. AUTH. Το μεγαλύτερο πανεπιστήμιο της Ελλάδας. "
        "education, research. smart cities. Digital twins for cities"
    )


def test_call_and_pilot_texts() -> None:
    call = {
        "title_en": "Open data for cities",
        "description_en": "<p>Use &amp; reuse of <b>data</b></p>",
        "programme": "Horizon Europe",
        "keywords": ["data", "cities"],
        "deadline": "2026-01-01",
    }
    assert funding_call_text(call) == (
        "Open data for cities. Use & reuse of data. Horizon Europe. data, cities"
    )
    pilot = {"title_el": "Έξυπνη στάθμευση", "problem_en": "Parking", "test_site": "Kalamaria"}
    assert pilot_project_text(pilot) == "Έξυπνη στάθμευση. Parking. Kalamaria"
    assert node_text("PilotProject", pilot) == pilot_project_text(pilot)
    with pytest.raises(ValueError, match="Person"):
        node_text("Person", {})


def test_cordis_profile_orders_by_frequency_and_dedupes() -> None:
    text = cordis_profile_text(
        ["Batteries", "Hydrogen valleys", "Hydrogen valleys"], ["chemistry", "chemistry", "ai"]
    )
    assert text == "Hydrogen valleys. Batteries. chemistry. ai"
    assert cordis_profile_text([], []) == ""


def test_clean_repairs_mojibake_and_spaces() -> None:
    assert clean("Europeâ€™s  green\n deal") == "Europe’s green deal"


def test_sentences_split_and_dedupe() -> None:
    assert sentences("A b. C d; e! A b. ") == ["A b.", "C d;", "e!"]


def test_content_hash_is_sha256_of_the_text() -> None:
    assert content_hash("abc") == (
        "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
    )
    assert content_hash("abc") != content_hash("abd")


def test_a_whole_text_is_embedded_as_its_first_words() -> None:
    long_text = " ".join(f"word{number}" for number in range(250))
    cut = leading_words(long_text)
    assert cut.split() == long_text.split()[:WHOLE_TEXT_WORDS]
    assert leading_words("A short call text.") == "A short call text."
