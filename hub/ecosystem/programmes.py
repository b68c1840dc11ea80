"""Programmes: acceleration cohorts (OK!Thess and similar), with their dates."""

from __future__ import annotations

from datetime import date
from typing import Any

from hub.ecosystem import crud, entities
from hub.ecosystem.fields import Input, Localized, Name, Url, check_period, iso
from hub.ecosystem.text import fold, search_text


class ProgrammeFields(Input):
    name: Name
    description: Localized | None = None
    starts_on: date | None = None
    ends_on: date | None = None
    website: Url | None = None


PROGRAMME = entities.define_kind(
    "Programme",
    where="$text IS NULL OR n.search_text CONTAINS $text",
    filter_example={"text": "x"},
)


def check(fields: ProgrammeFields) -> None:
    check_period(fields.starts_on, fields.ends_on, "input.endsOn")


def to_properties(fields: ProgrammeFields) -> dict[str, Any]:
    description = fields.description or Localized()
    return {
        "name": fields.name,
        "description_el": description.el,
        "description_en": description.en,
        "starts_on": iso(fields.starts_on),
        "ends_on": iso(fields.ends_on),
        "website": fields.website,
        "sort_key": fold(fields.name),
        "search_text": search_text(fields.name, description.el, description.en),
    }


def current_fields(node: dict[str, Any]) -> dict[str, Any]:
    return {
        "name": node["name"],
        "description": {"el": node.get("description_el"), "en": node.get("description_en")},
        "starts_on": node.get("starts_on"),
        "ends_on": node.get("ends_on"),
        "website": node.get("website"),
    }


PROGRAMMES = crud.Resource(
    kind=PROGRAMME,
    fields=ProgrammeFields,
    to_properties=to_properties,
    current_fields=current_fields,
    check=check,
)
