"""Mentions of possible sources: names with their titles, pronouns and
descriptions such as ``the head of state``.

A mention is read off the words next to a cue: leftwards for ``X said``,
rightwards for ``said X`` and ``according to X``.

>>> t = "Russian President Vladimir Putin said"
>>> m = source_before(t, 0, t.index("said"))
>>> (m.name, m.titles, m.form)
('Vladimir Putin', ('Russian President',), 'name')
"""

from __future__ import annotations

import functools
import itertools
import re
import sys
from typing import Iterator, Sequence

import attrs
import regex

from quoteattr import _lexicons
from quoteattr._text import WORD

_TOKEN = regex.compile(
    r"[’']s\b|\p{L}[\p{L}\p{M}\p{N}]*(?:[’'.\-]\p{L}[\p{L}\p{M}\p{N}]*)*\.?|\d(?:[,.]?\d)*%?"
    r"(?:-\p{L}+)*|[\[\]]|\S"
)
# _TOKEN on ASCII text, where it finds the same tokens: there ``\p{L}`` is ``[A-Za-z]``,
# ``\p{N}`` and ``\d`` are ``[0-9]``, no character is a mark and white space is
# ``[\t\n\v\f\r ]``. The standard library's re matches these short tokens at less cost.
_ASCII_TOKEN = re.compile(
    r"'s\b|[A-Za-z][A-Za-z0-9]*(?:['.\-][A-Za-z][A-Za-z0-9]*)*\.?|[0-9](?:[,.]?[0-9])*%?"
    r"(?:-[A-Za-z]+)*|[\[\]]|[^\t\n\v\f\r ]"
)
_NAME_LOOKING = regex.compile(r"\p{Lu}")
SUBJECT_PRONOUNS = frozenset(["he", "she", "they", "i", "we"])
DETERMINERS = frozenset(
    "the a an one two three several many some other another both all most each "
    "this these those any".split()
)
_CONNECTORS = frozenset(["of", "for", "and", "&", "at", "de", "van", "von", "der", "bin", "al"])
_POSSESSIVE_ENDINGS = ("’s", "'s")
_NOT_CLOSING_TITLE = _CONNECTORS | set(_POSSESSIVE_ENDINGS)
_NOT_OPENING = _NOT_CLOSING_TITLE | {"]"}
_ADJECTIVE_ENDINGS = ("al", "ic", "ive", "ous", "ful", "ary", "ian", "ish", "less", "able", "ible")
_MODIFIERS = frozenset(
    "senior former top chief deputy acting local federal state national international "
    "foreign military white house administration campaign government party republican "
    "democratic presidential vice press close longtime top-ranking high-ranking unnamed "
    "anonymous knowledgeable informed current new u.s. us retired veteran longtime "
    "outgoing incoming interim then-".split()
)
CLAUSE_WORDS = frozenset(
    "but and however then also still yet in on at when while after before as if so now "
    "meanwhile later earlier last this that there it what which who where why how "
    "because although though since until instead indeed moreover thus amid amidst citing "
    "during despite following from with without under over among through across against "
    "toward towards beyond within unlike like except according asked speaking or nor here by "
    "back perhaps maybe inside outside overall likewise similarly otherwise besides beside "
    "around behind throughout upon once there's there’s that's that’s it's it’s".split()
)
_CALENDAR = frozenset(
    "monday tuesday wednesday thursday friday saturday sunday january february march "
    "april may june july august september october november december today yesterday "
    "tomorrow".split()
)
_NAME_STOPS = frozenset(
    "army navy staff state house ministry department office party campaign committee "
    "council general".split()
)


_REACH = 200  # characters a source phrase next to its cue may span, at most
_TAG_PHRASE_WORDS = 8
_NUMBER = regex.compile(r"\d[\d,.]*%?|\p{L}+-in-\p{L}+")
_QUANTITIES = frozenset(
    "half third quarter percent majority minority two-thirds three four five six seven eight "
    "nine ten dozens hundreds thousands millions about almost nearly roughly more fewer "
    "than in".split()
)
_PHRASE_WORD = regex.compile(r"[\p{L}\p{N}][\p{L}\p{M}\p{N}’'.\-]*")
_PHRASE = regex.compile(r"[\p{L}\p{N}][\p{L}\p{M}\p{N}’'.\- ]*")
_POSTMODIFIER_STARTS = frozenset(
    "familiar close with of in at for to who that from on about knowledgeable".split()
)
POSSESSIVES = frozenset(["his", "her", "their", "its", "our", "my", "your"])
_SUBJECT_OF = {"him": "he", "her": "she", "them": "they"}
_PARTICIPLE = regex.compile(r"\p{Ll}{3,}ed")
_WORDS_REMEMBERED = 4096  # words whose fit in a source phrase is remembered
_PHRASES_REMEMBERED = 256  # phrases whose name and titles are remembered: the recent ones recur
_SOURCES_REMEMBERED = 32  # positions whose source is remembered: rules read it again soon after


def _interned(words: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(map(sys.intern, words)) if words else ()


@attrs.define(weakref_slot=False, unsafe_hash=True, on_setattr=attrs.setters.NO_OP)
class Mention:
    """A possible source at ``[start, end)``.

    ``form`` is ``name``, ``pronoun``, ``description`` or ``coordination``
    (``Lee and Ruiz``); ``name`` is the person or body's name without titles
    (empty for the other forms, but for a relative ``who`` standing for a description,
    which carries the description's words); ``titles`` are the roles written with it;
    ``head`` is the lowercased last word. The same words recur in a text, so
    ``name``, ``titles`` and ``head`` share one string each across mentions
    (``sys.intern``).

    A value, hashed and compared by its fields, which no code sets after it is made
    (``attrs.evolve`` makes a changed copy): the class is not frozen, since the setters
    of a frozen class made building the mentions of the rules cost four times as much.
    """

    start: int
    end: int
    form: str
    name: str = attrs.field(converter=sys.intern)
    titles: tuple[str, ...] = attrs.field(converter=_interned)
    head: str = attrs.field(converter=sys.intern)


@functools.lru_cache(maxsize=_SOURCES_REMEMBERED)
def source_before(text: str, limit: int, position: int) -> Mention | None:
    """The source phrase ending right before ``position`` (``X said``), remembered for
    the last few positions: several rules read the source before one cue.

    >>> t = "the head of state told"
    >>> source_before(t, 0, t.index("told")).form
    'description'
    """
    return _phrase_ending(_tokens_before(text, max(limit, position - _REACH), position))


def _tokens_after(text: str, start: int, end: int) -> Iterator[tuple[str, int]]:
    """The tokens (``_TOKEN``) of ``text[start:end]`` with their starts, read lazily as
    :func:`_tokens_before` reads them, but from the first.

    >>> list(_tokens_after("the aide, O'Neil's [Sen.] 3.5%-ish", 4, 34))[:4]
    [('aide', 4), (',', 8), ("O'Neil's", 10), ('[', 19)]
    """
    while start < end:
        space = text.find(" ", start, end)
        run_end = end if space < 0 else space
        chunk = text[start:run_end]
        if chunk.removesuffix(".").isalpha() and chunk.isascii():  # ``Lee``, ``Lee.``
            yield chunk, start
        elif _is_word_and_comma(chunk):
            yield chunk[:-1], start
            yield ",", start + len(chunk) - 1
        elif chunk:
            # The tokens hold every character of the run but white space, which none
            # holds: a token starts at the first occurrence of its word after the last.
            at = start
            for word in _words(text, start, run_end):
                at = text.find(word, at, run_end)
                yield word, at
                at += len(word)
        if space < 0:
            return
        start = space + 1


def _words(text: str, start: int, end: int) -> list[str]:
    """The words of the tokens (``_TOKEN``) of ``text[start:end]``, found in one call,
    without their offsets; read by ``_ASCII_TOKEN`` when they are ASCII.

    >>> _words("the aide, O'Neil's [Sen.] 3.5%-ish", 4, 34)
    ['aide', ',', "O'Neil's", '[', 'Sen.', ']', '3.5%-ish']
    """
    pattern = _ASCII_TOKEN if text[start:end].isascii() else _TOKEN
    return pattern.findall(text, start, end)


def _is_word_and_comma(chunk: str) -> bool:
    """Whether ``chunk`` is ASCII letters and a comma, whose tokens (``_TOKEN``) are the
    letters and the comma: the commonest run that is not one word.

    >>> _is_word_and_comma("Lee,"), _is_word_and_comma(","), _is_word_and_comma("Lee.")
    (True, False, False)
    """
    return chunk[-1:] == "," and chunk[:-1].isalpha() and chunk.isascii()


def _tokens_before(text: str, start: int, end: int) -> Iterator[tuple[str, int]]:
    """The tokens of ``text[start:end]`` (as ``_TOKEN`` finds them) with their
    starts, the last first, read lazily: each run between spaces alone, since no token
    holds a space, and a run of ASCII letters, which is one token with a period after it,
    or two with a comma after it, without the regex.

    >>> list(_tokens_before("said Sen. Ann Lee,", 0, 18))
    [(',', 17), ('Lee', 14), ('Ann', 10), ('Sen.', 5), ('said', 0)]
    """
    while end > start:
        space = text.rfind(" ", start, end)
        run = start if space < 0 else space + 1
        chunk = text[run:end]
        if chunk.removesuffix(".").isalpha() and chunk.isascii():  # ``Lee``, ``Lee.``
            yield chunk, run
        elif _is_word_and_comma(chunk):
            yield ",", run + len(chunk) - 1
            yield chunk[:-1], run
        elif chunk:
            # The tokens hold every character of the run but white space, which none
            # holds: a token starts at the last occurrence of its word before the next.
            at = end
            for word in reversed(_words(text, run, end)):
                at = text.rfind(word, run, at)
                yield word, at
        if space < 0:
            return
        end = space


def _phrase_ending(tokens: Iterator[tuple[str, int]]) -> Mention | None:
    """The source phrase made of the last of ``tokens`` (given the last first, with
    their starts); the tokens further left are not read."""
    token = next(tokens, None)
    if token is not None and token[0] == ",":
        token = next(tokens, None)
    if token is None:
        return None
    last, at = token
    lower = last.lower()
    if lower in _lexicons.pronouns():
        return Mention(at, at + len(last), "pronoun", "", (), lower)
    if not _fits_phrase(last):
        return None
    words, starts = [last], [at]
    for word, at in tokens:
        if word in POSSESSIVES:
            words.append(word)
            starts.append(at)
            break
        if not _fits_inside(word):
            break
        words.append(word)
        starts.append(at)
    words.reverse()
    starts.reverse()
    return _mention(words, starts)


def source_after(text: str, position: int, limit: int) -> Mention | None:
    """The source phrase starting right after ``position`` (``said X``).

    >>> t = "said the president, adding"
    >>> source_after(t, 4, len(t)).head
    'president'
    """
    taken: list[str] = []
    starts: list[int] = []
    for word, at in _tokens_after(text, position, min(limit, position + _REACH)):
        lower = word.lower()
        if not taken and lower in _lexicons.pronouns() and lower not in POSSESSIVES:
            return Mention(at, at + len(word), "pronoun", "", (), lower) if (
                lower in SUBJECT_PRONOUNS) else None
        if not (_fits_inside(word) if taken else (_fits_phrase(word) and lower not in _CONNECTORS)):
            break
        taken.append(word)
        starts.append(at)
    if not taken:
        return None
    return _mention(taken[:], starts) or _mention(*_up_to_last_noun(taken, starts))


def _up_to_last_noun(words: list[str], starts: list[int]) -> tuple[list[str], list[int]]:
    """``the Court of Appeals for the 6``: the words (and their starts) up to the last
    name or head word."""
    for index in range(len(words) - 1, -1, -1):
        word = words[index]
        if _name_looking(word) or _is_head_word(word.lower()):
            return words[:index + 1], starts[:index + 1]
    return [], []


def tag_phrase(text: str, start: int, end: int) -> Mention | None:
    """The whole of ``text[start:end]`` as a source, when it is a short noun phrase.

    Used where the position alone says a phrase is the source, as in the tag
    ``"...," the conservative-leaning newspaper wrote``.

    >>> t = "the conservative-leaning newspaper"
    >>> tag_phrase(t, 0, len(t)).head
    'newspaper'
    """
    start, end = _strip_spaces(text, start, end)
    found = _PHRASE_WORD.finditer(text, start, end)
    words = [word.group() for word in itertools.islice(found, _TAG_PHRASE_WORDS + 1)]
    if not 0 < len(words) <= _TAG_PHRASE_WORDS or _PHRASE.fullmatch(text, start, end) is None:
        return None
    first = words[0].lower()
    if not (first in DETERMINERS or first in POSSESSIVES or _name_looking(words[0])):
        return None
    if first in CLAUSE_WORDS and first not in DETERMINERS or words[-1].lower() in CLAUSE_WORDS:
        return None
    name, titles = split_name(words)
    form = "name" if name else "description"
    return Mention(start, end, form, name, titles, _head_of(words))


def object_pronoun(text: str, position: int, limit: int) -> Mention | None:
    """``according to him``: a pronoun in object form, as a source.

    >>> object_pronoun("to them, it", 3, 11).head
    'they'
    """
    start = _strip_spaces(text, position, limit)[0]
    word = WORD.match(text, start, limit)
    subject = _SUBJECT_OF.get(word.group().lower()) if word else None
    if word is None or subject is None:
        return None
    return Mention(word.start(), word.end(), "pronoun", "", (), subject)


def phrase_head(words: list[str]) -> str:
    """The head noun of a long phrase: the last word before a post-modifier or a
    participle (``polls`` in ``exit polls reported by CNN``).

    >>> phrase_head(["a", "poll", "of", "voters", "released", "on", "Friday"])
    'poll'
    """
    for index, word in enumerate(words[1:], start=1):
        if word.lower() in _POSTMODIFIER_STARTS or _PARTICIPLE.fullmatch(word):
            return words[index - 1].lower().rstrip(".")
    return words[-1].lower().rstrip(".")


def phrase_reach(text: str, start: int, end: int) -> int:
    """How far a search for the end of a tag phrase from ``start`` need look.

    A phrase running past the end of its ``_TAG_PHRASE_WORDS + 1``-th word (and the
    space after) is too long for :func:`tag_phrase`, wherever it stops.

    >>> t = "one two three four five six seven eight nine ten"
    >>> t[:phrase_reach(t, 0, len(t))]
    'one two three four five six seven eight nine '
    """
    words = _PHRASE_WORD.finditer(text, start, end)
    too_many = next(itertools.islice(words, _TAG_PHRASE_WORDS, None), None)
    return end if too_many is None else min(end, too_many.end() + 1)


def _head_of(words: list[str]) -> str:
    """The head noun: the last word before a post-modifier (``a source familiar with``)."""
    for index, word in enumerate(words[1:], start=1):
        if word.lower() in _POSTMODIFIER_STARTS:
            return words[index - 1].lower().rstrip(".")
    return words[-1].lower().rstrip(".")


def _strip_spaces(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start] in " ,\t":
        start += 1
    while end > start and text[end - 1] in " ,\t":
        end -= 1
    return start, end


@functools.lru_cache(maxsize=_WORDS_REMEMBERED)
def _fits_phrase(word: str) -> bool:
    """Whether ``word`` may end a source phrase, or open one read rightwards."""
    lower = word.lower()
    if lower in CLAUSE_WORDS and lower not in DETERMINERS:
        return False
    if _NAME_LOOKING.match(word) or word in "[]" or lower in _POSSESSIVE_ENDINGS:
        return True
    if lower in DETERMINERS or lower in _MODIFIERS or lower in _CONNECTORS:
        return True
    if lower in _QUANTITIES or _NUMBER.fullmatch(word):
        return True
    if word.islower() and lower.endswith(_ADJECTIVE_ENDINGS) and lower not in CLAUSE_WORDS:
        return True
    return _is_head_word(lower) or (lower.endswith(".") and _is_head_word(lower[:-1]))


@functools.lru_cache(maxsize=_WORDS_REMEMBERED)
def _fits_inside(word: str) -> bool:
    """Whether ``word`` may stand inside a source phrase, after its first word: as
    :func:`_fits_phrase`, or as a noun owning the head (``the company's chief executive``)."""
    if _fits_phrase(word):
        return True
    lower = word.lower()
    return not (lower in CLAUSE_WORDS and lower not in DETERMINERS) and lower.endswith(
        _POSSESSIVE_ENDINGS) and lower[:-2].isalpha()


def _is_head_word(lower: str) -> bool:
    """Whether ``lower`` heads a source: a word of the lexicons, the singular of one of
    their plurals (``voter`` for ``voters``), or the plural of a body (``groups``)."""
    heads = _head_words()
    return lower in heads or (lower + "s" in heads or lower[-1:] == "s" and (
        lower[:-1] in _lexicons.organization_heads())) and lower not in _MODIFIERS


@functools.cache
def _head_words() -> frozenset[str]:
    """The nouns that head a source: roles, anonymous sources, groups, bodies, evidence."""
    return _role_words().union(_lexicons.anonymous_heads(), _lexicons.group_heads(),
                               _lexicons.organization_heads(), _lexicons.evidence_heads(),
                               _lexicons.media_heads())


@functools.cache
def _role_words() -> frozenset[str]:
    words = {word for title in _lexicons.titles() for word in title.split()}
    return frozenset(words - DETERMINERS - _CONNECTORS)


def _mention(words: list[str], starts: list[int]) -> Mention | None:
    """The mention made of ``words`` (which it may change), starting at ``starts``."""
    first, last = 0, len(words) - 1
    while first <= last and words[first].lower() in _NOT_OPENING:
        first += 1
    dangling = _dangling()
    while first <= last and words[last].lower() in dangling:
        last -= 1
    if first > last:
        return None
    end = starts[last] + len(words[last])
    if words[last][-1] == "." and _is_sentence_stop(words[last]):
        end -= 1
        words[last] = words[last][:-1]
    words = words[first:last + 1]
    head = words[-1].lower().rstrip(".")
    name, titles = _split_name(tuple(words))  # split_name, one call less
    if name:
        form = "name"
    elif _is_head_word(head):
        form = "description"
    else:
        return None
    return Mention(starts[first], end, form, name, titles, head)


def _is_sentence_stop(word: str) -> bool:
    if not word.endswith("."):
        return False
    stem = word[:-1].lower()
    return len(stem) > 1 and stem not in _lexicons.abbreviations()


@functools.cache
def _dangling() -> frozenset[str]:
    """The words that cannot end a phrase (lowercased): connectors, determiners,
    modifiers and ``[``, unless they are words of a role."""
    return frozenset((_CONNECTORS | DETERMINERS | _MODIFIERS | {"["}) - _role_words())


def split_name(words: list[str]) -> tuple[str, tuple[str, ...]]:
    """Split the words of a phrase into a name and the titles before it.

    >>> split_name(["Defense", "Minister", "[", "Sergey", "Shoigu", "]"])
    ('Sergey Shoigu', ('Defense Minister',))
    >>> split_name(["the", "head", "of", "state"])
    ('', ('head of state',))
    >>> split_name(["Sen.", "Ted", "Cruz", "of", "Texas"])
    ('Ted Cruz', ('Sen.',))
    """
    return _split_name(tuple(words))


def split_name_once(words: tuple[str, ...]) -> tuple[str, tuple[str, ...]]:
    """:func:`split_name` of a phrase read once, whose split is not remembered (it would
    push out the phrases next to cues, which the rules read again).

    >>> split_name_once(("Sen.", "Ann", "Lee"))
    ('Ann Lee', ('Sen.',))
    """
    if len(words) > 2 and words[-2] == "of" and _name_looking(words[-1]):
        person = _person_before_place(words[:-2])
        if person is not None:
            return person
    if "[" in words and "]" in words[words.index("[") :]:
        opening = words.index("[")
        closing = words.index("]", opening)
        inner = [w for w in words[opening + 1 : closing] if _name_looking(w)]
        outer = _title_words(words[:opening])
        return " ".join(inner), ((outer,) if outer else ())
    name: list[str] = []
    title_stems = _title_stems()
    for word in reversed(words):  # "’s" is not capitalised: it ends a name too
        stem = word.lower().rstrip(".")
        first = word[:1]  # _name_looking(word), written out in this loop of every phrase
        if stem in _NAME_STOPS or stem in title_stems or not (
                "A" <= first <= "Z" if first < "\x80" else _NAME_LOOKING.match(word)):
            break
        name.append(word)
    if not name:
        titles = _title_words(words)
        return "", ((titles,) if titles else ())
    name.reverse()
    rest = words[: len(words) - len(name)]
    if len(name) == 1:  # _looks_like_name, unless a title comes before the one word
        if not (rest and rest[-1].lower().rstrip(".") in title_stems or (
                _looks_like_one_word_name(name[0].lower()))):
            name, rest = [], words
    elif not _looks_like_name(name):
        name, rest = [], words
    titles = _title_words(rest) if rest else ""
    return " ".join(name), ((titles,) if titles else ())


# split_name, remembered for the last few phrases: several rules read the source next to
# one cue. More phrases would hold memory for few more hits.
_split_name = functools.lru_cache(maxsize=_PHRASES_REMEMBERED)(split_name_once)


def _name_looking(word: str) -> bool:
    """Whether ``word`` opens with a capital letter (``_NAME_LOOKING``); an ASCII first
    letter is read without the regex."""
    first = word[:1]
    if first < "\x80":
        return "A" <= first <= "Z"
    return _NAME_LOOKING.match(word) is not None


def _person_before_place(words: tuple[str, ...]) -> tuple[str, tuple[str, ...]] | None:
    """``Ted Cruz`` of ``Ted Cruz of Texas``: a person's name before ``of`` and a place,
    known by a title before it or a known first name."""
    name, titles = _split_name(words)
    parts = name.split()
    if len(parts) < 2 and not titles:
        return None
    if titles or parts[0].lower() in _lexicons.first_names():
        return name, titles
    return None


@functools.cache
def _title_stems() -> frozenset[str]:
    """The titles, with and without a final period, and the title abbreviations."""
    titles = _lexicons.titles()
    return frozenset([*titles, *(t[:-1] for t in titles if t.endswith(".")), *(
        a for a, kind in _lexicons.abbreviations().items() if kind == "title")])


def _looks_like_name(words: list[str]) -> bool:
    """Whether ``words`` (two or more; :func:`_looks_like_one_word_name` reads one) may be
    a name: no day or month, and not only bodies, groups and determiners."""
    lowered = [w.lower() for w in words]
    return _CALENDAR.isdisjoint(lowered) and not _organization_or_determiner().issuperset(lowered)


def _looks_like_one_word_name(lower: str) -> bool:
    """Whether one word, lowercased, may be a name alone: neither a day or month, nor a
    word that opens sentences (``Speaking``, ``Eight``), nor a body, group or anonymous
    source, nor a determiner.

    >>> _looks_like_one_word_name("tuesday"), _looks_like_one_word_name("lee")
    (False, True)
    """
    return lower not in _not_one_word_names() and not lower.endswith("ing")


@functools.cache
def _not_one_word_names() -> frozenset[str]:
    """The words, lowercased, that are no name alone: days and months, quantities, bodies,
    groups, anonymous sources and determiners."""
    return _organization_or_determiner().union(
        _CALENDAR, _QUANTITIES, _lexicons.group_heads(), _lexicons.anonymous_heads())


@functools.cache
def _organization_or_determiner() -> frozenset[str]:
    """The organisation heads and names, and the determiners: no name is made of these
    alone."""
    return frozenset(_lexicons.organization_heads()).union(DETERMINERS)


@functools.lru_cache(maxsize=_WORDS_REMEMBERED)
def _title_like(word: str) -> bool:
    """Whether ``word`` may stand in a title: a role word, a connector, a determiner, a
    modifier or a capitalised word (remembered: titles recur)."""
    lower = word.lower()
    if lower in _role_words() or lower in _CONNECTORS or lower in DETERMINERS:
        return True
    if lower in _POSSESSIVE_ENDINGS or lower in _MODIFIERS:
        return True
    return word[:1].isupper() and not word.isupper() and word[-1:].isalpha()


def _title_words(words: Sequence[str]) -> str:
    kept: list[str] = []
    for word in reversed([w for w in words if w not in "[]"]):
        if not _title_like(word):
            break
        kept.insert(0, word)
    while kept and kept[0].lower() in DETERMINERS:
        kept = kept[1:]
    while kept and kept[-1].lower() in _NOT_CLOSING_TITLE:
        kept = kept[:-1]
    return " ".join(kept).replace(" ’s", "’s").replace(" 's", "'s")


def is_source_head(word: str) -> bool:
    """Whether ``word``, lowercased, is a noun that heads a source (a role, a group, a
    body, an anonymous source or a document).

    >>> is_source_head("Experts"), is_source_head("bridge")
    (True, False)
    """
    return _is_head_word(word.lower())
