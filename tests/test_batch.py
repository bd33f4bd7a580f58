"""Tests for ``quoteattr.analyze_many``, ``quoteattr/_batch.py``."""

from __future__ import annotations

import pytest

import quoteattr
from quoteattr import BatchError, analyze, analyze_many
from quoteattr._batch import _packed, _unpacked
from quoteattr.errors import ArgumentError, InputTypeError
from quoteattr.model import Document, Entity, Quote, Span

TEXTS = [
    '"We won," she said.',
    "The war is over, the minister said.",
    "No quotation here.",
    '"Defense Minister [Sergey Shoigu] reported that the operation had ended," President'
    " Vladimir Putin told reporters, according to Itar Tass.",
    "",
    'She called the plan "a disaster in slow motion".',
    '"Yes," he said. "No," she replied.',
]


@pytest.mark.parametrize("processes", [1, 2])
@pytest.mark.parametrize("chunksize", [1, 3, 16])
def test_results_equal_analyze_in_input_order(processes, chunksize):
    """One Document per text, in input order, equal to what ``analyze`` gives."""
    expected = [analyze(text) for text in TEXTS]
    assert expected == list(analyze_many(TEXTS, processes=processes, chunksize=chunksize))


@pytest.mark.parametrize("processes", [1, 2])
def test_reads_a_generator(processes):
    """Any iterable will do, a generator read once included."""
    texts = (text for text in TEXTS)
    assert [analyze(text) for text in TEXTS] == list(
        analyze_many(texts, processes=processes, chunksize=2)
    )


@pytest.mark.parametrize("processes", [1, 2])
@pytest.mark.parametrize("bad", [b'"We won," she said.', None, 7])
def test_a_bad_item_is_reported_at_its_index_and_the_rest_come_back(processes, bad):
    """A non-str in the middle gives a BatchError with analyze's InputTypeError, the others
    their Documents."""
    texts = TEXTS[:3] + [bad] + TEXTS[3:]
    results = list(analyze_many(texts, processes=processes, chunksize=2))
    assert len(texts) == len(results)
    error = results[3]
    assert isinstance(error, BatchError)
    assert 3 == error.index
    assert isinstance(error.error, InputTypeError)
    with pytest.raises(InputTypeError) as raised:
        analyze(bad)
    assert str(raised.value) == str(error.error)
    assert [analyze(text) for text in TEXTS] == results[:3] + results[4:]


def test_an_unpicklable_item_is_reported_without_breaking_the_pool():
    """An item that could not be sent to another process is reported like any non-str."""
    texts = [TEXTS[0], lambda: None, TEXTS[1], TEXTS[2]]
    results = list(analyze_many(texts, processes=2, chunksize=1))
    assert isinstance(results[1], BatchError) and 1 == results[1].index
    assert [analyze(texts[0])] + [analyze(t) for t in texts[2:]] == [results[0]] + results[2:]


def test_an_error_inside_the_pipeline_is_reported_with_its_traceback(monkeypatch):
    """Any exception ``analyze`` raises for a text is that text's result, with a traceback."""

    def fragile(text: str) -> quoteattr.Document:
        if "war" in text:
            raise IndexError("boom")
        return analyze(text)

    monkeypatch.setattr("quoteattr._batch.analyze", fragile)
    results = list(analyze_many(TEXTS, processes=1))
    assert isinstance(results[1], BatchError)
    assert "boom" == str(results[1].error)
    assert "IndexError: boom" in results[1].traceback
    assert all(not isinstance(r, BatchError) for i, r in enumerate(results) if i != 1)


@pytest.mark.parametrize("processes", [None, 1, 2])
def test_empty_input_yields_nothing(processes):
    """No texts, no results (and no pool)."""
    assert [] == list(analyze_many([], processes=processes))


def test_stopping_early_shuts_the_pool_down():
    """Closing the iterator after the first result leaves no work behind."""
    results = analyze_many(TEXTS * 4, processes=2, chunksize=1)
    assert analyze(TEXTS[0]) == next(results)
    results.close()


@pytest.mark.parametrize(
    "arguments, error",
    [
        ({"processes": 0}, ArgumentError),
        ({"chunksize": 0}, ArgumentError),
        ({"processes": 1.5}, InputTypeError),
        ({"chunksize": "16"}, InputTypeError),
        ({"processes": True}, InputTypeError),
    ],
)
def test_bad_arguments_raise_at_the_call(arguments, error):
    """A bad ``processes`` or ``chunksize`` raises a QuoteAttrError when called, before any
    text is read (ArgumentError is also a ValueError, InputTypeError a TypeError)."""
    with pytest.raises(error):
        analyze_many(iter(()), **arguments)


def test_a_packed_document_unpacks_to_an_equal_one_on_the_callers_text():
    """A worker's Document comes back equal, holding the caller's string, with a quote's
    parent and speaker the same objects as in its quotes and entities."""
    text = TEXTS[3]
    document = analyze(text)
    back = _unpacked(_packed(document, text), text)
    assert document == back
    assert back.text is text
    child = next(quote for quote in back.quotes if quote.parent is not None)
    assert any(child.parent is quote for quote in back.quotes)
    assert any(child.speaker is entity for entity in back.entities)


def test_what_is_not_a_slice_of_the_callers_text_is_packed_whole():
    """A span whose text differs from the text at its offsets keeps its own text, and so
    does a Document whose text is not the one the worker was given."""
    quote = Quote(Span(0, 2, "xy"), "direct", None, None, None, (), 0.5, "made up")
    document = Document("abc", (quote,), ())
    assert document == _unpacked(_packed(document, "abc"), "abc")
    assert document == _unpacked(_packed(document, "abd"), "abd")


def test_a_speaker_missing_from_the_entities_is_packed_whole():
    """A quote whose speaker is not one of the Document's entities comes back equal."""
    speaker = Entity("Ann Lee", "person", (Span(0, 3, "abc"),), ())
    quote = Quote(Span(0, 2, "ab"), "direct", None, None, speaker, (speaker,), 0.5, "made up")
    document = Document("abc", (quote,), ())
    assert document == _unpacked(_packed(document, "abc"), "abc")


def test_exported():
    """``analyze_many`` and ``BatchError`` are public names of ``quoteattr``."""
    assert {"analyze_many", "BatchError"} <= set(quoteattr.__all__)

