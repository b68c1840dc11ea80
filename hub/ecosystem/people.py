"""People: researchers, mentors, founders and officials. Private unless they opt in."""

from __future__ import annotations

from enum import StrEnum
from typing import Annotated, Any

from pydantic import AfterValidator, Field

from hub.ecosystem import crud, entities
from hub.ecosystem.fields import Email, Input, Localized, Name, TagList, Url
from hub.ecosystem.text import fold, search_text


class PersonRole(StrEnum):
    RESEARCHER = "RESEARCHER"
    MENTOR = "MENTOR"
    FOUNDER = "FOUNDER"
    OFFICIAL = "OFFICIAL"


def _some_roles(roles: list[PersonRole]) -> list[PersonRole]:
    if not roles:
        raise ValueError("must name at least one role")
    return list(dict.fromkeys(roles))


Roles = Annotated[list[PersonRole], Field(max_length=20), AfterValidator(_some_roles)]


class PersonFields(Input):
    name: Name
    roles: Roles
    bio: Localized | None = None
    skills: TagList = Field(default_factory=list)
    email: Email | None = None
    website: Url | None = None
    is_public: bool = False


PERSON = entities.define_kind(
    "Person",
    where=(
        "n.is_public = true AND ($role IS NULL OR $role IN n.roles) "
        "AND ($text IS NULL OR n.search_text CONTAINS $text)"
    ),
    filter_example={"role": "MENTOR", "text": "x"},
)


def is_public(node: dict[str, Any]) -> bool:
    """Whether the person opted in to a public profile (everyone else sees nothing)."""
    return node.get("is_public") is True


def to_properties(fields: PersonFields) -> dict[str, Any]:
    """Graph properties of a person; the e-mail address is stored but never searchable."""
    bio = fields.bio or Localized()
    return {
        "name": fields.name,
        "roles": [role.value for role in fields.roles],
        "bio_el": bio.el,
        "bio_en": bio.en,
        "skills": fields.skills,
        "email": fields.email,
        "website": fields.website,
        "is_public": fields.is_public,
        "sort_key": fold(fields.name),
        "search_text": search_text(fields.name, bio.el, bio.en, fields.skills),
    }


def current_fields(node: dict[str, Any]) -> dict[str, Any]:
    return {
        "name": node["name"],
        "roles": node.get("roles", []),
        "bio": {"el": node.get("bio_el"), "en": node.get("bio_en")},
        "skills": node.get("skills", []),
        "email": node.get("email"),
        "website": node.get("website"),
        "is_public": bool(node.get("is_public", False)),
    }


PEOPLE = crud.Resource(
    kind=PERSON,
    fields=PersonFields,
    to_properties=to_properties,
    current_fields=current_fields,
)
