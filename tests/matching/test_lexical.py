from __future__ import annotations

import time

import pytest

from matching.lexical import LexicalIndex, Weighting

DOCUMENTS = {
    "opendata": "Πλατφόρμα Ανοικτών Δεδομένων του Δήμου Θεσσαλονίκης",
    "hydrogen": "Green hydrogen production and storage for ports",
    "mobility": "Smart mobility data platform for cities and open data",
    "health": "Digital health records and hospital interoperability",
}


def index() -> LexicalIndex:
    built = LexicalIndex()
    built.add_many(DOCUMENTS.items())
    return built


def test_bm25_finds_greek_with_other_inflections_and_no_accents() -> None:
    hits = index().search("ανοικτα δεδομενα θεσσαλονικη")
    assert [hit.id for hit in hits] == ["opendata"]
    assert set(hits[0].terms) == {"ανοικτα", "δεδομενα", "θεσσαλονικη"}


def test_bm25_ranks_by_shared_terms_and_reports_them() -> None:
    hits = index().search("hydrogen storage for port cities")
    assert hits[0].id == "hydrogen"
    assert hits[0].terms[:1] in (("hydrogen",), ("storage",), ("port",))
    assert set(hits[0].terms) == {"hydrogen", "storage", "port"}
    assert {hit.id for hit in hits} == {"hydrogen", "mobility"}


def test_tfidf_cosine_is_bounded_and_ranks_alike() -> None:
    hits = index().search("open data platform", weighting=Weighting.TFIDF)
    assert hits[0].id == "mobility"
    assert all(0.0 < hit.score <= 1.0 + 1e-6 for hit in hits)


def test_update_and_remove_by_id() -> None:
    built = index()
    built.add("hydrogen", "Offshore wind farms")
    assert built.search("hydrogen") == []
    assert built.search("wind")[0].id == "hydrogen"
    assert built.remove("health") and not built.remove("health")
    assert "health" not in built and len(built) == 3
    assert built.search("hospital") == []
    built.add("new", "hospital logistics")
    assert [hit.id for hit in built.search("hospital")] == ["new"]


def test_allowed_ids_and_limit() -> None:
    hits = index().search("data platform", allowed={"opendata", "health"})
    assert [hit.id for hit in hits] == []
    assert len(index().search("data", limit=1)) == 1


def test_scores_once_then_looks_up_any_document() -> None:
    scored = index().scored("hospital data")
    assert scored.terms(["health", "missing"]) == [("hospital",), ()]
    missing, health = scored.scores_of(["missing", "health"])
    assert missing == 0.0 and health > 0.0
    assert [doc_id for doc_id, _ in scored.best(None)] == [
        hit.id for hit in index().search("hospital data", limit=None)
    ]
    assert scored.best(None, allowed={"health"}) == [("health", health)]


def test_empty_query_and_empty_index() -> None:
    assert index().search("the of and") == []
    assert LexicalIndex().search("anything") == []


def test_a_query_over_25k_documents_takes_milliseconds() -> None:
    words = [f"w{i}" for i in range(5000)]
    built = LexicalIndex()
    for doc in range(25_000):
        built.add(str(doc), " ".join(words[(doc * 7 + k * 13) % 5000] for k in range(60)))
    built.search("w1")  # build the matrices once
    started = time.perf_counter()
    for _ in range(20):
        built.search("w1 w2 w3 w4 w5 w6 w7 w8 w9 w10", limit=20)
    assert (time.perf_counter() - started) / 20 < 0.05


@pytest.mark.parametrize("k1", [0.9, 1.2, 2.0])
def test_bm25_saturates_term_frequency(k1: float) -> None:
    built = LexicalIndex(k1=k1)
    built.add("once", "energy grid storage")
    built.add("often", "energy energy energy energy grid storage")
    scores = {hit.id: hit.score for hit in built.search("energy")}
    assert scores["often"] > scores["once"]
    assert scores["often"] < 4 * scores["once"]


def test_shared_words_come_rarest_and_most_repeated_first_ties_in_query_order() -> None:
    index = LexicalIndex()
    index.add_many(
        [
            ("doc", "solar solar solar grid storage battery"),
            *((f"other{i}", f"grid storage network {i}") for i in range(20)),
        ]
    )
    # a long query, as an organisation's whole profile is: most of its words match nothing
    query = " ".join(["battery storage grid solar", *(f"filler{i}" for i in range(500))])
    scored = index.scored(query)
    (shared,) = scored.terms(["doc"])
    # solar: rare and three times; battery: rare once; then grid and storage, equally common
    # and once each, in the order the query gives them
    assert shared == ("solar", "battery", "storage", "grid")
    assert scored.terms(["other3"]) == [("storage", "grid")]


@pytest.mark.parametrize("weighting", list(Weighting))
def test_an_indexed_document_as_the_query_scores_as_its_text_does(weighting: Weighting) -> None:
    built = index()
    built.add("repeat", "Data, data and more open DATA for smart cities")
    text = "Open data: DATA platforms and a data platform for cities"
    built.add("asker", text)
    by_text = built.scored(text, weighting)
    by_document = built.scored_document("asker", weighting)
    assert by_document is not None
    assert by_document.scores.tolist() == by_text.scores.tolist()
    ids = ["repeat", "opendata", "mobility", "asker"]
    assert by_document.terms(ids) == by_text.terms(ids)
    assert "platforms" in by_document.terms(["mobility"])[0]  # as first written in the text


def test_a_document_not_indexed_cannot_be_the_query() -> None:
    built = index()
    assert built.scored_document("nobody") is None
    built.remove("health")
    assert built.scored_document("health") is None
