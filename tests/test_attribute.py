"""Tests for ``quoteattr._attribute``: the fast paths of the direct stage's rules."""

from __future__ import annotations

from hypothesis import example, given
from hypothesis import strategies as st

from quoteattr import _attribute

_LEAD_PIECES = [" ", " ", "\n", "\xa0", "\x1c", "on", "Monday", "that", ",", ":", ".", "x"]


@given(st.lists(st.sampled_from(_LEAD_PIECES), max_size=30).map("".join))
def test_a_lead_in_is_what_the_regex_reads(words: str) -> None:
    """``_is_lead_in`` rules out by counting words only what ``_LEAD_IN`` does not match."""
    assert _attribute._is_lead_in(words) == (_attribute._LEAD_IN.match(words) is not None)


_QUOTE_PIECES = [" ", " ", "\n", '"', "“", "”", ",", ":", ".", "-", "—", "We won it all",
                 "Lee said", "said Lee", "he told reporters", "The Post quoted Lee as saying",
                 "Lee called it", "according to Lee", "Lee retorted", "the aide", "and", "that"]


@given(st.lists(st.sampled_from(_QUOTE_PIECES), max_size=30).map("".join))
@example('"We won it all," Lee said. Lee said: "We won." Lee called it "a big thing".')
def test_a_rule_skipped_on_an_empty_side_finds_nothing_there(text: str) -> None:
    """The rules ``_apply_rules`` passes over for a quote with no text before it (after
    it) in its sentence find nothing for such a quote."""
    layout = _attribute.layout_of(text)
    for quote in layout.quotes:
        sentence = (0, len(text))
        for before, after, skipped in (
                ((quote.open_start, quote.open_start), (quote.close_end, len(text)),
                 _attribute._READ_BEFORE),
                ((0, quote.open_start), (quote.close_end, quote.close_end),
                 _attribute._READ_AFTER)):
            context = _attribute._Context(layout.cues, sentence, quote, before, after, None, None)
            assert [] == [rule.__name__ for rule in skipped if rule(context) is not None]
