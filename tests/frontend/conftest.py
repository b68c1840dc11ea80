"""The browser tests' world: one `hub serve` with the demo data and one Chromium.

`visit` (parametrised over Greek and English) gives a page in a fresh browser context
and fails the test if the page logged any console error.
"""

from __future__ import annotations

import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, sync_playwright

from tests.frontend.browser import CHROMIUM, CHROMIUM_FLAGS, LANGS, Visit, open_visit
from tests.hub.processes import HubServe, hub_cli


@pytest.fixture(scope="package")
def hub_site() -> Iterator[HubServe]:
    """A real hub on loopback, seeded with the demo ecosystem, with an administrator."""
    folder = Path(tempfile.mkdtemp(prefix="hub-frontend-"))
    seeded = hub_cli(folder, "seed")
    assert seeded.returncode == 0, seeded.stderr
    # Every browser of the run comes from 127.0.0.1: one address for many visitors, so the
    # per-address limit of anonymous requests (tested in tests/hub/auth) is lifted here.
    hub = HubServe(folder, HUB_RATE_LIMIT_ANONYMOUS="100000").start()
    hub.sign_in_as_admin()
    yield hub
    hub.stop()
    shutil.rmtree(folder, ignore_errors=True)


@pytest.fixture(scope="package")
def browser() -> Iterator[Browser]:
    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(
            executable_path=CHROMIUM, args=CHROMIUM_FLAGS, headless=True
        )
        yield launched
        launched.close()


@pytest.fixture(params=LANGS)
def visit(request: pytest.FixtureRequest, browser: Browser, hub_site: HubServe) -> Iterator[Visit]:
    opened = open_visit(browser, hub_site.url, request.param)
    yield opened
    opened.page.context.close()
    opened.assert_clean()
