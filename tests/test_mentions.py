"""The source phrases of ``quoteattr._mentions``."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from quoteattr._mentions import _TOKEN, _tokens_after, _tokens_before, _words

# Every kind of ASCII character the tokens tell apart, the white space that the
# standard library's re and regex do not agree on (\x1c-\x1f), and a non-ASCII letter,
# mark, digit and apostrophe, which send a stretch to the regex.
_CHARACTERS = "aZ09 \t\n\x0b\x1c\x1f'’.-,%[]s!é\u0301٣"


@given(st.text(alphabet=_CHARACTERS, max_size=40), st.integers(0, 40), st.integers(0, 40))
def test_the_ascii_tokens_are_the_tokens(text: str, start: int, end: int) -> None:
    """``_words``, which reads ASCII text with the standard library's re, finds the
    words of ``_TOKEN``."""
    assert _words(text, start, end) == _TOKEN.findall(text, start, end)


@given(st.text(alphabet=_CHARACTERS, max_size=40), st.integers(0, 40), st.integers(0, 40))
def test_the_tokens_read_from_the_left_are_the_tokens(text: str, start: int, end: int) -> None:
    """``_tokens_after`` finds the tokens of ``_TOKEN`` and their starts, reading each run
    between spaces alone and runs of ASCII letters without the regex."""
    tokens = [(t.group(), t.start()) for t in _TOKEN.finditer(text, start, end)]
    assert tokens == list(_tokens_after(text, start, end))


@given(st.text(alphabet=_CHARACTERS, max_size=40), st.integers(0, 40), st.integers(0, 40))
def test_the_tokens_read_from_the_right_are_the_tokens(text: str, start: int, end: int) -> None:
    """``_tokens_before`` finds the tokens of ``_TOKEN`` and their starts, the last first,
    reading each run between spaces alone and runs of ASCII letters without the regex."""
    tokens = [(t.group(), t.start()) for t in _TOKEN.finditer(text, start, end)]
    assert tokens[::-1] == list(_tokens_before(text, start, end))


# Runs of words with the punctuation that ends them, which the tokens read without the regex.
_RUNS = st.lists(st.sampled_from(["Lee", "a", "Zz", ",", ".", " ", "  ", "é", "'s", "-", "9", "\n"]),
                 max_size=12).map("".join)


@given(_RUNS, st.integers(0, 30), st.integers(0, 30))
def test_the_tokens_of_words_and_punctuation_are_the_tokens(text: str, start: int,
                                                            end: int) -> None:
    """``_tokens_after`` and ``_tokens_before`` find the tokens of ``_TOKEN`` in runs of
    words and the commas and periods after them (``Lee,``, ``Lee.``)."""
    tokens = [(t.group(), t.start()) for t in _TOKEN.finditer(text, start, end)]
    assert tokens == list(_tokens_after(text, start, end))
    assert tokens[::-1] == list(_tokens_before(text, start, end))
