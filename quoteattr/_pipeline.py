"""Runs the stages in order: quotes and cues -> attribution -> entities.

>>> analyze('"Yes," he said.').quotes[0].kind.value
'direct'
"""

from __future__ import annotations

from quoteattr._attribute import Attribution, attribute
from quoteattr._entities import resolve
from quoteattr._indirect import attribute_indirect
from quoteattr._quotes import quoted_spans
from quoteattr._lexicons import is_speech_cue
from quoteattr.errors import InputTypeError
from quoteattr.model import Document, Entity, Quote, QuoteKind, Span


_MARKS = frozenset(":—–-")


def analyze(text: str) -> Document:
    """Find every quote in ``text`` with its cue, source and speaker.

    Args:
        text: the article, any ``str``.

    Returns:
        A :class:`~quoteattr.model.Document` whose quotes come in text order.

    Raises:
        InputTypeError: ``text`` is not a ``str`` (decode ``bytes`` first).

    >>> doc = analyze('"We won," the minister told reporters.')
    >>> q = doc.quotes[0]
    >>> q.content.text, q.cue.text, q.source.text, q.speaker.name
    ('We won', 'told', 'the minister', 'the minister')
    """
    _check_input(text)
    direct = attribute(text)
    attributions = direct + attribute_indirect(text, direct)
    quoted = quoted_spans(text)
    chains, entities = resolve(text, attributions, quoted)
    quotes = tuple(_quote(text, a, c) for a, c in zip(attributions, chains))
    return Document(text, tuple(sorted(quotes, key=lambda q: q.content.start)), entities)


def _check_input(text: object) -> None:
    if isinstance(text, str):
        return
    if isinstance(text, (bytes, bytearray)):
        raise InputTypeError(
            "analyze() takes str, not bytes: decode it first, e.g. text.decode('utf-8')"
        )
    raise InputTypeError(f"analyze() takes str, not {type(text).__name__}: pass the article text")


def _quote(text: str, attribution: Attribution, chain: tuple[Entity, ...]) -> Quote:
    source = attribution.source
    cue = attribution.cue
    return Quote(
        content=Span.of(text, *attribution.content),
        kind=attribution.kind,
        cue=None if cue is None else Span.of(text, cue.start, cue.end),
        source=None if source is None else Span.of(text, source.start, source.end),
        speaker=chain[0] if chain else None,
        chain=chain,
        confidence=attribution.confidence,
        rule=attribution.rule,
        speech=_is_speech(attribution),
    )


def _is_speech(attribution: Attribution) -> bool:
    if attribution.kind is not QuoteKind.INDIRECT:
        return True
    cue = attribution.cue
    return cue is not None and (cue.lemma in _MARKS or is_speech_cue(cue.lemma))
