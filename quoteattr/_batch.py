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

import functools
import gc
import io
import itertools
import os
from collections import deque
from typing import TYPE_CHECKING, Iterable, Iterator, Sequence

import attrs

from quoteattr import _trusted
from quoteattr._pipeline import analyze
from quoteattr.errors import ArgumentError, InputTypeError
from quoteattr.model import Document, Entity, Quote, Span

if TYPE_CHECKING:
    import concurrent.futures

# concurrent.futures, pickle and traceback are imported where used: `import quoteattr`
# should not pay for a process pool it may never start.

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
    """``document``, the analysis of ``text``, pickled without ``text``, which the caller
    has, its spans as offsets into it, and its parts rebuilt by :mod:`quoteattr._trusted`.

    Pickled as attrs pickles them, a chunk's Documents took a fifth of the time of their
    analysis to pickle and unpickle, and came to more than a pipe holds, so the worker
    waited on this process to read them.
    """
    buffer = io.BytesIO()
    _pickler_class()(buffer, text).dump(document)
    return buffer.getvalue()


@functools.cache
def _pickler_class() -> type:
    """The pickler of :func:`_packed`, made on first use: ``import quoteattr`` should
    not import :mod:`pickle`."""
    import pickle

    class Packer(pickle.Pickler):
        """Pickles the parts of a Document, ``text`` as a persistent id."""

        def __init__(self, file: io.BytesIO, text: str) -> None:
            super().__init__(file, pickle.HIGHEST_PROTOCOL)
            self.text = text
            self.dispatch_table = {Span: self.span_parts, Entity: _entity_parts,
                                   Quote: _quote_parts, Document: _document_parts}

        def persistent_id(self, value: object) -> str | None:
            return "" if value is self.text else None

        def span_parts(self, span: Span) -> tuple[object, tuple[object, ...]]:
            if span.text == self.text[span.start:span.end]:
                return _trusted.span, (self.text, span.start, span.end)
            return Span, (span.start, span.end, span.text)

    return Packer


def _entity_parts(entity: Entity) -> tuple[object, tuple[object, ...]]:
    return _trusted.entity, (entity.name, entity.kind, entity.mentions, entity.titles)


def _quote_parts(quote: Quote) -> tuple[object, tuple[object, ...]]:
    return _trusted.quote, (quote.content, quote.kind, quote.cue, quote.source, quote.speaker,
                            quote.chain, quote.confidence, quote.rule, quote.speech, quote.parent)


def _document_parts(document: Document) -> tuple[object, tuple[object, ...]]:
    return _trusted.document, (document.text, document.quotes, document.entities)


def _received(result: bytes | BatchError, text: str) -> Document | BatchError:
    """What a worker returned for ``text``: its Document, packed, or its error."""
    return _unpacked(result, text) if isinstance(result, bytes) else result


def _unpacked(packed: bytes, text: str) -> Document:
    """The Document :func:`_packed` packed, for ``text``."""
    document: Document = _unpickler_class()(io.BytesIO(packed), text).load()
    return document


@functools.cache
def _unpickler_class() -> type:
    """The unpickler of :func:`_unpacked`, made on first use like :func:`_pickler_class`."""
    import pickle

    class Unpacker(pickle.Unpickler):
        """Unpickles a packed Document, giving ``text`` for its persistent id."""

        def __init__(self, file: io.BytesIO, text: str) -> None:
            super().__init__(file)
            self.text = text

        def persistent_load(self, key: str) -> str:
            return self.text

    return Unpacker
