"""Quote analysis across a corpus: who is quoted, how, in what terms and through whom.

:func:`summarize` (or a :class:`Corpus` fed one document at a time) reduces analysed
documents to a :class:`Summary`: counts only, never the documents, so memory grows
with the number of distinct speakers, relays and cue verbs, not with the corpus.
Summaries add up: the summary of a corpus is the sum of the summaries of its parts.

>>> import quoteattr
>>> doc = quoteattr.analyze('"We won," Ann Lee said. Tom Hart claimed the count was wrong.')
>>> summary = summarize([doc])
>>> [(s.name, s.quotes, s.words) for s in summary.speakers()]
[('Ann Lee', 1, 2), ('Tom Hart', 1, 4)]
>>> summary.stances()["distancing"], summary + summary == summarize([doc, doc])
(1, True)

Speakers merge across documents by canonical name and kind (:func:`speaker_key`),
never through a pronoun; an alias table maps other names to the one you want.
"""

from __future__ import annotations

import bisect
import collections
import json
import re
from collections.abc import Hashable, Iterable, Iterator, Mapping
from typing import Any, TypeVar

import attrs

from quoteattr._lexicons import pronouns
from quoteattr._stance import STANCES, UNKNOWN, cue_head, cue_stance
from quoteattr.errors import InputTypeError
from quoteattr.model import Document, Entity, Quote, QuoteKind

__all__ = [
    "NO_CUE",
    "NO_SPEAKER",
    "STANCES",
    "UNKNOWN",
    "Corpus",
    "Counts",
    "SpeakerStats",
    "Summary",
    "cue_head",
    "cue_stance",
    "speaker_key",
    "summarize",
]

K = TypeVar("K", bound=Hashable)
SpeakerKey = tuple[str, str]

NO_SPEAKER = "none"
"""The source kind of a quote that has no speaker."""
NO_CUE = "none"
"""The stance of a quote that has no cue."""
_POSSESSIVES = ("'s", "’s")
_APOSTROPHE = re.compile("['’]")
_INITIAL = re.compile(r"(?<!\S)([A-Z])\.(?= )")  # the J. of Donald J. Trump, not the S. of U.S.
_RECORD_FIELDS = ("table", "name", "kind", "measure", "value")


@attrs.frozen(repr=False)
class Counts(Mapping[K, int]):
    """An immutable multiset: each key with a positive count, keys in sorted order.

    Missing keys count 0, as in :class:`collections.Counter`. Two ``Counts`` are
    equal when they hold the same counts, and ``+`` adds them.

    >>> a = Counts.of({"said": 2, "told": 1})
    >>> a["said"], a["claimed"], "claimed" in a
    (2, 0, False)
    >>> a + Counts.of({"claimed": 1, "said": 1})
    Counts({'claimed': 1, 'said': 3, 'told': 1})
    """

    _keys: tuple[K, ...] = attrs.field(default=())
    _values: tuple[int, ...] = attrs.field(default=())

    @classmethod
    def of(cls, counts: Mapping[K, int]) -> Counts[K]:
        """Build from any mapping of keys to counts; zero counts are dropped.

        >>> Counts.of({("b", 1): 0, ("a", 2): 3})
        Counts({('a', 2): 3})
        """
        items = sorted((key, value) for key, value in counts.items() if value)
        return cls(tuple(key for key, _ in items), tuple(value for _, value in items))

    def __getitem__(self, key: K) -> int:
        index = self._index(key)
        return 0 if index is None else self._values[index]

    def __contains__(self, key: object) -> bool:
        return self._index(key) is not None

    def __iter__(self) -> Iterator[K]:
        return iter(self._keys)

    def __len__(self) -> int:
        return len(self._keys)

    def __add__(self, other: Counts[K]) -> Counts[K]:
        if not isinstance(other, Counts):
            return NotImplemented
        merged = collections.Counter(dict(self.items()))
        merged.update(dict(other.items()))
        return Counts.of(merged)

    def __repr__(self) -> str:
        return f"Counts({dict(self.items())!r})"

    def total(self) -> int:
        """The sum of the counts.

        >>> Counts.of({"a": 2, "b": 3}).total()
        5
        """
        return sum(self._values)

    def most_common(self, n: int | None = None) -> list[tuple[K, int]]:
        """The ``n`` largest counts (all by default), largest first, ties in key order.

        >>> Counts.of({"a": 1, "b": 3, "c": 1}).most_common(2)
        [('b', 3), ('a', 1)]
        """
        ranked = sorted(self.items(), key=lambda item: -item[1])
        return ranked if n is None else ranked[:n]

    def share(self, key: K) -> float:
        """The share of the total that ``key`` has, 0.0 when the total is 0.

        >>> Counts.of({"a": 1, "b": 3}).share("b")
        0.75
        """
        total = self.total()
        return self[key] / total if total else 0.0

    def _index(self, key: object) -> int | None:
        try:
            index = bisect.bisect_left(self._keys, key)
        except TypeError:  # a key of another type is simply absent
            return None
        if index < len(self._keys) and self._keys[index] == key:
            return index
        return None


def _empty() -> Counts[Any]:
    return Counts()


@attrs.frozen
class SpeakerStats:
    """One speaker across the corpus: quotes by kind, words quoted, stances of the cues.

    >>> s = SpeakerStats("Ann Lee", "person", 3, 2, 1, 0, 40, Counts.of({"neutral": 3}))
    >>> s.quotes, s.stances.share("neutral")
    (3, 1.0)
    """

    name: str
    kind: str
    quotes: int
    direct: int
    indirect: int
    mixed: int
    words: int
    stances: Counts[str]


@attrs.frozen
class Summary:
    """What a corpus holds, as counts of quotes (and of words quoted).

    Each field counts quotes by some of their features; keys are strings, speakers
    are ``(name, kind)`` pairs (see :func:`speaker_key`):

    - ``documents``, ``quotes``, ``words``: documents read, quotes found, words quoted
      (each quote counts its own content, so a nested quote's words count twice);
    - ``unresolved``: quotes whose speaker is a pronoun, left out of the speaker counts;
    - ``speaker_kinds``: ``(name, kind, quote kind)`` -> quotes;
    - ``speaker_words``: ``(name, kind)`` -> words quoted;
    - ``speaker_stances``: ``(name, kind, stance)`` -> quotes;
    - ``source_stances``: ``(source kind, stance)`` -> quotes, every quote counted once,
      with source kind :data:`NO_SPEAKER` when it has no speaker and stance
      :data:`NO_CUE` when it has no cue;
    - ``relays``: ``(name, kind)`` -> quotes that reached the reader through this
      reporter (any entity after the speaker in :attr:`~quoteattr.Quote.chain`);
    - ``chain_lengths``: chain length -> quotes;
    - ``cues``: ``(cue head, stance)`` -> quotes with a cue (:func:`cue_head`; a cue with
      no listed verb counts under its own lowercased text, stance ``unknown``).

    ``Summary()`` is the empty summary, and ``a + b`` the summary of both corpora.

    >>> Summary() + Summary() == Summary()
    True
    """

    documents: int = 0
    quotes: int = 0
    words: int = 0
    unresolved: int = 0
    speaker_kinds: Counts[tuple[str, str, str]] = attrs.field(factory=_empty)
    speaker_words: Counts[SpeakerKey] = attrs.field(factory=_empty)
    speaker_stances: Counts[tuple[str, str, str]] = attrs.field(factory=_empty)
    source_stances: Counts[tuple[str, str]] = attrs.field(factory=_empty)
    relays: Counts[SpeakerKey] = attrs.field(factory=_empty)
    chain_lengths: Counts[int] = attrs.field(factory=_empty)
    cues: Counts[tuple[str, str]] = attrs.field(factory=_empty)

    def __add__(self, other: Summary) -> Summary:
        if not isinstance(other, Summary):
            return NotImplemented
        return Summary(*(a + b for a, b in zip(attrs.astuple(self, recurse=False),
                                               attrs.astuple(other, recurse=False))))

    @property
    def unattributed(self) -> int:
        """Quotes with no speaker.

        >>> Summary().unattributed
        0
        """
        return self.source_kinds()[NO_SPEAKER]

    def source_kinds(self) -> Counts[str]:
        """Quotes per source kind (``person``, ``organization``, ``media``, ``group``,
        ``anonymous``, ``unknown``, or :data:`NO_SPEAKER`).

        >>> Summary().source_kinds().total()
        0
        """
        return _marginal(self.source_stances, 0)

    def stances(self, source_kind: str | None = None) -> Counts[str]:
        """Quotes per cue stance, over all quotes or those of one source kind.

        >>> Summary().stances("anonymous")
        Counts({})
        """
        if source_kind is None:
            return _marginal(self.source_stances, 1)
        return Counts.of({stance: n for (kind, stance), n in self.source_stances.items()
                          if kind == source_kind})

    def speakers(self, n: int | None = None) -> list[SpeakerStats]:
        """The ``n`` most quoted speakers (all by default), most quotes first.

        >>> Summary().speakers()
        []
        """
        by_kind: dict[SpeakerKey, dict[str, int]] = collections.defaultdict(dict)
        for (name, kind, quote_kind), count in self.speaker_kinds.items():
            by_kind[(name, kind)][quote_kind] = count
        stances: dict[SpeakerKey, dict[str, int]] = collections.defaultdict(dict)
        for (name, kind, stance), count in self.speaker_stances.items():
            stances[(name, kind)][stance] = count
        rows = [
            SpeakerStats(
                name, kind, sum(kinds.values()),
                kinds.get(QuoteKind.DIRECT.value, 0), kinds.get(QuoteKind.INDIRECT.value, 0),
                kinds.get(QuoteKind.MIXED.value, 0), self.speaker_words[(name, kind)],
                Counts.of(stances[(name, kind)]),
            )
            for (name, kind), kinds in by_kind.items()
        ]
        rows.sort(key=lambda row: (-row.quotes, row.name, row.kind))
        return rows if n is None else rows[:n]

    def to_dict(self) -> dict[str, Any]:
        """Return everything the summary holds as a JSON-ready dict.

        >>> sorted(Summary().to_dict())[:4]
        ['chain_lengths', 'cues', 'documents', 'quotes']
        """
        return {
            "documents": self.documents,
            "quotes": self.quotes,
            "words": self.words,
            "unattributed": self.unattributed,
            "unresolved": self.unresolved,
            "source_kinds": {kind: {"quotes": n, "stances": dict(self.stances(kind).items())}
                             for kind, n in self.source_kinds().most_common()},
            "stances": dict(self.stances().most_common()),
            "speakers": [_speaker_to_dict(row) for row in self.speakers()],
            "relays": [{"name": name, "kind": kind, "quotes": n}
                       for (name, kind), n in self.relays.most_common()],
            "chain_lengths": {str(length): n for length, n in self.chain_lengths.items()},
            "cues": [{"head": head, "stance": stance, "quotes": n}
                     for (head, stance), n in self.cues.most_common()],
        }

    def to_json(self, *, indent: int | None = None) -> str:
        """Return :meth:`to_dict` as a JSON string.

        >>> Summary().to_json()[:32]
        '{"documents": 0, "quotes": 0, "w'
        """
        return json.dumps(self.to_dict(), ensure_ascii=False, indent=indent)

    def to_records(self) -> list[dict[str, str | int]]:
        """Return everything the summary holds as flat records, one count per record.

        Every record has the keys ``table``, ``name``, ``kind``, ``measure`` and
        ``value`` (an int), ready for a CSV file or ``pandas.DataFrame``:

        - ``corpus``: measures ``documents``, ``quotes``, ``words``, ``unattributed``,
          ``unresolved``;
        - ``speaker`` (name, entity kind): ``quotes``, ``direct``, ``indirect``,
          ``mixed``, ``words`` and ``stance:<class>``;
        - ``source_kind`` (name is the kind): ``quotes`` and ``stance:<class>``;
        - ``relay`` (name, entity kind): ``quotes``;
        - ``chain_length`` (name is the length): ``quotes``;
        - ``cue`` (name is the cue head, kind its stance): ``quotes``;
        - ``stance`` (name is the class): ``quotes``.

        >>> Summary().to_records()[0]
        {'table': 'corpus', 'name': '', 'kind': '', 'measure': 'documents', 'value': 0}
        """
        return [dict(zip(_RECORD_FIELDS, row)) for row in self._rows()]

    def _rows(self) -> Iterator[tuple[str, str, str, str, int]]:
        for measure in ("documents", "quotes", "words", "unattributed", "unresolved"):
            yield "corpus", "", "", measure, getattr(self, measure)
        for row in self.speakers():
            for measure in ("quotes", "direct", "indirect", "mixed", "words"):
                yield "speaker", row.name, row.kind, measure, getattr(row, measure)
            for stance, n in row.stances.items():
                yield "speaker", row.name, row.kind, f"stance:{stance}", n
        for kind, n in self.source_kinds().items():
            yield "source_kind", kind, "", "quotes", n
            for stance, count in self.stances(kind).items():
                yield "source_kind", kind, "", f"stance:{stance}", count
        for (name, kind), n in self.relays.items():
            yield "relay", name, kind, "quotes", n
        for length, n in self.chain_lengths.items():
            yield "chain_length", str(length), "", "quotes", n
        for (head, stance), n in self.cues.items():
            yield "cue", head, stance, "quotes", n
        for stance, n in self.stances().items():
            yield "stance", stance, "", "quotes", n


def _speaker_to_dict(row: SpeakerStats) -> dict[str, Any]:
    data = attrs.asdict(row, recurse=False)
    data["stances"] = dict(row.stances.most_common())
    return data


def _marginal(counts: Counts[tuple[str, str]], position: int) -> Counts[str]:
    totals: collections.Counter[str] = collections.Counter()
    for key, n in counts.items():
        totals[key[position]] += n
    return Counts.of(totals)


def speaker_key(entity: Entity, aliases: Mapping[str, str] | None = None) -> SpeakerKey | None:
    """Return the key a speaker merges on across documents, or ``None`` for a pronoun.

    The key is ``(name, kind)``: the entity's canonical name with runs of whitespace
    made one space, the period of a middle initial dropped (``Donald J. Trump`` ->
    ``Donald J Trump``) and a final possessive too (``Trump’s`` -> ``Trump``), looked
    up once in ``aliases``, and its :class:`~quoteattr.EntityKind` value. An entity
    whose name is a pronoun (``he``, ``they``, ``I’m``) names no one across documents.

    Args:
        entity: a speaker or a reporter in a chain.
        aliases: maps a cleaned-up name (as above) to the name to count it under;
            :class:`Corpus` and :func:`summarize` clean up the names of the table for you.

    >>> from quoteattr import Entity, EntityKind
    >>> speaker_key(Entity("Donald  J. Trump", EntityKind.PERSON, (), ()),
    ...             {"Donald J Trump": "Donald Trump"})
    ('Donald Trump', 'person')
    >>> speaker_key(Entity("she", EntityKind.PERSON, (), ())) is None
    True
    """
    name = _clean_name(entity.name)
    if not name or _is_pronoun(name):
        return None
    if aliases:
        name = aliases.get(name, name)
    return name, entity.kind.value


def _is_pronoun(name: str) -> bool:
    """``he``, ``They``, and a pronoun with a contraction (``I’m``, ``he's``)."""
    word = _APOSTROPHE.split(name.lower(), maxsplit=1)[0]
    return " " not in name and word in pronouns()


def _clean_name(name: str) -> str:
    name = _INITIAL.sub(r"\1", " ".join(name.split()))
    for possessive in _POSSESSIVES:
        if name.endswith(possessive) and len(name) > len(possessive):
            return name[: -len(possessive)]
    return name


class Corpus:
    """Documents added one at a time, kept only as counts; :meth:`summary` freezes them.

    Memory holds one counter entry per distinct speaker, quote kind and stance, per
    relay and per cue head: it does not grow with the documents' text.

    >>> import quoteattr
    >>> corpus = Corpus(aliases={"Lee": "Ann Lee"})
    >>> corpus.add(quoteattr.analyze('"Yes," Ann Lee said.'))
    >>> corpus.add(quoteattr.analyze('"No," Lee insisted.'))
    >>> [(s.name, s.quotes) for s in corpus.summary().speakers()]
    [('Ann Lee', 2)]
    """

    def __init__(self, *, aliases: Mapping[str, str] | None = None) -> None:
        self._aliases = _checked_aliases(aliases)
        self._documents = 0
        self._quotes = 0
        self._words = 0
        self._unresolved = 0
        self._counters: dict[str, collections.Counter[Any]] = {
            field: collections.Counter() for field in _COUNTED_FIELDS
        }

    def add(self, doc: Document) -> None:
        """Count the quotes of one analysed document.

        Raises:
            InputTypeError: ``doc`` is not a :class:`~quoteattr.Document`.

        >>> corpus = Corpus()
        >>> corpus.add(Document("", (), ()))
        >>> corpus.summary().documents
        1
        """
        if not isinstance(doc, Document):
            raise InputTypeError(
                f"Corpus.add() takes a Document, not {type(doc).__name__}: "
                "pass quoteattr.analyze(text)"
            )
        self._documents += 1
        for quote in doc.quotes:
            self._add_quote(quote)

    def summary(self) -> Summary:
        """The counts so far, as an immutable :class:`Summary`.

        >>> Corpus().summary() == Summary()
        True
        """
        return Summary(
            self._documents, self._quotes, self._words, self._unresolved,
            **{field: Counts.of(counter) for field, counter in self._counters.items()},
        )

    def _add_quote(self, quote: Quote) -> None:
        words = len(quote.content.text.split())
        stance = NO_CUE if quote.cue is None else cue_stance(quote.cue.text)
        self._quotes += 1
        self._words += words
        self._counters["chain_lengths"][len(quote.chain)] += 1
        self._counters["source_stances"][(_source_kind(quote), stance)] += 1
        if quote.cue is not None:
            head = cue_head(quote.cue.text) or " ".join(quote.cue.text.lower().split())
            self._counters["cues"][(head, stance)] += 1
        self._add_speaker(quote, words, stance)
        relays = {speaker_key(entity, self._aliases) for entity in quote.chain[1:]}
        for key in relays - {None}:
            self._counters["relays"][key] += 1

    def _add_speaker(self, quote: Quote, words: int, stance: str) -> None:
        if quote.speaker is None:
            return
        key = speaker_key(quote.speaker, self._aliases)
        if key is None:
            self._unresolved += 1
            return
        self._counters["speaker_kinds"][(*key, quote.kind.value)] += 1
        self._counters["speaker_words"][key] += words
        self._counters["speaker_stances"][(*key, stance)] += 1


_COUNTED_FIELDS = ("speaker_kinds", "speaker_words", "speaker_stances", "source_stances",
                   "relays", "chain_lengths", "cues")


def _source_kind(quote: Quote) -> str:
    return NO_SPEAKER if quote.speaker is None else quote.speaker.kind.value


def _checked_aliases(aliases: Mapping[str, str] | None) -> dict[str, str]:
    if aliases is None:
        return {}
    if not isinstance(aliases, Mapping):
        raise InputTypeError(
            f"aliases must be a mapping of names to names, not {type(aliases).__name__}"
        )
    for name, canonical in aliases.items():
        if not isinstance(name, str) or not isinstance(canonical, str):
            raise InputTypeError(f"aliases must map str to str; got {name!r}: {canonical!r}")
    return {_clean_name(name): " ".join(canonical.split()) for name, canonical in aliases.items()}


def summarize(documents: Iterable[Document], *, aliases: Mapping[str, str] | None = None
              ) -> Summary:
    """Count the quotes of ``documents`` into one :class:`Summary`, one document at a time.

    Args:
        documents: analysed documents; any iterable, a generator too (each is read once
            and not kept).
        aliases: maps a speaker's name to the name to count it under (see
            :func:`speaker_key`), e.g. ``{"Obama": "Barack Obama"}``.

    Raises:
        InputTypeError: an item is not a Document, or ``aliases`` is not a mapping of
            ``str`` to ``str``.

    >>> import quoteattr
    >>> texts = ['"Go," Ann Lee urged.', 'Tom Hart said the vote was close, according to Reuters.']
    >>> summary = summarize(quoteattr.analyze(text) for text in texts)
    >>> summary.quotes, summary.stances()["directive"], summary.relays.most_common()
    (2, 1, [(('Reuters', 'media'), 1)])
    """
    corpus = Corpus(aliases=aliases)
    for doc in documents:
        corpus.add(doc)
    return corpus.summary()
