"""The browser helper reports what the page tests rely on it to report."""

from __future__ import annotations

from pathlib import Path

from browser import open_html


def test_a_clean_page_has_no_errors(tmp_path: Path) -> None:
    """A static page loads, its text is readable and nothing is reported."""
    with open_html("<!doctype html><title>t</title><p>hi</p>", tmp_path) as (page, errors):
        assert "hi" == page.inner_text("p")
        assert [] == errors


def test_console_errors_and_exceptions_are_reported(tmp_path: Path) -> None:
    """console.error and an uncaught exception both land in errors."""
    html = "<!doctype html><script>console.error('boom'); null.x;</script>"
    with open_html(html, tmp_path) as (page, errors):
        assert any(e.startswith("console: boom") for e in errors)
        assert any(e.startswith("pageerror:") for e in errors)


def test_network_requests_are_blocked_and_reported(tmp_path: Path) -> None:
    """A page that fetches anything besides itself is caught, and the fetch aborted."""
    html = '<!doctype html><img src="https://example.invalid/x.png">'
    with open_html(html, tmp_path) as (page, errors):
        assert "request: https://example.invalid/x.png" in errors
