"""Hypothesis strategies for testing code that uses quoteattr.

hypothesis is an optional dependency: it is imported here and nowhere else in
quoteattr, and importing this module without it raises an ``ImportError`` that
says to ``pip install hypothesis``.

- :func:`spans`, :func:`entities`, :func:`quotes` and :func:`documents` build
  valid result objects, for code that consumes a ``Document``;
- :func:`news_texts` builds short news articles together with the quotes
  ``analyze`` should find in them (:class:`NewsText`), for end-to-end tests.

A downstream property test:

>>> from hypothesis import given, settings
>>> import quoteattr
>>> @settings(max_examples=5, derandomize=True, database=None)
... @given(news_texts())
... def test_every_expected_speaker_is_an_entity(news):
...     names = {entity.name for entity in quoteattr.analyze(news.text).entities}
...     assert {quote.speaker for quote in news.expected} <= names
>>> test_every_expected_speaker_is_an_entity()
"""

from __future__ import annotations

from typing import Any, Callable

import attrs

try:
    from hypothesis import strategies as st
except ImportError as error:  # pragma: no cover - exercised without hypothesis
    raise ImportError(
        "quoteattr.strategies needs hypothesis, an optional dependency: "
        "pip install hypothesis"
    ) from error

from quoteattr import _lexicons
from quoteattr.model import Document, Entity, EntityKind, Quote, QuoteKind, Span

__all__ = [
    "ExpectedQuote",
    "NewsText",
    "documents",
    "entities",
    "news_texts",
    "quotes",
    "spans",
]

_RULES = ("cue_after", "cue_before", "cue_then_clause", "according_to", "same_paragraph")


@st.composite
def _span_of(draw: Callable[..., Any], text: str, min_size: int, max_size: int | None) -> Span:
    longest = len(text) if max_size is None else min(max_size, len(text))
    size = draw(st.integers(min_size, longest))
    start = draw(st.integers(0, len(text) - size))
    return Span.of(text, start, start + size)


def spans(
    text: str | None = None, *, min_size: int = 0, max_size: int | None = None
) -> st.SearchStrategy[Span]:
    """Spans of ``text`` (of a drawn text when ``text`` is None) whose ``text`` slices back.

    ``min_size`` and ``max_size`` bound the span's length; a given ``text`` must
    be at least ``min_size`` characters long.

    >>> from hypothesis import find
    >>> find(spans("He said no.", min_size=4), lambda span: span.start > 2)
    Span(start=3, end=7, text='said')
    """
    if text is not None:
        if len(text) < min_size:
            raise ValueError(f"text has {len(text)} characters, fewer than min_size={min_size}")
        return _span_of(text, min_size, max_size)
    return st.text(min_size=min_size).flatmap(lambda drawn: _span_of(drawn, min_size, max_size))


def entities(
    text: str | None = None, *, min_size: int = 0, max_size: int | None = 4
) -> st.SearchStrategy[Entity]:
    """Entities whose mentions are spans of ``text`` (of a drawn text when None).

    ``min_size`` and ``max_size`` bound the number of mentions.

    >>> from hypothesis import find
    >>> entity = find(entities("Cole said no.", min_size=1), lambda e: True)
    >>> isinstance(entity, Entity), len(entity.mentions)
    (True, 1)
    """
    if text is None:
        return st.text().flatmap(lambda drawn: entities(drawn, min_size=min_size, max_size=max_size))
    return st.builds(
        Entity,
        name=st.text(min_size=1, max_size=30),
        kind=st.sampled_from(EntityKind),
        mentions=st.lists(spans(text), min_size=min_size, max_size=max_size).map(tuple),
        titles=st.lists(st.text(min_size=1, max_size=20), max_size=2).map(tuple),
    )


@st.composite
def _quote(
    draw: Callable[..., Any],
    text: str,
    speakers: tuple[Entity, ...],
    content: Span | None = None,
    parent: Quote | None = None,
) -> Quote:
    if content is None:
        content = draw(spans(text))
    kind = draw(st.sampled_from(QuoteKind))
    speaker = draw(st.none() | st.sampled_from(speakers)) if speakers else None
    chain: tuple[Entity, ...] = ()
    if speaker is not None:
        chain = (speaker, *draw(st.lists(st.sampled_from(speakers), max_size=2)))
    return Quote(
        content=content,
        kind=kind,
        cue=draw(st.none() | spans(text)),
        source=draw(st.none() | spans(text)),
        speaker=speaker,
        chain=chain,
        confidence=draw(st.floats(0.0, 1.0)),
        rule=draw(st.sampled_from(_RULES)),
        speech=True if kind is not QuoteKind.INDIRECT else draw(st.booleans()),
        parent=parent,
    )


def quotes(
    text: str | None = None, *, speakers: tuple[Entity, ...] = ()
) -> st.SearchStrategy[Quote]:
    """Quotes whose spans slice ``text`` (a drawn text when None), spoken by ``speakers``.

    A quote's speaker is None or one of ``speakers``, and its chain starts with it;
    direct and mixed quotes are always speech; ``parent`` is None.

    >>> from hypothesis import find
    >>> quote = find(quotes("We won."), lambda q: q.content.text == "We won")
    >>> quote.content, quote.speaker
    (Span(start=0, end=6, text='We won'), None)
    """
    if text is None:
        return st.text().flatmap(lambda drawn: quotes(drawn, speakers=speakers))
    return _quote(text, tuple(speakers))


@st.composite
def _document(draw: Callable[..., Any], min_size: int, max_size: int) -> Document:
    text = draw(st.text(min_size=1))
    people = tuple(draw(st.lists(entities(text), max_size=4)))
    count = draw(st.integers(min_size, max_size))
    # Sorted cut points give contents in text order that never overlap.
    cuts = sorted(draw(st.lists(st.integers(0, len(text)), min_size=2 * count,
                                max_size=2 * count)))
    built: list[Quote] = []
    for start, end in zip(cuts[::2], cuts[1::2]):
        outer = draw(_quote(text, people, Span.of(text, start, end)))
        built.append(outer)
        if end > start and draw(st.booleans()):
            # A nested report inside the outer content, which its parent says.
            inner_start = draw(st.integers(start, end))
            inner_end = draw(st.integers(inner_start, end))
            inner = Span.of(text, inner_start, inner_end)
            built.append(draw(_quote(text, people, inner, parent=outer)))
    built.sort(key=lambda quote: quote.content.start)  # stable: a parent stays first
    return Document(text, tuple(built), people)


def documents(*, min_size: int = 0, max_size: int = 4) -> st.SearchStrategy[Document]:
    """Valid, self-consistent Documents that round-trip through ``to_dict``.

    Every span slices the document's text; quotes come in text order and overlap
    only when nested, with ``parent`` set; speakers and chains are entities of the
    document. ``min_size`` and ``max_size`` bound the number of top-level quotes.

    >>> from hypothesis import find
    >>> doc = find(documents(min_size=1), lambda d: True)
    >>> Document.from_dict(doc.to_dict()) == doc, len(doc.quotes)
    (True, 1)
    """
    return _document(min_size, max_size)


@attrs.frozen
class ExpectedQuote:
    """A quote ``analyze`` should find: its exact content, its speaker's name, its kind.

    >>> ExpectedQuote("We won", "Ann Cole", "direct").kind
    <QuoteKind.DIRECT: 'direct'>
    """

    content: str = attrs.field(validator=attrs.validators.instance_of(str))
    speaker: str = attrs.field(validator=attrs.validators.instance_of(str))
    kind: QuoteKind = attrs.field(converter=QuoteKind)


@attrs.frozen
class NewsText:
    """A generated article and the quotes it holds, in text order."""

    text: str = attrs.field(validator=attrs.validators.instance_of(str))
    expected: tuple[ExpectedQuote, ...] = attrs.field(
        validator=attrs.validators.deep_iterable(attrs.validators.instance_of(ExpectedQuote))
    )


# --- The article generator -------------------------------------------------------------

_SURNAMES = (
    "Cole", "Varga", "Okafor", "Lindqvist", "Brandt", "Haddad", "Moreno", "Tanaka",
    "Kowalski", "Novak", "Fischer", "Osei", "Reyes", "Dubois", "Larsen", "Mendez",
    "Petrov", "Sato", "Ferreira", "Abbott", "Whitlock", "Calloway", "Kessler", "Halden",
)
# (title before the name, the description that refers back to it)
_TITLES = (
    ("Senator", "the senator"), ("Mayor", "the mayor"), ("Governor", "the governor"),
    ("Finance Minister", "the minister"), ("General", "the general"),
    ("Judge", "the judge"), ("Ambassador", "the ambassador"),
    ("Police Chief", "the police chief"), ("Professor", "the professor"),
    ("Prime Minister", "the prime minister"),
)
_SUBJECTS = (
    "the plan", "the budget", "the bridge", "the vote", "our team", "the new law",
    "the deal", "this city", "the school", "the tax",
)
_PREDICATES = (
    "will work", "is too expensive", "has failed", "needs more time", "will pass next week",
    "was a mistake", "is good for families", "will create jobs", "must change",
    "can wait",
)
_OBJECTS = ("the plan", "the bill", "the deal", "the proposal", "the budget")
_FRAGMENTS = (
    "a waste of money", "a step in the right direction", "a bad deal for workers",
    "long overdue", "a good start", "a serious mistake",
)
_INTROS = (
    "{} visited the new plant on Monday.", "{} met local leaders in the capital.",
    "{} opened the debate on Tuesday.", "{} arrived in the city on Friday.",
)
_FILLERS = ("The meeting lasted two hours.", "The vote is set for next week.", "")
_OUTLETS = ("Reuters", "the Associated Press", "CNN")
_FORMS = ("after", "inverted", "before", "split", "split_sentences", "mixed", "indirect")


@attrs.frozen
class _Person:
    first: str
    last: str
    title: str
    description: str
    gender: str

    @property
    def name(self) -> str:
        return f"{self.first} {self.last}"

    @property
    def full(self) -> str:
        return f"{self.title} {self.first} {self.last}"


def _first_names() -> tuple[tuple[str, str], ...]:
    return tuple(sorted((name.capitalize(), gender)
                        for name, gender in _lexicons.first_names().items()
                        if gender in ("m", "f")))


@st.composite
def _people(draw: Callable[..., Any]) -> tuple[_Person, ...]:
    count = draw(st.integers(1, 3))
    firsts = draw(st.lists(st.sampled_from(_first_names()), min_size=count, max_size=count))
    lasts = draw(st.lists(st.sampled_from(_SURNAMES), min_size=count, max_size=count,
                          unique=True))
    titles = draw(st.lists(st.sampled_from(_TITLES), min_size=count, max_size=count,
                           unique_by=lambda title: title[1].split()[-1]))
    return tuple(_Person(first, last, title, description, gender)
                 for (first, gender), last, (title, description) in zip(firsts, lasts, titles))


@st.composite
def _sentence(draw: Callable[..., Any]) -> str:
    """A plain clause in lower case and without final punctuation."""
    clause = f"{draw(st.sampled_from(_SUBJECTS))} {draw(st.sampled_from(_PREDICATES))}"
    if draw(st.booleans()):
        clause += f" and {draw(st.sampled_from(_SUBJECTS))} {draw(st.sampled_from(_PREDICATES))}"
    return clause


def _capital(clause: str) -> str:
    return clause[:1].upper() + clause[1:]


class _Article:
    """Tracks who was named, so pronouns and descriptions stay unambiguous."""

    def __init__(self) -> None:
        self.introduced: list[_Person] = []  # most recent last

    def mention(self, person: _Person) -> None:
        if person in self.introduced:
            self.introduced.remove(person)
        self.introduced.append(person)

    def forms(self, person: _Person) -> list[str]:
        """The ways ``person`` may be referred to at this point."""
        if person not in self.introduced:
            return ["full"]
        forms = ["surname", "description"]
        same_gender = [p for p in self.introduced if p.gender == person.gender]
        if same_gender[-1] == person:
            forms.append("pronoun")
        return forms


def _reference(person: _Person, form: str, start: bool) -> str:
    if form == "full":
        return person.full
    if form == "surname":
        return person.last
    if form == "description":
        return _capital(person.description) if start else person.description
    pronoun = "he" if person.gender == "m" else "she"
    return _capital(pronoun) if start else pronoun


@st.composite
def _event(draw: Callable[..., Any], article: _Article, people: tuple[_Person, ...]
           ) -> tuple[str, list[ExpectedQuote]]:
    """One paragraph: perhaps an introduction, then one quotation of one speaker."""
    person = draw(st.sampled_from(people))
    sentences = []
    if person not in article.introduced and draw(st.booleans()):
        sentences.append(draw(st.sampled_from(_INTROS)).format(person.full))
        article.mention(person)
    form = draw(st.sampled_from(_FORMS))
    allowed = article.forms(person)
    if form == "inverted":
        allowed = [f for f in allowed if f != "pronoun"]
    ref_form = draw(st.sampled_from(allowed))
    relay = draw(st.sampled_from(_OUTLETS)) if draw(st.integers(0, 4)) == 0 else None
    tail = f", according to {relay}" if relay else ""
    said = draw(st.sampled_from(("said", "told reporters", "added")))
    said = "said" if form == "inverted" else said
    expected: list[ExpectedQuote] = []
    name = person.name

    def ref(start: bool) -> str:
        return _reference(person, ref_form, start)

    clause = draw(_sentence())
    if form == "after":
        sentences.append(f'"{_capital(clause)}," {ref(False)} {said}{tail}.')
        expected.append(ExpectedQuote(_capital(clause), name, QuoteKind.DIRECT))
    elif form == "inverted":
        sentences.append(f'"{_capital(clause)}," said {ref(False)}{tail}.')
        expected.append(ExpectedQuote(_capital(clause), name, QuoteKind.DIRECT))
    elif form == "before":
        lead = f"According to {relay}, {ref(False)}" if relay else ref(True)
        sentences.append(f'{lead} said: "{_capital(clause)}."')
        expected.append(ExpectedQuote(f"{_capital(clause)}.", name, QuoteKind.DIRECT))
    elif form == "split":
        rest = draw(_sentence())
        sentences.append(f'"{_capital(clause)}," {ref(False)} said, "and {rest}."')
        expected.append(ExpectedQuote(_capital(clause), name, QuoteKind.DIRECT))
        expected.append(ExpectedQuote(f"and {rest}.", name, QuoteKind.DIRECT))
    elif form == "split_sentences":
        rest = _capital(draw(_sentence()))
        sentences.append(f'"{_capital(clause)}," {ref(False)} said. "{rest}."')
        expected.append(ExpectedQuote(_capital(clause), name, QuoteKind.DIRECT))
        expected.append(ExpectedQuote(f"{rest}.", name, QuoteKind.DIRECT))
    elif form == "mixed":
        verb, link = draw(st.sampled_from((("called", ""), ("described", " as"))))
        content = f'{draw(st.sampled_from(_OBJECTS))}{link} "{draw(st.sampled_from(_FRAGMENTS))}."'
        sentences.append(f"{ref(True)} {verb} {content}")
        expected.append(ExpectedQuote(content, name, QuoteKind.MIXED))
    else:
        that = draw(st.sampled_from((" that", "")))
        sentences.append(f"{ref(True)} {said}{that} {clause}{tail}.")
        expected.append(ExpectedQuote(clause, name, QuoteKind.INDIRECT))
    article.mention(person)
    filler = draw(st.sampled_from(_FILLERS))
    if filler:
        sentences.append(filler)
    return " ".join(sentences), expected


@st.composite
def _news_text(draw: Callable[..., Any], min_size: int, max_size: int) -> NewsText:
    people = draw(_people())
    article = _Article()
    paragraphs, expected = [], []
    for _ in range(draw(st.integers(min_size, max_size))):
        paragraph, found = draw(_event(article, people))
        paragraphs.append(paragraph)
        expected.extend(found)
    return NewsText("\n\n".join(paragraphs), tuple(expected))


def news_texts(*, min_size: int = 2, max_size: int = 6) -> st.SearchStrategy[NewsText]:
    """Short news articles with the quotes ``analyze`` should find in them.

    Each of the ``min_size`` to ``max_size`` paragraphs quotes one of up to three
    titled speakers (``Senator Ann Cole``), named in full the first time and
    later by surname, description (``the senator``) or pronoun (only when no
    other person of the same gender was named since). Quotes are direct with the
    tag after, before or inverted, split, mixed or indirect, some relayed
    (``, according to Reuters``). Contents follow quoteattr's conventions: no
    quotation marks or tag comma for direct quotes, the whole clause with its
    marks for mixed ones, no ``that`` and no final period for indirect ones.

    >>> from hypothesis import find
    >>> news = find(news_texts(), lambda n: True)
    >>> isinstance(news, NewsText), all(q.content in news.text for q in news.expected)
    (True, True)
    """
    if not 1 <= min_size <= max_size:
        raise ValueError(f"need 1 <= min_size <= max_size, got {min_size} and {max_size}")
    return _news_text(min_size, max_size)
