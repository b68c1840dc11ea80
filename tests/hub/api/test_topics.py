"""Topics through GraphQL: read-only lists and what each topic tags."""

from __future__ import annotations

from typing import Any

from graph import GraphEngine
from hub.ecosystem import funding_calls, pilot_projects, projects
from tests.conftest import GqlRunner


async def test_topics_list_and_tagged_nodes(graph: GraphEngine, gql: GqlRunner) -> None:
    await funding_calls.create(
        graph,
        {
            "identifier": "HORIZON-CL5-2099-01",
            "title": {"en": "Mobility call"},
            "deadline": "2099-02-18T17:00:00+01:00",
            "topics": ["Κινητικότητα"],
        },
    )
    await pilot_projects.create(graph, {"title": {"en": "Buses"}, "topics": ["κινητικοτητα"]})
    await projects.create(graph, {"title": {"en": "Metro"}, "topics": ["ΚΙΝΗΤΙΚΌΤΗΤΑ", "Rail"]})

    listed = await gql(
        "query($filter: TopicFilter) { topics(filter: $filter) "
        "{ totalCount edges { node { id name key } } } }",
        filter={"text": "ΚΙΝΗΤΙΚΟΤΗΤΑ"},
    )
    assert listed.errors is None, listed.errors
    page = listed.data["topics"]  # type: ignore[index]
    assert page["totalCount"] == 1
    topic = page["edges"][0]["node"]
    assert (topic["name"], topic["key"]) == ("Κινητικότητα", "κινητικοτητα")

    read = await gql(
        "query($id: ID!) { topic(id: $id) { name fundingCalls { identifier status } "
        "pilotProjects { title { en } } projects { title { en } } } }",
        id=topic["id"],
    )
    assert read.errors is None, read.errors
    assert read.data == {
        "topic": {
            "name": "Κινητικότητα",
            "fundingCalls": [{"identifier": "HORIZON-CL5-2099-01", "status": "OPEN"}],
            "pilotProjects": [{"title": {"en": "Buses"}}],
            "projects": [{"title": {"en": "Metro"}}],
        }
    }
    everything = await gql("{ topics(first: 1) { totalCount pageInfo { hasNextPage } } }")
    assert everything.data == {"topics": {"totalCount": 2, "pageInfo": {"hasNextPage": True}}}


async def test_topics_are_read_only(gql: GqlRunner) -> None:
    result = await gql('mutation { createTopic(input: {name: "x"}) { errors { code } } }')
    assert result.errors is not None
    assert "createTopic" in result.errors[0].message


async def test_retagged_and_deleted_topics_leave_the_list(
    graph: GraphEngine, gql: GqlRunner
) -> None:
    pilot = await pilot_projects.create(
        graph, {"title": {"en": "Buses"}, "topics": ["Old", "Kept"]}
    )
    call = await funding_calls.create(
        graph,
        {
            "identifier": "HORIZON-CL5-2099-02",
            "title": {"en": "Gone"},
            "deadline": "2099-02-18T17:00:00+01:00",
            "topics": ["Removed"],
        },
    )
    query = "{ topics { totalCount edges { node { name } } } }"

    def names(result: Any) -> tuple[int, list[str]]:
        assert result.errors is None, result.errors
        page = result.data["topics"]
        return page["totalCount"], [edge["node"]["name"] for edge in page["edges"]]

    assert names(await gql(query)) == (3, ["Kept", "Old", "Removed"])
    await pilot_projects.update(graph, pilot["id"], {"topics": ["Kept"]})
    await funding_calls.delete(graph, call["id"])
    assert names(await gql(query)) == (1, ["Kept"])
