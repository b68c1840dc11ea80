from __future__ import annotations

from hub.ecosystem.text import fold, search_text


def test_fold_ignores_case_accents_and_final_sigma() -> None:
    assert fold("Ανοικτά Δεδομένα") == fold("ανοικτα δεδομενα") == "ανοικτα δεδομενα"
    assert fold("ΘΕΣΣΑΛΟΝΊΚΗΣ") == fold("θεσσαλονικησ") == "θεσσαλονικησ"
    assert fold("  Smart   City\tLab ") == "smart city lab"
    assert fold("Café Ünïcode") == "cafe unicode"


def test_search_text_joins_fields_and_lists() -> None:
    assert search_text("Ωμέγα", None, ["AI", "Κινητικότητα"], "") == "ωμεγα ai κινητικοτητα"
