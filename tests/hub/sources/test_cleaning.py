"""Portal text made readable: mojibake undone, HTML to text, glued paragraphs split."""

from __future__ import annotations

from hub.sources.cleaning import (
    bounded,
    html_to_text,
    portal_text,
    repair_mojibake,
    richness,
    unglue,
)


def test_mojibake_is_undone_run_by_run() -> None:
    assert repair_mojibake("the beneficiariesâ€™ costs") == "the beneficiaries’ costs"
    assert repair_mojibake("â€œquotedâ€\x9d â€“ dash") == "“quoted” – dash"
    assert repair_mojibake("COâ‚‚ at 20Â°C, WrocÅ‚aw") == "CO₂ at 20°C, Wrocław"


def test_proper_text_is_left_alone() -> None:
    for text in ("Åland Islands", "Θεσσαλονίκη", "café – naïve “quotes”", "plain ascii"):
        assert repair_mojibake(text) == text


def test_html_becomes_paragraphs_lists_and_cells() -> None:
    markup = (
        "<span>ExpectedOutcome</span>:<p>Results &amp; impact:</p><ul><li>first</li>"
        "<li>second&nbsp;item</li></ul><table><tr><td>a</td><td>b</td></tr></table>"
        "<p>Last <strong>word</strong>.</p>"
    )
    assert html_to_text(markup) == (
        "Expected Outcome:\n\nResults & impact:\n\n- first\n- second item\n\na | b\n\nLast word."
    )


def test_plain_text_keeps_its_lines_and_lost_bullets_become_dashes() -> None:
    text = "Scope:\tthis topic\n\n\n?\tEnergy storage.\n?\tGrids.\nThe ?Next generation? call"
    assert portal_text(text) == (
        "Scope: this topic\n\n- Energy storage.\n- Grids.\nThe ?Next generation? call"
    )


def test_glued_json_paragraphs_are_split() -> None:
    glued = "Objective:The grants aim at exploring research.Scope:Size of grants is fixed.They end."
    assert unglue(glued) == (
        "Objective: The grants aim at exploring research.\n\n"
        "Scope: Size of grants is fixed. They end."
    )


def test_richness_counts_real_characters_only() -> None:
    assert richness("<p>ab ? c1</p>") == richness("p") * 2 + 4
    assert richness(None) == 0


def test_bounded_cuts_at_a_paragraph() -> None:
    text = "first paragraph\n\n" + "x " * 50
    assert bounded(text, 30) == "first paragraph …"
    assert bounded(text, 40) == "first paragraph\n\nx x x x x x x x x x …"
    assert bounded("short", 40) == "short"
