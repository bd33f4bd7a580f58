"""Tests for ``quoteattr report`` and the page ``quoteattr/_report.py`` writes.

The browser test opens the page in headless Chromium through ``tests/browser.py`` and
skips, saying why, without playwright or Chromium.
"""

from __future__ import annotations

import html.parser
from pathlib import Path

import pytest

import quoteattr
import quoteattr.__main__ as cli
from quoteattr._report import LONGEST_CONTENT, ReportWriter, quote_in_context
from quoteattr.analysis import summarize

ARTICLES = {
    "a.txt": '"We won the vote," Ann Lee said.\n\nTom Hart claimed the count was wrong.\n',
    "b.txt": '"The plan will fail," Ann Lee insisted, according to Reuters.\n\n'
             "Officials said the plan was late.\n",
    "c.txt": '"No comment," Tom Hart told reporters. <script>alert(1)</script>\n',
}


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    """Three short articles; c.txt holds markup that must come out as text."""
    root = tmp_path / "corpus"
    root.mkdir()
    for name, text in ARTICLES.items():
        (root / name).write_text(text, encoding="utf-8")
    return root


@pytest.fixture
def page(corpus: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> str:
    """The report on the corpus, grouped by a metadata column."""
    metadata = tmp_path / "meta.tsv"
    metadata.write_text("filename\tpublisher\na\tnyt\nb\tpost\nc\tnyt\n", encoding="utf-8")
    output = tmp_path / "report.html"
    status = cli.main(["report", str(corpus), "-o", str(output), "--processes", "1",
                       "--metadata", str(metadata), "--group-by", "publisher"])
    _, err = capsys.readouterr()
    assert 0 == status
    assert f"wrote {output} (3 documents, 5 quotes)" in err
    return output.read_text(encoding="utf-8")


class _Elements(html.parser.HTMLParser):
    """Collects the ids, hrefs and tags of a page."""

    def __init__(self) -> None:
        super().__init__()
        self.ids: list[str] = []
        self.hrefs: list[str] = []
        self.tags: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        for name, value in attrs:
            if name == "id" and value:
                self.ids.append(value)
            if name in ("href", "src") and value:
                self.hrefs.append(value)


def _elements(page: str) -> _Elements:
    parser = _Elements()
    parser.feed(page)
    return parser


def test_every_link_is_to_an_anchor_on_the_page(page: str) -> None:
    """Nothing is fetched: every href is a fragment, and every fragment exists."""
    elements = _elements(page)
    assert elements.hrefs
    assert all(href.startswith("#") for href in elements.hrefs)
    assert {href[1:] for href in elements.hrefs} <= set(elements.ids)
    assert len(elements.ids) == len(set(elements.ids))
    assert not {"script", "link", "img", "iframe"} & set(elements.tags)


def test_the_page_has_the_charts_and_every_quote(page: str) -> None:
    """Seven charts (two for the groups) and the five quotes, each with an id."""
    elements = _elements(page)
    assert 7 == elements.tags.count("svg")
    assert {"q-0-0", "q-0-1", "q-1-0", "q-1-1", "q-2-0"} <= set(elements.ids)
    assert "3 documents, 5 quotes, 18 words quoted; 0 quotes without a speaker." in page
    assert "<mark>We won the vote</mark>" in page


def test_article_markup_is_escaped(page: str) -> None:
    """Markup in an article is shown as text, never run."""
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "<script>" not in page


def test_quote_in_context_marks_content_cue_and_source() -> None:
    """The content is marked, the cue and source tagged, inside the paragraph only."""
    doc = quoteattr.analyze('First paragraph.\n\nTom Hart claimed the count was wrong.\n')
    assert ('<span class="source">Tom Hart</span> <span class="cue">claimed</span> '
            "<mark>the count was wrong</mark>.") == quote_in_context(doc.text, doc.quotes[0])


def test_long_content_is_cut_in_the_middle() -> None:
    """Content beyond LONGEST_CONTENT characters keeps its two ends around an ellipsis."""
    words = " ".join(f"w{i}" for i in range(400))
    doc = quoteattr.analyze(f'"{words}," Ann Lee said.')
    shown = quote_in_context(doc.text, doc.quotes[0])
    assert "w0 w1" in shown and "w398 w399" in shown and " … " in shown
    assert len(shown) < LONGEST_CONTENT + 200


def test_the_writer_spools_documents_instead_of_keeping_them(tmp_path: Path) -> None:
    """After streaming, the writer holds no Document: only the spooled text remains."""
    import gc
    import weakref

    doc = quoteattr.analyze('"We won," Ann Lee said.')
    ref = weakref.ref(doc)
    with ReportWriter() as writer:
        list(writer.stream([(tmp_path / "a.txt", doc)]))
        summary = summarize([doc])
        del doc
        gc.collect()
        assert ref() is None
        assert "<mark>We won</mark>" in writer.render(summary)


def test_aliases_in_the_report_match_the_counts(tmp_path: Path) -> None:
    """An alias written with a period lists the quotes under the merged speaker's bar."""
    docs = [quoteattr.analyze('"Yes," Ann B. Lee said.'), quoteattr.analyze('"No," Lee said.')]
    aliases = {"Ann B. Lee": "Ann Lee", "Lee": "Ann Lee"}
    with ReportWriter(aliases=aliases) as writer:
        list(writer.stream([(tmp_path / "a.txt", docs[0]), (tmp_path / "b.txt", docs[1])]))
        page = writer.render(summarize(docs, aliases=aliases))
    section = page[page.index('id="speaker-0"'):]
    section = section[:section.index("</section>")]
    assert "Ann Lee (person): 2 quotes" in section
    assert 2 == section.count("<li>")


def test_report_to_a_folder_is_a_one_line_error(corpus: Path, tmp_path: Path,
                                               capsys: pytest.CaptureFixture[str]) -> None:
    """-o naming a folder exits 2 and says so."""
    status = cli.main(["report", str(corpus), "-o", str(tmp_path), "--processes", "1"])
    _, err = capsys.readouterr()
    assert 2 == status
    assert "is a directory" in err


def test_report_opens_in_a_browser_and_its_links_work(page: str, tmp_path: Path) -> None:
    """In headless Chromium: no errors or requests, charts drawn, bars lead to quotes."""
    from browser import open_html

    with open_html(page, tmp_path) as (browser_page, errors):
        assert [] == errors
        charts = browser_page.locator("svg.chart")
        assert 7 == charts.count()
        for i in range(charts.count()):
            box = charts.nth(i).bounding_box()
            assert box is not None and box["width"] > 100 and box["height"] > 20
        widths = browser_page.eval_on_selector_all(
            "svg.chart rect", "rects => rects.map(r => r.getBBox().width)")
        assert max(widths) > 100
        browser_page.locator("svg.chart a.bar").first.click()
        assert "#speaker-0" == browser_page.evaluate("location.hash")
        target = browser_page.locator("#speaker-0")
        assert "Ann Lee (person): 2 quotes" in target.inner_text()
        target.locator("a").first.click()
        quote_id = browser_page.evaluate("location.hash")[1:]
        shown = browser_page.locator(f"[id='{quote_id}']")
        assert shown.is_visible()
        assert "We won the vote" in shown.inner_text()
        assert [] == errors
