"""The input contract of ``analyze`` (#5): any ``str`` gives a valid Document.

Each input here is one the issue names: empty, whitespace only, lone
surrogates, NUL and other control characters, ``\\r\\n`` and ``\\r`` line ends,
tabs, zero-width and bidi marks, combining marks, emoji, right-to-left
scripts, 100,000 quotation marks in a row, unbalanced and interleaved quote
styles, and one very long paragraph; and runs of tags (``Cole said Cole said ...``)
that take time linear in their length, however they nest.
"""

from __future__ import annotations

import gc
import pickle
import time
import tracemalloc
from typing import Callable

import pytest
from hypothesis import given
from hypothesis import strategies as st

import quoteattr
from quoteattr import _indirect
from quoteattr._cues import CueIndex
from work_counting import profile_events

HOSTILE = {
    "empty": "",
    "whitespace": " \t\n\r\n \u2028 ",
    "lone surrogates": '"We won,\ud800" she said.\udfff',
    "control characters": '"We\x00 won,\x07" she\x1b said.\x0b',
    "carriage returns": '"We won," she said.\r\r"Again," he said.\r\n',
    "zero-width and bidi": '\u200b"We \u200ewon,\u202e" she\u2066 said.\ufeff',
    "combining marks": '"We wo\u0301n\u0308," she said.',
    "emoji": '"We won \U0001F600," she said. \U0001F1FA\U0001F1F8',
    "right to left": '«نحن فزنا» قالت الوزيرة. "שלום," אמר השר.',
    "100,000 marks": '"' * 100_000,
    "interleaved styles": '“A «b ”c» ‘d" e’ „f‚ g“' * 200,
    "unbalanced": '"He said "no' * 500 + " «« »»» ''' ’’ ‘",
    "long paragraph": ('Officials said the plan works. "It will," Mayor Ann Cole said. ' * 8000),
}


@pytest.mark.parametrize("text", list(HOSTILE.values()), ids=list(HOSTILE))
def test_hostile_text_gives_a_valid_document(text: str) -> None:
    """No exception; every span lies in the text and slices it back to its own text."""
    doc = quoteattr.analyze(text)
    assert doc.text is text
    spans = [q.content for q in doc.quotes]
    spans += [s for q in doc.quotes for s in (q.cue, q.source) if s is not None]
    spans += [m for e in doc.entities for m in e.mentions]
    assert all(0 <= s.start <= s.end <= len(text) and text[s.start:s.end] == s.text for s in spans)


@pytest.mark.parametrize("text", [HOSTILE["lone surrogates"], HOSTILE["right to left"]])
def test_hostile_documents_round_trip_and_pickle(text: str) -> None:
    """Documents of odd text survive to_dict/from_dict and pickling unchanged."""
    doc = quoteattr.analyze(text)
    assert doc == quoteattr.Document.from_dict(doc.to_dict())
    assert doc == pickle.loads(pickle.dumps(doc))


@pytest.mark.parametrize(
    "value, hint",
    [(b"bytes", "decode"), (bytearray(b"x"), "decode"), (None, "NoneType"), (3.5, "float")],
)
def test_wrong_types_raise_a_typed_error_saying_what_to_pass(value: object, hint: str) -> None:
    """Non-str input raises InputTypeError (a TypeError) naming what was passed or what to do."""
    with pytest.raises(quoteattr.InputTypeError, match=hint):
        quoteattr.analyze(value)  # type: ignore[arg-type]


def test_a_file_object_is_refused_with_a_hint() -> None:
    """A file object is not read for the caller: the error says to pass its text."""
    import io

    with pytest.raises(TypeError, match="text"):
        quoteattr.analyze(io.StringIO("x"))  # type: ignore[arg-type]


def _seconds(text: str) -> float:
    """The least processor time of three runs of ``analyze(text)``: other processes on the
    machine slow a run down but cannot make one faster."""
    times = []
    for _ in range(3):
        start = time.process_time()
        quoteattr.analyze(text)
        times.append(time.process_time() - start)
    return min(times)


@pytest.mark.parametrize("unit", [
    "Cole said ", "Mr. Cole said that ", "according to Cole ",
    "Experts on rivers and dams in Ohio said the levy failed, ",
])
def test_runs_of_tags_take_linear_time(unit: str) -> None:
    """Eight times the run takes about eight times as long, not sixty-four: the rules of
    each cue read a bounded stretch around it, not the whole run before or after it (a
    sentence of many reports, each of whose content runs on, included). The
    work happens inside the regex engine, where counting calls cannot see it, so this
    times it, allowing twice the linear ratio."""
    quoteattr.analyze(unit)
    assert _seconds(unit * 3200) <= 16 * _seconds(unit * 400)


def test_many_headline_lines_take_linear_time() -> None:
    """A text of tens of thousands of headline-like lines: whether a headline's subject
    is named again is looked for in a bounded stretch after it, and whether a line is
    the text's first is read off its paragraph's index, not by copying all the text
    before or after each line (which made 32 times the lines take over 120 times as
    long)."""
    line = "Mayor Cole Slams Plan Over Fares\n\n"
    quoteattr.analyze(line)
    assert _seconds(line * 32_000) <= 64 * _seconds(line * 1000)


def test_nothing_of_a_text_is_held_after_analyze() -> None:
    """Once the document is dropped, analyze holds nothing of the text: not the copy
    with plain spaces that the rules read, which the subjects and sources remembered for
    them would keep (400 kB here)."""
    text = "Ann\u00a0Lee said the vote failed on Monday, aides said. " * 4_000
    quoteattr.analyze(text)
    tracemalloc.start()
    try:
        doc = quoteattr.analyze(text)
        del doc
        gc.collect()
        held, _ = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert held < len(text) // 100


def test_deeply_nested_quotes_give_a_usable_document() -> None:
    """A tag run with no sentence end nests each quote in the one before, thousands deep:
    nesting stops at eight levels, and the document hashes, compares and round-trips."""
    doc = quoteattr.analyze('"x," said Cole ' * 1500)
    depths = []
    for quote in doc.quotes:
        depth = 0
        while quote.parent is not None:
            quote, depth = quote.parent, depth + 1
        depths.append(depth)
    assert 8 == max(depths)
    again = quoteattr.Document.from_dict(doc.to_dict())
    assert doc == again and hash(doc.quotes[-1]) == hash(again.quotes[-1])
    assert doc.quotes[-1] == pickle.loads(pickle.dumps(doc.quotes[-1]))


_NAMES = [f"{first} {last}" for first in ("Ann", "Bob", "Cy", "Di", "Ed", "Flo", "Gus", "Hal")
          for last in ("Cole", "Diaz", "Egan", "Ford", "Gray", "Hunt", "Ives", "Jung")]


def _nested_speakers(n: int) -> str:
    return "".join(f'"x," said {_NAMES[i % len(_NAMES)]} ' for i in range(n))


@pytest.mark.parametrize(
    "make",
    [
        pytest.param(_nested_speakers, id="nested-quotes-by-many-speakers"),
        pytest.param(lambda n: "according to Cole, Ann said " * n, id="cue-phrases-and-verbs"),
    ],
)
def test_runs_take_linear_work(make: Callable[[int], str]) -> None:
    """Four times the run costs about four times the calls, not sixteen. Nested hundreds
    deep by different speakers, each quote's chain held the chain around it (cubic work);
    in a sentence of cue phrases and verbs, each verb was checked against every phrase.
    Both runs are longer than the reach of reported content (1,500 characters), past
    which a sentence's windows stop short of its end."""
    small, large = make(100), make(400)
    quoteattr.analyze(small)
    assert profile_events(quoteattr.analyze, large) <= 6 * profile_events(quoteattr.analyze, small)


_DENSE = (
    'Senator Ann Cole visited the new plant on Monday. "The plan will work," Cole said, '
    "according to Reuters. She told reporters that the budget needs more time. Mayor Tom "
    'Brandt called the deal "a waste of money." The meeting lasted two hours, and the vote '
    "is set for next week, officials said.\n\n"
)


_CURLY = _DENSE.replace('"The', "\u201cThe").replace('work,"', "work,\u201d").replace(
    '"a', "\u201ca").replace('money."', "money.\u201d")


@pytest.mark.parametrize("paragraph", [_DENSE, _CURLY], ids=["straight quotes", "curly quotes"])
def test_memory_on_quote_dense_prose(paragraph: str) -> None:
    """Prose with a quote every 70 characters: the document takes at most 12 times the
    text's size and analyze at most 20 times at its peak (Python objects, as tracemalloc
    counts them; they were 19 and 35 times when every span kept its own copy of a cue or a
    name and the cue candidates lived until the end, and the peak was 24 times when the
    word scan split the whole text at once, 28 with curly quotes when the text was
    lowercased at once: ``str.lower`` takes 14 bytes a character on text not in ASCII)."""
    text = paragraph * 700
    quoteattr.analyze(paragraph)
    tracemalloc.start()
    try:
        before = tracemalloc.get_traced_memory()[0]
        doc = quoteattr.analyze(text)
        kept, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert 2800 == len(doc.quotes)
    assert kept - before <= 12 * len(text)
    assert peak - before <= 20 * len(text)


_WORD_PIECES = ["declined", "DECLINED", "Refused", "refuses", "ſ", "İ", "\u212a", "é", " ", ",",
                "x", "de", "clined"]


@given(st.lists(st.sampled_from(_WORD_PIECES), max_size=30).map("".join))
def test_stance_verbs_found_by_the_cue_scan_are_those_of_a_whole_scan(text: str) -> None:
    """Stance verbs are looked for only where the cue scan found one, which finds the
    matches a scan of the whole text with the stance pattern finds, whatever the case."""
    found = [m.span() for m in _indirect._stance_matches(CueIndex(text))]
    assert found == [m.span() for m in _indirect._stance_pattern().finditer(text)]
