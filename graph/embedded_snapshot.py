"""Snapshots of the embedded FalkorDB server: one RDB file, taken live, restored offline.

Backup: `SAVE` writes the whole dataset (every graph, and arq's database) to `dump.rdb` in
the server's folder while the server runs no other command, so the file is one consistent
point in time; it is then copied out (to a temporary name, fsynced, renamed). Graph keys are
never DUMPed and RESTOREd one by one: a RESTOREd FalkorDB graph key has hung the next write.

Restore: the server is stopped (refused while other hub processes use it), its append-only
directory is set aside, and the server is started once with `appendonly no` on a copy of the
snapshot, which it loads; `CONFIG SET appendonly yes` then writes a new append-only file
from memory (Redis's documented switch from RDB to AOF); once written, the server stops and
is started the usual way, from that file. The set-aside directory comes back if anything
fails, and is deleted once the restore succeeded.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import time
from pathlib import Path
from typing import Any

from redis import exceptions as redis_errors

from graph.embedded import EmbeddedServer
from graph.errors import EmbeddedServerError

RDB_MAGIC = b"REDIS"
SNAPSHOT_FILE = "dump.rdb"
RESTORE_FILE = "restore.rdb"
AOF_DIR = "appendonlydir"
SET_ASIDE = "appendonlydir.before-restore"
REWRITE_TIMEOUT = 300.0


def backup(server: EmbeddedServer, target: Path) -> int:
    """Write a consistent snapshot of a running server to `target`; returns its size."""
    client = server.client()
    try:
        client.save()
    except (redis_errors.RedisError, OSError) as exc:
        raise EmbeddedServerError(f"the server could not write a snapshot: {exc}") from exc
    finally:
        client.close()
    target = target.expanduser().resolve()
    target.parent.mkdir(parents=True, exist_ok=True)
    partial = target.with_name(f".{target.name}.partial")
    shutil.copyfile(server.folder / SNAPSHOT_FILE, partial)
    with partial.open("rb") as handle:
        os.fsync(handle.fileno())
    partial.replace(target)
    return target.stat().st_size


def check_snapshot(source: Path) -> None:
    """Refuse a file that is not a Redis snapshot before anything is stopped."""
    try:
        with source.open("rb") as handle:
            head = handle.read(len(RDB_MAGIC))
    except OSError as exc:
        raise EmbeddedServerError(f"cannot read the backup {source} ({exc.strerror})") from exc
    if head != RDB_MAGIC:
        raise EmbeddedServerError(f"{source} is not a backup written by `hub backup`")


def restore(server: EmbeddedServer, source: Path) -> None:
    """Replace the server's data with the snapshot `source`; the server is left stopped.

    The caller must own the data folder (`server.take_ownership()`).
    """
    check_snapshot(source)
    if server.running_pid() is not None:
        others = server.hub_clients()
        if others:
            raise EmbeddedServerError(
                f"the graph in {server.folder} is in use by {len(others)} other hub "
                "process(es); stop `hub serve`, `hub worker` and `hub run` first"
            )
        server.shutdown()
    aof = server.folder / AOF_DIR
    aside = server.folder / SET_ASIDE
    if aside.exists():
        shutil.rmtree(aside)  # left by a restore that could not even put it back
    if aof.exists():
        aof.rename(aside)
    loaded = server.folder / RESTORE_FILE
    try:
        shutil.copyfile(source, loaded)
        server.spawn(server.command(appendonly=False, dbfilename=RESTORE_FILE))
        try:
            _switch_to_append_only(server)
        finally:
            server.shutdown()
        if not (aof / "appendonly.aof.manifest").exists():
            raise EmbeddedServerError("the server wrote no append-only file from the backup")
    except BaseException:
        shutil.rmtree(aof, ignore_errors=True)
        if aside.exists():
            aside.rename(aof)
        raise
    finally:
        loaded.unlink(missing_ok=True)
    shutil.rmtree(aside, ignore_errors=True)


def _switch_to_append_only(server: EmbeddedServer) -> None:
    client = server.client()
    try:
        client.config_set("appendonly", "yes")
        deadline = time.monotonic() + REWRITE_TIMEOUT
        while time.monotonic() < deadline:
            info: dict[str, Any] = client.info("persistence")  # type: ignore[assignment]
            busy = info["aof_rewrite_in_progress"] or info["aof_rewrite_scheduled"]
            if not busy and info.get("aof_enabled") and int(info.get("aof_rewrites", 0)) >= 1:
                if info.get("aof_last_bgrewrite_status") != "ok":
                    raise EmbeddedServerError(
                        f"writing the append-only file failed; see {server.log_path}"
                    )
                return
            time.sleep(0.05)
        raise EmbeddedServerError(
            f"the append-only file was not written within {REWRITE_TIMEOUT:.0f} s"
        )
    except (redis_errors.RedisError, OSError) as exc:
        raise EmbeddedServerError(
            f"the server could not switch to its append-only file: {exc}"
        ) from exc
    finally:
        with contextlib.suppress(redis_errors.RedisError, OSError):
            client.close()
