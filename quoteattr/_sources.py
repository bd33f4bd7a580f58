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

import functools
import itertools
from typing import Callable

import attrs
import regex

from quoteattr import _lexicons
from quoteattr._cues import NOT_ADVERBS, Cue
from quoteattr._text import (
    PLAIN_ASCII, WEEKDAY, WORD, Trailing, ends_with_mark, may_end_with, trim)
from quoteattr._mentions import (
    CLAUSE_WORDS, DETERMINERS, POSSESSIVES, Mention, is_source_head, object_pronoun, phrase_head,
    phrase_reach, source_after, source_before, split_name, tag_phrase,
)

_AFTER_COMMA = Trailing(r",[\"”’']?\s*$", last=",\"'")
_COORDINATED = Trailing(r"\b(?:and|but)\s+$")
_COORDINATORS = ("and", "but")  # the words that end a match of _COORDINATED
_GERUND_AFTER = Trailing(  # ``by saying``
    r"\b(?:by|after|before|while|without|upon|in)\s+$", last="yretn")
_AND_BEFORE = Trailing(r"\s+(?:and|&)\s+$")
_AND: tuple[str, ...] = ("and", "&")  # what ends a match of _AND_BEFORE but its spaces
_COMMA_JOINT = Trailing(r",\s+$", last=",")
_JOINT_REACH = 8
_PUT_OUT = Trailing(
    r"\b(?:released|issued|sent|put|posted|published|emailed|e-mailed|distributed|circulated|"
    r"ran|aired|tweeted|wrote|filed|unveiled|launched|shared|signed|sent\s+out|put\s+out)"
    r"(?:\s+out)?\s+(?:(?:a|an|the|his|her|its|their|our)\s+)?(?:[\p{Ll}-]+\s+){0,2}$",
    regex.IGNORECASE)
_CLAUSE_OPENING = Trailing(
    r"(?:[,;:.!?\"“”(—–]|,\s*(?:and|but)|\b(?:that|because|while|when|as|if|so|though|although|"
    r"since|where|after|before|until|whereas))\s*$", regex.IGNORECASE)
_MOST_CONJUNCTS = 5
_ASIDE_OPENING = Trailing(
    r",\s*(?:who|which|whose|where|\p{L}+ing|\p{Ll}+ed|\d+)\b[^,;:\"“”]{0,120},\s*$",
    regex.IGNORECASE,
    last=",",
)
# An aside may end in a short title in quotation marks, its comma inside the closing
# mark (``the host of “Morning Joe,”``):
_ASIDE = (r"(?:\s*\([^()]{1,30}\))?(?:,[^,;:\"“”()]{1,160}){1,3}"
          r"(?:,|[“\"][^\"“”]{1,40},[”\"])\s*$"
          r"|\s*\([^()]{1,30}\),?\s*$")
_WHOLE_ASIDE = regex.compile(_ASIDE)
_LAST_ASIDE = Trailing(r",[^,;:\"“”()]{1,120},\s*$", last=",")
_ASIDE_BEFORE = Trailing(_ASIDE, last=",)\"")
_DASH_ASIDE = Trailing(
    r"\s+(?:--|[—–]|-(?=\s))\s*[^\"“”—–]{1,150}?\s*(?:--|[—–]|(?<=\s)-)\s*$", last="-")
_ASIDE_LAST = ",)\"-"  # the last characters of _ASIDE_BEFORE and _DASH_ASIDE, as a string
_RELATIVE_ASIDE = Trailing(r"\s+who\s+[^,;:()\"“”—–]{1,100}?\s*$")
# A hyphen that runs on into a word joins it (``open-carry``, ``F-16``): no dateline ends so.
_DATELINE = regex.compile(
    r"\s*\p{Lu}[\p{L}\p{N} .,]{0,40}(?:\([^()]{1,30}\))?"
    r"(?:\s*[–—―]|\s*-(?![\p{L}\p{N}])|\s+-)[-–—―]*\s*")
_REACH = 300
_NEAR_OPENING = regex.compile(
    r"[,;:—–(]|\s-+\s|\b(?:when|as|while|whereas|which)\s", regex.IGNORECASE)
_INTRO_COMMAS = 3
_TIME_BEFORE = Trailing(
    rf"(?:\s+(?:on|late|early|later|earlier|last|this)?\s*(?:{WEEKDAY}|"
    r"yesterday|today|tonight|week|month|year|morning|afternoon|evening|night))+\s*$",
    regex.IGNORECASE,
)
_ACCORDING_TO = regex.compile(r"\baccording\s+to\s+", regex.IGNORECASE)
_PHRASE_END = regex.compile(r"[,.;:!?()\"“”]|\s(?:who|which|that|in|at|on|during|after|before)\s")
_SOURCE_PHRASE_END = regex.compile(r"[,;:()\"“”«»]|\s[—–-]+\s|[.!?](?=\s|$)")
_SOURCE_PHRASE_WORDS = 25
STRONG_CUE = 0.45
_TAG_BEFORE_COMMA = Trailing(
    r"(?:\b(\p{Ll}+)\s+([^,;:\"“”]{1,60}?)|\b(\p{Ll}+))\s*,\s*$"
)
_ADJUNCT_REACH = 80
_TO_BEFORE = Trailing(r"\s+to\s+$")
_TO_REACH = 5
_WITH_SUBJECT = Trailing(r"\b(with\s+)[^,;:.!?\"“”()]{1,70}?\s*$", regex.IGNORECASE)
_INSIDER_WORD = regex.compile(r"close|familiar|knowledg|briefed|involved", regex.IGNORECASE)
_INSIDER_MODIFIER = Trailing(
    r"\s+(?:close\s+to|familiar\s+with|knowledgeable\s+about|briefed\s+on|involved\s+in|"
    r"with\s+(?:direct\s+|first-?hand\s+)?knowledge\s+of)\s+[^,;:.!?\"“”()—–]{1,60}?\s*$",
    regex.IGNORECASE)
_ADJUNCT_OPENING = regex.compile(
    r"(?:in|on|at|during|after|before|to|through|via|from|with|for|by|about|over|"
    r"late|earlier|later|last|this)\b")
_SUBJECT_REACH = 120
_SUBJECT_WORDS = 10
_ADVERBS_BEFORE = Trailing(
    r"(?:\s+(?:also|later|then|previously|recently|often|again|once|first|further|here|however|"
    rf"initially|subsequently|(?!(?:{'|'.join(sorted(NOT_ADVERBS))})\b)\p{{Ll}}+ly))+\s*$"
)
_PARENTHESIS_BEFORE = Trailing(r"\s*\([^()]{1,100}\)\s*$")
# What the last word must end in for any of the three patterns above to end a window:
_ADJUNCT_ENDINGS = ("day", "night", "week", "month", "year", "morning", "afternoon", "evening",
                    "ly", "also", "later", "then", "often", "again", "however", "once", "first",
                    "further", "here", ")")  # in lower case
_ADJUNCT_ENDING = regex.compile(rf"(?:{'|'.join(map(regex.escape, _ADJUNCT_ENDINGS))})\s*$",
                                regex.IGNORECASE | regex.REVERSE)
_LONGEST_ADJUNCT_ENDING = max(map(len, _ADJUNCT_ENDINGS))
_ADJUNCT_LAST = frozenset("".join(e[-1] + e[-1].upper() for e in _ADJUNCT_ENDINGS))
# The lookahead holds the first letters of the words: most positions fail it at once.
_BOUNDARY = (r"[,;:()\"“”«»—–]|\s-+\s|\b(?=[abwtsiu])(?:and|but|while|as|because|although|"
             r"though|since|when|whereas|that|if|after|before|until|so)\b")
_SUBJECT_BOUNDARY = regex.compile(_BOUNDARY, regex.IGNORECASE)
_SUBJECT_BOUNDARY_BACKWARD = regex.compile(_BOUNDARY, regex.IGNORECASE | regex.REVERSE)
_RELATIVE_AFTER_COMMA = regex.compile(r",\s*(who|which)\s+(?:\p{Ll}+\s+){0,2}$")
_RELATIVE = regex.compile(r"[,\s]\s*(who)\s+(?:\p{Ll}+\s+){0,2}$")
RELATIVE_REACH = 40  # how far left of a cue its relative ``who``/``which`` is looked for
_THING_RELATIVE = regex.compile(r"(?:[,—–]\s*|\s)(that|which)\s+$")
_LONG_PHRASE_END = regex.compile(
    r"[,.;:!?()\"“”]|\s(?:of|who|which|that|in|at|on|during|after|before|as|when|while)\s"
)
# The characters that _LONG_PHRASE_END stops at wherever they stand, as strings:
_PHRASE_STOPS = frozenset(",;:!?()\"“”")
_WORD_BEFORE = regex.compile(r"\p{L}+$")
_TITLE_LENGTH = 8  # letters read before a period: more than any title abbreviation has
_SUBJECT_WORD = regex.compile(r"[\p{L}\p{N}][\p{L}\p{M}\p{N}’'.%\-]*")
_SUBJECT_PHRASE = regex.compile(r"[\p{L}\p{N}][\p{L}\p{M}\p{N}’'.%&\- ]*")
_NOT_IN_SUBJECT = frozenset(
    "who whom whose which what where why how whether there is was were are be been "
    "being has have had will would could should can may might must do does did not never".split()
)
_SUBJECT_LINKS = frozenset(
    "on in from of at for with by around across within inside outside near and".split())
_HEAD_WORDS = 4
_PRONOMINAL = frozenset(
    "several many some most both all others few half one two three four five six seven eight "
    "nine ten another".split()
)
_LONGEST_QUANTIFIER = max(len(word) for word in _PRONOMINAL)
_LEADING_WORD = regex.compile(
    r"\s*(?:and|but|so|yet|still|meanwhile|however)\b,?\s*", regex.IGNORECASE)
_LEADING_CONJUNCTION = regex.compile(  # ``And then``: one or more
    r"(?:\s*(?:and|but|so|yet|still|meanwhile|however|then)\b,?)+", regex.IGNORECASE)
# A description before a name opening its sentence: ``The venture capitalist`` Ann Lee.
_DESCRIBED_NAME = regex.compile(r"(?i:the|a|an)\s+(?:[\p{Ll}-]+\s+){1,3}")
_SUBJECTS_REMEMBERED = 32  # windows whose subject is remembered: rules read it again soon after


def source_of(
    text: str, start: int, cue: Cue, end: int, *, invert: bool, previous: Mention | None = None
) -> Mention | None:
    """The source of ``cue`` within ``text[start:end]``.

    ``invert`` allows ``said X``; ``previous`` is the source already found in
    the sentence, which a coordinated or participle cue shares.
    """
    if cue.prepositional:
        return according_source(text, cue.end, end)
    start = max(start, cue.start - _REACH)
    participle = cue.participle
    if participle:
        absolute = absolute_subject(text, start, cue.start)
        if absolute is not None:
            return absolute
    # The tests below read the last character before the cue (and its spaces), read once.
    last = _last_plain(text, start, cue.start)
    # The three tests below need the text before the cue to end in ``and``, ``but`` or a
    # comma (more, for a participle): one ending in another plain character fails them all.
    joined = participle or not last or last in "dt,"
    if joined and ((not last or last in "dt") and _may_end_in(
            text, start, cue.start, _COORDINATORS) and _COORDINATED.ends(
            text, start, cue.start) or (
        participle and (_AFTER_COMMA.ends(text, start, cue.start)
                        or _GERUND_AFTER.ends(text, start, cue.start))
    )):
        return previous or tag_before_comma(text, start, cue) or (
            nearest_subject(text, start, cue) if participle else None) or sentence_subject(
            text, start, cue)
    # The text before the cue must end in a comma for the two tests below:
    comma = joined and (not last or last == ",")
    if comma and (last == "," or ends_with_mark(text, start, cue.start, ",")):
        subject = subject_before_aside(text, start, cue.start)
        if subject is not None and subject.form == "name":
            return subject
    if comma and _ASIDE_OPENING.ends(text, start, cue.start):
        subject = subject_before_aside(text, start, cue.start)
        if subject is not None:
            return subject
    # _subject_end(text, start, cue.start), whose test is read first from ``last``:
    position = _before_adjuncts(text, start, cue.start) if (
        not last or last in _ADJUNCT_LAST) and _may_end_in_adjunct(
        text, start, cue.start) else cue.start
    insider = insider_source(text, start, position)
    if insider is not None:
        return insider
    before = source_before(text, start, position)
    adjacent = before is not None and before.end >= position - 3
    if adjacent and participle:
        sender = _document_sender(text, start, _document_before_hearer(text, start, before))
        if sender is not None:
            return sender
    if adjacent and "," not in text[before.end:position]:
        # with_conjuncts finds nothing before a source opening the window:
        return with_conjuncts(text, start, before) if before.start > start else before
    inverted = _inverted_source(text, cue, end) if invert else None
    if adjacent and before.form != "name" and inverted is None and _ASIDE_BEFORE.ends(
            text, start, position):
        return subject_before_aside(text, start, position) or before
    if inverted is not None or adjacent:
        return inverted or before
    subject = subject_before_aside(text, start, position) if position != cue.start or (
        _may_end_in_aside(text, start, position, last)) else None  # ``Lee, an aide, said``
    if subject is None and cue.precision >= STRONG_CUE and not participle:
        subject = clause_subject(text, start, position)
        if subject is not None:
            subject = with_conjuncts(text, start, subject)
    return subject


def absolute_subject(text: str, start: int, end: int) -> Mention | None:
    """``..., with 30 percent of voters saying``: the subject that ``with`` gives a
    participle ending at ``end``.

    >>> t = "The race tightened, with recent polls showing"
    >>> m = absolute_subject(t, 0, t.index(" showing"))
    >>> t[m.start:m.end]
    'recent polls'
    """
    window = max(start, end - _ADJUNCT_REACH)
    opening = _WITH_SUBJECT.search(text, window, end) if _may_hold_word(
        text[window:end], "with") else None
    if opening is None:
        return None
    subject = modified_subject(text, opening.end(1), end) or sentence_subject_before(
        text, opening.end(1), end)
    if subject is None or subject.form not in ("name", "coordination") and not is_source_head(
            subject.head):
        return None
    return subject


def insider_source(text: str, start: int, end: int) -> Mention | None:
    """``a source close to him``, ``two people familiar with the talks``: an anonymous
    source whose head is followed by what makes it an insider, ending at ``end``.

    >>> t = "The deal is off, a source close to him said"
    >>> m = insider_source(t, 0, t.index(" said"))
    >>> t[m.start:m.end], m.head
    ('a source close to him', 'source')
    >>> insider_source("a house close to the river", 0, 26) is None
    True
    """
    window = max(start, end - _ADJUNCT_REACH)
    lowered = text[window:end]
    # _INSIDER_WORD.search(text, window, end), read without the regex on ASCII, whose
    # case the regex and str.lower equate alike:
    if lowered.isascii():
        lowered = lowered.lower()
        if not ("close" in lowered or "familiar" in lowered or "knowledg" in lowered
                or "briefed" in lowered or "involved" in lowered):
            return None
    elif _INSIDER_WORD.search(text, window, end) is None:
        return None
    modifier = _INSIDER_MODIFIER.search(text, window, end)
    if modifier is None:
        return None
    head = source_before(text, start, modifier.start())
    if head is None or head.form != "description" or head.head not in (
            _lexicons.anonymous_heads()):
        return None
    return Mention(head.start, trim(text, modifier.start(), end)[1], "description", "", (),
                   head.head)


def _may_end_in_aside(text: str, start: int, end: int, last: str) -> bool:
    """Whether :func:`subject_before_aside` may find an aside ending at ``end`` in a window
    from ``start`` (no more than ``_REACH`` long), whose last plain character is ``last``
    (of :func:`_last_plain`): its patterns end in one of ``_ASIDE_LAST`` or hold ``who``."""
    return not last or last in _ASIDE_LAST or text.find("who", start, end) >= 0


def _last_plain(text: str, start: int, end: int) -> str:
    """The last character of ``text[start:end]`` before its final spaces, if it is plain
    ASCII (of ``PLAIN_ASCII``), else ``""``, as when the window is blank or its bounds
    are out of the text: what ``may_end_with`` reads.

    >>> _last_plain("Lee said,  ", 0, 11), _last_plain("  ", 0, 2), _last_plain("Lee “", 0, 5)
    (',', '', '')
    """
    if start < 0 or end > len(text):
        return ""
    at = end - 1
    while at >= start and text[at] == " ":
        at -= 1
    return text[at] if at >= start and text[at] in PLAIN_ASCII else ""


def _may_end_in(text: str, start: int, end: int, words: tuple[str, ...]) -> bool:
    """Whether ``text[start:end]``, its final white space aside, ends with one of
    ``words``: a cheap test before a pattern whose matches end so (``str.isspace``
    takes every character that ``\\s`` matches).

    >>> _may_end_in("Lee and  ", 0, 9, ("and", "&")), _may_end_in("Lee said ", 0, 9, ("and",))
    (True, False)
    """
    while end > start and text[end - 1].isspace():
        end -= 1
    return text.endswith(words, start, end)


def _may_hold_word(window: str, word: str) -> bool:
    """Whether ``window`` may hold ``word`` (in lower case) in any case, as an
    ``IGNORECASE`` pattern reads it: its lower case holds it, unless it holds an ``İ``,
    which such a pattern equates with ``i`` and ``str.lower`` turns into two characters.

    >>> _may_hold_word("along WITH", "with"), _may_hold_word("wİth", "with")
    (True, True)
    >>> _may_hold_word("within reach", "without")
    False
    """
    return word in window.lower() or "\u0130" in window


def with_conjuncts(text: str, start: int, mention: Mention) -> Mention:
    """``Ann Lee and Tom Ruiz said``: the source together with the names and noun
    phrases joined to it by ``and`` (and commas before that), as one coordination.

    >>> t = "Ann Lee, Tom Ruiz and the mayor said"
    >>> m = with_conjuncts(t, 0, source_before(t, 0, t.index(" said")))
    >>> t[m.start:m.end], m.form
    ('Ann Lee, Tom Ruiz and the mayor', 'coordination')
    """
    first = widest = mention
    joint, joint_end = _AND_BEFORE, _AND
    for _ in range(_MOST_CONJUNCTS):
        window = max(start, first.start - _JOINT_REACH)
        if not _may_end_in(text, window, first.start, joint_end):
            break
        found = joint.search(text, window, first.start)
        if found is None:
            break
        other = source_before(text, start, found.start()) or clause_subject(
            text, start, found.start())
        if other is None or other.form == "pronoun" or other.end != found.start():
            break
        first, joint, joint_end = other, _COMMA_JOINT, (",",)
        if trim(text, start, first.start)[0] == first.start or _CLAUSE_OPENING.ends(
                text, start, first.start) or _LEADING_WORD.fullmatch(text, start, first.start):
            widest = first
    if widest is mention:
        return mention
    return Mention(widest.start, mention.end, "coordination", "", (), mention.head)


def _document_sender(text: str, start: int, document: Mention) -> Mention | None:
    """``The town released a statement saying``: who put out the document before a
    participle, the subject of the clause, whom the participle reports. The subject may
    follow an intro phrase, hold a coordination or come before an aside.

    >>> def sender(t):
    ...     m = _document_sender(t, 0, source_before(t, 0, t.index(" saying")))
    ...     return t[m.start:m.end]
    >>> sender("In May, Lee and Ruiz issued a statement saying")
    'Lee and Ruiz'
    >>> sender("Mr. Lee, who spoke first, issued a statement saying")
    'Mr. Lee'
    """
    verb = _PUT_OUT.search(text, max(start, document.start - _ADJUNCT_REACH), document.start)
    if verb is None:
        return None
    if _AFTER_COMMA.ends(text, start, verb.start()):
        return subject_before_aside(text, start, verb.start())
    return _at_an_opening(sentence_subject_before, text, start, verb.start())


def _document_before_hearer(text: str, start: int, before: Mention) -> Mention:
    """``a text message to supporters``: the document that a participle after its hearer
    belongs to, or ``before`` itself."""
    to = _TO_BEFORE.search(text, max(start, before.start - _TO_REACH), before.start)
    document = source_before(text, start, to.start()) if to else None
    if document is not None and document.head in _lexicons.evidence_heads():
        return document
    return before


def forget_texts() -> None:
    """Drop the subjects and sources remembered for the rules of one text, which hold
    that text: called once its attributions are found.

    >>> forget_texts()
    >>> clause_subject.cache_info().currsize, source_before.cache_info().currsize
    (0, 0)
    """
    for remembered in (clause_subject, modified_subject, subject_before_aside, source_before):
        remembered.cache_clear()


def sentence_subject_before(text: str, start: int, end: int) -> Mention | None:
    """The noun phrase opening the sentence ``text[start:end]`` and ending at ``end``:
    the subject of the verb there, with what is coordinated to it.

    >>> t = "The town and the county released"
    >>> m = sentence_subject_before(t, 0, t.index(" released"))
    >>> t[m.start:m.end]
    'The town and the county'
    """
    opening = trim(text, start, end)[0]
    for subject in (source_before(text, start, end), clause_subject(text, start, end)):
        if subject is not None:
            subject = with_conjuncts(text, start, subject)
            if subject.start == opening:
                return subject
    return None


def _inverted_source(text: str, cue: Cue, end: int) -> Mention | None:
    """``said Ann Lee of Derry``: the source after an inverting verb, the longest name."""
    if cue.participle or cue.lemma not in _lexicons.inverting_verbs():
        return None
    inverted = source_after(text, cue.end, end)
    if inverted is None:
        return None
    after = trim(text, inverted.end, end)[0]
    if after < end and text[after] in _PHRASE_STOPS:
        return inverted  # the long phrase would stop there too: it is no longer
    longer = long_phrase_after(text, cue.end, end)
    named = longer is not None and longer.form == "name" and longer.end > inverted.end
    return longer if named else inverted


def _subject_end(text: str, start: int, position: int) -> int:
    """Where the subject of a verb at ``position`` ends: before a time adverbial,
    adverbs and a parenthesis (``Sen. Ann Lee (D-Ill.) later said``)."""
    if not _may_end_in_adjunct(text, start, position):
        return position
    return _before_adjuncts(text, start, position)


def _before_adjuncts(text: str, start: int, position: int) -> int:
    """:func:`_subject_end`, after its test."""
    for pattern in (_TIME_BEFORE, _ADVERBS_BEFORE, _PARENTHESIS_BEFORE):
        found = pattern.search(text, max(start, position - _ADJUNCT_REACH), position)
        if found is not None:
            position = found.start()
    return position


def _may_end_in_adjunct(text: str, start: int, position: int) -> bool:
    """Whether ``_ADJUNCT_ENDING`` matches ``text[start:position]``: read without the
    regex when the window's last word, its final spaces aside, is ASCII."""
    at = position - 1
    while at >= start and text[at] == " ":
        at -= 1
    if 0 <= start <= at < len(text) and text[at] in PLAIN_ASCII:
        if text[at] not in _ADJUNCT_LAST:
            return False
        tail = text[max(start, at + 1 - _LONGEST_ADJUNCT_ENDING):at + 1]
        if tail.isascii():
            return tail.lower().endswith(_ADJUNCT_ENDINGS)
    return _ADJUNCT_ENDING.match(text, start, position) is not None


@functools.lru_cache(maxsize=_SUBJECTS_REMEMBERED)
def clause_subject(text: str, start: int, end: int) -> Mention | None:
    """``Political analysts say``: the noun phrase that opens the clause of a strong
    speech verb at ``end``, when the lexicons know none of its words.

    >>> t = "Prices rose, and political analysts say"
    >>> m = clause_subject(t, 0, t.index(" say"))
    >>> t[m.start:m.end], m.head
    ('political analysts', 'analysts')
    >>> clause_subject("What he said", 0, 7) is None
    True
    """
    begin = max(start, end - _SUBJECT_REACH)
    opening = last_boundary_end(text, begin, end)
    if opening == begin and begin > start:
        return None
    opening, end = trim(text, opening, end)
    words = _SUBJECT_WORD.findall(text, opening, end)
    if not _is_subject_phrase(text, opening, end, words):
        return None
    return tag_phrase(text, opening, end) or Mention(
        opening, end, "description", "", (), phrase_head(words))


def last_boundary_end(text: str, begin: int, end: int) -> int:
    """The end of the last match of ``_SUBJECT_BOUNDARY`` in ``text[begin:end]`` (as
    ``finditer`` finds them), or ``begin`` if there is none.

    Read backwards first: the match ending last is the last one found, unless a match of
    spaced hyphens overlaps it (only those can overlap), whose matches are then read
    forwards.

    >>> t = "Prices rose, and - - political analysts say"
    >>> t[last_boundary_end(t, 0, len(t)):]
    '- political analysts say'
    """
    last = _SUBJECT_BOUNDARY_BACKWARD.search(text, begin, end)
    if last is None:
        return begin
    if not text[last.start()].isspace():
        return last.end()
    for boundary in _SUBJECT_BOUNDARY.finditer(text, begin, end):
        last = boundary
    return last.end()


def quantifier_subject(text: str, start: int, end: int) -> Mention | None:
    """``Many believe``, ``Most expect``: a quantifier standing alone as the subject
    that fills ``text[start:end]``.

    >>> t = "Many believe"
    >>> quantifier_subject(t, 0, 4).head
    'many'
    >>> quantifier_subject("Many voters", 0, 11) is None
    True
    """
    start, end = trim(text, start, end)
    if end - start > _LONGEST_QUANTIFIER or text[start:end].lower() not in _PRONOMINAL:
        return None
    return clause_subject(text, start, end)


@functools.lru_cache(maxsize=_SUBJECTS_REMEMBERED)
def modified_subject(text: str, start: int, end: int) -> Mention | None:
    """``Experts on North Korea and arms control say``, ``A poll conducted by Gallup
    shows``: a subject whose head noun is followed by prepositional phrases or a
    participle, filling ``text[start:end]``. Its head is the noun before the first of
    them, which the lexicons must know as a source head.

    >>> t = "Political observers in Virginia and around the country say"
    >>> m = modified_subject(t, 0, t.index(" say"))
    >>> t[m.start:m.end], m.head
    ('Political observers in Virginia and around the country', 'observers')
    >>> modified_subject("Prices in Virginia say", 0, 17) is None
    True
    """
    start, end = trim(text, start, _subject_end(text, start, end))
    found = _SUBJECT_WORD.finditer(text, start, end)
    # The first link is read in the words that may hold it: words after them cannot
    # make one that the test below takes.
    words = list(itertools.islice(found, _HEAD_WORDS + 1))
    lowered = [w.group().lower() for w in words]
    first_link = next((i for i, w in enumerate(lowered) if w in _SUBJECT_LINKS or (
        i and w.endswith("ed") and is_source_head(lowered[i - 1]))), 0)
    if not 1 <= first_link <= _HEAD_WORDS:
        return None
    words += itertools.islice(found, _SUBJECT_WORDS + 3 - len(words))
    if len(words) > _SUBJECT_WORDS + 2:
        return None
    lowered += [w.group().lower() for w in words[len(lowered):]]
    head = words[first_link - 1]
    if not is_source_head(head.group()) or lowered[-1] in _SUBJECT_LINKS or any(
            w in _NOT_IN_SUBJECT or (w in CLAUSE_WORDS and w not in _SUBJECT_LINKS)
            or w in _lexicons.pronouns() and w not in POSSESSIVES for w in lowered):
        return None
    if any(w.endswith(("ed", "n't", "n’t")) and w.islower() for w in lowered[first_link + 1:]):
        return None
    if _SUBJECT_PHRASE.fullmatch(text, start, end) is None:  # the costlier test last
        return None
    first = tag_phrase(text, start, head.end())
    if first is not None:
        return attrs.evolve(first, end=end)
    return Mention(start, end, "description", "", (), lowered[first_link - 1])


def _is_subject_phrase(text: str, start: int, end: int, words: list[str]) -> bool:
    """Whether ``words``, those of ``text[start:end]``, may make a subject; the tests on
    words come before the pattern, which costs more."""
    if not 0 < len(words) <= _SUBJECT_WORDS:
        return False
    lowered = [w.lower() for w in words]
    if lowered[0] in CLAUSE_WORDS and lowered[0] not in DETERMINERS or lowered[0] == "to":
        return False
    if any(w in _NOT_IN_SUBJECT or w in _lexicons.pronouns() and w not in POSSESSIVES
           or w.endswith(("n't", "n’t")) for w in lowered):
        return False
    if words[0].endswith("ed") and words[0].islower():
        return False
    last = lowered[-1]
    if last.endswith(("'s", "’s", "s'")) or _SUBJECT_PHRASE.fullmatch(text, start, end) is None:
        return False
    if last in _PRONOMINAL or last.isdigit():
        return True
    return not (last in DETERMINERS or last in CLAUSE_WORDS or last.endswith(("ly", "ing")))


def relative_source(text: str, start: int, cue: Cue, *, comma: bool) -> Mention | None:
    """``Graham, who says``, ``critics who say``: the source of a cue in a relative
    clause: ``who``, naming the name or the description before it (whose words a
    description's ``who`` carries as its ``name``); ``comma`` asks for a comma before
    ``who``.

    >>> from quoteattr._cues import find_cues
    >>> t = "Senator Ann Lee, who says"
    >>> m = relative_source(t, 0, find_cues(t, 0, len(t))[-1], comma=True)
    >>> t[m.start:m.end], m.name
    ('who', 'Ann Lee')
    >>> t = "local critics, who say"
    >>> m = relative_source(t, 0, find_cues(t, 0, len(t))[-1], comma=True)
    >>> t[m.start:m.end], m.form, m.name, m.head
    ('who', 'description', 'local critics', 'critics')
    """
    pattern = _RELATIVE_AFTER_COMMA if comma else _RELATIVE
    relative = pattern.search(text, max(start, cue.start - RELATIVE_REACH), cue.start)
    if relative is None or cue.prepositional or cue.participle:
        return None
    antecedent = source_before(text, start, relative.start())
    if antecedent is None or antecedent.form == "pronoun":
        return None
    name = antecedent.name if antecedent.form == "name" else text[antecedent.start:antecedent.end]
    return attrs.evolve(antecedent, start=relative.start(1), end=relative.end(1), name=name)


def thing_relative_source(text: str, start: int, cue: Cue) -> Mention | None:
    """``the report, which notes: "..."``, ``a platform that calls for "..."``: the
    relative ``which`` or ``that`` right before ``cue``, standing for a thing the lexicons
    know as a source (a report, a message, a platform), is the source; it is named by that
    thing. (After ``that`` only a phrase cue is read: the cue index takes no single verb
    after ``that`` for a cue.)

    >>> from quoteattr._cues import find_cues
    >>> t = "He linked to the report, which notes"
    >>> m = thing_relative_source(t, 0, find_cues(t, 0, len(t))[-1])
    >>> t[m.start:m.end], m.name
    ('which', 'the report')
    """
    relative = _THING_RELATIVE.search(text, max(start, cue.start - RELATIVE_REACH), cue.start)
    if relative is None or cue.prepositional or cue.participle:
        return None
    antecedent = source_before(text, start, trim(text, start, relative.start(1))[1])
    if antecedent is None or antecedent.form != "description":
        return None
    name = text[antecedent.start:antecedent.end]
    return attrs.evolve(antecedent, start=relative.start(1), end=relative.end(1), name=name)


def relay_in(text: str, start: int, end: int) -> Mention | None:
    """The reporter named by ``according to X`` in ``text[start:end]``, if any.

    >>> t = "the president stressed, according to Itar Tass."
    >>> relay_in(t, 0, len(t)).name
    'Itar Tass'
    """
    according = _ACCORDING_TO.search(text, start, end)
    if according is None:
        return None
    return according_source(text, according.end(), end)


def according_source(text: str, position: int, end: int) -> Mention | None:
    """The source after ``according to``: a name, or the whole noun phrase up to a comma.

    >>> t = "according to exit polls reported by CNN, voters"
    >>> m = according_source(t, 13, len(t))
    >>> t[m.start:m.end], m.head
    ('exit polls reported by CNN', 'polls')
    >>> according_source("according to him.", 13, 17).head
    'he'
    """
    core = source_after(text, position, end) or phrase_after(text, position, end)
    if core is None:
        core = object_pronoun(text, position, end)
    if core is not None and core.form != "description":
        return core
    stop = _SOURCE_PHRASE_END.search(text, position, end)
    start, phrase_end = trim(text, position, stop.start() if stop else end)
    if core is not None and core.end >= phrase_end:
        return core
    words = WORD.findall(text, start, phrase_end)
    if core is not None:
        return attrs.evolve(core, end=phrase_end, head=phrase_head(words))
    first = words[0].lower() if words else ""
    if not 0 < len(words) <= _SOURCE_PHRASE_WORDS or first in CLAUSE_WORDS or (
            first in _lexicons.pronouns()):
        return None
    return Mention(start, phrase_end, "description", "", (), phrase_head(words))


def is_dateline(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` is a dateline (``MOSCOW (Reuters) -``).

    >>> is_dateline("NIZHNY NOVGOROD- Putin said", 0, 17)
    True
    """
    return may_end_with(text, start, end, "-") and _DATELINE.fullmatch(
        text, start, end) is not None  # a dateline ends with a dash and spaces


def is_aside(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` is a comma-fenced aside (``, a former aide,``).

    >>> is_aside("Smith, a former aide, said", 5, 21)
    True
    """
    return _WHOLE_ASIDE.fullmatch(text, start, end) is not None


def inverted_phrase(text: str, cue: Cue, start: int, end: int) -> Mention | None:
    """``"...," said the designer, who ...``: the phrase after an inverting verb.

    ``start`` is where the tag begins: the cue must come first in it.
    """
    if text[start:cue.start].strip(" ,\t") or cue.participle or (
            cue.lemma not in _lexicons.inverting_verbs()):
        return None
    return phrase_after(text, cue.end, end) or long_phrase_after(text, cue.end, end)


def long_phrase_after(text: str, position: int, end: int) -> Mention | None:
    """``said undecided voter Ann Lee of Derry``, ``said one Democrat familiar with the
    campaign``: a longer phrase after an inverted cue, led by lowercase modifiers up to
    its name, or by a determiner.

    >>> t = "said undecided voter Ann Lee of Derry, before"
    >>> m = long_phrase_after(t, 4, len(t))
    >>> t[m.start:m.end], m.name
    ('undecided voter Ann Lee', 'Ann Lee')
    """
    start, phrase_end = trim(text, position, _long_phrase_end(text, position, end))
    words = _SUBJECT_WORD.findall(text, start, phrase_end)
    if not 0 < len(words) <= _SUBJECT_WORDS:
        return None
    name, titles = split_name(words)
    if name:
        return Mention(start, phrase_end, "name", name, titles, words[-1].lower())
    if words[0].lower() in DETERMINERS and _SUBJECT_PHRASE.fullmatch(text, start, phrase_end):
        return Mention(start, phrase_end, "description", "", (), phrase_head(words))
    return None


def _long_phrase_end(text: str, position: int, end: int) -> int:
    """Where a long phrase starting at ``position`` ends: at punctuation or a clause,
    but not at the period of a title (``former Pennsylvania Gov. and Chairman Ed Rendell``)."""
    for stop in _LONG_PHRASE_END.finditer(text, position, end):
        if stop.group() != "." or not _after_title_abbreviation(text, stop.start()):
            return stop.start()
    return end


def _after_title_abbreviation(text: str, period: int) -> bool:
    """Whether the period at ``period`` closes a title abbreviation (``Gov.``, ``Sen.``)."""
    word = _WORD_BEFORE.search(text, max(0, period - _TITLE_LENGTH), period)
    return word is not None and _lexicons.abbreviations().get(word.group().lower()) == "title"


def phrase_after(text: str, position: int, end: int) -> Mention | None:
    """The short noun phrase starting at ``position``, up to punctuation or a clause.

    >>> phrase_after("the designer, who works", 0, 23).head
    'designer'
    """
    stop = _PHRASE_END.search(text, position, phrase_reach(text, position, end))
    return tag_phrase(text, position, stop.start() if stop else end)


def tag_before_comma(text: str, start: int, cue: Cue) -> Mention | None:
    """``..., Nefzi said, adding``: the source of the tag that ends before the comma.

    >>> from quoteattr._cues import find_cues
    >>> t = "Prayers ended, Nefzi said, adding that"
    >>> tag_before_comma(t, 0, find_cues(t, 0, len(t))[-1]).name
    'Nefzi'
    >>> t = "Prayers ended, Nefzi said in a statement, adding that"
    >>> tag_before_comma(t, 0, find_cues(t, 0, len(t))[-1]).name
    'Nefzi'
    """
    tag = _TAG_BEFORE_COMMA.search(text, max(start, cue.start - _ADJUNCT_REACH), cue.start)
    if tag is None:
        return None
    verbs = _lexicons.reporting_verbs()
    inverted = verbs.get(tag.group(1).lower()) if tag.group(1) else None
    if is_finite_cue(inverted) and _ADJUNCT_OPENING.match(text, tag.start(2)):
        return source_before(text, start, tag.start(1))
    if is_finite_cue(inverted) and inverted.lemma in _lexicons.inverting_verbs():
        return source_after(text, tag.end(1), tag.end(2))
    verb = verbs.get(tag.group(3).lower()) if tag.group(3) else None
    if is_finite_cue(verb):
        return source_before(text, start, tag.start(3))
    return None


def is_finite_cue(verb: _lexicons.VerbForm | None) -> bool:
    """Whether a reporting-verb form is strong enough, and finite, to carry a tag alone.

    >>> is_finite_cue(_lexicons.reporting_verbs()["said"]), is_finite_cue(None)
    (True, False)
    """
    return verb is not None and verb.precision >= STRONG_CUE and not verb.form.endswith("ing")


def sentence_subject(text: str, start: int, cue: Cue) -> Mention | None:
    """``Smith praised the plan, saying that ...``: the subject of the clause. A phrase
    that a comma follows ends an intro (``Speaking in Salem, New Hampshire, Trump ...``)
    unless no later opening holds a subject.

    >>> from quoteattr._cues import find_cues
    >>> t = "Speaking in Salem, New Hampshire, Trump hit Bush, calling"
    >>> sentence_subject(t, 0, find_cues(t, 0, len(t))[-1]).name
    'Trump'
    """
    opening = _DATELINE.match(text, start, cue.start) or _LEADING_CONJUNCTION.match(
        text, start, cue.start)
    first = None
    for start in clause_openings(text, opening.end() if opening else start, cue.start):
        subject = source_after(text, start, cue.start)
        if subject is None:
            continue
        if text[start:subject.start].strip(" ,\"“”"):
            return first
        if not text.startswith(",", trim(text, subject.end, cue.start)[0]):
            return subject
        first = first or subject
    return first


def nearest_subject(text: str, start: int, cue: Cue) -> Mention | None:
    """``Late last month, the company wrote ..., calling``: the subject of the nearest
    clause before ``cue`` that opens with one, right before its verb (a lowercase word).

    >>> from quoteattr._cues import find_cues
    >>> t = "Hours later, Lee thanked Ruiz, telling"
    >>> nearest_subject(t, 0, find_cues(t, 0, len(t))[-1]).name
    'Lee'
    """
    openings = [start, *(m.end() for m in _NEAR_OPENING.finditer(text, start, cue.start))]
    for opening in reversed(openings):
        opening = trim(text, opening, cue.start)[0]
        subject = source_after(text, opening, cue.start)
        if subject is None or subject.start != opening or subject.head.endswith(("’s", "'s")):
            continue
        verb = WORD.match(text, trim(text, subject.end, cue.start)[0], cue.start)
        if verb is not None and _is_verb_like(verb.group()):
            return subject
    return None


def _is_verb_like(word: str) -> bool:
    """Whether a word after a subject may be its finite verb (or an adverb before it)."""
    return word.islower() and word not in CLAUSE_WORDS and not word.endswith("ing")


def _at_an_opening(
    read: Callable[[str, int, int], Mention | None], text: str, start: int, end: int
) -> Mention | None:
    """What ``read(text, opening, end)`` finds first, trying each of ``clause_openings``
    in turn."""
    for opening in clause_openings(text, start, end):
        found = read(text, opening, end)
        if found is not None:
            return found
    return None


def clause_openings(text: str, start: int, end: int) -> list[int]:
    """Where the clause before ``end`` may open: at ``start``, then after each of the
    first commas (``In August, several groups said``).

    >>> clause_openings("Once, in May, she said", 0, 18)
    [0, 5, 13]
    """
    openings = [start]
    comma = text.find(",", start, end)
    while comma >= 0 and len(openings) <= _INTRO_COMMAS:
        openings.append(comma + 1)
        comma = text.find(",", comma + 1, end)
    return openings


@functools.lru_cache(maxsize=_SUBJECTS_REMEMBERED)
def subject_before_aside(text: str, start: int, end: int) -> Mention | None:
    """``Smith (D-Ill.), noting the vote, said``, ``Smith -- a senator -- said`` and
    ``an official who spoke anonymously said``: the subject before an aside that ends
    at ``end``."""
    reach = max(start, end - _REACH)
    aside = (_ASIDE_BEFORE.search(text, start, end) or _DASH_ASIDE.search(text, start, end)
             or text.find("who", reach, end) >= 0 and _RELATIVE_ASIDE.search(text, reach, end)
             or None)
    if aside is None:
        return None
    subject = source_before(text, start, aside.start())
    last = _LAST_ASIDE.search(text, reach, end)
    if (subject is None or subject.form != "name") and last is not None and last.start() > aside.start():
        subject = source_before(text, start, last.start()) or subject
    if subject is not None:
        lead = _LEADING_CONJUNCTION.match(text, start, subject.start)
        opening = lead.end() if lead else start
        preceding = text[opening:subject.start].strip()
        if not preceding or preceding.endswith(",") or _CLAUSE_OPENING.ends(
                text, start, subject.start):
            return subject  # ``..., after Lee, asked about it, said``
        described = _DESCRIBED_NAME.fullmatch(text, trim(text, opening, subject.start)[0],
                                              subject.start)
        if subject.form == "name" and described is not None:
            return attrs.evolve(subject, start=described.start())  # ``The investor Ann Lee, ...``
    return _modified_before_aside(text, start, aside.start())


def _modified_before_aside(text: str, start: int, end: int) -> Mention | None:
    """``Many speakers at the service -- including X and Y -- said``: a subject with
    prepositional phrases, opening its clause and ending where the aside starts."""
    opening = _LEADING_CONJUNCTION.match(text, start, end)
    return _at_an_opening(modified_subject, text, opening.end() if opening else start, end)
