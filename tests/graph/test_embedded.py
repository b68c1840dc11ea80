"""The embedded FalkorDB server: start, stop, stale files, bad folders, crash and restart."""

from __future__ import annotations

import os
import signal
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from graph import EmbeddedServerError, Statement
from graph.embedded import SERVER_NICENESS, EmbeddedServer, _alive
from graph.falkordb_engine import FalkorDBEngine

WRITE = Statement(
    name="test_write",
    cypher="CREATE (n:Probe {value: $value}) RETURN n.value AS value",
    write=True,
)
READ = Statement(name="test_read", cypher="MATCH (n:Probe) RETURN n.value AS value ORDER BY value")


@pytest.fixture
def folder() -> Iterator[Path]:
    with tempfile.TemporaryDirectory(prefix="hubemb-") as name:
        yield Path(name)


def _pid(server: EmbeddedServer) -> int:
    return int(server.pid_path.read_text())


def _wait_gone(pid: int) -> None:
    """Until the process has exited (a zombie child counts as exited)."""
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline:
        if not _alive(pid):
            return
        time.sleep(0.05)
    raise AssertionError(f"process {pid} still alive")


def test_starts_on_a_socket_with_fsynced_append_only_file_and_stops_cleanly(folder: Path) -> None:
    server = EmbeddedServer(folder)
    server.start()
    try:
        assert server.owned
        assert server.socket_path.is_socket()
        pid = _pid(server)
        config = server._client().config_get("append*")
        assert config["appendonly"] == "yes"
        assert config["appendfsync"] == "always"
        # Below the web process, above imports; every thread of the server, not just its first.
        threads = list(Path(f"/proc/{pid}/task").iterdir())
        assert len(threads) > 1
        for thread in threads:
            niceness = int((thread / "stat").read_text().rsplit(")", 1)[1].split()[16])
            assert niceness == min(19, os.getpriority(os.PRIO_PROCESS, 0) + SERVER_NICENESS)
        # The niceness counts against the hub only within one session (the kernel's autogroup
        # scheduling shares the CPU between sessions first); Ctrl-C reaches the foreground
        # process group only, so the server has a group of its own.
        assert os.getsid(pid) == os.getsid(0)
        assert os.getpgid(pid) == pid != os.getpgid(0)
    finally:
        server.stop()
    _wait_gone(pid)
    assert not server.socket_path.exists()


def test_recovers_from_a_stale_pid_and_socket(folder: Path) -> None:
    state = folder / "falkordb"
    state.mkdir()
    (state / "falkordb.pid").write_text("999999")
    (state / "falkordb.sock").write_text("left by a crash")
    server = EmbeddedServer(folder)
    server.start()
    try:
        assert server.socket_path.is_socket()
        assert _pid(server) != 999999
    finally:
        server.stop()


def test_a_folder_that_cannot_be_written_is_a_clear_error(folder: Path) -> None:
    blocker = folder / "a-file"
    blocker.write_text("not a folder")
    with pytest.raises(EmbeddedServerError, match=r"not writable.*HUB_DATA_DIR"):
        EmbeddedServer(blocker / "data").start()


def test_a_socket_path_too_long_is_a_clear_error(folder: Path) -> None:
    deep = folder / ("x" * 90)
    with pytest.raises(EmbeddedServerError, match="shorter path"):
        EmbeddedServer(deep).start()


def test_a_server_that_cannot_start_says_why(folder: Path) -> None:
    state = folder / "falkordb"
    state.mkdir()
    # A corrupt append-only manifest makes redis-server refuse to start.
    (state / "appendonlydir").mkdir()
    (state / "appendonlydir" / "appendonly.aof.manifest").write_text("garbage\n")
    with pytest.raises(EmbeddedServerError, match=r"exited .* while starting"):
        EmbeddedServer(folder, start_timeout=10).start()


def test_a_second_process_attaches_instead_of_starting_another(folder: Path) -> None:
    owner = EmbeddedServer(folder)
    owner.start()
    try:
        other = EmbeddedServer(folder)
        other.start()
        assert not other.owned
        assert other.socket_path == owner.socket_path
        other.stop()  # not the owner: leaves the server running
        assert owner._answers()
    finally:
        owner.stop()


async def test_a_killed_server_is_restarted_with_every_acknowledged_write(folder: Path) -> None:
    server = EmbeddedServer(folder)
    server.start()
    engine = FalkorDBEngine.over_unix_socket(str(server.socket_path), "durability")
    try:
        for value in range(50):
            await engine.run(WRITE, {"value": value})
        pid = _pid(server)
        os.kill(pid, signal.SIGKILL)
        _wait_gone(pid)
        server.supervise_once()
        assert server.restarts == 1
        assert _pid(server) != pid
        rows = await engine.run(READ)
        assert [row["value"] for row in rows] == list(range(50))
    finally:
        await engine.close()
        server.stop()
