"""A serving app lets its event loop take the GIL back from worker threads within 1 ms."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from arq.connections import RedisSettings

from graph.embedded import EmbeddedServer
from graph.falkordb_engine import FalkorDBEngine
from hub.app import create_app
from hub.gil import SERVING_SWITCH_INTERVAL
from hub.runtime import JOBS_DATABASE, Runtime
from hub.settings import Settings
from hub.suggestions.models import EmbedderHolder

CPYTHON_DEFAULT = 0.005


async def test_the_switch_interval_is_short_once_the_app_serves(
    graph: FalkorDBEngine, embedded_server: EmbeddedServer, holder: EmbedderHolder, tmp_path: Path
) -> None:
    before = sys.getswitchinterval()
    sys.setswitchinterval(CPYTHON_DEFAULT)
    try:
        settings = Settings.from_env({"HUB_DATA_DIR": str(tmp_path)})
        redis = RedisSettings(
            unix_socket_path=str(embedded_server.socket_path), database=JOBS_DATABASE
        )
        app = create_app(settings, Runtime(settings, graph, embedded_server, redis), holder=holder)
        assert sys.getswitchinterval() == pytest.approx(CPYTHON_DEFAULT)  # not on creation
        async with app.router.lifespan_context(app):
            assert sys.getswitchinterval() == pytest.approx(SERVING_SWITCH_INTERVAL)
    finally:
        sys.setswitchinterval(before)
