"""Where the source of a cue stands: before it, after it, or further off.

``X said``, ``said X``, ``according to X``, ``X (D-Ill.), noting ..., said``
and ``X praised it, saying ...`` each put the source somewhere else; these
functions find it for the attribution stages.

>>> from quoteattr._cues import find_cues
>>> t = "Sen. Ann Lee, speaking late, said"
>>> source_of(t, 0, find_cues(t, 0, len(t))[-1], len(t), invert=False).name
'Ann Lee'
"""

from __future__ import annotations

import regex

from quoteattr import _lexicons
from quoteattr._cues import Cue
from quoteattr._text import WEEKDAY
from quoteattr._mentions import Mention, phrase_reach, source_after, source_before, tag_phrase

_COORDINATED = regex.compile(r"\b(?:and|but)\s+$")
_ASIDE_OPENING = regex.compile(
    r",\s*(?:who|which|whose|where|\p{L}+ing|\p{Ll}+ed|\d+)\b[^,;:\"“”]{0,120},\s*$",
    regex.IGNORECASE,
)
_ASIDE = regex.compile(r"(?:\s*\([^()]{1,30}\))?(?:,[^,;:\"“”()]{1,120}){1,3},\s*$")
_DATELINE = regex.compile(r"\s*\p{Lu}[\p{L}\p{N} .,]{0,40}(?:\([^()]{1,30}\))?\s*[-–—]+\s*")
_REACH = 300
_TIME_BEFORE = regex.compile(
    rf"(?:\s+(?:on|late|early|later|earlier|last|this)?\s*(?:{WEEKDAY}|"
    r"yesterday|today|tonight|week|month|year|morning|afternoon|evening|night))+\s*$",
    regex.IGNORECASE,
)
_ACCORDING_TO = regex.compile(r"\baccording\s+to\s+", regex.IGNORECASE)
_PHRASE_END = regex.compile(r"[,.;:!?()\"“”]|\s(?:who|which|that|in|at|on|during|after|before)\s")


def source_of(
    text: str, start: int, cue: Cue, end: int, *, invert: bool, previous: Mention | None = None
) -> Mention | None:
    """The source of ``cue`` within ``text[start:end]``.

    ``invert`` allows ``said X``; ``previous`` is the source already found in
    the sentence, which a coordinated or participle cue shares.
    """
    if cue.prepositional:
        return source_after(text, cue.end, end)
    start = max(start, cue.start - _REACH)
    if _COORDINATED.search(text, start, cue.start) or (
        cue.participle and text[start:cue.start].rstrip().endswith(",")
    ):
        return previous or sentence_subject(text, start, cue)
    if text[start:cue.start].rstrip().endswith(","):
        subject = subject_before_aside(text, start, cue)
        if subject is not None and subject.form == "name":
            return subject
    if _ASIDE_OPENING.search(text, start, cue.start):
        subject = subject_before_aside(text, start, cue)
        if subject is not None:
            return subject
    timed = _TIME_BEFORE.search(text, start, cue.start)
    before = source_before(text, start, timed.start() if timed else cue.start)
    if before is not None and before.end >= (timed.start() if timed else cue.start) - 3:
        return before
    if invert and not cue.participle and cue.lemma in _lexicons.inverting_verbs():
        inverted = source_after(text, cue.end, end)
        if inverted is not None:
            return inverted
    return subject_before_aside(text, start, cue)


def relay_in(text: str, start: int, end: int) -> Mention | None:
    """The reporter named by ``according to X`` in ``text[start:end]``, if any.

    >>> t = "the president stressed, according to Itar Tass."
    >>> relay_in(t, 0, len(t)).name
    'Itar Tass'
    """
    according = _ACCORDING_TO.search(text, start, end)
    if according is None:
        return None
    return source_after(text, according.end(), end) or phrase_after(text, according.end(), end)


def is_dateline(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` is a dateline (``MOSCOW (Reuters) -``).

    >>> is_dateline("NIZHNY NOVGOROD- Putin said", 0, 17)
    True
    """
    return _DATELINE.fullmatch(text, start, end) is not None


def is_aside(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` is a comma-fenced aside (``, a former aide,``).

    >>> is_aside("Smith, a former aide, said", 5, 21)
    True
    """
    return _ASIDE.fullmatch(text, start, end) is not None


def inverted_phrase(text: str, cue: Cue, start: int, end: int) -> Mention | None:
    """``"...," said the designer, who ...``: the phrase after an inverting verb.

    ``start`` is where the tag begins: the cue must come first in it.
    """
    if text[start:cue.start].strip(" ,\t") or cue.lemma not in _lexicons.inverting_verbs():
        return None
    return phrase_after(text, cue.end, end)


def phrase_after(text: str, position: int, end: int) -> Mention | None:
    """The short noun phrase starting at ``position``, up to punctuation or a clause.

    >>> phrase_after("the designer, who works", 0, 23).head
    'designer'
    """
    stop = _PHRASE_END.search(text, position, phrase_reach(text, position, end))
    return tag_phrase(text, position, stop.start() if stop else end)


def sentence_subject(text: str, start: int, cue: Cue) -> Mention | None:
    """``Smith praised the plan, saying that ...``: the subject of the clause."""
    dateline = _DATELINE.match(text, start, cue.start)
    start = dateline.end() if dateline else start
    subject = source_after(text, start, cue.start)
    comma = text.find(",", start, cue.start)
    if subject is None and 0 <= comma < cue.start - 2:
        start = comma + 1
        subject = source_after(text, start, cue.start)
    if subject is None or text[start:subject.start].strip(" ,\"“”"):
        return None
    return subject


def subject_before_aside(text: str, start: int, cue: Cue) -> Mention | None:
    """``Smith (D-Ill.), noting the vote, said``: the subject before an aside."""
    aside = _ASIDE.search(text, start, cue.start)
    if aside is None:
        return None
    subject = source_before(text, start, aside.start())
    if subject is None or text[start:subject.start].strip(" ,"):
        return None
    return subject
