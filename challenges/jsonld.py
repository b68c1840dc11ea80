"""schema.org JSON-LD for a public challenge: a Hackathon (an Event) and its organisers.

Only public data: no participants, scores or comments. A draft has no public form.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from challenges.challenge_fields import prizes_of
from challenges.phases import Phase, schedule_of

STATUS = "https://schema.org/EventScheduled"


def challenge_jsonld(
    node: Mapping[str, Any],
    organisers: Sequence[Mapping[str, Any]],
    *,
    url: str | None = None,
    language: str = "en",
) -> dict[str, Any] | None:
    """The challenge as `{"@context": "https://schema.org", "@type": ["Event", "Hackathon"]}`."""
    if node.get("phase") == Phase.DRAFT.value:
        return None
    other = "el" if language == "en" else "en"

    def text(name: str) -> str | None:
        value = node.get(f"{name}_{language}") or node.get(f"{name}_{other}")
        return str(value) if value else None

    schedule = schedule_of(node)
    data: dict[str, Any] = {
        "@context": "https://schema.org",
        "@type": ["Event", "Hackathon"],
        "@id": url or f"urn:uuid:{node['id']}",
        "name": text("title"),
        "description": text("description"),
        "inLanguage": ["el", "en"],
        "eventStatus": STATUS,
        "eventAttendanceMode": "https://schema.org/MixedEventAttendanceMode",
        "location": {
            "@type": "Place",
            "name": "Thessaloniki",
            "address": {
                "@type": "PostalAddress",
                "addressLocality": "Thessaloniki",
                "addressCountry": "GR",
            },
        },
        "keywords": list(node.get("themes") or []),
        "organizer": [
            {
                "@type": "Organization",
                "name": organiser.get("name"),
                **({"url": organiser["website"]} if organiser.get("website") else {}),
            }
            for organiser in organisers
        ],
    }
    if url:
        data["url"] = url
    if schedule is not None:
        data["startDate"] = schedule.registration_opens.isoformat()
        data["endDate"] = (schedule.judging_ends or schedule.submission_deadline).isoformat()
    money = [p for p in prizes_of(node) if p.get("kind") == "money"]
    if money:
        data["funding"] = [
            {
                "@type": "MonetaryGrant",
                "name": f"Prize {prize.get('rank') or ''}".strip(),
                "amount": {
                    "@type": "MonetaryAmount",
                    "value": prize["amount"],
                    "currency": prize["currency"],
                },
            }
            for prize in money
        ]
    return {key: value for key, value in data.items() if value not in (None, [], "")}
