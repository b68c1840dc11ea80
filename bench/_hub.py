"""Shared helpers of the benchmarks: a fresh data folder, `hub` CLI runs, a served hub.

Everything goes through the hub's public entry points: the `hub` command in subprocesses
(`hub import ...`, `hub serve`) and HTTP on 127.0.0.1. Data folders are temporary folders
under /tmp, removed at the end together with the embedded FalkorDB server they hold.
"""

from __future__ import annotations

import contextlib
import http.client
import json
import math
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any
from urllib.parse import urlsplit

import httpx

REPO = Path(__file__).resolve().parents[1]
DATA = REPO.parent / "shared" / "data"
# The hub code benchmarked: the repository, or a copy of one commit (`git archive`) given in
# HUB_BENCH_CODE, so that edits in progress in the work tree do not change the figures.
CODE = Path(os.environ.get("HUB_BENCH_CODE") or REPO).resolve()
if CODE != REPO:
    sys.path.insert(0, str(CODE))
CORDIS = DATA / "cordis-he"
PORTAL = DATA / "ft-portal"
PYTHON = sys.executable
GQL_HEADERS = {"Accept": "application/graphql-response+json, application/json"}
READY_TIMEOUT = 120.0
EMBED_BATCH = 256  # hub.suggestions.store.ENCODE_BATCH: embedding progress moves by this much
STOP_TIMEOUT = 60.0
_STARTED = time.monotonic()


def say(message: str) -> None:
    """Progress on stderr, with the seconds since the benchmark started."""
    print(f"[{time.monotonic() - _STARTED:7.1f} s] {message}", file=sys.stderr, flush=True)


def portal_topic_files() -> list[Path]:
    return sorted((PORTAL / "topics-2023-2024").glob("output_query-*.csv*"))


def calls_2026() -> Path:
    return PORTAL / "calls-2026.json.gz"


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def code_note() -> str:
    """Which hub code runs: the commit of HUB_BENCH_CODE, or the work tree's HEAD."""
    if CODE != REPO:
        commit = (CODE / "COMMIT").read_text().strip() if (CODE / "COMMIT").exists() else "?"
        return f"hub code of commit {commit} ({CODE})"
    head = subprocess.run(
        ["git", "-C", str(REPO), "log", "-1", "--format=%h"], capture_output=True, text=True
    ).stdout.strip()
    dirty = subprocess.run(
        ["git", "-C", str(REPO), "status", "--porcelain", "--", "hub", "matching", "graph"],
        capture_output=True,
        text=True,
    ).stdout.strip()
    return f"hub code of the work tree at {head}" + (" with uncommitted changes" if dirty else "")


def load_note() -> str:
    one, five, fifteen = os.getloadavg()
    return (
        f"load average {one:.2f} {five:.2f} {fifteen:.2f} on {os.cpu_count()} cores; {code_note()}"
    )


# -- data folder -------------------------------------------------------------------------


@contextlib.contextmanager
def data_dir(prefix: str) -> Iterator[Path]:
    """A fresh HUB_DATA_DIR under /tmp (short: the socket path is limited), removed after,
    with any embedded server still running in it stopped first."""
    folder = Path(tempfile.mkdtemp(prefix=f"{prefix}-", dir="/tmp"))
    try:
        yield folder
    finally:
        _stop_leftover_server(folder)
        subprocess.run(["rm", "-rf", str(folder)], check=False)
        say(f"removed {folder}")


def _stop_leftover_server(folder: Path) -> None:
    pid_file = folder / "falkordb" / "falkordb.pid"
    if not pid_file.exists():
        return
    with contextlib.suppress(ValueError, OSError):
        pid = int(pid_file.read_text().strip())
        os.kill(pid, signal.SIGTERM)
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline:
            os.kill(pid, 0)
            time.sleep(0.1)
        os.kill(pid, signal.SIGKILL)


def copy_data(source: Path, target: Path) -> None:
    """Copy a stopped hub's data folder (not its socket, pid or lock files)."""
    if not (source / "falkordb").is_dir():
        raise RuntimeError(f"{source} holds no embedded graph (no falkordb/ folder)")
    shutil.copytree(
        source,
        target,
        dirs_exist_ok=True,
        ignore=shutil.ignore_patterns("*.sock", "*.pid", "owner.lock"),
    )


def hub_env(folder: Path, **extra: str) -> dict[str, str]:
    """The environment of every hub process of a benchmark: its data folder, quiet logs,
    and rate limits out of the way (one client sends all the requests)."""
    return {
        **os.environ,
        "HUB_DATA_DIR": str(folder),
        "HUB_LOG_LEVEL": "warning",
        "HUB_RATE_LIMIT_ANONYMOUS": str(10**9),
        "HUB_RATE_LIMIT_ACCOUNT": str(10**9),
        **({"PYTHONPATH": str(CODE)} if CODE != REPO else {}),
        **extra,
    }


# -- `hub` CLI runs ----------------------------------------------------------------------

_ANSI = re.compile(r"\x1b\[[0-9;?]*[A-Za-z]")
_PROGRESS = re.compile(
    r"^(?P<what>.+?)\s+[━╸╺╾╼─\s]*\s(?P<done>\d+)/(?P<total>\d+|\?)\s+\d+:\d\d:\d\d$"
)


@dataclass
class Stage:
    """One progress stage of a `hub` command, timed from its bars as they were drawn."""

    description: str
    first_seen: float
    total: int = 0
    done: int = 0
    last_change: float = 0.0

    @property
    def seconds(self) -> float:
        return max(self.last_change - self.first_seen, 0.0)


@dataclass
class CliRun:
    args: list[str]
    seconds: float
    returncode: int
    stdout: str
    stages: list[Stage] = field(default_factory=list)
    cut: Stage | None = None
    """The embedding stage stopped at its time budget (the command was killed there)."""

    @property
    def estimated_seconds(self) -> float:
        """The wall time, plus what the cut stage still needed at the rate it had reached.

        When not even its first batch was done (progress moves a store batch at a time),
        the rate was below one batch in the time spent: the estimate is then a lower bound.
        """
        cut = self.cut
        if cut is None:
            return self.seconds
        done = cut.done or min(EMBED_BATCH, cut.total)
        return self.seconds + (cut.total - cut.done) * cut.seconds / max(done, 1)

    @property
    def lower_bound(self) -> bool:
        return self.cut is not None and self.cut.done == 0

    @property
    def summary(self) -> str:
        lines = [line for line in self.stdout.splitlines() if line.strip()]
        return lines[-1] if lines else ""


def run_hub(
    args: Sequence[str], env: Mapping[str, str], *, embed_budget: float | None = None
) -> CliRun:
    """Run `hub ARGS`, echoing its progress bars to stderr as they change and timing each
    stage (rich is told it may draw on a pipe, then its frames are read back).

    `embed_budget`: an embedding stage still running after that many seconds is cut short
    by killing the command (imports survive being killed: the nodes are written before
    they are embedded); its rate so far gives `estimated_seconds`."""
    command = [PYTHON, "-m", "hub", *args]
    say(f"$ hub {' '.join(args)}")
    started = time.monotonic()
    process = subprocess.Popen(
        command,
        env={**env, "TTY_COMPATIBLE": "1", "NO_COLOR": "1", "COLUMNS": "160"},
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        cwd=CODE,
    )
    assert process.stdout is not None and process.stderr is not None
    stages: dict[str, Stage] = {}
    chunks: list[str] = []
    reader = threading.Thread(target=_collect, args=(process.stdout, chunks), daemon=True)
    reader.start()
    cut: list[Stage] = []
    try:
        _follow_progress(process, stages, started, embed_budget, cut)
        returncode = process.wait()
    except BaseException:
        process.send_signal(signal.SIGINT)
        with contextlib.suppress(subprocess.TimeoutExpired):
            process.wait(STOP_TIMEOUT)
        if process.poll() is None:
            process.kill()
        raise
    reader.join()
    run = CliRun(list(args), time.monotonic() - started, returncode, "".join(chunks))
    run.stages = sorted(stages.values(), key=lambda stage: stage.first_seen)
    run.cut = cut[0] if cut else None
    say(f"hub {args[0]} {args[1] if len(args) > 1 else ''} ended ({returncode}) in "
        f"{run.seconds:.1f} s: {run.summary[:300]}")  # fmt: skip
    if run.cut is not None:
        bound = "at least " if run.lower_bound else ""
        say(f"  cut at {run.cut.description} {run.cut.done}/{run.cut.total}; estimated "
            f"{bound}{run.estimated_seconds:.0f} s for the whole command")  # fmt: skip
    elif returncode != 0:
        raise RuntimeError(f"hub {' '.join(args)} failed ({returncode}):\n{run.stdout[-2000:]}")
    return run


def _collect(stream: IO[bytes], into: list[str]) -> None:
    into.append(stream.read().decode("utf-8", "replace"))


def _follow_progress(
    process: subprocess.Popen[bytes],
    stages: dict[str, Stage],
    started: float,
    embed_budget: float | None,
    cut: list[Stage],
) -> None:
    """Read rich's frames; note when each stage's count first appears and last moves."""
    stream = process.stderr
    assert stream is not None
    buffer = b""
    shown = 0.0
    while True:
        chunk = stream.read1(65536) if hasattr(stream, "read1") else stream.read(65536)
        if not chunk:
            break
        buffer += chunk
        *lines, buffer = re.split(rb"[\r\n]", buffer)
        now = time.monotonic() - started
        for raw in lines:
            line = _ANSI.sub("", raw.decode("utf-8", "replace")).strip()
            match = _PROGRESS.match(line)
            if match is None:
                if "error" in line.lower() or "Traceback" in line:
                    print(line, file=sys.stderr)
                continue
            what = match["what"].strip()
            done = int(match["done"])
            total = int(match["total"]) if match["total"].isdigit() else 0
            stage = stages.get(what)
            if stage is None:
                stage = stages[what] = Stage(what, first_seen=now, last_change=now)
            if done != stage.done or total != stage.total:
                stage.done, stage.total, stage.last_change = done, total, now
        for stage in stages.values():
            if (
                embed_budget is not None
                and not cut
                and stage.description.startswith("embedding")
                and now - stage.first_seen > embed_budget
                and stage.done < stage.total
            ):
                elapsed = now - stage.first_seen
                say(f"  {stage.description}: {stage.done}/{stage.total} after {elapsed:.0f} s;"
                    " cutting it short (--embed-budget)")  # fmt: skip
                stage.last_change = now
                cut.append(stage)
                process.kill()
        if now - shown >= 5.0 and stages:
            latest = max(stages.values(), key=lambda stage: stage.last_change)
            say(f"  {latest.description}: {latest.done}/{latest.total}")
            shown = now


# -- a served hub ------------------------------------------------------------------------


class Served:
    """A hub web process on 127.0.0.1 (`hub serve` unless another command is given),
    started in its own process group and always stopped (SIGTERM, then SIGKILL)."""

    def __init__(self, env: Mapping[str, str], command: Sequence[str] | None = None) -> None:
        self.port = free_port()
        self.env = dict(env)
        base = list(command or [PYTHON, "-m", "hub", "serve"])
        self.command = [*base, "--host", "127.0.0.1", "--port", str(self.port)]
        self.process: subprocess.Popen[bytes] | None = None
        self.ready_seconds = math.nan

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def __enter__(self) -> Served:
        started = time.monotonic()
        self.process = subprocess.Popen(self.command, env=self.env, cwd=CODE)
        deadline = started + READY_TIMEOUT
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"{self.command[:4]} exited ({self.process.returncode})")
            with contextlib.suppress(httpx.TransportError):
                if httpx.get(f"{self.url}/ready", timeout=2).status_code == 200:
                    self.ready_seconds = time.monotonic() - started
                    say(f"server ready on {self.url} in {self.ready_seconds:.1f} s")
                    return self
            time.sleep(0.2)
        self.stop()
        raise RuntimeError(f"the server did not become ready within {READY_TIMEOUT:.0f} s")

    def __exit__(self, *exc: object) -> None:
        self.stop()

    def stop(self) -> None:
        process = self.process
        if process is None or process.poll() is not None:
            return
        process.send_signal(signal.SIGTERM)
        try:
            process.wait(STOP_TIMEOUT)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
        say(f"server on port {self.port} stopped")


class GraphQL:
    """One keep-alive HTTP/1.1 connection posting GraphQL to a served hub.

    The standard library's client: httpx's own work took about 1.3 ms a request (its
    `{ __typename }` 4.3 ms against 2.7 ms), which is the client's time, not the hub's."""

    def __init__(self, url: str, timeout: float = 600.0) -> None:
        address = urlsplit(url)
        self.connection = http.client.HTTPConnection(
            address.hostname or "127.0.0.1", address.port, timeout=timeout
        )
        self.headers = {**GQL_HEADERS, "Content-Type": "application/json"}

    def __enter__(self) -> GraphQL:
        return self

    def __exit__(self, *exc: object) -> None:
        self.connection.close()

    def timed(self, query: str, **variables: Any) -> tuple[float, dict[str, Any]]:
        """Seconds for one POST /graphql (answer read and parsed), and its data."""
        started = time.perf_counter()
        body = json.dumps({"query": query, "variables": variables})
        self.connection.request("POST", "/graphql", body=body, headers=self.headers)
        response = self.connection.getresponse()
        answer = json.loads(response.read())
        seconds = time.perf_counter() - started
        if response.status != 200 or answer.get("errors"):
            raise RuntimeError(f"GraphQL failed ({response.status}): {str(answer)[:500]}")
        data: dict[str, Any] = answer["data"]
        return seconds, data


# -- figures -----------------------------------------------------------------------------


def quantile(values: Sequence[float], q: float) -> float:
    """The q-quantile (linear interpolation), NaN for no values."""
    if not values:
        return math.nan
    ordered = sorted(values)
    position = (len(ordered) - 1) * q
    low = math.floor(position)
    high = min(low + 1, len(ordered) - 1)
    return ordered[low] + (ordered[high] - ordered[low]) * (position - low)


def ms(seconds: float) -> str:
    return f"{seconds * 1000:.1f} ms" if seconds < 10 else f"{seconds:.1f} s"
