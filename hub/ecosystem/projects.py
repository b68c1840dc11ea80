"""Funded projects (e.g. from CORDIS): identifier, title, dates, programme, topics, costs."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from typing import Any

from pydantic import Field

from graph import GraphEngine, Statement
from hub.ecosystem import crud, entities
from hub.ecosystem.errors import NotFound
from hub.ecosystem.fields import (
    Identifier,
    Input,
    Money,
    ShortText,
    TagList,
    Title,
    check_period,
    iso,
    or_none,
)
from hub.ecosystem.text import fold, search_text


class ProjectFields(Input):
    identifier: Identifier | None = None
    acronym: ShortText | None = None
    title: Title
    start_date: date | None = None
    end_date: date | None = None
    programme: ShortText | None = None
    topics: TagList = Field(default_factory=list)
    total_cost: Money | None = None
    ec_contribution: Money | None = None


PROJECT = entities.define_kind(
    "Project",
    where=(
        "($programme IS NULL OR n.programme_key = $programme) "
        "AND ($text IS NULL OR n.search_text CONTAINS $text)"
    ),
    filter_example={"programme": "x", "text": "x"},
    unique_message="another project has the same identifier",
    tagged=True,
)

PROJECT_BY_IDENTIFIER = Statement(
    name="project_by_identifier",
    cypher="MATCH (n:Project {identifier: $identifier}) RETURN n {.*} AS node",
    example={"identifier": "101120001"},
)


def check(fields: ProjectFields) -> None:
    check_period(fields.start_date, fields.end_date, "input.endDate")


def to_properties(fields: ProjectFields) -> dict[str, Any]:
    title_el, title_en = or_none(fields.title.el), or_none(fields.title.en)
    return {
        "identifier": fields.identifier,
        "acronym": fields.acronym,
        "title_el": title_el,
        "title_en": title_en,
        "start_date": iso(fields.start_date),
        "end_date": iso(fields.end_date),
        "programme": fields.programme,
        "programme_key": fold(fields.programme) if fields.programme else None,
        "topics": fields.topics,
        "total_cost": fields.total_cost,
        "ec_contribution": fields.ec_contribution,
        "sort_key": fold(title_en or title_el or ""),
        "search_text": search_text(
            fields.identifier,
            fields.acronym,
            title_el,
            title_en,
            fields.programme,
            fields.topics,
        ),
    }


def current_fields(node: dict[str, Any]) -> dict[str, Any]:
    return {
        "identifier": node.get("identifier"),
        "acronym": node.get("acronym"),
        "title": {"el": node.get("title_el"), "en": node.get("title_en")},
        "start_date": node.get("start_date"),
        "end_date": node.get("end_date"),
        "programme": node.get("programme"),
        "topics": node.get("topics", []),
        "total_cost": node.get("total_cost"),
        "ec_contribution": node.get("ec_contribution"),
    }


PROJECTS = crud.Resource(
    kind=PROJECT,
    fields=ProjectFields,
    to_properties=to_properties,
    current_fields=current_fields,
    check=check,
    conflict_field="input.identifier",
)


async def create(graph: GraphEngine, data: Mapping[str, Any]) -> dict[str, Any]:
    """Create a project; a taken identifier is a CONFLICT on `input.identifier`."""
    return await crud.create(graph, PROJECTS, data)


async def update(graph: GraphEngine, node_id: str, patch: Mapping[str, Any]) -> dict[str, Any]:
    return await crud.update(graph, PROJECTS, node_id, patch)


async def by_identifier(graph: GraphEngine, identifier: str) -> dict[str, Any]:
    rows = await graph.run(PROJECT_BY_IDENTIFIER, {"identifier": identifier})
    if not rows:
        raise NotFound("no project has this identifier", "identifier")
    return dict(rows[0]["node"])
