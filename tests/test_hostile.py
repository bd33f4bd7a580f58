"""The input contract of ``analyze`` (#5): any ``str`` gives a valid Document.

Each input here is one the issue names: empty, whitespace only, lone
surrogates, NUL and other control characters, ``\\r\\n`` and ``\\r`` line ends,
tabs, zero-width and bidi marks, combining marks, emoji, right-to-left
scripts, 100,000 quotation marks in a row, unbalanced and interleaved quote
styles, and one very long paragraph.
"""

from __future__ import annotations

import pickle

import pytest

import quoteattr

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
