"""The real `hub serve` process over HTTP: GraphiQL, health, CRUD, path, and SIGKILL recovery."""

from __future__ import annotations

import os
import signal
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest

from tests.hub.processes import GQL_HEADERS, HubServe


class Hub(HubServe):
    """A `hub serve` subprocess on loopback with its own data folder, and an administrator's
    API token (writes need a verified account) that outlives restarts of the process."""

    def start(self) -> Hub:
        super().start()
        if self.token is None:
            self.sign_in_as_admin()
        return self

    def gql(self, query: str, **variables: Any) -> dict[str, Any]:
        response = httpx.post(
            f"{self.url}/graphql",
            json={"query": query, "variables": variables},
            headers={**GQL_HEADERS, "Authorization": f"Bearer {self.token}"},
            timeout=60,
        )
        assert response.status_code == 200, response.text
        assert response.headers["content-type"].startswith("application/graphql-response+json")
        body: dict[str, Any] = response.json()
        assert "errors" not in body, body
        return body["data"]  # type: ignore[no-any-return]

    def server_pid(self) -> int:
        return int((self.data_dir / "falkordb" / "falkordb.pid").read_text())

    def kill(self) -> None:
        assert self.process is not None
        self.process.send_signal(signal.SIGKILL)
        self.process.wait()


@pytest.fixture
def data_dir() -> Iterator[Path]:
    with tempfile.TemporaryDirectory(prefix="hubsrv-") as name:
        yield Path(name)


@pytest.fixture
def hub(data_dir: Path) -> Iterator[Hub]:
    running = Hub(data_dir)
    running.start()
    yield running
    running.stop()
    pid_file = data_dir / "falkordb" / "falkordb.pid"
    if pid_file.exists():  # a test that killed the hub leaves its graph server behind
        os.kill(int(pid_file.read_text()), signal.SIGTERM)


CREATE = """mutation($input: CreateOrganisationInput!) {
  createOrganisation(input: $input) { organisation { id name } errors { code field } }
}"""


def _create(hub: Hub, name: str, **extra: Any) -> str:
    data = hub.gql(CREATE, input={"name": name, "kind": "STARTUP", **extra})
    assert data["createOrganisation"]["errors"] == []
    return str(data["createOrganisation"]["organisation"]["id"])


def test_health_ready_graphiql_and_crud_with_path_over_http(hub: Hub) -> None:
    assert httpx.get(f"{hub.url}/health").json() == {"status": "ok"}
    assert httpx.get(f"{hub.url}/ready").json() == {"status": "ready", "graph": "ok", "redis": "ok"}
    page = httpx.get(f"{hub.url}/graphql", headers={"Accept": "text/html"})
    assert page.status_code == 200 and "graphiql" in page.text.lower()

    startup = _create(hub, "Ωμέγα Robotics", city="Θεσσαλονίκη")
    lab = _create(hub, "Lab {Cypher} 'RETURN 1'")
    network = hub.gql(
        """mutation { createNetwork(input: {name: "Enterprise Europe Network", kind: EEN}) {
          network { id } errors { code } } }"""
    )["createNetwork"]["network"]["id"]
    for member in (startup, lab):
        linked = hub.gql(
            """mutation($from: ID!, $to: ID!) { link(relation: MEMBER_OF, fromId: $from,
               toId: $to, properties: {since: 2021}) { ok errors { code field message } } }""",
            **{"from": member, "to": network},
        )
        assert linked["link"] == {"ok": True, "errors": []}

    found = hub.gql(
        """query($a: ID!, $b: ID!) { path(fromId: $a, toId: $b, maxDepth: 3) {
          length nodes { id } relations { type fromId toId properties } } }""",
        a=startup,
        b=lab,
    )["path"]
    assert found["length"] == 2
    assert [node["id"] for node in found["nodes"]] == [startup, network, lab]
    assert [relation["type"] for relation in found["relations"]] == ["MEMBER_OF", "MEMBER_OF"]
    assert found["relations"][0]["properties"] == {"since": 2021}

    updated = hub.gql(
        """mutation($id: ID!) { updateOrganisation(id: $id, input: {city: null, sectors: ["ai"]})
          { organisation { city sectors name } errors { code } } }""",
        id=startup,
    )["updateOrganisation"]
    assert updated["organisation"] == {"city": None, "sectors": ["ai"], "name": "Ωμέγα Robotics"}

    deleted = hub.gql(
        "mutation($id: ID!) { deleteOrganisation(id: $id) { deletedId errors { code } } }",
        id=lab,
    )["deleteOrganisation"]
    assert deleted == {"deletedId": lab, "errors": []}
    again = hub.gql(
        "mutation($id: ID!) { deleteOrganisation(id: $id) { deletedId errors { code field } } }",
        id=lab,
    )["deleteOrganisation"]
    assert again == {"deletedId": None, "errors": [{"code": "NOT_FOUND", "field": "id"}]}


def test_a_malformed_id_is_a_clear_error_without_a_stack_trace(hub: Hub) -> None:
    response = httpx.post(
        f"{hub.url}/graphql",
        json={"query": '{ node(id: "not-an-id") { id } }'},
        headers=GQL_HEADERS,
    )
    body = response.json()
    assert response.status_code == 200
    assert body["errors"][0]["extensions"]["code"] == "INVALID_ID"
    assert "Traceback" not in response.text and "hub/" not in response.text


def test_every_acknowledged_write_survives_sigkill_of_the_hub_and_of_the_graph(
    data_dir: Path,
) -> None:
    hub = Hub(data_dir)
    hub.start()
    first = [_create(hub, f"Before crash {index}") for index in range(20)]
    orphan = hub.server_pid()
    hub.kill()  # the hub dies; its graph server lives on and is adopted on restart

    hub.start()
    assert hub.server_pid() == orphan
    second = [_create(hub, f"After restart {index}") for index in range(20)]
    graph_pid = hub.server_pid()
    hub.kill()
    os.kill(graph_pid, signal.SIGKILL)  # now the graph server dies too: only the AOF is left

    hub.start()
    try:
        listed = hub.gql("{ organisations(first: 100) { totalCount edges { node { id } } } }")
        ids = {edge["node"]["id"] for edge in listed["organisations"]["edges"]}
        assert listed["organisations"]["totalCount"] == 40
        assert ids == set(first) | set(second)
    finally:
        hub.stop()
    assert _graph_servers(data_dir) == []


def _graph_servers(data_dir: Path) -> list[int]:
    """Processes still serving this data folder's graph (none after a clean stop)."""
    found = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            command_line = (entry / "cmdline").read_bytes()
        except OSError:
            continue
        if b"redis-server" in command_line and str(data_dir).encode() in command_line:
            found.append(int(entry.name))
    return found
