"""The stance of a reporting cue: what the reporter's verb says about the words reported.

A cue (``said``, ``has repeatedly claimed``, ``pointed out``, ``according to``) is
classed by its head: the first fixed phrase or verb of ``cue_stance.txt`` it holds,
after a small rule-based lemmatiser has mapped inflected forms to their lemma
(``reporting_verbs.txt`` for irregular forms, regular suffix rules for the rest).
The classes and the criteria behind them are in the header of ``cue_stance.txt``.

>>> cue_head("has repeatedly claimed"), cue_stance("has repeatedly claimed")
('claim', 'distancing')
>>> cue_head("pointed out"), cue_stance("said in a statement")
('point out', 'neutral')
"""

from __future__ import annotations

import functools
from collections.abc import Mapping
from types import MappingProxyType
from typing import Iterator

from quoteattr._lexicons import read_lexicon, reporting_verbs

__all__ = ["STANCES", "UNKNOWN", "cue_head", "cue_stance", "stance_lexicon"]

STANCES = (
    "neutral",
    "endorsing",
    "emphatic",
    "distancing",
    "conceding",
    "tentative",
    "contesting",
    "critical",
    "praising",
    "directive",
    "commissive",
    "manner",
    "belief",
)
UNKNOWN = "unknown"

_EDGE_PUNCTUATION = "\"'.,:;!?()[]{}“”‘’«»—–-…"
# (suffix, replacement): denies -> deny, stresses -> stress, notes -> note, posted ->
# post, noted -> note, arguing -> argue; a doubled final consonant is undone too
# (referred -> refer). Irregular forms come from reporting_verbs.txt.
_SUFFIXES = (
    ("ies", "y"), ("ied", "y"), ("es", ""), ("s", ""),
    ("ed", ""), ("d", ""), ("ing", ""), ("ing", "e"),
)
_DOUBLING_SUFFIXES = frozenset({"ed", "ing"})
_CACHE_SIZE = 4096


@functools.cache
def stance_lexicon() -> Mapping[str, str]:
    """Map each entry of ``cue_stance.txt`` (a lemma or a phrase) to its class.

    >>> stance_lexicon()["insist"], stance_lexicon()["according to"]
    ('emphatic', 'neutral')
    """
    return MappingProxyType({entry: stance for entry, stance in read_lexicon("cue_stance")})


def cue_stance(text: str) -> str:
    """Return the stance class of a cue's head, or ``"unknown"`` when none is listed.

    Args:
        text: the text of a cue, e.g. ``"told reporters"``.

    Returns:
        One of :data:`STANCES`, or :data:`UNKNOWN`.

    >>> cue_stance("insisted"), cue_stance("admits"), cue_stance(":")
    ('emphatic', 'conceding', 'unknown')
    """
    head = cue_head(text)
    return UNKNOWN if head is None else stance_lexicon()[head]


@functools.lru_cache(maxsize=_CACHE_SIZE)
def cue_head(text: str) -> str | None:
    """Return the lexicon entry that heads a cue, or ``None`` when it holds none.

    The head is found left to right: at each word, the longest listed phrase that
    starts there (``call for`` before ``call``), else the word's lemma if listed, so
    auxiliaries and adverbs before the verb are passed over (``has also said``).

    >>> cue_head("did not immediately respond"), cue_head("called for"), cue_head("Made it clear")
    ('respond', 'call for', 'made it clear')
    >>> cue_head("in the view of") is None
    True
    """
    lemmas = [tuple(dict.fromkeys(_lemmas(word))) for word in _words(text)]
    entries = stance_lexicon()
    for start, candidates in enumerate(lemmas):
        phrase = _phrase_at(lemmas, start)
        if phrase is not None:
            return phrase
        for lemma in candidates:
            if lemma in entries:
                return lemma
    return None


def _phrase_at(lemmas: list[tuple[str, ...]], start: int) -> str | None:
    """The longest listed phrase whose words are lemmas of the words from ``start`` on."""
    for phrase in _phrases():
        words = phrase.split()
        window = lemmas[start : start + len(words)]
        if len(window) == len(words) and all(w in c for w, c in zip(words, window)):
            return phrase
    return None


@functools.cache
def _phrases() -> tuple[str, ...]:
    """The listed phrases, longest first, so ``make it clear`` wins over shorter ones."""
    phrases = [entry for entry in stance_lexicon() if " " in entry]
    return tuple(sorted(phrases, key=lambda phrase: (-len(phrase.split()), phrase)))


def _words(text: str) -> list[str]:
    words = (word.strip(_EDGE_PUNCTUATION) for word in text.lower().split())
    return [word for word in words if word]


def _lemmas(word: str) -> Iterator[str]:
    """Yield the word and the lemmas it may be a form of, most likely first.

    >>> list(_lemmas("slammed"))[:3], list(_lemmas("said"))
    (['slammed', 'slamm', 'slam'], ['said', 'say', 'sai'])
    """
    yield word
    form = reporting_verbs().get(word)
    if form is not None:
        yield form.lemma
    for suffix, replacement in _SUFFIXES:
        if word.endswith(suffix) and len(word) > len(suffix) + 1:
            stem = word[: -len(suffix)] + replacement
            yield stem
            if suffix in _DOUBLING_SUFFIXES and stem[-1] == stem[-2]:
                yield stem[:-1]
