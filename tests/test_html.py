"""The HTML page of a Document, read back with the standard library's HTML parser.

What a browser shows is checked in test_html_browser.py; here the markup itself:
the text comes back whole, marks nest, nothing in the text or names becomes markup,
colours follow speakers, the panel counts, and the page stays valid UTF-8.
"""

from __future__ import annotations

import collections
import importlib.resources
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest

import quoteattr
from quoteattr import Document, Entity, EntityKind, Quote, QuoteKind, Span
from work_counting import profile_events

SEED = Path(__file__).resolve().parents[2] / "shared" / "seed" / "000_72ecf83f3f5c3ec6.txt"
REPLACEMENT = "\ufffd"


def _demo() -> Document:
    text = (importlib.resources.files("quoteattr") / "data" / "demo.txt").read_text("utf-8")
    return quoteattr.analyze(text)


def _seed() -> Document:
    if not SEED.exists():
        pytest.skip(f"{SEED} is absent")
    return quoteattr.analyze(SEED.read_text(encoding="utf-8"))


class _Article(HTMLParser):
    """Reads the ``<article class="qa-text">``: its text, and the text inside each mark.

    ``covered[("quote", i)]`` is the text inside quote ``i``'s elements,
    ``covered[("cue", i)]`` and ``covered[("source", i)]`` inside the cue and
    source elements serving quote ``i``; ``ancestors[i]`` are the quotes around
    the first element of quote ``i``; ``sequence`` lists opened marks and text.
    """

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.inside = False
        self.stack: list[list[tuple[str, int]]] = []
        self.text: list[str] = []
        self.covered: dict[tuple[str, int], str] = {}
        self.ancestors: dict[int, set[int]] = {}
        self.continued: list[int] = []
        self.sequence: list[str] = []

    def handle_starttag(self, tag: str, attributes: list[tuple[str, str | None]]) -> None:
        found = dict(attributes)
        if tag == "article" and found.get("class") == "qa-text":
            self.inside = True
        elif self.inside:
            assert "span" == tag
            self._open(found)

    def _open(self, found: dict[str, str | None]) -> None:
        classes = (found.get("class") or "").split()
        if "qa-quote" in classes:
            i = int(found["data-quote"] or "")
            roles = [("quote", i)]
            self.ancestors.setdefault(i, {q for roles in self.stack for r, q in roles if r == "quote"})
            if "qa-cont" in classes:
                self.continued.append(i)
            self.sequence.append(f"<{i}{'+' if 'qa-cont' in classes else ''}>")
        else:
            role = "cue" if "qa-cue" in classes else "source"
            roles = [(role, int(j)) for j in (found["data-of"] or "").split()]
            self.sequence.append(f"<{role}>")
        for key in roles:
            self.covered.setdefault(key, "")
        self.stack.append(roles)

    def handle_endtag(self, tag: str) -> None:
        if not self.inside:
            return
        if tag == "article":
            assert [] == self.stack
            self.inside = False
        else:
            assert "span" == tag
            self.stack.pop()
            self.sequence.append("</>")

    def handle_data(self, data: str) -> None:
        if not self.inside:
            return
        self.text.append(data)
        self.sequence.append(data)
        for roles in self.stack:
            for key in roles:
                self.covered[key] += data


def _read(page: str) -> _Article:
    article = _Article()
    article.feed(page)
    article.close()
    return article


def _expected_cover(doc: Document) -> dict[tuple[str, int], str]:
    cover = {}
    for i, quote in enumerate(doc.quotes):
        cover[("quote", i)] = quote.content.text
        for role, span in (("cue", quote.cue), ("source", quote.source)):
            if span is not None:
                cover[(role, i)] = span.text
    return cover


def _unencodable_replaced(text: str) -> str:
    return re.sub("[\x00\ud800-\udfff]", REPLACEMENT, text)


def test_demo_text_comes_back_whole_and_every_mark_covers_its_span():
    """Stripping the tags from the article gives the text, and each mark holds its span."""
    doc = _demo()
    article = _read(quoteattr.render_html(doc))
    assert doc.text == "".join(article.text)
    assert _expected_cover(doc) == article.covered
    assert [] == article.continued


def test_seed_nests_the_inner_report_inside_the_outer_quote():
    """Shoigu's report sits inside Putin's direct quote, and no mark had to be split."""
    doc = _seed()
    article = _read(quoteattr.render_html(doc))
    assert doc.text == "".join(article.text)
    assert _expected_cover(doc) == article.covered
    (inner,) = [i for i, quote in enumerate(doc.quotes) if quote.parent is not None]
    outer = doc.quotes.index(doc.quotes[inner].parent)
    assert {outer} == article.ancestors[inner]
    assert [] == article.continued


def test_crossing_marks_are_split_into_nested_pieces():
    """Quotes over [0, 4) and [2, 6) of 'abcdef': the second is closed and reopened."""
    text = "abcdef"
    first = Quote(Span.of(text, 0, 4), QuoteKind.DIRECT, None, None, None, (), 0.5, "r")
    second = Quote(Span.of(text, 2, 6), QuoteKind.DIRECT, None, None, None, (), 0.5, "r")
    article = _read(quoteattr.render_html(Document(text, (first, second), ())))
    assert ["<0>", "ab", "<1>", "cd", "</>", "</>", "<1+>", "ef", "</>"] == article.sequence
    assert {("quote", 0): "abcd", ("quote", 1): "cdef"} == article.covered


def test_marks_starting_together_nest_longest_outside():
    """Quotes over [0, 2) and [0, 4) of 'abcd' nest, the longer outside, with no split."""
    text = "abcd"
    short = Quote(Span.of(text, 0, 2), QuoteKind.DIRECT, None, None, None, (), 0.5, "r")
    long = Quote(Span.of(text, 0, 4), QuoteKind.DIRECT, None, None, None, (), 0.5, "r")
    article = _read(quoteattr.render_html(Document(text, (short, long), ())))
    assert ["<1>", "<0>", "ab", "</>", "cd", "</>"] == article.sequence


def test_a_cue_inside_another_quote_is_nested_in_it():
    """A cue that lies inside an earlier quote's content is marked within that quote."""
    text = 'abc said def'
    outer = Quote(Span.of(text, 0, 12), QuoteKind.INDIRECT, None, None, None, (), 0.5, "r")
    inner = Quote(Span.of(text, 9, 12), QuoteKind.INDIRECT, Span.of(text, 4, 8), None, None,
                  (), 0.5, "r", parent=outer)
    article = _read(quoteattr.render_html(Document(text, (outer, inner), ())))
    assert ["<0>", "abc ", "<cue>", "said", "</>", " ", "<1>", "def", "</>", "</>"] == (
        article.sequence
    )


def test_empty_spans_still_get_an_element():
    """A quote with empty content is an empty element at its offset, not dropped."""
    text = "ab"
    empty = Quote(Span.of(text, 1, 1), QuoteKind.DIRECT, None, None, None, (), 0.5, "r")
    article = _read(quoteattr.render_html(Document(text, (empty,), ())))
    assert ["a", "<0>", "</>", "b"] == article.sequence


def test_generated_documents_round_trip_through_the_markup():
    """For any valid Document: the text comes back (unencodable characters replaced),
    marks nest, and each quote, cue and source element holds exactly its span."""
    hypothesis = pytest.importorskip("hypothesis")
    from quoteattr.strategies import documents

    @hypothesis.settings(max_examples=150, deadline=None, database=None)
    @hypothesis.given(documents())
    def check(doc: Document) -> None:
        page = quoteattr.render_html(doc)
        page.encode("utf-8")
        article = _read(page)
        assert _unencodable_replaced(doc.text) == "".join(article.text)
        expected = {key: _unencodable_replaced(text) for key, text in _expected_cover(doc).items()}
        assert expected == article.covered

    check()


def test_text_and_names_never_become_markup():
    """A script in the text, markup in a name and quotes in a rule all stay inert text."""
    text = '<script>alert(1)</script> "a & b," <b>Eve</b> said.'
    name = '<img src=x onerror="alert(2)">'
    speaker = Entity(name, EntityKind.PERSON, (Span.of(text, 36, 46),), ())
    quote = Quote(Span.of(text, 27, 32), QuoteKind.DIRECT, Span.of(text, 47, 51),
                  Span.of(text, 36, 46), speaker, (speaker,), 0.9, 'rule "x" <y>')
    page = quoteattr.render_html(Document(text, (quote,), (speaker,)))
    assert 1 == page.count("<script")
    assert "<img" not in page and "<b>" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "&lt;img src=x onerror=&quot;alert(2)&quot;&gt;" in page
    assert "Rule: rule &quot;x&quot; &lt;y&gt;" in page
    assert text == "".join(_read(page).text)


def test_carriage_returns_survive_as_references():
    """A CR, which an HTML parser would fold into a newline, is written as &#13;."""
    page = quoteattr.render_html(quoteattr.analyze("One.\r\nTwo."))
    assert "One.&#13;\nTwo." in page
    assert "One.\r\nTwo." == "".join(_read(page).text)


def test_unencodable_characters_are_replaced_one_for_one():
    """NUL and a lone surrogate become U+FFFD, so the page is valid UTF-8 and offsets hold."""
    text = 'a\x00b\ud800c.\n\n"We won," Ann Lee said.'
    doc = quoteattr.analyze(text)
    page = quoteattr.render_html(doc)
    assert page.encode("utf-8").decode("utf-8") == page
    assert "a\ufffdb\ufffdc." in page
    article = _read(page)
    assert "a\ufffdb\ufffdc" + text[5:] == "".join(article.text)
    assert "We won" == article.covered[("quote", 0)]


def _colour_classes(page: str) -> dict[int, str]:
    found = re.findall(r'class="qa-quote [^"]*?(qa-s\w+)[^"]*" data-quote="(\d+)"', page)
    return {int(i): name for name, i in found}


def _tints(page: str) -> dict[str, str]:
    return dict(re.findall(r"\.(qa-s\w+)\{--tint:(#[0-9a-f]{6});", page))


def test_quotes_take_their_speakers_colour():
    """Quotes by one speaker share a colour; different speakers get different colours."""
    doc = _demo()
    page = quoteattr.render_html(doc)
    classes = _colour_classes(page)
    by_speaker = collections.defaultdict(set)
    for i, quote in enumerate(doc.quotes):
        if quote.speaker is not None:
            by_speaker[quote.speaker.name].add(classes[i])
    assert {1} == {len(names) for names in by_speaker.values()}
    tints = _tints(page)
    speaker_tints = [tints[names.pop()] for names in by_speaker.values()]
    assert 3 == len(set(speaker_tints)) == len(by_speaker)
    assert tints["qa-snone"] not in speaker_tints


def test_a_quote_with_no_speaker_is_neutral():
    """A quote without a speaker gets the neutral class, whose colour is a grey."""
    page = quoteattr.render_html(
        Document("ab", (Quote(Span.of("ab", 0, 2), "direct", None, None, None, (), 0.1, "r"),), ())
    )
    assert {0: "qa-snone"} == _colour_classes(page)
    red, green, blue = (int(_tints(page)["qa-snone"][k:k + 2], 16) for k in (1, 3, 5))
    assert max(red, green, blue) - min(red, green, blue) < 8


def test_the_page_is_the_same_every_time():
    """Colours and markup are deterministic."""
    doc = _demo()
    assert quoteattr.render_html(doc) == quoteattr.render_html(doc)


def _panel_rows(page: str) -> list[tuple[str, str]]:
    rows = re.findall(
        r'<li class="qa-speaker[^>]*>.*?<bdi class="qa-name">(.*?)</bdi>.*?'
        r'<span class="qa-count" title="quotes">(\d+)</span>', page)
    return [(name, count) for name, count in rows]


def test_panel_counts_the_demo_speakers():
    """The demo's speakers, counted by hand from the article, most quoted first; the
    question put to Varga (``Asked about the proposal``) names no asker."""
    page = quoteattr.render_html(_demo())
    assert [("Helena Varga", "7"), ("Tomas Reyes", "5"), ("Coastal News Agency", "1"),
            ("No speaker found", "1")] == _panel_rows(page)
    assert "3 direct \u00b7 3 indirect \u00b7 1 mixed" in page
    assert "None: every quote comes straight from its speaker." in page


def test_panel_draws_the_seed_chain_with_arrows():
    """The seed's Shoigu -> Putin -> Itar Tass chain is drawn once, with arrows."""
    page = quoteattr.render_html(_seed())
    chains = re.findall(r'<li class="qa-chain">(.*?)</li>', page)
    drawn = [re.sub(r"<[^>]+>", "", chain) for chain in chains]
    assert "Sergey Shoigu\u2192Vladimir Putin\u2192TASS1" in drawn
    assert ("TASS", "0") in _panel_rows(page)
    assert "relayed 9 quotes" in page


def test_panel_counts_quotes_with_no_speaker():
    """Quotes without a speaker are counted on a row of their own."""
    text = "ab cd"
    quotes = tuple(
        Quote(Span.of(text, s, s + 2), "indirect", None, None, None, (), 0.1, "r") for s in (0, 3)
    )
    page = quoteattr.render_html(Document(text, quotes, ()))
    assert [("No speaker found", "2")] == _panel_rows(page)


def _said_by_one_speaker(n: int) -> Document:
    """``"We won," Ann Lee said.`` n times: one speaker with n mentions and n quotes."""
    text = '"We won," Ann Lee said. ' * n
    sources = [Span.of(text, 24 * k + 10, 24 * k + 17) for k in range(n)]
    speaker = Entity("Ann Lee", EntityKind.PERSON, tuple(sources), ())
    quotes = tuple(
        Quote(Span.of(text, 24 * k + 1, 24 * k + 7), "direct",
              Span.of(text, 24 * k + 18, 24 * k + 22), sources[k], speaker, (speaker,), 0.9, "r")
        for k in range(n)
    )
    return Document(text, quotes, (speaker,))


def test_render_time_grows_linearly():
    """Four times the quotes, and the speaker's mentions, take at most about four times
    the work: an entity, which hashes over all its mentions, is never hashed per quote."""
    document = _said_by_one_speaker

    small, large = document(200), document(800)
    assert "We won" == small.quotes[199].content.text and "said" == large.quotes[799].cue.text
    assert "Ann Lee" == large.quotes[799].source.text
    small_work = profile_events(lambda _: quoteattr.render_html(small), "")
    large_work = profile_events(lambda _: quoteattr.render_html(large), "")
    assert large_work <= 4.4 * small_work


def test_command_line_writes_the_page(capsys):
    """``quoteattr --demo --format html`` prints the demo's page."""
    from quoteattr.__main__ import main

    assert 0 == main(["--demo", "--format", "html"])
    out = capsys.readouterr().out
    assert out.startswith("<!DOCTYPE html>")
    assert quoteattr.render_html(_demo()) + "\n" == out


def test_a_nested_quote_names_its_parent():
    """data-parent holds the index of the enclosing quote, found also when the parent is an
    equal copy rather than the same object, and the tooltip says 'Inside: quote 1'."""
    text = "abcd"
    outer = Quote(Span.of(text, 0, 4), QuoteKind.DIRECT, None, None, None, (), 0.5, "r")
    copy = Quote(Span.of(text, 0, 4), QuoteKind.DIRECT, None, None, None, (), 0.5, "r")
    inner = Quote(Span.of(text, 1, 3), QuoteKind.INDIRECT, None, None, None, (), 0.5, "r",
                  parent=copy)
    page = quoteattr.render_html(Document(text, (outer, inner), ()))
    assert ['data-quote="1" data-speaker="none" data-parent="0"'] == re.findall(
        r'data-quote="\d" data-speaker="none" data-parent="\d"', page)
    assert "Inside: quote 1" in page


def test_a_name_across_lines_keeps_the_tooltip_one_fact_per_line():
    """A speaker name with a line break is written on one line in the tooltip."""
    text = "x"
    speaker = Entity("Ann\nLee", EntityKind.PERSON, (), ())
    quote = Quote(Span.of(text, 0, 1), "direct", None, None, speaker, (speaker,), 0.5, "r")
    page = quoteattr.render_html(Document(text, (quote,), (speaker,)))
    assert "Speaker: Ann Lee (person)\nKind: direct quote\nChain: Ann Lee\n" in page
