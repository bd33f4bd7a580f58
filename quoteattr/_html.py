"""A Document as one self-contained HTML page: the text with its quotes highlighted.

The page needs no network and no other file: its CSS and its small script are
inline, and a Content-Security-Policy forbids it to load anything. The text is
shown once, in reading order, with every quote in its speaker's colour, every cue
and source marked, and beside it a panel of speakers and reporting chains.
"""

from __future__ import annotations

import collections
import colorsys
import functools
import html
import importlib.resources
import itertools
import re
from typing import Iterable, Iterator, Mapping, Sequence

import attrs

from quoteattr.model import Document, Entity, Quote, QuoteKind

__all__ = ["render_html"]

GOLDEN_ANGLE = 137.508
FIRST_HUE = 205.0
TITLE_WIDTH = 80
ARROW = "\u2192"
_DOT = " \u00b7 "
_NO_SPEAKER = "none"
_UNENCODABLE = re.compile("[\x00\ud800-\udfff]")
_ESCAPES = {"&": "&amp;", "<": "&lt;", ">": "&gt;", "\r": "&#13;"}
_SPECIAL = re.compile("[&<>\r]")
_QUOTE, _SOURCE, _CUE = 0, 1, 2


def render_html(doc: Document) -> str:
    """Return one self-contained HTML page showing ``doc``.

    Each quote is a ``<span class="qa-quote" data-quote="i">`` (``i`` its index
    in ``doc.quotes``) in its speaker's colour, and its cue and source are marked
    ``qa-cue`` and ``qa-source`` with ``data-of`` listing the quotes they serve.
    A quote's ``title`` holds its speaker, kind, chain, cue, source, rule and
    confidence, shown as a tooltip. Where marks overlap without nesting, a mark
    is split, and every piece after the first also has the class ``qa-cont``.
    The side panel lists the speakers with their quote counts and draws each
    reporting chain as ``A → B → C``.

    Every character of ``doc.text`` appears once, in order and HTML-escaped, so
    the page's text is ``doc.text`` with two exceptions that keep the page valid
    UTF-8 HTML: a NUL character or a lone surrogate becomes U+FFFD, the
    replacement character (one for one, so offsets still match). Line breaks
    are kept. Time is linear in the size of the text and of the results when
    marks nest, as ``analyze``'s do; marks that cross add a piece per split.

    >>> import quoteattr
    >>> page = render_html(quoteattr.analyze('"We <won>," Ann Lee said.'))
    >>> page.startswith("<!DOCTYPE html>")
    True
    >>> '<span class="qa-quote qa-direct qa-s0" data-quote="0"' in page
    True
    >>> article = page[page.index("<article"):page.index("</article>")]
    >>> print(article.replace("</span>", "</span>\\n"))  # doctest: +ELLIPSIS
    <article class="qa-text">"<span class="qa-quote ...>We &lt;won&gt;</span>
    ," <span class="qa-source ...>Ann Lee</span>
     <span class="qa-cue ...>said</span>
    .
    """
    palette = _Palette.of(doc.quotes)
    parts = [
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n",
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n',
        '<meta http-equiv="Content-Security-Policy" content="default-src \'none\'; '
        "style-src 'unsafe-inline'; script-src 'unsafe-inline'\">\n",
        '<meta name="generator" content="quoteattr">\n',
        f"<title>{_escape(_title(doc.text))}</title>\n",
        f"<style>\n{_asset('page.css')}{palette.css()}</style>\n</head>\n<body>\n",
        _header(doc, palette),
        '<div class="qa-layout">\n<main class="qa-main"><article class="qa-text">',
        *_marked_text(doc.text, _marks(doc, palette)),
        "</article></main>\n",
        _panel(doc, palette),
        "</div>\n",
        '<div class="qa-tip" id="qa-tip" role="tooltip" hidden></div>\n',
        f"<script>\n{_asset('page.js')}</script>\n</body>\n</html>\n",
    ]
    return "".join(parts)


@functools.cache
def _asset(name: str) -> str:
    """The page's style or script, from ``quoteattr/page/``, read once."""
    return (importlib.resources.files("quoteattr") / "page" / name).read_text(encoding="utf-8")


def _encodable(text: str) -> str:
    """Replace what UTF-8 HTML cannot carry (NUL, lone surrogates) by U+FFFD."""
    return _UNENCODABLE.sub("\ufffd", text)


def _escape(text: str) -> str:
    """Escape text for an HTML element: ``&``, ``<``, ``>``, and CR so it survives."""
    return _SPECIAL.sub(lambda match: _ESCAPES[match.group()], _encodable(text))


def _attribute(text: str) -> str:
    return html.escape(_encodable(text), quote=True).replace("\r", "&#13;")


def _title(text: str) -> str:
    first_line = next((line.strip() for line in text.splitlines() if line.strip()), "")
    if not first_line:
        return "quoteattr"
    if len(first_line) > TITLE_WIDTH:
        first_line = first_line[: TITLE_WIDTH - 1].rstrip() + "\u2026"
    return f"{first_line} \u2014 quoteattr"


@attrs.frozen
class _Colour:
    """A speaker's highlight: a tint behind its words and a strong line under them."""

    tint: str
    pale: str
    line: str

    @classmethod
    def of_hue(cls, hue: float) -> _Colour:
        return cls(_hex(hue, 0.86, 0.78), _hex(hue, 0.93, 0.7), _hex(hue, 0.36, 0.62))


def _hex(hue: float, lightness: float, saturation: float) -> str:
    red, green, blue = colorsys.hls_to_rgb(hue / 360.0, lightness, saturation)
    return "#" + "".join(f"{round(channel * 255):02x}" for channel in (red, green, blue))


NEUTRAL = _Colour("#e4e4e0", "#efefeb", "#77776f")


@attrs.frozen
class _Palette:
    """The entities of a document in order of first appearance, each with a colour.

    Speakers come first, in the order they first speak, then entities that only
    relay. Colours step round the hue circle by the golden angle, so neighbours
    in the order always differ and the same document always gets the same colours.

    An entity hashes by value, which costs as much as its mentions, so entities
    are looked up by identity and each object is hashed once: otherwise a long
    article, whose speakers have many mentions, would take quadratic time.
    """

    entities: tuple[Entity, ...]
    numbers: Mapping[int, int]

    @classmethod
    def of(cls, quotes: Sequence[Quote]) -> _Palette:
        speakers = (quote.speaker for quote in quotes if quote.speaker is not None)
        relays = (entity for quote in quotes for entity in quote.chain)
        numbers: dict[int, int] = {}
        distinct: dict[Entity, int] = {}
        for entity in itertools.chain(speakers, relays):
            if id(entity) not in numbers:
                numbers[id(entity)] = distinct.setdefault(entity, len(distinct))
        return cls(tuple(distinct), numbers)

    def number(self, entity: Entity) -> int:
        """The entity's place in :attr:`entities`."""
        return self.numbers[id(entity)]

    def speaker(self, quote: Quote) -> int | None:
        """The number of the quote's speaker, or None when it has none."""
        return None if quote.speaker is None else self.number(quote.speaker)

    def colour(self, i: int) -> _Colour:
        return _Colour.of_hue((FIRST_HUE + i * GOLDEN_ANGLE) % 360.0)

    def css(self) -> str:
        rules = [_colour_rule(_css_class(None), NEUTRAL)]
        rules += [_colour_rule(_css_class(i), self.colour(i)) for i in range(len(self.entities))]
        return "".join(rules)


def _css_class(number: int | None) -> str:
    return f"qa-s{_speaker_id(number)}"


def _speaker_id(number: int | None) -> str:
    return _NO_SPEAKER if number is None else str(number)


def _colour_rule(name: str, colour: _Colour) -> str:
    return f".{name}{{--tint:{colour.tint};--pale:{colour.pale};--line:{colour.line}}}\n"


@attrs.frozen
class _Mark:
    """A stretch of text to wrap in a ``<span>``: a quote, or a cue or source of quotes."""

    start: int
    end: int
    layer: int
    opening: str

    def order(self) -> tuple[int, int]:
        """Sort key among marks opening at one offset: longest outermost, quotes first."""
        return (-self.end, self.layer)

    def continued(self) -> str:
        return self.opening.replace('class="', 'class="qa-cont ', 1).replace(' tabindex="0"', "", 1)


def _marks(doc: Document, palette: _Palette) -> list[_Mark]:
    positions = _positions(doc.quotes)
    parents = [_parent_index(quote, doc.quotes, positions) for quote in doc.quotes]
    marks = [
        _quote_mark(i, quote, palette.speaker(quote), parents[i])
        for i, quote in enumerate(doc.quotes)
    ]
    marks += _attribution_marks(doc.quotes, palette)
    return marks


def _positions(quotes: Sequence[Quote]) -> dict[int, int]:
    """Each quote's index, by identity: hashing a quote hashes its speaker's mentions."""
    positions: dict[int, int] = {}
    for i, quote in enumerate(quotes):
        positions.setdefault(id(quote), i)
    return positions


def _parent_index(
    quote: Quote, quotes: Sequence[Quote], positions: Mapping[int, int]
) -> int | None:
    """The index of the quote's parent: the same object, else the first equal quote."""
    if quote.parent is None:
        return None
    if id(quote.parent) in positions:
        return positions[id(quote.parent)]
    return next((i for i, other in enumerate(quotes) if other == quote.parent), None)


def _quote_mark(i: int, quote: Quote, speaker: int | None, parent: int | None) -> _Mark:
    classes = ["qa-quote", f"qa-{quote.kind.value}", _css_class(speaker)]
    if not quote.speech:
        classes.append("qa-belief")
    parent_attribute = "" if parent is None else f' data-parent="{parent}"'
    opening = (
        f'<span class="{" ".join(classes)}" data-quote="{i}" '
        f'data-speaker="{_speaker_id(speaker)}"{parent_attribute} '
        f'tabindex="0" title="{_attribute(_quote_title(quote, parent))}">'
    )
    return _Mark(quote.content.start, quote.content.end, _QUOTE, opening)


def _attribution_marks(quotes: Sequence[Quote], palette: _Palette) -> list[_Mark]:
    """One mark per distinct cue or source span, serving every quote that has it."""
    served: dict[tuple[int, int, int], list[int]] = collections.defaultdict(list)
    for i, quote in enumerate(quotes):
        for layer, span in ((_SOURCE, quote.source), (_CUE, quote.cue)):
            if span is not None:
                served[(span.start, span.end, layer)].append(i)
    marks = []
    for (start, end, layer), indices in served.items():
        first = quotes[indices[0]]
        name = "source" if layer == _SOURCE else "cue"
        title = f"{name.title()} of {_quote_numbers(indices)}"
        if first.speaker is not None:
            title += f": {_one_line(first.speaker.name)}"
        opening = (
            f'<span class="qa-{name} {_css_class(palette.speaker(first))}" '
            f'data-of="{" ".join(map(str, indices))}" title="{_attribute(title)}">'
        )
        marks.append(_Mark(start, end, layer, opening))
    return marks


def _quote_numbers(indices: Sequence[int]) -> str:
    """Name quotes as a reader counts them, from 1: ``quote 2``, ``quotes 2, 3``."""
    numbers = ", ".join(str(i + 1) for i in indices)
    return f"quote{'' if len(indices) == 1 else 's'} {numbers}"


def _quote_title(quote: Quote, parent: int | None) -> str:
    """The tooltip of a quote: one ``Label: value`` line per fact."""
    speaker = "none found"
    if quote.speaker is not None:
        speaker = f"{_one_line(quote.speaker.name)} ({quote.speaker.kind.value})"
    kind = f"{quote.kind.value} quote"
    if not quote.speech:
        kind += " (belief or evidence, not speech)"
    lines = [
        f"Speaker: {speaker}",
        f"Kind: {kind}",
        f"Chain: {_chain_text(quote.chain) or 'none'}",
        f"Cue: {'none' if quote.cue is None else _one_line(quote.cue.text)}",
        f"Source: {'none' if quote.source is None else _one_line(quote.source.text)}",
        f"Rule: {_one_line(quote.rule)}",
        f"Confidence: {quote.confidence:.2f}",
    ]
    if parent is not None:
        lines.append(f"Inside: {_quote_numbers([parent])}")
    return "\n".join(lines)


def _one_line(text: str) -> str:
    """The text on one line, so that each fact keeps its own line in a tooltip."""
    return " ".join(text.split())


def _chain_text(chain: Iterable[Entity]) -> str:
    return f" {ARROW} ".join(_one_line(entity.name) for entity in chain)


def _marked_text(text: str, marks: Sequence[_Mark]) -> Iterator[str]:
    """Yield the escaped text with every mark opened and closed, properly nested.

    Marks open at their start, longest outermost. At an offset where marks end,
    the stack is closed down to the deepest of them, and the marks above it that
    go on are reopened as continued pieces; nested marks are never split.
    """
    opening_at: dict[int, list[_Mark]] = collections.defaultdict(list)
    ending_at: collections.Counter[int] = collections.Counter()
    for mark in sorted(marks, key=_Mark.order):
        opening_at[mark.start].append(mark)
        if mark.end > mark.start:
            ending_at[mark.end] += 1
    stack: list[_Mark] = []
    position = 0
    for offset in sorted(opening_at.keys() | ending_at.keys()):
        yield _escape(text[position:offset])
        position = offset
        yield from _close(stack, offset, ending_at[offset])
        for mark in opening_at[offset]:
            yield mark.opening
            if mark.end == offset:
                yield "</span>"
            else:
                stack.append(mark)
    yield _escape(text[position:])


def _close(stack: list[_Mark], offset: int, ending: int) -> Iterator[str]:
    reopen = []
    while ending:
        mark = stack.pop()
        yield "</span>"
        if mark.end == offset:
            ending -= 1
        else:
            reopen.append(mark)
    for mark in reversed(reopen):
        stack.append(mark)
        yield mark.continued()


def _header(doc: Document, palette: _Palette) -> str:
    speakers = {palette.speaker(quote) for quote in doc.quotes} - {None}
    counts = (
        _plural(len(doc.quotes), "quote"),
        _plural(len(speakers), "speaker"),
        _plural(len(doc.text), "character"),
    )
    return (
        '<header class="qa-header"><p class="qa-brand">quoteattr</p>'
        "<h1>Who said what</h1>"
        f'<p class="qa-summary">{_DOT.join(counts)}</p></header>\n'
    )


def _plural(count: int, noun: str) -> str:
    return f"{count:,} {noun}{'' if count == 1 else 's'}"


def _panel(doc: Document, palette: _Palette) -> str:
    return (
        '<aside class="qa-panel">\n'
        f"{_speaker_section(doc.quotes, palette)}"
        f"{_chain_section(doc.quotes, palette)}"
        f"{_KEY}"
        "</aside>\n"
    )


def _speaker_section(quotes: Sequence[Quote], palette: _Palette) -> str:
    speakers = [palette.speaker(quote) for quote in quotes]
    said = collections.Counter(speakers)
    kinds = collections.Counter(zip(speakers, (quote.kind for quote in quotes)))
    relayed = collections.Counter(
        number for quote in quotes for number in {palette.number(e) for e in quote.chain[1:]}
    )
    order = sorted(range(len(palette.entities)), key=lambda i: (-said[i], -relayed[i], i))
    rows = [_speaker_row(i, palette.entities[i], said, kinds, relayed[i]) for i in order]
    if said[None]:
        rows.append(_speaker_row(None, None, said, kinds, 0))
    body = "".join(rows) or '<li class="qa-empty">No quotes found.</li>\n'
    return f'<section>\n<h2>Speakers</h2>\n<ul class="qa-speakers">\n{body}</ul>\n</section>\n'


def _speaker_row(
    number: int | None,
    entity: Entity | None,
    said: Mapping[int | None, int],
    kinds: Mapping[tuple[int | None, QuoteKind], int],
    relayed: int,
) -> str:
    name = "No speaker found" if entity is None else _escape(entity.name)
    kind = "" if entity is None else f'<span class="qa-kind">{entity.kind.value}</span>'
    details = [f"{kinds[number, k]} {k.value}" for k in QuoteKind if kinds[number, k]]
    if relayed:
        details.append(f"relayed {_plural(relayed, 'quote')}")
    return (
        f'<li class="qa-speaker {_css_class(number)}" '
        f'data-speaker="{_speaker_id(number)}" tabindex="0">'
        f'<span class="qa-swatch"></span><bdi class="qa-name">{name}</bdi>{kind}'
        f'<span class="qa-count" title="quotes">{said[number]}</span>'
        f'<span class="qa-details">{_DOT.join(details)}</span></li>\n'
    )


def _chain_section(quotes: Sequence[Quote], palette: _Palette) -> str:
    chains = collections.Counter(
        tuple(palette.number(entity) for entity in quote.chain)
        for quote in quotes if len(quote.chain) > 1
    )
    rows = [_chain_row(chain, count, palette) for chain, count in chains.items()]
    body = "".join(rows) or (
        '<li class="qa-empty">None: every quote comes straight from its speaker.</li>\n'
    )
    return (
        "<section>\n<h2>Reporting chains</h2>\n"
        '<p class="qa-note">From the speaker to the last reporter named.</p>\n'
        f'<ul class="qa-chains">\n{body}</ul>\n</section>\n'
    )


def _chain_row(chain: tuple[int, ...], count: int, palette: _Palette) -> str:
    links = f'<span class="qa-arrow" aria-label="via">{ARROW}</span>'.join(
        f'<bdi class="qa-link {_css_class(i)}">{_escape(palette.entities[i].name)}</bdi>'
        for i in chain
    )
    return (
        f'<li class="qa-chain"><span class="qa-links">{links}</span>'
        f'<span class="qa-count" title="quotes">{count}</span></li>\n'
    )


_KEY = """<section>
<h2>Key</h2>
<ul class="qa-key">
<li><span class="qa-quote qa-direct qa-snone">direct</span> quoted word for word</li>
<li><span class="qa-quote qa-mixed qa-snone">mixed</span> a phrase quoted in a paraphrase</li>
<li><span class="qa-quote qa-indirect qa-snone">indirect</span> reported in other words</li>
<li><span class="qa-cue qa-snone">cue</span> the reporting words</li>
<li><span class="qa-source qa-snone">source</span> who is named as saying it</li>
</ul>
<p class="qa-note">Hover over a quote for its speaker, chain and rule;
over a speaker to pick out their quotes.</p>
</section>
"""
