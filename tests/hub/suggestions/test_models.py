"""The embedding model a process loads: the threads it may use."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap

PROBE = textwrap.dedent(
    """
    import json, torch
    from hub.suggestions.models import EmbedderHolder
    EmbedderHolder("", threads=1).get()
    print(json.dumps(torch.get_num_threads()))
    """
)


def test_a_holder_given_threads_limits_torch_in_its_process() -> None:
    # In a process of its own: torch's setting is process-wide.
    env = {**os.environ, "HF_HUB_OFFLINE": "1"}
    done = subprocess.run(
        [sys.executable, "-c", PROBE], env=env, capture_output=True, text=True, timeout=300
    )
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout.strip().splitlines()[-1]) == 1
