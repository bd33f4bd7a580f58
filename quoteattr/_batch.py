"""Many texts at once: :func:`analyze_many` spreads them over a process pool.

Results come back in input order, one per text. A text that cannot be
analysed gives a :class:`BatchError` in its place, and the batch goes on.

>>> results = list(analyze_many(['"Yes," he said.', b"bytes", "No quotes."], processes=1))
>>> [type(result).__name__ for result in results]
['Document', 'BatchError', 'Document']
>>> results[1].index, type(results[1].error).__name__
(1, 'InputTypeError')
"""

from __future__ import annotations

import gc
import itertools
import marshal
import os
from collections import deque
from typing import TYPE_CHECKING, Iterable, Iterator, Sequence

import attrs

from quoteattr import _trusted
from quoteattr._chains import outer_first
from quoteattr._pipeline import analyze
from quoteattr.errors import ArgumentError, InputTypeError
from quoteattr.model import Document, Entity, EntityKind, Quote, QuoteKind, Span

if TYPE_CHECKING:
    import concurrent.futures

# concurrent.futures, pickle and traceback are imported where used: `import quoteattr`
# should not pay for a process pool it may never start (marshal is always loaded).

__all__ = ["BatchError", "analyze_many"]

# Chunks handed to the pool ahead of the one being yielded, per process: enough to keep
# every process busy while the caller reads, few enough that a long or endless input
# is never read far ahead of what the caller has consumed.
_AHEAD_PER_PROCESS = 2


@attrs.frozen
class BatchError:
    """The result :func:`analyze_many` gives for a text that could not be analysed.

    Attributes:
        index: the text's position in the input, counting from 0.
        error: the exception :func:`quoteattr.analyze` raised for it, e.g. an
            :class:`~quoteattr.errors.InputTypeError` for an item that is not a ``str``.
        traceback: the formatted traceback, from the process that analysed the text.
    """

    index: int = attrs.field(validator=attrs.validators.instance_of(int))
    error: Exception = attrs.field(validator=attrs.validators.instance_of(Exception))
    traceback: str = attrs.field(default="", repr=False, eq=False)


def analyze_many(
    texts: Iterable[str], *, processes: int | None = None, chunksize: int = 16
) -> Iterator[Document | BatchError]:
    """Analyse every text of ``texts``, using ``processes`` processes.

    The results come one per text, in input order, as the texts are done: a
    :class:`~quoteattr.model.Document` equal to ``analyze(text)``, or a
    :class:`BatchError` holding the index of a text and the error ``analyze``
    raised for it (an item that is not a ``str`` gives the same
    :class:`~quoteattr.errors.InputTypeError` as ``analyze``). An error never
    stops the batch: check each result with ``isinstance(result, BatchError)``,
    and ``raise result.error`` if one bad text should end the job.

    ``texts`` may be any iterable, a generator too; it is read a few chunks ahead
    of the results taken, so an endless one is fine. With more than one process,
    texts go to a :class:`concurrent.futures.ProcessPoolExecutor` in chunks of
    ``chunksize``; an input that fits in one chunk is analysed in this process.

    Args:
        texts: the articles, each a ``str``.
        processes: how many processes; ``None`` (the default) means
            ``os.cpu_count()``, and 1 analyses the texts one by one in this process.
        chunksize: how many texts a process is sent at a time; larger chunks cost
            less in communication, smaller ones balance the load better.

    Returns:
        An iterator over one ``Document`` or ``BatchError`` per text.

    Raises:
        TypeError: ``processes`` or ``chunksize`` is not an ``int``.
        ValueError: ``processes`` or ``chunksize`` is less than 1.
        concurrent.futures.process.BrokenProcessPool: while iterating, when a worker
            process died (killed for want of memory, say): no text is to blame.

    >>> texts = ('"We won," she said.', None, "The war is over, the minister said.")
    >>> for result in analyze_many(texts, processes=2, chunksize=1):
    ...     if isinstance(result, BatchError):
    ...         print(result.index, result.error)
    ...     else:
    ...         print([quote.content.text for quote in result.quotes])
    ['We won']
    1 analyze() takes str, not NoneType: pass the article text
    ['The war is over']
    """
    if processes is None:
        processes = os.cpu_count() or 1
    processes = _at_least_one("processes", processes)
    chunksize = _at_least_one("chunksize", chunksize)
    if processes == 1:
        return (_analyze_one(index, text) for index, text in enumerate(texts))
    return _pooled(iter(texts), processes, chunksize)


def _at_least_one(name: str, value: object) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise InputTypeError(f"{name} must be an int, not {type(value).__name__}")
    if value < 1:
        raise ArgumentError(f"{name} must be at least 1, not {value}")
    return value


def _pooled(
    texts: Iterator[object], processes: int, chunksize: int
) -> Iterator[Document | BatchError]:
    chunks = (list(chunk) for chunk in iter(lambda: tuple(itertools.islice(texts, chunksize)), ()))
    first = next(chunks, None)
    second = next(chunks, None)
    if first is None:
        return
    if second is None:  # one chunk would go to one process: nothing to gain from a pool
        yield from (_analyze_one(index, text) for index, text in enumerate(first))
        return
    import concurrent.futures

    ahead = processes * _AHEAD_PER_PROCESS
    # A forked worker starts with a copy of this process's heap; frozen, the worker's
    # collector leaves it alone instead of walking it (and copying every page it touches),
    # which with a large heap here cost more than the second process gained.
    pool = concurrent.futures.ProcessPoolExecutor(max_workers=processes, initializer=gc.freeze)
    try:
        pending: deque[_Chunk] = deque()
        start = 0
        for chunk in itertools.chain((first, second), chunks):
            pending.append(_Chunk.submit(pool, start, chunk))
            start += len(chunk)
            if len(pending) > ahead:
                yield from pending.popleft().results()
        while pending:
            yield from pending.popleft().results()
    finally:  # also when the caller stops early: drop the chunks not started
        pool.shutdown(wait=True, cancel_futures=True)


class _Chunk:
    """A chunk of texts in the pool, with the errors of its non-``str`` items found here.

    Items that are not ``str`` are not sent: they might not pickle, and
    ``analyze`` rejects them before doing any work anyway.
    """

    def __init__(self, start: int, local: dict[int, BatchError], texts: list[str | None],
                 future: concurrent.futures.Future) -> None:
        self.start = start
        self.local = local
        self.texts = texts
        self.future = future

    @classmethod
    def submit(cls, pool: concurrent.futures.Executor, start: int, items: list[object]) -> _Chunk:
        local = {start + i: _analyze_one(start + i, item)
                 for i, item in enumerate(items) if not isinstance(item, str)}
        sent = [item if isinstance(item, str) else None for item in items]
        return cls(start, local, sent, pool.submit(_analyze_chunk, start, sent))

    def results(self) -> Iterator[Document | BatchError]:
        returned = self.future.result()
        for index, (text, result) in enumerate(zip(self.texts, returned), self.start):
            yield self.local[index] if index in self.local else _received(result, text)


def _analyze_chunk(start: int, texts: Sequence[object]) -> list[bytes | BatchError | None]:
    """Run in a worker process: analyse each ``str``, leaving ``None`` for the rest."""
    return [None if text is None else _sendable(_analyze_one(index, text), text)
            for index, text in enumerate(texts, start)]


def _analyze_one(index: int, text: object) -> Document | BatchError:
    try:
        return analyze(text)  # type: ignore[arg-type]  # the error for a non-str is the point
    except Exception as error:
        import traceback

        return BatchError(index, error, traceback.format_exc())


def _sendable(result: Document | BatchError, text: str) -> bytes | BatchError:
    """The Document of ``text`` packed, or an error that will not pickle replaced by a
    ``RuntimeError`` naming it."""
    if isinstance(result, Document):
        return _packed(result, text)
    import pickle

    try:
        pickle.loads(pickle.dumps(result.error))
    except Exception:
        error = RuntimeError(f"{type(result.error).__name__}: {result.error}")
        return BatchError(result.index, error, result.traceback)
    return result


def _packed(document: Document, text: str) -> bytes:
    """``document``, the analysis of ``text``, packed for the caller, who has ``text``.

    A Document of ``text`` whose parts all point into it (as ``analyze`` makes them) is
    packed as flat tuples of offsets, kinds and indices (:func:`_flat`), marshalled;
    any other is pickled whole. Pickled as attrs pickles them, Documents took a fifth of
    the time of their analysis to pickle and unpickle, and the caller's process, which
    unpacks them, competes with the workers for the processors.
    """
    flat = _flat(document, text)
    if flat is None:
        import pickle

        return marshal.dumps(pickle.dumps(document, pickle.HIGHEST_PROTOCOL))
    return marshal.dumps(flat)


_ENTITY_KINDS = tuple(EntityKind)
_QUOTE_KINDS = tuple(QuoteKind)
_NONE = -1  # the index of a part that is None
_Flat = tuple[tuple[int, ...], tuple[tuple[object, ...], ...], tuple[tuple[object, ...], ...]]


def _flat(document: Document, text: str) -> _Flat | None:
    """``document`` as plain values: the offsets into ``text`` of its spans, each pair
    once, starts and ends in turn; its entities; and its quotes, outer ones first (each
    holding its position in the document), so that a parent is rebuilt before its
    children. Spans are given as their indices among the pairs, kinds as their positions
    in their enum, entities and parents as their indices in the document; ``None`` when
    a part of ``document`` does not point into ``text`` or into ``document`` itself.

    >>> text = '"We won," Ann Lee said.'
    >>> offsets, entities, quotes = _flat(analyze(text), text)
    >>> offsets
    (10, 17, 1, 7, 18, 22)
    >>> entities
    (('Ann Lee', 0, (0,), ()),)
    >>> quotes
    ((0, 1, 2, 0, 0, 0, (0,), 0.9, 'cue_after', True, -1),)
    """
    if document.text is not text:
        return None
    pairs: dict[tuple[int, int], int] = {}
    entities = {id(entity): index for index, entity in enumerate(document.entities)}
    quotes = {id(quote): index for index, quote in enumerate(document.quotes)}
    flat_entities = []
    for entity in document.entities:
        mentions = _indices(text, entity.mentions, pairs)
        if mentions is None:
            return None
        flat_entities.append((entity.name, _ENTITY_KINDS.index(entity.kind), mentions,
                              entity.titles))
    flat_quotes = []
    parents = [_NONE if quote.parent is None else quotes.get(id(quote.parent))
               for quote in document.quotes]
    if None in parents:
        return None
    for index in outer_first([None if parent == _NONE else parent for parent in parents]):
        quote = document.quotes[index]
        spans = _indices(text, (quote.content, quote.cue, quote.source), pairs)
        chain = tuple(entities.get(id(entity), _NONE) for entity in quote.chain)
        speaker = _NONE if quote.speaker is None else entities.get(id(quote.speaker))
        if spans is None or _NONE in chain or speaker is None:
            return None
        flat_quotes.append((index, *spans, _QUOTE_KINDS.index(quote.kind), speaker, chain,
                            quote.confidence, quote.rule, quote.speech, parents[index]))
    return tuple(itertools.chain.from_iterable(pairs)), tuple(flat_entities), tuple(flat_quotes)


def _indices(text: str, spans: Iterable[Span | None],
             pairs: dict[tuple[int, int], int]) -> tuple[int, ...] | None:
    """The index in ``pairs`` of the offsets of each of ``spans`` (``_NONE`` for
    ``None``), adding the offsets not there yet; ``None`` when a span is not the slice of
    ``text`` at its offsets."""
    found = []
    for span in spans:
        if span is None:
            found.append(_NONE)
        elif span.text == text[span.start:span.end]:
            found.append(pairs.setdefault((span.start, span.end), len(pairs)))
        else:
            return None
    return tuple(found)


def _received(result: bytes | BatchError, text: str) -> Document | BatchError:
    """What a worker returned for ``text``: its Document, packed, or its error."""
    return _unpacked(result, text) if isinstance(result, bytes) else result


def _unpacked(packed: bytes, text: str) -> Document:
    """The Document :func:`_packed` packed, for ``text``."""
    flat = marshal.loads(packed)
    if isinstance(flat, bytes):
        import pickle

        document: Document = pickle.loads(flat)
        return document
    # Rebuilding makes thousands of objects, no cycle among them: with the collector on,
    # each few hundred would start a collection, which took more time than the rebuild.
    collecting = gc.isenabled()
    gc.disable()
    try:
        return _rebuilt(flat, text)
    finally:
        if collecting:
            gc.enable()


def _rebuilt(flat: _Flat, text: str) -> Document:
    """The Document of ``text`` that :func:`_flat` gave ``flat`` for. Its spans are made
    in one call, and parts with the same offsets share one Span."""
    offsets, flat_entities, flat_quotes = flat
    spans = _trusted.spans(text, zip(offsets[::2], offsets[1::2]))
    span_at = spans.__getitem__
    entities = tuple(
        _trusted.entity(name, _ENTITY_KINDS[kind], tuple(map(span_at, mentions)), titles)
        for name, kind, mentions, titles in flat_entities)
    chains: dict[tuple[int, ...], tuple[Entity, ...]] = {}
    quotes: list[Quote | None] = [None] * len(flat_quotes)
    for (index, content, cue, source, kind, speaker, chain, confidence, rule, speech,
         parent) in flat_quotes:
        if chain not in chains:
            chains[chain] = tuple(entities[at] for at in chain)
        quotes[index] = _trusted.quote(
            spans[content], _QUOTE_KINDS[kind], None if cue == _NONE else spans[cue],
            None if source == _NONE else spans[source],
            None if speaker == _NONE else entities[speaker], chains[chain], confidence, rule,
            speech, None if parent == _NONE else quotes[parent])
    return _trusted.document(text, tuple(quotes), entities)
