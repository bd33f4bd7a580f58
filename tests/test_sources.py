"""The fast paths of ``quoteattr._sources`` against the patterns they stand for."""

from __future__ import annotations

import regex
from hypothesis import given
from hypothesis import strategies as st

from quoteattr._sources import (
    _AND, _AND_BEFORE, _COORDINATED, _COORDINATORS, _SUBJECT_BOUNDARY, _may_end_in,
    _may_hold_word, last_boundary_end,
)

# Letters of the boundary words and of ``with``, the ``İ`` that IGNORECASE equates with
# ``i``, spaces regex and str.isspace read apart (\x1c), hyphens, dashes and commas.
_CHARACTERS = "andbutwithsoAWTİ \t\x1c\u3000-—,&x"
_TEXTS = st.text(alphabet=_CHARACTERS, max_size=30)


@given(_TEXTS, st.integers(0, 30), st.integers(0, 30))
def test_the_last_boundary_is_the_last_found(text: str, begin: int, end: int) -> None:
    """``last_boundary_end`` is the end of the last match ``finditer`` finds, or ``begin``."""
    opening = begin
    for boundary in _SUBJECT_BOUNDARY.finditer(text, begin, end):
        opening = boundary.end()
    assert opening == last_boundary_end(text, begin, min(end, len(text)))


@given(_TEXTS, st.integers(0, 30))
def test_a_window_ending_in_no_coordinator_holds_no_match(text: str, start: int) -> None:
    """``_may_end_in`` rules out only windows that the patterns do not end."""
    for pattern, words in ((_COORDINATED, _COORDINATORS), (_AND_BEFORE, _AND)):
        if pattern.ends(text, start, len(text)):
            assert _may_end_in(text, start, len(text), words)


@given(_TEXTS)
def test_a_window_without_the_word_holds_no_match(text: str) -> None:
    """``_may_hold_word`` rules out only windows where an IGNORECASE ``with`` is not."""
    if regex.search("with", text, regex.IGNORECASE):
        assert _may_hold_word(text, "with")
