"""Nested and relayed attributions -> reporting chains.

A quote's chain runs from its speaker outward: the reporter who relayed it
(``according to Reuters``, ``told Itar Tass``, ``in an interview with CNN``;
``The Post quoted X as saying`` is read by the attribution stages), then the
chain of the quote it sits in (the president's report of what the minister
said), and last the agency of the story's dateline (``MOSCOW (Reuters) -``).
A relay stated once also covers the same speaker's other quotes in the same
passage, until another speaker is quoted.

>>> from quoteattr._attribute import attribute
>>> t = '"We won," Ann Lee said, according to Reuters.'
>>> [m.name for m in own_relays(t, attribute(t))]
['Reuters']
"""

from __future__ import annotations

import bisect
import re
from typing import NamedTuple, Sequence

import regex

from quoteattr import _lexicons
from quoteattr._attribute import Attribution
from quoteattr._mentions import Mention, source_after, tag_phrase
from quoteattr._sources import phrase_after
from quoteattr.model import Entity

_DATELINE = regex.compile(
    r"\p{Lu}[\p{Lu}\p{L} .,'’-]{1,40}?(?:,\s*\p{L}+\.?\s+\d{1,2})?\s*"
    r"\(([^()]{2,40})\)\s*[-–—]"
)
_INTERVIEW = regex.compile(
    r"\b(?:in|during)\s+an?\s+(?:\p{Ll}+\s+)?interview\s+with\s+", regex.IGNORECASE
)
_SPEAKING_TO = regex.compile(r"\b(?:speaking|talking)\s+to\s+", regex.IGNORECASE)
_QUOTED_BY = regex.compile(r"\bquoted\s+by\s+")


# Each pattern, with a clue: bytes that the text of every match of it holds lowercased,
# among the text's ASCII letters lowercased (:func:`_ascii_lowered`), where ``İ`` and
# ``K``, which also match ``i`` and ``k``, are a ``?``. A text or a window without the
# clue of a pattern needs no search for it. A clue starting with letters is found fast:
# that of ``speaking`` and ``talking`` starts with ``ng`` and looks back for the rest.
_RELAY_PATTERNS = (
    (_INTERVIEW, re.compile(b"nterv")),
    (_SPEAKING_TO, re.compile(rb"ng(?<=(?:pea|tal)[k?][i?]ng)")),
    (_QUOTED_BY, re.compile(b"quoted")),
)
_TELLING_VERBS = frozenset(["tell"])
_PASSAGE_GAP = 2
# Real news nests quotes at most two deep; hostile text can nest them thousands deep.
_DEEPEST = 8
_NOT_REMARKS = frozenset(["headline_dash", "headline_colon"])
_LOOKAHEAD = 160
_DATELINE_REACH = 600
_SENTENCE_END = regex.compile(r"[.!?]\s")
_LINE = regex.compile(r"[^\n]+")


def own_relays(text: str, attributions: Sequence[Attribution]) -> list[Mention | None]:
    """The reporter each attribution names for itself, if any.

    >>> t = "Oleg Varin told Itar Tass that talks will resume."
    >>> from quoteattr._indirect import attribute_indirect
    >>> [m.name for m in own_relays(t, attribute_indirect(t, []))]
    ['Itar Tass']
    """
    lowered = _ascii_lowered(text)
    patterns = [(pattern, clue) for pattern, clue in _RELAY_PATTERNS if clue.search(lowered)]
    return [attribution.relay or _relay_near(text, lowered, patterns, attribution)
            for attribution in attributions]


def _ascii_lowered(text: str) -> bytes:
    """``text`` as bytes, one a character: its ASCII characters lowercased, any other a
    ``?``. The only other characters that match an ASCII letter when case is ignored
    are ``İ``, ``K`` and ``ſ`` (``i``, ``k``, ``s``), so a relay clue that takes a ``?``
    for each of those letters is in the bytes wherever its pattern matches the text.

    >>> _ascii_lowered("Ça VA")
    b'?a va'
    """
    return text.encode("ascii", "replace").lower()


def _relay_near(
    text: str,
    lowered: bytes,
    patterns: list[tuple[regex.Pattern[str], re.Pattern[bytes]]],
    attribution: Attribution,
) -> Mention | None:
    """The reporter named near the cue of ``attribution``; ``patterns`` are those of
    ``_RELAY_PATTERNS`` whose clue ``lowered``, the text's :func:`_ascii_lowered`, holds."""
    cue = attribution.cue
    if cue is None or cue.prepositional:
        return None
    told = _told_outlet(text, attribution)
    if told is not None or not patterns:
        return told
    window_start = max(0, cue.start - _LOOKAHEAD)
    window_end = min(len(text), cue.end + _LOOKAHEAD)
    for pattern, clue in patterns:
        if clue.search(lowered, window_start, window_end) is None:
            continue
        found = pattern.search(text, window_start, window_end)
        if found is not None and _same_sentence(text, found.start(), cue.start):
            outlet = _outlet_at(text, found.end(), window_end)
            if outlet is not None:
                return outlet
    return None


def _told_outlet(text: str, attribution: Attribution) -> Mention | None:
    """``X told Itar Tass``: the hearer is a news outlet, which relays the words."""
    cue = attribution.cue
    if cue is None or cue.lemma not in _TELLING_VERBS:
        return None
    return _outlet_at(text, cue.end, min(len(text), cue.end + _LOOKAHEAD))


def _outlet_at(text: str, start: int, end: int) -> Mention | None:
    for mention in (source_after(text, start, end), phrase_after(text, start, end)):
        if mention is not None and _is_outlet(text[mention.start:mention.end]):
            return mention
    return None


def _is_outlet(phrase: str) -> bool:
    lowered = phrase.lower()
    outlets = _lexicons.media_outlets()
    return lowered in outlets or (lowered.startswith("the ") and lowered[4:] in outlets)


def _same_sentence(text: str, start: int, end: int) -> bool:
    low, high = min(start, end), max(start, end)
    return not _SENTENCE_END.search(text, low, high)


def dateline_agency(text: str) -> Mention | None:
    """The agency of a ``MOSCOW (Reuters) -`` dateline in the first lines of ``text``.

    >>> t = "Talks resume\\n\\nMOSCOW (Reuters) - Talks resumed."
    >>> dateline_agency(t).name
    'Reuters'
    """
    for line in _LINE.finditer(text, 0, _DATELINE_REACH):
        found = _DATELINE.match(text, line.start(), line.end())
        if found is not None and _is_outlet(found.group(1).strip()):
            return tag_phrase(text, found.start(1), found.end(1))
    return None



def parents(attributions: Sequence[Attribution]) -> list[int | None]:
    """For each attribution, the index of the quote whose content holds it.

    The innermost enclosing content wins; an attribution holds no parent of
    the same span. Nesting stops at ``_DEEPEST`` levels: a quote inside one that
    deep takes that quote's parent, so chains and parents stay short.
    """
    order = sorted(range(len(attributions)), key=lambda i: (
        attributions[i].content[0], -attributions[i].content[1]))
    found: list[int | None] = [None] * len(attributions)
    depths = [0] * len(attributions)
    open_spans: list[int] = []
    for index in order:
        start, end = attributions[index].content
        while open_spans and attributions[open_spans[-1]].content[1] <= start:
            open_spans.pop()
        for outer in reversed(open_spans):
            outer_start, outer_end = attributions[outer].content
            if outer_start <= start and end <= outer_end and (start, end) != (outer_start, outer_end):
                found[index] = outer
                break
        parent = found[index]
        if parent is not None and depths[parent] == _DEEPEST:
            found[index] = parent = found[parent]
        depths[index] = 0 if parent is None else depths[parent] + 1
        open_spans.append(index)
    return found


def passage_relays(
    attributions: Sequence[Attribution],
    speakers: Sequence[object | None],
    relayed: Sequence[bool],
    nested: Sequence[bool],
) -> list[int | None]:
    """For each attribution without a relay of its own, the attribution whose relay it takes.

    A relay stated once covers the same speaker's quotes in the same passage:
    a run of top-level attributions by one speaker in paragraphs at most
    ``_PASSAGE_GAP`` apart; another speaker's quote ends it.
    """
    order = sorted((i for i in range(len(attributions))
                    if not nested[i] and attributions[i].rule not in _NOT_REMARKS),
                   key=lambda i: attributions[i].content[0])
    donors: list[int | None] = [None] * len(attributions)
    for run in _runs(order, attributions, speakers):
        with_relay = [i for i in run if relayed[i]]
        if not with_relay:
            continue
        positions = [attributions[i].content[0] for i in with_relay]
        for index in run:
            if not relayed[index]:
                nearest = bisect.bisect_left(positions, attributions[index].content[0])
                donors[index] = with_relay[min(nearest, len(with_relay) - 1)]
    return donors


def _runs(
    order: list[int], attributions: Sequence[Attribution], speakers: Sequence[object | None]
) -> list[list[int]]:
    runs: list[list[int]] = []
    for index in order:
        last = runs[-1][-1] if runs else None
        if last is not None and speakers[last] is not None and speakers[last] is speakers[index] and (
            attributions[index].paragraph - attributions[last].paragraph <= _PASSAGE_GAP
        ):
            runs[-1].append(index)
        else:
            runs.append([index])
    return runs


class Link(NamedTuple):
    """Where an attribution sits: its chain, the index of the quote holding it, and
    whether its relay was taken over from the same speaker's passage. A tuple, made
    without the setters of a frozen class: the pipeline makes one for each quote."""

    chain: tuple[Entity, ...]
    parent: int | None
    inherited: bool


def link(
    attributions: Sequence[Attribution],
    speakers: Sequence[Entity | None],
    relays: Sequence[Entity | None],
    dateline: Entity | None,
) -> list[Link]:
    """Compose each attribution's chain: speaker, relay, the enclosing quote's chain, dateline.

    >>> link([], [], [], None)
    []
    """
    enclosing = parents(attributions)
    donors = passage_relays(attributions, speakers, [r is not None for r in relays],
                            [p is not None for p in enclosing])
    relayed = [relays[d] if relays[i] is None and d is not None else relays[i]
               for i, d in enumerate(donors)]
    chains: dict[int, tuple[Entity, ...]] = {}
    for index in outer_first(enclosing):
        speaker = speakers[index]
        parent = enclosing[index]
        links = [] if speaker is None else [speaker, relayed[index]] + (
            list(chains[parent]) if parent is not None else [dateline])
        composed: list[Entity] = []
        for entity in links:
            if entity is not None and entity not in composed:
                composed.append(entity)
        chains[index] = tuple(composed)
    return [
        Link(chains[i], enclosing[i], donors[i] is not None and relayed[i] is not None)
        for i in range(len(attributions))
    ]


def outer_first(enclosing: Sequence[int | None]) -> list[int]:
    """The indices ordered by how many quotes enclose each, outer quotes first.

    ``enclosing`` gives each index its parent's; the work is linear however deep
    the nesting, and no recursion.

    >>> outer_first([2, None, 1])
    [1, 2, 0]
    """
    depths: list[int] = [-1] * len(enclosing)
    for index in range(len(enclosing)):
        path = []
        while index is not None and depths[index] < 0:
            path.append(index)
            index = enclosing[index]
        depth = -1 if index is None else depths[index]
        for step in reversed(path):
            depth += 1
            depths[step] = depth
    return sorted(range(len(enclosing)), key=depths.__getitem__)
