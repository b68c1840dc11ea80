"""Commands run as the leader of a session of their own, with real processes and signals."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from hub.background import (
    OWN_AUTOGROUP,
    lower_session_priority,
    run_in_own_session,
    sessions_share_the_cpu,
)

WAITER = textwrap.dedent(
    """
    import sys
    from hub.background import run_in_own_session
    sys.exit(run_in_own_session([sys.executable, "-c", sys.argv[1]]))
    """
)


def _autogroup() -> str:
    """This process's autogroup: empty where the kernel has none, and in the root group (a
    process whose session descends from init's without a setsid, as under some CI runners)."""
    return OWN_AUTOGROUP.read_text() if OWN_AUTOGROUP.exists() else ""


def _gone(pid: int, timeout: float = 10.0) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
        except FileNotFoundError:
            return True
        if state == "Z":  # a zombie waiting for its (re)parent: dead
            return True
        time.sleep(0.02)
    return False


def test_the_command_leads_a_new_session_lowers_it_and_its_status_comes_back(
    tmp_path: Path,
) -> None:
    report = tmp_path / "report.json"
    child = textwrap.dedent(
        f"""
        import json, os, sys
        from hub.background import OWN_AUTOGROUP, lower_session_priority
        lower_session_priority(7)
        json.dump({{"leads": os.getsid(0) == os.getpid(),
                   "autogroup": OWN_AUTOGROUP.read_text() if OWN_AUTOGROUP.exists() else ""}},
                  open({str(report)!r}, "w"))
        sys.exit(3)
        """
    )
    ours = _autogroup()
    assert run_in_own_session([sys.executable, "-c", child]) == 3
    seen = json.loads(report.read_text())
    assert seen["leads"]
    if sessions_share_the_cpu():
        assert seen["autogroup"].split()[-2:] == ["nice", "7"]
        assert seen["autogroup"].split()[0] != (ours.split() or [""])[0]  # a group of its own
    assert _autogroup() == ours  # the caller's session keeps its priority


def test_a_process_that_does_not_lead_its_session_leaves_the_session_alone() -> None:
    assert os.getsid(0) != os.getpid()
    before = _autogroup()
    lower_session_priority(7)
    assert _autogroup() == before


def _start_waiter(tmp_path: Path, child_code: str) -> tuple[subprocess.Popen[bytes], int]:
    pid_file = tmp_path / "child.pid"
    child = f"import os, time\nopen({str(pid_file)!r}, 'w').write(str(os.getpid()))\n{child_code}"
    waiter = subprocess.Popen([sys.executable, "-c", WAITER, child])
    deadline = time.monotonic() + 30
    while not pid_file.exists() or not pid_file.read_text():
        assert waiter.poll() is None, "the waiting process ended early"
        assert time.monotonic() < deadline
        time.sleep(0.02)
    return waiter, int(pid_file.read_text())


@pytest.mark.parametrize(
    ("number", "status"), [(signal.SIGTERM, 128 + signal.SIGTERM), (signal.SIGINT, 130)]
)
def test_ctrl_c_and_termination_are_passed_on(
    tmp_path: Path, number: signal.Signals, status: int
) -> None:
    waiter, child = _start_waiter(tmp_path, "time.sleep(60)")
    try:
        waiter.send_signal(number)
        assert waiter.wait(timeout=20) == status
        assert _gone(child)
    finally:
        waiter.kill()
        waiter.wait()


def test_killing_the_waiting_process_kills_the_command(tmp_path: Path) -> None:
    waiter, child = _start_waiter(tmp_path, "time.sleep(60)")
    waiter.kill()
    waiter.wait()
    assert _gone(child)
