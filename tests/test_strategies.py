"""The strategies of ``quoteattr.strategies``, and ``analyze`` against ``news_texts()``.

Uses the hypothesis profiles of ``tests/test_properties.py`` (``ci`` by default,
``thorough`` with ``HYPOTHESIS_PROFILE=thorough``); they are registered here too,
with the same settings, when this module runs alone.
"""

from __future__ import annotations

import os
from typing import Any

from hypothesis import errors, given, settings
from hypothesis import strategies as st

import quoteattr
from quoteattr import Document, Span
from quoteattr.strategies import (
    ExpectedQuote,
    NewsText,
    documents,
    entities,
    news_texts,
    quotes,
    spans,
)

for _name, _examples in (("ci", 60), ("thorough", 2000)):
    try:
        settings.get_profile(_name)
    except errors.InvalidArgument:
        settings.register_profile(_name, max_examples=_examples, deadline=None)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))

#: Articles in the recovery sample: 200 on the ci profile, more on thorough ones.
SAMPLE = max(200, settings().max_examples)
#: The share of generated quotes ``analyze`` must recover exactly.
REQUIRED_RECOVERY = 0.99


def _all_spans(doc: Document) -> list[Span]:
    found = [m for entity in doc.entities for m in entity.mentions]
    for quote in doc.quotes:
        found.extend(s for s in (quote.content, quote.cue, quote.source) if s is not None)
    return found


@given(st.text(), st.data())
def test_spans_slice_their_text_back(text: str, data: Any) -> None:
    """A span of a given text lies inside it and slices back to its ``text``."""
    span = data.draw(spans(text))
    assert text[span.start:span.end] == span.text


@given(spans(min_size=2, max_size=5))
def test_spans_respect_their_sizes(span: Span) -> None:
    """``min_size`` and ``max_size`` bound a span's length."""
    assert 2 <= span.end - span.start <= 5


@given(st.text(), st.data())
def test_entity_mentions_slice_the_text(text: str, data: Any) -> None:
    """Every mention of a drawn entity is a span of the text it was drawn for."""
    entity = data.draw(entities(text, max_size=3))
    assert len(entity.mentions) <= 3
    assert all(text[m.start:m.end] == m.text for m in entity.mentions)


@given(st.text(), st.data())
def test_quote_speakers_come_from_the_given_entities(text: str, data: Any) -> None:
    """A drawn quote's speaker is one of the entities given, and starts its chain."""
    people = tuple(data.draw(st.lists(entities(text), max_size=3)))
    quote = data.draw(quotes(text, speakers=people))
    assert text[quote.content.start:quote.content.end] == quote.content.text
    assert quote.speaker is None or quote.speaker in people
    assert (quote.chain[:1] == (quote.speaker,)) if quote.speaker else quote.chain == ()


@given(documents())
def test_documents_are_self_consistent(doc: Document) -> None:
    """Spans slice the text; quotes are in text order, nested only under their parent;
    speakers and chains are entities of the document."""
    assert all(doc.text[s.start:s.end] == s.text for s in _all_spans(doc))
    starts = [q.content.start for q in doc.quotes]
    assert sorted(starts) == starts
    for quote in doc.quotes:
        assert all(entity in doc.entities for entity in quote.chain)
        assert quote.speaker is None or quote.speaker in doc.entities
        if quote.parent is not None:
            assert quote.parent in doc.quotes
            assert quote.parent.content.start <= quote.content.start
            assert quote.content.end <= quote.parent.content.end
    tops = [q.content for q in doc.quotes if q.parent is None]
    assert all(a.end <= b.start for a, b in zip(tops, tops[1:]))


@given(documents(min_size=1, max_size=3))
def test_documents_round_trip_through_dicts(doc: Document) -> None:
    """``Document.from_dict(doc.to_dict())`` gives back a drawn document."""
    assert 1 <= len([q for q in doc.quotes if q.parent is None]) <= 3
    assert doc == Document.from_dict(doc.to_dict())


@given(news_texts(min_size=2, max_size=6))
def test_news_texts_hold_their_expected_quotes(news: NewsText) -> None:
    """Every expected content appears in the article, and each article has 2-6 paragraphs."""
    assert 2 <= len(news.text.split("\n\n")) <= 6
    assert news.expected
    assert all(q.content in news.text for q in news.expected)


def _match(news: NewsText, doc: Document) -> list[tuple[ExpectedQuote, str | None]]:
    """Pair each expected quote with what analyze says about it, in text order.

    Returns the expected quotes that were missed, each with the speaker analyze gave
    (or None when no quote of that content and kind was found after the previous one).
    """
    missed: list[tuple[ExpectedQuote, str | None]] = []
    found = list(doc.quotes)
    position = 0
    for want in news.expected:
        start = news.text.index(want.content, position)
        candidates = [q for q in found if q.content.text == want.content and q.kind == want.kind
                      and q.content.start == start]
        position = start + len(want.content)  # expected quotes never overlap
        if not candidates:
            missed.append((want, None))
            continue
        speaker = candidates[0].speaker.name if candidates[0].speaker else None
        if speaker != want.speaker:
            missed.append((want, speaker or "no speaker"))
    return missed


def test_analyze_recovers_the_ground_truth_of_news_texts(record_property: Any) -> None:
    """On a fixed sample of generated articles, analyze finds at least 99% of the quotes
    with exactly the expected content, kind and speaker."""
    total = 0
    misses: list[tuple[str, ExpectedQuote, str | None]] = []

    @settings(max_examples=SAMPLE, derandomize=True, database=None, deadline=None)
    @given(news_texts())
    def collect(news: NewsText) -> None:
        nonlocal total
        total += len(news.expected)
        doc = quoteattr.analyze(news.text)
        misses.extend((news.text, want, got) for want, got in _match(news, doc))

    collect()
    rate = 1 - len(misses) / total
    record_property("recovery", f"{total - len(misses)}/{total}")
    print(f"\nnews_texts recovery: {total - len(misses)}/{total} = {rate:.2%} "
          f"over {SAMPLE} articles")
    shown = "\n".join(f"{want} -> {got!r} in {text!r}" for text, want, got in misses[:10])
    assert rate >= REQUIRED_RECOVERY, shown
