"""Clustering source mentions into entities, one per real-world speaker.

Names cluster by surname with the fullest form seen in the document;
pronouns go to the most recent person named outside quotations; descriptions
(``the head of state``) go to the most recent entity whose titles share a
role with them. Where nothing links two mentions they stay apart.

>>> from quoteattr._attribute import attribute
>>> t = 'Russian President Vladimir Putin spoke. "We won," Putin said.'
>>> from quoteattr._quotes import layout_of
>>> layout = layout_of(t)
>>> speakers, entities = resolve(t, [a.source for a in attribute(t)], layout.quoted_spans(),
...                              layout.paragraphs)
>>> speakers[0].name, speakers[0].titles
('Vladimir Putin', ('Russian President',))
"""

from __future__ import annotations

import bisect
import collections
import functools
import heapq
import itertools
import math
import operator
import re
import sys
from typing import Iterator, NamedTuple, Sequence, cast

import attrs
import regex

from quoteattr import _lexicons, _trusted
from quoteattr._mentions import CLAUSE_WORDS, DETERMINERS, Mention, split_name_once
from quoteattr._text import WORD, ends_with_mark
from quoteattr.model import Entity, EntityKind

_ROLE_SYNONYMS = {
    "head of state": "president",
    "sen.": "senator",
    "gov.": "governor",
    "rep.": "representative",
    "spokeswoman": "spokesperson",
    "spokesman": "spokesperson",
    "gen.": "general",
}
_NEVER_NAMES = CLAUSE_WORDS | DETERMINERS | frozenset(
    "i he she they we it you his her their our its my your a".split())
_RUN_WORD = regex.compile(r"\[|\]|[^\s\[\]]+")
_SALIENCE_WINDOW = 40
_LONGEST_TITLE = 5
_PLURAL_REACH = 600
_RUNS_REMEMBERED = 8192
_KINDS_REMEMBERED = 1024
_SHORT_WORD = 2
_HEADLINE_WORDS = (4, 30)
_HEADLINE_CAPITALISED = 0.6
_HEADLINE_LOWERCASE = (1 - _HEADLINE_CAPITALISED) * _HEADLINE_WORDS[1]  # rule a headline out
# A word in lower case of three letters or more, after a space: found by the standard
# library's re, which scans for the space fast.
_PROSE_WORD = re.compile(" [a-z]{3}")
# Words of _NEVER_NAMES capitalised or in upper case, as runs of them are (``The``),
# whose _parse_run is None.
_NEVER_NAMES_CASED = frozenset(cased for word in _NEVER_NAMES
                               for cased in (word.capitalize(), word.upper())
                               if cased.lower() in _NEVER_NAMES)
_NOT_IN_A_NAME = CLAUSE_WORDS | (DETERMINERS - {"the"})  # "The" opens names of outlets
_PLURAL_KINDS = frozenset([EntityKind.GROUP, EntityKind.ORGANIZATION, EntityKind.ANONYMOUS])
_DESCRIPTION_WINDOW = 200
_FEMININE = frozenset(["she", "her", "hers", "herself"])
_MASCULINE = frozenset(["he", "him", "his", "himself"])
_PERSONAL = _FEMININE | _MASCULINE
_start_first = operator.itemgetter(0)  # the start of a candidate antecedent
_end_of = operator.itemgetter(1)  # a _NameMention's end


@attrs.define(weakref_slot=False, on_setattr=attrs.setters.NO_OP)
class _Cluster:
    """An entity in the making: its name, kind, titles, gender and mentions.

    A mention is kept as the end of the first mention at its start, or, for the rare
    mention starting there but ending elsewhere, as a pair: a dict of offsets takes
    less memory than a set of pairs, and a mention added again takes none. Its name is
    converted when it is made and never set again, so setting a field runs no hook.
    """

    name: str = attrs.field(converter=sys.intern)  # one string for many "officials"
    kind: EntityKind
    ends: dict[int, int] = attrs.Factory(dict)
    other_mentions: tuple[tuple[int, int], ...] = ()
    titles: tuple[str, ...] = ()
    gender: str = attrs.field()

    @gender.default
    def _gender_of_first_name(self) -> str:
        if self.kind is not EntityKind.PERSON or " " not in self.name:
            return "-"
        return _lexicons.first_names().get(self.name.split()[0].lower(), "-")

    def add(self, start: int, end: int, titles: Sequence[str] = ()) -> None:
        if self.ends.setdefault(start, end) != end and (start, end) not in self.other_mentions:
            self.other_mentions = (*self.other_mentions, (start, end))
        for title in titles:
            if title and title not in self.titles:
                self.titles = (*self.titles, title)
            self.gender = _gender_of(title) if self.gender == "-" else self.gender

    def mentions(self) -> Iterator[tuple[int, int]]:
        """The offsets of the mentions, each once, in text order.

        >>> cluster = _Cluster("Ann Lee", EntityKind.PERSON)
        >>> for start, end in [(9, 12), (0, 7), (9, 12), (0, 3)]:
        ...     cluster.add(start, end)
        >>> list(cluster.mentions())
        [(0, 3), (0, 7), (9, 12)]
        """
        starts = sorted(self.ends)
        firsts = zip(starts, map(self.ends.__getitem__, starts))
        return heapq.merge(firsts, sorted(self.other_mentions)) if self.other_mentions else firsts


class _NameMention(NamedTuple):
    start: int
    end: int
    name: str
    titles: tuple[str, ...]
    quoted: bool
    surname: str


# A _NameMention made of a tuple of its fields, without the Python call of its __new__.
_name_mention = functools.partial(tuple.__new__, _NameMention)


def resolve(
    text: str,
    mentions: Sequence[Mention | None],
    quoted: Sequence[tuple[int, int]],
    paragraphs: Sequence[tuple[int, int]],
) -> tuple[list[Entity | None], tuple[Entity, ...]]:
    """Resolve each source mention to the entity it refers to.

    Mentions are read in text order, so a pronoun finds the people named
    before it. ``quoted`` are the insides of the quotations of ``text``, whose
    names do not count as antecedents of pronouns; ``paragraphs`` its paragraphs.

    Returns:
        The entity of each mention (``None`` where there is none to find) and
        the entities in order of first mention.
    """
    keys, clusters = _clusters(text, mentions, quoted, paragraphs)
    found = dict.fromkeys(k for k in keys if k is not None)
    entities = {k: _entity(text, clusters.pop(k)) for k in found}
    ordered = tuple(sorted(entities.values(), key=_first_mention))
    return [None if k is None else entities[k] for k in keys], ordered


def _clusters(
    text: str,
    mentions: Sequence[Mention | None],
    quoted: Sequence[tuple[int, int]],
    paragraphs: Sequence[tuple[int, int]],
) -> tuple[list[str | None], dict[str, _Cluster]]:
    """The cluster key of each mention (``None`` where there is none to find), and the
    clusters, holding every mention of their names in the text.

    The text's name mentions are freed on return, before the entities are built.
    """
    names = _Names(_name_mentions(text, quoted, paragraphs), quoted)
    clusters: dict[str, _Cluster] = {}
    keys: list[str | None] = [None] * len(mentions)
    in_text_order = [index for index, mention in enumerate(mentions) if mention is not None]
    in_text_order.sort(key=lambda index: cast(Mention, mentions[index]).start)
    for index in in_text_order:
        keys[index] = _resolve_source(text, cast(Mention, mentions[index]), names, clusters)
    found = dict.fromkeys(k for k in keys if k is not None)
    surnames = dict.fromkeys(k.split()[-1] for k in found)  # a name's key keeps its surname
    for surname in surnames:
        for mention in names.by_surname.get(surname, ()):
            key = names.key(mention.name, mention.start)
            if key in found:
                clusters[key].add(mention.start, mention.end, mention.titles)
    return keys, clusters


def _first_mention(entity: Entity) -> tuple[int, int, str]:
    """Order entities by first mention, then by name, the same in every process."""
    return entity.mentions[0].start, entity.mentions[0].end, entity.name


class _Names:
    """The capitalised name mentions of a document, indexed for linear-time lookups."""

    def __init__(self, mentions: list[_NameMention], quoted: Sequence[tuple[int, int]]) -> None:
        self.mentions = mentions
        self.quoted = quoted
        self.quoted_starts = [s for s, _ in quoted]
        self.ends = list(map(_end_of, mentions))
        # The mentions of each surname in text order, which few lookups ask for.
        self.by_surname: dict[str, list[_NameMention]] = {}
        for mention in mentions:  # get, not setdefault, which makes a list each time
            same = self.by_surname.get(mention.surname)
            if same is None:
                self.by_surname[mention.surname] = [mention]
            else:
                same.append(mention)
        self.starts_by_surname: dict[str, dict[str, list[int]]] = {}
        self.longer_forms: dict[str, list[tuple[str, int, list[int]]]] = {}
        # The latest people and groups resolved, the candidates for pronouns.
        self.resolved: collections.deque[tuple[int, int, str]] = collections.deque(
            maxlen=_SALIENCE_WINDOW)
        self.resolved_groups: collections.deque[tuple[int, str]] = collections.deque(
            maxlen=_SALIENCE_WINDOW)

    def key(self, name: str, position: int) -> str:
        """The fullest form of ``name`` in the document: ``Putin`` -> ``Vladimir Putin``.

        Of two full names that share a surname (Bill and Hillary Clinton), the one
        mentioned last before ``position`` wins.
        """
        forms = self.longer_forms.get(name)
        if forms is None:
            forms = self._longer_forms(name)
        if len(forms) < 2:  # no rival forms: the one longer form, if any, has the most words
            return forms[0][0] if forms else name
        best, best_rank = name, (0, -1)
        for other, length, starts in forms:
            latest = bisect.bisect_right(starts, position) - 1
            rank = (length, starts[latest] if latest >= 0 else -1)
            if rank > best_rank:
                best, best_rank = other, rank
        return best

    def _longer_forms(self, name: str) -> list[tuple[str, int, list[int]]]:
        """The names ``name`` may be short for, each with its number of words and the
        starts of its mentions: the same surname, more words and, unless ``name`` is a
        surname alone, the same first word. Found once per name (kept in
        ``longer_forms``), as names recur.
        """
        tokens = name.split()
        forms = self.longer_forms[name] = []
        for other, starts in self._starts_by_name(tokens[-1]).items():
            other_tokens = other.split()
            if len(other_tokens) > len(tokens) and (
                    len(tokens) == 1 or other_tokens[0] == tokens[0]):
                forms.append((other, len(other_tokens), starts))
        return forms

    def _starts_by_name(self, surname: str) -> dict[str, list[int]]:
        """The starts of the mentions of each name ending in ``surname``, the names in
        order of first mention. Found once per surname, as its names are looked up."""
        starts = self.starts_by_surname.get(surname)
        if starts is not None:
            return starts
        starts = self.starts_by_surname[surname] = {}
        for mention in self.by_surname.get(surname, ()):
            same = starts.get(mention.name)  # get, not setdefault, which makes a list each time
            if same is None:
                starts[mention.name] = [mention.start]
            else:
                same.append(mention.start)
        return starts

    def before(self, position: int, window: int) -> list[_NameMention]:
        """The last ``window`` name mentions ending at or before ``position``, latest first."""
        last = bisect.bisect_right(self.ends, position)
        return self.mentions[max(0, last - window):last][::-1]


def _inside(quoted: Sequence[tuple[int, int]], starts: list[int], position: int) -> bool:
    index = bisect.bisect_right(starts, position) - 1
    return index >= 0 and quoted[index][0] <= position < quoted[index][1]


def _name_mentions(
    text: str, quoted: Sequence[tuple[int, int]], paras: Sequence[tuple[int, int]]
) -> list[_NameMention]:
    """The name mentions of ``text``, in text order, read off its capitalised runs one
    at a time: no run is held after it is parsed."""
    headlines = _title_case_paragraphs(text, paras)
    headline_starts = [h for h, _ in headlines]
    found = []
    after = 0  # the first quotation that does not end before the run
    count = len(quoted)
    for run in _capitalised_runs(text):
        start, end = run.span()
        if headlines and _inside(headlines, headline_starts, start):
            start, end = _first_and_last_name(text, start, end)
        piece = text[start:end]
        parsed = None if piece in _NEVER_NAMES_CASED else _parse_run(piece)  # a call saved
        if parsed is not None:
            while after < count and quoted[after][1] <= start:
                after += 1
            name, titles, offset, surname = parsed
            found.append(_name_mention((start + offset, end, name, titles,
                                        after < count and quoted[after][0] <= start, surname)))
    return found


def _title_case_paragraphs(text: str, paras: Sequence[tuple[int, int]]) -> list[tuple[int, int]]:
    """The headlines in title case among ``paras`` (``U.S. Nominates Jim Yong Kim for
    New Term``), where a run of capitalised words is not a name."""
    # A paragraph whose last character is a period, as most are, ends with a period:
    # ends_with_mark is read only for the others.
    return [(start, end) for start, end in paras
            if not (start < end and text[end - 1] == ".")
            and not ends_with_mark(text, start, end, ".") and _in_title_case(text, start, end)]


def _in_title_case(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` has a headline's number of words, most capitalised;
    words of ``_SHORT_WORD`` letters or fewer do not count. Prose is ruled out at once by
    its many plain lower case words (``_PROSE_WORD``), each the start of a word ``WORD``
    finds; other text is read word by word, until too many start in lower case.

    >>> t = "Putin Says Talks Will Resume; he said that the talks about it will resume"
    >>> _in_title_case(t, 0, 29), _in_title_case(t, 0, len(t))
    (True, False)
    """
    prose = _PROSE_WORD.finditer(text, start, end)
    if next(itertools.islice(prose, math.ceil(_HEADLINE_LOWERCASE) - 1, None), None) is not None:
        return False
    capitalised = lowercase = 0
    for word in WORD.findall(text, start, end):
        if len(word) <= _SHORT_WORD:
            continue
        if word[0].isupper():
            capitalised += 1
        else:
            lowercase += 1
            if lowercase >= _HEADLINE_LOWERCASE:
                return False
    words = capitalised + lowercase
    return (_HEADLINE_WORDS[0] <= words <= _HEADLINE_WORDS[1]
            and capitalised > _HEADLINE_CAPITALISED * words)


def _first_and_last_name(text: str, start: int, end: int) -> tuple[int, int]:
    """In a headline run, the known first name and the word after it
    (``Says Hillary Clinton Must`` -> ``Hillary Clinton``); empty if there is none."""
    names = _lexicons.first_names()
    words = list(WORD.finditer(text, start, end))
    for index, word in enumerate(words[:-1]):
        if word.group().lower() in names:
            return word.start(), words[index + 1].end()
    return end, end


@functools.lru_cache(maxsize=_RUNS_REMEMBERED)
def _parse_run(run: str) -> tuple[str, tuple[str, ...], int, str] | None:
    """The name in a capitalised run, its titles, where the mention starts in the run,
    and the name's last word (its surname).

    Runs repeat within and across articles (``Donald Trump``, ``The``), so the
    parse of each is remembered.
    """
    if run.lower() in _NEVER_NAMES:
        return None
    # The words of a run are split by spaces and tabs only: without brackets, the words
    # ``_RUN_WORD`` finds are those ``str.split`` gives.
    words = run.split() if "[" not in run and "]" not in run else _RUN_WORD.findall(run)
    while len(words) > 1 and words[0].lower() in _NOT_IN_A_NAME:
        words = words[1:]
    name, titles = split_name_once(tuple([w.rstrip(".,") if w not in "[]" else w for w in words]))
    if not name:
        return None
    first_word = (titles[0] if titles else name).split()[0]
    name_at = run.rfind(name)
    return (name, titles, max(0, run.rfind(first_word, 0, name_at + len(first_word))),
            name.split()[-1])


def _capitalised_runs(text: str) -> Iterator[regex.Match]:
    """The runs of capitalised words in ``text``, in text order: name candidates.

    A run starts with a capital letter, which the regex engine skips to quickly, or
    with a title abbreviation in lower case (``sen. Ann Lee``); only a text holding
    one of those is scanned letter by letter.

    >>> [run.group() for run in _capitalised_runs("He met sen. Ann Lee and Bo.")]
    ['He', 'sen. Ann Lee', 'Bo']
    """
    patterns = _run_patterns()
    if patterns.lowercase_title.search(text) is None:
        return patterns.from_capital.finditer(text)
    return patterns.anywhere.finditer(text)


class _RunPatterns(NamedTuple):
    anywhere: regex.Pattern
    from_capital: regex.Pattern
    lowercase_title: regex.Pattern


@functools.cache
def _run_patterns() -> _RunPatterns:
    titles = sorted((a for a, kind in _lexicons.abbreviations().items() if kind == "title"),
                    key=len, reverse=True)
    abbreviation = "|".join(regex.escape(a) for a in titles)
    guard = _abbreviation_guard(titles)
    word = (rf"(?:{guard}(?:(?i:{abbreviation})\.|\p{{Lu}}\.)"
            rf"|\p{{Lu}}[\p{{L}}\p{{M}}’'\-]*)")
    starts_a_word = r"(?<![\p{L}\p{M}\p{N}]|\p{L}\.)"
    words = rf"{word}(?:[ \t]+\[?[ \t]*{word}\]?)*"
    return _RunPatterns(
        anywhere=regex.compile(rf"{starts_a_word}(?=\p{{L}}){words}"),
        from_capital=regex.compile(rf"(?=\p{{Lu}}){starts_a_word}{words}"),
        lowercase_title=regex.compile(
            rf"\.{_last_letter_guard(titles)}(?<={starts_a_word}(?!\p{{Lu}})(?i:{abbreviation})\.)"),
    )


def _last_letter_guard(titles: list[str]) -> str:
    """A lookbehind, at a period, that the period of every title abbreviation of
    ``titles`` passes: a last letter of one before it. Most periods, after other words,
    fail it at once, before the abbreviations are tried one by one.

    >>> print(_last_letter_guard(["gen", "dr"]))
    (?<=(?i:[nr])\\.)
    """
    if not titles:
        return ""
    letters = "".join(regex.escape(letter) for letter in sorted({t[-1] for t in titles}))
    return rf"(?<=(?i:[{letters}])\.)"


def _abbreviation_guard(titles: list[str]) -> str:
    """A lookahead that every title abbreviation of ``titles`` and every initial
    (``J.``) passes, when all the abbreviations are plain letters: as many letters as
    one has, then its period. Most words fail it at once, before the abbreviations are
    tried one by one."""
    if not titles or not all(title.isalpha() for title in titles):
        return ""
    return rf"(?=\p{{L}}{{1,{max(map(len, titles))}}}\.)"


def _resolve_source(
    text: str, source: Mention, names: _Names, clusters: dict[str, _Cluster]
) -> str | None:
    if source.form == "name":
        key = names.key(source.name, source.start)
        kind = _kind_of_name(key)
        cluster = _cluster_of(clusters, key, kind)
        cluster.add(source.start, source.end, source.titles)
        if kind is EntityKind.PERSON and not _inside(names.quoted, names.quoted_starts, source.start):
            names.resolved.append((source.start, source.end, key))
        if kind in _PLURAL_KINDS:
            names.resolved_groups.append((source.start, key))
        return key
    if source.form == "pronoun":
        key = _antecedent(source, names, clusters) or _plural_antecedent(source, names)
    elif source.form == "description":
        key = _described(source, names, clusters)
    else:
        key = None
    if key is None:
        key = _own_cluster(text, source, clusters)
    if key is not None:
        clusters[key].add(source.start, source.end, source.titles if source.form != "pronoun" else ())
        if clusters[key].kind in _PLURAL_KINDS and source.form != "pronoun":
            names.resolved_groups.append((source.start, key))
        if source.form == "description" and clusters[key].kind is EntityKind.PERSON and " " in key:
            names.resolved.append((source.start, source.end, key))
    return key


def _cluster_of(clusters: dict[str, _Cluster], key: str, kind: EntityKind) -> _Cluster:
    """The cluster of ``key``, made of ``kind`` if there is none yet: a cluster is made
    only when it is new, which ``setdefault`` would do for every mention."""
    cluster = clusters.get(key)
    if cluster is None:
        cluster = clusters[key] = _Cluster(key, kind)
    return cluster


def _plural_antecedent(source: Mention, names: _Names) -> str | None:
    """``they``: the group, organisation or anonymous sources quoted last, close by."""
    if source.head != "they":
        return None
    for start, key in reversed(names.resolved_groups):
        if start < source.start and source.start - start <= _PLURAL_REACH:
            return key
    return None


def _antecedent(source: Mention, names: _Names, clusters: dict[str, _Cluster]) -> str | None:
    if source.head not in _PERSONAL:
        return None
    wanted = "f" if source.head in _FEMININE else "m"
    for start, end, name, titles in _person_candidates(source.start, names):
        key = names.key(name, start)
        if not _is_person_name(key, titles):
            continue
        cluster = _cluster_of(clusters, key, EntityKind.PERSON)
        cluster.add(start, end, titles)
        if cluster.gender in ("-", wanted):
            cluster.gender = wanted
            return key
    return None


def _person_candidates(
    position: int, names: _Names
) -> Iterator[tuple[int, int, str, tuple[str, ...]]]:
    """The candidate antecedents of a pronoun at ``position``, latest start first: the
    last ``_SALIENCE_WINDOW`` name mentions ending there or before, outside quotations,
    and the people resolved last ending there or before; at one start, the name mention
    comes first. Made one at a time, as the first or second is most often taken.
    """
    resolved = sorted([r for r in names.resolved if r[1] <= position], key=_start_first,
                      reverse=True)  # a stable sort: at one start, the order resolved
    taken = 0
    for mention in names.before(position, _SALIENCE_WINDOW):
        if mention.quoted:
            continue
        while taken < len(resolved) and resolved[taken][0] > mention.start:
            start, end, key = resolved[taken]
            yield start, end, key, ()
            taken += 1
        yield mention.start, mention.end, mention.name, mention.titles
    for start, end, key in resolved[taken:]:
        yield start, end, key, ()


def _is_person_name(key: str, titles: tuple[str, ...]) -> bool:
    words = _person_words(key)
    return words > 1 or (words == 1 and bool(titles))


@functools.lru_cache(maxsize=_KINDS_REMEMBERED)
def _person_words(key: str) -> int:
    """The number of words of ``key`` if it may be a person's name, else 0; the keys
    tried for pronouns recur, so the last ``_KINDS_REMEMBERED`` are remembered (some
    100 kB)."""
    if _kind_of_name(key) is not EntityKind.PERSON:
        return 0
    words = key.split()
    if any(word.isupper() and len(word) > 1 for word in words):
        return 0
    if words[0].lower() in DETERMINERS or words[0].lower() in CLAUSE_WORDS:
        return 0
    return len(words)


def _described(source: Mention, names: _Names, clusters: dict[str, _Cluster]) -> str | None:
    wanted = _roles(" ".join(source.titles) or source.head)
    if not wanted:
        return None
    for mention in names.before(source.start, _DESCRIPTION_WINDOW):
        if mention.titles and _roles(" ".join(mention.titles)) & wanted:
            key = names.key(mention.name, mention.start)
            _cluster_of(clusters, key, EntityKind.PERSON).add(
                mention.start, mention.end, mention.titles)
            return key
    return None


def _own_cluster(text: str, source: Mention, clusters: dict[str, _Cluster]) -> str | None:
    if source.form == "pronoun":
        return None
    phrase = source.name or text[source.start:source.end]
    kind = _kind_of_description(source)
    name = phrase
    if kind in (EntityKind.ORGANIZATION, EntityKind.MEDIA) and name.lower().startswith("the ") and any(
            w[:1].isupper() for w in name.split()[1:]):
        name = name[4:]
    key = f"{phrase}@{source.start}"
    clusters[key] = _Cluster(name, kind)
    return key


@functools.lru_cache(maxsize=_KINDS_REMEMBERED)
def _roles(title: str) -> frozenset[str]:
    """The roles named in a title: every run of its words that is in the titles lexicon.
    Titles recur, each read again for every description after it, so the roles of the
    last ``_KINDS_REMEMBERED`` are remembered (some 400 kB)."""
    words = title.lower().split()
    titles = _lexicons.titles()
    found = set()
    for start in range(len(words)):
        for end in range(start + 1, min(len(words), start + _LONGEST_TITLE) + 1):
            role = " ".join(words[start:end])
            if role in titles:
                found.add(_ROLE_SYNONYMS.get(role, role))
    return frozenset(found)


@functools.lru_cache(maxsize=_KINDS_REMEMBERED)
def _kind_of_name(name: str) -> EntityKind:
    """The kind of entity a name is of; names recur within and across articles, so the
    kinds of the last ``_KINDS_REMEMBERED`` are remembered (some 200 kB)."""
    lowered = name.lower()
    if lowered in _lexicons.media_outlets():
        return EntityKind.MEDIA
    words = lowered.split()
    if lowered in _lexicons.organization_heads() or words[-1] in _lexicons.organization_heads():
        return EntityKind.ORGANIZATION
    if len(words) == 1 and lowered in _lexicons.group_heads():
        return EntityKind.GROUP
    return EntityKind.PERSON


def _kind_of_description(source: Mention) -> EntityKind:
    if source.form == "coordination":
        return EntityKind.GROUP
    head = source.head
    if head in _lexicons.anonymous_heads():
        return EntityKind.ANONYMOUS
    if head in _lexicons.group_heads():
        return EntityKind.GROUP
    if head in _lexicons.media_heads():
        return EntityKind.MEDIA
    if head in _lexicons.organization_heads():
        return EntityKind.ORGANIZATION
    if head in _lexicons.titles():
        return EntityKind.PERSON
    return EntityKind.UNKNOWN


def _gender_of(title: str) -> str:
    genders = _lexicons.titles()
    for word in title.lower().split():
        if genders.get(word, "-") != "-":
            return genders[word]
    return "-"


def _entity(text: str, cluster: _Cluster) -> Entity:
    mentions = _trusted.spans(text, cluster.mentions())
    name = _lexicons.media_outlets().get(cluster.name.lower(), cluster.name)
    return _trusted.entity(name, cluster.kind, mentions, cluster.titles)
