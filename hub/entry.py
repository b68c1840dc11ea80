"""The `hub` command (console script and `python -m hub`).

`hub import ...` gives way to a hub serving on the same machine: where the kernel shares the
CPU between sessions first, it runs again as the leader of a session of its own
(`hub.background`), which its callback then lowers. Everything else runs here directly.
"""

from __future__ import annotations

import sys

from hub.background import in_own_session, run_in_own_session, sessions_share_the_cpu

BACKGROUND_COMMANDS = frozenset({"import"})


def main() -> None:
    arguments = sys.argv[1:]
    background = bool(arguments) and arguments[0] in BACKGROUND_COMMANDS
    if background and sessions_share_the_cpu() and not in_own_session():
        sys.exit(run_in_own_session([sys.executable, "-m", "hub", *arguments]))
    from hub.cli import app  # the whole hub: imported only by the process that does the work

    app()
