"""`link` and `unlink`: relations between nodes (memberships, affiliations, participations)."""

from __future__ import annotations

from enum import Enum
from typing import Any

import strawberry

from hub.api.common import LinkPayload, attempt
from hub.api.context import Info
from hub.api.permissions import require
from hub.ecosystem import entities, relations
from hub.ecosystem.errors import FieldIssue, NotFound, ValidationFailed
from hub.ecosystem.fields import Input, ShortText, Year, validate
from hub.ecosystem.ids import expect_global_id
from hub.ecosystem.pilot_projects import PILOT_PROJECT


@strawberry.enum(description="The relations clients may create, each between two fixed types.")
class RelationType(Enum):
    MEMBER_OF = "MEMBER_OF"
    AFFILIATED_WITH = "AFFILIATED_WITH"
    RUNS = "RUNS"
    PARTICIPATES_IN = "PARTICIPATES_IN"
    MENTORS = "MENTORS"
    PARTICIPATED_IN = "PARTICIPATED_IN"
    FUNDED_BY = "FUNDED_BY"
    POSTED = "POSTED"
    HOSTS = "HOSTS"
    PARTNER_IN = "PARTNER_IN"


RELATIONS: dict[RelationType, relations.Relation] = {
    RelationType.MEMBER_OF: relations.MEMBER_OF,
    RelationType.AFFILIATED_WITH: relations.AFFILIATED_WITH,
    RelationType.RUNS: relations.RUNS,
    RelationType.PARTICIPATES_IN: relations.PARTICIPATES_IN,
    RelationType.MENTORS: relations.MENTORS,
    RelationType.PARTICIPATED_IN: relations.PARTICIPATED_IN,
    RelationType.FUNDED_BY: relations.FUNDED_BY,
    RelationType.POSTED: relations.POSTED,
    RelationType.HOSTS: relations.HOSTS,
    RelationType.PARTNER_IN: relations.PARTNER_IN,
}


@strawberry.input(description="Properties of the relation; each applies to some types only.")
class LinkPropertiesInput:
    since: int | None = strawberry.field(default=None, description="MEMBER_OF: year joined.")
    role: str | None = strawberry.field(
        default=None,
        description="AFFILIATED_WITH: free text; PARTICIPATED_IN: coordinator, participant, "
        "associatedPartner or thirdParty.",
    )
    cohort: str | None = strawberry.field(default=None, description="PARTICIPATES_IN: cohort.")


class LinkProperties(Input):
    since: Year | None = None
    role: ShortText | None = None
    cohort: ShortText | None = None


def _checked(
    relation: relations.Relation, properties: LinkPropertiesInput | None
) -> dict[str, Any]:
    given = properties or LinkPropertiesInput()
    values = validate(LinkProperties, vars(given), prefix="properties").model_dump(
        exclude_none=True
    )
    for name in values:
        if name not in relation.properties:
            raise ValidationFailed(
                [FieldIssue(f"properties.{name}", f"does not apply to {relation.type}")]
            )
    role = values.get("role")
    if relation is relations.PARTICIPATED_IN and role is not None:
        allowed = [item.value for item in relations.ParticipantRole]
        if role not in allowed:
            raise ValidationFailed(
                [FieldIssue("properties.role", f"must be one of {', '.join(allowed)}")]
            )
    return values


async def _authorised(
    info: Info, verb: str, relation: RelationType, source: str, target: str
) -> None:
    """The viewer may link or unlink (RULES["link MEMBER_OF"]...): the organisation, person
    or pilot project concerned is whichever end of the relation is one."""
    chosen = RELATIONS[relation]
    ends = {chosen.source: source, chosen.target: target}
    node: tuple[entities.Kind, str] | None = None
    if "PilotProject" in ends:
        node = (PILOT_PROJECT, ends["PilotProject"])
    await require(
        info,
        f"{verb} {relation.value}",
        node=node,
        organisation=ends.get("Organisation"),
        person=ends.get("Person"),
    )


@strawberry.type
class LinkMutation:
    @strawberry.mutation(description="Create (or update the properties of) a relation.")
    async def link(
        self,
        info: Info,
        relation: RelationType,
        from_id: strawberry.ID,
        to_id: strawberry.ID,
        properties: LinkPropertiesInput | None = None,
    ) -> LinkPayload:
        chosen = RELATIONS[relation]

        async def connect() -> bool:
            source = expect_global_id(from_id, chosen.source, "fromId")
            target = expect_global_id(to_id, chosen.target, "toId")
            await _authorised(info, "link", relation, source, target)
            values = _checked(chosen, properties)
            await relations.link(info.context.graph, chosen, source, target, values)
            return True

        done, errors = await attempt(connect())
        return LinkPayload(ok=bool(done), errors=errors)

    @strawberry.mutation(description="Remove a relation; NOT_FOUND when there was none.")
    async def unlink(
        self, info: Info, relation: RelationType, from_id: strawberry.ID, to_id: strawberry.ID
    ) -> LinkPayload:
        chosen = RELATIONS[relation]

        async def disconnect() -> bool:
            source = expect_global_id(from_id, chosen.source, "fromId")
            target = expect_global_id(to_id, chosen.target, "toId")
            await _authorised(info, "unlink", relation, source, target)
            if not await relations.unlink(info.context.graph, chosen, source, target):
                raise NotFound(f"no {chosen.type} relation joins these two", "toId")
            return True

        done, errors = await attempt(disconnect())
        return LinkPayload(ok=bool(done), errors=errors)
