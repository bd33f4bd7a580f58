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
from typing import Iterable, Iterator

import attrs
import regex

from quoteattr import _lexicons
from quoteattr._text import WORD

_LEFT_WORD = regex.compile(r"(\p{L}+)\s+$")
_INSIDE_A_WORD = regex.compile(  # matched one character before a window edge
    r"[\p{L}\p{M}\p{N}'’.\-][\p{L}\p{M}\p{N}_]|[\p{L}\p{M}\p{N}]['’.\-]\p{L}")
_CUE_MODIFIERS = frozenset(
    "has have had is was were be been will would could should may might must did does do "
    "also later then further previously repeatedly again recently once just often "
    "publicly privately reportedly already earlier still even finally simply flatly "
    "never not initially first now hasn't haven't hadn't didn't doesn't don't won't wouldn't "
    "isn't wasn't weren't can't couldn't".split()
) | frozenset("hasn’t haven’t hadn’t didn’t doesn’t don’t won’t wouldn’t isn’t wasn’t "
              "weren’t can’t couldn’t".split())
_AUXILIARIES = frozenset(
    "has have had is was were be been will would could should may might must did does do "
    "am are".split()
)
_CAPITALISED_MIN_PRECISION = 0.5
_SHORTEST_ADVERB = 4
_SEEN_OFTEN = 20
_MIN_PRECISION = 0.05
_BE = frozenset("is was were be been being am are".split())
_PREPOSITIONS = frozenset(["according", "as", "per"])
_ADJUNCTS = frozenset(["in"])
_NON_CUE_LEFT = frozenset("to of the a an this that these those his her its their our my your".split())


@attrs.frozen
class Cue:
    """A cue at ``[start, end)`` whose head verb (or phrase) is at
    ``[head_start, head_end)``; ``lemma`` names it (``say``, ``according to``)."""

    start: int
    end: int
    head_start: int
    head_end: int
    lemma: str
    precision: float
    phrase: bool
    form: str
    has_auxiliary: bool = False
    passive_auxiliary: bool = False

    @property
    def prepositional(self) -> bool:
        """Whether the source follows the cue (``according to X``)."""
        return self.phrase and self.lemma.split()[0] in _PREPOSITIONS

    @property
    def passive(self) -> bool:
        """Whether the cue is a passive (``was told``, ``is expected``)."""
        return self.has_auxiliary and self.passive_auxiliary and not self.form.endswith("ing")

    @property
    def participle(self) -> bool:
        """Whether the cue is an ``-ing`` form with no auxiliary (``..., only saying``)."""
        return not self.phrase and not self.has_auxiliary and self.form.endswith("ing")


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

    >>> t = "He said it. According to Reuters, she told them."
    >>> [t[c.start:c.end] for c in CueIndex(t).within(12, len(t))]
    ['According to', 'told']
    """

    def __init__(self, text: str) -> None:
        self.text = text
        self._phrases = [(m.start(), m.end(), m.group()) for m in _phrase_pattern().finditer(text)]
        self._phrase_starts = [p[0] for p in self._phrases]
        self._words = list(_verb_words(text, 0, len(text)))
        self._word_starts = [w[0] for w in self._words]

    def within(self, start: int, end: int) -> list[Cue]:
        """The cues of ``text[start:end]``, in text order."""
        if self._cut(start) or self._cut(end):
            return find_cues(self.text, start, end)
        phrases = self._phrases[bisect.bisect_left(self._phrase_starts, start):
                                bisect.bisect_left(self._phrase_starts, end)]
        words = self._words[bisect.bisect_left(self._word_starts, start):
                            bisect.bisect_left(self._word_starts, end)]
        return _cues_in(self.text, start, phrases, words)

    def _cut(self, position: int) -> bool:
        """Whether ``position`` falls inside a word or a cue phrase."""
        text = self.text
        if 0 < position < len(text) and _INSIDE_A_WORD.match(text, position - 1):
            return True
        before = bisect.bisect_left(self._phrase_starts, position) - 1
        return before >= 0 and self._phrases[before][1] > position


def _verb_words(text: str, start: int, end: int) -> Iterator[tuple[int, int, str, _lexicons.VerbForm]]:
    verbs = _lexicons.reporting_verbs()
    for word in WORD.finditer(text, start, end):
        entry = verbs.get(word.group().lower())
        if entry is not None and not _rarely_a_cue(entry):
            yield word.start(), word.end(), word.group(), entry


def _cues_in(
    text: str,
    start: int,
    phrases: Iterable[tuple[int, int, str]],
    words: Iterable[tuple[int, int, str, _lexicons.VerbForm]],
) -> list[Cue]:
    found = [_phrase_cue(*phrase) for phrase in phrases]
    # Phrases come in order and never overlap: only the last to start before a word can hold it.
    starts = [c.start for c in found]
    for word_start, word_end, form, entry in words:
        inside = bisect.bisect_right(starts, word_start) - 1
        if inside >= 0 and word_start < found[inside].end:
            continue
        if form[0].isupper() and (
            entry.precision < _CAPITALISED_MIN_PRECISION
            or not _starts_sentence(text, start, word_start)
        ):
            continue
        if _preceded_by_determiner(text, start, word_start):
            continue
        cue_start = _widen_left(text, start, word_start)
        before = [w.lower() for w in WORD.findall(text, cue_start, word_start)]
        found.append(Cue(cue_start, word_end, word_start, word_end, entry.lemma,
                         entry.precision, False, form.lower(),
                         any(w in _AUXILIARIES for w in before),
                         any(w in _BE for w in before)))
    found.sort(key=lambda c: c.start)
    return found


def _rarely_a_cue(entry: _lexicons.VerbForm) -> bool:
    """A form seen often in news but almost never as a cue (``states``, ``comments``)."""
    return entry.text_count >= _SEEN_OFTEN and entry.precision < _MIN_PRECISION


def _phrase_cue(start: int, end: int, matched: str) -> Cue:
    phrase = " ".join(matched.lower().split())
    return Cue(start, end, start, end, phrase, 1.0, True, phrase)


@functools.cache
def _phrase_pattern() -> regex.Pattern:
    phrases = sorted((p for p in _lexicons.cue_phrases() if p.split()[0] not in _ADJUNCTS),
                     key=len, reverse=True)
    alternatives = "|".join(r"\s+".join(regex.escape(w) for w in p.split()) for p in phrases)
    return regex.compile(rf"\b(?:{alternatives})\b", regex.IGNORECASE)


def _preceded_by_determiner(text: str, start: int, position: int) -> bool:
    left = _LEFT_WORD.search(text, max(start, position - 20), position)
    return left is not None and left.group(1).lower() in _NON_CUE_LEFT


def _starts_sentence(text: str, start: int, position: int) -> bool:
    before = text[max(start, position - 3):position].rstrip()
    return not before or before[-1] in ".!?:;\"“”‘’'\n"


def _widen_left(text: str, start: int, position: int) -> int:
    while True:
        left = _LEFT_WORD.search(text, max(start, position - 20), position)
        if left is None or not _modifies_cue(left.group(1)):
            return position
        position = left.start(1)


def _modifies_cue(word: str) -> bool:
    """Auxiliaries and adverbs that belong to a cue: ``has``, ``also``, ``angrily``."""
    lower = word.lower()
    return lower in _CUE_MODIFIERS or (
        lower.endswith("ly") and len(lower) > _SHORTEST_ADVERB and word.islower())
