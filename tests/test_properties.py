"""Invariants and metamorphic relations of ``quoteattr.analyze`` on generated text.

Two hypothesis profiles are registered: ``ci`` (the default, 60 examples per test)
and ``thorough`` (2000 examples). Pick one with the ``HYPOTHESIS_PROFILE``
environment variable, e.g. ``HYPOTHESIS_PROFILE=thorough pytest tests/test_properties.py``.
"""

from __future__ import annotations

import os
import pathlib
from typing import Callable

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

import quoteattr
from work_counting import profile_events
from quoteattr import Document, Span
from quoteattr._quotes import find_quotes
from quoteattr._text import paragraphs

settings.register_profile("ci", max_examples=60, deadline=None)
settings.register_profile("thorough", max_examples=2000, deadline=None)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))

ROOT = pathlib.Path(__file__).resolve().parents[1]
QUOTE_MARKS = "\"'“”‘’„‟«»‹›‚‛「」『』"
PREFIX = "Unrelated words.\n\n"

_FRAGMENTS = [
    '"', '"', "“", "”", "'", "’", "‘", "«", "»", "„",
    " said ", " said", " told reporters", " according to ", " added", ", saying ",
    "Mr. ", "Sen. ", "the minister", "he", "she", " the head of state",
    "\n\n", "\n", ".", ",", ", ", " ", ":", "?", " ",
    " we will win", " it was fine", " don't", " Russia’s", " the ’90s",
]
_NAMES = st.sampled_from(["Putin", "Smith", "Vladimir Putin", "Jane Doe", "Reuters", "Trump"])
_WORDS = st.text(alphabet="abcdefghijklmnopqrstuvwxyz", min_size=1, max_size=8).map(" {}".format)
_OPENING = st.sampled_from(['"', "“", "‘", "'", "«", "»", "„"])
_CLOSING = st.sampled_from(['"', "”", "’", "'", "»", "«", "“"])
_QUOTED = st.builds(
    " {}{}{}{}".format,
    _OPENING,
    st.lists(_WORDS, min_size=1, max_size=5).map("".join).map(str.strip),
    st.sampled_from(["", ",", ".", "?"]),
    _CLOSING,
)

_TAGS = st.sampled_from([
    " he said.", " said Smith.", " Putin told reporters.", " the minister said.",
    " Mr. Smith added.", " according to Reuters.", ", she said, ", "",
])
_TAGGED = st.builds("{}{}".format, _QUOTED, _TAGS)


def news_texts() -> st.SearchStrategy[str]:
    """News-like text: quotation marks, quoted words, cues, titles, names and breaks."""
    piece = st.one_of(st.sampled_from(_FRAGMENTS), _QUOTED, _TAGGED, _NAMES, _WORDS)
    return st.lists(piece, max_size=40).map("".join)


ANY_TEXT = st.one_of(st.text(), news_texts())
QUOTING_NEWS = st.builds("{}{}{}".format, news_texts(), _TAGGED, news_texts())


def _spans(doc: Document) -> list[Span]:
    spans = []
    for quote in doc.quotes:
        spans.extend(s for s in (quote.content, quote.cue, quote.source) if s is not None)
    for entity in doc.entities:
        spans.extend(entity.mentions)
    return spans


@given(ANY_TEXT)
def test_analyze_accepts_any_text(text: str) -> None:
    """Any str is valid input: analyze returns a Document holding the text unchanged."""
    doc = quoteattr.analyze(text)
    assert isinstance(doc, Document)
    assert text == doc.text


@given(ANY_TEXT)
def test_every_span_slices_back(text: str) -> None:
    """Every quote content, cue, source and entity mention lies in the text and slices back."""
    doc = quoteattr.analyze(text)
    for span in _spans(doc):
        assert 0 <= span.start <= span.end <= len(text)
        assert text[span.start:span.end] == span.text


@given(ANY_TEXT)
def test_quotes_come_in_text_order(text: str) -> None:
    """Quote contents start at non-decreasing offsets."""
    starts = [q.content.start for q in quoteattr.analyze(text).quotes]
    assert sorted(starts) == starts


@given(ANY_TEXT)
def test_speakers_are_entities_and_chains_start_with_them(text: str) -> None:
    """A quote's speaker and every relay in its chain are entities of the document.

    The chain is ``()`` when there is no speaker, else it starts with the speaker
    (``(speaker,)``, or longer when the text names who relayed the quote).
    """
    doc = quoteattr.analyze(text)
    for quote in doc.quotes:
        if quote.speaker is None:
            assert () == quote.chain
        else:
            assert quote.speaker == quote.chain[0]
            assert all(entity in doc.entities for entity in quote.chain)


@given(ANY_TEXT)
def test_confidence_is_a_probability(text: str) -> None:
    """Every quote's confidence lies in [0, 1]."""
    for quote in quoteattr.analyze(text).quotes:
        assert 0.0 <= quote.confidence <= 1.0


@given(ANY_TEXT)
def test_analyze_is_deterministic(text: str) -> None:
    """Analysing the same text twice gives equal documents."""
    assert quoteattr.analyze(text) == quoteattr.analyze(text)


@given(ANY_TEXT)
def test_analysed_documents_round_trip_through_dicts(text: str) -> None:
    """``Document.from_dict(doc.to_dict())`` rebuilds every analysed document."""
    doc = quoteattr.analyze(text)
    assert doc == Document.from_dict(doc.to_dict())


@example('The plan is "dead," he said.')
@example("Critics called the plan “dead on arrival” the minister said.")
@given(QUOTING_NEWS)
def test_quote_content_never_cuts_a_quotation_in_two(text: str) -> None:
    """A quote's content holds all of a quotation or none of it, never one of its marks."""
    marks = [(q.open_start, q.close_end) for q in find_quotes(text, paragraphs(text))
             if q.depth == 0]
    for quote in quoteattr.analyze(text).quotes:
        start, end = quote.content.start, quote.content.end
        crossing = [(s, e) for s, e in marks if start < s < end < e or s < start < e < end]
        assert [] == crossing, quote.content.text


@given(QUOTING_NEWS)
def test_unrelated_prefix_paragraph_shifts_quotes(text: str) -> None:
    """A leading paragraph with no quotation marks shifts every quote by its length."""
    assert not any(mark in PREFIX for mark in QUOTE_MARKS)
    plain = quoteattr.analyze(text)
    prefixed = quoteattr.analyze(PREFIX + text)
    shift = len(PREFIX)
    expected = [(q.content.start + shift, q.content.end + shift, q.content.text)
                for q in plain.quotes]
    actual = [(q.content.start, q.content.end, q.content.text) for q in prefixed.quotes]
    assert expected == actual


_SPEAKERS = [f"{first} {last}" for first in ("John", "Mary", "Ali", "Wei", "Olga")
             for last in ("Smith", "Jones", "Khan", "Li", "Petrov", "Patel")]


@pytest.mark.parametrize(
    "make",
    [
        pytest.param(lambda n: "The cat sat on the mat. " * n, id="plain-sentences"),
        pytest.param(
            lambda n: '"We won," he said.\n\n' * n,
            id="one-quote-per-paragraph",
        ),
        pytest.param(
            lambda n: " ".join(f'"We won," {_SPEAKERS[i % 30]} said.' for i in range(n)),
            id="many-speakers",
        ),
        pytest.param(
            lambda n: '"a" b ' * n,
            id="many-quotes-in-one-sentence",
        ),
    ],
)
def test_analyze_work_grows_linearly(make: Callable[[int], str]) -> None:
    """Four times the text costs about four times the work (counted calls), not sixteen."""
    small, large = make(100), make(400)
    quoteattr.analyze(small)  # load the lexicons before counting
    assert profile_events(quoteattr.analyze, large) <= 6 * profile_events(
        quoteattr.analyze, small
    )


def test_to_dict_and_from_dict_take_linear_work():
    """An entity's hash runs over its mentions; looking speakers up by it once cost work
    quadratic in the text. Four times the article costs about four times the work."""
    article = (ROOT / "quoteattr" / "data" / "demo.txt").read_text(encoding="utf-8")
    small, large = (quoteattr.analyze("\n\n".join([article] * n)) for n in (4, 16))
    assert profile_events(Document.to_dict, large) <= 6 * profile_events(Document.to_dict, small)
    small_dict, large_dict = small.to_dict(), large.to_dict()
    assert profile_events(Document.from_dict, large_dict) <= 6 * profile_events(
        Document.from_dict, small_dict)
