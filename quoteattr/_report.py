"""The HTML report of ``quoteattr report``: one self-contained page of charts and quotes.

The page holds inline SVG bar charts (top speakers, source kinds, relays, cue stance,
and the groups when there are any), a list of quotes under each chart entry, and every
quote of the corpus in context, document by document. It needs no network, no script
and no file besides itself.

Memory. :meth:`ReportWriter.stream` renders each document's quotes in context as the
document goes by and spools the HTML to a temporary file, with one short index line
per quote; of a document only its name is kept (for the lists of each group's
documents) once the next one arrives. At the end,
:meth:`ReportWriter.write` reads the index once, keeping at most :data:`MAX_LINKS`
links for each charted entry, and copies the spooled documents into the page.

>>> bar = Bar("Ann Lee", "#speaker-0", ((3, "#1864ab", "direct"),), "3")
>>> "Ann Lee" in bar_chart("Speakers", [bar])
True
"""

from __future__ import annotations

import html
import json
import shutil
import tempfile
from pathlib import Path
from types import TracebackType
from typing import IO, Callable, Iterable, Iterator, Mapping, Sequence

import attrs

from quoteattr._stance import STANCES, UNKNOWN
from quoteattr._table import shorten
from quoteattr.analysis import NO_CUE, NO_SPEAKER, Summary, _checked_aliases, speaker_key
from quoteattr.model import Document, Quote, QuoteKind, Span

__all__ = ["Bar", "ReportWriter", "bar_chart", "quote_in_context"]

MAX_LINKS = 1000
CONTEXT = 160
LONGEST_CONTENT = 600
LABEL_WIDTH = 30

STANCE_COLOURS = {
    "neutral": "#adb5bd", "endorsing": "#2b8a3e", "emphatic": "#e8590c",
    "distancing": "#c92a2a", "conceding": "#5f3dc4", "tentative": "#1c7ed6",
    "contesting": "#d6336c", "critical": "#862e9c", "praising": "#69db7c",
    "directive": "#f59f00", "commissive": "#0c8599", "manner": "#a0785a",
    "belief": "#91a7ff", UNKNOWN: "#dee2e6", NO_CUE: "#f1f3f5",
}
KIND_COLOURS = {
    QuoteKind.DIRECT.value: "#1864ab", QuoteKind.INDIRECT.value: "#74c0fc",
    QuoteKind.MIXED.value: "#f08c00",
}
BAR_COLOUR = "#495057"
_STANCE_ORDER = (*STANCES, UNKNOWN, NO_CUE)

_CHART_WIDTH = 720
_LABEL_X = 230
_BAR_WIDTH = 400
_ROW = 24
_BAR_HEIGHT = 16


@attrs.frozen
class Bar:
    """One bar of a chart: a label, where it links to, coloured segments and a note.

    Each segment is ``(value, colour, name)``; the note is printed after the bar.
    """

    label: str
    href: str
    segments: tuple[tuple[float, str, str], ...]
    note: str


def bar_chart(title: str, bars: Sequence[Bar], *, scale: float | None = None) -> str:
    """An inline SVG chart of horizontal bars, each a link, with a tooltip per segment.

    Args:
        title: the accessible name of the chart.
        bars: the bars, top to bottom.
        scale: the value of a full-width bar (default: the longest bar).

    >>> svg = bar_chart("t", [Bar("a", "#a", ((1, "#000", "x"),), "1")])
    >>> svg.startswith("<svg") and 'href="#a"' in svg and "<rect" in svg
    True
    """
    longest = scale or max((sum(v for v, _, _ in bar.segments) for bar in bars), default=0)
    height = _ROW * max(len(bars), 1) + 8
    rows = [_bar_row(i, bar, longest) for i, bar in enumerate(bars)]
    return (
        f'<svg class="chart" role="img" width="{_CHART_WIDTH}" height="{height}" '
        f'viewBox="0 0 {_CHART_WIDTH} {height}" xmlns="http://www.w3.org/2000/svg">'
        f"<title>{_escape(title)}</title>{''.join(rows)}</svg>"
    )


def _bar_row(index: int, bar: Bar, longest: float) -> str:
    y = 4 + index * _ROW
    middle = y + _ROW / 2
    x = float(_LABEL_X)
    rects = []
    for value, colour, name in bar.segments:
        width = _BAR_WIDTH * value / longest if longest else 0
        rects.append(
            f'<rect x="{x:.1f}" y="{middle - _BAR_HEIGHT / 2:.1f}" width="{width:.1f}" '
            f'height="{_BAR_HEIGHT}" fill="{colour}"><title>{_escape(bar.label)}: '
            f"{_escape(name)} {value:g}</title></rect>"
        )
        x += width
    return (
        f'<a href="{_escape(bar.href)}" class="bar">'
        f'<text x="{_LABEL_X - 8}" y="{middle:.1f}" text-anchor="end" '
        f'dominant-baseline="middle">{_escape(shorten(bar.label, LABEL_WIDTH))}</text>'
        f"{''.join(rects)}"
        f'<text x="{x + 6:.1f}" y="{middle:.1f}" dominant-baseline="middle" '
        f'class="note">{_escape(bar.note)}</text></a>'
    )


def quote_in_context(text: str, quote: Quote) -> str:
    """The quote's paragraph around it, as HTML: content marked, cue and source tagged.

    The context reaches at most :data:`CONTEXT` characters beyond the quote, its cue
    and its source, within the paragraph; content longer than
    :data:`LONGEST_CONTENT` characters is cut in the middle.

    >>> from quoteattr import analyze
    >>> doc = analyze('"We won," Ann Lee said.')
    >>> quote_in_context(doc.text, doc.quotes[0])
    '&quot;<mark>We won</mark>,&quot; <span class="source">Ann Lee</span> <span class="cue">said</span>.'
    """
    spans = [(quote.content, "mark")]
    spans += [(span, name) for span, name in ((quote.cue, "cue"), (quote.source, "source"))
              if span is not None and not _overlaps(span, quote.content)]
    spans.sort(key=lambda item: item[0].start)
    start, end = _window(text, min(s.start for s, _ in spans), max(s.end for s, _ in spans))
    pieces, at = [], start
    for span, name in spans:
        if span.start < at:  # cue and source overlap: keep the first
            continue
        pieces.append(_escape(text[at:span.start]))
        pieces.append(_tagged(span, name))
        at = span.end
    pieces.append(_escape(text[at:end]))
    before = "… " if start > 0 and text[start - 1] != "\n" else ""
    after = " …" if end < len(text) and text[end] != "\n" else ""
    return before + "".join(pieces).strip() + after


def _overlaps(a: Span, b: Span) -> bool:
    return a.start < b.end and b.start < a.end


def _window(text: str, start: int, end: int) -> tuple[int, int]:
    """Widen [start, end) by up to CONTEXT characters, inside the paragraph, on word edges."""
    first = max(text.rfind("\n", 0, start) + 1, start - CONTEXT)
    last = text.find("\n", end)
    last = min(len(text) if last < 0 else last, end + CONTEXT)
    if first > 0 and text[first - 1] not in "\n" and " " in text[first:start]:
        first = text.index(" ", first, start) + 1
    if last < len(text) and text[last] != "\n" and " " in text[end:last]:
        last = text.rindex(" ", end, last)
    return first, last


def _tagged(span: Span, name: str) -> str:
    body = span.text
    if name == "mark" and len(body) > LONGEST_CONTENT:
        half = LONGEST_CONTENT // 2
        body = f"{body[:half].rstrip()} … {body[-half:].lstrip()}"
    if name == "mark":
        return f"<mark>{_escape(body)}</mark>"
    return f'<span class="{name}">{_escape(body)}</span>'


def _escape(text: str) -> str:
    return html.escape(text, quote=True)


class ReportWriter:
    """Builds the report while the documents stream by; use it as a context manager.

    >>> import quoteattr
    >>> from quoteattr.analysis import summarize
    >>> doc = quoteattr.analyze('"We won," Ann Lee said.')
    >>> with ReportWriter(title="Demo") as writer:
    ...     docs = [d for _, d in writer.stream([(Path("a.txt"), doc)])]
    ...     page = writer.render(summarize(docs))
    >>> page.startswith("<!doctype html>") and 'id="q-0-0"' in page
    True
    """

    def __init__(self, *, title: str = "Quotes in the corpus", top: int = 15,
                 aliases: Mapping[str, str] | None = None,
                 group_of: Callable[[Path], str] | None = None) -> None:
        self.title = title
        self.top = top
        self.aliases = _checked_aliases(aliases)  # cleaned as Corpus cleans them
        self.group_of = group_of
        self.documents: IO[str] = tempfile.TemporaryFile("w+", encoding="utf-8")
        self.index: IO[str] = tempfile.TemporaryFile("w+", encoding="utf-8")
        self.count = 0
        self.group_documents: dict[str, list[tuple[int, str]]] = {}

    def __enter__(self) -> ReportWriter:
        return self

    def __exit__(self, kind: type[BaseException] | None, error: BaseException | None,
                 traceback: TracebackType | None) -> None:
        self.documents.close()
        self.index.close()

    def stream(self, analysed: Iterable[tuple[Path, Document]]
               ) -> Iterator[tuple[Path, Document]]:
        """Pass ``(path, document)`` pairs through, spooling each document's quotes."""
        for path, doc in analysed:
            self.add(path, doc)
            yield path, doc

    def add(self, path: Path, doc: Document) -> None:
        """Spool one document's quotes in context, and their index lines."""
        number = self.count
        self.count += 1
        group = None if self.group_of is None else self.group_of(path)
        if group is not None:
            self.group_documents.setdefault(group, []).append((number, path.name))
        heading = _escape(path.name) + ("" if group is None else f" <small>{_escape(group)}</small>")
        items = [self._quote_item(number, i, path, doc.text, q) for i, q in enumerate(doc.quotes)]
        self.documents.write(
            f'<section class="doc" id="d-{number}"><h3>{heading}</h3>'
            + (f"<ol>{''.join(items)}</ol>" if items else "<p>No quotes found.</p>")
            + "</section>\n"
        )

    def _quote_item(self, number: int, i: int, path: Path, text: str, quote: Quote) -> str:
        qid = f"q-{number}-{i}"
        keys = self._keys(quote)
        speaker = "no speaker" if quote.speaker is None else quote.speaker.name
        label = f"{shorten(quote.content.text, 90)} — {speaker}, {path.name}"
        self.index.write(json.dumps([qid, label, keys], ensure_ascii=False) + "\n")
        return (f'<li id="{qid}"><p>{quote_in_context(text, quote)}</p>'
                f'<p class="meta">{_quote_facts(quote)}</p></li>')

    def _keys(self, quote: Quote) -> list[list[str]]:
        stance = NO_CUE if quote.stance is None else quote.stance
        kind = NO_SPEAKER if quote.speaker is None else quote.speaker.kind.value
        keys = [["kind", kind], ["stance", stance]]
        if quote.speaker is not None:
            key = speaker_key(quote.speaker, self.aliases)
            if key is not None:
                keys.append(["speaker", *key])
        for entity in quote.chain[1:]:
            key = speaker_key(entity, self.aliases)
            if key is not None and ["relay", *key] not in keys:
                keys.append(["relay", *key])
        return keys

    def write(self, output: Path, summary: Summary, groups: Mapping[str, Summary] | None = None,
              group_by: str | None = None) -> None:
        """Write the page to ``output``, copying the spooled documents in."""
        with open(output, "w", encoding="utf-8") as out:
            for part in self._parts(summary, groups or {}, group_by):
                out.write(part)
            self.documents.seek(0)
            shutil.copyfileobj(self.documents, out)
            out.write(_FOOT)

    def render(self, summary: Summary, groups: Mapping[str, Summary] | None = None,
               group_by: str | None = None) -> str:
        """The whole page as a string (for small corpora and tests)."""
        self.documents.seek(0)
        return "".join(self._parts(summary, groups or {}, group_by)) + self.documents.read() + _FOOT

    def _parts(self, summary: Summary, groups: Mapping[str, Summary], group_by: str | None
               ) -> Iterator[str]:
        charts = _Charts(summary, groups, group_by, self.top)
        yield _head(self.title)
        yield (f"<header><h1>{_escape(self.title)}</h1><p>{_escape(_headline(summary))}</p>"
               "<nav><a href=\"#charts\">Charts</a> · <a href=\"#lists\">Quotes by chart "
               "entry</a> · <a href=\"#documents\">Every quote in context</a></nav></header>")
        yield "<main><section id=\"charts\"><h2>Charts</h2>" + charts.html() + "</section>"
        yield "<section id=\"lists\"><h2>Quotes by chart entry</h2>"
        yield from self._lists(charts)
        yield "</section><section id=\"documents\"><h2>Every quote in context</h2>\n"

    def _lists(self, charts: _Charts) -> Iterator[str]:
        links: dict[tuple[str, ...], list[str]] = {key: [] for key in charts.anchors}
        self.index.seek(0)
        for line in self.index:
            qid, label, keys = json.loads(line)
            for key in map(tuple, keys):
                if key in links and len(links[key]) < MAX_LINKS:
                    links[key].append(f'<li><a href="#{qid}">{_escape(label)}</a></li>')
        for key, (anchor, heading, total) in charts.anchors.items():
            more = total - len(links[key])
            tail = f"<p>… and {more} more, in the documents below.</p>" if more > 0 else ""
            yield (f'<section class="list" id="{anchor}"><h3>{_escape(heading)}</h3>'
                   f"<ol>{''.join(links[key])}</ol>{tail}</section>")
        for group, (anchor, documents) in charts.group_anchors(self.group_documents).items():
            items = "".join(f'<li><a href="#d-{n}">{_escape(name)}</a></li>' for n, name in documents)
            yield (f'<section class="list" id="{anchor}"><h3>{_escape(group)}: '
                   f"{len(documents)} documents</h3><ol>{items}</ol></section>")


def _quote_facts(quote: Quote) -> str:
    speaker = "no speaker" if quote.speaker is None else (
        f"{quote.speaker.name} ({quote.speaker.kind.value})")
    facts = [_escape(speaker), quote.kind.value]
    if quote.cue is not None:
        facts.append(f"cue “{_escape(' '.join(quote.cue.text.split()))}”: {quote.stance}")
    if len(quote.chain) > 1:
        facts.append("via " + " ← ".join(_escape(e.name) for e in quote.chain[1:]))
    return " · ".join(facts)


def _headline(summary: Summary) -> str:
    return (f"{summary.documents} documents, {summary.quotes} quotes, {summary.words} words "
            f"quoted; {summary.unattributed} quotes without a speaker.")


class _Charts:
    """The charts of the page, and the anchor of the quote list each bar links to."""

    def __init__(self, summary: Summary, groups: Mapping[str, Summary], group_by: str | None,
                 top: int) -> None:
        self.summary = summary
        self.groups = groups
        self.group_by = group_by
        self.top = top
        # (table, name[, kind]) -> (anchor, heading, number of quotes)
        self.anchors: dict[tuple[str, ...], tuple[str, str, int]] = {}

    def html(self) -> str:
        parts = [self._speakers(), self._source_kinds(), self._relays(), self._stances(),
                 self._stances_by_kind()]
        if self.group_by is not None:
            parts.append(self._groups())
        return "".join(parts)

    def _anchor(self, key: tuple[str, ...], heading: str, total: int) -> str:
        anchor = f"{key[0]}-{len(self.anchors)}"
        self.anchors[key] = (anchor, heading, total)
        return "#" + anchor

    def _speakers(self) -> str:
        bars = []
        for s in self.summary.speakers(self.top):
            href = self._anchor(("speaker", s.name, s.kind), f"{s.name} ({s.kind}): "
                                f"{s.quotes} quotes", s.quotes)
            segments = tuple((n, KIND_COLOURS[k], k) for k, n in
                             (("direct", s.direct), ("indirect", s.indirect), ("mixed", s.mixed)))
            bars.append(Bar(s.name, href, segments, str(s.quotes)))
        return _figure("Most quoted speakers", "Quotes per speaker, by kind of quote.",
                       bar_chart("Most quoted speakers", bars), _legend(KIND_COLOURS))

    def _source_kinds(self) -> str:
        kinds = self.summary.source_kinds()
        bars = [Bar(kind, self._anchor(("kind", kind), f"Source kind {kind}: {n} quotes", n),
                    ((kinds.share(kind), BAR_COLOUR, "share"),), _percent(kinds.share(kind)))
                for kind, n in kinds.most_common()]
        return _figure("Source kinds", "Share of quotes per kind of source; 'none': no speaker.",
                       bar_chart("Source kinds", bars, scale=1.0))

    def _relays(self) -> str:
        bars = [Bar(name, self._anchor(("relay", name, kind), f"Relayed by {name} ({kind}): "
                                       f"{n} quotes", n), ((n, BAR_COLOUR, "quotes"),), str(n))
                for (name, kind), n in self.summary.relays.most_common(self.top)]
        chart = bar_chart("Relays", bars) if bars else "<p>No quote came through a relay.</p>"
        return _figure("Relays", "Quotes passed on by each outlet or person (reporting chains).",
                       chart)

    def _stances(self) -> str:
        stances = self.summary.stances()
        bars = [Bar(stance, self._anchor(("stance", stance), f"Cue stance {stance}: {n} quotes",
                                         n),
                    ((stances.share(stance), STANCE_COLOURS[stance], stance),),
                    _percent(stances.share(stance)))
                for stance, n in stances.most_common()]
        return _figure("Cue-verb stance", "Share of quotes per stance of the reporting verb.",
                       bar_chart("Cue-verb stance", bars, scale=1.0))

    def _stances_by_kind(self) -> str:
        bars = []
        for kind, n in self.summary.source_kinds().most_common():
            stances = self.summary.stances(kind)
            segments = tuple((stances.share(s), STANCE_COLOURS[s], s)
                             for s in _STANCE_ORDER if s in stances)
            bars.append(Bar(kind, "#" + self.anchors[("kind", kind)][0], segments, str(n)))
        return _figure("Stance by source kind", "Each bar is 100% of that kind's quotes.",
                       bar_chart("Stance by source kind", bars, scale=1.0),
                       _legend({s: STANCE_COLOURS[s] for s in _STANCE_ORDER}))

    def _groups(self) -> str:
        anonymous, distancing = [], []
        for i, (group, summary) in enumerate(self.groups.items()):
            href = f"#group-{i}"
            share = summary.source_kinds().share("anonymous")
            anonymous.append(Bar(group, href, ((share, BAR_COLOUR, "anonymous"),),
                                 _percent(share)))
            share = summary.stances().share("distancing")
            distancing.append(Bar(group, href, ((share, STANCE_COLOURS["distancing"],
                                                 "distancing"),), _percent(share)))
        return (_figure(f"Anonymous sources by {self.group_by}", "Share of each group's quotes "
                        "whose speaker is anonymous.", bar_chart("Anonymous sources", anonymous))
                + _figure(f"Distancing cues by {self.group_by}", "Share of each group's quotes "
                          "with a distancing cue (claimed, alleged).",
                          bar_chart("Distancing cues", distancing))
                + self._group_table())

    def _group_table(self) -> str:
        rows = "".join(
            f'<tr><td><a href="#group-{i}">{_escape(group)}</a></td><td>{s.documents}</td>'
            f"<td>{s.quotes}</td><td>{_percent(s.source_kinds().share('anonymous'))}</td>"
            f"<td>{_percent(s.stances().share('distancing'))}</td><td>"
            + _escape(", ".join(f"{p.name} {p.quotes}" for p in s.speakers(3))) + "</td></tr>"
            for i, (group, s) in enumerate(self.groups.items()))
        return (f"<figure><figcaption>By {_escape(self.group_by or '')}</figcaption><table>"
                f"<tr><th>{_escape(self.group_by or '')}</th><th>documents</th><th>quotes</th>"
                "<th>anonymous</th><th>distancing</th><th>most quoted</th></tr>"
                f"{rows}</table></figure>")

    def group_anchors(self, documents: Mapping[str, list[tuple[int, str]]]
                      ) -> dict[str, tuple[str, list[tuple[int, str]]]]:
        return {group: (f"group-{i}", documents.get(group, []))
                for i, group in enumerate(self.groups)}


def _figure(title: str, caption: str, chart: str, legend: str = "") -> str:
    return (f"<figure><figcaption><strong>{_escape(title)}</strong> {_escape(caption)} "
            f"Click a bar for its quotes.</figcaption>{chart}{legend}</figure>")


def _legend(colours: Mapping[str, str]) -> str:
    items = "".join(f'<span><i style="background:{colour}"></i>{_escape(name)}</span>'
                    for name, colour in colours.items())
    return f'<p class="legend">{items}</p>'


def _percent(share: float) -> str:
    return f"{100 * share:.1f}%"


def _head(title: str) -> str:
    return (
        "<!doctype html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
        "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
        f"<title>{_escape(title)}</title><style>{_STYLE}</style></head><body>"
    )


_STYLE = """
body{font:15px/1.45 system-ui,sans-serif;margin:0 auto;max-width:60rem;padding:1rem;color:#212529}
h1{font-size:1.6rem}h2{margin-top:2.5rem;border-bottom:1px solid #dee2e6}
figure{margin:1.5rem 0}figcaption{margin-bottom:.4rem}
svg.chart{max-width:100%;height:auto;font-size:12px}
svg.chart a text{fill:#212529}svg.chart a:hover text{text-decoration:underline}
svg.chart .note{fill:#495057}
.legend span{margin-right:.8rem;font-size:12px;white-space:nowrap}
.legend i{display:inline-block;width:.8rem;height:.8rem;margin-right:.25rem;vertical-align:-1px}
table{border-collapse:collapse}td,th{padding:.2rem .6rem;border-bottom:1px solid #dee2e6;text-align:left}
section.list ol{max-height:24rem;overflow:auto;font-size:13px}
section.doc h3{font-size:1rem;margin-bottom:.2rem}section.doc small{color:#868e96}
section.doc li{margin-bottom:.6rem}section.doc p{margin:0}
mark{background:#fff3bf}.cue{font-weight:600;color:#c92a2a}.source{text-decoration:underline}
.meta{font-size:12px;color:#868e96}:target{background:#e7f5ff}
"""

_FOOT = "</section></main></body></html>\n"
