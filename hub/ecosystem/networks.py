"""Networks: Enterprise Europe Network, EIT communities, city networks, clusters."""

from __future__ import annotations

from enum import StrEnum
from typing import Any

from hub.ecosystem import crud, entities
from hub.ecosystem.fields import Input, Localized, Name, Url
from hub.ecosystem.text import fold, search_text


class NetworkKind(StrEnum):
    EEN = "EEN"
    EIT_COMMUNITY = "EIT_COMMUNITY"
    CITY_NETWORK = "CITY_NETWORK"
    CLUSTER = "CLUSTER"
    OTHER = "OTHER"


class NetworkFields(Input):
    name: Name
    kind: NetworkKind
    description: Localized | None = None
    website: Url | None = None


NETWORK = entities.define_kind(
    "Network",
    where=("($kind IS NULL OR n.kind = $kind) AND ($text IS NULL OR n.search_text CONTAINS $text)"),
    filter_example={"kind": "EEN", "text": "x"},
)


def to_properties(fields: NetworkFields) -> dict[str, Any]:
    description = fields.description or Localized()
    return {
        "name": fields.name,
        "kind": fields.kind.value,
        "description_el": description.el,
        "description_en": description.en,
        "website": fields.website,
        "sort_key": fold(fields.name),
        "search_text": search_text(fields.name, description.el, description.en),
    }


def current_fields(node: dict[str, Any]) -> dict[str, Any]:
    return {
        "name": node["name"],
        "kind": node["kind"],
        "description": {"el": node.get("description_el"), "en": node.get("description_en")},
        "website": node.get("website"),
    }


NETWORKS = crud.Resource(
    kind=NETWORK,
    fields=NetworkFields,
    to_properties=to_properties,
    current_fields=current_fields,
)
