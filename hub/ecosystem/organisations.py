"""Organisations: startups, SMEs, universities, labs, public bodies, incubators, investors..."""

from __future__ import annotations

from enum import StrEnum
from typing import Annotated, Any

from pydantic import AfterValidator, BeforeValidator, Field, model_validator

from graph import GraphEngine, Statement
from hub.ecosystem import crud, entities
from hub.ecosystem.errors import NotFound
from hub.ecosystem.fields import (
    Country,
    Input,
    Latitude,
    Localized,
    Longitude,
    Name,
    Pic,
    ShortText,
    TagList,
    Url,
    Vat,
    distinct,
    none_as_empty,
)
from hub.ecosystem.text import fold, search_text


class OrganisationKind(StrEnum):
    STARTUP = "STARTUP"
    SME = "SME"
    LARGE_COMPANY = "LARGE_COMPANY"
    UNIVERSITY = "UNIVERSITY"
    RESEARCH_LAB = "RESEARCH_LAB"
    PUBLIC_BODY = "PUBLIC_BODY"
    INCUBATOR = "INCUBATOR"
    INVESTOR = "INVESTOR"
    EU_NETWORK = "EU_NETWORK"
    NGO = "NGO"


OrganisationKinds = Annotated[
    list[OrganisationKind],
    Field(max_length=len(OrganisationKind)),
    AfterValidator(distinct),
    BeforeValidator(none_as_empty),
]


class OrganisationFields(Input):
    name: Name
    short_name: ShortText | None = None
    kind: OrganisationKind
    description: Localized | None = None
    sectors: TagList = []
    capabilities_offered: TagList = []
    capabilities_needed: TagList = []
    city: ShortText | None = None
    country: Country | None = None
    latitude: Latitude | None = None
    longitude: Longitude | None = None
    website: Url | None = None
    pic: Pic | None = None
    vat_number: Vat | None = None

    @model_validator(mode="after")
    def _both_coordinates(self) -> OrganisationFields:
        if (self.latitude is None) != (self.longitude is None):
            raise ValueError("latitude and longitude must be given together")
        return self


ORGANISATION = entities.define_kind(
    "Organisation",
    where=(
        "($kinds IS NULL OR n.kind IN $kinds) AND ($sector IS NULL OR $sector IN n.sectors) "
        "AND ($country IS NULL OR n.country = $country) "
        "AND ($city IS NULL OR n.city_key = $city) "
        "AND ($text IS NULL OR n.search_text CONTAINS $text)"
    ),
    filter_example={
        "kinds": ["STARTUP"],
        "sector": "mobility",
        "country": "EL",
        "city": "x",
        "text": "x",
    },
    unique_message="another organisation has the same PIC",
)

ORGANISATION_BY_PIC = Statement(
    name="organisation_by_pic",
    cypher="MATCH (n:Organisation {pic: $pic}) RETURN n {.*} AS node",
    example={"pic": "999999999"},
)


def to_properties(fields: OrganisationFields) -> dict[str, Any]:
    """Graph properties of an organisation, including its folded search and sort keys."""
    description = fields.description or Localized()
    return {
        "name": fields.name,
        "short_name": fields.short_name,
        "kind": fields.kind.value,
        "description_el": description.el,
        "description_en": description.en,
        "sectors": fields.sectors,
        "capabilities_offered": fields.capabilities_offered,
        "capabilities_needed": fields.capabilities_needed,
        "city": fields.city,
        "city_key": fold(fields.city) if fields.city else None,
        "country": fields.country,
        "latitude": fields.latitude,
        "longitude": fields.longitude,
        "website": fields.website,
        "pic": fields.pic,
        "vat_number": fields.vat_number,
        "sort_key": fold(fields.name),
        "search_text": search_text(
            fields.name,
            fields.short_name,
            description.el,
            description.en,
            fields.sectors,
            fields.capabilities_offered,
            fields.capabilities_needed,
            fields.city,
        ),
    }


def current_fields(node: dict[str, Any]) -> dict[str, Any]:
    """A stored organisation as input data, so an update can merge a partial change."""
    return {
        "name": node["name"],
        "short_name": node.get("short_name"),
        "kind": node["kind"],
        "description": {"el": node.get("description_el"), "en": node.get("description_en")},
        "sectors": node.get("sectors", []),
        "capabilities_offered": node.get("capabilities_offered", []),
        "capabilities_needed": node.get("capabilities_needed", []),
        "city": node.get("city"),
        "country": node.get("country"),
        "latitude": node.get("latitude"),
        "longitude": node.get("longitude"),
        "website": node.get("website"),
        "pic": node.get("pic"),
        "vat_number": node.get("vat_number"),
    }


ORGANISATIONS = crud.Resource(
    kind=ORGANISATION,
    fields=OrganisationFields,
    to_properties=to_properties,
    current_fields=current_fields,
)


async def by_pic(graph: GraphEngine, pic: str) -> dict[str, Any]:
    rows = await graph.run(ORGANISATION_BY_PIC, {"pic": pic})
    if not rows:
        raise NotFound("no organisation has this PIC", "pic")
    return dict(rows[0]["node"])
