"""Open an HTML page in headless Chromium for the browser tests, or skip cleanly.

The tests drive Debian's Chromium (``/usr/bin/chromium``, installed by ``.ci/run``)
through playwright's Python API; playwright's own browser downloads are never used.
Without playwright or Chromium, :func:`require_browser` skips the test and says
which one is missing and how to get it.

    from browser import open_html

    def test_page_loads(tmp_path):
        with open_html("<p>hi</p>", tmp_path) as (page, errors):
            assert page.inner_text("p") == "hi"
            assert errors == []

The page is loaded from a file under ``tmp_path`` with the network cut off: any
request other than the page itself is aborted and reported in ``errors``, next to
console errors and uncaught exceptions, so ``errors == []`` means the page is
self-contained and ran cleanly.
"""

from __future__ import annotations

import contextlib
import os
import shutil
from pathlib import Path
from typing import Any, Iterator

import pytest

CHROMIUM_ARGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
)
CHROMIUM_NAMES = ("chromium", "chromium-browser")
VIEWPORT = {"width": 1200, "height": 900}


def chromium_path() -> str | None:
    """The Chromium executable: ``$QUOTEATTR_CHROMIUM``, else ``chromium`` on the PATH."""
    configured = os.environ.get("QUOTEATTR_CHROMIUM")
    if configured:
        return configured if os.access(configured, os.X_OK) else None
    for name in CHROMIUM_NAMES:
        found = shutil.which(name)
        if found:
            return found
    return None


def require_browser() -> str:
    """Return the Chromium path, or skip the calling test saying what is missing."""
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        pytest.skip("browser test needs playwright: pip install 'quoteattr[test]'")
    executable = chromium_path()
    if executable is None:
        pytest.skip(
            "browser test needs Chromium: apt-get install chromium (bash .ci/run does it "
            "when run as root), or set QUOTEATTR_CHROMIUM to a Chromium executable"
        )
    return executable


@contextlib.contextmanager
def open_html(
    html: str, tmp_path: Path, *, viewport: dict[str, int] | None = None
) -> Iterator[tuple[Any, list[str]]]:
    """Load ``html`` in headless Chromium; yield ``(page, errors)``.

    ``page`` is a playwright ``Page`` showing the document, already loaded.
    ``errors`` is a live list of strings: console errors (``console: ...``),
    uncaught exceptions (``pageerror: ...``) and every request the page made
    besides its own file (``request: URL``), each of which was aborted.
    Skips the test when playwright or Chromium is missing.
    """
    executable = require_browser()
    from playwright.sync_api import sync_playwright

    path = tmp_path / "page.html"
    path.write_text(html, encoding="utf-8")
    url = path.as_uri()
    errors: list[str] = []
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=executable, args=list(CHROMIUM_ARGS))
        try:
            context = browser.new_context(viewport=viewport or VIEWPORT)
            context.route("**/*", lambda route: _allow_only(route, url, errors))
            page = context.new_page()
            page.on("console", lambda message: _record_console(message, errors))
            page.on("pageerror", lambda error: errors.append(f"pageerror: {error}"))
            page.on("requestfailed", lambda request: _record_failure(request, url, errors))
            page.goto(url, wait_until="load")
            yield page, errors
        finally:
            browser.close()


def _allow_only(route: Any, url: str, errors: list[str]) -> None:
    if route.request.url == url:
        route.continue_()
    else:
        errors.append(f"request: {route.request.url}")
        route.abort()


def _record_console(message: Any, errors: list[str]) -> None:
    if message.type == "error":
        errors.append(f"console: {message.text}")


def _record_failure(request: Any, url: str, errors: list[str]) -> None:
    if request.url == url:
        errors.append(f"request failed: {request.url} ({request.failure})")
