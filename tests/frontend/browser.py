"""A real Chromium (Debian's, driven by Playwright) looking at a real hub.

`Visit` wraps one page in one language: it records every console error, uncaught page
error and failed request, runs axe-core inside the page and writes screenshots under
test-output/screenshots/<lang>/.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from playwright.sync_api import Browser, ConsoleMessage, Page, Request

REPO = Path(__file__).resolve().parents[2]
AXE_SCRIPT = REPO / "frontend" / "node_modules" / "axe-core" / "axe.min.js"
SCREENSHOTS = REPO / "test-output" / "screenshots"
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_FLAGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
LANGS = ("el", "en")
# The WCAG rules axe checks: A and AA, 2.0 to 2.2, plus its best practices.
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"]
SERIOUS = {"serious", "critical"}


@dataclass
class Visit:
    """One browser page of the hub, in one language."""

    page: Page
    base_url: str
    lang: str
    problems: list[str] = field(default_factory=list)

    def goto(self, path: str) -> Page:
        self.page.goto(self.base_url + path)
        self.page.wait_for_load_state("networkidle")
        return self.page

    def settle(self) -> None:
        """Wait until no request is in flight and no loading notice shows."""
        self.page.wait_for_load_state("networkidle")
        self.page.locator(".status.loading").first.wait_for(state="detached", timeout=60_000)

    def check(self, name: str) -> None:
        """No serious or critical axe violation, then a full-page screenshot named `name`."""
        self.settle()
        violations = axe_violations(self.page)
        assert not violations, f"{name} ({self.lang}): " + json.dumps(violations, indent=1)
        folder = SCREENSHOTS / self.lang
        folder.mkdir(parents=True, exist_ok=True)
        self.page.screenshot(path=str(folder / f"{name}.png"), full_page=True)

    def assert_clean(self) -> None:
        assert not self.problems, f"console errors ({self.lang}): {self.problems}"


def axe_violations(page: Page) -> list[dict[str, Any]]:
    """The serious and critical violations axe-core finds in the page as it is now."""
    if not page.evaluate("typeof window.axe !== 'undefined'"):
        # evaluate() runs over the DevTools protocol, so the hub's CSP (which forbids
        # injected inline scripts) stays on for everything else.
        page.evaluate(AXE_SCRIPT.read_text(encoding="utf-8") + "\n;undefined")
    result: dict[str, Any] = page.evaluate(
        "async (tags) => await window.axe.run(document, {runOnly: {type: 'tag', values: tags}})",
        AXE_TAGS,
    )
    return [
        {
            "id": violation["id"],
            "impact": violation["impact"],
            "help": violation["help"],
            "nodes": [node["target"] for node in violation["nodes"][:5]],
        }
        for violation in result["violations"]
        if violation["impact"] in SERIOUS
    ]


def open_visit(browser: Browser, base_url: str, lang: str) -> Visit:
    """A fresh browser context (no cookies) whose hub language is `lang`."""
    context = browser.new_context(
        locale="el-GR" if lang == "el" else "en-GB", viewport={"width": 1280, "height": 900}
    )
    # Only the first page of the context: later choices of the visitor must stick.
    context.add_init_script(
        "if (!window.localStorage.getItem('hub.lang'))"
        f" window.localStorage.setItem('hub.lang', {json.dumps(lang)})"
    )
    page = context.new_page()
    page.set_default_timeout(60_000)
    visit = Visit(page=page, base_url=base_url, lang=lang)

    def on_console(message: ConsoleMessage) -> None:
        if message.type == "error":
            visit.problems.append(f"console: {message.text} at {message.location}")

    def on_failed(request: Request) -> None:
        # A navigation or reload cancels the requests still in flight: not a failure.
        if request.failure != "net::ERR_ABORTED":
            visit.problems.append(
                f"request failed: {request.method} {request.url} {request.failure}"
            )

    page.on("console", on_console)
    page.on("pageerror", lambda error: visit.problems.append(f"page error: {error}"))
    page.on("requestfailed", on_failed)
    return visit
