"""Reporting cues: ``said``, ``has told``, ``also stressed``, ``according to``.

A cue is a reporting verb from the lexicon, widened to the auxiliaries and
adverbs in front of it (``has said``, ``also said``), or a multi-word cue
phrase (``according to``).

>>> t = "Putin has also said it."
>>> [(t[c.start:c.end], c.lemma) for c in find_cues(t, 0, len(t))]
[('has also said', 'say')]
"""

from __future__ import annotations

import bisect
import functools
import itertools
import re
import sys
from typing import Callable, Iterable, Iterator

import regex

from quoteattr import _lexicons
from quoteattr._text import ASCII_LETTERS, PLAIN_ASCII, WORD

# Matched backwards from the end of its window: one attempt, not one per start.
_LEFT_WORD = regex.compile(r"(\p{L}+(?:[’']\p{L}+)?)\s+$", regex.REVERSE)
_NOUN_LEFT = regex.compile(r"(?:[’']s|\b\p{Ll}{3,}(?:al|ial))\s+$", regex.REVERSE)
_MODIFIER_ENDINGS = ("s", "al")  # the last letters of every match of _NOUN_LEFT
# Matched one character before a window edge; a mark that joins the parts of a word
# (``don't``) joins nothing after a character no word holds (an opening ``'I``):
_INSIDE_A_WORD = regex.compile(
    r"(?:[\p{L}\p{M}\p{N}]|(?<=[\p{L}\p{M}\p{N}])['’.\-])[\p{L}\p{M}\p{N}_]"
    r"|[\p{L}\p{M}\p{N}]['’.\-]\p{L}")
# The common characters that no word holds nor joins: beside one, no edge is inside a word.
_OUTSIDE_WORDS = frozenset(" \t\n\r\xa0,;:!?\"“”‘()<>=")
_JOINERS = frozenset("'’.-")  # the marks that join the parts of a word
_CUE_MODIFIERS = frozenset(
    "has have had is was were be been will would could should may might must did does do "
    "also later then further previously repeatedly again recently once just often "
    "publicly privately reportedly already earlier still even finally simply flatly "
    "never not initially first now hasn't haven't hadn't didn't doesn't don't won't wouldn't "
    "isn't wasn't weren't can't couldn't".split()
) | frozenset("hasn’t haven’t hadn’t didn’t doesn’t don’t won’t wouldn’t isn’t wasn’t "
              "weren’t can’t couldn’t".split())
# Words that modify a cue only in lower case: ``have both argued``, not ``Both said``.
_LOWER_CUE_MODIFIERS = frozenset("long since both only".split())
_AUXILIARIES = frozenset(
    "has have had is was were be been will would could should may might must did does do "
    "am are".split()
)
_UNKNOWN = (None, False, False)
_INNER_WORD = regex.compile(r"(?<=\W)\p{L}")
# Runs of the letters that regex's IGNORECASE equates with ASCII ones, in lowercased text
# (a plain character class, which the standard library's re splits on twice as fast):
_LETTER_RUN = re.compile("([a-z\u017f]+)")
# A character that is not, and does not lowercase to, one of those letters; and how many
# characters are lowercased and split at a time, which bounds the memory of the scan.
_RUN_BREAK = re.compile("[^A-Za-z\u0130\u017f\u212a]")
_BLOCK = 1 << 16
# Bytes with every ASCII letter made lowercase and every other byte a space:
_LETTERS_ONLY = bytes(byte if 0x61 <= byte <= 0x7A else byte + 0x20 if 0x41 <= byte <= 0x5A
                      else 0x20 for byte in range(256))
# Before ``position``, a word that runs on into it: a letter, then marks and digits,
# then at most one of the characters that join the parts of a word.
_WORD_CONTINUES = regex.compile(r"(?<=\p{L}[\p{M}\p{N}]*['’.\-]?)")
# The letters that regex's IGNORECASE equates with ASCII ones, mapped to them:
_ASCII_CASE_TWINS = str.maketrans("İſ\u212a", "isk")
_CAPITALISED_MIN_PRECISION = 0.5
_SHORTEST_ADVERB = 4
NOT_ADVERBS = frozenset(  # words in -ly that are nouns or adjectives before a verb
    "family families rally ally assembly supply anomaly monopoly bully daily weekly monthly "
    "elderly friendly lonely holy ugly silly italy".split())
_SEEN_OFTEN = 20
_LOOK_LEFT = 20  # characters read left of a verb for the words before it
_MIN_PRECISION = 0.05
_BE = frozenset("is was were be been being am are".split())
_PREPOSITIONS = frozenset(["according", "as", "per"])
_ADJUNCTS = frozenset(["in"])
# Before a noun, not a verb (``that`` may open a relative clause: ``groups that oppose``).
_DETERMINERS = frozenset("the a an this these those his her its their our my your".split())
_NON_CUE_LEFT = _DETERMINERS | {"to", "of", "that"}


_VerbWord = tuple[int, int, str, _lexicons.VerbForm]


class Cue:
    """A cue at ``[start, end)`` whose head verb (or phrase) is at
    ``[head_start, head_end)``; ``lemma`` names it (``say``, ``according to``).

    Read-only once made; equal and hashed by its fields (not the three read from them).
    A plain slotted class: some 30 are made per text, and an attrs one cost four times as much.

    >>> Cue(3, 7, 3, 7, "say", 0.9, False, "said")
    Cue(start=3, end=7, head_start=3, head_end=7, lemma='say', precision=0.9, phrase=False, \
form='said', has_auxiliary=False, passive_auxiliary=False)
    """

    __slots__ = ("start", "end", "head_start", "head_end", "lemma", "precision", "phrase",
                 "form", "has_auxiliary", "passive_auxiliary", "prepositional", "passive",
                 "participle")
    start: int
    end: int
    head_start: int
    head_end: int
    lemma: str
    precision: float
    phrase: bool
    form: str  # recurs: one string per word form
    has_auxiliary: bool
    passive_auxiliary: bool
    # Read by every rule, so worked out once, when the cue is made:
    #: Whether the source follows the cue (``according to X``).
    prepositional: bool
    #: Whether the cue is a passive (``was told``, ``is expected``; not ``is calling for``).
    passive: bool
    #: Whether the cue is an ``-ing`` form with no auxiliary (``..., only saying``,
    #: ``..., calling on``).
    participle: bool

    def __init__(self, start: int, end: int, head_start: int, head_end: int, lemma: str,
                 precision: float, phrase: bool, form: str, has_auxiliary: bool = False,
                 passive_auxiliary: bool = False) -> None:
        self.start = start
        self.end = end
        self.head_start = head_start
        self.head_end = head_end
        self.lemma = lemma
        self.precision = precision
        self.phrase = phrase
        self.form = sys.intern(form)
        self.has_auxiliary = has_auxiliary
        self.passive_auxiliary = passive_auxiliary
        prepositional = phrase and lemma.split()[0] in _PREPOSITIONS
        ing = form.partition(" ")[0].endswith("ing")
        self.prepositional = prepositional
        self.passive = has_auxiliary and passive_auxiliary and not ing
        self.participle = not has_auxiliary and not prepositional and ing

    def _fields(self) -> tuple:
        return (self.start, self.end, self.head_start, self.head_end, self.lemma,
                self.precision, self.phrase, self.form, self.has_auxiliary,
                self.passive_auxiliary)

    def __eq__(self, other: object) -> bool:
        if other.__class__ is not self.__class__:
            return NotImplemented
        return self._fields() == other._fields()  # type: ignore[attr-defined]

    def __hash__(self) -> int:
        return hash(self._fields())

    def __repr__(self) -> str:
        names = self.__slots__[:10]
        return f"Cue({', '.join(f'{name}={getattr(self, name)!r}' for name in names)})"


def find_cues(text: str, start: int, end: int) -> list[Cue]:
    """Every cue in ``text[start:end]``, in text order.

    >>> t = "According to Reuters, he told reporters."
    >>> [t[c.start:c.end] for c in find_cues(t, 0, len(t))]
    ['According to', 'told']
    """
    phrases = [(m.start(), m.end(), m.group()) for m in _phrase_pattern().finditer(text, start, end)]
    return _cues_in(text, start, phrases, _verb_words(text, start, end))


class CueIndex:
    """The cue candidates of one text, found in a single pass, so that the cues of
    any window cost only the candidates inside it.

    ``within(start, end)`` equals ``find_cues(text, start, end)``; a window whose edge
    cuts a word or a cue phrase is scanned afresh, as ``find_cues`` would.
    ``stance_starts`` holds the places where a stance verb (``stance_verbs.txt``) may
    start, found in the same pass, or is ``None``: anywhere.

    >>> t = "He said it. According to Reuters, she told them."
    >>> [t[c.start:c.end] for c in CueIndex(t).within(12, len(t))]
    ['According to', 'told']
    """

    def __init__(self, text: str) -> None:
        self.text = text
        self._words, phrase_starts, self.stance_starts = _scan_words(text)
        self._phrases = _phrases_from(text, phrase_starts)
        self._phrase_starts = [p[0] for p in self._phrases]
        self._word_starts = [w[0] for w in self._words]
        self._word_cues: dict[int, Cue | None] = {}

    def within(self, start: int, end: int) -> list[Cue]:
        """The cues of ``text[start:end]``, in text order."""
        phrases = self._phrases
        first = last = 0  # no phrases: no need to bisect their starts
        if phrases:
            first = bisect.bisect_left(self._phrase_starts, start)
            last = bisect.bisect_left(self._phrase_starts, end, first)
        text = self.text
        # ``self._cuts(start, first, end, last)``, written out: most windows are read here.
        if (0 < start < len(text) and text[start - 1] not in _OUTSIDE_WORDS
                and text[start] not in _OUTSIDE_WORDS
                and _joins_inside(text, start)
                or first > 0 and phrases[first - 1][1] > start
                or 0 < end < len(text) and text[end - 1] not in _OUTSIDE_WORDS
                and text[end] not in _OUTSIDE_WORDS
                and _joins_inside(text, end)
                or last > 0 and phrases[last - 1][1] > end):
            return find_cues(text, start, end)
        word_starts = self._word_starts
        low = bisect.bisect_left(word_starts, start)
        high = bisect.bisect_left(word_starts, end, low)
        if low == high and first == last:
            return []
        return _cues_in(text, start, phrases[first:last], self._words[low:high], self._word_cue)

    def _word_cue(self, text: str, start: int, word: _VerbWord) -> Cue | None:
        """:func:`_word_cue`, read once for all the windows that start far enough left of
        the cue (``_LOOK_LEFT`` characters) that their start does not change it."""
        if start > word[0] - _LOOK_LEFT:
            return _word_cue(text, start, word)
        if word[0] not in self._word_cues:
            self._word_cues[word[0]] = _word_cue(text, 0, word)
        cue = self._word_cues[word[0]]
        if cue is not None and start > cue.start - _LOOK_LEFT:
            return _word_cue(text, start, word)
        return cue

    def may_hold(self, start: int, end: int, wanted: Callable[[str, float], bool]) -> bool:
        """Whether ``within(start, end)`` may hold a cue whose lemma and precision
        ``wanted`` accepts: ``False`` only if no verb in the window has them, and the
        window holds no cue phrase nor cuts a word or phrase (its cues are then some of
        those verbs'), without making its cues.

        >>> index = CueIndex("He said it. They chatted.")
        >>> [index.may_hold(0, 11, lambda lemma, _: lemma == "say"),
        ...  index.may_hold(12, 25, lambda lemma, _: lemma == "say")]
        [True, False]
        """
        first = bisect.bisect_left(self._phrase_starts, start)
        last = bisect.bisect_left(self._phrase_starts, end, first)
        if first < last or self._cuts(start, first, end, last):
            return True
        words = self._words
        low = bisect.bisect_left(self._word_starts, start)
        for index in range(low, bisect.bisect_left(self._word_starts, end, low)):
            entry = words[index][3]
            if wanted(entry.lemma, entry.precision):
                return True
        return False

    def _cuts(self, start: int, first: int, end: int, last: int) -> bool:
        """Whether ``start`` or ``end`` falls inside a word or a cue phrase; ``first`` and
        ``last`` are the indices of the first phrases that start at or after each."""
        text = self.text
        phrases = self._phrases
        return (0 < start < len(text) and text[start - 1] not in _OUTSIDE_WORDS
                and text[start] not in _OUTSIDE_WORDS and _joins_inside(text, start)
                or first > 0 and phrases[first - 1][1] > start
                or 0 < end < len(text) and text[end - 1] not in _OUTSIDE_WORDS
                and text[end] not in _OUTSIDE_WORDS and _joins_inside(text, end)
                or last > 0 and phrases[last - 1][1] > end)


def _joins_inside(text: str, position: int) -> bool:
    """Whether ``_INSIDE_A_WORD`` matches one character before ``position`` (``0 <
    position < len(text)``); a joining mark at ``position`` before a character that no
    word holds nor joins, or the end (``said.\n``), is read without the regex: no
    letter follows the mark.

    >>> _joins_inside("U.S. said.", 2), _joins_inside("U.S. said.", 9)
    (True, False)
    """
    if text[position] in _JOINERS and (
            position + 1 == len(text) or text[position + 1] in _OUTSIDE_WORDS):
        return False
    return _INSIDE_A_WORD.match(text, position - 1) is not None


def _scan_words(text: str) -> tuple[list[_VerbWord], list[int] | None, list[int] | None]:
    """The reporting verbs of ``text``, the places where a cue phrase may start
    (``None``: anywhere, when the phrases' first words are not all plain letters) and
    those where a stance verb may (``None``: anywhere, for a text read word by word or
    holding a long s).

    The known words are plain letters, so only the runs of letters that regex's
    IGNORECASE equates with ASCII ones are looked up, in bulk, in the lowercased text;
    a run is a verb when it is also a whole word. A phrase starts at a word boundary
    with its first word, so at such a run: one whose lower case opens a phrase. The
    text is read in blocks (:func:`_blocks`), so that only one block's runs are held
    at a time. A stance verb is a whole word too, so it starts a run.
    """
    if not _known_words_are_letters():
        return _scan_each_word(text)
    openers = _phrase_openers() or frozenset()
    words = []
    starts: list[int] = []
    stances: list[int] | None = []
    length = len(text)
    for offset, block in _blocks(text):
        lowered = _lowered(block)
        if len(lowered) != len(block):
            return _scan_each_word(text)  # İ lowercases to two characters
        if "ſ" in lowered:
            stances = None  # IGNORECASE reads ſ as s: a stance verb may hold one
        for start, end, entry, opens, stance in _known_runs(lowered, openers, offset):
            if opens and _may_open_a_phrase(text, end, lowered[start - offset:end - offset]):
                starts.append(start)
            if stance and stances is not None:
                stances.append(start)
            if entry is not None and (  # _is_whole_word: its white-space case, written out
                    (start == 0 or text[start - 1].isspace())
                    and (end == length or text[end].isspace())
                    or _is_whole_word(text, start, end)):
                words.append((start, end, sys.intern(text[start:end]), entry))
    return words, starts if openers else None, stances


def _may_open_a_phrase(text: str, end: int, word: str) -> bool:
    """Whether a cue phrase may start with ``word``, a run of letters of ``text`` ending
    at ``end`` whose lower case opens a phrase: as the phrase pattern reads it, not when
    a plain character (of ``PLAIN_ASCII``) follows ``word``, nor when one space then a
    plain character that opens no second word after ``word`` do.

    >>> t = "He said, then said in public and said so."
    >>> [_may_open_a_phrase(t, end, "said") for end in (7, 18, 37)]
    [False, True, False]
    """
    seconds = _second_letters().get(word.lower())
    if seconds is None:
        return True  # not one of the words _second_letters reads
    after = text[end:end + 1]
    if after != " ":
        return bool(after) and after not in PLAIN_ASCII
    following = text[end + 1:end + 2]
    return following not in PLAIN_ASCII or following.lower() in seconds


@functools.cache
def _second_letters() -> dict[str, frozenset[str]]:
    """The first characters of the second words of the cue phrases, in lower case, by
    the phrases' first word; a word that is a phrase of its own is left out (anything
    may follow it). Some forty entries of a few characters each."""
    seconds: dict[str, set[str]] = {}
    alone = set()
    for phrase in _phrases():
        first, *rest = phrase.split()
        if rest:
            seconds.setdefault(first, set()).add(rest[0][0].lower())
        else:
            alone.add(first)
    return {first: frozenset(letters) for first, letters in seconds.items()
            if first not in alone}


def _lowered(block: str) -> str:
    """``block.lower()`` as :func:`_known_runs` reads it: ``block`` itself unless it holds
    one of the three characters whose lower case is ASCII, a long s or two characters
    (İ, ſ, the Kelvin sign); lowering every character costs more than the rest of the scan.

    >>> _lowered("He SAID"), _lowered("\u212aELLY")
    ('He SAID', 'kelly')
    """
    if "\u0130" in block or "ſ" in block or "\u212a" in block:
        return block.lower()
    return block


def _blocks(text: str) -> Iterator[tuple[int, str]]:
    """``text`` in blocks of about ``_BLOCK`` characters, each with its offset, cut before
    a character that no run of ``_LETTER_RUN`` holds in any case: a run found in a
    block is a run of the whole text.

    >>> list(_blocks("ab cd"))
    [(0, 'ab cd')]
    """
    start = 0
    while start < len(text):
        cut = _RUN_BREAK.search(text, start + _BLOCK)
        end = len(text) if cut is None else cut.start()
        yield start, text[start:end]
        start = end


def _known_runs(
    lowered: str, openers: frozenset[str], offset: int = 0
) -> Iterator[tuple[int, int, _lexicons.VerbForm | None, bool, bool]]:
    """The runs of letters in ``lowered`` that are known words, or that open a phrase
    once their letters are read as ASCII: each with its offsets (``lowered`` starting
    at ``offset``), its verb entry, whether it opens a phrase and whether it is a stance
    verb, in text order. ``lowered`` is in lower case but for ASCII capitals, which
    are read as lowercase (see :func:`_lowered`).

    Without a long s, the runs are of ASCII letters: they are read from the text as
    bytes, lowercase, every other character a space, which splits and searches faster
    than text. A known run is found again as itself between two spaces, after the one
    before it.

    >>> [(start, end) for start, end, *_ in _known_runs("he said, unsaid", frozenset())]
    [(3, 7)]
    """
    if "ſ" in lowered:
        yield from _known_runs_of_any_letters(lowered, openers, offset)
        return
    known = _known_ascii_words()
    spaced = b" " + lowered.encode("ascii", "replace").translate(_LETTERS_ONLY) + b" "
    after = 0
    for entry, opens, stance, spaced_run, length in filter(None, map(known.get, spaced.split())):
        start = spaced.find(spaced_run, after)  # the space before lowered[start]
        yield offset + start, offset + start + length, entry, opens, stance
        after = start + length + 1


@functools.cache
def _known_ascii_words() -> dict[bytes, tuple[_lexicons.VerbForm | None, bool, bool, bytes, int]]:
    """The known words in ASCII, as bytes, each with what :func:`_known_words` holds for it,
    itself between two spaces, as :func:`_known_runs` looks for it, and its length."""
    return {word.encode(): (*found, f" {word} ".encode(), len(word))
            for word, found in _known_words().items() if word.isascii()}


def _known_runs_of_any_letters(
    lowered: str, openers: frozenset[str], offset: int
) -> Iterator[tuple[int, int, _lexicons.VerbForm | None, bool, bool]]:
    """:func:`_known_runs` by splitting ``lowered`` into its runs, for runs that may
    hold a long s."""
    known = _known_words()
    pieces = _LETTER_RUN.split(lowered)  # text between runs, run, text between runs, ...
    runs = pieces[1::2]
    found = list(itertools.compress(itertools.count(), map(known.__contains__, runs)))
    found = sorted({*found, *(index for index, run in enumerate(runs)
                             if run.translate(_ASCII_CASE_TWINS) in openers)})
    end, counted = offset, 0
    for index in found:
        run = runs[index]
        end += sum(map(len, pieces[counted:2 * index + 2]))
        counted = 2 * index + 2
        entry, opens, stance = known.get(run, _UNKNOWN)
        yield end - len(run), end, entry, opens or (
            not run.isascii() and run.translate(_ASCII_CASE_TWINS) in openers), stance


def _is_whole_word(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]``, a run of letters, is a whole word, as ``WORD`` scanning
    the text finds it.

    >>> _is_whole_word("He said. Now", 3, 7), _is_whole_word("U.S.said", 4, 8)
    (True, False)
    """
    if _outside_words(text, start - 1) and (_outside_words(text, end) or text[end] == "." and (
            _outside_words(text, end + 1))):
        return True  # no word holds those characters, nor a full stop before one
    if _WORD_CONTINUES.match(text, start) is not None:
        return False
    word = WORD.match(text, start)
    return word is not None and word.end() == end


def _outside_words(text: str, position: int) -> bool:
    """Whether ``position`` is outside ``text`` or holds white space or a common character
    that no word holds nor joins (of ``_OUTSIDE_WORDS``)."""
    return not 0 <= position < len(text) or text[position] in _OUTSIDE_WORDS or text[
        position].isspace()


def _scan_each_word(text: str) -> tuple[list[_VerbWord], list[int] | None, None]:
    """:func:`_scan_words` word by word, for a text whose lower case changes its length.

    A phrase starts at a word boundary with its first word: at the start of a word
    whose lower case is a first word, or inside a word after a character that is not
    a word character (``re-said``, ``x²said``).
    """
    known = _known_words()
    openers = _phrase_openers() or frozenset()
    words = []
    starts: list[int] = []
    for word in WORD.finditer(text):
        form = word.group()
        entry, opens, _ = known.get(form.lower(), _UNKNOWN)
        if entry is not None:
            words.append((word.start(), word.end(), sys.intern(form), entry))
        if opens or (not form.isascii()
                     and form.translate(_ASCII_CASE_TWINS).lower() in openers):
            starts.append(word.start())
        if not form.isalpha():
            inner = _INNER_WORD.finditer(text, word.start() + 1, word.end())
            starts.extend(match.start() for match in inner)
    return words, starts if openers else None, None


@functools.cache
def _known_words() -> dict[str, tuple[_lexicons.VerbForm | None, bool, bool]]:
    """Each lowercase word that is a reporting verb used as a cue, that opens a cue
    phrase or that is a stance verb: its verb entry (or ``None``), whether it opens a
    phrase and whether it is a stance verb."""
    openers = _phrase_openers() or frozenset()
    stances = _lexicons.stance_verbs().keys()
    verbs = {form: entry for form, entry in _lexicons.reporting_verbs().items()
             if not _rarely_a_cue(entry)}
    return {word: (verbs.get(word), word in openers, word in stances)
            for word in verbs.keys() | openers | stances}


@functools.cache
def _known_words_are_letters() -> bool:
    """Whether every known word is made of the letters ``_LETTER_RUN`` finds."""
    return all(_LETTER_RUN.fullmatch(word) for word in _known_words())


def _phrases_from(text: str, starts: list[int] | None) -> list[tuple[int, int, str]]:
    """The cue phrases of ``text`` as ``finditer`` finds them, trying only ``starts``."""
    pattern = _phrase_pattern()
    if starts is None:
        return [(m.start(), m.end(), m.group()) for m in pattern.finditer(text)]
    found = []
    end = 0
    for start in starts:
        if start < end:
            continue
        match = pattern.match(text, start)
        if match is not None:
            found.append((start, match.end(), match.group()))
            end = match.end()
    return found


def _verb_words(text: str, start: int, end: int) -> Iterator[_VerbWord]:
    verbs = _lexicons.reporting_verbs()
    for word in WORD.finditer(text, start, end):
        entry = verbs.get(word.group().lower())
        if entry is not None and not _rarely_a_cue(entry):
            yield word.start(), word.end(), word.group(), entry


def _word_cue(text: str, start: int, word: _VerbWord) -> Cue | None:
    """The cue of a verb ``word`` in a window from ``start``, or ``None`` where the words
    before it say it is no cue (``the report``, ``to say``). The window's start matters
    only when it is less than ``_LOOK_LEFT`` characters left of the cue.

    >>> t = "He has said it."
    >>> _word_cue(t, 0, (7, 11, "said", _lexicons.reporting_verbs()["said"])).start
    3
    """
    word_start, word_end, form, entry = word
    if form[0].isupper() and (
        entry.precision < _CAPITALISED_MIN_PRECISION
        or not _starts_sentence(text, start, word_start)
    ):
        return None
    left = _word_before(text, start, word_start)
    if left is not None and (left[1].lower() in _NON_CUE_LEFT or (
            _may_modify_a_noun(left[1]) and _could_be_a_noun(form, entry)
            and _after_a_modifier(text, start, word_start))):
        return None
    if left is None or not _modifies_cue(left[1]):  # as _widen_left reads it: no modifier
        return Cue(word_start, word_end, word_start, word_end, entry.lemma, entry.precision,
                   False, form.lower())
    cue_start, modifiers = _widen_left(text, start, word_start, left)
    return Cue(cue_start, word_end, word_start, word_end, entry.lemma,
               entry.precision, False, form.lower(), *_auxiliaries(modifiers))


def widened_cue(text: str, start: int, head_start: int, head_end: int, lemma: str,
                 precision: float) -> Cue:
    """The cue of a verb at ``[head_start, head_end)`` that no reporting-verb entry reads
    (a stance verb), widened to the auxiliaries and adverbs before it as a reporting
    verb's is, within a window from ``start``.

    >>> t = "Lee has also endorsed Ruiz."
    >>> c = widened_cue(t, 0, 13, 21, "endorse", 0.75)
    >>> t[c.start:c.end], c.has_auxiliary
    ('has also endorsed', True)
    """
    cue_start, modifiers = _widen_left(text, start, head_start,
                                       _word_before(text, start, head_start))
    return Cue(cue_start, head_end, head_start, head_end, lemma, precision, False,
               text[head_start:head_end].lower(), *_auxiliaries(modifiers))


def reads_as_noun(text: str, start: int, head_start: int, head_end: int, lemma: str) -> bool:
    """Whether the words before the verb form at ``[head_start, head_end)`` (of ``lemma``),
    within a window from ``start``, make it a noun: a determiner (``the support``,
    ``their support``), or, for a base or -s form, a possessive or adjective (``Lee's
    support``, ``national support``).

    >>> t = "Her support grew. They support Lee."
    >>> reads_as_noun(t, 0, 4, 11, "support"), reads_as_noun(t, 0, 23, 30, "support")
    (True, False)
    """
    left = _word_before(text, start, head_start)
    if left is None:
        return False  # no determiner, nor a modifier (see _may_modify_a_noun)
    if left[1].lower() in _DETERMINERS:
        return True
    return _may_modify_a_noun(left[1]) and text[head_start:head_end].lower() in (
        lemma, f"{lemma}s") and _after_a_modifier(text, start, head_start)


def _cues_in(
    text: str,
    start: int,
    phrases: list[tuple[int, int, str]],
    words: Iterable[_VerbWord],
    word_cue: Callable[[str, int, _VerbWord], Cue | None] = _word_cue,
) -> list[Cue]:
    """The cues of a window from ``start``: its ``phrases``, and those of its verb
    ``words`` that no phrase holds, in text order; ``word_cue`` reads a word's cue."""
    found = [_phrase_cue(text, start, *phrase) for phrase in phrases] if phrases else []
    # Phrases come in order and never overlap: only the last to start before a word can hold it.
    starts = [c.start for c in found] if found else []
    for word in words:
        if starts:
            inside = bisect.bisect_right(starts, word[0]) - 1
            if inside >= 0 and word[0] < found[inside].end:
                continue
        cue = word_cue(text, start, word)
        if cue is not None:
            found.append(cue)
    if len(found) > 1:
        found.sort(key=_start_of)
    return found


def _start_of(cue: Cue) -> int:
    return cue.start


def _rarely_a_cue(entry: _lexicons.VerbForm) -> bool:
    """A form seen often in news but almost never as a cue (``states``, ``comments``)."""
    return entry.text_count >= _SEEN_OFTEN and entry.precision < _MIN_PRECISION


def _phrase_cue(text: str, limit: int, start: int, end: int, matched: str) -> Cue:
    """The cue of a phrase from the lexicon, widened to its auxiliaries and adverbs
    (``has pointed out``) as a verb's is."""
    phrase = " ".join(matched.lower().split())
    cue_start, modifiers = _widen_left(text, limit, start, _word_before(text, limit, start))
    return Cue(cue_start, end, start, end, phrase, 1.0, True, phrase, *_auxiliaries(modifiers))


def _auxiliaries(modifiers: list[str]) -> tuple[bool, bool]:
    """Whether the lowercase words a cue was widened over hold an auxiliary, and whether
    they hold a form of ``be`` (``was told``)."""
    return not _AUXILIARIES.isdisjoint(modifiers), not _BE.isdisjoint(modifiers)


def _phrases() -> list[str]:
    return sorted((p for p in _lexicons.cue_phrases() if p.split()[0] not in _ADJUNCTS),
                  key=len, reverse=True)


@functools.cache
def _phrase_openers() -> frozenset[str] | None:
    """The first words of the cue phrases, if all are ASCII letters, else ``None``."""
    openers = frozenset(p.split()[0] for p in _phrases())
    return openers if all(w.isascii() and w.isalpha() for w in openers) else None


@functools.cache
def _phrase_pattern() -> regex.Pattern:
    phrases = _phrases()
    alternatives = "|".join(r"\s+".join(regex.escape(w) for w in p.split()) for p in phrases)
    return regex.compile(rf"\b(?:{alternatives})\b", regex.IGNORECASE)


def _could_be_a_noun(form: str, entry: _lexicons.VerbForm) -> bool:
    """``report``, ``remarks``: a base or -s form, which may be a noun."""
    lower = form.lower()
    return lower == entry.lemma or lower == f"{entry.lemma}s"


def _after_a_modifier(text: str, start: int, position: int) -> bool:
    """``Trump's remarks``, ``the congressional report``: a possessive or adjective before."""
    return _NOUN_LEFT.match(text, max(start, position - _LOOK_LEFT), position) is not None


def _may_modify_a_noun(left: str) -> bool:
    """``False`` when the word before a position (as ``_word_before`` finds it) rules out
    :func:`_after_a_modifier` there without the regex: a match of ``_NOUN_LEFT`` ends
    with the last letters of that word, ``s`` or ``al`` (and with no word before, it
    has no match).

    >>> _may_modify_a_noun("Trump’s"), _may_modify_a_noun("they")
    (True, False)
    """
    return left.endswith(_MODIFIER_ENDINGS)


def _word_before(text: str, start: int, position: int) -> tuple[int, str] | None:
    """The start of the word right before ``position`` and the white space there, within
    ``_LOOK_LEFT`` characters, and the word (as ``_LEFT_WORD`` finds them); an ASCII word
    before spaces is read without the regex, and so is a plain character before them.

    >>> _word_before("He has said", 0, 7), _word_before("He, said", 0, 4)
    ((3, 'has'), None)
    """
    low = max(start, position - _LOOK_LEFT)
    at = position - 1
    while at >= low and text[at] == " ":
        at -= 1
    if 0 <= low <= at < len(text):
        char = text[at]
        if char in ASCII_LETTERS and at < position - 1:
            first = max(low, text.rfind(" ", low, at) + 1)
            word = text[first:at + 1]
            if word.isascii() and word.isalpha():
                return first, word  # as the loop below reads letters after a space
            first = at
            while first > low and text[first - 1] in ASCII_LETTERS:
                first -= 1
            if first == low or text[first - 1] < "\x80" and text[first - 1] != "'":
                return first, text[first:at + 1]
        elif char in PLAIN_ASCII:
            return None  # a letter, or white space, must come before the spaces
    left = _LEFT_WORD.match(text, low, position)
    return None if left is None else (left.start(1), left.group(1))


def _starts_sentence(text: str, start: int, position: int) -> bool:
    before = text[max(start, position - 3):position].rstrip()
    return not before or before[-1] in ".!?:;\"“”‘’'\n"


def _widen_left(
    text: str, start: int, position: int, left: tuple[int, str] | None
) -> tuple[int, list[str]]:
    """Where the cue at ``position`` starts, once the modifiers before it are taken in, and
    those modifiers in lower case; ``left`` is the word before it, as ``_word_before``
    finds it."""
    modifiers = []
    while left is not None and _modifies_cue(left[1]):
        modifiers.append(left[1].lower())
        position = left[0]
        left = _word_before(text, start, position)
    return position, modifiers


def _modifies_cue(word: str) -> bool:
    """Auxiliaries and adverbs that belong to a cue: ``has``, ``also``, ``angrily``."""
    lower = word.lower()
    return lower in _CUE_MODIFIERS or word in _LOWER_CUE_MODIFIERS or (
        lower.endswith("ly") and len(lower) > _SHORTEST_ADVERB and word.islower()
        and lower not in NOT_ADVERBS)
