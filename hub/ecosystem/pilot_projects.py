"""Pilot projects: a researcher or lab looks for a test site and partners for a pilot."""

from __future__ import annotations

from collections.abc import Mapping
from enum import StrEnum
from typing import Annotated, Any

from pydantic import BeforeValidator, Field

from graph import GraphEngine
from hub.ecosystem import crud, entities
from hub.ecosystem.fields import Input, Localized, ShortText, TagList, Title, or_none
from hub.ecosystem.organisations import OrganisationKinds
from hub.ecosystem.text import fold, search_text


class PilotStatus(StrEnum):
    DRAFT = "DRAFT"
    OPEN = "OPEN"
    IN_PROGRESS = "IN_PROGRESS"
    COMPLETED = "COMPLETED"


def _none_as_draft(value: object) -> object:
    return PilotStatus.DRAFT if value is None else value


class PilotProjectFields(Input):
    title: Title
    problem: Localized | None = None
    test_site: ShortText | None = None
    partners_sought: OrganisationKinds = Field(default_factory=list)
    status: Annotated[PilotStatus, BeforeValidator(_none_as_draft)] = PilotStatus.DRAFT
    topics: TagList = Field(default_factory=list)


PILOT_PROJECT = entities.define_kind(
    "PilotProject",
    where=(
        "($text IS NULL OR n.search_text CONTAINS $text) "
        "AND ($statuses IS NULL OR n.status IN $statuses) "
        "AND ($partner_kind IS NULL OR $partner_kind IN n.partners_sought)"
    ),
    filter_example={"text": "x", "statuses": ["OPEN"], "partner_kind": "SME"},
    tagged=True,
)


def to_properties(fields: PilotProjectFields) -> dict[str, Any]:
    problem = fields.problem or Localized()
    title_el, title_en = or_none(fields.title.el), or_none(fields.title.en)
    return {
        "title_el": title_el,
        "title_en": title_en,
        "problem_el": or_none(problem.el),
        "problem_en": or_none(problem.en),
        "test_site": or_none(fields.test_site),
        "partners_sought": [kind.value for kind in fields.partners_sought],
        "status": fields.status.value,
        "topics": fields.topics,
        "sort_key": fold(title_en or title_el or ""),
        "search_text": search_text(
            title_el, title_en, problem.el, problem.en, fields.test_site, fields.topics
        ),
    }


def current_fields(node: dict[str, Any]) -> dict[str, Any]:
    return {
        "title": {"el": node.get("title_el"), "en": node.get("title_en")},
        "problem": {"el": node.get("problem_el"), "en": node.get("problem_en")},
        "test_site": node.get("test_site"),
        "partners_sought": node.get("partners_sought", []),
        "status": node.get("status", PilotStatus.DRAFT.value),
        "topics": node.get("topics", []),
    }


PILOT_PROJECTS = crud.Resource(
    kind=PILOT_PROJECT,
    fields=PilotProjectFields,
    to_properties=to_properties,
    current_fields=current_fields,
)


def filters(
    *,
    text: str | None = None,
    statuses: list[PilotStatus] | None = None,
    partner_kind: str | None = None,
) -> dict[str, Any]:
    return {
        "text": fold(text) or None if text else None,
        "statuses": [PilotStatus(status).value for status in statuses] if statuses else None,
        "partner_kind": partner_kind,
    }


async def create(graph: GraphEngine, data: Mapping[str, Any]) -> dict[str, Any]:
    return await crud.create(graph, PILOT_PROJECTS, data)


async def update(graph: GraphEngine, node_id: str, patch: Mapping[str, Any]) -> dict[str, Any]:
    """Apply a partial change: given fields replace, null clears, absent fields stay."""
    return await crud.update(graph, PILOT_PROJECTS, node_id, patch)


async def delete(graph: GraphEngine, node_id: str) -> None:
    await crud.delete(graph, PILOT_PROJECTS, node_id)
