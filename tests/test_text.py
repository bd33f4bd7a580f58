"""Tests for ``quoteattr._text``: paragraphs, sentences and trimming, all as offsets."""

from __future__ import annotations

import sys

import pytest
import regex
from hypothesis import given
from hypothesis import strategies as st

from quoteattr import _text
from quoteattr._text import paragraphs, sentences, trim


def _sentences(text: str, protected: list[tuple[int, int]] | None = None) -> list[str]:
    return [text[s:e] for s, e in sentences(text, (0, len(text)), protected or [])]


# paragraphs ---------------------------------------------------------------------------


def test_paragraphs_split_at_blank_lines() -> None:
    """A blank line separates two paragraphs; the break itself belongs to neither."""
    assert [(0, 4), (6, 10)] == paragraphs("One.\n\nTwo.")


def test_paragraphs_split_at_every_line_break() -> None:
    """A single line break also ends a paragraph (news copy puts one per line)."""
    assert [(0, 8), (9, 17)] == paragraphs("line one\nline two")


def test_paragraphs_skip_runs_of_blank_lines() -> None:
    """Several blank lines, including lines of spaces only, give no empty paragraphs."""
    text = "A.\n\n   \n\t\n\nB."
    assert [(0, 2), (11, 13)] == paragraphs(text)


def test_paragraphs_split_at_windows_line_ends() -> None:
    """``\\r\\n`` is one line end: the paragraph stops before ``\\r``."""
    assert [(0, 4), (8, 12)] == paragraphs("One.\r\n\r\nTwo.")


def test_paragraphs_split_at_old_mac_line_ends() -> None:
    """A lone ``\\r`` ends a line too."""
    assert [(0, 4), (5, 9)] == paragraphs("One.\rTwo.")


@pytest.mark.parametrize("separator", ["\u2028", "\u2029", "\x85", "\x0c", "\x0b"])
def test_paragraphs_split_at_unicode_line_separators(separator: str) -> None:
    """Unicode line and paragraph separators, NEL, form and vertical tab end lines."""
    assert [(0, 2), (3, 5)] == paragraphs(f"A.{separator}B.")


def test_paragraphs_drop_trailing_and_leading_spaces() -> None:
    """Spaces at either end of a line are not part of its paragraph."""
    text = "  One.   \n\nTwo.  "
    assert [(2, 6), (11, 15)] == paragraphs(text)
    assert ["One.", "Two."] == [text[s:e] for s, e in paragraphs(text)]


def test_paragraphs_drop_zero_width_characters_at_edges() -> None:
    """Zero-width spaces, joiners and a BOM at the edges of a line are trimmed off."""
    text = "\ufeff\u200bOne.\u200d\n\n\u2060Two.\u200c"
    assert ["One.", "Two."] == [text[s:e] for s, e in paragraphs(text)]
    assert [(2, 6), (10, 14)] == paragraphs(text)


def test_paragraphs_keep_zero_width_characters_inside() -> None:
    """A zero-width character between letters stays inside the paragraph."""
    assert [(0, 3)] == paragraphs("a\u200bb")


def test_paragraphs_skip_lines_of_invisible_characters() -> None:
    """A line holding only spaces and zero-width characters is blank."""
    assert [(0, 1), (6, 7)] == paragraphs("a\n \u200b \nb")


def test_paragraphs_of_blank_text_are_empty() -> None:
    """Empty or all-blank text has no paragraphs."""
    assert [] == paragraphs("")
    assert [] == paragraphs(" \n\r\n\u200b\t")


# trim -----------------------------------------------------------------------------------


def test_trim_shrinks_past_spaces_inside_the_range() -> None:
    """trim moves start right and end left past white space, within the given range."""
    text = "x  ab  y"
    assert (3, 5) == trim(text, 1, 7)


def test_trim_removes_invisible_marks() -> None:
    """Zero-width spaces and a BOM count as blank at either end."""
    text = "\u200b ab\ufeff"
    assert (2, 4) == trim(text, 0, len(text))


def test_trim_keeps_a_range_without_edge_spaces() -> None:
    """A range that starts and ends on visible characters is returned as is."""
    assert (0, 4) == trim("a  b", 0, 4)


def test_trim_takes_off_every_character_that_str_isspace_accepts() -> None:
    """``trim`` reads a set, built from the characters below U+3001: it holds every one
    that ``str.isspace`` accepts, and the invisible marks, and nothing else."""
    spaces = {c for c in map(chr, range(sys.maxunicode + 1)) if c.isspace()}
    assert _text._TRIMMED == spaces | _text._INVISIBLE


def test_trim_collapses_a_blank_range_to_its_end() -> None:
    """An all-blank range becomes empty, at its end."""
    assert (3, 3) == trim("   ", 0, 3)


# sentences ------------------------------------------------------------------------------


def test_sentences_split_at_full_stops() -> None:
    """Two plain sentences are split, and the space between them is dropped."""
    assert ["It rained.", "We left."] == _sentences("It rained. We left.")


def test_sentences_use_offsets_into_the_whole_text() -> None:
    """Sentences of a later paragraph are offsets into the whole text, not the paragraph."""
    text = "Skip.\n\nIt rained. We left."
    assert [(7, 17), (18, 26)] == sentences(text, (7, len(text)))


@pytest.mark.parametrize(
    "text",
    [
        "Mr. Smith met Sen. Jones on Monday.",
        "Dr. Jones and Gov. Brown met on Monday.",
        "The U.S. Army said nothing.",
    ],
)
def test_abbreviations_before_a_name_do_not_end_a_sentence(text: str) -> None:
    """Titles (Mr., Sen., Dr., Gov.) and U.S. before a capitalised name keep the sentence whole."""
    assert [text] == _sentences(text)


def test_abbreviation_before_a_sentence_opener_ends_a_sentence() -> None:
    """``U.S.`` followed by ``He`` ends the sentence: the period does double duty."""
    assert ["He came to the U.S.", "He left."] == _sentences("He came to the U.S. He left.")


def test_initials_do_not_end_a_sentence() -> None:
    """An initial (``J. Smith``) is not a sentence end."""
    assert ["He met J. Smith today.", "Then he left."] == _sentences(
        "He met J. Smith today. Then he left."
    )


def test_protected_span_is_never_split() -> None:
    """Periods inside a protected quotation do not split it, though they would unprotected."""
    text = 'He said "Go. Now. Fast." to them.'
    assert '"Go. Now. Fast."' == text[8:24]
    assert ['He said "Go.', "Now.", 'Fast." to them.'] == _sentences(text)
    assert [text] == _sentences(text, [(8, 24)])


def test_sentence_ends_at_a_closing_quote_mark() -> None:
    """``."`` followed by a capitalised word ends a sentence, even right after a protected quote."""
    text = 'He said "Go." Then he left.'
    assert '"Go."' == text[8:13]
    assert ['He said "Go."', "Then he left."] == _sentences(text, [(8, 13)])


@pytest.mark.parametrize("closing", ["”", "’", "»", ")"])
def test_sentence_ends_after_other_closing_marks(closing: str) -> None:
    """The terminator takes the closing marks after it into the sentence it ends."""
    text = f"It was fine.{closing} They left."
    assert [f"It was fine.{closing}", "They left."] == _sentences(text)


def test_missing_space_after_a_period_still_splits() -> None:
    """``said.Trump``: a period followed directly by a capitalised word ends a sentence."""
    assert ["He said.", "Trump left."] == _sentences("He said.Trump left.")


def test_decimal_point_does_not_split() -> None:
    """``3.5`` is a number, not a sentence end."""
    text = "It cost 3.5 million. Then it fell."
    assert ["It cost 3.5 million.", "Then it fell."] == _sentences(text)


def test_lowercase_after_a_period_does_not_split() -> None:
    """A period followed by a lowercase word is not taken as a sentence end."""
    text = "Prices rose approx. ten percent last year."
    assert [text] == _sentences(text)


def test_question_and_exclamation_marks_split() -> None:
    """``?`` and ``!`` end sentences too."""
    assert ["Why?", "Because!", "Then."] == _sentences("Why? Because! Then.")


def test_text_after_the_last_terminator_is_a_sentence() -> None:
    """Words after the last terminator form a final sentence without one."""
    assert ["It rained.", "We left"] == _sentences("It rained. We left")


_SENTENCE_PIECES = [".", "...", "!", "?", "…", '"', "’", ")", " ", "\n", "A", "b", "Mr", "7", "x."]


@given(st.lists(st.sampled_from(_SENTENCE_PIECES), max_size=30).map("".join), st.data())
def test_terminators_are_those_a_scan_of_the_window_finds(text: str, data: st.DataObject) -> None:
    """Tried at each full stop alone, or by the regex where another terminator character
    stands, the terminators of any window are those ``finditer`` finds."""
    start = data.draw(st.integers(0, len(text)))
    end = data.draw(st.integers(start, len(text)))
    found = list(_text._terminators(text, start, end))
    assert found == [m.span() for m in _text._TERMINATOR.finditer(text, start, end)]


_BOUNDARY_PIECES = [".", " ", "  ", "\n", "A", "b", "é", "É", "\u0301", "7", "(", '"', "“", "’",
                    "U.S.", "Mr", "x" * 30]


@given(st.lists(st.sampled_from(_BOUNDARY_PIECES), max_size=20).map("".join), st.data())
def test_the_words_around_a_full_stop_are_those_the_regexes_find(
    text: str, data: st.DataObject
) -> None:
    """Read without the regexes where the text is plain, the start of the next sentence
    and the word before a full stop are those ``_NEXT_START`` and ``_WORD_BEFORE`` find."""
    position = data.draw(st.integers(0, len(text)))
    end = data.draw(st.integers(position, len(text)))
    following = _text._NEXT_START.match(text, position, end)
    assert _text._next_start(text, position, end) == (following.start(1) if following else -1)
    periods = [i for i, c in enumerate(text) if c == "."]
    if periods:
        period = data.draw(st.sampled_from(periods))
        before = _text._WORD_BEFORE.match(text, max(0, period - 40), period + 1)
        assert _text._word_before_period(text, period) == (before.group(1) if before else None)


def test_the_tag_lead_holds_what_its_class_matches() -> None:
    """The characters ``_tag_lead_end`` reads past are those of ``[\\s,;—–\\-]``."""
    import regex
    from quoteattr import _attribute
    pattern = regex.compile(r"[\s,;—–\-]")
    matched = {c for c in map(chr, range(sys.maxunicode + 1)) if pattern.fullmatch(c)}
    assert _attribute._TAG_LEAD == matched


@given(st.text(alphabet="a \t\n\r\u2028\u2029\x0b\x0c\x1c\x1d\x1e\x85\u200b\xa0", max_size=30))
def test_paragraphs_end_before_their_line_breaks(text: str) -> None:
    """Trimmed with its line break, which is a space, a line is the one trimmed of both
    without it."""
    expected, position = [], 0
    for line in text.splitlines(keepends=True):
        body = line.rstrip("\n\r\u2028\u2029\x0b\x0c\x1c\x1d\x1e\x85")
        start, end = trim(text, position, position + len(body))
        if start < end:
            expected.append((start, end))
        position += len(line)
    assert paragraphs(text) == expected


_TRAILING_PIECES = [" ", "  ", "\n", "\xa0", ",", ":", "and", "And", "d", "x", "é", "“", "-"]


@given(st.lists(st.sampled_from(_TRAILING_PIECES), max_size=12).map("".join), st.data())
def test_a_trailing_pattern_searches_as_the_regex(text: str, data: st.DataObject) -> None:
    """``Trailing.search``, with its ``last`` characters ruling windows out first, finds
    what ``regex`` finds searching the window forwards, and ``ends`` says whether that
    match ends the window."""
    start = data.draw(st.integers(0, len(text) + 1))
    end = data.draw(st.integers(0, len(text) + 2))
    for pattern, last in ((r",\s*$", ","), (r"\s+(?:and|:)\s+$", "d:"), (r"\band\s*$", None)):
        forwards = regex.compile(pattern)
        expected = forwards.search(text, start, end)
        found = _text.Trailing(pattern, last=last).search(text, start, end)
        assert (None if expected is None else expected.span()) == (
            None if found is None else found.span())
        assert (expected is not None) == _text.Trailing(pattern, last=last).ends(text, start, end)
