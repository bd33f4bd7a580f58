"""Tests for ``quoteattr.model`` and the input checks of ``quoteattr.analyze``."""

from __future__ import annotations

import copy
import json
import pickle
from typing import Any, Callable

import attrs
import pytest

import quoteattr
from quoteattr import (
    Document,
    Entity,
    EntityKind,
    InputTypeError,
    MalformedDocumentError,
    Quote,
    QuoteAttrError,
    QuoteKind,
    Span,
    to_json,
)

TEXT = (
    'Russian President Vladimir Putin said on Monday: "We will not back down." '
    '"It was close," the minister told reporters.'
)


@pytest.fixture(scope="module")
def doc() -> Document:
    """An analysed document with two direct quotes and two speakers."""
    return quoteattr.analyze(TEXT)


def _entity() -> Entity:
    return Entity("Vladimir Putin", EntityKind.PERSON, (Span(0, 5, "Putin"),), ("President",))


def _quote() -> Quote:
    speaker = _entity()
    return Quote(Span(12, 14, "no"), QuoteKind.DIRECT, Span(6, 10, "said"),
                 Span(0, 5, "Putin"), speaker, (speaker,), 0.5, "cue_after")


# Span -----------------------------------------------------------------------------------


def test_span_holds_its_offsets_and_text() -> None:
    """A Span keeps start, end and text as given."""
    span = Span(3, 5, "hi")
    assert (3, 5, "hi") == (span.start, span.end, span.text)


def test_span_rejects_a_negative_start() -> None:
    """A start below 0 raises ValueError naming ``start``."""
    with pytest.raises(ValueError, match="start"):
        Span(-1, 2, "abc")


def test_span_rejects_an_end_before_its_start() -> None:
    """An end before the start raises ValueError."""
    with pytest.raises(ValueError, match="before start"):
        Span(3, 2, "")


def test_span_rejects_text_of_the_wrong_length() -> None:
    """Text whose length is not ``end - start`` raises ValueError."""
    with pytest.raises(ValueError, match="2 characters"):
        Span(0, 3, "ab")


def test_span_allows_an_empty_span() -> None:
    """``start == end`` with empty text is a valid, empty span."""
    assert "" == Span(4, 4, "").text


def test_span_of_slices_the_text() -> None:
    """``Span.of`` takes the text from the given offsets."""
    assert Span(3, 7, "said") == Span.of("He said no.", 3, 7)


def test_span_of_rejects_offsets_past_the_end() -> None:
    """``Span.of`` past the end of the text slices short, which the length check rejects."""
    with pytest.raises(ValueError):
        Span.of("abc", 1, 9)


# frozen, hashable, picklable ------------------------------------------------------------


@pytest.mark.parametrize(
    ("make", "field"),
    [
        (lambda: Span(0, 5, "Putin"), "start"),
        (_entity, "name"),
        (_quote, "confidence"),
        (lambda: Document("x", (), ()), "text"),
    ],
    ids=["span", "entity", "quote", "document"],
)
def test_results_are_frozen(make: Callable[[], Any], field: str) -> None:
    """Assigning to a field of a Span, Entity, Quote or Document raises FrozenInstanceError."""
    value = make()
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        setattr(value, field, 1)


def test_analysed_document_is_frozen(doc: Document) -> None:
    """The quotes of an analysed document cannot be reassigned."""
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        doc.quotes[0].content = Span(0, 0, "")  # type: ignore[misc]


def test_equal_results_hash_equal(doc: Document) -> None:
    """Equal values hash equal, so documents, quotes and entities work in sets and dicts."""
    again = quoteattr.analyze(TEXT)
    assert hash(doc) == hash(again)
    assert "first" == {doc.quotes[0]: "first"}[again.quotes[0]]
    assert 2 == len(set(doc.entities) | set(again.entities))


def test_results_pickle_round_trip(doc: Document) -> None:
    """A Document, its quotes and its entities survive pickling unchanged."""
    assert doc == pickle.loads(pickle.dumps(doc))
    assert doc.quotes[0] == pickle.loads(pickle.dumps(doc.quotes[0]))
    assert doc.entities[0] == pickle.loads(pickle.dumps(doc.entities[0]))


def test_analysed_results_equal_their_checked_rebuilds(doc: Document) -> None:
    """The pipeline builds its results unchecked: each equals, hashes and reads as the
    value the public constructors make of its fields, and is as frozen."""
    for quote in doc.quotes:
        rebuilt = Quote(*(getattr(quote, field.name) for field in attrs.fields(Quote)))
        assert (rebuilt, hash(rebuilt), repr(rebuilt)) == (quote, hash(quote), repr(quote))
    for entity in doc.entities:
        rebuilt_entity = Entity(entity.name, entity.kind, entity.mentions, entity.titles)
        assert (rebuilt_entity, hash(rebuilt_entity)) == (entity, hash(entity))
        for span in entity.mentions:
            assert span == Span(span.start, span.end, span.text)
    assert doc == Document(doc.text, doc.quotes, doc.entities)
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        doc.entities[0].mentions[0].start = 1  # type: ignore[misc]


def test_kinds_convert_from_their_values() -> None:
    """Quote and Entity accept the string values of their kinds."""
    entity = Entity("Reuters", "media", (), ())
    assert EntityKind.MEDIA is entity.kind


def test_confidence_outside_unit_interval_is_rejected() -> None:
    """A Quote with confidence above 1 raises ValueError."""
    with pytest.raises(ValueError, match="confidence"):
        attrs.evolve(_quote(), confidence=1.5)


# serialisation --------------------------------------------------------------------------


def test_analysed_document_has_quotes_and_entities(doc: Document) -> None:
    """The sample text gives two direct quotes, both attributed, and two entities."""
    assert ["We will not back down.", "It was close"] == [q.content.text for q in doc.quotes]
    assert 2 == len(doc.entities)
    assert all(q.speaker is not None for q in doc.quotes)


def test_dict_round_trip(doc: Document) -> None:
    """``Document.from_dict(doc.to_dict())`` rebuilds the analysed document."""
    assert doc == Document.from_dict(doc.to_dict())


def test_dict_names_speakers_by_entity_index(doc: Document) -> None:
    """In the dict form, a quote's speaker and chain are indexes into ``entities``."""
    data = doc.to_dict()
    for quote, quote_data in zip(doc.quotes, data["quotes"]):
        assert doc.entities[quote_data["speaker"]] == quote.speaker
        assert [doc.entities.index(e) for e in quote.chain] == quote_data["chain"]


def test_json_parses_back(doc: Document) -> None:
    """``to_json`` output is JSON that ``from_dict`` turns back into the document."""
    data = json.loads(to_json(doc))
    assert doc.to_dict() == data
    assert doc == Document.from_dict(data)


def test_json_keeps_non_ascii_text() -> None:
    """Non-ASCII text is written as itself, not as escapes, and reads back equal."""
    document = Document("Путин: «да»", (), ())
    assert "Путин" in to_json(document)
    assert document == Document.from_dict(json.loads(to_json(document, indent=2)))


def _broken(doc: Document, change: Callable[[dict[str, Any]], Any]) -> Any:
    data = copy.deepcopy(doc.to_dict())
    result = change(data)
    return data if result is None else result


def _set(path: list[Any], value: Any) -> Callable[[dict[str, Any]], None]:
    def change(data: dict[str, Any]) -> None:
        target = data
        for key in path[:-1]:
            target = target[key]
        target[path[-1]] = value

    return change


def _drop(key: str) -> Callable[[dict[str, Any]], None]:
    def change(data: dict[str, Any]) -> None:
        del data[key]

    return change


@pytest.mark.parametrize(
    ("change", "field"),
    [
        (_drop("text"), "text"),
        (_drop("quotes"), "quotes"),
        (_set(["quotes", 0, "content", "end"], 10_000), "quotes[0].content"),
        (_set(["quotes", 0, "content", "start"], -1), "quotes[0].content"),
        (_set(["quotes", 1, "cue", "start"], "0"), "quotes[1].cue.start"),
        (_set(["entities", 0, "mentions", 0, "end"], 10_000), "entities[0].mentions[0]"),
        (_set(["quotes", 0, "content", "text"], "wrong"), "quotes[0].content.text"),
        (_set(["quotes", 0, "speaker"], "Putin"), "quotes[0].speaker"),
        (_set(["quotes", 0, "speaker"], 7), "quotes[0].speaker"),
        (_set(["quotes", 0, "speaker"], True), "quotes[0].speaker"),
        (_set(["quotes", 0, "chain"], [9]), "quotes[0].chain[0]"),
        (_set(["quotes", 0, "kind"], 3), "quotes[0].kind"),
        (_set(["quotes", 0, "confidence"], "high"), "quotes[0].confidence"),
        (_set(["entities", 0, "name"], None), "entities[0].name"),
        (_set(["quotes", 0, "speech"], "yes"), "quotes[0].speech"),
        (lambda data: [data], "document"),
        (lambda data: "text", "document"),
    ],
    ids=["missing-text", "missing-quotes", "span-past-end", "negative-start",
         "string-offset", "mention-past-end", "span-text-mismatch", "speaker-name",
         "speaker-out-of-range", "speaker-bool", "chain-out-of-range", "kind-not-str",
         "confidence-str", "name-none", "speech-str", "list-input", "str-input"],
)
def test_malformed_dict_names_the_field(
    doc: Document, change: Callable[[dict[str, Any]], Any], field: str
) -> None:
    """``from_dict`` raises MalformedDocumentError whose message starts with the bad field."""
    with pytest.raises(MalformedDocumentError) as raised:
        Document.from_dict(_broken(doc, change))
    assert str(raised.value).startswith(f"{field}:")


@pytest.mark.parametrize(
    "path", [["quotes", 0, "kind"], ["entities", 0, "kind"]], ids=["quote-kind", "entity-kind"]
)
def test_unknown_kind_value_is_malformed(doc: Document, path: list[Any]) -> None:
    """A kind string that is no QuoteKind/EntityKind value is a MalformedDocumentError."""
    with pytest.raises(MalformedDocumentError, match="shouted"):
        Document.from_dict(_broken(doc, _set(path, "shouted")))


@pytest.mark.parametrize(
    ("path", "field"),
    [(["quotes", 0, "kind"], "quotes[0].kind"), (["entities", 0, "kind"], "entities[0].kind")],
    ids=["quote-kind", "entity-kind"],
)
def test_unknown_kind_value_names_the_kind_field(
    doc: Document, path: list[Any], field: str
) -> None:
    """The message for an unknown kind value names the ``kind`` field itself."""
    with pytest.raises(MalformedDocumentError) as raised:
        Document.from_dict(_broken(doc, _set(path, "shouted")))
    assert str(raised.value).startswith(f"{field}:")


def test_malformed_document_error_is_a_value_error() -> None:
    """MalformedDocumentError can be caught as ValueError or as QuoteAttrError."""
    with pytest.raises(ValueError):
        Document.from_dict({"entities": [], "quotes": []})
    assert issubclass(MalformedDocumentError, QuoteAttrError)


def test_from_dict_accepts_the_minimal_form() -> None:
    """``version`` and span ``text`` are optional: offsets alone rebuild the spans."""
    data = {
        "text": "Yes, he said.",
        "entities": [],
        "quotes": [{"content": {"start": 0, "end": 3}, "kind": "direct", "cue": None,
                    "source": None, "speaker": None, "chain": [], "confidence": 1,
                    "rule": "r"}],
    }
    (quote,) = Document.from_dict(data).quotes
    assert (Span(0, 3, "Yes"), 1.0) == (quote.content, quote.confidence)


# analyze input --------------------------------------------------------------------------


@pytest.mark.parametrize(
    "value", [b'"Yes," he said.', bytearray(b"abc")], ids=["bytes", "bytearray"]
)
def test_analyze_rejects_bytes_and_says_to_decode(value: Any) -> None:
    """Bytes raise InputTypeError (also a TypeError) telling the caller to decode."""
    with pytest.raises(InputTypeError, match="decode") as raised:
        quoteattr.analyze(value)
    assert isinstance(raised.value, TypeError)
    assert isinstance(raised.value, QuoteAttrError)


@pytest.mark.parametrize("value", [None, 3, ["text"]], ids=["none", "int", "list"])
def test_analyze_rejects_non_strings(value: Any) -> None:
    """None, numbers and lists raise InputTypeError naming the type they got."""
    with pytest.raises(TypeError, match=type(value).__name__) as raised:
        quoteattr.analyze(value)
    assert isinstance(raised.value, InputTypeError)


def test_analyze_returns_the_text_unchanged() -> None:
    """The input comes back as ``doc.text`` exactly: no normalisation of any kind."""
    text = '\ufeff"Cafe\u0301,"\u200b she said.\r\n\r\n  Ｆｕｌｌ\twidth.  '
    assert text == quoteattr.analyze(text).text


def test_analyze_of_empty_text() -> None:
    """Empty text gives an empty document."""
    assert Document("", (), ()) == quoteattr.analyze("")
