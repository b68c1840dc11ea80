"""Commands that give way to a hub serving on the same machine (`hub import`).

Lowering a process's niceness is not enough where the kernel shares the CPU between sessions
first (autogroup scheduling, on by default in most distributions): niceness counts only
within a session, and an import started from another terminal took as much of the machine as
the serving hub, whatever its niceness. So such a command runs as the leader of a session of
its own, whose niceness it lowers (`lower_session_priority`), while the process the operator
started waits for it and passes Ctrl-C and termination on (`run_in_own_session`).

Only the standard library here: the waiting process imports nothing else.
"""

from __future__ import annotations

import contextlib
import ctypes
import os
import signal
import subprocess
from collections.abc import Sequence
from pathlib import Path
from types import FrameType

AUTOGROUP_SWITCH = Path("/proc/sys/kernel/sched_autogroup_enabled")
OWN_AUTOGROUP = Path("/proc/self/autogroup")
PASSED_ON = (signal.SIGINT, signal.SIGTERM, signal.SIGHUP)
_PR_SET_PDEATHSIG = 1


def sessions_share_the_cpu() -> bool:
    """Whether the kernel shares the CPU between sessions before niceness (autogroup)."""
    try:
        return AUTOGROUP_SWITCH.read_text().strip() == "1"
    except OSError:
        return False


def in_own_session() -> bool:
    """Whether this process leads its session (started by `run_in_own_session`, or setsid)."""
    return os.getsid(0) == os.getpid()


def run_in_own_session(command: Sequence[str]) -> int:
    """Run `command` as the leader of a new session, wait for it and return its exit status
    (128 + the signal's number when a signal ended it, as a shell reports it).

    Ctrl-C, SIGTERM and SIGHUP sent to this process are passed on; if this process is killed
    outright, the kernel kills the command too (its parent-death signal).
    """
    prctl = ctypes.CDLL(None, use_errno=True).prctl  # looked up before the fork
    parent = os.getpid()

    def die_with_parent() -> None:
        prctl(_PR_SET_PDEATHSIG, signal.SIGKILL)
        if os.getppid() != parent:  # the parent died before the signal was set
            os._exit(1)

    child = subprocess.Popen(list(command), start_new_session=True, preexec_fn=die_with_parent)

    def pass_on(number: int, _frame: FrameType | None) -> None:
        child.send_signal(number)

    previous = {number: signal.signal(number, pass_on) for number in PASSED_ON}
    try:
        status = child.wait()
    finally:
        for number, handler in previous.items():
            signal.signal(number, handler)
    return status if status >= 0 else 128 - status


def lower_session_priority(niceness: int) -> None:
    """Give this process's session (its autogroup) `niceness`, when the process leads it.

    A process that does not lead its session leaves it alone: the session is a terminal's,
    which would keep the lower priority after the command ends.
    """
    if in_own_session():
        with contextlib.suppress(OSError):  # no autogroup support in this kernel
            OWN_AUTOGROUP.write_text(f"{niceness}\n")
