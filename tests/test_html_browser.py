"""The HTML page in a real browser: headless Chromium through playwright (tests/browser.py).

Each test skips, saying what is missing, without playwright or Chromium. Pages are
loaded with the network cut off, so a page that asks for anything fails here.
"""

from __future__ import annotations

import collections
import importlib.resources
import re
import struct
import zlib
from pathlib import Path
from typing import Any

import pytest

import quoteattr
from browser import open_html
from quoteattr import Document

SEED = Path(__file__).resolve().parents[2] / "shared" / "seed" / "000_72ecf83f3f5c3ec6.txt"
PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"


def _demo() -> Document:
    text = (importlib.resources.files("quoteattr") / "data" / "demo.txt").read_text("utf-8")
    return quoteattr.analyze(text)


def _seed() -> Document:
    if not SEED.exists():
        pytest.skip(f"{SEED} is absent")
    return quoteattr.analyze(SEED.read_text(encoding="utf-8"))


def _words(text: str) -> str:
    return " ".join(text.split())


def _assert_every_quote_shows(page: Any, doc: Document) -> None:
    shown = page.eval_on_selector_all(
        ".qa-text .qa-quote:not(.qa-cont)", "els => els.map(e => Number(e.dataset.quote))"
    )
    assert list(range(len(doc.quotes))) == shown
    for i in range(len(doc.quotes)):
        assert page.locator(f'.qa-text [data-quote="{i}"]').first.is_visible(), i
    assert doc.text == page.eval_on_selector(".qa-text", "e => e.textContent")


def test_demo_page_loads_cleanly_and_shows_every_quote(tmp_path):
    """No console error, no request, every quote visible, the text whole in the DOM."""
    doc = _demo()
    with open_html(quoteattr.render_html(doc), tmp_path) as (page, errors):
        _assert_every_quote_shows(page, doc)
        assert "Who said what" in page.title() or "Port Alder" in page.title()
        assert [] == errors


def test_seed_page_loads_cleanly_and_shows_every_quote(tmp_path):
    """The seed article too, with Shoigu's report nested in Putin's quote."""
    doc = _seed()
    with open_html(quoteattr.render_html(doc), tmp_path) as (page, errors):
        _assert_every_quote_shows(page, doc)
        (inner,) = [i for i, quote in enumerate(doc.quotes) if quote.parent is not None]
        outer = page.eval_on_selector(
            f'[data-quote="{inner}"]', "e => e.parentElement.closest('.qa-quote').dataset.quote"
        )
        assert str(doc.quotes.index(doc.quotes[inner].parent)) == outer
        assert [] == errors


def _tooltip_after_hovering(page: Any, selector: str) -> str:
    page.hover(selector)
    tip = page.locator("#qa-tip")
    assert tip.is_visible()
    return _words(tip.inner_text())


def test_hovering_a_quote_shows_speaker_chain_rule_and_confidence(tmp_path):
    """The tooltip of Shoigu's report names him, its chain with arrows, rule and confidence."""
    doc = _seed()
    (inner,) = [i for i, quote in enumerate(doc.quotes) if quote.parent is not None]
    quote = doc.quotes[inner]
    with open_html(quoteattr.render_html(doc), tmp_path) as (page, errors):
        assert page.locator("#qa-tip").is_hidden()
        tip = _tooltip_after_hovering(page, f'[data-quote="{inner}"]')
        assert tip.startswith("Sergey Shoigu (person)")
        assert "Chain Sergey Shoigu \u2192 Vladimir Putin \u2192 TASS" in tip
        assert f"Rule {quote.rule}" in tip and f"Confidence {quote.confidence:.2f}" in tip
        assert "Kind indirect quote" in tip
        linked = page.eval_on_selector_all(".qa-linked", "els => els.map(e => e.textContent)")
        assert {"Defense Minister [Sergey Shoigu]", "reported"} <= set(linked)
        page.mouse.move(1, 1)
        assert page.locator("#qa-tip").is_hidden()
        assert 0 == page.locator(".qa-linked").count()
        assert [] == errors


def test_hovering_a_cue_describes_its_quote(tmp_path):
    """A cue's tooltip is its quote's: 'according to' names the Coastal News Agency."""
    with open_html(quoteattr.render_html(_demo()), tmp_path) as (page, errors):
        tip = _tooltip_after_hovering(page, ".qa-cue >> text=according to")
        assert tip.startswith("Coastal News Agency (organization)")
        assert "Cue according to" in tip
        assert [] == errors


def test_panel_lists_speakers_and_draws_the_seed_chain(tmp_path):
    """The panel shows each speaker's count and the chain Shoigu → Putin → TASS."""
    with open_html(quoteattr.render_html(_seed()), tmp_path) as (page, errors):
        chains = [_words(text) for text in page.locator(".qa-chain").all_inner_texts()]
        assert "Sergey Shoigu \u2192 Vladimir Putin \u2192 TASS 1" in chains
        speakers = [_words(text) for text in page.locator(".qa-speaker").all_inner_texts()]
        assert "Vladimir Putin person 9 5 direct \u00b7 4 indirect \u00b7 relayed 1 quote" == (
            speakers[0]
        )
        assert page.locator(".qa-chains").is_visible()
        assert [] == errors


def _background(page: Any, selector: str) -> str:
    return page.eval_on_selector(selector, "e => getComputedStyle(e).backgroundColor")


def test_hovering_a_speaker_picks_out_their_quotes(tmp_path):
    """Over Tomas Reyes in the panel, his quotes keep their colour and the others lose it."""
    doc = _demo()
    reyes = next(i for i, q in enumerate(doc.quotes) if q.speaker.name == "Tomas Reyes")
    varga = next(i for i, q in enumerate(doc.quotes) if q.speaker.name == "Helena Varga")
    with open_html(quoteattr.render_html(doc), tmp_path) as (page, errors):
        varga_colour = _background(page, f'[data-quote="{varga}"]')
        reyes_colour = _background(page, f'[data-quote="{reyes}"]')
        page.hover(".qa-speaker >> text=Tomas Reyes")
        assert reyes_colour == _background(page, f'[data-quote="{reyes}"]')
        assert "rgba(0, 0, 0, 0)" == _background(page, f'[data-quote="{varga}"]')
        page.mouse.move(1, 1)
        assert varga_colour == _background(page, f'[data-quote="{varga}"]')
        assert [] == errors


def test_hostile_text_stays_text(tmp_path):
    """A script, NUL, a lone surrogate and bidi overrides in the text run nothing."""
    text = ('<script>alert(1)</script> a\x00b\ud800c \u202eevil\u202c.\n\n'
            '"We <b>won</b>," Ann Lee said. <img src=x onerror=alert(2)>')
    doc = quoteattr.analyze(text)
    dialogs: list[str] = []
    with open_html(quoteattr.render_html(doc), tmp_path) as (page, errors):
        page.on("dialog", lambda dialog: dialogs.append(dialog.message))
        page.hover('[data-quote="0"]')
        expected = re.sub("[\x00\ud800-\udfff]", "\ufffd", text)
        assert expected == page.eval_on_selector(".qa-text", "e => e.textContent")
        assert 0 == page.locator(".qa-text script, .qa-text img, .qa-text b").count()
        assert [] == dialogs
        assert [] == errors


def _png_pixels(data: bytes) -> tuple[int, int, collections.Counter[bytes]]:
    """Decode an 8-bit, non-interlaced RGB or RGBA PNG: its size and a count of its colours."""
    assert PNG_SIGNATURE == data[:8]
    position, chunks, header = 8, [], None
    while position < len(data):
        length, kind = struct.unpack(">I4s", data[position:position + 8])
        body = data[position + 8:position + 8 + length]
        position += 12 + length
        if kind == b"IHDR":
            header = struct.unpack(">IIBBBBB", body)
        elif kind == b"IDAT":
            chunks.append(body)
    width, height, depth, colour_type, _, _, interlace = header
    assert (8, 0) == (depth, interlace) and colour_type in (2, 6)
    step = 3 if colour_type == 2 else 4
    raw = zlib.decompress(b"".join(chunks))
    stride = width * step
    colours: collections.Counter[bytes] = collections.Counter()
    previous = bytearray(stride)
    for row in range(height):
        start = row * (stride + 1)
        line = _unfilter(raw[start], bytearray(raw[start + 1:start + 1 + stride]), previous, step)
        colours.update(bytes(line[x:x + 3]) for x in range(0, stride, step))
        previous = line
    return width, height, colours


def _unfilter(kind: int, line: bytearray, above: bytearray, step: int) -> bytearray:
    for x in range(len(line)):
        left = line[x - step] if x >= step else 0
        corner = above[x - step] if x >= step else 0
        if kind == 1:
            line[x] = (line[x] + left) & 255
        elif kind == 2:
            line[x] = (line[x] + above[x]) & 255
        elif kind == 3:
            line[x] = (line[x] + (left + above[x]) // 2) & 255
        elif kind == 4:
            line[x] = (line[x] + _paeth(left, above[x], corner)) & 255
    return line


def _paeth(left: int, above: int, corner: int) -> int:
    estimate = left + above - corner
    distances = (abs(estimate - left), abs(estimate - above), abs(estimate - corner))
    return (left, above, corner)[distances.index(min(distances))]


def _rgb(css: str) -> bytes:
    return bytes(int(part) for part in re.findall(r"\d+", css)[:3])


def test_screenshot_shows_the_highlight_colours(tmp_path):
    """The rendered PNG is a full page, and each speaker's highlight colour is in its pixels."""
    doc = _demo()
    with open_html(quoteattr.render_html(doc), tmp_path) as (page, errors):
        data = page.screenshot(full_page=True)
        colours = {
            quote.speaker.name: _rgb(_background(page, f'[data-quote="{i}"]'))
            for i, quote in enumerate(doc.quotes) if quote.kind.value == "direct"
        }
        assert [] == errors
    width, height, pixels = _png_pixels(data)
    assert (1200, True) == (width, height >= 900)
    assert len(data) > 50_000
    assert 2 == len(colours) == len(set(colours.values()))
    for name, colour in colours.items():
        assert pixels[colour] > 2_000, name
    assert len(pixels) > 100


def test_longest_polnear_dev_article_loads_cleanly(tmp_path):
    """The longest PolNeAR dev article (read at run time): no error, every quote visible,
    and the panel, however many speakers it lists, scrolls within the window."""
    paths = sorted((SEED.parents[1] / "data" / "polnear" / "dev" / "text").glob("*.txt"))
    if not paths:
        pytest.skip("no PolNeAR dev texts in ../shared/data/polnear/dev/text")
    text = max((path.read_text(encoding="utf-8") for path in paths), key=len)
    doc = quoteattr.analyze(text)
    with open_html(quoteattr.render_html(doc), tmp_path) as (page, errors):
        _assert_every_quote_shows(page, doc)
        panel = page.eval_on_selector(".qa-panel", "e => e.getBoundingClientRect().height")
        assert panel <= page.viewport_size["height"]
        assert [] == errors
