"""Consent per field of a public profile.

A person is private until they opt in (`isPublic`); a public profile shows the fields the
person consented to (`public_fields` on the Person node). A profile without the property
(written before consent existed, or by an administrator's import) shows every field, as
before. The person themself always sees all of their own profile.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from enum import StrEnum
from typing import Any

from graph import GraphEngine, Statement
from hub.ecosystem.entities import now_iso
from hub.ecosystem.errors import NotFound


class ProfileField(StrEnum):
    BIO = "BIO"
    SKILLS = "SKILLS"
    WEBSITE = "WEBSITE"
    AFFILIATIONS = "AFFILIATIONS"
    MENTORING = "MENTORING"


SET_PUBLIC_FIELDS = Statement(
    name="set_public_fields",
    cypher="MATCH (p:Person {id: $id}) SET p.public_fields = $fields, p.is_public = $public, "
    "p.updated_at = $now RETURN p {.*} AS node",
    example={"id": "x", "fields": ["BIO"], "public": True, "now": "2026-01-01"},
    write=True,
)


def shows(node: Mapping[str, Any], field: ProfileField) -> bool:
    """Whether others may see `field` of this (public) profile."""
    consented = node.get("public_fields")
    return consented is None or field.value in consented


async def set_consent(
    graph: GraphEngine, person_id: str, *, public: bool, fields: Iterable[ProfileField]
) -> dict[str, Any]:
    """Make the profile public (with these fields) or private again; the node written."""
    chosen = sorted({ProfileField(field).value for field in fields})
    params = {"id": person_id, "fields": chosen, "public": public, "now": now_iso()}
    rows = await graph.run(SET_PUBLIC_FIELDS, params)
    if not rows:
        raise NotFound("no Person has this id", "personId")
    return dict(rows[0]["node"])
