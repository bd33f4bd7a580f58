"""Paragraphs, sentences and words, as offsets into the caller's string.

Nothing here copies or normalises the text, so every offset found is an
offset into the input.

>>> paragraphs("One.\\n\\nTwo.")
[(0, 4), (6, 10)]
"""

from __future__ import annotations

import bisect
import string
from typing import Iterator, Sequence

import regex

from quoteattr import _lexicons

_INVISIBLE = frozenset("\u200b\u200c\u200d\u200e\u200f\u2060\ufeff")
# The characters that ``str.isspace`` accepts (none lies past U+3000, the ideographic
# space), to read in one lookup; ``trim`` takes them off with the invisible marks.
SPACES = frozenset(c for c in map(chr, range(0x3001)) if c.isspace())
_TRIMMED = _INVISIBLE | SPACES
_TERMINATOR = regex.compile(r"[.!?…]+[\"'’”»)\]]*(?=\s|\p{Lu}\p{Ll})")
# Matched backwards from a final period (one attempt, not one per start in the window):
_WORD_BEFORE = regex.compile(r"(\p{L}[\p{L}\p{M}.]*)\.$", regex.REVERSE)
_NEXT_START = regex.compile(r"\s*([\p{Lu}\p{N}\"'“‘«„(\[])")
_SENTENCE_OPENERS = frozenset(
    "the a an he she it they we i but and in on at this that these those there "
    "his her its their our mr mrs ms".split()
)
# The plain characters that may start a sentence (of ``_NEXT_START``'s class), and the
# ASCII characters of ``_WORD_BEFORE``'s run:
_PLAIN_STARTS = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789\"'([")
_LETTERS_AND_PERIOD = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz.")
WEEKDAY = r"(?:mon|tues|wednes|thurs|fri|satur|sun)day"
WORD = regex.compile(r"\p{L}[\p{L}\p{M}\p{N}]*(?:['’.\-]\p{L}[\p{L}\p{M}\p{N}]*)*")


class Trailing:
    """A pattern that ends a window (it ends in ``\\s*$`` or ``\\s+$``), searched as
    ``regex`` would search it, but tried once backwards from the end of the window first:
    a window it is not in is ruled out at once instead of at every start.

    >>> aside = Trailing(r",[^,]+,\\s*$")
    >>> aside.search("Lee, an aide, said", 0, 14).start(), aside.ends("Lee said", 0, 4)
    (3, False)
    """

    def __init__(self, pattern: str, flags: int = 0, last: str | None = None) -> None:
        """``last``, if given, holds every plain ASCII character (of ``PLAIN_ASCII``) that
        may be the last of a match before its final spaces: a window ending in another
        is ruled out without the regex."""
        self._forward = regex.compile(pattern, flags)
        self._backward = regex.compile(pattern, flags | regex.REVERSE)
        self._last = last

    def ends(self, text: str, start: int, end: int) -> bool:
        """Whether ``text[start:end]`` ends with a match."""
        if self._last is not None and not may_end_with(text, start, end, self._last):
            return False
        return self._backward.match(text, start, end) is not None

    def search(self, text: str, start: int, end: int) -> regex.Match | None:
        """The leftmost match in ``text[start:end]``, as ``regex.search`` finds it."""
        last = self._last
        if last is not None and start >= 0 and end <= len(text):
            at = end - 1  # ``may_end_with(text, start, end, last)``, written out: called often
            while at >= start and text[at] == " ":
                at -= 1
            if at >= start and text[at] in PLAIN_ASCII and text[at] not in last:
                return None
        if self._backward.match(text, start, end) is None:  # as ends(), one call less
            return None
        return self._forward.search(text, start, end)


COMMA_BEFORE = Trailing(r",\s*$", last=",")
PLAIN_ASCII = frozenset(map(chr, range(0x21, 0x7F)))  # ASCII, neither space nor control
ASCII_LETTERS = frozenset(string.ascii_letters)
_NO_TERMINATOR_AFTER = PLAIN_ASCII - frozenset(".!?\"')]ABCDEFGHIJKLMNOPQRSTUVWXYZ")


def may_end_with(text: str, start: int, end: int, last: str) -> bool:
    """``False`` when ``text[start:end]``, its final spaces aside, ends with a plain
    ASCII character (of ``PLAIN_ASCII``) not in ``last``: a cheap test before a regex whose
    matches end with one of ``last`` (or a character that is not plain) and white space.

    >>> may_end_with("he and ", 0, 7, "d"), may_end_with("he or ", 0, 6, "d")
    (True, False)
    """
    if start < 0 or end > len(text):
        return True  # read as regex reads such bounds
    at = end - 1
    while at >= start and text[at] == " ":
        at -= 1
    return at < start or text[at] not in PLAIN_ASCII or text[at] in last


def ends_with_mark(text: str, start: int, end: int, mark: str) -> bool:
    """Whether ``text[start:end].rstrip()`` ends with the character ``mark``, read from
    the end without a copy.

    >>> ends_with_mark("Lee, an aide,  said", 0, 15, ","), ends_with_mark("Lee said", 0, 3, ",")
    (True, False)
    """
    at = end - 1
    while at >= start and text[at].isspace():
        at -= 1
    return at >= start and text[at] == mark


def paragraphs(text: str) -> list[tuple[int, int]]:
    """Return the non-blank lines of ``text``, trimmed of surrounding space; lines end
    where ``str.splitlines`` ends them.

    >>> paragraphs("  a b \\r\\n\\nc")
    [(2, 5), (9, 10)]
    """
    found = []
    position = 0
    for line in text.splitlines(keepends=True):
        start, end = trim(text, position, position + len(line))  # its line break is a space
        if start < end:
            found.append((start, end))
        position += len(line)
    return found


def trim(text: str, start: int, end: int) -> tuple[int, int]:
    """Shrink ``[start, end)`` past white space and invisible marks at both ends.

    >>> trim(" ab ", 0, 4)
    (1, 3)
    """
    while start < end and text[start] in _TRIMMED:
        start += 1
    while end > start and text[end - 1] in _TRIMMED:
        end -= 1
    return start, end


def sentences(
    text: str, paragraph: tuple[int, int], protected: Sequence[tuple[int, int]] = ()
) -> list[tuple[int, int]]:
    """Split one paragraph into sentences, never inside a ``protected`` span.

    ``protected`` holds sorted, non-overlapping spans (quotations) that a
    sentence boundary may not fall in.

    >>> t = 'Mr. Smith came. "Go. Now," he said. He left.'
    >>> [t[s:e] for s, e in sentences(t, (0, len(t)), [(16, 26)])]
    ['Mr. Smith came.', '"Go. Now," he said.', 'He left.']
    """
    start, end = paragraph
    starts = [s for s, _ in protected] if protected else []
    found = []
    for first, cut in _terminators(text, start, end):
        if protected and _inside(protected, starts, cut) or not _is_boundary(
                text, first, cut, end):
            continue
        found.append((start, cut))
        start = trim(text, cut, end)[0]
    if start < end:
        found.append((start, end))
    return found


def _terminators(text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    """The spans of ``_TERMINATOR.finditer(text, start, end)``: in a window whose only
    terminator character is the full stop, where every match starts, tried at each full
    stop alone, found with ``str.find`` (a fast scan, where the regex tests every
    character); a full stop before a space is a match of its own, read without the regex.

    >>> list(_terminators("Go. No... Now", 0, 12))
    [(2, 3), (6, 9)]
    """
    if text.find("!", start, end) >= 0 or text.find("?", start, end) >= 0 or text.find(
            "…", start, end) >= 0:
        yield from (match.span() for match in _TERMINATOR.finditer(text, start, end))
        return
    stop = text.find(".", start, end)
    while stop >= 0:
        after = stop + 1
        if after < end and text[after] == " ":  # what _TERMINATOR matches there
            yield stop, after
        elif not _ends_no_sentence(text, after, end):
            match = _TERMINATOR.match(text, stop, end)
            if match is not None:
                yield stop, match.end()
                after = match.end()
        stop = text.find(".", after, end)


def _ends_no_sentence(text: str, after: int, end: int) -> bool:
    """Whether no match of ``_TERMINATOR`` starts at a full stop right before ``after``,
    read without the regex: one ending its window or followed by a plain character that
    neither carries on a terminator nor is a space or a capital (``3.5``, ``U.S.``)."""
    return after == end or text[after] in _NO_TERMINATOR_AFTER


def _inside(protected: Sequence[tuple[int, int]], starts: list[int], position: int) -> bool:
    index = bisect.bisect_right(starts, position) - 1
    return index >= 0 and protected[index][0] < position < protected[index][1]


def _is_boundary(text: str, first: int, cut: int, end: int) -> bool:
    """Whether the terminator at ``[first, cut)`` ends a sentence of a paragraph ending
    at ``end``."""
    following = _next_start(text, cut, end)
    if following < 0:
        return False
    if cut != first + 1 or text[first] != ".":
        return True
    word = _word_before_period(text, first)
    if word is None:
        return True
    word = word.lower()
    if len(word) == 1 and word.isalpha():
        return False
    kind = _lexicons.abbreviations().get(word)
    if kind is None:
        return True
    if kind == "title":
        return False
    next_word = WORD.match(text, following)
    return next_word is not None and next_word.group().lower() in _SENTENCE_OPENERS


def _next_start(text: str, position: int, end: int) -> int:
    """Where the sentence after a terminator ending at ``position`` starts, as group 1 of
    ``_NEXT_START`` finds it, or -1; one space and a plain character are read without
    the regex.

    >>> _next_start("Go. Now", 3, 7), _next_start("Go. now", 3, 7)
    (4, -1)
    """
    if position + 1 < end and text[position] == " " and text[position + 1] in PLAIN_ASCII:
        return position + 1 if text[position + 1] in _PLAIN_STARTS else -1
    following = _NEXT_START.match(text, position, end)
    return -1 if following is None else following.start(1)


def _word_before_period(text: str, period: int) -> str | None:
    """The word before the full stop at ``period``, as group 1 of ``_WORD_BEFORE`` finds
    it within 40 characters; a run of ASCII letters and periods after a plain character
    is read without the regex (the word is the run from its first letter).

    >>> _word_before_period("in the U.S. now", 10), _word_before_period("(...)", 3)
    ('U.S', None)
    """
    low = max(0, period - 40)
    at = period
    while at > low and text[at - 1] in _LETTERS_AND_PERIOD:
        at -= 1
    if at == low or text[at - 1] < "\x80":  # no letter nor mark outside ASCII runs on
        return text[at:period].lstrip(".") or None
    before = _WORD_BEFORE.match(text, low, period + 1)
    return None if before is None else before.group(1)
