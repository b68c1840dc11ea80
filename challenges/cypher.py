"""Cypher fragments the challenge statements share.

`lock(v)` takes the write lock of node `v` before the statement reads the state it checks
(a version, a phase, a team's size). FalkorDB runs one write query at a time, so there a
check and the write that follows it are atomic anyway; Neo4j reads committed data without
locks, so two transactions could both pass the check and one write would be lost. Setting
and removing a property takes the node's lock until commit and leaves no trace; the
values read after it are the latest committed ones (Neo4j's documented remedy for lost
updates).
"""

from __future__ import annotations


def lock(variable: str) -> str:
    return f"SET {variable}._lock = true REMOVE {variable}._lock "
