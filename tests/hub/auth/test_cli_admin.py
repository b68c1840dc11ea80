"""`hub admin create EMAIL`: the first administrator, as a person runs it."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path


def hub(data_dir: Path, *args: str, stdin: str = "") -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "HUB_DATA_DIR": str(data_dir), "HUB_LOG_LEVEL": "debug"}
    return subprocess.run(
        [sys.executable, "-m", "hub", *args],
        env=env,
        input=stdin,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_admin_create_then_again_then_a_bad_password(tmp_path: Path) -> None:
    password = "a long admin passphrase"
    created = hub(
        tmp_path, "admin", "create", "Root@Example.org", "--password-stdin", stdin=password + "\n"
    )
    assert created.returncode == 0, created.stderr
    assert created.stdout.strip() == (
        "administrator root@example.org created; sign in with `signIn` at /graphql"
    )
    assert password not in created.stdout + created.stderr

    again = hub(tmp_path, "admin", "create", "root@example.org", "--password-stdin", stdin="")
    assert again.returncode == 0, again.stderr
    assert "already had an account: it is now an administrator" in again.stdout

    weak = hub(
        tmp_path, "admin", "create", "other@example.org", "--password-stdin", stdin="short\n"
    )
    assert weak.returncode == 1
    assert "input.password: must be at least 10 characters" in weak.stderr
    assert "Traceback" not in weak.stderr
