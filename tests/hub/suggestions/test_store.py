"""What a node is embedded as: a call as its first words, others sentence by sentence."""

from __future__ import annotations

from hub.suggestions.store import embedding_hash, parts_of
from matching.documents import WHOLE_TEXT_WORDS


def test_a_call_is_embedded_as_its_first_words_and_a_profile_by_its_sentences() -> None:
    description = " ".join(f"word{number}." for number in range(300))
    (call_part,) = parts_of("FundingCall", description)
    assert call_part.split() == description.split()[:WHOLE_TEXT_WORDS]
    profile = "Hydrogen storage. Smart grids. Hydrogen storage."
    assert parts_of("Organisation", profile) == ["Hydrogen storage.", "Smart grids."]


def test_how_a_text_is_embedded_is_part_of_its_hash() -> None:
    text = "Hydrogen storage. Smart grids."
    assert embedding_hash("FundingCall", text) != embedding_hash("Organisation", text)
    assert embedding_hash("FundingCall", text) == embedding_hash("FundingCall", text)
