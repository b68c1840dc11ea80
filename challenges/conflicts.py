"""Conflicts of interest between judges and teams, found in the graph with their path.

A judge may not judge a team when the judge
- is a member of the team;
- is affiliated with an organisation of the team (one the team comes from, or one a
  member is affiliated with);
- is affiliated with an organisation that partnered with an organisation of the team:
  both took part in the same funded project (PARTICIPATED_IN) or pilot project
  (HOSTS / PARTNER_IN);
- posted a pilot project that an organisation of the team hosts or partners in.
Each conflict comes with its path, e.g. judge -AFFILIATED_WITH-> Organisation
<-AFFILIATED_WITH- member -TEAM_MEMBER-> team, shortest first.
"""

from __future__ import annotations

from collections.abc import Sequence

from challenges.errors import PathStep
from challenges.ids import new_id
from graph import GraphEngine, Statement

_RETURN = (
    "RETURN j.id AS judge, t.id AS team, [n IN nodes(p) | n.id] AS ids, "
    "[n IN nodes(p) | coalesce(n.name, n.title_en, n.title_el, n.id)] AS names, "
    "[n IN nodes(p) | [label IN labels(n) WHERE label <> 'Entity'][0]] AS labels, "
    "[r IN relationships(p) | type(r)] AS relations"
)
_WHERE = "WHERE j.id IN $judges AND t.id IN $teams"
_PARTNERED = "[:PARTICIPATED_IN|HOSTS|PARTNER_IN]"
# The organisations of a team, as the tail of a path ending at t.
_TEAM_ORGS = (
    "-[:TEAM_ORGANISATION]->(t:Team)",
    "<-[:AFFILIATED_WITH]-(m:Person)-[:TEAM_MEMBER]->(t:Team)",
)
_PATTERNS = (
    "(j:Person)-[:TEAM_MEMBER]->(t:Team)",
    *(f"(j:Person)-[:AFFILIATED_WITH]->(o:Organisation){tail}" for tail in _TEAM_ORGS),
    *(
        f"(j:Person)-[:AFFILIATED_WITH]->(o:Organisation)-{_PARTNERED}->(x)"
        f"<-{_PARTNERED}-(o2:Organisation){tail}"
        for tail in _TEAM_ORGS
    ),
    *(
        f"(j:Person)-[:POSTED]->(x:PilotProject)<-[:HOSTS|PARTNER_IN]-(o2:Organisation){tail}"
        for tail in _TEAM_ORGS
    ),
)


def _branch(pattern: str) -> str:
    extra = ""
    if "(m:Person)" in pattern:
        extra += " AND m <> j"
    if "(o2:Organisation)" in pattern and "(o:Organisation)" in pattern:
        extra += " AND o <> o2"
    return f"MATCH p = {pattern} {_WHERE}{extra} {_RETURN}"


CONFLICTS = Statement(
    name="challenge_conflicts_of_interest",
    cypher=" UNION ALL ".join(_branch(pattern) for pattern in _PATTERNS),
    example={"judges": [new_id()], "teams": [new_id()]},
)


def path_of(row: dict[str, object]) -> list[PathStep]:
    ids, names, labels, relations = (
        list(row[key])  # type: ignore[call-overload]
        for key in ("ids", "names", "labels", "relations")
    )
    return [
        PathStep(
            label=str(labels[i]),
            id=str(ids[i]),
            name=str(names[i]),
            relation=str(relations[i]) if i < len(relations) else None,
        )
        for i in range(len(ids))
    ]


def describe(path: Sequence[PathStep]) -> str:
    """`Maria Papadopoulou -AFFILIATED_WITH-> CERTH -TEAM_ORGANISATION-> CityFlow`."""
    parts = []
    for step in path:
        parts.append(step.name)
        if step.relation:
            parts.append(f"-{step.relation}-")
    return " ".join(parts)


async def find_conflicts(
    *, graph: GraphEngine, judges: Sequence[str], teams: Sequence[str]
) -> dict[tuple[str, str], list[PathStep]]:
    """For each conflicted (judge, team) pair, its shortest path (ties: by the path's ids)."""
    if not judges or not teams:
        return {}
    rows = await graph.run(
        CONFLICTS, {"judges": list(dict.fromkeys(judges)), "teams": list(dict.fromkeys(teams))}
    )
    found: dict[tuple[str, str], list[PathStep]] = {}
    for row in sorted(rows, key=lambda r: (len(r["ids"]), list(r["ids"]))):
        found.setdefault((row["judge"], row["team"]), path_of(row))
    return found
