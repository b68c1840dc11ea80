from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from matching.evidence import CallTerms, Counts, Facts, GraphEvidence, Role
from matching.lexical import LexicalIndex
from matching.ranking import (
    Candidate,
    Use,
    Weights,
    calls,
    consortium,
    partners,
    rank,
    similar,
    with_weights,
)


def test_greek_query_finds_the_greek_document_despite_an_english_only_model() -> None:
    documents = {
        "greek": "Πλατφόρμα ανοικτών δεδομένων για τη συγκοινωνία της Θεσσαλονίκης",
        "english-1": "Cloud platform for logistics companies",
        "english-2": "Data platform for public transport operators",
    }
    index = LexicalIndex()
    index.add_many(documents.items())
    query = "ανοικτά δεδομένα συγκοινωνίας Θεσσαλονίκη"
    hits = {hit.id: hit for hit in index.search(query, limit=None)}
    # An English-only model scores Greek text as noise: the English documents look closer.
    semantic = {"greek": 0.21, "english-1": 0.34, "english-2": 0.31}
    candidates = [
        Candidate(
            doc,
            semantic=semantic[doc],
            lexical=hits[doc].score if doc in hits else 0.0,
            terms=hits[doc].terms if doc in hits else (),
        )
        for doc in documents
    ]
    ranked = partners(candidates)
    assert ranked[0].id == "greek"
    assert ranked[0].lexical > 0 and ranked[1].lexical == 0
    assert "shared terms: " in ranked[0].explanation
    assert "θεσσαλονίκη" in ranked[0].explanation


def test_score_is_the_sum_of_its_parts_and_the_prior_breaks_ties() -> None:
    evidence = GraphEvidence(facts={"a": Facts(popularity=3), "b": Facts(popularity=40)})
    ranked = partners([Candidate("a", 0.5, 1.0), Candidate("b", 0.5, 1.0)], evidence)
    assert [r.id for r in ranked] == ["b", "a"]
    for item in ranked:
        assert item.score == item.semantic + item.lexical + item.graph + item.prior
    assert "took part in 40 projects in all" in ranked[0].explanation


def test_exclude_and_limit() -> None:
    pool = [Candidate(str(i), semantic=i / 10) for i in range(10)]
    ranked = similar(pool, limit=3, exclude={"9"})
    assert [r.id for r in ranked] == ["8", "7", "6"]
    assert rank([], use=Use.PARTNERS) == []


def test_shared_terms_are_asked_only_for_the_ranked_candidates() -> None:
    index = LexicalIndex()
    index.add_many({str(i): f"hydrogen storage number{i}" for i in range(30)}.items())
    scored = index.scored("hydrogen storage")
    asked: list[list[str]] = []

    def shared_terms(ids: Sequence[str]) -> list[tuple[str, ...]]:
        asked.append(list(ids))
        return scored.terms(ids)

    ids = [str(i) for i in range(30)]
    pool = [
        Candidate(doc_id, semantic=i / 30, lexical=words)
        for i, (doc_id, words) in enumerate(zip(ids, scored.scores_of(ids), strict=True))
    ]
    ranked = partners(pool, limit=3, shared_terms=shared_terms)
    assert asked == [["29", "28", "27"]]
    assert all("shared terms: hydrogen, storage" in item.explanation for item in ranked)


def test_graph_path_in_words() -> None:
    evidence = GraphEvidence(
        facts={
            "certh": Facts(
                name="CERTH",
                co_participations=3,
                shared_networks=("Enterprise Europe Network",),
            ),
            "other": Facts(name="Other"),
        },
        asker_name="Municipality of Thessaloniki",
    )
    ranked = partners([Candidate("certh", 0.4), Candidate("other", 0.4)], evidence)
    assert ranked[0].id == "certh" and ranked[0].graph > 0
    assert "co-participated with Municipality of Thessaloniki in 3 projects" in (
        ranked[0].explanation
    )
    assert "both members of Enterprise Europe Network" in ranked[0].explanation


def test_ineligible_calls_come_last_and_say_why() -> None:
    today = date(2026, 6, 1)
    evidence = GraphEvidence(
        facts={
            "closed": Facts(name="Closed", call=CallTerms(deadline=date(2026, 1, 1))),
            "open": Facts(
                name="Open",
                call=CallTerms(
                    deadline=date(2026, 9, 15),
                    eligible_kinds=frozenset({"SME", "STARTUP"}),
                    budget_max=2_000_000,
                ),
            ),
            "public-only": Facts(
                call=CallTerms(deadline=date(2026, 9, 1), eligible_kinds=frozenset({"PUBLIC_BODY"}))
            ),
        },
        asker_kind="SME",
        today=today,
    )
    ranked = calls(
        [Candidate("closed", 0.9), Candidate("public-only", 0.8), Candidate("open", 0.3)],
        evidence,
    )
    assert [r.id for r in ranked] == ["open", "closed", "public-only"]
    assert [r.eligible for r in ranked] == [True, False, False]
    assert "open until 2026-09-15" in ranked[0].explanation
    assert "SME is eligible" in ranked[0].explanation
    assert "budget up to €2,000,000" in ranked[0].explanation
    assert "not eligible: the deadline passed on 2026-01-01" in ranked[1].explanation
    assert "SME is not among the eligible kinds (PUBLIC_BODY)" in ranked[2].explanation


def test_partners_of_partners_raise_past_co_participants_of_the_top() -> None:
    pool = [Candidate(f"s{i}", semantic=0.8 - i * 0.01) for i in range(5)]
    pool += [Candidate("loner", semantic=0.6), Candidate("friend", semantic=0.59)]
    links = {"friend": {"s0": 4, "s1": 2}, "s0": {"friend": 4}, "s1": {"friend": 2}}
    evidence = GraphEvidence(
        facts={f"s{i}": Facts(name=f"S{i}") for i in range(5)}, co_participation=links
    )
    weights = Weights(prior=0.0, partners=0.3, diversity=0.0, seeds=5)
    ranked = rank(pool, evidence, use=Use.CONSORTIUM, weights=weights, limit=None)
    order = [r.id for r in ranked]
    assert order.index("friend") < order.index("loner")
    friend = next(r for r in ranked if r.id == "friend")
    assert "co-participated with S0 (also suggested) in 4 projects" in friend.explanation


def test_consortium_mixes_kinds_at_the_top_and_says_what_it_lacks() -> None:
    startups = [Candidate(f"startup{i}", semantic=0.9 - i * 0.005) for i in range(12)]
    others = [Candidate("university", semantic=0.8), Candidate("city", semantic=0.78)]
    facts = {f"startup{i}": Facts(kind="STARTUP", country="EL") for i in range(12)}
    facts["university"] = Facts(kind="UNIVERSITY", country="EL")
    facts["city"] = Facts(kind="PUBLIC_BODY", country="EL")
    evidence = GraphEvidence(facts=facts)

    plain = rank(
        startups + others,
        evidence,
        use=Use.CONSORTIUM,
        weights=with_weights(Use.CONSORTIUM, diversity=0.0),
    )
    assert {"university", "city"}.isdisjoint(r.id for r in plain[:10])

    built = consortium(startups + others, evidence, size=10)
    top = [m.id for m in built.members[:10]]
    assert "university" in top and "city" in top
    assert sum(member.startswith("startup") for member in top) == 8
    assert set(built.roles) == {Role.INDUSTRY, Role.ACADEMIA, Role.PUBLIC}
    assert built.missing_roles == (Role.RESEARCH,)
    assert built.countries == ("EL",) and built.missing_countries == 2


def test_with_counts_given_only_the_returned_candidates_facts_are_read() -> None:
    facts = {str(i): Facts(name=f"org {i}", popularity=i) for i in range(40)}
    read: list[str] = []

    class Recording(dict[str, Facts]):
        def get(self, key: str, default: object = None) -> Facts:  # type: ignore[override]
            read.append(key)
            return facts[key]

    pool = [Candidate(str(i), semantic=0.5) for i in range(40)]
    lazy = GraphEvidence(
        facts=Recording(), counts=lambda ids: Counts.of_facts([facts[i] for i in ids])
    )
    ranked = partners(pool, lazy, limit=3)
    eager = partners(pool, GraphEvidence(facts=facts), limit=3)
    assert [r.id for r in ranked] == [r.id for r in eager] == ["39", "38", "37"]
    assert [r.score for r in ranked] == [r.score for r in eager]
    assert set(read) == {"39", "38", "37"}
