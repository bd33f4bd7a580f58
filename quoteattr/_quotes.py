"""Quotation marks -> quoted stretches of text.

Marks are paired per paragraph with a stack, using which side of a mark the
words are on ("flanking") to tell opening from closing marks and both from
apostrophes. A quote left open at the end of a paragraph runs on into the
next paragraph when that one opens with the same mark (the newspaper
convention); otherwise a double-quote-style quote ends with its paragraph.

>>> t = 'He said "it is \\'fine\\' now."'
>>> [(t[q.content_start:q.content_end], q.depth) for q in find_quotes(t, [(0, len(t))])]
[("it is 'fine' now.", 0), ('fine', 1)]
"""

from __future__ import annotations

import array
import bisect
import operator
import re
import unicodedata
from typing import Iterator, Sequence

import attrs
import regex

from quoteattr._cues import CueIndex
from quoteattr._text import paragraphs, sentences

# The quotation marks, found one character at a time with ``str.find`` (a fast scan,
# where a class tests every character of the text). Two apostrophes are one double
# mark, as some archives write them (''We won,'' he said); of three, the first is
# single and the double closes after it.
_MARK_CHARACTERS = "\"'“”„‟«»‹›‘’‚‛「」『』"
MARKS = re.compile(f"[{_MARK_CHARACTERS}]")  # what the scan equals; the tests compare them

_CLOSES: dict[str, frozenset[str]] = {
    '"': frozenset('"“'),
    "”": frozenset('“„”"'),
    "“": frozenset("„“"),
    "‟": frozenset("„"),
    "»": frozenset("«"),
    "«": frozenset("»"),
    "›": frozenset("‹"),
    "‹": frozenset("›"),
    "'": frozenset("'‘"),
    "''": frozenset(["''"]),
    "’": frozenset("‘'‚‛"),
    "‘": frozenset("‚"),
    "」": frozenset("「"),
    "』": frozenset("『"),
}
_SINGLE = frozenset("'‘’‚‛‹›")
_RIGHT_DOUBLES = frozenset("”»")  # closing by shape: ``love it!”Then`` closes a quote
_SPACED_OPENERS = frozenset("«‹")
_SPACED_CLOSERS = frozenset("»›")
_POSSESSED = regex.compile(r" \p{Ll}")
_LOOKAHEAD_MARKS = 4
_OPEN_START = operator.attrgetter("open_start")
_ALNUM_RUN = regex.compile(r"[\p{L}\p{N}]+")
_NEAR_LETTERS = 16  # how far into a quote a letter is looked for before the word array
_ELISION = regex.compile(r"(?:\d\d(?:s|\b)|n['’‘]|em\b|til\b|cause\b|tis\b|twas\b)", regex.IGNORECASE)
_ROCK_N_ROLL = regex.compile(r"\s['’‘]n$")


@attrs.frozen(weakref_slot=False)
class QuoteMarks:
    """One quoted stretch: marks at ``[open_start, content_start)`` and
    ``[content_end, close_end)``; an unclosed quote has no closing mark.

    ``depth`` counts the quotes it sits inside; ``continued`` says the quote
    runs on into the next paragraph, ``continuation`` that it carries on one
    from the previous paragraph.
    """

    open_start: int
    content_start: int
    content_end: int
    close_end: int
    depth: int
    closed: bool
    continued: bool = False
    continuation: bool = False


@attrs.define
class _Open:
    mark: str
    start: int
    depth: int

    @property
    def end(self) -> int:
        return self.start + len(self.mark)


def find_quotes(text: str, paragraphs: Sequence[tuple[int, int]]) -> list[QuoteMarks]:
    """Pair the quotation marks of every paragraph, in text order.

    >>> t = '"A," she said. "B."'
    >>> [t[q.content_start:q.content_end] for q in find_quotes(t, [(0, len(t))])]
    ['A,', 'B.']
    """
    found: list[QuoteMarks] = []
    carried: str | None = None
    marks = _mark_positions(text)
    for index, (start, end) in enumerate(paragraphs):
        inside = marks[bisect.bisect_left(marks, start):bisect.bisect_left(marks, end)]
        quotes, left_open = _pair_paragraph(text, start, end, inside) if inside else ([], None)
        if carried is not None and quotes and quotes[0].open_start == start:
            quotes[0] = attrs.evolve(quotes[0], continuation=True)
        carried = None
        if left_open is not None and _opens_next(text, paragraphs, index, left_open):
            quotes = [attrs.evolve(q, continued=True) if q.open_start == left_open.start else q
                      for q in quotes]
            carried = left_open.mark
        found.extend(quotes)
    return found


@attrs.frozen
class Layout:
    """The paragraphs of a text, its quotations, each paragraph's sentences (never
    split inside an outermost quotation) and its cues, found once for every stage;
    ``outermost`` holds the quotations that sit inside no other, in text order."""

    paragraphs: list[tuple[int, int]]
    quotes: list[QuoteMarks]
    sentences: list[list[tuple[int, int]]]
    cues: CueIndex
    outermost: list[QuoteMarks]

    def quoted_spans(self) -> list[tuple[int, int]]:
        """The insides of the outermost quotations, in text order.

        >>> layout_of('He read "War and Peace" twice.').quoted_spans()
        [(9, 22)]
        """
        return [(q.content_start, q.content_end) for q in self.outermost]


def layout_of(text: str) -> Layout:
    """Find the paragraphs and quotations of ``text``.

    >>> len(layout_of('"A," he said.\\n\\n"B."').quotes)
    2
    """
    paras = paragraphs(text)
    quotes = find_quotes(text, paras)
    outermost = [q for q in quotes if q.depth == 0]
    quoted = [(q.open_start, q.close_end) for q in outermost]
    starts = [start for start, _ in quoted]
    split = []
    for start, end in paras:
        inside = quoted[bisect.bisect_left(starts, start):bisect.bisect_left(starts, end)]
        split.append(sentences(text, (start, end), inside))
    return Layout(paras, quotes, split, CueIndex(text), outermost)


def _opens_next(
    text: str, paragraphs: Sequence[tuple[int, int]], index: int, left_open: _Open
) -> bool:
    if index + 1 >= len(paragraphs):
        return False
    return text.startswith(left_open.mark, paragraphs[index + 1][0])


def _mark_positions(text: str) -> list[int]:
    """Where the quotation marks of ``text`` start, a double apostrophe counted once.

    >>> _mark_positions("''A,'' he said")
    [0, 4]
    """
    marks = sorted(_occurrences(text, _MARK_CHARACTERS))  # as MARKS.finditer finds them
    if "''" not in text:
        return marks
    return [p for p in marks if not (p and text[p - 1] == "'" and _is_double(text, p - 1))]


def _occurrences(text: str, characters: str) -> Iterator[int]:
    """Where each of ``characters`` stands in ``text``, character by character (so not
    in text order).

    >>> sorted(_occurrences("a'b“c'", "'“"))
    [1, 3, 5]
    """
    for character in characters:
        at = text.find(character)
        while at >= 0:
            yield at
            at = text.find(character, at + 1)


def _is_double(text: str, position: int) -> bool:
    return text.startswith("''", position) and not text.startswith("'", position + 2)


def _pair_paragraph(
    text: str, start: int, end: int, marks: list[int]
) -> tuple[list[QuoteMarks], _Open | None]:
    """Pair the quotation marks at ``marks`` (positions in text order) of one paragraph."""
    stack: list[_Open] = []
    open_marks: dict[str, int] = {}
    quotes: list[QuoteMarks] = []
    for index, position in enumerate(marks):
        mark = text[position]
        if mark == "'" and _is_double(text, position):
            mark = "''"
        if mark in _SINGLE and _is_apostrophe(text, position, start, end):
            continue
        can_open, can_close = _flanking(text, mark, position, start, end)
        if can_close and _is_possessive(text, position, end) and _closes_later(text, marks, index):
            continue
        closes = _CLOSES.get(mark, frozenset())
        closing = can_close or (not can_open and mark not in _SINGLE) or (
            mark in _RIGHT_DOUBLES and not _space_before(text, position, start))
        if closing and any(map(open_marks.get, closes)):
            opener = _pop_to(stack, open_marks, closes)
            quotes.append(QuoteMarks(opener.start, opener.end, position, position + len(mark),
                                     opener.depth, True))
        elif can_open:
            stack.append(_Open(mark, position, len(stack)))
            open_marks[mark] = open_marks.get(mark, 0) + 1
    left_open = _outermost_unclosed(stack)
    if left_open is not None:
        quotes.append(QuoteMarks(left_open.start, left_open.end, end, end, 0, False))
    if not quotes:
        return quotes, left_open
    quotes.sort(key=_OPEN_START)
    words = _WordCounts(text, start, end)
    return [q for q in quotes if words.any_in(q.content_start, q.content_end)], left_open


class _WordCounts:
    """Where the runs of letters and digits of a paragraph start, for O(log n) checks
    of whether a stretch holds any (kept as a compact array: one entry per word).

    Most stretches start with a letter, or have one a few characters in; the array is
    made for the first that does not.
    """

    def __init__(self, text: str, start: int, end: int) -> None:
        self.text = text
        self.paragraph = (start, end)
        self.starts: array.array[int] | None = None

    def any_in(self, start: int, end: int) -> bool:
        if start >= end:
            return False
        if self.text[start].isalnum():
            return True
        near = min(end, start + _NEAR_LETTERS)
        if _ALNUM_RUN.search(self.text, start, near) is not None:
            return True  # a mark stands before ``start``: the first found starts a run
        if near == end:
            return False
        if self.starts is None:
            runs = _ALNUM_RUN.finditer(self.text, *self.paragraph)
            self.starts = array.array("q", (m.start() for m in runs))
        index = bisect.bisect_left(self.starts, start)
        return index < len(self.starts) and self.starts[index] < end


def _flanking(text: str, mark: str, position: int, start: int, end: int) -> tuple[bool, bool]:
    before = text[position - 1] if position > start else " "
    after = text[position + len(mark)] if position + len(mark) < end else " "
    can_open = not after.isspace() and (before.isspace() or _is_punctuation(before))
    can_close = not before.isspace() and (after.isspace() or _is_punctuation(after))
    if mark in _SPACED_OPENERS and after.isspace() and position + 2 < end:
        can_open = True
    if mark in _SPACED_CLOSERS and before.isspace() and position > start:
        can_close = True
    return can_open, can_close


def _space_before(text: str, position: int, start: int) -> bool:
    """Whether the mark at ``position`` opens its paragraph or follows white space."""
    return position == start or text[position - 1].isspace()


def _is_possessive(text: str, position: int, end: int) -> bool:
    """``the Clintons’ house``: a plural possessive, not a closing mark."""
    return (
        text[position] in "’'"
        and text[position - 1:position] in ("s", "S")
        and _POSSESSED.match(text, position + 1, end) is not None
    )


def _closes_later(text: str, marks: list[int], index: int) -> bool:
    return any(text[m] in "’'" for m in marks[index + 1:index + 1 + _LOOKAHEAD_MARKS])


def _is_punctuation(char: str) -> bool:
    return unicodedata.category(char)[0] in "PS"


def _is_apostrophe(text: str, position: int, start: int, end: int) -> bool:
    before = text[position - 1] if position > start else " "
    after = text[position + 1] if position + 1 < end else " "
    if before.isalnum() and after.isalnum():
        return True
    if _ROCK_N_ROLL.search(text, max(start, position - 3), position):
        return True
    return not before.isalnum() and _ELISION.match(text, position + 1, end) is not None


def _pop_to(stack: list[_Open], open_marks: dict[str, int], closes: frozenset[str]) -> _Open:
    while True:
        opener = stack.pop()
        open_marks[opener.mark] -= 1
        if opener.mark in closes:
            return opener


def _outermost_unclosed(stack: list[_Open]) -> _Open | None:
    if stack and stack[0].mark not in _SINGLE:
        return stack[0]
    return None


