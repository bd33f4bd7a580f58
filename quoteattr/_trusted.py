"""The result types built without their validators, for values the pipeline made itself.

The validators of :mod:`quoteattr.model` check what a caller passes in; the spans,
entities and quotes of ``analyze`` hold offsets found in the text and values of the
right types already, and checking each again took a twentieth of the time of ``analyze``.
The converters still run, so a value comes out as the public constructor makes it; an
enum converter runs only on a value that is not a member already (it would give it back).

>>> from quoteattr.model import Span
>>> span("He said no.", 3, 7) == Span.of("He said no.", 3, 7)
True
"""

from __future__ import annotations

import sys
from typing import Any, Callable, Iterable

import attrs

from quoteattr.model import _SHARED_LENGTH, Document, Entity, EntityKind, Quote, QuoteKind, Span

_new = object.__new__


def _setters(cls: type) -> tuple[Callable[[Any, Any], None], ...]:
    """The setters of the slots of ``cls``: its fields in order, then any slot attrs adds
    (the cached hash), which starts empty."""
    fields = [field.name for field in attrs.fields(cls)]
    extra = [slot for slot in cls.__slots__ if slot not in fields and slot != "__weakref__"]
    return tuple(cls.__dict__[slot].__set__ for slot in [*fields, *extra])


_SPAN_START, _SPAN_END, _SPAN_TEXT = _setters(Span)
_ENTITY_NAME, _ENTITY_KIND, _ENTITY_MENTIONS, _ENTITY_TITLES, _ENTITY_HASH = _setters(Entity)
(_QUOTE_CONTENT, _QUOTE_KIND, _QUOTE_CUE, _QUOTE_SOURCE, _QUOTE_SPEAKER, _QUOTE_CHAIN,
 _QUOTE_CONFIDENCE, _QUOTE_RULE, _QUOTE_SPEECH, _QUOTE_PARENT, _QUOTE_HASH) = _setters(Quote)
_DOCUMENT_SLOTS = _setters(Document)


def _filled(cls: type, setters: tuple[Callable[[Any, Any], None], ...], *values: Any) -> Any:
    """A new ``cls`` whose slots take ``values``, in the order of ``setters``."""
    made = _new(cls)
    for set_slot, value in zip(setters, values, strict=True):
        set_slot(made, value)
    return made


def span(text: str, start: int, end: int) -> Span:
    """``Span.of(text, start, end)`` for ``0 <= start <= end <= len(text)``, unchecked.

    >>> span("He said no.", 3, 7)
    Span(start=3, end=7, text='said')
    """
    piece = text[start:end]
    made = _new(Span)
    _SPAN_START(made, start)
    _SPAN_END(made, end)
    _SPAN_TEXT(made, sys.intern(piece) if len(piece) <= _SHARED_LENGTH else piece)
    return made


def spans(text: str, offsets: Iterable[tuple[int, int]]) -> tuple[Span, ...]:
    """:func:`span` of each pair of ``offsets``, made in one call.

    >>> spans("He said no.", [(0, 2), (3, 7)])
    (Span(start=0, end=2, text='He'), Span(start=3, end=7, text='said'))
    """
    made = []
    new, set_start, set_end, set_text, intern = _new, _SPAN_START, _SPAN_END, _SPAN_TEXT, sys.intern
    for start, end in offsets:  # the body of span, written out
        piece = text[start:end]
        one = new(Span)
        set_start(one, start)
        set_end(one, end)
        set_text(one, intern(piece) if len(piece) <= _SHARED_LENGTH else piece)
        made.append(one)
    return tuple(made)


def entity(name: str, kind: EntityKind, mentions: tuple[Span, ...],
           titles: tuple[str, ...]) -> Entity:
    """``Entity(name, kind, mentions, titles)``, unchecked.

    >>> entity("Ann Lee", EntityKind.PERSON, (), ()) == Entity("Ann Lee", "person", (), ())
    True
    """
    made = _new(Entity)
    _ENTITY_NAME(made, name)
    _ENTITY_KIND(made, kind if type(kind) is EntityKind else EntityKind(kind))
    _ENTITY_MENTIONS(made, mentions)
    _ENTITY_TITLES(made, titles)
    _ENTITY_HASH(made, None)
    return made


def quote(content: Span, kind: QuoteKind, cue: Span | None, source: Span | None,
          speaker: Entity | None, chain: tuple[Entity, ...], confidence: float, rule: str,
          speech: bool, parent: Quote | None) -> Quote:
    """``Quote(content, kind, ...)`` with every field given, unchecked.

    >>> made = quote(span("Hi", 0, 2), QuoteKind.DIRECT, None, None, None, (), 1, "x", True, None)
    >>> made == Quote(Span(0, 2, "Hi"), "direct", None, None, None, (), 1, "x"), made.confidence
    (True, 1.0)
    """
    made = _new(Quote)
    _QUOTE_CONTENT(made, content)
    _QUOTE_KIND(made, kind if type(kind) is QuoteKind else QuoteKind(kind))
    _QUOTE_CUE(made, cue)
    _QUOTE_SOURCE(made, source)
    _QUOTE_SPEAKER(made, speaker)
    _QUOTE_CHAIN(made, chain)
    _QUOTE_CONFIDENCE(made, float(confidence))
    _QUOTE_RULE(made, rule)
    _QUOTE_SPEECH(made, speech)
    _QUOTE_PARENT(made, parent)
    _QUOTE_HASH(made, None)
    return made


def document(text: str, quotes: tuple[Quote, ...], entities: tuple[Entity, ...]) -> Document:
    """``Document(text, quotes, entities)``, unchecked.

    >>> document("", (), ()) == Document("", (), ())
    True
    """
    return _filled(Document, _DOCUMENT_SLOTS, text, quotes, entities)
