"""Reporting cues: ``said``, ``has told``, ``also stressed``, ``according to``.

A cue is a reporting verb from the lexicon, widened to the auxiliaries and
adverbs in front of it (``has said``, ``also said``), or a multi-word cue
phrase (``according to``).

>>> t = "Putin has also said it."
>>> [(t[c.start:c.end], c.lemma) for c in find_cues(t, 0, len(t))]
[('has also said', 'say')]
"""

from __future__ import annotations

import functools

import attrs
import regex

from quoteattr import _lexicons
from quoteattr._text import WORD

_LEFT_WORD = regex.compile(r"(\p{L}+)\s+$")
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
    found = [_phrase_cue(m) for m in _phrase_pattern().finditer(text, start, end)]
    taken = [(c.start, c.end) for c in found]
    verbs = _lexicons.reporting_verbs()
    for word in WORD.finditer(text, start, end):
        entry = verbs.get(word.group().lower())
        if entry is None or any(s <= word.start() < e for s, e in taken) or _rarely_a_cue(entry):
            continue
        if word.group()[0].isupper() and (
            entry.precision < _CAPITALISED_MIN_PRECISION
            or not _starts_sentence(text, start, word.start())
        ):
            continue
        if _preceded_by_determiner(text, start, word.start()):
            continue
        cue_start = _widen_left(text, start, word.start())
        before = [w.lower() for w in WORD.findall(text, cue_start, word.start())]
        found.append(Cue(cue_start, word.end(), word.start(), word.end(), entry.lemma,
                         entry.precision, False, word.group().lower(),
                         any(w in _AUXILIARIES for w in before),
                         any(w in _BE for w in before)))
    found.sort(key=lambda c: c.start)
    return found


def _rarely_a_cue(entry: _lexicons.VerbForm) -> bool:
    """A form seen often in news but almost never as a cue (``states``, ``comments``)."""
    return entry.text_count >= _SEEN_OFTEN and entry.precision < _MIN_PRECISION


def _phrase_cue(match: regex.Match) -> Cue:
    phrase = " ".join(match.group().lower().split())
    return Cue(match.start(), match.end(), match.start(), match.end(), phrase, 1.0, True, phrase)


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
