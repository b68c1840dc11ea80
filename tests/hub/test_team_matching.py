"""Team suggestions re-ranked by matching (the real model): among teams whose gaps a
person's tags fill equally, the one whose needs and work meet the person's profile first."""

from __future__ import annotations

from challenges import submissions, team_needs, teams
from graph.falkordb_engine import FalkorDBEngine
from hub import team_matching
from hub.suggestions.index import MatchIndex
from hub.suggestions.models import EmbedderHolder
from hub.suggestions.service import Matcher
from tests.challenges.factories import DURING_SUBMISSION, node, open_challenge


async def test_matching_puts_the_team_the_person_fits_first(
    graph: FalkorDBEngine, holder: EmbedderHolder
) -> None:
    live = await open_challenge(graph, until="submission", skills_sought=["GIS", "UX"])
    entries = {
        # name: (the lead's skills, the submission)
        "Alpha": (["UX"], "Bus tickets, friendly", "A friendly mobile interface for tickets."),
        "Zeta": (["UX"], "Bike lane map", "A map of bike lanes from geographic open data."),
        "Omega": (["GIS"], "Ticket app design", "Clear screens and buttons for buying tickets."),
    }
    for name, (skills, title, summary) in entries.items():
        lead = await node(graph, "Person", f"{name} lead", skills=skills)
        team = await teams.create_team(
            graph=graph, challenge_id=live["id"], lead_id=lead, name=name, now=DURING_SUBMISSION
        )
        await submissions.submit(
            graph=graph,
            team_id=team["id"],
            author_id=lead,
            data={"title": title, "summary": summary},
            now=DURING_SUBMISSION,
        )
    cartographer = await node(
        graph,
        "Person",
        "Cartographer",
        skills=["cartography", "maps"],
        bio_en="I draw maps from geographic data of cities and their bike lanes.",
    )
    baseline = await team_needs.suggest_teams(
        graph=graph, challenge_id=live["id"], person_id=cartographer
    )
    # no tag fills a gap: the baseline falls back to size, then name
    assert [(s.needs.name, s.fills) for s in baseline] == [
        ("Alpha", []),
        ("Omega", []),
        ("Zeta", []),
    ]
    embedder = holder.get()
    matcher = Matcher(graph=graph, index=MatchIndex(embedder.dimensions), embedder=embedder)
    ranked = await team_matching.suggest_teams(
        graph=graph, matcher=matcher, challenge_id=live["id"], person_id=cartographer
    )
    assert ranked[0].needs.name == "Zeta"  # needs GIS, works on maps of bike lanes
    assert sorted(s.needs.name for s in ranked) == ["Alpha", "Omega", "Zeta"]
    # a person whose tags fill a gap still sees that team first
    designer = await node(graph, "Person", "Designer", skills=["ux"], bio_en="maps maps maps")
    for_designer = await team_matching.suggest_teams(
        graph=graph, matcher=matcher, challenge_id=live["id"], person_id=designer
    )
    assert [s.needs.name for s in for_designer][:1] == ["Omega"]
    assert for_designer[0].fills == ["UX"]
    # without a matcher, the baseline order
    plain = await team_matching.suggest_teams(
        graph=graph, matcher=None, challenge_id=live["id"], person_id=cartographer
    )
    assert [s.needs.name for s in plain] == ["Alpha", "Omega", "Zeta"]


def test_lexical_overlap_counts_the_documents_stems() -> None:
    assert team_matching.lexical_overlap("maps of bike lanes", "bike lane map") == 1.0
    assert team_matching.lexical_overlap("tickets", "bike lane map") == 0.0
    assert team_matching.lexical_overlap("anything", "") == 0.0
