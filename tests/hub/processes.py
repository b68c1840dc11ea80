"""Real `hub` processes for the fault tests: `hub serve` on loopback and one-shot commands.

Start-up waits are failure guards only (a loaded machine takes half a minute to load the
model); nothing here asserts on time.
"""

from __future__ import annotations

import contextlib
import os
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import httpx

GQL_HEADERS = {"Accept": "application/graphql-response+json, application/json"}
START_TIMEOUT = 240.0
COMMAND_TIMEOUT = 600.0

SIGN_IN = """mutation($email: String!, $password: String!) {
  signIn(email: $email, password: $password) { errors { code message } } }"""
CREATE_TOKEN = """mutation { createApiToken(name: "tests", scopes: [READ, WRITE]) {
  secret errors { code message } } }"""
ADMIN_PASSWORD = "a long test password"

CREATE_ORGANISATION = """mutation($input: CreateOrganisationInput!) {
  createOrganisation(input: $input) { organisation { id name } errors { code field } }
}"""


def hub_env(data_dir: Path, **extra: str) -> dict[str, str]:
    # COLUMNS: rich wraps messages at the terminal's width, 80 on a pipe.
    return {
        **os.environ,
        "HUB_DATA_DIR": str(data_dir),
        "HUB_LOG_LEVEL": "warning",
        "COLUMNS": "1000",
        **extra,
    }


def hub_command(*args: str) -> list[str]:
    return [sys.executable, "-m", "hub", *args]


def hub_cli(data_dir: Path, *args: str, **extra: str) -> subprocess.CompletedProcess[str]:
    """Run one `hub` command to its end."""
    return subprocess.run(
        hub_command(*args),
        env=hub_env(data_dir, **extra),
        capture_output=True,
        text=True,
        timeout=COMMAND_TIMEOUT,
    )


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def server_pid(data_dir: Path) -> int | None:
    """The embedded graph server's pid from its pid file, if there is one."""
    with contextlib.suppress(OSError, ValueError):
        return int((data_dir / "falkordb" / "falkordb.pid").read_text())
    return None


def stop_graph_server(data_dir: Path) -> None:
    """End a graph server a killed hub process left behind (SIGTERM: it shuts down clean)."""
    pid = server_pid(data_dir)
    if pid is None:
        return
    with contextlib.suppress(ProcessLookupError):
        os.kill(pid, signal.SIGTERM)
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            os.kill(pid, 0)
            time.sleep(0.05)


class HubServe:
    """A `hub serve` subprocess on 127.0.0.1 with its own data folder."""

    def __init__(self, data_dir: Path, **extra_env: str) -> None:
        self.data_dir = data_dir
        self.port = free_port()
        self.env = hub_env(data_dir, **extra_env)
        self.process: subprocess.Popen[bytes] | None = None
        self.token: str | None = None

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def start(self) -> HubServe:
        self.process = subprocess.Popen(
            hub_command("serve", "--host", "127.0.0.1", "--port", str(self.port)), env=self.env
        )
        deadline = time.monotonic() + START_TIMEOUT
        while time.monotonic() < deadline:
            assert self.process.poll() is None, "hub serve exited while starting"
            with contextlib.suppress(httpx.TransportError):
                if httpx.get(f"{self.url}/ready", timeout=2).status_code == 200:
                    return self
            time.sleep(0.2)
        self.stop()
        raise AssertionError(f"hub serve did not become ready within {START_TIMEOUT:.0f} s")

    def sign_in_as_admin(self, email: str = "admin@hub.test") -> None:
        """An administrator (`hub admin create`), signed in, with an API token for `gql`."""
        made = subprocess.run(
            hub_command("admin", "create", email, "--password-stdin"),
            env=self.env,
            input=f"{ADMIN_PASSWORD}\n",
            capture_output=True,
            text=True,
            timeout=COMMAND_TIMEOUT,
        )
        assert made.returncode == 0, made.stderr
        with httpx.Client(base_url=self.url, headers=GQL_HEADERS, timeout=60) as client:
            signed = client.post(
                "/graphql",
                json={"query": SIGN_IN, "variables": {"email": email, "password": ADMIN_PASSWORD}},
            )
            assert signed.json()["data"]["signIn"]["errors"] == [], signed.text
            # The cookies are Secure: a client on plain http would not send them back itself.
            session, csrf = signed.cookies["hub_session"], signed.cookies["hub_csrf"]
            created = client.post(
                "/graphql",
                json={"query": CREATE_TOKEN},
                headers={"Cookie": f"hub_session={session}; hub_csrf={csrf}", "X-CSRF-Token": csrf},
            )
        payload = created.json()["data"]["createApiToken"]
        assert payload["errors"] == [], payload
        self.token = str(payload["secret"])

    def gql(self, query: str, **variables: Any) -> dict[str, Any]:
        auth = {"Authorization": f"Bearer {self.token}"} if self.token else {}
        response = httpx.post(
            f"{self.url}/graphql",
            json={"query": query, "variables": variables},
            headers={**GQL_HEADERS, **auth},
            timeout=60,
        )
        assert response.status_code == 200, response.text
        body: dict[str, Any] = response.json()
        assert "errors" not in body, body
        return body["data"]  # type: ignore[no-any-return]

    def create_organisation(self, name: str, **extra: Any) -> str:
        data = self.gql(CREATE_ORGANISATION, input={"name": name, "kind": "STARTUP", **extra})
        assert data["createOrganisation"]["errors"] == []
        return str(data["createOrganisation"]["organisation"]["id"])

    def stop(self) -> None:
        process = self.process
        if process is not None and process.poll() is None:
            process.send_signal(signal.SIGTERM)
            try:
                process.wait(60)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()
