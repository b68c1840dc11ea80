from __future__ import annotations

from matching.text import analyse, fold, terms, tokens


def test_fold_removes_case_accents_and_final_sigma() -> None:
    assert fold("Θεσσαλονίκης") == "θεσσαλονικησ"
    assert fold("ΆΝΟΙΚΤΆ Δεδομένα") == "ανοικτα δεδομενα"
    assert fold("Café Ünïcode") == "cafe unicode"


def test_greek_inflections_share_stems() -> None:
    assert analyse("Ανοικτά Δεδομένα") == analyse("ανοικτών δεδομένων")
    assert analyse("Θεσσαλονίκης") == analyse("Θεσσαλονίκη") == analyse("ΘΕΣΣΑΛΟΝΙΚΗ")


def test_unaccented_greek_finds_accented() -> None:
    assert analyse("θεσσαλονικη") == analyse("Θεσσαλονίκη")
    assert analyse("ανοικτα δεδομενα") == analyse("Ανοικτά Δεδομένα")


def test_english_is_stemmed() -> None:
    assert analyse("sustainable energies") == ["sustain", "energi"]
    assert analyse("Cities") == analyse("city")


def test_stop_words_and_numbers_are_dropped_in_both_languages() -> None:
    assert analyse("the data of the city in 2024") == ["data", "citi"]
    assert analyse("τα δεδομένα της πόλης και του δήμου") == analyse("δεδομένα πόλης δήμου")
    assert "5g" in analyse("5G networks")


def test_terms_keep_the_word_for_explanations() -> None:
    found = list(terms("Ανοικτά Δεδομένα"))
    assert [t.word for t in found] == ["ανοικτά", "δεδομένα"]
    assert tokens("smart-city_platform, e-Health!") == ["smart", "city", "platform", "e", "health"]


def test_documents_and_queries_are_analysed_alike() -> None:
    document = analyse("Πλατφόρμα ανοικτών δεδομένων του Δήμου Θεσσαλονίκης")
    query = analyse("δεδομένα θεσσαλονικη")
    assert set(query) <= set(document)
