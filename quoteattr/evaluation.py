r"""Reading BRAT stand-off corpora and scoring quoteattr against them.

The metric is the one defined in ``EVALUATION.md``: contents become sets of character
offsets, predictions are grouped by their (cue, source) pair, pairs match one-to-one
when the Jaccard overlap is at least 0.5, and three views (``all``, ``quoted``,
``speech``) each report ``content``, ``exact``, ``source``, ``cue`` and ``full``.

>>> import pathlib, tempfile
>>> workspace = tempfile.TemporaryDirectory()
>>> root = pathlib.Path(workspace.name)
>>> for sub in ("text", "attributions"):
...     (root / sub).mkdir()
>>> _ = (root / "text" / "a.txt").write_text('"We won," she said.', encoding="utf-8")
>>> _ = (root / "attributions" / "a_x.ann").write_text(
...     "T1\tContent 1 7\tWe won\nT2\tSource 10 13\tshe\nT3\tCue 14 18\tsaid\n"
...     "E1\tContent:T1 Source:T2 Cue:T3\n", encoding="utf-8")
>>> def by_hand(text):
...     quote = Quote(Span.of(text, 1, 7), QuoteKind.DIRECT, Span.of(text, 14, 18),
...                   Span.of(text, 10, 13), None, (), 1.0, "by hand")
...     return Document(text, (quote,), ())
>>> evaluate(root, analyze=by_hand).view("speech").full.f1
100.0
>>> evaluate(root, analyze=lambda text: Document(text, (), ())).view("all").content
Metric(right=0, predicted=0, gold=1)
>>> workspace.cleanup()
"""

from __future__ import annotations

import collections
import os
import re
import time
import unicodedata
from fractions import Fraction
from pathlib import Path
from typing import Any, Callable, Iterable, Sequence

import attrs
import regex

import quoteattr
from quoteattr._lexicons import is_speech_cue
from quoteattr.errors import CorpusError
from quoteattr.model import Document, Entity, Quote, QuoteKind, Span

__all__ = [
    "METRIC_NAMES",
    "VIEW_NAMES",
    "GoldAttribution",
    "GoldDocument",
    "Metric",
    "ChainScore",
    "Report",
    "ViewScore",
    "chain_is_right",
    "evaluate",
    "format_report",
    "is_speech_cue",
    "read_corpus",
    "score",
    "score_chains",
]

Extent = tuple[int, int]
"""A half-open ``(start, end)`` pair of character offsets."""

METRIC_NAMES = ("content", "exact", "source", "cue", "full")
VIEW_NAMES = ("all", "quoted", "speech")

# Every quotation mark style; the apostrophe-like ones need context (see below).
_QUOTE_MARKS = "\"'`´“”„‟‘’‚‛«»‹›″〝〞＂「」『』"
_APOSTROPHE_LIKE = "'’`´"
_LEADING_THAT = re.compile(r"\W*(that)(?!['’]?\w)", re.IGNORECASE)
_EDGE_PUNCTUATION = regex.compile(r"^[\p{P}`´]+|[\p{P}`´]+$")
_T_LINE = re.compile(r"(T\d+)\t\S+ (\d+ \d+(?:;\d+ \d+)*)\t")
_E_LINE = re.compile(r"E\d+\t(.*)")
_ROLES = ("Content", "Source", "Cue")


def _is_extent(value: object) -> bool:
    return (
        isinstance(value, tuple)
        and len(value) == 2
        and all(isinstance(offset, int) for offset in value)
        and 0 <= value[0] <= value[1]
    )


def _extents(instance: object, attribute: attrs.Attribute, value: object) -> None:
    if not isinstance(value, tuple) or not all(_is_extent(extent) for extent in value):
        raise ValueError(
            f"{attribute.name} must be a tuple of (start, end) pairs with 0 <= start <= end,"
            f" got {value!r}"
        )


def _non_empty(instance: object, attribute: attrs.Attribute, value: tuple[Any, ...]) -> None:
    if not value:
        raise ValueError(f"{attribute.name} must hold at least one extent")


@attrs.frozen
class GoldAttribution:
    """One annotated attribution: its content pieces, source spans and cue spans.

    Extents are sorted; ``sources`` (or ``cues``) is empty when the annotator marked none.

    >>> GoldAttribution(((0, 5), (9, 12)), (), ((6, 8),)).sources
    ()
    """

    content: tuple[Extent, ...] = attrs.field(validator=[_extents, _non_empty])
    sources: tuple[Extent, ...] = attrs.field(validator=_extents)
    cues: tuple[Extent, ...] = attrs.field(validator=_extents)


@attrs.frozen
class GoldDocument:
    """An article and its gold attributions, whose extents all lie inside ``text``.

    >>> GoldDocument("a", "He said no.", (GoldAttribution(((8, 10),), ((0, 2),), ((3, 7),)),)).name
    'a'
    """

    name: str = attrs.field(validator=attrs.validators.instance_of(str))
    text: str = attrs.field(validator=attrs.validators.instance_of(str))
    attributions: tuple[GoldAttribution, ...] = attrs.field(
        validator=attrs.validators.deep_iterable(
            attrs.validators.instance_of(GoldAttribution), attrs.validators.instance_of(tuple)
        )
    )

    @attributions.validator
    def _inside_text(self, attribute: attrs.Attribute, value: tuple[GoldAttribution, ...]) -> None:
        for index, attribution in enumerate(value):
            end = max(e for _, e in attribution.content + attribution.sources + attribution.cues)
            if end > len(self.text):
                raise ValueError(
                    f"attribution {index} reaches offset {end}, past the end of the text"
                    f" ({len(self.text)} characters)"
                )


def _percent(part: int, whole: int) -> float:
    return 100.0 * part / whole if whole else 0.0


@attrs.frozen
class Metric:
    """The counts behind one metric, and the precision, recall and F1 they give.

    Precision is ``right / predicted`` and recall ``right / gold``, in percent; each is
    0.0 when its denominator is 0, and so is F1 when both are.

    >>> m = Metric(right=3, predicted=4, gold=6)
    >>> m.precision, m.recall, m.f1
    (75.0, 50.0, 60.0)
    """

    right: int = attrs.field(validator=attrs.validators.ge(0))
    predicted: int = attrs.field(validator=attrs.validators.ge(0))
    gold: int = attrs.field(validator=attrs.validators.ge(0))

    @right.validator
    def _right_fits(self, attribute: attrs.Attribute, value: int) -> None:
        if value > min(self.predicted, self.gold):
            raise ValueError(f"right ({value}) exceeds predicted or gold")

    @property
    def precision(self) -> float:
        """``right / predicted``, in percent."""
        return _percent(self.right, self.predicted)

    @property
    def recall(self) -> float:
        """``right / gold``, in percent."""
        return _percent(self.right, self.gold)

    @property
    def f1(self) -> float:
        """The harmonic mean of precision and recall, in percent."""
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def to_dict(self) -> dict[str, float | int]:
        """Return the scores and counts as a JSON-ready dict.

        >>> Metric(1, 2, 2).to_dict()
        {'precision': 50.0, 'recall': 50.0, 'f1': 50.0, 'right': 1, 'predicted': 2, 'gold': 2}
        """
        return {
            "precision": self.precision,
            "recall": self.recall,
            "f1": self.f1,
            "right": self.right,
            "predicted": self.predicted,
            "gold": self.gold,
        }


@attrs.frozen
class ViewScore:
    """The five metrics of one view (``all``, ``quoted`` or ``speech``).

    >>> none = Metric(0, 0, 0)
    >>> list(ViewScore("all", none, none, none, none, none).metrics())
    ['content', 'exact', 'source', 'cue', 'full']
    """

    name: str = attrs.field(validator=attrs.validators.in_(VIEW_NAMES))
    content: Metric
    exact: Metric
    source: Metric
    cue: Metric
    full: Metric

    def metrics(self) -> dict[str, Metric]:
        """Return the metrics by name, in the order of ``METRIC_NAMES``.

        >>> none = Metric(0, 0, 0)
        >>> ViewScore("quoted", none, none, none, none, none).metrics()["cue"]
        Metric(right=0, predicted=0, gold=0)
        """
        return {name: getattr(self, name) for name in METRIC_NAMES}


@attrs.frozen
class Report:
    """The scores of every view, with the size of the corpus and the run's throughput.

    ``seconds`` is the time spent in ``analyze`` (``None`` when nothing was timed) and
    ``raised`` names the documents on which ``analyze`` raised.

    >>> report = score([], [])
    >>> report.view("speech").content.gold, report.chars_per_second
    (0, None)
    """

    views: tuple[ViewScore, ...]
    n_documents: int
    n_characters: int
    seconds: float | None = None
    raised: tuple[str, ...] = ()

    @property
    def chars_per_second(self) -> float | None:
        """Characters analysed per second, or ``None`` when the run was not timed."""
        return self.n_characters / self.seconds if self.seconds else None

    def view(self, name: str) -> ViewScore:
        """Return the view called ``name``.

        Raises:
            KeyError: naming the views there are.

        >>> score([], []).view("quoted").name
        'quoted'
        """
        for view in self.views:
            if view.name == name:
                return view
        raise KeyError(f"no view {name!r}; the views are {', '.join(VIEW_NAMES)}")

    def to_dict(self) -> dict[str, Any]:
        """Return a JSON-ready dict: corpus size, timing, and views -> metrics -> scores.

        >>> list(score([], []).to_dict())  # doctest: +NORMALIZE_WHITESPACE
        ['documents', 'characters', 'seconds', 'chars_per_second', 'documents_raised', 'raised',
         'views']
        """
        return {
            "documents": self.n_documents,
            "characters": self.n_characters,
            "seconds": self.seconds,
            "chars_per_second": self.chars_per_second,
            "documents_raised": len(self.raised),
            "raised": list(self.raised),
            "views": {
                view.name: {name: metric.to_dict() for name, metric in view.metrics().items()}
                for view in self.views
            },
        }


# ---------------------------------------------------------------------------
# Reading BRAT stand-off


def read_corpus(path: str | os.PathLike[str]) -> tuple[GoldDocument, ...]:
    """Read a PolNeAR-style corpus: ``text/<article>.txt`` and ``attributions/*.ann``.

    An article with several annotators' files (``<article>_<annotator>.ann``) is read
    from the first in sorted order. Documents come in the sorted order of their names;
    ``E`` lines without a ``Content`` role are skipped.

    Args:
        path: the folder holding ``text/`` and ``attributions/``.

    Returns:
        One GoldDocument per article.

    Raises:
        CorpusError: the folder is missing or has no articles, an article lacks its
            annotations (or the reverse), or an annotation file is malformed.

    >>> read_corpus("/no/such/corpus")  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    quoteattr.errors.CorpusError: found no articles in /no/such/corpus: expected text/...
    """
    root = Path(path)
    texts = sorted((root / "text").glob("*.txt"))
    if not texts:
        raise CorpusError(
            f"found no articles in {root}: expected text/<article>.txt files beside"
            " attributions/<article>_<annotator>.ann (BRAT stand-off)"
        )
    annotations = _first_annotations(root / "attributions")
    _check_pairing({text.stem for text in texts}, annotations, root)
    return tuple(_read_document(text, annotations[text.stem]) for text in texts)


def _first_annotations(folder: Path) -> dict[str, Path]:
    first: dict[str, Path] = {}
    for ann in sorted(folder.glob("*.ann")):
        first.setdefault(ann.stem.rpartition("_")[0], ann)
    return first


def _check_pairing(articles: set[str], annotations: dict[str, Path], root: Path) -> None:
    unannotated = sorted(articles - annotations.keys())
    if unannotated:
        raise CorpusError(
            f"{root}: no attributions/<article>_<annotator>.ann for text/{unannotated[0]}.txt"
            f" ({len(unannotated)} articles lack one); add them or remove the texts"
        )
    textless = sorted(annotations[name].name for name in annotations.keys() - articles)
    if textless:
        raise CorpusError(
            f"{root}: {textless[0]} has no text/<article>.txt ({len(textless)} annotation"
            " files lack one); name annotation files <article>_<annotator>.ann"
        )


def _read_document(text_path: Path, ann_path: Path) -> GoldDocument:
    """Raises CorpusError naming the annotation file when it does not fit the text."""
    # Decoding the bytes keeps "\r\n" as two characters, as the offsets count them.
    text = text_path.read_bytes().decode("utf-8")
    try:
        return GoldDocument(text_path.stem, text, _read_attributions(ann_path))
    except ValueError as error:  # a bad reference, offsets past the text, undecodable
        raise CorpusError(f"{ann_path}: {error}") from None


def _read_attributions(ann_path: Path) -> tuple[GoldAttribution, ...]:
    lines = ann_path.read_text(encoding="utf-8").split("\n")
    extents = {m[1]: _parse_extents(m[2]) for m in map(_T_LINE.match, lines) if m}
    attributions = (_attribution(m[1].split(), extents) for m in map(_E_LINE.match, lines) if m)
    return tuple(a for a in attributions if a is not None)


def _parse_extents(field: str) -> tuple[Extent, ...]:
    pairs = (piece.split() for piece in field.split(";"))
    return tuple((int(start), int(end)) for start, end in pairs)


def _attribution(
    roles: list[str], extents: dict[str, tuple[Extent, ...]]
) -> GoldAttribution | None:
    """Gather an E line's Content/Content2, Source and Cue extents; None without content."""
    gathered: dict[str, set[Extent]] = {role: set() for role in _ROLES}
    for role_and_ref in roles:
        role, _, ref = role_and_ref.partition(":")
        role = role.rstrip("0123456789")
        if role not in gathered:
            continue
        if ref not in extents:
            raise ValueError(f"an E line names {ref}, which no T line defines")
        gathered[role].update(extents[ref])
    if not gathered["Content"]:
        return None
    return GoldAttribution(*(tuple(sorted(gathered[role])) for role in _ROLES))


# ---------------------------------------------------------------------------
# What the views select


def _is_quotation_mark(text: str, index: int) -> bool:
    """A quotation mark, not an apostrophe: ``'`` or ``’`` after a letter or digit is not."""
    char = text[index]
    if char in _APOSTROPHE_LIKE:
        return index == 0 or not text[index - 1].isalnum()
    return char in _QUOTE_MARKS


def _holds_quotation_mark(text: str, extents: Sequence[Extent]) -> bool:
    return any(_is_quotation_mark(text, i) for start, end in extents for i in range(start, end))


def _gold_is_quoted(text: str, attribution: GoldAttribution) -> bool:
    return _holds_quotation_mark(text, attribution.content)


def _gold_is_speech(text: str, attribution: GoldAttribution) -> bool:
    return is_speech_cue(" ".join(text[start:end] for start, end in attribution.cues))


def _quote_is_quoted(quote: Quote) -> bool:
    return quote.kind in (QuoteKind.DIRECT, QuoteKind.MIXED)


def _quote_is_speech(quote: Quote) -> bool:
    return quote.cue is not None and is_speech_cue(quote.cue.text)


@attrs.frozen
class _View:
    name: str
    keeps_gold: Callable[[str, GoldAttribution], bool]
    keeps_quote: Callable[[Quote], bool]


_VIEWS = (
    _View("all", lambda text, attribution: True, lambda quote: True),
    _View("quoted", _gold_is_quoted, _quote_is_quoted),
    _View("speech", _gold_is_speech, _quote_is_speech),
)


# ---------------------------------------------------------------------------
# Scoring


@attrs.frozen
class _Attribution:
    """Gold or predicted, reduced to what is scored."""

    offsets: frozenset[int]
    sources: tuple[Extent, ...]
    cues: tuple[Extent, ...]


def score(gold: Sequence[GoldDocument], predicted: Sequence[Document]) -> Report:
    """Score predictions against gold, document by document, in every view.

    Args:
        gold: the gold documents, e.g. from :func:`read_corpus`.
        predicted: one Document per gold document, in the same order, made from its text.

    Returns:
        A Report with no timing (``seconds`` is ``None``).

    Raises:
        ValueError: the two sequences differ in length, or a prediction was made on
            another text.

    >>> said_no = GoldAttribution(((8, 10),), ((0, 2),), ((3, 7),))
    >>> gold = GoldDocument("a", "He said no.", (said_no,))
    >>> score([gold], [Document(gold.text, (), ())]).view("all").content
    Metric(right=0, predicted=0, gold=1)
    """
    if len(gold) != len(predicted):
        raise ValueError(
            f"got {len(gold)} gold documents but {len(predicted)} predictions;"
            " pass one prediction per gold document"
        )
    for gold_doc, predicted_doc in zip(gold, predicted):
        if gold_doc.text != predicted_doc.text:
            raise ValueError(
                f"the prediction for {gold_doc.name} was made on another text;"
                " pass predictions in the order of the gold documents"
            )
    return Report(
        views=tuple(_score_view(view, gold, predicted) for view in _VIEWS),
        n_documents=len(gold),
        n_characters=sum(len(doc.text) for doc in gold),
    )


def _score_view(
    view: _View, gold: Sequence[GoldDocument], predicted: Sequence[Document]
) -> ViewScore:
    counts: collections.Counter[str] = collections.Counter()
    for gold_doc, predicted_doc in zip(gold, predicted):
        text = gold_doc.text
        golds = [
            _gold_attribution(text, attribution)
            for attribution in gold_doc.attributions
            if view.keeps_gold(text, attribution)
        ]
        quotes = [quote for quote in predicted_doc.quotes if view.keeps_quote(quote)]
        counts += _count(golds, _group(text, quotes))
    metrics = {
        name: Metric(counts[name], counts["predicted"], counts["gold"]) for name in METRIC_NAMES
    }
    return ViewScore(view.name, **metrics)


def _content_offsets(text: str, extents: Sequence[Extent]) -> frozenset[int]:
    """Offsets of a (possibly split) content's characters, minus whitespace, punctuation,
    quotation marks and a leading complementiser ``that``.

    A ``that`` right after a quotation mark (``"That is wrong"``) opens the quoted words,
    and a content that is only ``that`` is a pronoun: neither is a complementiser.
    """
    kept = {i for start, end in extents for i in range(start, end) if _is_scored_char(text[i])}
    without_that = kept.difference(_leading_that(text, min(extents)))
    return frozenset(without_that or kept)


def _is_scored_char(char: str) -> bool:
    return not (
        char.isspace() or char in _QUOTE_MARKS or unicodedata.category(char).startswith("P")
    )


def _leading_that(text: str, first_extent: Extent) -> range:
    match = _LEADING_THAT.match(text, *first_extent)
    if match is None or (match.start(1) and _is_quotation_mark(text, match.start(1) - 1)):
        return range(0)
    return range(*match.span(1))


def _gold_attribution(text: str, attribution: GoldAttribution) -> _Attribution:
    offsets = _content_offsets(text, attribution.content)
    return _Attribution(offsets, attribution.sources, attribution.cues)


def _extent_of(span: Span | None) -> tuple[Extent, ...]:
    return () if span is None else ((span.start, span.end),)


def _group(text: str, quotes: Sequence[Quote]) -> list[_Attribution]:
    """One predicted attribution per (cue, source) pair; a quote without a cue alone.

    A group's content is the union of its quotes' contents, read as one split content
    the way gold is, so a leading ``that`` is looked for only where the group starts.
    """
    groups: dict[object, list[Quote]] = {}
    for index, quote in enumerate(quotes):
        key = index if quote.cue is None else (_extent_of(quote.cue), _extent_of(quote.source))
        groups.setdefault(key, []).append(quote)
    return [
        _Attribution(
            _content_offsets(text, sorted((q.content.start, q.content.end) for q in group)),
            _extent_of(group[0].source),
            _extent_of(group[0].cue),
        )
        for group in groups.values()
    ]


def _count(
    golds: Sequence[_Attribution], preds: Sequence[_Attribution]
) -> collections.Counter[str]:
    counts = collections.Counter(gold=len(golds), predicted=len(preds))
    for gold_index, pred_index in _match(golds, preds):
        gold, pred = golds[gold_index], preds[pred_index]
        source_right = _agree(pred.sources, gold.sources)
        cue_right = _agree(pred.cues, gold.cues)
        counts["content"] += 1
        counts["exact"] += gold.offsets == pred.offsets
        counts["source"] += source_right
        counts["cue"] += cue_right
        counts["full"] += source_right and cue_right
    return counts


def _match(
    golds: Sequence[_Attribution], preds: Sequence[_Attribution]
) -> list[tuple[int, int]]:
    """Pair gold and predicted indices one-to-one, best Jaccard first, ties in index order."""
    candidates = sorted(
        (-overlap, gold_index, pred_index)
        for gold_index, gold in enumerate(golds)
        for pred_index, pred in enumerate(preds)
        if (overlap := _jaccard(gold.offsets, pred.offsets)) >= Fraction(1, 2)
    )
    used_golds: set[int] = set()
    used_preds: set[int] = set()
    pairs = []
    for _, gold_index, pred_index in candidates:
        if gold_index not in used_golds and pred_index not in used_preds:
            used_golds.add(gold_index)
            used_preds.add(pred_index)
            pairs.append((gold_index, pred_index))
    return pairs


def _jaccard(a: frozenset[int], b: frozenset[int]) -> Fraction:
    shared = len(a & b)
    return Fraction(shared, len(a) + len(b) - shared) if shared else Fraction(0)


def _agree(predicted: tuple[Extent, ...], gold: tuple[Extent, ...]) -> bool:
    """Right when a predicted extent overlaps a gold one, or when both are absent."""
    if not predicted and not gold:
        return True
    return any(
        p_start < g_end and g_start < p_end
        for p_start, p_end in predicted
        for g_start, g_end in gold
    )


# ---------------------------------------------------------------------------
# Running and reporting


def evaluate(
    path: str | os.PathLike[str], analyze: Callable[[str], Document] = quoteattr.analyze
) -> Report:
    """Read a corpus, run ``analyze`` on every text, and score the results.

    A document on which ``analyze`` raises counts as one with no quotes, and its name is
    recorded in ``Report.raised``. Only the calls to ``analyze`` are timed.

    Args:
        path: the corpus folder (see :func:`read_corpus`).
        analyze: the function under test.

    Returns:
        The Report, with ``seconds`` and ``raised`` filled in.

    Raises:
        CorpusError: as :func:`read_corpus` does.

    >>> evaluate("/no/such/corpus")  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    quoteattr.errors.CorpusError: found no articles in /no/such/corpus: expected text/...
    """
    gold = read_corpus(path)
    predicted = []
    raised = []
    seconds = 0.0
    for doc in gold:
        started = time.perf_counter()
        try:
            result = analyze(doc.text)
        except Exception:  # a crash is a result here: count it and carry on
            result = Document(doc.text, (), ())
            raised.append(doc.name)
        seconds += time.perf_counter() - started
        predicted.append(result)
    return attrs.evolve(score(gold, predicted), seconds=seconds, raised=tuple(raised))


def format_report(report: Report) -> str:
    """Lay a Report out as a plain-text table, then the corpus size and throughput.

    Args:
        report: from :func:`evaluate` or :func:`score`.

    Returns:
        The table, one row per view and metric, with P, R and F1 in percent.

    >>> print(format_report(score([], [])).splitlines()[0])
    view    metric       P      R     F1   right    pred    gold
    """
    header = ("view", "metric", "P", "R", "F1", "right", "pred", "gold")
    rows = ["{:<7} {:<7} {:>6} {:>6} {:>6} {:>7} {:>7} {:>7}".format(*header)]
    for view in report.views:
        for name, metric in view.metrics().items():
            scores = f"{metric.precision:6.1f} {metric.recall:6.1f} {metric.f1:6.1f}"
            counts = f"{metric.right:7d} {metric.predicted:7d} {metric.gold:7d}"
            rows.append(f"{view.name:<7} {name:<7} {scores} {counts}")
    rate = report.chars_per_second
    seconds = "-" if report.seconds is None else f"{report.seconds:.2f}"
    rows += [
        "",
        f"documents              {report.n_documents:,}",
        f"characters             {report.n_characters:,}",
        f"seconds                {seconds}",
        f"chars/s                {'-' if rate is None else f'{rate:,.0f}'}",
        f"documents that raised  {len(report.raised)}",
    ]
    rows += [f"  {name}" for name in report.raised]
    return "\n".join(rows)


def chain_is_right(chain: Sequence[Entity], gold: Sequence[str]) -> bool:
    """Tell whether a predicted reporting chain matches a gold one (EVALUATION.md).

    A chain is right when it has the gold length and each element names the
    gold entity: its canonical name, or the text of one of its mentions.

    Args:
        chain: the predicted chain, speaker first.
        gold: the gold names, speaker first.

    Returns:
        True when every element names its gold entity.

    >>> from quoteattr.model import EntityKind
    >>> putin = Entity("Vladimir Putin", EntityKind.PERSON, (Span(0, 5, "Putin"),), ())
    >>> chain_is_right((putin,), ["Putin"]), chain_is_right((putin,), ["Putin", "TASS"])
    (True, False)
    """
    return len(chain) == len(gold) and all(
        name == entity.name or any(name == mention.text for mention in entity.mentions)
        for entity, name in zip(chain, gold)
    )


@attrs.frozen
class ChainScore:
    """How many predicted chains matched their gold chains.

    >>> ChainScore(3, 4).accuracy
    75.0
    """

    right: int
    total: int

    @property
    def accuracy(self) -> float:
        """Right chains as a percentage of all gold chains (0 when there are none)."""
        return _percent(self.right, self.total)


def score_chains(pairs: Iterable[tuple[Sequence[Entity] | None, Sequence[str]]]) -> ChainScore:
    """Score predicted chains against gold ones; ``None`` stands for a quote not found.

    >>> score_chains([(None, ["A"]), ((), [])])
    ChainScore(right=1, total=2)
    """
    right = total = 0
    for chain, gold in pairs:
        total += 1
        right += chain is not None and chain_is_right(chain, gold)
    return ChainScore(right, total)

