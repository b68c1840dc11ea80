"""Teams' skill gaps and the open teams a person would complete."""

from __future__ import annotations

from challenges import teams
from challenges.team_needs import fills, gaps, open_teams, suggest_teams
from graph import GraphEngine
from tests.challenges.factories import node, open_challenge


def test_gaps_and_fills_ignore_case_and_accents() -> None:
    sought = ["GIS", "Data visualisation", "Σχεδιασμός UX"]
    assert gaps(sought, ["gis", "python"]) == ["Data visualisation", "Σχεδιασμός UX"]
    assert fills(["σχεδιασμος ux", "DATA VISUALISATION"], sought) == [
        "Data visualisation",
        "Σχεδιασμός UX",
    ]


async def test_a_person_is_suggested_the_open_teams_they_complete(graph: GraphEngine) -> None:
    live = await open_challenge(
        graph, until="registration", max_team_size=2, skills_sought=["GIS", "Python", "UX"]
    )

    async def team(name: str, *skills: list[str]) -> str:
        lead = await node(graph, "Person", f"{name} lead", skills=skills[0])
        created = await teams.create_team(
            graph=graph, challenge_id=live["id"], lead_id=lead, name=name
        )
        for extra in skills[1:]:
            member = await node(graph, "Person", f"{name} member", skills=extra)
            await teams.invite(
                graph=graph, team_id=created["id"], person_id=member, invited_by=lead
            )
            await teams.join(graph=graph, team_id=created["id"], person_id=member)
        return str(created["id"])

    mappers = await team("Mappers", ["GIS"])
    await team("Full", ["GIS"], ["Python", "UX"])  # no free place
    coders = await team("Coders", ["python"])
    needs = {n.name: n.gaps for n in await open_teams(graph=graph, challenge_id=live["id"])}
    assert needs == {"Coders": ["GIS", "UX"], "Mappers": ["Python", "UX"]}

    designer = await node(graph, "Person", "Designer", skills=["ux", "gis"])
    ranked = await suggest_teams(graph=graph, challenge_id=live["id"], person_id=designer)
    assert [(s.needs.team, s.fills) for s in ranked] == [
        (coders, ["GIS", "UX"]),
        (mappers, ["UX"]),
    ]
