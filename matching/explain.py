"""Readable reasons for a suggestion: shared words, meaning, graph paths and eligibility."""

from __future__ import annotations

from matching.evidence import Facts, GraphEvidence

MAX_TERMS = 6
CLOSE_MEANING = 0.5


def eligibility_problems(facts: Facts, evidence: GraphEvidence) -> list[str]:
    """Why the asker cannot apply to a call candidate (empty when it can, or is no call)."""
    call = facts.call
    if call is None:
        return []
    problems: list[str] = []
    if call.deadline is not None and evidence.today is not None and call.deadline < evidence.today:
        problems.append(f"the deadline passed on {call.deadline.isoformat()}")
    kind = evidence.asker_kind
    if call.eligible_kinds and kind is not None and kind not in call.eligible_kinds:
        allowed = ", ".join(sorted(call.eligible_kinds))
        problems.append(f"{kind} is not among the eligible kinds ({allowed})")
    country = evidence.asker_country
    if call.eligible_countries and country is not None and country not in call.eligible_countries:
        problems.append(f"{country} is not among the eligible countries")
    return problems


def _eligibility_reasons(facts: Facts, evidence: GraphEvidence) -> list[str]:
    call = facts.call
    if call is None:
        return []
    reasons: list[str] = []
    if call.deadline is not None and (evidence.today is None or call.deadline >= evidence.today):
        reasons.append(f"open until {call.deadline.isoformat()}")
    if call.eligible_kinds and evidence.asker_kind in call.eligible_kinds:
        reasons.append(f"{evidence.asker_kind} is eligible")
    if call.eligible_countries and evidence.asker_country in call.eligible_countries:
        reasons.append(f"{evidence.asker_country} is eligible")
    if call.budget_max:
        reasons.append(f"budget up to €{call.budget_max:,.0f}")
    return reasons


def explain(
    semantic: float,
    terms: tuple[str, ...],
    facts: Facts,
    evidence: GraphEvidence,
    *,
    partner: tuple[str, int] | None = None,
    problems: list[str] | None = None,
) -> str:
    """One readable sentence of reasons, the strongest first."""
    reasons: list[str] = []
    if problems:
        reasons.append("not eligible: " + "; ".join(problems))
    if terms:
        reasons.append("shared terms: " + ", ".join(terms[:MAX_TERMS]))
    if semantic >= CLOSE_MEANING:
        reasons.append(f"close in meaning (similarity {semantic:.2f})")
    if facts.co_participations:
        who = evidence.asker_name or "the asker"
        reasons.append(f"co-participated with {who} in {_projects(facts.co_participations)}")
    if partner is not None:
        name, projects = partner
        reasons.append(f"co-participated with {name} (also suggested) in {_projects(projects)}")
    for network in facts.shared_networks:
        reasons.append(f"both members of {network}")
    for programme in facts.shared_programmes:
        reasons.append(f"both in {programme}")
    if facts.destination_participations and facts.destination:
        reasons.append(f"{_projects(facts.destination_participations)} in {facts.destination}")
    if facts.programme_participations and facts.programme:
        reasons.append(f"{_projects(facts.programme_participations)} in {facts.programme}")
    if facts.popularity:
        reasons.append(f"took part in {_projects(facts.popularity)} in all")
    if not problems:
        reasons.extend(_eligibility_reasons(facts, evidence))
    return "; ".join(reasons) if reasons else "no specific reason beyond the overall score"


def _projects(count: int) -> str:
    return f"{count} project" if count == 1 else f"{count} projects"
