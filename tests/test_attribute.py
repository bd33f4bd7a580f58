"""Tests for ``quoteattr._attribute``: the fast paths of the direct stage's rules."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from quoteattr import _attribute

_LEAD_PIECES = [" ", " ", "\n", "\xa0", "\x1c", "on", "Monday", "that", ",", ":", ".", "x"]


@given(st.lists(st.sampled_from(_LEAD_PIECES), max_size=30).map("".join))
def test_a_lead_in_is_what_the_regex_reads(words: str) -> None:
    """``_is_lead_in`` rules out by counting words only what ``_LEAD_IN`` does not match."""
    assert _attribute._is_lead_in(words) == (_attribute._LEAD_IN.match(words) is not None)
