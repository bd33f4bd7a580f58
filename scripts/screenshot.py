"""Write docs/_static/demo.png: the HTML page of the bundled demo article.

    python scripts/screenshot.py [--hover N] [--output PATH]

Needs playwright (``pip install playwright``, no browser download) and Chromium
(``apt-get install chromium``, or set QUOTEATTR_CHROMIUM to an executable). The
page is loaded from a temporary file with every network request refused, and
shown as a reader sees it with the mouse over quote N (default: 0), so the
picture includes a tooltip.
"""

from __future__ import annotations

import argparse
import importlib.resources
import os
import shutil
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))  # the checkout, when not installed

import quoteattr  # noqa: E402

OUTPUT = ROOT / "docs" / "_static" / "demo.png"
VIEWPORT = {"width": 1120, "height": 1000}
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--hover", type=int, default=0, metavar="N",
                        help="the index of the quote under the mouse (default: 0)")
    parser.add_argument("--output", type=Path, default=OUTPUT, metavar="PATH")
    args = parser.parse_args()
    chromium = os.environ.get("QUOTEATTR_CHROMIUM") or shutil.which("chromium")
    if chromium is None:
        print("screenshot: no Chromium: apt-get install chromium", file=sys.stderr)
        return 2
    demo = importlib.resources.files("quoteattr") / "data" / "demo.txt"
    page_html = quoteattr.render_html(quoteattr.analyze(demo.read_text(encoding="utf-8")))
    args.output.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "demo.html"
        path.write_text(page_html, encoding="utf-8")
        _shoot(chromium, path, args.hover, args.output)
    print(f"wrote {args.output} ({args.output.stat().st_size:,} bytes)")
    return 0


def _shoot(chromium: str, page_path: Path, hover: int, output: Path) -> None:
    from playwright.sync_api import sync_playwright

    url = page_path.as_uri()
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium, args=CHROMIUM_ARGS)
        try:
            context = browser.new_context(viewport=VIEWPORT)
            context.route(
                "**/*",
                lambda route: route.continue_() if route.request.url == url else route.abort(),
            )
            page = context.new_page()
            page.goto(url, wait_until="load")
            height = page.evaluate("document.documentElement.scrollHeight")
            page.set_viewport_size({"width": VIEWPORT["width"], "height": height})
            page.hover(f'[data-quote="{hover}"]')
            page.screenshot(path=str(output), full_page=True)
        finally:
            browser.close()


if __name__ == "__main__":
    sys.exit(main())
