"""Runs the stages in order: quotes -> attribution (direct, then reported speech)
-> relays and entities -> chains.

>>> analyze('"Yes," he said.').quotes[0].kind.value
'direct'
"""

from __future__ import annotations

import bisect
import functools
import operator
from typing import TypeVar

from quoteattr import _trusted
from quoteattr._attribute import Attribution, attribute
from quoteattr._chains import Link, dateline_agency, link, outer_first, own_relays
from quoteattr._entities import resolve
from quoteattr._indirect import attribute_indirect
from quoteattr._quotes import layout_of
from quoteattr._lexicons import is_speech_cue
from quoteattr._sources import forget_texts
from quoteattr.errors import InputTypeError
from quoteattr.model import Document, Entity, Quote, QuoteKind, Span


_MARKS = frozenset(":—–-")
_INHERITED_RELAY = 0.8
_offsets = operator.attrgetter("start", "end")  # of a span
_content_start = operator.attrgetter("content.start")  # of a quote
_Item = TypeVar("_Item")
_LEMMAS_REMEMBERED = 1024
_WIDE_SPACES = (
    "\xa0\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u202f\u205f\u3000")


def analyze(text: str) -> Document:
    """Find every quote in ``text`` with its cue, source and speaker.

    Any ``str`` is accepted and gives a valid Document: empty or blank text,
    lone surrogates, NUL and other control characters, ``\\r\\n`` and ``\\r``
    line ends, zero-width and bidi marks, emoji, right-to-left scripts, runs of
    thousands of quotation marks, unbalanced quote styles, paragraphs of
    megabytes. Every span slices ``text`` back to its own ``text``; time grows
    linearly with the input; the input is never changed (``doc.text is text``).

    Args:
        text: the article, any ``str``.

    Returns:
        A :class:`~quoteattr.model.Document` whose quotes come in text order.

    Raises:
        InputTypeError: ``text`` is not a ``str`` (a ``TypeError`` too): decode
            ``bytes`` first, and read a file object before passing its text.

    >>> doc = analyze('"We won," the minister told reporters.')
    >>> q = doc.quotes[0]
    >>> q.content.text, q.cue.text, q.source.text, q.speaker.name
    ('We won', 'told', 'the minister', 'the minister')
    """
    _check_input(text)
    attributions, resolved, entities = _resolved(text)
    count = len(attributions)
    links = link(attributions, resolved[:count], resolved[count:2 * count], resolved[-1])
    return _trusted.document(text, _quotes(text, attributions, links), entities)


def _resolved(
    text: str,
) -> tuple[list[Attribution], list[Entity | None], tuple[Entity, ...]]:
    """Every attribution in ``text``; the entity of each one's source, then of each one's
    own relay, then of the dateline's agency; and the entities.

    The mentions, quotations and paragraphs are freed on return, before the quotes
    are built.
    """
    view = plain_spaces(text)
    attributions, quoted, paragraphs = _attributions(view)
    relays = own_relays(view, attributions)
    forget_texts()
    del view
    mentions = [a.source for a in attributions] + relays + [dateline_agency(text)]
    resolved, entities = resolve(text, mentions, quoted, paragraphs)
    return attributions, resolved, entities


def _attributions(
    text: str,
) -> tuple[list[Attribution], list[tuple[int, int]], list[tuple[int, int]]]:
    """Every attribution in ``text``, the insides of its outermost quotations, and its
    paragraphs.

    The layout (every cue candidate and sentence) is freed on return, before the
    entities are resolved, which lowers the peak memory of ``analyze``.
    """
    layout = layout_of(text)
    direct = attribute(text, layout)
    return (direct + attribute_indirect(text, direct, layout), layout.quoted_spans(),
            layout.paragraphs)


def plain_spaces(text: str) -> str:
    """``text`` with no-break, thin and other wide spaces made plain spaces, so that
    rules written with a space in them read ``he\\xa0told`` as ``he told``; offsets
    stay those of ``text``, as each space is one character still.

    >>> plain_spaces("he\\xa0told")
    'he told'
    """
    if text.isascii():
        return text
    for space in _WIDE_SPACES:
        if space in text:
            text = text.replace(space, " ")
    return text


def _check_input(text: object) -> None:
    if isinstance(text, str):
        return
    if isinstance(text, (bytes, bytearray)):
        raise InputTypeError(
            "analyze() takes str, not bytes: decode it first, e.g. text.decode('utf-8')"
        )
    if hasattr(text, "read"):
        raise InputTypeError(
            f"analyze() takes str, not a file ({type(text).__name__}): pass its text, "
            "e.g. analyze(f.read())"
        )
    raise InputTypeError(f"analyze() takes str, not {type(text).__name__}: pass the article text")


def _quotes(text: str, attributions: list[Attribution], links: list[Link]) -> tuple[Quote, ...]:
    """The quotes in text order, built outer ones first so that each can hold its parent.

    Both lists are consumed: each attribution is dropped as its quote is built, so the
    attributions are freed while the quotes grow, which lowers the peak memory of
    ``analyze``. Quotes whose chains hold the same entities share one tuple (found by
    the entities' ids: an entity's hash would run over all its mentions).
    """
    order = outer_first([link.parent for link in links])
    _arrange_for_popping(attributions, order)
    _arrange_for_popping(links, order)
    chains: dict[tuple[int, ...], tuple[Entity, ...]] = {}
    built: dict[int, Quote] = {}
    for index in order:
        attribution, found = attributions.pop(), links.pop()
        parent = None if found.parent is None else built[found.parent]
        chain = chains.setdefault(tuple(map(id, found.chain)), found.chain)
        built[index] = _quote(text, attribution, chain, parent, found.inherited)
    return tuple(sorted(built.values(), key=_content_start))


def _arrange_for_popping(items: list[_Item], order: list[int]) -> None:
    """Rearrange ``items`` in place so that popping them yields ``items[i]`` for each ``i``
    of ``order`` in turn.

    >>> items = ["a", "b", "c"]
    >>> _arrange_for_popping(items, [2, 0, 1])
    >>> items.pop(), items.pop(), items.pop()
    ('c', 'a', 'b')
    """
    items[:] = [items[i] for i in reversed(order)]


def _quote(
    text: str,
    attribution: Attribution,
    chain: tuple[Entity, ...],
    parent: Quote | None,
    inherited: bool,
) -> Quote:
    """The quote of ``attribution``; a relay taken over from the speaker's passage
    (``inherited``) lowers the confidence and names itself in the rule."""
    source = attribution.source
    cue = attribution.cue
    confidence = attribution.confidence
    return _trusted.quote(
        content=_trusted.span(text, *attribution.content),
        kind=attribution.kind,
        cue=None if cue is None else _trusted.span(text, cue.start, cue.end),
        source=None if source is None else _source_span(text, source.start, source.end, chain),
        speaker=chain[0] if chain else None,
        chain=chain,
        confidence=confidence * _INHERITED_RELAY if inherited else confidence,
        rule=f"{attribution.rule}+passage_relay" if inherited else attribution.rule,
        # any quote but an indirect one whose cue reports no speech, written out here
        speech=attribution.kind is not QuoteKind.INDIRECT or (
            cue is not None and _is_speech_lemma(cue.lemma)),
        parent=parent,
    )


def _source_span(text: str, start: int, end: int, chain: tuple[Entity, ...]) -> Span:
    """The span of the source at ``[start, end)`` of the quote of ``chain``: the speaker's
    own mention of it, when it has one, so the quote and the entity share one Span."""
    if chain:
        mentions = chain[0].mentions
        at = bisect.bisect_left(mentions, (start, end), key=_offsets)
        if at < len(mentions) and _offsets(mentions[at]) == (start, end):
            return mentions[at]
    return _trusted.span(text, start, end)


@functools.lru_cache(maxsize=_LEMMAS_REMEMBERED)
def _is_speech_lemma(lemma: str) -> bool:
    """Whether a cue's lemma reports speech; the few lemmas recur in every document."""
    return lemma in _MARKS or is_speech_cue(lemma)
