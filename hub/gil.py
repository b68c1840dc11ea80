"""How soon a serving process's event loop gets the GIL back from its worker threads.

The web process runs its CPU-bound work (index refreshes, rankings, graph reply parsing) in
worker threads so that the event loop stays free. But every socket read or write of the loop
releases the GIL, and CPython lets a waiting thread take it back only after the holder has run
its switch interval (5 ms by default): a request that makes ten system calls while a worker
thread computes can wait ten times as long. A short interval bounds each of those waits.
"""

from __future__ import annotations

import sys

SERVING_SWITCH_INTERVAL = 0.001
"""Seconds a thread may hold the GIL while another waits for it (CPython's default: 0.005)."""


def hand_over_quickly() -> None:
    """Let a waiting thread (the event loop) take the GIL after at most a millisecond."""
    sys.setswitchinterval(SERVING_SWITCH_INTERVAL)
