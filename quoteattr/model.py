"""The result types: frozen, hashable, picklable ``attrs`` classes.

Offsets are half-open character offsets into the caller's string.

>>> s = Span(0, 5, "Putin")
>>> s.start, s.end, s.text
(0, 5, 'Putin')
"""

from __future__ import annotations

import enum
import json
import sys
from typing import Any, Mapping

import attrs

from quoteattr.errors import MalformedDocumentError

__all__ = ["Span", "QuoteKind", "EntityKind", "Entity", "Quote", "Document", "to_json"]

SCHEMA_VERSION = 1
_SHARED_LENGTH = 40


def _non_negative(instance: object, attribute: attrs.Attribute, value: int) -> None:
    if value < 0:
        raise ValueError(f"{attribute.name} must be >= 0, got {value}")


@attrs.frozen
class Span:
    """A stretch of the input text: ``text == document_text[start:end]``.

    >>> Span(3, 5, "hi").end
    5
    """

    start: int = attrs.field(validator=[attrs.validators.instance_of(int), _non_negative])
    end: int = attrs.field(validator=[attrs.validators.instance_of(int), _non_negative])
    text: str = attrs.field(validator=attrs.validators.instance_of(str))

    @end.validator
    def _end_after_start(self, attribute: attrs.Attribute, value: int) -> None:
        if value < self.start:
            raise ValueError(f"end ({value}) is before start ({self.start})")

    @text.validator
    def _text_fits(self, attribute: attrs.Attribute, value: str) -> None:
        if len(value) != self.end - self.start:
            raise ValueError(
                f"text has {len(value)} characters but the span covers {self.end - self.start}"
            )

    @classmethod
    def of(cls, text: str, start: int, end: int) -> Span:
        """Build the span of ``text[start:end]``.

        Short texts (cues, names) recur through a document, so equal ones share
        one string: a document holds each ``said`` once, not once per quote.

        >>> Span.of("He said no.", 3, 7)
        Span(start=3, end=7, text='said')
        >>> Span.of("said, said", 0, 4).text is Span.of("said, said", 6, 10).text
        True
        """
        piece = text[start:end]
        return cls(start, end, sys.intern(piece) if len(piece) <= _SHARED_LENGTH else piece)


class QuoteKind(str, enum.Enum):
    """How the words reach the reader.

    >>> QuoteKind("direct") is QuoteKind.DIRECT
    True
    """

    DIRECT = "direct"
    INDIRECT = "indirect"
    MIXED = "mixed"


class EntityKind(str, enum.Enum):
    """What sort of source an entity is.

    >>> EntityKind.MEDIA.value
    'media'
    """

    PERSON = "person"
    ORGANIZATION = "organization"
    MEDIA = "media"
    GROUP = "group"
    ANONYMOUS = "anonymous"
    UNKNOWN = "unknown"


def _tuple_of(kind: type) -> Any:
    return attrs.validators.deep_iterable(
        member_validator=attrs.validators.instance_of(kind),
        iterable_validator=attrs.validators.instance_of(tuple),
    )


def _optional(kind: type) -> Any:
    return attrs.validators.optional(attrs.validators.instance_of(kind))


def _unit_interval(instance: object, attribute: attrs.Attribute, value: float) -> None:
    if not 0.0 <= value <= 1.0:
        raise ValueError(f"{attribute.name} must lie in [0, 1], got {value}")


@attrs.frozen(cache_hash=True)
class Entity:
    """A speaker or source, with every mention of it in the document.

    Its hash runs over every mention, so it is computed once and kept.

    >>> e = Entity("Vladimir Putin", EntityKind.PERSON, (Span(0, 5, "Putin"),), ())
    >>> e.name, e.kind.value
    ('Vladimir Putin', 'person')
    """

    name: str = attrs.field(validator=attrs.validators.instance_of(str))
    kind: EntityKind = attrs.field(converter=EntityKind)
    mentions: tuple[Span, ...] = attrs.field(validator=_tuple_of(Span))
    titles: tuple[str, ...] = attrs.field(validator=_tuple_of(str))


@attrs.frozen(cache_hash=True)
class Quote:
    """One piece of reported speech and its attribution.

    Its hash runs over its speaker's mentions, so it is computed once and kept.

    ``content`` excludes the quotation marks of a direct quote. ``chain`` runs
    from the speaker outward to the last reporter named in the text.
    ``speech`` is False for attributions of belief, knowledge or evidence
    (``X believes ...``, ``polls show ...``); keep ``q.speech`` quotes for
    reported speech only. ``parent`` is the quote whose content holds this
    one (``"Shoigu reported that ...," Putin said``), or ``None``.

    >>> q = Quote(Span(1, 3, "Hi"), QuoteKind.DIRECT, None, None, None, (), 0.5, "none")
    >>> q.content.text, q.speaker
    ('Hi', None)
    """

    content: Span = attrs.field(validator=attrs.validators.instance_of(Span))
    kind: QuoteKind = attrs.field(converter=QuoteKind)
    cue: Span | None = attrs.field(validator=_optional(Span))
    source: Span | None = attrs.field(validator=_optional(Span))
    speaker: Entity | None = attrs.field(validator=_optional(Entity))
    chain: tuple[Entity, ...] = attrs.field(validator=_tuple_of(Entity))
    confidence: float = attrs.field(converter=float, validator=_unit_interval)
    rule: str = attrs.field(validator=attrs.validators.instance_of(str))
    speech: bool = attrs.field(default=True, validator=attrs.validators.instance_of(bool))
    parent: Quote | None = attrs.field(default=None)

    @parent.validator
    def _parent_is_a_quote(self, attribute: attrs.Attribute, value: object) -> None:
        if value is not None and not isinstance(value, Quote):
            raise TypeError(f"parent must be a Quote or None, got {type(value).__name__}")

    @property
    def stance(self) -> str | None:
        """The stance class of the cue: what the reporter's verb says about the words.

        One of ``neutral``, ``endorsing``, ``emphatic``, ``distancing``, ``conceding``,
        ``tentative``, ``contesting``, ``critical``, ``praising``, ``directive``,
        ``commissive``, ``manner`` or ``belief`` (see ``lexicons/en/cue_stance.txt``);
        ``"unknown"`` when the cue's verb is not listed, ``None`` when there is no cue.

        >>> cue = Span(0, 7, "claimed")
        >>> Quote(Span(9, 11, "no"), "indirect", cue, None, None, (), 0.5, "x").stance
        'distancing'
        """
        from quoteattr._stance import cue_stance  # the lexicon loads on first use

        return None if self.cue is None else cue_stance(self.cue.text)


@attrs.frozen
class Document:
    """The analysis of one text: its quotes in text order and its entities.

    >>> doc = Document("", (), ())
    >>> Document.from_dict(doc.to_dict()) == doc
    True
    """

    text: str = attrs.field(validator=attrs.validators.instance_of(str))
    quotes: tuple[Quote, ...] = attrs.field(validator=_tuple_of(Quote))
    entities: tuple[Entity, ...] = attrs.field(validator=_tuple_of(Entity))

    def to_dict(self) -> dict[str, Any]:
        """Return a JSON-ready dict; quotes name entities by their index.

        >>> Document("x", (), ()).to_dict()["text"]
        'x'
        """
        index = {entity: i for i, entity in enumerate(self.entities)}
        positions: dict[Quote, int] = {}
        for i, quote in enumerate(self.quotes):
            positions.setdefault(quote, i)
        return {
            "version": SCHEMA_VERSION,
            "text": self.text,
            "entities": [_entity_to_dict(e) for e in self.entities],
            "quotes": [_quote_to_dict(q, index, positions) for q in self.quotes],
        }

    def to_records(self) -> list[dict[str, Any]]:
        """Return one flat dict per quote, in order, for tables and data frames.

        Values are plain ``str``, ``int``, ``float``, ``bool`` or ``None``, so
        ``pandas.DataFrame(doc.to_records())`` or ``csv.DictWriter`` take them
        as they are. The keys, the same in every record:

        - ``quote``: the index of the quote in ``quotes``;
        - ``text``, ``kind``, ``speech``, ``rule``, ``confidence``: the quote's
          content text and its fields (``kind`` as its value, ``"direct"``);
        - ``speaker``, ``speaker_kind``: the speaker's name and kind, or None;
        - ``cue``, ``source``: their text, or None;
        - ``chain``: the entity names joined by ``" -> "`` (``""`` for none),
          and ``chain_length``;
        - ``start``, ``end``: the content's offsets; ``cue_start``, ``cue_end``,
          ``source_start``, ``source_end``: the cue's and source's, or None;
        - ``parent``: the index of the quote that holds this one, or None.

        >>> doc = Document("", (), ())
        >>> doc.to_records()
        []
        >>> import quoteattr
        >>> record = quoteattr.analyze('"We won," Ann Lee said.').to_records()[0]
        >>> record["text"], record["speaker"], record["chain"], record["cue_start"]
        ('We won', 'Ann Lee', 'Ann Lee', 18)
        """
        # By identity: a quote hashes over its speaker's mentions, so a dict of
        # quotes would take time quadratic in the length of the text.
        positions: dict[int, int] = {}
        for i, quote in enumerate(self.quotes):
            positions.setdefault(id(quote), i)
        return [_quote_to_record(i, quote, self._parent_index(quote, positions))
                for i, quote in enumerate(self.quotes)]

    def _parent_index(self, quote: Quote, positions: Mapping[int, int]) -> int | None:
        """The index of the quote's parent: the same object, else the first equal quote."""
        if quote.parent is None:
            return None
        if id(quote.parent) in positions:
            return positions[id(quote.parent)]
        return next((i for i, other in enumerate(self.quotes) if other == quote.parent), None)

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Document:
        """Rebuild a Document from :meth:`to_dict` output.

        Raises:
            MalformedDocumentError: naming the first field that is missing or wrong.

        >>> Document.from_dict({"text": "", "entities": [], "quotes": []}).quotes
        ()
        """
        return _DictReader(data).document()


def to_json(doc: Document, *, indent: int | None = None) -> str:
    """Serialise a Document as JSON (the :meth:`Document.to_dict` form).

    >>> to_json(Document("", (), ()))
    '{"version": 1, "text": "", "entities": [], "quotes": []}'
    """
    return json.dumps(doc.to_dict(), ensure_ascii=False, indent=indent)


def _span_to_dict(span: Span | None) -> dict[str, Any] | None:
    if span is None:
        return None
    return {"start": span.start, "end": span.end, "text": span.text}


def _entity_to_dict(entity: Entity) -> dict[str, Any]:
    return {
        "name": entity.name,
        "kind": entity.kind.value,
        "mentions": [_span_to_dict(m) for m in entity.mentions],
        "titles": list(entity.titles),
    }


def _quote_to_dict(
    quote: Quote, index: Mapping[Entity, int], positions: Mapping[Quote, int]
) -> dict[str, Any]:
    parent = None if quote.parent is None else positions.get(quote.parent)
    return {
        "content": _span_to_dict(quote.content),
        "kind": quote.kind.value,
        "cue": _span_to_dict(quote.cue),
        "source": _span_to_dict(quote.source),
        "speaker": None if quote.speaker is None else index[quote.speaker],
        "chain": [index[e] for e in quote.chain],
        "confidence": quote.confidence,
        "rule": quote.rule,
        "speech": quote.speech,
        "parent": parent,
    }


def _quote_to_record(i: int, quote: Quote, parent: int | None) -> dict[str, Any]:
    speaker = quote.speaker
    return {
        "quote": i,
        "text": quote.content.text,
        "kind": quote.kind.value,
        "speech": quote.speech,
        "speaker": None if speaker is None else speaker.name,
        "speaker_kind": None if speaker is None else speaker.kind.value,
        "cue": None if quote.cue is None else quote.cue.text,
        "source": None if quote.source is None else quote.source.text,
        "chain": " -> ".join(entity.name for entity in quote.chain),
        "chain_length": len(quote.chain),
        "rule": quote.rule,
        "confidence": quote.confidence,
        "start": quote.content.start,
        "end": quote.content.end,
        "cue_start": None if quote.cue is None else quote.cue.start,
        "cue_end": None if quote.cue is None else quote.cue.end,
        "source_start": None if quote.source is None else quote.source.start,
        "source_end": None if quote.source is None else quote.source.end,
        "parent": parent,
    }


class _DictReader:
    """Reads the to_dict form field by field, naming the field that fails."""

    def __init__(self, data: Mapping[str, Any]) -> None:
        if not isinstance(data, Mapping):
            raise MalformedDocumentError(f"document: expected a dict, got {type(data).__name__}")
        self.data = data
        self.text = self._get(data, "text", str, "text")

    def document(self) -> Document:
        entities = tuple(
            self._entity(e, f"entities[{i}]")
            for i, e in enumerate(self._get(self.data, "entities", list, "entities"))
        )
        raw = self._get(self.data, "quotes", list, "quotes")
        built: dict[int, Quote] = {}
        for i in range(len(raw)):
            self._quote_at(raw, i, entities, built, ())
        quotes = tuple(built[i] for i in range(len(raw)))
        return self._build(Document, "document", self.text, quotes, entities)

    def _quote_at(
        self,
        raw: list[Any],
        i: int,
        entities: tuple[Entity, ...],
        built: dict[int, Quote],
        pending: tuple[int, ...],
    ) -> Quote:
        """Build quote ``i`` after its parent, refusing a parent that loops back."""
        if i in built:
            return built[i]
        where = f"quotes[{i}]"
        reference = raw[i].get("parent") if isinstance(raw[i], Mapping) else None
        parent = None
        if reference is not None:
            if not isinstance(reference, int) or isinstance(reference, bool) or not (
                    0 <= reference < len(raw)) or reference == i or reference in pending:
                raise MalformedDocumentError(f"{where}.parent: not the index of another quote")
            parent = self._quote_at(raw, reference, entities, built, (*pending, i))
        built[i] = self._quote(raw[i], where, entities, parent)
        return built[i]

    @staticmethod
    def _get(data: Any, key: str, kind: type | tuple[type, ...], where: str) -> Any:
        if not isinstance(data, Mapping):
            raise MalformedDocumentError(f"{where}: expected a dict around this field")
        if key not in data:
            raise MalformedDocumentError(f"{where}: missing field")
        value = data[key]
        if kind is not object and (not isinstance(value, kind) or isinstance(value, bool)):
            raise MalformedDocumentError(f"{where}: expected {kind}, got {type(value).__name__}")
        return value

    def _kind(self, data: Any, kind: type[enum.Enum], where: str) -> Any:
        value = self._get(data, "kind", str, f"{where}.kind")
        try:
            return kind(value)
        except ValueError:
            allowed = ", ".join(k.value for k in kind)
            raise MalformedDocumentError(f"{where}.kind: {value!r} is not one of {allowed}") from None

    @staticmethod
    def _build(factory: Any, where: str, *args: Any) -> Any:
        try:
            return factory(*args)
        except (TypeError, ValueError) as error:
            raise MalformedDocumentError(f"{where}: {error}") from None

    def _span(self, data: Any, where: str) -> Span:
        start = self._get(data, "start", int, f"{where}.start")
        end = self._get(data, "end", int, f"{where}.end")
        if not 0 <= start <= end <= len(self.text):
            raise MalformedDocumentError(f"{where}: [{start}, {end}) lies outside the text")
        span = Span.of(self.text, start, end)
        if data.get("text", span.text) != span.text:
            raise MalformedDocumentError(f"{where}.text: does not match the document text")
        return span

    def _optional_span(self, data: Any, key: str, where: str) -> Span | None:
        value = self._get(data, key, object, f"{where}.{key}")
        return None if value is None else self._span(value, f"{where}.{key}")

    def _entity(self, data: Any, where: str) -> Entity:
        mentions = tuple(
            self._span(m, f"{where}.mentions[{i}]")
            for i, m in enumerate(self._get(data, "mentions", list, f"{where}.mentions"))
        )
        titles = tuple(self._get(data, "titles", list, f"{where}.titles"))
        return self._build(
            Entity,
            where,
            self._get(data, "name", str, f"{where}.name"),
            self._kind(data, EntityKind, where),
            mentions,
            titles,
        )

    def _entity_at(self, value: Any, entities: tuple[Entity, ...], where: str) -> Entity:
        if not isinstance(value, int) or isinstance(value, bool) or not 0 <= value < len(entities):
            raise MalformedDocumentError(f"{where}: not an index into entities")
        return entities[value]

    def _quote(
        self, data: Any, where: str, entities: tuple[Entity, ...], parent: Quote | None
    ) -> Quote:
        speaker = self._get(data, "speaker", object, f"{where}.speaker")
        chain = self._get(data, "chain", list, f"{where}.chain")
        return self._build(
            Quote,
            where,
            self._span(self._get(data, "content", object, f"{where}.content"), f"{where}.content"),
            self._kind(data, QuoteKind, where),
            self._optional_span(data, "cue", where),
            self._optional_span(data, "source", where),
            None if speaker is None else self._entity_at(speaker, entities, f"{where}.speaker"),
            tuple(self._entity_at(e, entities, f"{where}.chain[{i}]") for i, e in enumerate(chain)),
            self._get(data, "confidence", (int, float), f"{where}.confidence"),
            self._get(data, "rule", str, f"{where}.rule"),
            self._speech(data, where),
            parent,
        )

    @staticmethod
    def _speech(data: Mapping[str, Any], where: str) -> bool:
        value = data.get("speech", True)
        if not isinstance(value, bool):
            raise MalformedDocumentError(f"{where}.speech: expected a bool, got {type(value).__name__}")
        return value
