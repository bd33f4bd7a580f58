"""quoteattr as a spaCy pipeline component: ``nlp.add_pipe("quoteattr")``.

The component runs :func:`quoteattr.analyze` on ``doc.text`` and gives every
processed ``Doc`` two things:

- ``doc._.quotes``: a tuple of :class:`SpacyQuote`, in text order, each holding
  the :class:`quoteattr.Quote` and its content, cue and source as spaCy spans;
- ``doc.spans["quoteattr"]``: the content spans labelled with their kind
  (``direct``, ``mixed``, ``indirect``) and the cue and source spans labelled
  ``cue`` and ``source``, each once, for displaCy's span visualiser
  (``displacy.render(doc, style="span", options={"spans_key": "quoteattr"})``).

spaCy is an optional dependency (``pip install 'quoteattr[spacy]'``): only this
module imports it. Installing quoteattr registers the ``quoteattr`` factory
through the ``spacy_factories`` entry point, so ``add_pipe("quoteattr")`` and
``spacy.load`` work without importing this module; importing it registers the
factory too.

**Alignment.** quoteattr's offsets are characters; a spaCy span is whole
tokens. Each quoteattr span becomes ``doc.char_span(start, end,
alignment_mode="expand")``: the tokens it overlaps, so a span that starts or
ends inside a token grows to the whole token, while ``quote.content.text`` and
the other quoteattr spans keep the exact characters. A span that overlaps no
token (only spaces that spaCy keeps as a token's trailing whitespace) cannot be
aligned: a cue or source then becomes ``None``, and a quote whose content
cannot be aligned is left out. ``analyze`` starts and ends every span on a
character that is not a space, so with spaCy's tokenizers neither happens.

**Storage.** The analysis is kept in ``doc.user_data`` as a JSON string and
``doc._.quotes`` is computed from it on each access, aligned to the current
tokens: processed docs therefore survive ``doc.to_bytes()`` /
``Doc.from_bytes``, ``DocBin(store_user_data=True)``, pickling and
``nlp.pipe(..., n_process=2)``. In a loop, read ``doc._.quotes`` once into a
variable. A ``Doc`` the component has not processed has ``doc._.quotes == ()``.

>>> import spacy
>>> nlp = spacy.blank("en")
>>> _ = nlp.add_pipe("quoteattr")
>>> doc = nlp('"We won," the minister told reporters.')
>>> quote = doc._.quotes[0]
>>> quote.content.text, quote.cue.text, quote.source.text, quote.speaker
('We won', 'told', 'the minister', 'the minister')
>>> [(span.text, span.label_) for span in doc.spans["quoteattr"]]
[('We won', 'direct'), ('the minister', 'source'), ('told', 'cue')]
"""

from __future__ import annotations

import json
from typing import Any

import attrs
from spacy.language import Language
from spacy.tokens import Doc, Span, SpanGroup

from quoteattr import model
from quoteattr._pipeline import analyze
from quoteattr.errors import QuoteAttrError

__all__ = ["SPANS_KEY", "QuoteAttrComponent", "SpacyQuote", "make_quoteattr"]

SPANS_KEY = "quoteattr"
"""The default key of the span group the component fills, ``doc.spans["quoteattr"]``."""

_DATA_KEY = "quoteattr"  # in doc.user_data: the analysis as a JSON string


def _optional(kind: type) -> Any:
    return attrs.validators.optional(attrs.validators.instance_of(kind))


@attrs.frozen
class SpacyQuote:
    """One quote of ``doc._.quotes``: a :class:`quoteattr.Quote` aligned to spaCy tokens.

    Attributes:
        quote: the quote as :func:`quoteattr.analyze` found it, with exact
            character offsets, its kind, rule, confidence and parent.
        content: the tokens of the words reported.
        cue: the tokens of the reporting cue, or ``None``.
        source: the tokens naming the source at this quote, or ``None``.
        speaker: the canonical name of the speaker (``quote.speaker.name``), or ``None``.
        chain: the names of the reporting chain, from the speaker outward.

    >>> import spacy
    >>> doc = spacy.blank("en")("Yes, she said.")
    >>> content = model.Span.of(doc.text, 0, 3)
    >>> quote = model.Quote(content, "indirect", None, None, None, (), 0.5, "none")
    >>> SpacyQuote(quote, doc[0:1], None, None, None, ()).content.text
    'Yes'
    """

    quote: model.Quote = attrs.field(validator=attrs.validators.instance_of(model.Quote))
    content: Span = attrs.field(validator=attrs.validators.instance_of(Span))
    cue: Span | None = attrs.field(validator=_optional(Span))
    source: Span | None = attrs.field(validator=_optional(Span))
    speaker: str | None = attrs.field(validator=_optional(str))
    chain: tuple[str, ...] = attrs.field(
        validator=attrs.validators.deep_iterable(
            attrs.validators.instance_of(str), attrs.validators.instance_of(tuple)
        )
    )


class QuoteAttrComponent:
    """The pipeline component: sets ``doc._.quotes`` and ``doc.spans[spans_key]``.

    Make it with ``nlp.add_pipe("quoteattr", config={...})`` rather than directly.

    Args:
        speech_only: keep only reported speech, leaving out attributions of
            belief, knowledge or evidence (``quote.speech`` is ``False`` for them).
        spans_key: the key of the span group to fill in ``doc.spans``.

    >>> import spacy
    >>> nlp = spacy.blank("en")
    >>> component = nlp.add_pipe("quoteattr", config={"speech_only": True})
    >>> doc = nlp("The minister believes the plan will work. It will fail, Reyes said.")
    >>> [quote.content.text for quote in doc._.quotes]
    ['It will fail']
    """

    def __init__(self, *, speech_only: bool = False, spans_key: str = SPANS_KEY) -> None:
        self.speech_only = speech_only
        self.spans_key = spans_key

    def __call__(self, doc: Doc) -> Doc:
        """Analyse ``doc.text`` and set ``doc._.quotes`` and ``doc.spans[self.spans_key]``."""
        document = analyze(doc.text)
        data = document.to_dict()
        del data["text"]  # it is doc.text: no need to keep it twice
        doc.user_data[_DATA_KEY] = json.dumps(
            {"speech_only": self.speech_only, "document": data}, ensure_ascii=False
        )
        quotes = _aligned(doc, document, self.speech_only)
        doc.spans[self.spans_key] = _span_group(doc, quotes, self.spans_key)
        return doc


@Language.factory(
    "quoteattr",
    default_config={"speech_only": False, "spans_key": SPANS_KEY},
    assigns=["doc._.quotes", "doc.spans"],
)
def make_quoteattr(
    nlp: Language, name: str, speech_only: bool, spans_key: str
) -> QuoteAttrComponent:
    """Build the component; spaCy calls this for ``nlp.add_pipe("quoteattr")``.

    >>> import spacy
    >>> nlp = spacy.blank("en")
    >>> nlp.add_pipe("quoteattr", config={"spans_key": "quotes"}).spans_key
    'quotes'
    """
    return QuoteAttrComponent(speech_only=speech_only, spans_key=spans_key)


def _quotes_of(doc: Doc) -> tuple[SpacyQuote, ...]:
    """The getter of ``doc._.quotes``: the stored analysis, aligned to the tokens."""
    stored = doc.user_data.get(_DATA_KEY)
    if stored is None:
        return ()
    data = json.loads(stored)
    document = model.Document.from_dict({**data["document"], "text": doc.text})
    return _aligned(doc, document, data["speech_only"])


def _aligned(doc: Doc, document: model.Document, speech_only: bool) -> tuple[SpacyQuote, ...]:
    """The quotes of ``document`` (only speech if ``speech_only``) that align to ``doc``."""
    kept = (q for q in document.quotes if q.speech or not speech_only)
    aligned = (_spacy_quote(doc, quote) for quote in kept)
    return tuple(quote for quote in aligned if quote is not None)


def _spacy_quote(doc: Doc, quote: model.Quote) -> SpacyQuote | None:
    content = _tokens(doc, quote.content)
    if content is None:
        return None
    speaker = None if quote.speaker is None else quote.speaker.name
    chain = tuple(entity.name for entity in quote.chain)
    return SpacyQuote(
        quote, content, _tokens(doc, quote.cue), _tokens(doc, quote.source), speaker, chain
    )


def _tokens(doc: Doc, span: model.Span | None) -> Span | None:
    """The tokens ``span`` overlaps, or ``None`` when it overlaps none."""
    if span is None:
        return None
    tokens = doc.char_span(span.start, span.end, alignment_mode="expand")
    return tokens if tokens is not None and len(tokens) else None


def _span_group(doc: Doc, quotes: tuple[SpacyQuote, ...], name: str) -> SpanGroup:
    """Contents labelled with their kind, cues and sources, each span once, in text order."""
    labelled: set[tuple[int, int, str]] = set()
    for quote in quotes:
        parts = ((quote.content, quote.quote.kind.value), (quote.cue, "cue"),
                 (quote.source, "source"))
        labelled.update((tokens.start, tokens.end, label) for tokens, label in parts
                        if tokens is not None)
    spans = [Span(doc, start, end, label) for start, end, label in sorted(labelled)]
    return SpanGroup(doc, name=name, spans=spans)


def _register_extension() -> None:
    """Register ``doc._.quotes``, refusing to take it over from another package."""
    if Doc.has_extension("quotes"):
        getter = Doc.get_extension("quotes")[2]
        if getattr(getter, "__module__", None) != __name__:
            raise QuoteAttrError(
                "doc._.quotes is already registered by another package; remove its "
                "Doc.set_extension('quotes', ...) or use quoteattr.analyze(doc.text) directly"
            )
    Doc.set_extension("quotes", getter=_quotes_of, force=True)


_register_extension()
