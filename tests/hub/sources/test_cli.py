"""`hub import` as a person runs it, and an import killed half way then run again."""

from __future__ import annotations

import contextlib
import os
import signal
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
import redis
from typer.testing import CliRunner

from graph import GraphEngine
from graph.embedded import EmbeddedServer
from graph.falkordb_engine import FalkorDBEngine
from hub import cli
from hub.background import sessions_share_the_cpu
from hub.sources import import_cordis
from hub.suggestions.models import EmbedderHolder
from hub.suggestions.store import embed_stale
from tests.hub.sources.conftest import dump, write_csv
from tests.hub.sources.test_calls import CSV_HEADER, call_row


@pytest.fixture
def data_dir() -> Iterator[Path]:
    # Not pytest's tmp_path: a unix socket path must stay short.
    with tempfile.TemporaryDirectory(prefix="hubimp-") as name:
        yield Path(name)


def hub_command(*args: str) -> list[str]:
    return [sys.executable, "-m", "hub", *args]


def environment(data_dir: Path) -> dict[str, str]:
    return {**os.environ, "HUB_DATA_DIR": str(data_dir), "HUB_LOG_LEVEL": "warning"}


def hub(data_dir: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        hub_command(*args),
        env=environment(data_dir),
        capture_output=True,
        text=True,
        timeout=180,
    )


def test_import_calls_prints_rejected_rows_and_a_summary(data_dir: Path, tmp_path: Path) -> None:
    export = write_csv(
        tmp_path / "export.csv",
        CSV_HEADER,
        [call_row(), call_row(identifier="HORIZON-X-1", deadline="never")],
        delimiter=",",
    )
    first = hub(data_dir, "import", "calls", str(export))
    assert first.returncode == 0, first.stderr
    lines = first.stdout.splitlines()
    assert lines[0] == "export.csv:3: deadline 'never' is not a date"
    assert lines[-1].startswith(
        "FundingCall: created 1, updated 0, unchanged 0, rejected 1 (deadline 1); "
        "FUNDED_BY: created 0, unchanged 0 in "
    )
    second = hub(data_dir, "import", "calls", str(export))
    assert second.returncode == 0, second.stderr
    assert second.stdout.splitlines()[-1].startswith(
        "FundingCall: created 0, updated 0, unchanged 1, rejected 1"
    )


def test_a_missing_source_is_a_one_line_error(data_dir: Path, tmp_path: Path) -> None:
    for args in (("cordis", str(tmp_path / "nowhere")), ("calls", str(tmp_path / "none.csv"))):
        result = hub(data_dir, "import", *args)
        assert result.returncode == 1
        assert "error:" in result.stderr
        assert "nowhere" in result.stderr or "none.csv" in result.stderr
        assert "Traceback" not in result.stderr
    assert not (data_dir / "falkordb").exists()  # failed before starting the graph


def _count(client: redis.Redis, label: str) -> int:
    try:
        reply = client.execute_command(
            "GRAPH.RO_QUERY", "hub", f"MATCH (n:{label}) RETURN count(n)"
        )
    except redis.RedisError:
        return 0
    return int(reply[1][0][0])


async def test_an_import_killed_half_way_and_run_again_ends_as_one_run(
    data_dir: Path, graph: GraphEngine, small_cordis: Path, holder: EmbedderHolder
) -> None:
    command = hub_command("import", "cordis", str(small_cordis), "--batch-size", "10")
    socket = data_dir / "falkordb" / "falkordb.sock"
    process = subprocess.Popen(
        command, env=environment(data_dir), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    client = redis.Redis(unix_socket_path=str(socket), socket_timeout=5)
    try:
        deadline = time.monotonic() + 120
        while _count(client, "Project") == 0:  # organisations are written, projects begun
            assert process.poll() is None, "the import ended before it could be killed"
            assert time.monotonic() < deadline
            time.sleep(0.02)
        process.send_signal(signal.SIGKILL)
        process.wait()
        partial = _count(client, "Project")
    finally:
        client.close()
        if process.poll() is None:
            process.kill()
            process.wait()
    assert 0 < partial < 1134  # killed half way

    rerun = hub(data_dir, "import", "cordis", str(small_cordis))
    assert rerun.returncode == 0, rerun.stderr
    assert "Organisation: created 0, updated 0, unchanged 1049" in rerun.stdout

    await import_cordis(graph, small_cordis)  # one uninterrupted run, elsewhere
    await embed_stale(graph, holder.get(), model=holder.model_id)
    server = EmbeddedServer(data_dir)
    server.start()
    resumed = FalkorDBEngine.over_unix_socket(str(server.socket_path), "hub")
    try:
        assert await dump(resumed) == await dump(graph)
    finally:
        await resumed.close()
        server.stop()


def _children(pid: int) -> list[int]:
    with contextlib.suppress(FileNotFoundError):
        listed = Path(f"/proc/{pid}/task/{pid}/children").read_text()
        return [int(child) for child in listed.split()]
    return []


def _priorities(pid: int) -> tuple[bool, int, str] | None:
    """Whether the process leads its session, its niceness and its session's (autogroup)."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        autogroup = Path(f"/proc/{pid}/autogroup").read_text()
    except (FileNotFoundError, ProcessLookupError):
        return None
    return int(fields[3]) == pid, int(fields[16]), autogroup


def test_an_import_started_from_a_terminal_runs_in_a_lowered_session_of_its_own(
    data_dir: Path, tmp_path: Path
) -> None:
    export = write_csv(tmp_path / "export.csv", CSV_HEADER, [call_row()], delimiter=",")
    started = subprocess.Popen(
        hub_command("import", "calls", str(export)),
        env=environment(data_dir),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    seen: tuple[bool, int, str] | None = None
    while started.poll() is None and (seen is None or seen[1] != cli.IMPORT_NICENESS):
        for child in _children(started.pid):
            seen = _priorities(child) or seen
        time.sleep(0.01)
    out, err = started.communicate(timeout=180)
    assert started.returncode == 0, err
    assert "FundingCall: created 1" in out
    if not sessions_share_the_cpu():  # no session to leave: the import runs where it started
        assert seen is None or not seen[0]
        return
    assert seen is not None, "the import ran in the process started, not in a session of its own"
    leads, niceness, autogroup = seen
    assert leads
    assert niceness == cli.IMPORT_NICENESS
    assert autogroup.split()[-2:] == ["nice", str(cli.IMPORT_NICENESS)]


def test_imports_run_at_a_lower_cpu_priority(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    lowered: list[int] = []
    monkeypatch.setattr(cli.os, "nice", lowered.append)
    result = CliRunner().invoke(cli.app, ["import", "calls", str(tmp_path / "absent.csv")])
    assert result.exit_code != 0  # the missing file is refused, after the priority was lowered
    assert lowered == [cli.IMPORT_NICENESS]
