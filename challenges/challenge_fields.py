"""What a challenge says, as clients give it: validated field by field, mapped to the
properties of its `Challenge` node, and back (to apply a patch to)."""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any

from challenges.phases import DATE_FIELDS, check_schedule, schedule_of
from challenges.text import fold, search_text
from challenges.validation import Checker

DEFAULT_TEAM_SIZE = 5
MAX_TEAM_SIZE = 20
MAX_PRIZES = 20
FIELDS = (
    "title", "description", "rules", "eligibility", "themes", "organisers", "prizes",
    "schedule", "max_team_size", "website", "skills_sought",
)  # fmt: skip
PRIZE_KINDS = ("money", "in_kind")


def check_input(data: Mapping[str, Any], *, prefix: str = "input") -> dict[str, Any]:
    """Validate a challenge input; return its graph properties (without id and phase)."""
    checker = Checker(prefix)
    if not isinstance(data, Mapping):
        checker.fail("", "must be an object")
        checker.done()
    checker.unknown(data, FIELDS)
    title = checker.localized("title", data.get("title"), required=True, max_length=300)
    description = checker.localized("description", data.get("description"))
    rules = checker.localized("rules", data.get("rules"))
    eligibility = checker.localized("eligibility", data.get("eligibility"))
    themes = checker.tags("themes", data.get("themes"))
    skills = checker.tags("skills_sought", data.get("skills_sought"))
    organisers = checker.node_ids("organisers", data.get("organisers"), max_items=20)
    prizes = _check_prizes(checker, data.get("prizes"))
    schedule = check_schedule(checker, data.get("schedule"))
    team_size = checker.integer(
        "max_team_size", data.get("max_team_size"), minimum=1, maximum=MAX_TEAM_SIZE
    )
    website = checker.url("website", data.get("website"))
    checker.done()
    main_title = title["en"] or title["el"] or ""
    props: dict[str, Any] = {
        "title_el": title["el"],
        "title_en": title["en"],
        "description_el": description["el"],
        "description_en": description["en"],
        "rules_el": rules["el"],
        "rules_en": rules["en"],
        "eligibility_el": eligibility["el"],
        "eligibility_en": eligibility["en"],
        "themes": themes,
        "skills_sought": skills,
        "prizes": json.dumps(prizes, ensure_ascii=False, sort_keys=True),
        "max_team_size": team_size or DEFAULT_TEAM_SIZE,
        "website": website,
        "search_text": search_text(
            title["el"], title["en"], description["el"], description["en"], themes
        ),
        "organisers": organisers,
    }
    props["timezone"] = None
    for name in DATE_FIELDS:
        props[name] = props[f"{name}_utc"] = None
    if schedule is not None:
        props.update(schedule.properties())
    props["title_key"] = fold(main_title)
    return props


def finish(props: dict[str, Any], year: int) -> None:
    """`year` (kept when the schedule gives none) and the sort key that starts with it."""
    props["year"] = props.get("year") or year
    props["sort_key"] = f"{props['year']}-{props.pop('title_key')}"


def _check_prizes(checker: Checker, value: Any) -> list[dict[str, Any]]:
    if value is None:
        return []
    if not isinstance(value, list) or len(value) > MAX_PRIZES:
        checker.fail("prizes", f"must be a list of at most {MAX_PRIZES} prizes")
        return []
    prizes = []
    for i, item in enumerate(value):
        field = f"prizes[{i}]"
        if not isinstance(item, Mapping):
            checker.fail(field, "must be an object with kind, rank, amount/currency or description")
            continue
        for key in sorted(set(item) - {"kind", "rank", "amount", "currency", "description"}):
            checker.fail(f"{field}.{key}", "is not a known field")
        kind = checker.choice(f"{field}.kind", item.get("kind"), PRIZE_KINDS)
        rank = checker.integer(f"{field}.rank", item.get("rank"), minimum=1, maximum=100)
        description = checker.localized(f"{field}.description", item.get("description"))
        amount = checker.integer(
            f"{field}.amount",
            item.get("amount"),
            minimum=1,
            maximum=10**9,
            required=kind == "money",
        )
        currency = checker.text(f"{field}.currency", item.get("currency"), max_length=3)
        if kind == "money" and (
            currency is None or not (currency.isalpha() and len(currency) == 3)
        ):
            checker.fail(f"{field}.currency", "must be an ISO 4217 code such as EUR")
        if kind == "in_kind" and description["el"] is None and description["en"] is None:
            checker.fail(f"{field}.description", "must say what the prize in kind is", "REQUIRED")
        prizes.append(
            {
                "kind": kind,
                "rank": rank,
                "amount": amount if kind == "money" else None,
                "currency": currency.upper() if currency and kind == "money" else None,
                "description": description,
            }
        )
    return prizes


def prizes_of(node: Mapping[str, Any]) -> list[dict[str, Any]]:
    raw = node.get("prizes")
    return list(json.loads(str(raw))) if raw else []


def current_input(node: Mapping[str, Any], organisers: list[str]) -> dict[str, Any]:
    """A stored challenge as the input that would write it (to apply a patch to)."""
    schedule = schedule_of(node)

    def texts(name: str) -> dict[str, Any] | None:
        el, en = node.get(f"{name}_el"), node.get(f"{name}_en")
        return None if el is None and en is None else {"el": el, "en": en}

    return {
        "title": texts("title"),
        "description": texts("description"),
        "rules": texts("rules"),
        "eligibility": texts("eligibility"),
        "themes": list(node.get("themes") or []),
        "skills_sought": list(node.get("skills_sought") or []),
        "organisers": organisers,
        "prizes": prizes_of(node),
        "schedule": schedule.as_input() if schedule else None,
        "max_team_size": node.get("max_team_size"),
        "website": node.get("website"),
    }
